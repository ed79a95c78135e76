/* test-policy-mix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy-mix analysis on small projects whose cells, budgets and findings were worked out
 * by hand from the rules in ml-policy-mix.h (the comments show the working): one that triggers
 * every kind of finding, one that triggers none, one owned by a single body; then the bundled
 * samples, with sanity checks.
 */

#include "config.h"

#include <math.h>

#include "ml-mission-focus.h"
#include "ml-policy-mix.h"
#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-test-util.h"
#include "ml-xml-reader.h"

#define HEAD                                                                                 \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\" "             \
  "currency=\"AUD\">\n<title>Mix</title>\n"

static guint
count_findings (MlPolicyMix  *mix,
                MlFindingKind kind)
{
  GPtrArray *findings = ml_policy_mix_get_findings (mix);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (((MlFinding *) g_ptr_array_index (findings, i))->kind == kind)
      n++;
  return n;
}

static const MlFinding *
get_finding (MlPolicyMix  *mix,
             MlFindingKind kind)
{
  GPtrArray *findings = ml_policy_mix_get_findings (mix);

  for (guint i = 0; i < findings->len; i++)
    if (((MlFinding *) g_ptr_array_index (findings, i))->kind == kind)
      return g_ptr_array_index (findings, i);
  g_assert_not_reached ();
}

static void
print_findings (MlPolicyMix *mix)
{
  GPtrArray *findings = ml_policy_mix_get_findings (mix);

  for (guint i = 0; i < findings->len; i++)
    {
      const MlFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("%s: %s", ml_finding_kind_to_string (finding->kind), finding->message);
    }
}

/* Every kind of finding. */
static const char every_finding[] =
  HEAD
  "<missions><mission id=\"m\" target-date=\"2040-06-30\"><title>Mission</title>"
  "<objective id=\"o1\"><title>One</title></objective>"
  "<objective id=\"o2\"><title>Two</title></objective></mission></missions>"
  "<stakeholders>"
  "<stakeholder id=\"gov\" type=\"government\" level=\"national\"><name>Gov</name></stakeholder>"
  "<stakeholder id=\"ind\" type=\"industry\" level=\"national\"><name>Ind</name></stakeholder>"
  "</stakeholders><instruments>"
  "<instrument id=\"i1\" type=\"PI006\" side=\"supply\" stages=\"research development\" "
  "responsible=\"gov\" budget=\"800\" end=\"2030-12-31\" serves=\"o1\"><name>I1</name></instrument>"
  "<instrument id=\"i2\" type=\"PI006\" side=\"supply\" stages=\"research\" "
  "responsible=\"gov\" budget=\"400\" end=\"2028-01-01\" serves=\"o1\"><name>I2</name></instrument>"
  "<instrument id=\"i3\" type=\"PI006\" side=\"demand\" stages=\"demonstration\" "
  "responsible=\"ind\" budget=\"100\" currency=\"EUR\"><name>I3</name></instrument>"
  "<instrument id=\"i4\" type=\"PI006\" side=\"supply\" "
  "responsible=\"ind\" budget=\"50\" serves=\"o1\"><name>I4</name></instrument>"
  "</instruments></project>\n";

