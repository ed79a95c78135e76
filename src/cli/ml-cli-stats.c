/* ml-cli-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-cli.h"
#include "ml-stats.h"

static void
print_span (const char *label,
            MlDate      start,
            MlDate      end)
{
  char start_text[11] = "…", end_text[11] = "…";

  if (start == ML_DATE_NONE && end == ML_DATE_NONE)
    {
      g_print ("  %-24s %s\n", label, _("not set"));
      return;
    }
  if (start != ML_DATE_NONE)
    ml_date_format_into (start, start_text);
  if (end != ML_DATE_NONE)
    ml_date_format_into (end, end_text);
  g_print ("  %-24s %s – %s\n", label, start_text, end_text);
}

static void
print_budgets (const char *label,
               GArray     *budgets)
{
  g_print ("  %s\n", label);
  if (budgets->len == 0)
    g_print ("    %s\n", _("none"));

  for (guint i = 0; i < budgets->len; i++)
    {
      const MlBudget *budget = &g_array_index (budgets, MlBudget, i);

      g_print ("    %-5s %'20.2f  (%u)\n",
               budget->currency != NULL ? budget->currency : "???", budget->amount,
               budget->n_items);
    }
}

int
ml_cli_stats (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlStats) stats = NULL;
  MlElement *root;
  const char *owner;
  int status;

  context = g_option_context_new (_("FILE — summarise a project"));
  g_option_context_set_summary (context,
                                _("Prints the number of elements of each kind, the time horizon and the budgets per currency (never added across currencies)."));
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;

  project = ml_cli_load (argv[1], NULL, &status);
  if (project == NULL)
    return status;

  stats = ml_stats_compute (project);
  root = ml_project_get_root (project);
  owner = ml_element_get_string (root, ML_PROJECT_OWNER);

  g_print ("%s\n", ml_element_get_string (root, ML_PROJECT_TITLE));
  if (owner != NULL)
    g_print ("  %-24s %s\n", _("Owner"), owner);
  print_span (_("Horizon"), stats->horizon_start, stats->horizon_end);
  print_span (_("Roadmap"), stats->roadmap_start, stats->roadmap_end);
  g_print ("\n");

  for (MlKind kind = ML_KIND_MISSION; kind < ML_N_KINDS; kind++)
    g_print ("  %-24s %6u\n", _(ml_kind_get_info (kind)->plural), stats->counts[kind]);

  g_print ("\n%s\n", _("Budgets (count of items)"));
  print_budgets (_("Instruments"), stats->instrument_budgets);
  print_budgets (_("Activities"), stats->activity_budgets);

  return ML_EXIT_OK;
}
