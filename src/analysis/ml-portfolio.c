/* ml-portfolio.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-portfolio"

#include "config.h"

#include <math.h>

#include "ml-csv.h"
#include "ml-enums.h"
#include "ml-portfolio.h"
#include "ml-stats.h"

/* The header is data, read by programs: not translated. */
static const char *const column_keys[ML_PORTFOLIO_N_COLUMNS] = {
  "kind", "id", "name", "mission", "workstream", "status", "owner", "funders", "start", "end",
  "budget", "currency", "decision", "decision_date",
};

typedef struct
{
  MlProject *project;
  MlDate     today;
  GPtrArray *rows;
} Collecting;

static void
clear_row (gpointer data)
{
  MlPortfolioRow *row = data;

  for (guint i = 0; i < ML_PORTFOLIO_N_COLUMNS; i++)
    g_free (row->cells[i]);
  g_strfreev (row->funders);
}

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

static const char *
get_id (MlElement *element)
{
  return element != NULL ? ml_element_get_id (element) : NULL;
}

/* The mission of the first objective served, if any. */
static const char *
find_mission_served (MlProject *project,
                     MlElement *element,
                     MlField    serves)
{
  const char *const *objectives = ml_element_get_refs (element, serves);
  MlElement *objective;

  if (objectives == NULL || objectives[0] == NULL)
    return NULL;
  objective = ml_project_lookup (project, objectives[0]);
  return get_id (objective != NULL ? ml_element_get_parent (objective) : NULL);
}

