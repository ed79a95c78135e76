/* ml-cli-portfolio.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-cli.h"
#include "ml-portfolio.h"
#include "ml-stats.h"

static void
print_table (GPtrArray *rows,
             GArray    *totals)
{
  const char *titles[ML_PORTFOLIO_N_COLUMNS] = {
    _("Kind"), _("Id"), _("Name"), _("Mission"), _("Workstream"), _("Status"), _("Owner"),
    _("Funders"), _("Start"), _("End"), _("Budget"), _("Currency"), _("Decision"), _("Due"),
  };
  /* The name, the longest cell, comes last so that the others stay aligned. */
  static const guint order[ML_PORTFOLIO_N_COLUMNS] = {
    ML_PORTFOLIO_KIND, ML_PORTFOLIO_ID, ML_PORTFOLIO_MISSION, ML_PORTFOLIO_WORKSTREAM,
    ML_PORTFOLIO_STATUS, ML_PORTFOLIO_OWNER, ML_PORTFOLIO_FUNDERS, ML_PORTFOLIO_START,
    ML_PORTFOLIO_END, ML_PORTFOLIO_BUDGET, ML_PORTFOLIO_CURRENCY, ML_PORTFOLIO_DECISION,
    ML_PORTFOLIO_DECISION_DATE, ML_PORTFOLIO_NAME,
  };
  int widths[ML_PORTFOLIO_N_COLUMNS];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint j = 0; j < ML_PORTFOLIO_N_COLUMNS; j++)
    {
      widths[j] = g_utf8_strlen (titles[j], -1);
      for (guint i = 0; i < rows->len; i++)
        {
          const MlPortfolioRow *row = g_ptr_array_index (rows, i);

          widths[j] = MAX (widths[j], g_utf8_strlen (row->cells[j], -1));
        }
    }

  for (guint j = 0; j < ML_PORTFOLIO_N_COLUMNS - 1; j++)
    ml_cli_print_padded (titles[order[j]], widths[order[j]]);
  g_print ("%s\n", titles[ML_PORTFOLIO_NAME]);
  for (guint i = 0; i < rows->len; i++)
    {
      const MlPortfolioRow *row = g_ptr_array_index (rows, i);

      for (guint j = 0; j < ML_PORTFOLIO_N_COLUMNS - 1; j++)
        {
          /* Amounts are right-aligned, so that their points line up. */
          if (order[j] == ML_PORTFOLIO_BUDGET)
            g_print ("%*s ", widths[ML_PORTFOLIO_BUDGET], row->cells[ML_PORTFOLIO_BUDGET]);
          else
            ml_cli_print_padded (row->cells[order[j]], widths[order[j]]);
        }
      g_print ("%s\n", row->cells[ML_PORTFOLIO_NAME]);
    }

  if (totals->len > 0)
    g_print ("\n");
  for (guint i = 0; i < totals->len; i++)
    {
      const MlBudget *b = &g_array_index (totals, MlBudget, i);

      g_print ("%s  %s %s\n", _("Total"), b->currency != NULL ? b->currency : "",
               ml_portfolio_format_amount (buffer, b->amount));
    }
}

static void
print_json (GPtrArray *rows,
            GArray    *totals)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"items\": [");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < rows->len; i++)
    {
      const MlPortfolioRow *row = g_ptr_array_index (rows, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      for (guint j = 0; j < ML_PORTFOLIO_N_COLUMNS; j++)
        {
          if (j > 0)
            g_string_append (out, ", ");
          if (j == ML_PORTFOLIO_BUDGET)
            g_string_append_printf (out, "\"%s\": %s", ml_portfolio_column_key (j),
                                    isnan (row->budget) ? "null" : row->cells[j]);
          else
            ml_cli_append_json_field (out, ml_portfolio_column_key (j), row->cells[j]);
        }
      g_string_append_c (out, '}');
    }

  g_string_append (out, "\n  ],\n  \"totals\": {");
  for (guint i = 0; i < totals->len; i++)
    {
      const MlBudget *b = &g_array_index (totals, MlBudget, i);

      g_string_append (out, i > 0 ? ", " : "");
      ml_cli_append_json_string (out, b->currency);
      g_string_append_printf (out, ": %s", ml_portfolio_format_amount (buffer, b->amount));
    }
  g_string_append (out, "}\n}\n");
  g_print ("%s", out->str);
}

int
ml_cli_portfolio (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *today_text = NULL;
  MlCliFormat format;
  MlDate today = ml_date_today ();
  int status;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The date to look for the next decision points from, YYYY-MM-DD; by default today"),
      N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — the activities and instruments of the portfolio"));
  g_option_context_set_summary (context,
                                _("Prints every activity and instrument with its mission, workstream, status, owner, funders, period, budget and the next decision point of its workstream, then the budget totals per currency."));
  status = ml_cli_parse_formatted ("portfolio", context, entries, &argc, &argv, &format);
  if (status != ML_EXIT_OK)
    return status;
  if ((status = ml_cli_parse_date ("portfolio", today_text, &today)) != ML_EXIT_OK)
    return status;

  project = ml_cli_load (argv[1], NULL, &status);
  if (project == NULL)
    return status;

  rows = ml_portfolio_compute (project, today);
  totals = ml_portfolio_total (rows);

  switch (format)
    {
    case ML_CLI_FORMAT_TABLE:
      print_table (rows, totals);
      break;
    case ML_CLI_FORMAT_CSV:
      csv = g_string_new (NULL);
      ml_portfolio_write_csv (rows, csv);
      g_print ("%s", csv->str);
      break;
    case ML_CLI_FORMAT_JSON:
      print_json (rows, totals);
      break;
    default:
      g_assert_not_reached ();
    }

  return ML_EXIT_OK;
}