static void
test_every_finding (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (every_finding);
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);
  GPtrArray *cell;
  const MlFinding *finding;

  print_findings (mix);

  /* i1 is in both of its stages, i2 in research: research holds both. */
  cell = ml_policy_mix_get_instruments (mix, ML_SIDE_SUPPLY, ML_STAGE_RESEARCH);
  g_assert_cmpuint (cell->len, ==, 2);
  cell = ml_policy_mix_get_instruments (mix, ML_SIDE_SUPPLY, ML_STAGE_DEVELOPMENT);
  g_assert_cmpuint (cell->len, ==, 1);
  cell = ml_policy_mix_get_instruments (mix, ML_SIDE_DEMAND, ML_STAGE_DEMONSTRATION);
  g_assert_cmpuint (cell->len, ==, 1);
  g_assert_cmpuint (ml_policy_mix_get_type_count (mix, 0, ML_STAGE_RESEARCH), ==, 2);

  /* Research: 800 / 2 + 400 = 800 AUD; development: 800 / 2 = 400 AUD; EUR stays apart. */
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (ml_policy_mix_get_budgets (mix, ML_SIDE_SUPPLY,
                                                                        ML_STAGE_RESEARCH),
                                             "AUD"), 800, 1e-9);
  g_assert_cmpuint (ml_policy_mix_get_budgets (mix, ML_SIDE_SUPPLY, ML_STAGE_RESEARCH)->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (ml_policy_mix_get_budgets (mix, ML_SIDE_SUPPLY,
                                                                        ML_STAGE_DEVELOPMENT),
                                             "AUD"), 400, 1e-9);
  g_assert_cmpuint (ml_policy_mix_get_budgets (mix, ML_SIDE_DEMAND, ML_STAGE_DEMONSTRATION)->len,
                    ==, 1);
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (ml_policy_mix_get_budgets (mix, ML_SIDE_DEMAND,
                                                                        ML_STAGE_DEMONSTRATION),
                                             "EUR"), 100, 1e-9);
  /* i4 has no stage: 800 + 400 = 1200 AUD staged. */
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (ml_policy_mix_get_totals (mix), "AUD"), 1200, 1e-9);
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (ml_policy_mix_get_totals (mix), "EUR"), 100, 1e-9);
  g_assert_cmpuint (ml_policy_mix_get_unstaged (mix)->len, ==, 1);

  g_assert_cmpuint (count_findings (mix, ML_FINDING_UNSTAGED_INSTRUMENT), ==, 1);
  /* Deployment and diffusion are empty. */
  g_assert_cmpuint (count_findings (mix, ML_FINDING_EMPTY_STAGE), ==, 2);
  g_assert_cmpuint (count_findings (mix, ML_FINDING_NO_DEMAND_PULL), ==, 1);
  finding = get_finding (mix, ML_FINDING_UNSERVED_OBJECTIVE);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (finding->elements, 0)), ==, "o2");
  g_assert_cmpuint (count_findings (mix, ML_FINDING_UNSERVED_OBJECTIVE), ==, 1);
  finding = get_finding (mix, ML_FINDING_UNANCHORED_INSTRUMENT);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (finding->elements, 0)), ==, "i3");
  g_assert_cmpuint (count_findings (mix, ML_FINDING_UNANCHORED_INSTRUMENT), ==, 1);
  /* gov and ind. */
  g_assert_cmpuint (count_findings (mix, ML_FINDING_SINGLE_OWNER), ==, 0);
  /* AUD: 800 / 1200 = 67 % in supply × research; EUR sits in one cell only. */
  finding = get_finding (mix, ML_FINDING_BUDGET_CONCENTRATION);
  g_assert_cmpuint (count_findings (mix, ML_FINDING_BUDGET_CONCENTRATION), ==, 1);
  g_assert_nonnull (strstr (finding->message, "67%"));
  g_assert_nonnull (strstr (finding->message, "AUD"));
  /* 2030-12-31 to 2040-06-30: 10 × 12 + 6 − 12 = 114, less one as the 30th precedes the 31st:
   * 113 months, 9 years and 5 months. */
  finding = get_finding (mix, ML_FINDING_FUNDING_GAP);
  g_assert_nonnull (strstr (finding->message, "9 years and 5 months"));
  g_assert_cmpuint (finding->elements->len, ==, 2);
  /* AUD: private i4 50 per public i1 + i2 = 1200: 0.04; EUR has no public money. */
  finding = get_finding (mix, ML_FINDING_CROWDING_IN);
  g_assert_cmpuint (count_findings (mix, ML_FINDING_CROWDING_IN), ==, 1);
  g_assert_cmpstr (finding->message, ==, "AUD 0.04 crowded in per AUD 1 of public money.");
  g_assert_cmpuint (finding->elements->len, ==, 3);
}

/* No finding at all: every stage covered, demand pull at deployment, every objective served,
 * two owners, 5 cells of 100 AUD (20 % each), funding ends 6 months before the target, and the
 * owners are neither public nor private. */
static const char no_finding[] =
  HEAD
  "<missions><mission id=\"m\" target-date=\"2040-06-30\"><title>Mission</title>"
  "<objective id=\"o1\"><title>One</title></objective></mission></missions>"
  "<stakeholders>"
  "<stakeholder id=\"a\" type=\"citizens\" level=\"local\"><name>A</name></stakeholder>"
  "<stakeholder id=\"b\" type=\"social-movement\" level=\"local\"><name>B</name></stakeholder>"
  "</stakeholders><instruments>"
  "<instrument id=\"i1\" type=\"PI006\" side=\"supply\" "
  "stages=\"research development demonstration\" responsible=\"a\" budget=\"300\" "
  "end=\"2039-12-31\" serves=\"o1\"><name>I1</name></instrument>"
  "<instrument id=\"i2\" type=\"PI006\" side=\"demand\" stages=\"deployment diffusion\" "
  "responsible=\"b\" budget=\"200\" serves=\"o1\"><name>I2</name></instrument>"
  "</instruments></project>\n";

