/* ml-cli-portfolio.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-cli.h"
#include "ml-enums.h"
#include "ml-stats.h"

/* The columns, in the order of the CSV header. */
enum
{
  COLUMN_KIND,
  COLUMN_ID,
  COLUMN_NAME,
  COLUMN_MISSION,
  COLUMN_WORKSTREAM,
  COLUMN_STATUS,
  COLUMN_OWNER,
  COLUMN_FUNDERS,
  COLUMN_START,
  COLUMN_END,
  COLUMN_BUDGET,
  COLUMN_CURRENCY,
  COLUMN_DECISION,
  COLUMN_DECISION_DATE,
  N_COLUMNS
};

/* The header is data, read by programs: not translated. */
static const char *const column_keys[N_COLUMNS] = {
  "kind", "id", "name", "mission", "workstream", "status", "owner", "funders", "start", "end",
  "budget", "currency", "decision", "decision_date",
};

/* One activity or instrument, every cell worked out once for all three formats. */
typedef struct
{
  char   *cells[N_COLUMNS];
  double  budget;
} Row;

typedef struct
{
  MlProject *project;
  MlDate     today;
  GArray    *rows;
  GArray    *totals;
} Collecting;

static void
clear_row (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (row->cells[i]);
}

/* The mission of the first objective served, if any. */
static const char *
mission_served (MlProject *project,
                MlElement *element,
                MlField    serves)
{
  const char *const *objectives = ml_element_get_refs (element, serves);
  MlElement *objective;

  if (objectives == NULL || objectives[0] == NULL)
    return "";
  objective = ml_project_lookup (project, objectives[0]);
  return ml_cli_id_or_empty (objective != NULL ? ml_element_get_parent (objective) : NULL);
}

/* The earliest decision point of @workstream due on or after @today and not decided yet. */
static MlElement *
next_decision (MlElement *workstream,
               MlDate     today)
{
  GPtrArray *points = ml_element_get_children (workstream, ML_KIND_DECISION_POINT);
  MlElement *next = NULL;

  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      MlElement *point = g_ptr_array_index (points, i);
      MlDate date = ml_element_get_date (point, ML_DECISION_DATE);

      if (date < today || ml_element_get_enum (point, ML_DECISION_OUTCOME) != ML_OUTCOME_PENDING)
        continue;
      if (next == NULL || date < ml_element_get_date (next, ML_DECISION_DATE))
        next = point;
    }

  return next;
}

static void
set_date (Row    *row,
          guint   column,
          MlDate  date)
{
  char buffer[11];

  ml_cli_format_date (date, buffer);
  row->cells[column] = g_strdup (buffer);
}

static void
fill_activity (Row        *row,
               Collecting *collecting,
               MlElement  *activity)
{
  MlElement *workstream = ml_element_get_parent (activity);
  MlElement *decision = next_decision (workstream, collecting->today);
  const char *mission = ml_element_get_string (workstream, ML_WORKSTREAM_MISSION);
  const char *const *funders = ml_element_get_refs (activity, ML_ACTIVITY_FUNDERS);
  MlField status = ML_ACTIVITY_STATUS;

  row->cells[COLUMN_KIND] = g_strdup ("activity");
  row->cells[COLUMN_MISSION] = g_strdup (mission != NULL
                                           ? mission
                                           : mission_served (collecting->project, activity,
                                                             ML_ACTIVITY_SERVES));
  row->cells[COLUMN_WORKSTREAM] = g_strdup (ml_cli_id_or_empty (workstream));
  row->cells[COLUMN_STATUS] = g_strdup (ml_field_get_info (status)->enum_info->nicks
                                          [ml_element_get_enum (activity, status)]);
  row->cells[COLUMN_OWNER] = g_strdup (ml_cli_string_or_empty (activity, ML_ACTIVITY_OWNER));
  row->cells[COLUMN_FUNDERS] = funders != NULL ? g_strjoinv (" ", (char **) funders)
                                               : g_strdup ("");
  set_date (row, COLUMN_START, ml_element_get_date (activity, ML_ACTIVITY_START));
  set_date (row, COLUMN_END, ml_element_get_date (activity, ML_ACTIVITY_END));
  row->budget = ml_element_get_number (activity, ML_ACTIVITY_BUDGET);
  row->cells[COLUMN_CURRENCY] =
    g_strdup (ml_budget_get_currency (collecting->project, activity, ML_ACTIVITY_CURRENCY));
  row->cells[COLUMN_DECISION] = g_strdup (ml_cli_id_or_empty (decision));
  set_date (row, COLUMN_DECISION_DATE,
            decision != NULL ? ml_element_get_date (decision, ML_DECISION_DATE) : ML_DATE_NONE);
}

