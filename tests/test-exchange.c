/* test-exchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exchange rates: converting budgets in the policy mix (amounts worked out by hand in the
 * comments), the rules a rate must follow, a new rate's defaults, and the format version a
 * project with rates is written with.
 */

#include "config.h"


#include "ml-create.h"
#include "ml-diagnostic.h"
#include "ml-error.h"
#include "ml-exchange.h"
#include "ml-policy-mix.h"
#include "ml-test-util.h"
#include "ml-validate.h"
#include "ml-xml-reader.h"
#include "ml-xml-writer.h"

#define HEAD                                                                                 \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\" "             \
  "currency=\"AUD\">\n<title>Rates</title>\n"

/* i1: 800 AUD public over research and development; i2: 100 EUR private at demonstration;
 * i3: 50 USD public at research, with no rate. One EUR is 1.6 AUD.
 */
static const char converted[] =
  HEAD
  "<stakeholders>"
  "<stakeholder id=\"gov\" type=\"government\" level=\"national\"><name>Gov</name></stakeholder>"
  "<stakeholder id=\"ind\" type=\"industry\" level=\"national\"><name>Ind</name></stakeholder>"
  "</stakeholders><instruments>"
  "<instrument id=\"i1\" type=\"PI006\" side=\"supply\" stages=\"research development\" "
  "responsible=\"gov\" budget=\"800\"><name>I1</name></instrument>"
  "<instrument id=\"i2\" type=\"PI006\" side=\"demand\" stages=\"demonstration\" "
  "responsible=\"ind\" budget=\"100\" currency=\"EUR\"><name>I2</name></instrument>"
  "<instrument id=\"i3\" type=\"PI006\" side=\"supply\" stages=\"research\" "
  "responsible=\"gov\" budget=\"50\" currency=\"USD\"><name>I3</name></instrument>"
  "</instruments>"
  "<exchange-rates><rate currency=\"EUR\" value=\"1.6\" date=\"2025-01-02\" source=\"RBA\"/>"
  "</exchange-rates></project>\n";

static const MlFinding *
get_crowding_in (MlPolicyMix *mix,
                 const char  *currency)
{
  GPtrArray *findings = ml_policy_mix_get_findings (mix);

  for (guint i = 0; i < findings->len; i++)
    {
      const MlFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == ML_FINDING_CROWDING_IN && g_str_has_prefix (finding->message, currency))
        return finding;
    }
  g_assert_not_reached ();
}

static void
test_mix_converts (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (converted);
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);
  GArray *totals = ml_policy_mix_get_totals (mix);
  GArray *demonstration = ml_policy_mix_get_budgets (mix, ML_SIDE_DEMAND, ML_STAGE_DEMONSTRATION);
  GArray *research = ml_policy_mix_get_budgets (mix, ML_SIDE_SUPPLY, ML_STAGE_RESEARCH);
  GPtrArray *rates = ml_policy_mix_get_rates (mix);
  const MlFinding *finding;

  /* 800 + 100 × 1.6 = 960 AUD; the 50 USD have no rate and stay apart; no EUR is left. */
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (totals, "AUD"), 960, 1e-9);
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (totals, "USD"), 50, 1e-9);
  g_assert_cmpfloat (ml_test_budget_in (totals, "EUR"), ==, 0);
  g_assert_cmpuint (demonstration->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (demonstration, "AUD"), 160, 1e-9);
  /* Research: 800 / 2 AUD and 50 USD. */
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (research, "AUD"), 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (research, "USD"), 50, 1e-9);

  g_assert_cmpuint (rates->len, ==, 1);
  g_assert_cmpstr (ml_element_get_string (g_ptr_array_index (rates, 0), ML_RATE_CURRENCY), ==,
                   "EUR");

  /* Crowding in, AUD: 160 private per 800 public = 0.20, with i1 and i2; USD: 0 per 50. */
  finding = get_crowding_in (mix, "AUD");
  g_assert_cmpstr (finding->message, ==, "AUD 0.20 crowded in per AUD 1 of public money.");
  g_assert_cmpuint (finding->elements->len, ==, 2);
  finding = get_crowding_in (mix, "USD");
  g_assert_cmpstr (finding->message, ==, "USD 0.00 crowded in per USD 1 of public money.");
  g_assert_cmpuint (finding->elements->len, ==, 1);
}

