/* test-candidates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choosing missions together: weighted scores, ranks, robustness to the weights and the
 * smallest swapping change (numbers worked out by hand in the comments), ties, zero weights,
 * missing scores, votes; the rules a score follows, a new criterion's and score's defaults,
 * titles, and the format version a project with candidates is written with.
 */

#include "config.h"

#include <math.h>

#include "ml-candidates.h"
#include "ml-create.h"
#include "ml-delete.h"
#include "ml-diagnostic.h"
#include "ml-error.h"
#include "ml-test-util.h"
#include "ml-xml-reader.h"
#include "ml-xml-writer.h"

#define HEAD                                                                                 \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.2\">\n"           \
  "<title>Candidates</title>\n"

/* Three criteria, four candidates. Weights B = 3, M = 2, C = 1, so Σ w = 6:
 *
 *              B  M  C   Σ w × value            score    votes
 *   Hydrogen   5  4  3   15 + 8 + 3 = 26    26/6 = 4.33     14
 *   Protein    3  5  4    9 + 10 + 4 = 23   23/6 = 3.83      9
 *   Drought    4  3  4   12 + 6 + 4 = 22    22/6 = 3.67     12
 *   Plastics   4  2  –   12 + 4 + 0 = 16    16/6 = 2.67      5   (no score for C: counts 0)
 *
 * Ranks 1 to 4 in that order; 40 votes.
 */
static const char example[] =
  HEAD
  "<missions><mission id=\"m-h2\"><title>Hydrogen Industry Mission</title></mission></missions>"
  "<candidates>"
  "<criterion id=\"B\" weight=\"3\"><name>Boldness</name></criterion>"
  "<criterion id=\"M\" weight=\"2\"><name>Measurability</name></criterion>"
  "<criterion id=\"C\" weight=\"1\"><name>Capability</name></criterion>"
  "<candidate id=\"h\" mission=\"m-h2\" votes=\"14\"><name>Hydrogen</name>"
  "<score criterion=\"B\" value=\"5\"/><score criterion=\"M\" value=\"4\"/>"
  "<score criterion=\"C\" value=\"3\"/></candidate>"
  "<candidate id=\"l\" votes=\"5\"><name>Plastics</name>"
  "<score criterion=\"B\" value=\"4\"/><score criterion=\"M\" value=\"2\"/></candidate>"
  "<candidate id=\"p\" votes=\"9\"><name>Protein</name>"
  "<score criterion=\"M\" value=\"5\"/><score criterion=\"B\" value=\"3\"/>"
  "<score criterion=\"C\" value=\"4\"/></candidate>"
  "<candidate id=\"d\" votes=\"12\"><name>Drought</name>"
  "<score criterion=\"B\" value=\"4\"/><score criterion=\"M\" value=\"3\"/>"
  "<score criterion=\"C\" value=\"4\"/></candidate>"
  "</candidates></project>\n";

/* A project with two criteria, One (c1) and Two (c2), of the weights given, and @candidates. */
static MlProject *
load_two_criteria (const char *weight1,
                   const char *weight2,
                   const char *candidates)
{
  g_autofree char *text =
    g_strdup_printf (HEAD "<candidates><criterion id=\"c1\" weight=\"%s\"><name>One</name>"
                     "</criterion><criterion id=\"c2\" weight=\"%s\"><name>Two</name>"
                     "</criterion>%s</candidates></project>", weight1, weight2, candidates);

  return ml_test_load_text (text);
}

static const MlCandidateRow *
row_at (MlCandidates *candidates,
        guint         position)
{
  GPtrArray *rows = ml_candidates_get_rows (candidates);

  g_assert_cmpuint (position, <, rows->len);
  return g_ptr_array_index (rows, position);
}