static void
test_no_finding (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (no_finding);
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);

  print_findings (mix);
  g_assert_cmpuint (ml_policy_mix_get_findings (mix)->len, ==, 0);
  /* 300 / 3 and 200 / 2. */
  for (guint stage = ML_STAGE_RESEARCH; stage <= ML_STAGE_DEMONSTRATION; stage++)
    g_assert_cmpfloat_with_epsilon (ml_test_budget_in (ml_policy_mix_get_budgets (mix, ML_SIDE_SUPPLY,
                                                                          stage),
                                               "AUD"), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (ml_policy_mix_get_budgets (mix, ML_SIDE_DEMAND,
                                                                        ML_STAGE_DIFFUSION),
                                             "AUD"), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (ml_test_budget_in (ml_policy_mix_get_totals (mix), "AUD"), 500, 1e-9);
}

/* Three instruments run by gov, one by nobody: a single owner. */
static const char single_owner[] =
  HEAD
  "<stakeholders>"
  "<stakeholder id=\"gov\" type=\"government\" level=\"national\"><name>Gov</name></stakeholder>"
  "</stakeholders><instruments>"
  "<instrument id=\"i1\" type=\"PI006\" stages=\"research\" responsible=\"gov\"><name>I1</name></instrument>"
  "<instrument id=\"i2\" type=\"PI006\" stages=\"research\" responsible=\"gov\"><name>I2</name></instrument>"
  "<instrument id=\"i3\" type=\"PI006\" stages=\"research\" responsible=\"gov\"><name>I3</name></instrument>"
  "<instrument id=\"i4\" type=\"PI006\" stages=\"research\"><name>I4</name></instrument>"
  "</instruments></project>\n";

static void
test_single_owner (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (single_owner);
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);
  const MlFinding *finding;

  print_findings (mix);
  finding = get_finding (mix, ML_FINDING_SINGLE_OWNER);
  /* The stakeholder and its three instruments. */
  g_assert_cmpuint (finding->elements->len, ==, 4);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (finding->elements, 0)), ==, "gov");
  /* No budget: no concentration, no crowding-in; no mission: no gap. */
  g_assert_cmpuint (count_findings (mix, ML_FINDING_BUDGET_CONCENTRATION), ==, 0);
  g_assert_cmpuint (count_findings (mix, ML_FINDING_CROWDING_IN), ==, 0);
  g_assert_cmpuint (count_findings (mix, ML_FINDING_FUNDING_GAP), ==, 0);
}

/* Dragging i1 (supply; research and development) from research to demand × deployment: it
 * becomes demand at development and deployment, in one command that undoes whole.
 */