/* The earliest decision point of @workstream due on or after @today and not decided yet. */
static MlElement *
find_next_decision (MlElement *workstream,
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
set_dates (MlPortfolioRow *row,
           MlElement      *element,
           MlField         start,
           MlField         end)
{
  row->start = ml_element_get_date (element, start);
  row->end = ml_element_get_date (element, end);
}

static void
fill_activity (MlPortfolioRow *row,
               Collecting     *collecting,
               MlElement      *activity)
{
  MlElement *workstream = ml_element_get_parent (activity);
  MlElement *decision = find_next_decision (workstream, collecting->today);
  const char *mission = ml_element_get_string (workstream, ML_WORKSTREAM_MISSION);
  const char *const *funders = ml_element_get_refs (activity, ML_ACTIVITY_FUNDERS);

  row->status = ml_element_get_enum (activity, ML_ACTIVITY_STATUS);
  row->cells[ML_PORTFOLIO_KIND] = g_strdup ("activity");
  row->cells[ML_PORTFOLIO_MISSION] =
    dup_or_empty (mission != NULL ? mission
                                  : find_mission_served (collecting->project, activity,
                                                         ML_ACTIVITY_SERVES));
  row->cells[ML_PORTFOLIO_WORKSTREAM] = dup_or_empty (get_id (workstream));
  row->cells[ML_PORTFOLIO_STATUS] =
    g_strdup (ml_field_get_info (ML_ACTIVITY_STATUS)->enum_info->nicks[row->status]);
  row->cells[ML_PORTFOLIO_OWNER] = dup_or_empty (ml_element_get_string (activity,
                                                                        ML_ACTIVITY_OWNER));
  row->funders = g_strdupv ((char **) funders);
  set_dates (row, activity, ML_ACTIVITY_START, ML_ACTIVITY_END);
  row->budget = ml_element_get_number (activity, ML_ACTIVITY_BUDGET);
  row->cells[ML_PORTFOLIO_CURRENCY] =
    dup_or_empty (ml_budget_get_currency (collecting->project, activity, ML_ACTIVITY_CURRENCY));
  row->cells[ML_PORTFOLIO_DECISION] = dup_or_empty (get_id (decision));
  if (decision != NULL)
    row->decision_date = ml_element_get_date (decision, ML_DECISION_DATE);
}

static void
fill_instrument (MlPortfolioRow *row,
                 Collecting     *collecting,
                 MlElement      *instrument)
{
  row->status = -1;
  row->cells[ML_PORTFOLIO_KIND] = g_strdup ("instrument");
  row->cells[ML_PORTFOLIO_MISSION] =
    dup_or_empty (find_mission_served (collecting->project, instrument, ML_INSTRUMENT_SERVES));
  row->cells[ML_PORTFOLIO_OWNER] = dup_or_empty (ml_element_get_string (instrument,
                                                                        ML_INSTRUMENT_RESPONSIBLE));
  set_dates (row, instrument, ML_INSTRUMENT_START, ML_INSTRUMENT_END);
  row->budget = ml_element_get_number (instrument, ML_INSTRUMENT_BUDGET);
  row->cells[ML_PORTFOLIO_CURRENCY] =
    dup_or_empty (ml_budget_get_currency (collecting->project, instrument,
                                          ML_INSTRUMENT_CURRENCY));
}

static char *
format_date (MlDate date)
{
  return date != ML_DATE_NONE ? ml_date_format (date) : g_strdup ("");
}

static gboolean
collect_element (MlElement *element,
                 gpointer   user_data)
{
  Collecting *collecting = user_data;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  MlPortfolioRow *row;
  MlKind kind = ml_element_get_kind (element);

  if (kind != ML_KIND_ACTIVITY && kind != ML_KIND_INSTRUMENT)
    return TRUE;

  row = g_rc_box_new0 (MlPortfolioRow);
  row->kind = kind;
  if (kind == ML_KIND_ACTIVITY)
    fill_activity (row, collecting, element);
  else
    fill_instrument (row, collecting, element);

  if (row->funders == NULL)
    row->funders = g_new0 (char *, 1);
  row->cells[ML_PORTFOLIO_ID] = dup_or_empty (ml_element_get_id (element));
  row->cells[ML_PORTFOLIO_NAME] = dup_or_empty (ml_element_get_label (element));
  row->cells[ML_PORTFOLIO_FUNDERS] = g_strjoinv (" ", row->funders);
  row->cells[ML_PORTFOLIO_START] = format_date (row->start);
  row->cells[ML_PORTFOLIO_END] = format_date (row->end);
  row->cells[ML_PORTFOLIO_BUDGET] = g_strdup (ml_portfolio_format_amount (buffer, row->budget));
  row->cells[ML_PORTFOLIO_DECISION_DATE] = format_date (row->decision_date);
  for (guint i = 0; i < ML_PORTFOLIO_N_COLUMNS; i++)
    if (row->cells[i] == NULL)
      row->cells[i] = g_strdup ("");
  g_ptr_array_add (collecting->rows, row);

  return TRUE;
}

/**
 * ml_portfolio_row_ref:
 *
 * Returns: (transfer full): @row
 */
MlPortfolioRow *
ml_portfolio_row_ref (MlPortfolioRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return g_rc_box_acquire (row);
}

void
ml_portfolio_row_unref (MlPortfolioRow *row)
{
  g_return_if_fail (row != NULL);

  g_rc_box_release_full (row, clear_row);
}

/**
 * ml_portfolio_compute:
 * @project: the project
 * @today: the date from which decision points count as next
 *
 * Returns: (transfer full) (element-type MlPortfolioRow): a row for every activity and
 *   instrument, in document order
 */
GPtrArray *
ml_portfolio_compute (MlProject *project,
                      MlDate     today)
{
  Collecting collecting;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  collecting = (Collecting) {
    project, today, g_ptr_array_new_with_free_func ((GDestroyNotify) ml_portfolio_row_unref),
  };
  ml_element_walk (ml_project_get_root (project), collect_element, &collecting);

  return collecting.rows;
}

/**
 * ml_portfolio_total:
 * @rows: (element-type MlPortfolioRow): some rows of a portfolio
 *
 * Returns: (transfer full): the budgets of @rows summed per currency, as an array of #MlBudget
 *   sorted by currency; rows without a budget count in no total
 */
GArray *
ml_portfolio_total (GPtrArray *rows)
{
  GArray *totals = ml_budgets_new ();

  g_return_val_if_fail (rows != NULL, totals);

  for (guint i = 0; i < rows->len; i++)
    {
      const MlPortfolioRow *row = g_ptr_array_index (rows, i);

      if (!isnan (row->budget))
        ml_budgets_add (totals, row->cells[ML_PORTFOLIO_CURRENCY], row->budget);
    }

  return totals;
}

/**
 * ml_portfolio_column_key:
 *
 * Returns: the name of @column in the CSV header and in JSON
 */
const char *
ml_portfolio_column_key (MlPortfolioColumn column)
{
  g_return_val_if_fail (column < ML_PORTFOLIO_N_COLUMNS, NULL);

  return column_keys[column];
}

/**
 * ml_portfolio_format_amount:
 *
 * Formats an amount of money for files and pipes: with a point whatever the locale, and with
 * its cents however large (%g would round millions).
 *
 * Returns: @buffer, or "" when @amount is NAN
 */
const char *
ml_portfolio_format_amount (char   buffer[G_ASCII_DTOSTR_BUF_SIZE],
                            double amount)
{
  if (isnan (amount))
    return "";
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", amount);
}

/**
 * ml_portfolio_write_csv:
 * @rows: (element-type MlPortfolioRow): the rows to write, in the order given
 * @out: where to append the text
 *
 * Writes @rows as CSV under a header of column keys, then, after an empty line, the budget
 * totals of @rows per currency under the header `currency,total`.
 */
void
ml_portfolio_write_csv (GPtrArray *rows,
                        GString   *out)
{
  g_autoptr(GArray) totals = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (rows != NULL);
  g_return_if_fail (out != NULL);

  for (guint j = 0; j < ML_PORTFOLIO_N_COLUMNS; j++)
    g_string_append_printf (out, "%s%s", j > 0 ? "," : "", column_keys[j]);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < rows->len; i++)
    {
      const MlPortfolioRow *row = g_ptr_array_index (rows, i);

      for (guint j = 0; j < ML_PORTFOLIO_N_COLUMNS; j++)
        {
          if (j > 0)
            g_string_append_c (out, ',');
          ml_csv_append_field (out, row->cells[j]);
        }
      g_string_append_c (out, '\n');
    }

  totals = ml_portfolio_total (rows);
  g_string_append (out, "\ncurrency,total\n");
  for (guint i = 0; i < totals->len; i++)
    {
      const MlBudget *b = &g_array_index (totals, MlBudget, i);

      ml_csv_append_field (out, b->currency);
      g_string_append_printf (out, ",%s\n", ml_portfolio_format_amount (buffer, b->amount));
    }
}