static void
assert_row (const MlCandidateRow *row,
            const char           *id,
            guint                 rank,
            double                score)
{
  g_assert_cmpstr (ml_element_get_id (row->candidate), ==, id);
  g_assert_cmpuint (row->rank, ==, rank);
  if (isnan (score))
    g_assert_true (isnan (row->score));
  else
    g_assert_cmpfloat_with_epsilon (row->score, score, 1e-9);
}

static void
test_rank (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (example);
  g_autoptr(MlCandidates) candidates = ml_candidates_compute (project);
  const MlCandidateRow *plastics;

  g_assert_cmpuint (ml_candidates_get_rows (candidates)->len, ==, 4);
  assert_row (row_at (candidates, 0), "h", 1, 26.0 / 6);
  assert_row (row_at (candidates, 1), "p", 2, 23.0 / 6);
  assert_row (row_at (candidates, 2), "d", 3, 22.0 / 6);
  assert_row (row_at (candidates, 3), "l", 4, 16.0 / 6);

  g_assert_cmpstr (ml_element_get_id (row_at (candidates, 0)->mission), ==, "m-h2");
  g_assert_null (row_at (candidates, 1)->mission);

  /* Plastics has no score for Capability: it counts 0 and is said. */
  plastics = row_at (candidates, 3);
  g_assert_cmpuint (plastics->missing->len, ==, 1);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (plastics->missing, 0)), ==, "C");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (row_at (candidates, i)->missing->len, ==, 0);
}

static void
test_missing_described (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (example);
  g_autoptr(MlCandidates) candidates = ml_candidates_compute (project);
  g_autofree char *plastics = ml_candidates_describe_missing (row_at (candidates, 3));
  g_autofree char *hydrogen = ml_candidates_describe_missing (row_at (candidates, 0));

  g_assert_cmpstr (plastics, ==, "“Plastics” has no score for “Capability”; it counts 0.");
  g_assert_null (hydrogen);
}

/* 40 votes: 14/40 = 0.35, 9/40 = 0.225, 12/40 = 0.3, 5/40 = 0.125. */
static void
test_votes (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (example);
  g_autoptr(MlCandidates) candidates = ml_candidates_compute (project);
  const double shares[] = { 0.35, 0.225, 0.3, 0.125 };
  const guint votes[] = { 14, 9, 12, 5 };

  g_assert_cmpuint (ml_candidates_get_total_votes (candidates), ==, 40);
  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      g_assert_cmpuint (row_at (candidates, i)->votes, ==, votes[i]);
      g_assert_cmpfloat_with_epsilon (row_at (candidates, i)->vote_share, shares[i], 1e-12);
    }
}

/* Every weight × 0.8, 0.9, 1, 1.1 or 1.2: 5³ = 125 weightings. With factors m_B, m_M, m_C the
 * weighted sums are
 *   Hydrogen 15 m_B + 8 m_M + 3 m_C      Protein 9 m_B + 10 m_M + 4 m_C
 *   Drought  12 m_B + 6 m_M + 4 m_C      Plastics 12 m_B + 4 m_M
 * Hydrogen − Protein = 6 m_B − 2 m_M − m_C ≥ 4.8 − 2.4 − 1.2 > 0, and Hydrogen beats the others
 * by more, so Hydrogen is always first: 125/125. Protein − Plastics = −3 m_B + 6 m_M + 4 m_C ≥
 * −3.6 + 4.8 + 3.2 > 0 and Drought − Plastics = 2 m_M + 4 m_C > 0: Plastics is always last.
 * Protein − Drought = 4 m_M − 3 m_B decides the middle. 3 m_B is 2.4, 2.7, 3.0, 3.3 or 3.6;
 * 4 m_M is 3.2, 3.6, 4.0, 4.4 or 4.8. Of the 25 pairs (m_B, m_M):
 *   m_M = 0.8 (3.2): Protein ahead for m_B = 0.8, 0.9, 1; Drought ahead for 1.1, 1.2
 *   m_M = 0.9 (3.6): Protein ahead for 0.8 … 1.1; a tie for m_B = 1.2 (3.6 = 3.6)
 *   m_M ≥ 1 (4.0 and up): Protein ahead for all 5, 15 pairs
 * so Protein ahead in 22 pairs, tied in 1, behind in 2, each for the 5 values of m_C.
 * Protein keeps rank 2 when ahead or tied (tied candidates share the rank): 23 × 5 = 115/125
 * = 0.92. Drought keeps rank 3 only when behind Protein: 22 × 5 = 110/125 = 0.88, and so does
 * the whole ranking.
 */
