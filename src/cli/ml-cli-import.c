/* ml-cli-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `import stakeholders|relations|graphml`: rows of a spreadsheet saved as CSV, or the nodes and
 * edges of a GraphML network, added to a project in one step. The preview comes first; the
 * project is saved only when everything is valid, so a script never leaves a project half
 * imported.
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ml-cli.h"
#include "ml-csv-import.h"
#include "ml-error.h"
#include "ml-graphml-import.h"

/* What the file holds: the two kinds of CSV files, or a GraphML network. */
typedef enum
{
  IMPORT_STAKEHOLDERS = ML_CSV_IMPORT_STAKEHOLDERS,
  IMPORT_RELATIONS = ML_CSV_IMPORT_RELATIONS,
  IMPORT_GRAPHML,
} ImportKind;

static const char *
describe_columns (ImportKind kind)
{
  switch (kind)
    {
    case IMPORT_STAKEHOLDERS:
      return _("The first line of DATA.csv names the columns: name (required), id, type, level, sector, influence, interest, role, engagement, description. Rows naming a stakeholder the project already has are skipped. The project is saved, with a backup, only if every row is valid.");
    case IMPORT_RELATIONS:
      return _("The first line of DATA.csv names the columns: from and to (required; ids or names of stakeholders), kind, direction, strength, description. Relations the project already has are skipped. The project is saved, with a backup, only if every row is valid.");
    case IMPORT_GRAPHML:
    default:
      return _("Nodes become stakeholders and edges relations. Values are read by the attr.name of their key: name (or label, or the node id), type and level (required), sector, influence, interest, role, engagement, description; for edges kind (required), direction, strength, description. Measures such as degree are ignored, and the two arcs MissionLab exports for a mutual relation become one relation again. Stakeholders and relations the project already has are skipped. The project is saved, with a backup, only if everything is valid.");
    }
}

static MlImport *
preview_file (ImportKind   kind,
              MlProject   *project,
              const char  *path,
              GError     **error)
{
  if (kind == IMPORT_GRAPHML)
    return ml_graphml_import_preview_file (project, path, error);

  return ml_csv_import_preview_file (project, (MlCsvImportKind) kind, path, error);
}