static void
test_convert (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (converted);
  double amount = 25;

  g_assert_cmpstr (ml_exchange_convert (project, "EUR", &amount), ==, "AUD");
  g_assert_cmpfloat_with_epsilon (amount, 40, 1e-9);
  amount = 25;
  g_assert_cmpstr (ml_exchange_convert (project, "USD", &amount), ==, "USD");
  g_assert_cmpfloat (amount, ==, 25);
  g_assert_cmpstr (ml_exchange_convert (project, "AUD", &amount), ==, "AUD");
  g_assert_cmpfloat (amount, ==, 25);
  g_assert_null (ml_exchange_convert (project, NULL, &amount));
  g_assert_cmpfloat (amount, ==, 25);
}

/* Loads @text and returns the messages of its diagnostics, joined by newlines. */
static char *
load_messages (const char *text)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);

  project = ml_xml_read (text, strlen (text), "t.mlab", diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const MlDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_assert_cmpint (diagnostic->severity, ==, ML_SEVERITY_WARNING);
      g_string_append_printf (messages, "%s\n", diagnostic->message);
    }

  return g_string_free (g_steal_pointer (&messages), FALSE);
}

static void
test_unused_rates (void)
{
  g_autofree char *own = load_messages (HEAD "<exchange-rates><rate currency=\"AUD\" value=\"1\"/>"
                                        "</exchange-rates></project>");
  g_autofree char *twice = load_messages (HEAD "<exchange-rates>"
                                          "<rate currency=\"EUR\" value=\"1.6\"/>"
                                          "<rate currency=\"EUR\" value=\"1.7\"/>"
                                          "</exchange-rates></project>");
  g_autofree char *no_currency =
    load_messages ("<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.1\">"
                   "<title>T</title><exchange-rates><rate currency=\"EUR\" value=\"1.6\"/>"
                   "</exchange-rates></project>");

  g_assert_nonnull (strstr (own, "AUD is the project’s own currency; the rate is not used."));
  g_assert_cmpstr (twice, ==,
                   "Exchange rate: EUR already has an exchange rate; only the first is used.\n");
  g_assert_nonnull (strstr (no_currency, "the project has none; the rate is not used."));
}

static void
test_rate_must_be_positive (void)
{
  const char *values[] = { "0", "-1.5" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD "<exchange-rates><rate currency=\"EUR\" "
                                               "value=\"%s\"/></exchange-rates></project>",
                                               values[i]);
      g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(MlProject) project = ml_xml_read (text, strlen (text), "t.mlab", diagnostics,
                                                  &error);

      g_autofree char *expected = NULL;
      const MlDiagnostic *diagnostic;

      g_assert_null (project);
      g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
      g_assert_cmpuint (diagnostics->len, ==, 1);
      diagnostic = g_ptr_array_index (diagnostics, 0);
      g_assert_cmpint (diagnostic->severity, ==, ML_SEVERITY_ERROR);
      expected = g_strdup_printf ("Exchange rate: The rate must be more than 0, not %s.",
                                  values[i]);
      g_assert_cmpstr (diagnostic->message, ==, expected);
    }
}