static void
test_robustness (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (example);
  g_autoptr(MlCandidates) candidates = ml_candidates_compute (project);

  g_assert_cmpuint (ml_candidates_get_n_weightings (candidates), ==, 125);
  g_assert_cmpfloat (row_at (candidates, 0)->robustness, ==, 1);
  g_assert_cmpfloat_with_epsilon (row_at (candidates, 1)->robustness, 115.0 / 125, 1e-12);
  g_assert_cmpfloat_with_epsilon (row_at (candidates, 2)->robustness, 110.0 / 125, 1e-12);
  g_assert_cmpfloat (row_at (candidates, 3)->robustness, ==, 1);
  g_assert_cmpfloat_with_epsilon (ml_candidates_get_stability (candidates), 110.0 / 125, 1e-12);
}

/* Hydrogen leads Protein by N = 26 − 23 = 3; the differences per criterion are B 5 − 3 = 2,
 * M 4 − 5 = −1, C 3 − 4 = −1. They draw level at δ = −N / difference: B −1.5 (weight 1.5),
 * M +3 (5), C +3 (4). The smallest change is to B: 3 → 1.5.
 * Protein leads Drought by 1; differences B −1, M 2, C 0: B +1 (4), M −0.5 (1.5); C cannot.
 * The smallest is M: 2 → 1.5, and it is the smallest in the ranking: the closest call.
 * Drought leads Plastics by 6; differences B 0, M 1, C 4: M would need −6 (weight −4), C −1.5
 * (weight −0.5): no weight can go below 0, so no single weight swaps them.
 */
static void
test_swap (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (example);
  g_autoptr(MlCandidates) candidates = ml_candidates_compute (project);
  const MlCandidateRow *hydrogen = row_at (candidates, 0);
  const MlCandidateRow *protein = row_at (candidates, 1);
  const MlCandidateRow *drought = row_at (candidates, 2);
  g_autofree char *first = ml_candidates_describe_swap (candidates, hydrogen);
  g_autofree char *second = ml_candidates_describe_swap (candidates, protein);
  g_autofree char *none = ml_candidates_describe_swap (candidates, drought);
  g_autofree char *last = ml_candidates_describe_swap (candidates, row_at (candidates, 3));

  g_assert_cmpstr (ml_element_get_id (hydrogen->swap_criterion), ==, "B");
  g_assert_cmpfloat_with_epsilon (hydrogen->swap_weight, 1.5, 1e-12);
  g_assert_cmpstr (ml_element_get_id (protein->swap_criterion), ==, "M");
  g_assert_cmpfloat_with_epsilon (protein->swap_weight, 1.5, 1e-12);
  g_assert_null (drought->swap_criterion);
  g_assert_true (isnan (drought->swap_weight));
  g_assert_true (ml_candidates_get_closest (candidates) == protein);

  g_assert_cmpstr (first, ==, "“Protein” draws level with “Hydrogen” if “Boldness” weighs 1.5 "
                              "instead of 3.");
  g_assert_cmpstr (second, ==, "“Drought” draws level with “Protein” if “Measurability” weighs "
                               "1.5 instead of 2.");
  g_assert_cmpstr (none, ==, "No change of a single weight brings “Plastics” level with "
                             "“Drought”.");
  g_assert_null (last);
}

