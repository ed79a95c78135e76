/* test-portfolio.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The portfolio rows, next decision points, totals and CSV of a small project worked out by hand
 * (the comments show the working), the CSV quoting on its own, and the bundled samples.
 */

#include "config.h"

#include <math.h>

#include "ml-csv.h"
#include "ml-portfolio.h"
#include "ml-project-io.h"
#include "ml-stats.h"
#include "ml-test-util.h"

static const char project_text[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\" "
  "currency=\"AUD\">\n<title>Portfolio</title>\n"
  "<missions><mission id=\"m\" target-date=\"2040-06-30\"><title>Mission</title>"
  "<objective id=\"o1\"><title>One</title></objective></mission></missions>"
  "<stakeholders>"
  "<stakeholder id=\"gov\" type=\"government\" level=\"national\"><name>Gov</name></stakeholder>"
  "<stakeholder id=\"ind\" type=\"industry\" level=\"national\"><name>Ind</name></stakeholder>"
  "</stakeholders><instruments>"
  "<instrument id=\"i1\" type=\"PI006\" side=\"supply\" responsible=\"gov\" budget=\"1000\" "
  "serves=\"o1\"><name>Grants \"A\", B</name></instrument>"
  "<instrument id=\"i2\" type=\"PI006\" side=\"supply\" responsible=\"ind\" budget=\"50\" "
  "currency=\"EUR\"><name>I2</name></instrument>"
  "</instruments><roadmap>"
  "<workstream id=\"ws\" mission=\"m\"><name>Stream</name>"
  "<activity id=\"a1\" start=\"2024-01-01\" end=\"2024-12-31\" owner=\"ind\" status=\"stopped\" "
  "budget=\"200\" funders=\"gov ind\"><name>A1</name></activity>"
  "<activity id=\"a2\" start=\"2024-02-01\" end=\"2025-01-31\" owner=\"gov\" status=\"active\">"
  "<name>A2</name></activity>"
  "<decision-point id=\"dp-old\" date=\"2023-01-01\" outcome=\"pending\"><name>Old</name>"
  "</decision-point>"
  "<decision-point id=\"dp-done\" date=\"2024-06-30\" outcome=\"continue\" decided=\"2024-07-01\">"
  "<name>Done</name></decision-point>"
  "<decision-point id=\"dp-later\" date=\"2026-01-01\" outcome=\"pending\"><name>Later</name>"
  "</decision-point>"
  "<decision-point id=\"dp-next\" date=\"2025-03-31\" outcome=\"pending\"><name>Next</name>"
  "</decision-point>"
  "</workstream></roadmap></project>\n";

static const MlPortfolioRow *
get_row (GPtrArray *rows,
         guint      i)
{
  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static void
test_rows (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(GPtrArray) rows = ml_portfolio_compute (project, ml_test_parse_date ("2024-01-01"));
  const MlPortfolioRow *row;

  /* Two instruments, then two activities, in document order. */
  g_assert_cmpuint (rows->len, ==, 4);

  /* i1 serves o1, whose mission is m; no workstream, status, funders nor decision. */
  row = get_row (rows, 0);
  g_assert_cmpint (row->kind, ==, ML_KIND_INSTRUMENT);
  g_assert_cmpint (row->status, ==, -1);
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_NAME], ==, "Grants \"A\", B");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_MISSION], ==, "m");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_WORKSTREAM], ==, "");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_OWNER], ==, "gov");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_CURRENCY], ==, "AUD");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_DECISION], ==, "");
  g_assert_cmpuint (g_strv_length (row->funders), ==, 0);

  /* i2 serves nothing: no mission; its own currency. */
  row = get_row (rows, 1);
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_MISSION], ==, "");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_CURRENCY], ==, "EUR");
  g_assert_cmpfloat (row->budget, ==, 50);

  /* dp-old is before today and dp-done is decided: of dp-next (2025-03-31) and dp-later
   * (2026-01-01), dp-next comes first although it is written last.
   */
  row = get_row (rows, 2);
  g_assert_cmpint (row->kind, ==, ML_KIND_ACTIVITY);
  g_assert_cmpint (row->status, ==, ML_STATUS_STOPPED);
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_STATUS], ==, "stopped");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_WORKSTREAM], ==, "ws");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_FUNDERS], ==, "gov ind");
  g_assert_cmpuint (g_strv_length (row->funders), ==, 2);
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_DECISION], ==, "dp-next");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_DECISION_DATE], ==, "2025-03-31");
  g_assert_cmpuint (row->decision_date, ==, ml_test_parse_date ("2025-03-31"));
  g_assert_cmpuint (row->start, ==, ml_test_parse_date ("2024-01-01"));

  /* a2 has no budget: an empty cell, NAN, but the project's currency. */
  row = get_row (rows, 3);
  g_assert_true (isnan (row->budget));
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_BUDGET], ==, "");
  g_assert_cmpstr (row->cells[ML_PORTFOLIO_CURRENCY], ==, "AUD");
}