static void
fill_instrument (Row        *row,
                 Collecting *collecting,
                 MlElement  *instrument)
{
  row->cells[COLUMN_KIND] = g_strdup ("instrument");
  row->cells[COLUMN_MISSION] = g_strdup (mission_served (collecting->project, instrument,
                                                         ML_INSTRUMENT_SERVES));
  row->cells[COLUMN_OWNER] = g_strdup (ml_cli_string_or_empty (instrument,
                                                               ML_INSTRUMENT_RESPONSIBLE));
  set_date (row, COLUMN_START, ml_element_get_date (instrument, ML_INSTRUMENT_START));
  set_date (row, COLUMN_END, ml_element_get_date (instrument, ML_INSTRUMENT_END));
  row->budget = ml_element_get_number (instrument, ML_INSTRUMENT_BUDGET);
  row->cells[COLUMN_CURRENCY] =
    g_strdup (ml_budget_get_currency (collecting->project, instrument, ML_INSTRUMENT_CURRENCY));
}

static gboolean
collect_element (MlElement *element,
                 gpointer   user_data)
{
  Collecting *collecting = user_data;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  Row row = { { NULL }, NAN };

  if (ml_element_get_kind (element) == ML_KIND_ACTIVITY)
    fill_activity (&row, collecting, element);
  else if (ml_element_get_kind (element) == ML_KIND_INSTRUMENT)
    fill_instrument (&row, collecting, element);
  else
    return TRUE;

  row.cells[COLUMN_ID] = g_strdup (ml_cli_id_or_empty (element));
  row.cells[COLUMN_NAME] = g_strdup (ml_cli_label_or_empty (element));
  row.cells[COLUMN_BUDGET] = g_strdup (ml_cli_format_amount (buffer, row.budget));
  for (guint i = 0; i < N_COLUMNS; i++)
    if (row.cells[i] == NULL)
      row.cells[i] = g_strdup ("");
  if (!isnan (row.budget))
    ml_budgets_add (collecting->totals, row.cells[COLUMN_CURRENCY], row.budget);
  g_array_append_val (collecting->rows, row);

  return TRUE;
}

static void
print_table (GArray *rows,
             GArray *totals)
{
  const char *titles[N_COLUMNS] = {
    _("Kind"), _("Id"), _("Name"), _("Mission"), _("Workstream"), _("Status"), _("Owner"),
    _("Funders"), _("Start"), _("End"), _("Budget"), _("Currency"), _("Decision"), _("Due"),
  };
  /* The name, the longest cell, comes last so that the others stay aligned. */
  static const guint order[N_COLUMNS] = {
    COLUMN_KIND, COLUMN_ID, COLUMN_MISSION, COLUMN_WORKSTREAM, COLUMN_STATUS, COLUMN_OWNER,
    COLUMN_FUNDERS, COLUMN_START, COLUMN_END, COLUMN_BUDGET, COLUMN_CURRENCY, COLUMN_DECISION,
    COLUMN_DECISION_DATE, COLUMN_NAME,
  };
  int widths[N_COLUMNS];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint j = 0; j < N_COLUMNS; j++)
    {
      widths[j] = g_utf8_strlen (titles[j], -1);
      for (guint i = 0; i < rows->len; i++)
        widths[j] = MAX (widths[j],
                         g_utf8_strlen (g_array_index (rows, Row, i).cells[j], -1));
    }

  for (guint j = 0; j < N_COLUMNS - 1; j++)
    ml_cli_print_padded (titles[order[j]], widths[order[j]]);
  g_print ("%s\n", titles[COLUMN_NAME]);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      for (guint j = 0; j < N_COLUMNS - 1; j++)
        {
          /* Amounts are right-aligned, so that their points line up. */
          if (order[j] == COLUMN_BUDGET)
            g_print ("%*s ", widths[COLUMN_BUDGET], row->cells[COLUMN_BUDGET]);
          else
            ml_cli_print_padded (row->cells[order[j]], widths[order[j]]);
        }
      g_print ("%s\n", row->cells[COLUMN_NAME]);
    }

  if (totals->len > 0)
    g_print ("\n");
  for (guint i = 0; i < totals->len; i++)
    {
      const MlBudget *b = &g_array_index (totals, MlBudget, i);

      g_print ("%s  %s %s\n", _("Total"), b->currency != NULL ? b->currency : "",
               ml_cli_format_amount (buffer, b->amount));
    }
}