/* Weights 1 and 1: A (5, 1) = 3, B (1, 5) = 3, C (2, 2) = 2. A and B share rank 1; C is 3rd.
 * 25 weightings: A − B = 4 m1 − 4 m2, so A keeps rank 1 when m1 ≥ m2: 15 pairs of 25 (10
 * with m1 > m2, 5 ties), and B when m2 ≥ m1: 15 too. A − C = 3 m1 − m2 > 0 and
 * B − C = 3 m2 − m1 > 0: C is always 3rd. The whole ranking holds only in the 5 ties.
 * B leads C by N = 3 + 3 − 2 − 2 = 2, differences 1 − 2 = −1 and 5 − 2 = 3: the first weight
 * would need +2, the second −2/3, to 1/3: the second, written 0.33.
 */
static void
test_ties (void)
{
  g_autoptr(MlProject) project =
    load_two_criteria ("1", "1",
                       "<candidate id=\"a\"><name>A</name><score criterion=\"c1\" value=\"5\"/>"
                       "<score criterion=\"c2\" value=\"1\"/></candidate>"
                       "<candidate id=\"c\"><name>C</name><score criterion=\"c1\" value=\"2\"/>"
                       "<score criterion=\"c2\" value=\"2\"/></candidate>"
                       "<candidate id=\"b\"><name>B</name><score criterion=\"c1\" value=\"1\"/>"
                       "<score criterion=\"c2\" value=\"5\"/></candidate>");
  g_autoptr(MlCandidates) candidates = ml_candidates_compute (project);
  g_autofree char *tie = ml_candidates_describe_swap (candidates, row_at (candidates, 0));
  g_autofree char *swap = ml_candidates_describe_swap (candidates, row_at (candidates, 1));

  /* Tied candidates in document order; the rank after them skips to 3. */
  assert_row (row_at (candidates, 0), "a", 1, 3);
  assert_row (row_at (candidates, 1), "b", 1, 3);
  assert_row (row_at (candidates, 2), "c", 3, 2);

  g_assert_cmpuint (ml_candidates_get_n_weightings (candidates), ==, 25);
  g_assert_cmpfloat_with_epsilon (row_at (candidates, 0)->robustness, 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (row_at (candidates, 1)->robustness, 0.6, 1e-12);
  g_assert_cmpfloat (row_at (candidates, 2)->robustness, ==, 1);
  g_assert_cmpfloat_with_epsilon (ml_candidates_get_stability (candidates), 0.2, 1e-12);

  g_assert_null (row_at (candidates, 0)->swap_criterion);
  g_assert_null (tie);
  g_assert_cmpfloat_with_epsilon (row_at (candidates, 1)->swap_weight, 1.0 / 3, 1e-12);
  g_assert_cmpstr (swap, ==, "“C” draws level with “B” if “Two” weighs 0.33 instead of 1.");

  /* No votes at all: no shares. */
  g_assert_cmpuint (ml_candidates_get_total_votes (candidates), ==, 0);
  g_assert_true (isnan (row_at (candidates, 0)->vote_share));
}

/* A weight of 0 leaves its criterion out: A (5, 0) = 5 and B (3, 5) = 3 with weights 1 and 0.
 * Only one weight varies: 5 weightings, none changes the order. A leads B by 5 − 3 = 2;
 * the differences are 2 and −5: the first weight would go to 1 − 1 = 0, leaving no weight at
 * all, so it is the second, raised from 0 to 2/5 = 0.4.
 */
static void
test_zero_weight (void)
{
  g_autoptr(MlProject) project =
    load_two_criteria ("1", "0",
                       "<candidate id=\"a\"><name>A</name><score criterion=\"c1\" value=\"5\"/>"
                       "<score criterion=\"c2\" value=\"0\"/></candidate>"
                       "<candidate id=\"b\"><name>B</name><score criterion=\"c1\" value=\"3\"/>"
                       "<score criterion=\"c2\" value=\"5\"/></candidate>");
  g_autoptr(MlCandidates) candidates = ml_candidates_compute (project);

  assert_row (row_at (candidates, 0), "a", 1, 5);
  assert_row (row_at (candidates, 1), "b", 2, 3);
  g_assert_cmpuint (ml_candidates_get_n_weightings (candidates), ==, 5);
  g_assert_cmpfloat (row_at (candidates, 0)->robustness, ==, 1);
  g_assert_cmpfloat (row_at (candidates, 1)->robustness, ==, 1);
  g_assert_cmpstr (ml_element_get_id (row_at (candidates, 0)->swap_criterion), ==, "c2");
  g_assert_cmpfloat_with_epsilon (row_at (candidates, 0)->swap_weight, 0.4, 1e-12);
}

/* With every weight 0 nothing is ranked: no scores, all first, no robustness. */
static void
test_all_weights_zero (void)
{
  g_autoptr(MlProject) project =
    ml_test_load_text (HEAD "<candidates>"
                       "<criterion id=\"c1\" weight=\"0\"><name>One</name></criterion>"
                       "<candidate id=\"a\"><name>A</name><score criterion=\"c1\" value=\"5\"/>"
                       "</candidate><candidate id=\"b\" votes=\"2\"><name>B</name></candidate>"
                       "</candidates></project>");
  g_autoptr(MlCandidates) candidates = ml_candidates_compute (project);
  g_autofree char *swap = ml_candidates_describe_swap (candidates, row_at (candidates, 0));

  assert_row (row_at (candidates, 0), "a", 1, NAN);
  assert_row (row_at (candidates, 1), "b", 1, NAN);
  g_assert_true (isnan (row_at (candidates, 0)->robustness));
  g_assert_cmpuint (ml_candidates_get_n_weightings (candidates), ==, 0);
  g_assert_true (isnan (ml_candidates_get_stability (candidates)));
  g_assert_null (ml_candidates_get_closest (candidates));
  g_assert_null (swap);
  /* The votes still count. */
  g_assert_cmpfloat (row_at (candidates, 1)->vote_share, ==, 1);
}

/* No criteria, and no candidates: nothing to rank, nothing to fail on. */
static void
test_empty (void)
{
  g_autoptr(MlProject) bare = ml_test_load_text (HEAD "</project>");
  g_autoptr(MlProject) unweighed = ml_test_load_text (HEAD "<candidates><candidate id=\"a\">"
                                                      "<name>A</name></candidate></candidates>"
                                                      "</project>");
  g_autoptr(MlCandidates) none = ml_candidates_compute (bare);
  g_autoptr(MlCandidates) one = ml_candidates_compute (unweighed);

  g_assert_cmpuint (ml_candidates_get_rows (none)->len, ==, 0);
  g_assert_cmpuint (ml_candidates_get_n_weightings (none), ==, 0);
  assert_row (row_at (one, 0), "a", 1, NAN);
  g_assert_cmpuint (row_at (one, 0)->missing->len, ==, 0);
}

/* Seven weighted criteria are past the grid (5⁷ = 78,125): seeded draws, the same each time. */
static void
test_many_criteria (void)
{
  g_autoptr(GString) text = g_string_new (HEAD "<candidates>");
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlCandidates) first = NULL;
  g_autoptr(MlCandidates) again = NULL;

  for (guint k = 0; k < 7; k++)
    g_string_append_printf (text, "<criterion id=\"c%u\" weight=\"1\"><name>C%u</name>"
                                  "</criterion>", k, k);
  /* A is ahead of B by 1 on the first criterion only: a tie broken either way by the draws. */
  g_string_append (text, "<candidate id=\"a\"><name>A</name><score criterion=\"c0\" value=\"3\"/>"
                         "<score criterion=\"c1\" value=\"2\"/></candidate>"
                         "<candidate id=\"b\"><name>B</name><score criterion=\"c0\" value=\"2\"/>"
                         "<score criterion=\"c1\" value=\"3\"/><score criterion=\"c2\" "
                         "value=\"0\"/></candidate></candidates></project>");
  project = ml_test_load_text (text->str);
  first = ml_candidates_compute (project);
  again = ml_candidates_compute (project);

  g_assert_cmpuint (ml_candidates_get_n_weightings (first), ==, ML_CANDIDATES_DRAWS);
  /* A and B tie at 5 each; whichever is ahead in a draw keeps rank 1, the other drops to 2, so
   * their robustness adds up to 1 (a draw that ties exactly has probability 0).
   */
  assert_row (row_at (first, 0), "a", 1, 5.0 / 7);
  assert_row (row_at (first, 1), "b", 1, 5.0 / 7);
  g_assert_cmpfloat_with_epsilon (row_at (first, 0)->robustness + row_at (first, 1)->robustness,
                                  1, 1e-12);
  g_assert_cmpfloat (row_at (first, 0)->robustness, >, 0.4);
  g_assert_cmpfloat (row_at (first, 0)->robustness, <, 0.6);
  g_assert_cmpfloat (row_at (first, 0)->robustness, ==, row_at (again, 0)->robustness);
  g_assert_cmpuint (row_at (first, 0)->missing->len, ==, 5);
}