static void
test_create (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (converted);
  g_autoptr(MlProject) plain = ml_test_load_text (HEAD "</project>");
  g_autoptr(MlProject) bare = ml_test_load_text ("<project xmlns=\"https://example.org/ns/missionlab\" "
                                                 "format-version=\"1.0\"><title>T</title></project>");
  g_autoptr(MlElement) rate = NULL;
  g_autoptr(MlElement) fallback = NULL;
  g_autoptr(GError) error = NULL;
  MlDate today = ml_test_parse_date ("2026-11-27");

  /* EUR has a rate already; USD is the budget currency without one. */
  rate = ml_element_create (project, ml_project_get_root (project), ML_KIND_EXCHANGE_RATE, today,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ml_element_get_string (rate, ML_RATE_CURRENCY), ==, "USD");
  g_assert_cmpfloat (ml_element_get_number (rate, ML_RATE_VALUE), ==, 1);
  g_assert_cmpint (ml_element_get_date (rate, ML_RATE_DATE), ==, today);
  g_assert_true (ml_validate_tree (project, rate, &error));

  fallback = ml_element_create (plain, ml_project_get_root (plain), ML_KIND_EXCHANGE_RATE, today,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ml_element_get_string (fallback, ML_RATE_CURRENCY), ==, "EUR");

  g_assert_null (ml_element_create (bare, ml_project_get_root (bare), ML_KIND_EXCHANGE_RATE,
                                    today, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
}

static void
test_title (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (converted);
  MlElement *rate = g_ptr_array_index (ml_element_get_children (ml_project_get_root (project),
                                                                ML_KIND_EXCHANGE_RATE), 0);
  g_autofree char *title = ml_project_dup_title (project, rate);

  g_assert_cmpstr (title, ==, "1 EUR = 1.6 AUD");
}

/* A currency worth less than a hundredth of the other is quoted the other way round:
 * in whole units: 1 / 0.0000394 = 25380.7, so 1 USD = 25381 VND; 1 / 0.004 = 250 JPY;
 * 1 / 0.0072 = 138.9, 139 ISK.
 */
static void
test_describe (void)
{
  g_autoptr(MlProject) project =
    ml_test_load_text ("<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.1\" "
                       "currency=\"USD\"><title>T</title><exchange-rates>"
                       "<rate currency=\"VND\" value=\"0.0000394\"/>"
                       "<rate currency=\"JPY\" value=\"0.004\"/>"
                       "<rate currency=\"ISK\" value=\"0.0072\"/>"
                       "<rate currency=\"EUR\" value=\"1.08\"/>"
                       "</exchange-rates></project>");
  GPtrArray *rates = ml_element_get_children (ml_project_get_root (project),
                                              ML_KIND_EXCHANGE_RATE);
  const char *expected[] = {
    "1 USD = 25381 VND", "1 USD = 250 JPY", "1 USD = 139 ISK", "1 EUR = 1.08 USD",
  };

  g_assert_cmpuint (rates->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rates->len; i++)
    {
      g_autofree char *text = ml_exchange_describe_rate (g_ptr_array_index (rates, i), "USD");

      g_assert_cmpstr (text, ==, expected[i]);
    }
}

/* The version written is the oldest that holds the file: 1.1 with rates, 1.0 without. */
static void
test_format_version (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (converted);
  g_autoptr(MlProject) plain = ml_test_load_text (HEAD "</project>");
  g_autoptr(GBytes) with_rates = ml_xml_write (project);
  g_autoptr(GBytes) without = ml_xml_write (plain);
  g_autofree char *text = g_strndup (g_bytes_get_data (with_rates, NULL),
                                     g_bytes_get_size (with_rates));
  g_autofree char *plain_text = g_strndup (g_bytes_get_data (without, NULL),
                                           g_bytes_get_size (without));
  g_autoptr(MlProject) again = NULL;
  g_autoptr(GBytes) rewritten = NULL;

  g_assert_nonnull (strstr (text, "format-version=\"1.1\""));
  g_assert_nonnull (strstr (text, "  <exchange-rates>\n    <rate currency=\"EUR\" value=\"1.6\" "
                                  "date=\"2025-01-02\" source=\"RBA\"/>\n  </exchange-rates>\n"
                                  "</project>\n"));
  g_assert_nonnull (strstr (plain_text, "format-version=\"1.0\""));

  again = ml_test_load_text (text);
  rewritten = ml_xml_write (again);
  g_assert_true (g_bytes_equal (rewritten, with_rates));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/mix-converts", test_mix_converts);
  g_test_add_func ("/exchange/convert", test_convert);
  g_test_add_func ("/exchange/unused-rates", test_unused_rates);
  g_test_add_func ("/exchange/rate-must-be-positive", test_rate_must_be_positive);
  g_test_add_func ("/exchange/create", test_create);
  g_test_add_func ("/exchange/title", test_title);
  g_test_add_func ("/exchange/describe", test_describe);
  g_test_add_func ("/exchange/format-version", test_format_version);

  return g_test_run ();
}