static int
import_file (ImportKind   kind,
             const char  *command,
             int          argc,
             char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlImport) preview = NULL;
  g_autoptr(MlCommand) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project_display = NULL;
  g_autofree char *data_display = NULL;
  GPtrArray *added, *skipped, *errors, *warnings;
  MlFileStamp stamp;
  gboolean dry_run = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what would be imported, and change nothing"), NULL },
    { NULL }
  };

  context = g_option_context_new (kind == IMPORT_GRAPHML
                                  ? _("PROJECT FILE.graphml — add the stakeholders and relations of a GraphML network to a project")
                                  : _("PROJECT DATA.csv — add the rows of a CSV file to a project"));
  g_option_context_set_summary (context, describe_columns (kind));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 2)) != ML_EXIT_OK)
    return status;
  if (argc > 3)
    {
      g_printerr ("missionlab-cli %s: ", command);
      g_printerr (kind == IMPORT_GRAPHML ? _("one project and one GraphML file, not “%s” too\n")
                                         : _("one project and one CSV file, not “%s” too\n"),
                  argv[3]);
      return ML_EXIT_USAGE;
    }

  project = ml_cli_load (argv[1], &stamp, &status);
  if (project == NULL)
    return status;

  project_display = g_filename_display_name (argv[1]);
  data_display = g_filename_display_name (argv[2]);
  preview = preview_file (kind, project, argv[2], &error);
  if (preview == NULL)
    {
      g_printerr ("%s: %s\n", data_display, error->message);
      return g_error_matches (error, ML_ERROR, ML_ERROR_INVALID_VALUE) ? ML_EXIT_INVALID
                                                                        : ML_EXIT_IO;
    }

  added = ml_import_get_added (preview);
  skipped = ml_import_get_skipped (preview);
  errors = ml_import_get_errors (preview);
  warnings = ml_import_get_warnings (preview);

  for (guint i = 0; i < added->len; i++)
    {
      MlElement *element = g_ptr_array_index (added, i);
      g_autofree char *title = ml_element_describe (element);

      g_print (_("line %u: adds %s\n"), ml_import_get_added_line (preview, i), title);
    }
  for (guint i = 0; i < skipped->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (skipped, i));
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("%s: %s\n", data_display, (const char *) g_ptr_array_index (warnings, i));
  for (guint i = 0; i < errors->len; i++)
    g_printerr ("%s: %s\n", data_display, (const char *) g_ptr_array_index (errors, i));

  if (errors->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%s: %u error; nothing was imported. Correct the file and run the import again.\n",
                               "%s: %u errors; nothing was imported. Correct the file and run the import again.\n",
                               errors->len),
                  data_display, errors->len);
      return ML_EXIT_INVALID;
    }

  if (added->len == 0)
    {
      g_print (_("%s: nothing new to import\n"), project_display);
      return ML_EXIT_OK;
    }

  if (dry_run && kind == IMPORT_GRAPHML)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u stakeholder or relation would be added (dry run; nothing changed)\n",
                            "%u stakeholders and relations would be added (dry run; nothing changed)\n",
                            added->len),
               added->len);
      return ML_EXIT_OK;
    }
  if (dry_run)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u row would be added (dry run; nothing changed)\n",
                            "%u rows would be added (dry run; nothing changed)\n", added->len),
               added->len);
      return ML_EXIT_OK;
    }

  change = ml_import_build_command (preview);
  if (!ml_command_apply (change, project, &error))
    {
      g_printerr ("%s: %s\n", data_display, error->message);
      return ML_EXIT_INVALID;
    }

  /* The stamp of the version read: if someone saved the project meanwhile, do not overwrite. */
  if (!ml_project_save (project, argv[1], &stamp, NULL, &error))
    {
      g_printerr ("%s: %s\n", project_display, error->message);
      return ML_EXIT_IO;
    }

  if (kind == IMPORT_GRAPHML)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u stakeholder or relation added\n",
                          "%s: %u stakeholders and relations added\n", added->len),
             project_display, added->len);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u row added\n", "%s: %u rows added\n",
                          added->len),
             project_display, added->len);

  return ML_EXIT_OK;
}

int
ml_cli_import (int    argc,
               char **argv)
{
  g_autofree char **args = NULL;
  ImportKind kind;
  const char *command;

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *stream = argc < 2 ? stderr : stdout;

      fprintf (stream,
               "%s\n  missionlab-cli import stakeholders PROJECT DATA.csv [--dry-run]\n"
               "  missionlab-cli import relations PROJECT DATA.csv [--dry-run]\n"
               "  missionlab-cli import graphml PROJECT FILE.graphml [--dry-run]\n\n%s\n",
               _("Usage:"), _("Run “missionlab-cli import stakeholders --help” for the columns."));
      return argc < 2 ? ML_EXIT_USAGE : ML_EXIT_OK;
    }

  if (strcmp (argv[1], "stakeholders") == 0)
    {
      kind = IMPORT_STAKEHOLDERS;
      command = "import stakeholders";
    }
  else if (strcmp (argv[1], "relations") == 0)
    {
      kind = IMPORT_RELATIONS;
      command = "import relations";
    }
  else if (strcmp (argv[1], "graphml") == 0)
    {
      kind = IMPORT_GRAPHML;
      command = "import graphml";
    }
  else
    {
      g_printerr (_("missionlab-cli import: unknown import “%s”; there are “stakeholders”, “relations” and “graphml”\n"),
                  argv[1]);
      return ML_EXIT_USAGE;
    }

  /* GOption names the command after argv[0] in messages. */
  args = g_new0 (char *, argc);
  args[0] = (char *) command;
  for (int i = 2; i < argc; i++)
    args[i - 1] = argv[i];

  return import_file (kind, command, argc - 1, args);
}