/* A second score for the same criterion is refused, on load and as an edit. */
static void
test_one_score_per_criterion (void)
{
  static const char twice[] =
    HEAD "<candidates><criterion id=\"c1\" weight=\"1\"><name>One</name></criterion>"
    "<criterion id=\"c2\" weight=\"1\"><name>Two</name></criterion>"
    "<candidate id=\"a\"><name>A</name><score criterion=\"c1\" value=\"5\"/>"
    "<score criterion=\"c1\" value=\"4\"/></candidate></candidates></project>";
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) broken = ml_xml_read (twice, strlen (twice), "t.mlab", diagnostics,
                                             &error);
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlCommand) set = NULL;
  MlElement *second;
  MlValue value;

  /* Both scores break the rule; the same sentence is said once. */
  g_assert_null (broken);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpstr (((MlDiagnostic *) g_ptr_array_index (diagnostics, 0))->message, ==,
                   "Score: “A” already has a score for “One”: a candidate has one score per "
                   "criterion.");
  g_clear_error (&error);

  project = load_two_criteria ("1", "1", "<candidate id=\"a\"><name>A</name>"
                               "<score criterion=\"c1\" value=\"5\"/>"
                               "<score criterion=\"c2\" value=\"4\"/></candidate>");
  second = g_ptr_array_index (ml_element_get_children (ml_test_lookup (project, "a"),
                                                       ML_KIND_SCORE), 1);
  ml_value_init_string (&value, ML_SCORE_CRITERION, "c1");
  set = ml_command_new_set (second, ML_SCORE_CRITERION, &value);
  ml_value_clear (&value);
  g_assert_false (ml_command_apply (set, project, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
  g_assert_cmpstr (ml_element_get_string (second, ML_SCORE_CRITERION), ==, "c2");
}

/* Values and weights out of range, and a score that names something other than a criterion. */
static void
test_ranges (void)
{
  const char *bodies[] = {
    "<criterion id=\"c1\" weight=\"-1\"><name>One</name></criterion>",
    "<criterion id=\"c1\" weight=\"1\"><name>One</name></criterion><candidate id=\"a\">"
    "<name>A</name><score criterion=\"c1\" value=\"5.5\"/></candidate>",
    "<criterion id=\"c1\" weight=\"1\"><name>One</name></criterion><candidate id=\"a\" "
    "votes=\"2.5\"><name>A</name></candidate>",
    "<criterion id=\"c1\" weight=\"1\"><name>One</name></criterion><candidate id=\"a\" "
    "votes=\"-3\"><name>A</name></candidate>",
    "<candidate id=\"a\"><name>A</name><score criterion=\"b\" value=\"1\"/></candidate>"
    "<candidate id=\"b\"><name>B</name></candidate>",
  };
  const char *expected[] = {
    "Weight must be at least 0, not -1.",
    "Score must be between 0 and 5, not 5.5.",
    "Dot votes: “2.5” is not a whole number.",
    "Dot votes must be at least 0, not -3.",
    "Criterion refers to “b”, which is Candidate mission “B” (b), not a criterion.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD "<candidates>%s</candidates></project>",
                                               bodies[i]);
      g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(MlProject) project = ml_xml_read (text, strlen (text), "t.mlab", diagnostics,
                                                  &error);

      g_assert_null (project);
      g_assert_cmpuint (diagnostics->len, ==, 1);
      g_assert_nonnull (strstr (((MlDiagnostic *) g_ptr_array_index (diagnostics, 0))->message,
                                expected[i]));
    }
}