static void
test_next_decision (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(GPtrArray) on_the_day = ml_portfolio_compute (project,
                                                          ml_test_parse_date ("2025-03-31"));
  g_autoptr(GPtrArray) after = ml_portfolio_compute (project, ml_test_parse_date ("2025-04-01"));
  g_autoptr(GPtrArray) late = ml_portfolio_compute (project, ml_test_parse_date ("2026-01-02"));

  /* Due today still counts; the day after, dp-later is next; after it, none. */
  g_assert_cmpstr (get_row (on_the_day, 2)->cells[ML_PORTFOLIO_DECISION], ==, "dp-next");
  g_assert_cmpstr (get_row (after, 2)->cells[ML_PORTFOLIO_DECISION], ==, "dp-later");
  g_assert_cmpstr (get_row (late, 3)->cells[ML_PORTFOLIO_DECISION], ==, "");
  g_assert_cmpstr (get_row (late, 3)->cells[ML_PORTFOLIO_DECISION_DATE], ==, "");
  g_assert_cmpuint (get_row (late, 3)->decision_date, ==, ML_DATE_NONE);
}

static void
test_totals (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(GPtrArray) rows = ml_portfolio_compute (project, ml_test_parse_date ("2024-01-01"));
  g_autoptr(GArray) totals = ml_portfolio_total (rows);
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();
  g_autoptr(GArray) activity_totals = NULL;
  const MlBudget *b;

  /* AUD: 1000 (i1) + 200 (a1); a2 has no budget. EUR: 50 (i2), never added to AUD. */
  g_assert_cmpuint (totals->len, ==, 2);
  b = &g_array_index (totals, MlBudget, 0);
  g_assert_cmpstr (b->currency, ==, "AUD");
  g_assert_cmpfloat_with_epsilon (b->amount, 1200, 1e-9);
  g_assert_cmpuint (b->n_items, ==, 2);
  b = &g_array_index (totals, MlBudget, 1);
  g_assert_cmpstr (b->currency, ==, "EUR");
  g_assert_cmpfloat_with_epsilon (b->amount, 50, 1e-9);

  /* Any subset of rows, as the page's filters leave: the activities alone, 200 AUD. */
  g_ptr_array_add (activities, g_ptr_array_index (rows, 2));
  g_ptr_array_add (activities, g_ptr_array_index (rows, 3));
  activity_totals = ml_portfolio_total (activities);
  g_assert_cmpuint (activity_totals->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (activity_totals, MlBudget, 0).amount, 200, 1e-9);
}

static void
test_csv (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(GPtrArray) rows = ml_portfolio_compute (project, ml_test_parse_date ("2024-01-01"));
  g_autoptr(GString) out = g_string_new (NULL);

  ml_portfolio_write_csv (rows, out);
  g_assert_cmpstr (out->str, ==,
                   "kind,id,name,mission,workstream,status,owner,funders,start,end,budget,"
                   "currency,decision,decision_date\n"
                   "instrument,i1,\"Grants \"\"A\"\", B\",m,,,gov,,,,1000.00,AUD,,\n"
                   "instrument,i2,I2,,,,ind,,,,50.00,EUR,,\n"
                   "activity,a1,A1,m,ws,stopped,ind,gov ind,2024-01-01,2024-12-31,200.00,AUD,"
                   "dp-next,2025-03-31\n"
                   "activity,a2,A2,m,ws,active,gov,,2024-02-01,2025-01-31,,AUD,dp-next,"
                   "2025-03-31\n"
                   "\n"
                   "currency,total\n"
                   "AUD,1200.00\n"
                   "EUR,50.00\n");
}

static void
test_csv_field (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  ml_csv_append_field (out, "plain");
  g_string_append_c (out, '|');
  ml_csv_append_field (out, "a,b");
  g_string_append_c (out, '|');
  ml_csv_append_field (out, "say \"hi\"");
  g_string_append_c (out, '|');
  ml_csv_append_field (out, "two\nlines");
  g_string_append_c (out, '|');
  ml_csv_append_field (out, "cr\r");
  g_string_append_c (out, '|');
  ml_csv_append_field (out, NULL);
  g_string_append_c (out, '|');
  ml_csv_append_field (out, "Đà Nẵng");

  g_assert_cmpstr (out->str, ==,
                   "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\"cr\r\"||Đà Nẵng");
}

/* Every activity and instrument of a sample is a row, and the totals add up its budgets. */
static void
test_sample (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = ml_project_load (data, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  guint n_budgets = 0;
  guint n_counted = 0;

  g_assert_no_error (error);
  rows = ml_portfolio_compute (project, ml_test_parse_date ("2024-01-01"));
  totals = ml_portfolio_total (rows);
  activities = ml_project_collect (project, ML_KIND_ACTIVITY);
  instruments = ml_project_collect (project, ML_KIND_INSTRUMENT);
  g_assert_cmpuint (rows->len, ==, activities->len + instruments->len);
  for (guint i = 0; i < rows->len; i++)
    if (!isnan (get_row (rows, i)->budget))
      n_budgets++;
  for (guint i = 0; i < totals->len; i++)
    n_counted += g_array_index (totals, MlBudget, i).n_items;
  g_assert_cmpuint (n_counted, ==, n_budgets);

  /* The header, the rows, an empty line, the totals header and the totals. */
  ml_portfolio_write_csv (rows, csv);
  lines = g_strsplit (csv->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 1 + rows->len + 2 + totals->len + 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portfolio/rows", test_rows);
  g_test_add_func ("/portfolio/next-decision", test_next_decision);
  g_test_add_func ("/portfolio/totals", test_totals);
  g_test_add_func ("/portfolio/csv", test_csv);
  g_test_add_func ("/portfolio/csv-field", test_csv_field);
  ml_test_add_sample_tests ("/portfolio", test_sample);

  return g_test_run ();
}
