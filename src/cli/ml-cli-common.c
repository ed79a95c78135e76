/* ml-cli-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-cli.h"
#include "ml-diagnostic.h"
#include "ml-error.h"

/**
 * ml_cli_parse:
 *
 * Parses the options of a subcommand and checks that at least @min_files files are named.
 *
 * Returns: %ML_EXIT_OK, or the status to exit with
 */
int
ml_cli_parse (GOptionContext *context,
              int            *argc,
              char         ***argv,
              int             min_files)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("missionlab-cli %s: %s\n", (*argv)[0], error->message);
      return ML_EXIT_USAGE;
    }

  if (*argc - 1 < min_files)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return ML_EXIT_USAGE;
    }

  return ML_EXIT_OK;
}

/**
 * ml_cli_load:
 * @path: a project file
 * @stamp: (out) (optional): the version read
 * @status: (out): the exit status for this file
 *
 * Loads a project and prints every problem found on standard error.
 *
 * Returns: (transfer full) (nullable): the project, if it is valid
 */
MlProject *
ml_cli_load (const char  *path,
             MlFileStamp *stamp,
             int         *status)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autofree char *display = g_filename_display_name (path);

  project = ml_project_load (path, stamp, diagnostics, &error);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = ml_diagnostic_format (g_ptr_array_index (diagnostics, i), display);

      g_printerr ("%s\n", line);
    }

  if (project != NULL)
    *status = ML_EXIT_OK;
  else if (g_error_matches (error, ML_ERROR, ML_ERROR_INVALID_PROJECT) ||
           g_error_matches (error, ML_ERROR, ML_ERROR_UNSUPPORTED_VERSION))
    *status = ML_EXIT_INVALID;
  else
    *status = ML_EXIT_IO;

  if (error != NULL && diagnostics->len == 0)
    g_printerr ("%s: %s\n", display, error->message);

  return g_steal_pointer (&project);
}