static void
test_create (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (example);
  g_autoptr(MlProject) bare = ml_test_load_text (HEAD "<candidates><candidate id=\"a\">"
                                                 "<name>A</name></candidate></candidates>"
                                                 "</project>");
  MlElement *root = ml_project_get_root (project);
  MlElement *plastics = ml_test_lookup (project, "l");
  g_autoptr(MlElement) criterion = NULL;
  g_autoptr(MlElement) candidate = NULL;
  g_autoptr(MlElement) score = NULL;
  g_autoptr(MlCommand) insert = NULL;
  g_autoptr(GError) error = NULL;
  MlDate today = ml_test_parse_date ("2026-11-28");

  criterion = ml_element_create (project, root, ML_KIND_CRITERION, today, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ml_element_get_number (criterion, ML_CRITERION_WEIGHT), ==, 1);
  g_assert_cmpstr (ml_element_get_label (criterion), ==, "New criterion");

  candidate = ml_element_create (project, root, ML_KIND_CANDIDATE, today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ml_element_get_label (candidate), ==, "New candidate mission");
  g_assert_false (ml_element_has_value (candidate, ML_CANDIDATE_VOTES));

  /* Plastics has scores for B and M: the new one is for C, at 0 as a missing score counts. */
  score = ml_element_create (project, plastics, ML_KIND_SCORE, today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ml_element_get_string (score, ML_SCORE_CRITERION), ==, "C");
  g_assert_cmpfloat (ml_element_get_number (score, ML_SCORE_VALUE), ==, 0);
  insert = ml_command_new_insert (plastics, score, -1);
  g_assert_true (ml_command_apply (insert, project, &error));
  g_assert_no_error (error);

  g_assert_null (ml_element_create (project, plastics, ML_KIND_SCORE, today, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
  g_assert_cmpstr (error->message, ==, "“Plastics” has a score for every criterion already.");
  g_clear_error (&error);

  g_assert_null (ml_element_create (bare, ml_test_lookup (bare, "a"), ML_KIND_SCORE, today,
                                    &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
}

/* Deleting a criterion deletes the scores against it: a score cannot be without one. */
static void
test_delete_criterion (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (example);
  g_autoptr(MlCommand) delete = ml_command_new_delete (project, ml_test_lookup (project, "C"),
                                                      NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MlCandidates) candidates = NULL;

  g_assert_true (ml_command_apply (delete, project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ml_element_get_children (ml_test_lookup (project, "h"),
                                             ML_KIND_SCORE)->len, ==, 2);

  /* Without C, Σ w = 5: Hydrogen 23/5, Protein 19/5, Drought 18/5, Plastics 16/5. */
  candidates = ml_candidates_compute (project);
  assert_row (row_at (candidates, 0), "h", 1, 23.0 / 5);
  assert_row (row_at (candidates, 3), "l", 4, 16.0 / 5);
  g_assert_cmpuint (row_at (candidates, 3)->missing->len, ==, 0);
}

static void
test_title (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (example);
  MlElement *score = g_ptr_array_index (ml_element_get_children (ml_test_lookup (project, "h"),
                                                                 ML_KIND_SCORE), 1);
  g_autofree char *title = ml_project_dup_title (project, score);
  g_autofree char *candidate = ml_project_dup_title (project, ml_test_lookup (project, "h"));

  g_assert_cmpstr (title, ==, "Measurability: 4 of 5");
  g_assert_cmpstr (candidate, ==, "Hydrogen");
}

static char *
write_text (MlProject *project)
{
  g_autoptr(GBytes) bytes = ml_xml_write (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* 1.2 with candidates or criteria, the oldest version otherwise; criteria before candidates in
 * one container, whatever the order read; the same bytes after a round trip.
 */
static void
test_format_version (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (example);
  g_autoptr(MlProject) plain = ml_test_load_text (HEAD "</project>");
  g_autoptr(MlProject) criteria_only =
    ml_test_load_text (HEAD "<candidates><criterion id=\"c\" weight=\"1\"><name>C</name>"
                       "</criterion></candidates></project>");
  g_autoptr(MlProject) mixed =
    ml_test_load_text (HEAD "<candidates><candidate id=\"a\" votes=\"0\"><name>A</name>"
                       "</candidate><criterion id=\"c\" weight=\"1\"><name>C</name></criterion>"
                       "</candidates></project>");
  g_autoptr(MlProject) again = NULL;
  g_autofree char *text = write_text (project);
  g_autofree char *plain_text = write_text (plain);
  g_autofree char *criteria_text = write_text (criteria_only);
  g_autofree char *mixed_text = write_text (mixed);
  g_autofree char *rewritten = NULL;

  g_assert_nonnull (strstr (text, "format-version=\"1.2\""));
  g_assert_nonnull (strstr (plain_text, "format-version=\"1.0\""));
  g_assert_nonnull (strstr (criteria_text, "format-version=\"1.2\""));
  g_assert_nonnull (strstr (mixed_text,
                            "  <candidates>\n"
                            "    <criterion id=\"c\" weight=\"1\">\n"
                            "      <name>C</name>\n"
                            "    </criterion>\n"
                            "    <candidate id=\"a\" votes=\"0\">\n"
                            "      <name>A</name>\n"
                            "    </candidate>\n"
                            "  </candidates>\n"
                            "</project>\n"));
  g_assert_nonnull (strstr (text, "    <candidate id=\"h\" mission=\"m-h2\" votes=\"14\">\n"
                                  "      <name>Hydrogen</name>\n"
                                  "      <score criterion=\"B\" value=\"5\"/>\n"));
  /* One container for both kinds. */
  g_assert_null (strstr (strstr (text, "<candidates>") + 1, "<candidates>"));

  again = ml_test_load_text (text);
  rewritten = write_text (again);
  g_assert_cmpstr (rewritten, ==, text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/candidates/rank", test_rank);
  g_test_add_func ("/candidates/missing-described", test_missing_described);
  g_test_add_func ("/candidates/votes", test_votes);
  g_test_add_func ("/candidates/robustness", test_robustness);
  g_test_add_func ("/candidates/swap", test_swap);
  g_test_add_func ("/candidates/ties", test_ties);
  g_test_add_func ("/candidates/zero-weight", test_zero_weight);
  g_test_add_func ("/candidates/all-weights-zero", test_all_weights_zero);
  g_test_add_func ("/candidates/empty", test_empty);
  g_test_add_func ("/candidates/many-criteria", test_many_criteria);
  g_test_add_func ("/candidates/one-score-per-criterion", test_one_score_per_criterion);
  g_test_add_func ("/candidates/ranges", test_ranges);
  g_test_add_func ("/candidates/create", test_create);
  g_test_add_func ("/candidates/delete-criterion", test_delete_criterion);
  g_test_add_func ("/candidates/title", test_title);
  g_test_add_func ("/candidates/format-version", test_format_version);

  return g_test_run ();
}
