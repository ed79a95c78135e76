/* ml-cli-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `missionlab-cli report FILE -o OUT.pdf`: the project report as a PDF.
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-cli.h"
#include "ml-report.h"

#define COMMAND "report"

int
ml_cli_report (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *display = NULL;
  MlDate today = ml_date_today ();
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (required)"),
      N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The date of the report, which statuses are judged by, YYYY-MM-DD; by default today"),
      N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — the project report as a PDF"));
  g_option_context_set_summary (context,
                                _("Writes a PDF of A4 landscape pages: a title page, the contents, the missions and objectives, the indicator charts, the roadmap, the stakeholder map and its metrics, the policy mix and its findings, the portfolio and the decision log."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;

  if (argc > 2)
    {
      g_printerr ("missionlab-cli %s: %s\n", COMMAND, _("one project file at a time"));
      return ML_EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr ("missionlab-cli %s: %s\n", COMMAND, _("name the file to write with -o OUT"));
      return ML_EXIT_USAGE;
    }
  if ((status = ml_cli_parse_date (COMMAND, today_text, &today)) != ML_EXIT_OK)
    return status;

  project = ml_cli_load (argv[1], NULL, &status);
  if (project == NULL)
    return status;

  display = g_filename_display_name (output);
  if (!ml_report_write_pdf (project, today, output, &error))
    {
      g_printerr ("missionlab-cli %s: %s\n", COMMAND, error->message);
      return ML_EXIT_IO;
    }

  g_print (_("%s: written\n"), display);

  return ML_EXIT_OK;
}