static void
test_move (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (every_finding);
  MlElement *i1 = ml_project_lookup (project, "i1");
  g_autoptr(MlCommand) move = NULL;
  g_autoptr(MlCommand) merge = NULL;
  g_autoptr(MlPolicyMix) after = NULL;
  g_autoptr(MlPolicyMix) undone = NULL;
  g_autoptr(GError) error = NULL;
  guint64 both = (1 << ML_STAGE_RESEARCH) | (1 << ML_STAGE_DEVELOPMENT);

  /* The cell it is in already: nothing to do. */
  g_assert_null (ml_policy_mix_move_command (i1, ML_STAGE_RESEARCH, ML_SIDE_SUPPLY,
                                             ML_STAGE_RESEARCH));

  move = ml_policy_mix_move_command (i1, ML_STAGE_RESEARCH, ML_SIDE_DEMAND, ML_STAGE_DEPLOYMENT);
  g_assert_nonnull (move);
  g_assert_cmpstr (ml_command_get_label (move), ==, "Move Instrument");
  g_assert_true (ml_command_apply (move, project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ml_element_get_enum (i1, ML_INSTRUMENT_SIDE), ==, ML_SIDE_DEMAND);
  g_assert_cmphex (ml_element_get_flags (i1, ML_INSTRUMENT_STAGES), ==,
                   (1 << ML_STAGE_DEVELOPMENT) | (1 << ML_STAGE_DEPLOYMENT));

  after = ml_policy_mix_compute (project);
  g_assert_cmpuint (ml_policy_mix_get_instruments (after, ML_SIDE_DEMAND,
                                                   ML_STAGE_DEPLOYMENT)->len, ==, 1);
  g_assert_cmpuint (ml_policy_mix_get_instruments (after, ML_SIDE_DEMAND,
                                                   ML_STAGE_DEVELOPMENT)->len, ==, 1);
  /* Only i2 is left in supply × research. */
  g_assert_cmpuint (ml_policy_mix_get_instruments (after, ML_SIDE_SUPPLY,
                                                   ML_STAGE_RESEARCH)->len, ==, 1);

  ml_command_revert (move, project);
  g_assert_cmpint (ml_element_get_enum (i1, ML_INSTRUMENT_SIDE), ==, ML_SIDE_SUPPLY);
  g_assert_cmphex (ml_element_get_flags (i1, ML_INSTRUMENT_STAGES), ==, both);
  undone = ml_policy_mix_compute (project);
  g_assert_cmpuint (ml_policy_mix_get_instruments (undone, ML_SIDE_SUPPLY,
                                                   ML_STAGE_RESEARCH)->len, ==, 2);

  /* Onto a stage it has already, in the same row: one stage fewer, the side untouched. */
  merge = ml_policy_mix_move_command (i1, ML_STAGE_RESEARCH, ML_SIDE_SUPPLY,
                                      ML_STAGE_DEVELOPMENT);
  g_assert_true (ml_command_apply (merge, project, &error));
  g_assert_cmphex (ml_element_get_flags (i1, ML_INSTRUMENT_STAGES), ==,
                   1 << ML_STAGE_DEVELOPMENT);
  g_assert_cmpint (ml_element_get_enum (i1, ML_INSTRUMENT_SIDE), ==, ML_SIDE_SUPPLY);
}

/* Two missions, a and b. Work is filed in a's lane (wa), b's (wb) and a lane of no mission
 * (wp); some of it serves the other mission's objective, some serves none.
 */
static const char two_missions[] =
  HEAD
  "<missions>"
  "<mission id=\"a\" lead=\"s1\" target-date=\"2040-01-01\"><title>A</title>"
  "<objective id=\"oa\"><title>OA</title></objective>"
  "<objective id=\"oa2\"><title>OA2</title></objective></mission>"
  "<mission id=\"b\" lead=\"s2\" target-date=\"2030-01-01\"><title>B</title>"
  "<objective id=\"ob\"><title>OB</title></objective></mission></missions>"
  "<stakeholders>"
  "<stakeholder id=\"s1\" type=\"government\" level=\"national\"><name>S1</name></stakeholder>"
  "<stakeholder id=\"s2\" type=\"government\" level=\"national\"><name>S2</name></stakeholder>"
  "<stakeholder id=\"s3\" type=\"industry\" level=\"national\"><name>S3</name></stakeholder>"
  "<stakeholder id=\"s4\" type=\"industry\" level=\"national\"><name>S4</name></stakeholder>"
  "<stakeholder id=\"s5\" type=\"industry\" level=\"national\"><name>S5</name></stakeholder>"
  "<stakeholder id=\"s6\" type=\"industry\" level=\"national\"><name>S6</name></stakeholder>"
  "</stakeholders><instruments>"
  "<instrument id=\"i1\" type=\"PI006\" side=\"supply\" stages=\"research\" responsible=\"s3\" "
  "end=\"2035-01-01\" serves=\"oa\"><name>I1</name></instrument>"
  "<instrument id=\"i2\" type=\"PI006\" side=\"supply\" stages=\"research\" responsible=\"s6\" "
  "serves=\"ob\"><name>I2</name></instrument>"
  "<instrument id=\"i3\" type=\"PI006\" side=\"demand\" stages=\"deployment\" responsible=\"s3\" "
  "serves=\"ob oa\"><name>I3</name></instrument>"
  "<instrument id=\"i4\" type=\"PI006\" side=\"supply\" stages=\"research\"><name>I4</name>"
  "</instrument></instruments><roadmap>"
  "<workstream id=\"wa\" mission=\"a\" lead=\"s1\"><name>WA</name>"
  "<activity id=\"a1\" start=\"2025-01-01\" end=\"2025-12-31\" owner=\"s5\"><name>A1</name></activity>"
  "<activity id=\"a2\" start=\"2025-01-01\" end=\"2025-12-31\" owner=\"s2\" serves=\"ob\">"
  "<name>A2</name></activity></workstream>"
  "<workstream id=\"wb\" mission=\"b\" lead=\"s2\"><name>WB</name>"
  "<activity id=\"b1\" start=\"2025-01-01\" end=\"2025-12-31\" owner=\"s4\" funders=\"s5 s6\" "
  "serves=\"oa2\"><name>B1</name></activity>"
  "<activity id=\"b2\" start=\"2025-01-01\" end=\"2025-12-31\"><name>B2</name></activity>"
  "</workstream>"
  "<workstream id=\"wp\"><name>WP</name>"
  "<activity id=\"p1\" start=\"2025-01-01\" end=\"2025-12-31\" serves=\"oa ob\"><name>P1</name>"
  "</activity>"
  "<activity id=\"p2\" start=\"2025-01-01\" end=\"2025-12-31\"><name>P2</name></activity>"
  "</workstream></roadmap></project>\n";

static gboolean
has_activity (MlProject  *project,
              const char *mission,
              const char *activity)
{
  return ml_mission_has_activity (ml_project_lookup (project, mission),
                                  ml_project_lookup (project, activity));
}

/* What serves a mission belongs to it, wherever it is filed; what serves nothing belongs to
 * its lane's mission, and to none in a lane of no mission.
 */
static void
test_mission_members (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (two_missions);
  MlElement *a = ml_project_lookup (project, "a");
  g_autoptr(GHashTable) of_a = NULL;
  g_autoptr(GHashTable) of_b = NULL;

  g_assert_true (has_activity (project, "a", "a1"));
  g_assert_false (has_activity (project, "a", "a2"));
  g_assert_true (has_activity (project, "a", "b1"));
  g_assert_false (has_activity (project, "a", "b2"));
  g_assert_true (has_activity (project, "a", "p1"));
  g_assert_false (has_activity (project, "a", "p2"));
  g_assert_false (has_activity (project, "b", "a1"));
  g_assert_true (has_activity (project, "b", "a2"));
  g_assert_false (has_activity (project, "b", "b1"));
  g_assert_true (has_activity (project, "b", "b2"));
  g_assert_true (has_activity (project, "b", "p1"));
  g_assert_false (has_activity (project, "b", "p2"));

  g_assert_true (ml_mission_has_workstream (a, ml_project_lookup (project, "wa")));
  g_assert_false (ml_mission_has_workstream (a, ml_project_lookup (project, "wb")));
  g_assert_false (ml_mission_has_workstream (a, ml_project_lookup (project, "wp")));
  g_assert_true (ml_mission_has_instrument (a, ml_project_lookup (project, "i1")));
  g_assert_false (ml_mission_has_instrument (a, ml_project_lookup (project, "i2")));
  g_assert_true (ml_mission_has_instrument (a, ml_project_lookup (project, "i3")));
  g_assert_false (ml_mission_has_instrument (a, ml_project_lookup (project, "i4")));

  /* a: its lead s1 (also wa's), a1's owner s5, b1's owner s4 and funders s5 and s6, and s3
   * who runs i1 and i3. b: its lead s2 (wb's, a2's owner), s6 who runs i2, s3 who runs i3.
   */
  of_a = ml_mission_dup_stakeholders (project, a);
  g_assert_cmpuint (g_hash_table_size (of_a), ==, 5);
  g_assert_true (g_hash_table_contains (of_a, "s1"));
  g_assert_true (g_hash_table_contains (of_a, "s3"));
  g_assert_true (g_hash_table_contains (of_a, "s4"));
  g_assert_true (g_hash_table_contains (of_a, "s5"));
  g_assert_true (g_hash_table_contains (of_a, "s6"));
  of_b = ml_mission_dup_stakeholders (project, ml_project_lookup (project, "b"));
  g_assert_cmpuint (g_hash_table_size (of_b), ==, 3);
  g_assert_true (g_hash_table_contains (of_b, "s2"));
  g_assert_true (g_hash_table_contains (of_b, "s3"));
  g_assert_true (g_hash_table_contains (of_b, "s6"));
}

/* A mission's mix holds the instruments serving its objectives, and is checked against its
 * objectives and target date only.
 */
static void
test_mission_mix (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (two_missions);
  g_autoptr(MlPolicyMix) all = ml_policy_mix_compute (project);
  g_autoptr(MlPolicyMix) of_a = NULL;
  g_autoptr(MlPolicyMix) of_b = NULL;
  GPtrArray *cell;
  const MlFinding *finding;

  /* The whole project: i1, i2 and i4 in supply × research; i4 serves nothing. */
  g_assert_cmpuint (ml_policy_mix_get_instruments (all, ML_SIDE_SUPPLY,
                                                   ML_STAGE_RESEARCH)->len, ==, 3);
  g_assert_cmpuint (count_findings (all, ML_FINDING_UNANCHORED_INSTRUMENT), ==, 1);

  /* a: i1 in research, i3 at deployment; oa2 is served by no instrument. i1 ends in 2035,
   * five years before a's target: a funding gap, which b's earlier target would not show.
   */
  of_a = ml_policy_mix_compute_for_mission (project, ml_project_lookup (project, "a"));
  print_findings (of_a);
  cell = ml_policy_mix_get_instruments (of_a, ML_SIDE_SUPPLY, ML_STAGE_RESEARCH);
  g_assert_cmpuint (cell->len, ==, 1);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (cell, 0)), ==, "i1");
  cell = ml_policy_mix_get_instruments (of_a, ML_SIDE_DEMAND, ML_STAGE_DEPLOYMENT);
  g_assert_cmpuint (cell->len, ==, 1);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (cell, 0)), ==, "i3");
  g_assert_cmpuint (count_findings (of_a, ML_FINDING_UNANCHORED_INSTRUMENT), ==, 0);
  finding = get_finding (of_a, ML_FINDING_UNSERVED_OBJECTIVE);
  g_assert_cmpuint (count_findings (of_a, ML_FINDING_UNSERVED_OBJECTIVE), ==, 1);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (finding->elements, 0)), ==, "oa2");
  g_assert_cmpuint (count_findings (of_a, ML_FINDING_FUNDING_GAP), ==, 1);

  /* b: i2 in research, i3 at deployment; every objective of b is served. */
  of_b = ml_policy_mix_compute_for_mission (project, ml_project_lookup (project, "b"));
  cell = ml_policy_mix_get_instruments (of_b, ML_SIDE_SUPPLY, ML_STAGE_RESEARCH);
  g_assert_cmpuint (cell->len, ==, 1);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (cell, 0)), ==, "i2");
  g_assert_cmpuint (ml_policy_mix_get_instruments (of_b, ML_SIDE_DEMAND,
                                                   ML_STAGE_DEPLOYMENT)->len, ==, 1);
  g_assert_cmpuint (count_findings (of_b, ML_FINDING_UNSERVED_OBJECTIVE), ==, 0);
  g_assert_cmpuint (count_findings (of_b, ML_FINDING_FUNDING_GAP), ==, 0);
}

