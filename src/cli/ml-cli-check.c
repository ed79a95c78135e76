/* ml-cli-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `validate` and `fmt`: the commands that check and rewrite files.
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-cli.h"
#include "ml-xml-writer.h"

int
ml_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean quiet = FALSE;
  int worst = ML_EXIT_OK;
  int status;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only problems"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — check project files"));
  g_option_context_set_summary (context,
                                _("Checks each file against the MissionLab format: well-formed XML in the right namespace and version, known elements, valid values, unique ids, references that resolve, dates in order. Problems are printed on standard error as FILE:LINE: error: …"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(MlProject) project = ml_cli_load (argv[i], NULL, &status);
      g_autofree char *display = g_filename_display_name (argv[i]);

      if (project != NULL && !quiet)
        g_print (_("%s: valid\n"), display);
      worst = MAX (worst, status);
    }

  return worst;
}

static int
format_file (const char *path,
             gboolean    check)
{
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GBytes) canonical = NULL;
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  MlFileStamp stamp;
  int status;

  project = ml_cli_load (path, &stamp, &status);
  if (project == NULL)
    return status;

  canonical = ml_xml_write (project);
  current = ml_file_read (path, ML_FILE_MAX_SIZE, NULL, &error);
  if (current != NULL && g_bytes_equal (current, canonical))
    return ML_EXIT_OK;

  if (check)
    {
      g_print (_("%s: not in canonical form\n"), display);
      return ML_EXIT_INVALID;
    }

  if (!ml_file_replace (path, canonical, &stamp, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return ML_EXIT_IO;
    }

  g_print (_("%s: rewritten (the previous version is in %s~)\n"), display, display);

  return ML_EXIT_OK;
}

int
ml_cli_fmt (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean check = FALSE;
  int worst = ML_EXIT_OK;
  int status;
  const GOptionEntry entries[] = {
    { "check", 'c', 0, G_OPTION_ARG_NONE, &check,
      N_("Change nothing; exit with 1 if a file is not in canonical form"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — rewrite project files canonically"));
  g_option_context_set_summary (context,
                                _("Rewrites each valid file in canonical form (stable order and indentation, one element per line), atomically, keeping the previous version as FILE~. Files already canonical are not touched."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;

  for (int i = 1; i < argc; i++)
    worst = MAX (worst, format_file (argv[i], check));

  return worst;
}