static void
print_csv (GArray *rows,
           GArray *totals)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint j = 0; j < N_COLUMNS; j++)
    g_string_append_printf (out, "%s%s", j > 0 ? "," : "", column_keys[j]);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      for (guint j = 0; j < N_COLUMNS; j++)
        {
          if (j > 0)
            g_string_append_c (out, ',');
          ml_cli_append_csv_field (out, row->cells[j]);
        }
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "\ncurrency,total\n");
  for (guint i = 0; i < totals->len; i++)
    {
      const MlBudget *b = &g_array_index (totals, MlBudget, i);

      ml_cli_append_csv_field (out, b->currency);
      g_string_append_printf (out, ",%s\n", ml_cli_format_amount (buffer, b->amount));
    }
  g_print ("%s", out->str);
}

static void
print_json (GArray *rows,
            GArray *totals)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"items\": [");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      for (guint j = 0; j < N_COLUMNS; j++)
        {
          if (j > 0)
            g_string_append (out, ", ");
          if (j == COLUMN_BUDGET)
            g_string_append_printf (out, "\"%s\": %s", column_keys[j],
                                    isnan (row->budget) ? "null" : row->cells[j]);
          else
            ml_cli_append_json_field (out, column_keys[j], row->cells[j]);
        }
      g_string_append_c (out, '}');
    }

  g_string_append (out, "\n  ],\n  \"totals\": {");
  for (guint i = 0; i < totals->len; i++)
    {
      const MlBudget *b = &g_array_index (totals, MlBudget, i);

      g_string_append (out, i > 0 ? ", " : "");
      ml_cli_append_json_string (out, b->currency);
      g_string_append_printf (out, ": %s", ml_cli_format_amount (buffer, b->amount));
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
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *today_text = NULL;
  MlCliFormat format;
  MlDate today = ml_date_today ();
  Collecting collecting;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("table, csv or json (table)"),
      N_("FORMAT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The date to look for the next decision points from, YYYY-MM-DD; by default today"),
      N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — the activities and instruments of the portfolio"));
  g_option_context_set_summary (context,
                                _("Prints every activity and instrument with its mission, workstream, status, owner, funders, period, budget and the next decision point of its workstream, then the budget totals per currency."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;

  if (argc > 2)
    {
      g_printerr ("missionlab-cli portfolio: %s\n", _("one project file at a time"));
      return ML_EXIT_USAGE;
    }
  if ((status = ml_cli_parse_format ("portfolio", format_name, &format)) != ML_EXIT_OK)
    return status;
  if ((status = ml_cli_parse_date ("portfolio", today_text, &today)) != ML_EXIT_OK)
    return status;

  project = ml_cli_load (argv[1], NULL, &status);
  if (project == NULL)
    return status;

  rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (rows, clear_row);
  totals = ml_budgets_new ();
  collecting = (Collecting) { project, today, rows, totals };
  ml_element_walk (ml_project_get_root (project), collect_element, &collecting);

  switch (format)
    {
    case ML_CLI_FORMAT_TABLE:
      print_table (rows, totals);
      break;
    case ML_CLI_FORMAT_CSV:
      print_csv (rows, totals);
      break;
    case ML_CLI_FORMAT_JSON:
      print_json (rows, totals);
      break;
    default:
      g_assert_not_reached ();
    }

  return ML_EXIT_OK;
}