static void
test_sample (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlPolicyMix) mix = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  GArray *totals;
  guint n_staged = 0;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  project = ml_xml_read (text, length, path, diagnostics, &error);
  g_assert_no_error (error);
  mix = ml_policy_mix_compute (project);
  print_findings (mix);

  instruments = ml_project_collect (project, ML_KIND_INSTRUMENT);
  for (guint i = 0; i < instruments->len; i++)
    if (ml_element_get_flags (g_ptr_array_index (instruments, i), ML_INSTRUMENT_STAGES) != 0)
      n_staged++;
  g_assert_cmpuint (n_staged + ml_policy_mix_get_unstaged (mix)->len, ==, instruments->len);

  /* The cells of each currency add up to its total, and no finding is empty. */
  totals = ml_policy_mix_get_totals (mix);
  for (guint c = 0; c < totals->len; c++)
    {
      const MlBudget *total = &g_array_index (totals, MlBudget, c);
      double sum = 0;

      for (guint side = 0; side < ML_N_SIDES; side++)
        for (guint stage = 0; stage < ML_N_STAGES; stage++)
          sum += ml_test_budget_in (ml_policy_mix_get_budgets (mix, side, stage), total->currency);
      g_assert_cmpfloat_with_epsilon (sum, total->amount, 1e-6 * MAX (1, total->amount));
    }
  for (guint i = 0; i < ml_policy_mix_get_findings (mix)->len; i++)
    {
      const MlFinding *finding = g_ptr_array_index (ml_policy_mix_get_findings (mix), i);

      g_assert_true (finding->message != NULL && finding->message[0] != '\0');
    }
}

int
main (int   argc,
      char *argv[])
{

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/policy-mix/every-finding", test_every_finding);
  g_test_add_func ("/policy-mix/no-finding", test_no_finding);
  g_test_add_func ("/policy-mix/single-owner", test_single_owner);
  g_test_add_func ("/policy-mix/move", test_move);
  g_test_add_func ("/policy-mix/mission-members", test_mission_members);
  g_test_add_func ("/policy-mix/mission", test_mission_mix);

  ml_test_add_sample_tests ("/policy-mix", test_sample);

  return g_test_run ();
}
