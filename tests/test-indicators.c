/* test-indicators.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indicator trajectories and statuses on small projects whose every expected value was worked
 * out by hand from the rules in ml-indicator.c (the comments show the working), and the
 * statuses of the bundled samples, printed as a sanity check.
 *
 * Most indicators below run from 2021-01-01 to 2021-04-11, which is 100 days (31 in January,
 * 28 in February, 31 in March, then 10), so that day d of the trajectory is d % of the way.
 * 2021-02-20 is day 50 (31 + 19), halfway; 2021-01-26 is day 25; 2021-03-17 is day 75
 * (31 + 28 + 16).
 */

#include "config.h"

#include <math.h>

#include "ml-indicator.h"
#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-test-util.h"

#define HEAD                                                                                 \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"           \
  "<title>Indicators</title>\n"                                                              \
  "<missions><mission id=\"m\"><title>M</title>\n"
#define TAIL "</mission></missions></project>\n"
#define OBJECTIVE(id, indicators)                                                            \
  "<objective id=\"" id "\"><title>" id "</title>" indicators "</objective>\n"

/* Rising from 10 to 30 over the 100 days: 20 expected on day 50. */
#define UP(id, measurements)                                                                 \
  "<indicator id=\"" id "\" baseline=\"10\" baseline-date=\"2021-01-01\" target=\"30\" "     \
  "target-date=\"2021-04-11\"><name>" id "</name>" measurements "</indicator>\n"
/* Falling from 6 to 2 over the 100 days: 4 expected on day 50. */
#define DOWN(id, measurements)                                                               \
  "<indicator id=\"" id "\" direction=\"decrease\" baseline=\"6\" baseline-date=\"2021-01-01\" " \
  "target=\"2\" target-date=\"2021-04-11\"><name>" id "</name>" measurements "</indicator>\n"
#define AT(date, value) "<measurement date=\"" date "\" value=\"" value "\"/>"
#define MID(value) AT ("2021-02-20", value)

static const char project_text[] =
  HEAD
  OBJECTIVE ("o-up",
             UP ("up-on", MID ("19"))          /* (19 − 10) / (20 − 10) = 0.9: on track, just */
             UP ("up-ahead", MID ("25"))       /* 15 / 10 = 1.5 */
             UP ("up-risk-high", MID ("18.9")) /* 8.9 / 10 = 0.89 */
             UP ("up-risk", MID ("16"))        /* 6 / 10 = 0.6: at risk, just */
             UP ("up-off", MID ("15.9"))       /* 5.9 / 10 = 0.59 */
             UP ("up-back", MID ("8"))         /* −2 / 10 = −0.2: moved away */
             /* The latest counts, whatever the order of listing: 19 on day 50, not 30 on day 25
              * (which would be far ahead). */
             UP ("up-order", MID ("19") AT ("2021-01-26", "30")))
  OBJECTIVE ("o-down",
             DOWN ("down-on", MID ("4.1"))   /* (4.1 − 6) / (4 − 6) = −1.9 / −2 = 0.95 */
             DOWN ("down-risk", MID ("4.6")) /* −1.4 / −2 = 0.7 */
             DOWN ("down-off", MID ("5"))    /* −1 / −2 = 0.5 */
             DOWN ("down-back", MID ("7")))  /* 1 / −2 = −0.5 */
  /* After the target date the target itself is expected: 30, so 20 of progress. */
  OBJECTIVE ("o-late",
             UP ("late-on", AT ("2021-05-01", "28"))   /* (28 − 10) / 20 = 0.9 */
             UP ("late-risk", AT ("2021-05-01", "25")) /* 15 / 20 = 0.75 */
             UP ("late-over", AT ("2021-05-01", "35")) /* 25 / 20 = 1.25 */
             DOWN ("late-down", AT ("2022-01-01", "3"))) /* (3 − 6) / (2 − 6) = 0.75 */
  /* No change expected: on or before the baseline date, or a level to hold. */
  OBJECTIVE ("o-flat",
             UP ("first-day-same", AT ("2021-01-01", "10"))
             UP ("first-day-worse", AT ("2021-01-01", "9.5"))
             DOWN ("first-day-down", AT ("2021-01-01", "5.5"))
             "<indicator id=\"hold\" direction=\"decrease\" baseline=\"5\" "
             "baseline-date=\"2021-01-01\" target=\"5\" target-date=\"2021-04-11\">"
             "<name>hold</name>" MID ("4.5") "</indicator>\n"
             "<indicator id=\"hold-worse\" direction=\"decrease\" baseline=\"5\" "
             "baseline-date=\"2021-01-01\" target=\"5\" target-date=\"2021-04-11\">"
             "<name>hold-worse</name>" MID ("5.5") "</indicator>\n"
             "<indicator id=\"hold-up\" baseline=\"5\" baseline-date=\"2021-01-01\" "
             "target=\"5\" target-date=\"2021-04-11\"><name>hold-up</name>" MID ("4.5")
             "</indicator>\n")
  /* What a status cannot rest on. */
  OBJECTIVE ("o-none",
             UP ("empty", "")
             "<indicator id=\"no-baseline\" target=\"30\" baseline-date=\"2021-01-01\" "
             "target-date=\"2021-04-11\"><name>no-baseline</name>" MID ("19") "</indicator>\n"
             "<indicator id=\"no-target-date\" baseline=\"10\" target=\"30\" "
             "baseline-date=\"2021-01-01\"><name>no-target-date</name>" MID ("19")
             "</indicator>\n")
  /* Worst-of: on track and at risk, with an unmeasurable indicator that must not count. */
  OBJECTIVE ("o-mixed",
             UP ("mixed-on", MID ("25"))
             UP ("mixed-risk", MID ("17"))
             "<indicator id=\"mixed-bare\"><name>mixed-bare</name>" MID ("1") "</indicator>\n")
  OBJECTIVE ("o-stale",
             UP ("stale-on", MID ("25"))
             UP ("stale-empty", ""))
  OBJECTIVE ("o-bare",
             "<indicator id=\"bare\" baseline=\"1\"><name>bare</name>" MID ("1") "</indicator>\n")
  OBJECTIVE ("o-nothing", "")
  TAIL;

static void
assert_status (MlProject         *project,
               const char        *id,
               const char        *today,
               MlIndicatorStatus  expected,
               double             expected_share)
{
  MlElement *indicator = ml_project_lookup (project, id);
  MlIndicatorStatus status;
  double share;

  g_assert_nonnull (indicator);
  status = ml_indicator_get_status (indicator, ml_test_parse_date (today), &share);
  g_test_message ("%s on %s: %s, share %g", id, today, ml_indicator_status_get_nick (status),
                  share);
  g_assert_cmpstr (ml_indicator_status_get_nick (status), ==,
                   ml_indicator_status_get_nick (expected));
  if (isnan (expected_share))
    g_assert_true (isnan (share));
  else
    g_assert_cmpfloat_with_epsilon (share, expected_share, 1e-9);
  /* The status does not depend on whether the share is asked for. */
  g_assert_cmpint (ml_indicator_get_status (indicator, ml_test_parse_date (today), NULL), ==, expected);
}

#define TODAY "2021-06-01"

static void
test_statuses (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);

  assert_status (project, "up-on", TODAY, ML_INDICATOR_STATUS_ON_TRACK, 0.9);
  assert_status (project, "up-ahead", TODAY, ML_INDICATOR_STATUS_ON_TRACK, 1.5);
  assert_status (project, "up-risk-high", TODAY, ML_INDICATOR_STATUS_AT_RISK, 0.89);
  assert_status (project, "up-risk", TODAY, ML_INDICATOR_STATUS_AT_RISK, 0.6);
  assert_status (project, "up-off", TODAY, ML_INDICATOR_STATUS_OFF_TRACK, 0.59);
  assert_status (project, "up-back", TODAY, ML_INDICATOR_STATUS_OFF_TRACK, -0.2);
  assert_status (project, "up-order", TODAY, ML_INDICATOR_STATUS_ON_TRACK, 0.9);

  assert_status (project, "down-on", TODAY, ML_INDICATOR_STATUS_ON_TRACK, 0.95);
  assert_status (project, "down-risk", TODAY, ML_INDICATOR_STATUS_AT_RISK, 0.7);
  assert_status (project, "down-off", TODAY, ML_INDICATOR_STATUS_OFF_TRACK, 0.5);
  assert_status (project, "down-back", TODAY, ML_INDICATOR_STATUS_OFF_TRACK, -0.5);

  assert_status (project, "late-on", TODAY, ML_INDICATOR_STATUS_ON_TRACK, 0.9);
  assert_status (project, "late-risk", TODAY, ML_INDICATOR_STATUS_AT_RISK, 0.75);
  assert_status (project, "late-over", TODAY, ML_INDICATOR_STATUS_ON_TRACK, 1.25);
  assert_status (project, "late-down", "2022-06-01", ML_INDICATOR_STATUS_AT_RISK, 0.75);

  /* No change expected yet: level with the baseline is on track, worse is off track. */
  assert_status (project, "first-day-same", TODAY, ML_INDICATOR_STATUS_ON_TRACK, NAN);
  assert_status (project, "first-day-worse", TODAY, ML_INDICATOR_STATUS_OFF_TRACK, NAN);
  /* 5.5 is below the baseline of 6, the way to the target of 2. */
  assert_status (project, "first-day-down", TODAY, ML_INDICATOR_STATUS_ON_TRACK, NAN);
  /* Target equal to baseline: the direction attribute says which way is worse; increase by
   * default. */
  assert_status (project, "hold", TODAY, ML_INDICATOR_STATUS_ON_TRACK, NAN);
  assert_status (project, "hold-worse", TODAY, ML_INDICATOR_STATUS_OFF_TRACK, NAN);
  assert_status (project, "hold-up", TODAY, ML_INDICATOR_STATUS_OFF_TRACK, NAN);

  assert_status (project, "empty", TODAY, ML_INDICATOR_STATUS_NO_RECENT_DATA, NAN);
  assert_status (project, "no-baseline", TODAY, ML_INDICATOR_STATUS_NOT_MEASURABLE, NAN);
  assert_status (project, "no-target-date", TODAY, ML_INDICATOR_STATUS_NOT_MEASURABLE, NAN);
  assert_status (project, "bare", TODAY, ML_INDICATOR_STATUS_NOT_MEASURABLE, NAN);
}

static void
test_stale (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);

  /* 18 months before 2022-08-20 is 2021-02-20, the date of the measurement: still recent. */
  assert_status (project, "up-on", "2022-08-20", ML_INDICATOR_STATUS_ON_TRACK, 0.9);
  /* A day later, the measurement is older than 2021-02-21: stale, whatever its value. */
  assert_status (project, "up-on", "2022-08-21", ML_INDICATOR_STATUS_NO_RECENT_DATA, NAN);
  assert_status (project, "up-off", "2022-08-21", ML_INDICATOR_STATUS_NO_RECENT_DATA, NAN);
  /* A measurement dated after today still counts as recent. */
  assert_status (project, "up-on", "2021-01-01", ML_INDICATOR_STATUS_ON_TRACK, 0.9);
}

static void
test_trajectory (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  MlElement *up = ml_project_lookup (project, "up-on");
  MlElement *down = ml_project_lookup (project, "down-on");
  MlElement *hold = ml_project_lookup (project, "hold");

  /* Before the baseline date nothing was promised: the baseline. */
  g_assert_cmpfloat (ml_indicator_get_expected (up, ml_test_parse_date ("2020-06-01")), ==, 10);
  g_assert_cmpfloat (ml_indicator_get_expected (up, ml_test_parse_date ("2021-01-01")), ==, 10);
  /* Day 25: 10 + 20 × 25/100 = 15. */
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_expected (up, ml_test_parse_date ("2021-01-26")), 15,
                                  1e-9);
  /* Day 50: 10 + 20 × 50/100 = 20. */
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_expected (up, ml_test_parse_date ("2021-02-20")), 20,
                                  1e-9);
  /* Day 75: 10 + 20 × 75/100 = 25. */
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_expected (up, ml_test_parse_date ("2021-03-17")), 25,
                                  1e-9);
  /* Day 1: 10 + 20 × 1/100 = 10.2. */
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_expected (up, ml_test_parse_date ("2021-01-02")), 10.2,
                                  1e-9);
  /* The target date and after: the target. */
  g_assert_cmpfloat (ml_indicator_get_expected (up, ml_test_parse_date ("2021-04-11")), ==, 30);
  g_assert_cmpfloat (ml_indicator_get_expected (up, ml_test_parse_date ("2030-01-01")), ==, 30);

  /* Falling, day 25: 6 − 4 × 25/100 = 5; day 75: 6 − 4 × 75/100 = 3. */
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_expected (down, ml_test_parse_date ("2021-01-26")), 5,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_expected (down, ml_test_parse_date ("2021-03-17")), 3,
                                  1e-9);
  /* A level to hold stays level. */
  g_assert_cmpfloat (ml_indicator_get_expected (hold, ml_test_parse_date ("2021-02-20")), ==, 5);

  /* Without a baseline or a target date there is no trajectory. */
  g_assert_true (isnan (ml_indicator_get_expected (ml_project_lookup (project, "no-baseline"),
                                                   ml_test_parse_date ("2021-02-20"))));
  g_assert_true (isnan (ml_indicator_get_expected (ml_project_lookup (project, "no-target-date"),
                                                   ml_test_parse_date ("2021-02-20"))));
  g_assert_false (ml_indicator_is_measurable (ml_project_lookup (project, "bare")));
  g_assert_true (ml_indicator_is_measurable (ml_project_lookup (project, "empty")));
}

static void
test_trajectory_long (void)
{
  static const char text[] =
    HEAD
    OBJECTIVE ("o",
               /* 2020-01-01 to 2030-01-01 is 10 × 365 + 3 leap days (2020, 2024, 2028) = 3653
                * days. 2025-01-01 is 5 × 365 + 2 (2020, 2024) = 1827 days in. */
               "<indicator id=\"long\" baseline=\"100\" baseline-date=\"2020-01-01\" "
               "target=\"70\" target-date=\"2030-01-01\"><name>long</name></indicator>\n")
    TAIL;
  g_autoptr(MlProject) project = ml_test_load_text (text);
  MlElement *indicator = ml_project_lookup (project, "long");

  /* 100 − 30 × 1827/3653 = 100 − 15.004106214... = 84.995893785... */
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_expected (indicator,
                                                             ml_test_parse_date ("2025-01-01")),
                                  100 - 30.0 * 1827 / 3653, 1e-9);
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_expected (indicator,
                                                             ml_test_parse_date ("2025-01-01")),
                                  84.9958938, 1e-6);
}

static void
test_objectives (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  MlDate today = ml_test_parse_date (TODAY);
  struct
  {
    const char *id;
    MlIndicatorStatus status;
  } cases[] = {
    /* up-off and up-back are off track. */
    { "o-up", ML_INDICATOR_STATUS_OFF_TRACK },
    { "o-down", ML_INDICATOR_STATUS_OFF_TRACK },
    /* late-on and late-over on track, late-risk at risk; late-down's measurement, dated
     * 2022-01-01, after today, still counts: 0.75, at risk. */
    { "o-late", ML_INDICATOR_STATUS_AT_RISK },
    /* On track and at risk (17: 7 / 10 = 0.7); the unmeasurable one is ignored. */
    { "o-mixed", ML_INDICATOR_STATUS_AT_RISK },
    /* On track and no data: missing data is the greater worry. */
    { "o-stale", ML_INDICATOR_STATUS_NO_RECENT_DATA },
    /* Nothing measurable, or nothing at all. */
    { "o-bare", ML_INDICATOR_STATUS_NOT_MEASURABLE },
    { "o-nothing", ML_INDICATOR_STATUS_NOT_MEASURABLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MlIndicatorStatus status = ml_objective_get_status (ml_project_lookup (project,
                                                                             cases[i].id),
                                                          today);

      g_test_message ("%s: %s", cases[i].id, ml_indicator_status_get_nick (status));
      g_assert_cmpstr (ml_indicator_status_get_nick (status), ==,
                       ml_indicator_status_get_nick (cases[i].status));
    }

  /* The order of worry, both ways round. */
  g_assert_cmpint (ml_indicator_status_worst (ML_INDICATOR_STATUS_NOT_MEASURABLE,
                                              ML_INDICATOR_STATUS_ON_TRACK),
                   ==, ML_INDICATOR_STATUS_ON_TRACK);
  g_assert_cmpint (ml_indicator_status_worst (ML_INDICATOR_STATUS_OFF_TRACK,
                                              ML_INDICATOR_STATUS_AT_RISK),
                   ==, ML_INDICATOR_STATUS_OFF_TRACK);
  g_assert_cmpint (ml_indicator_status_worst (ML_INDICATOR_STATUS_NO_RECENT_DATA,
                                              ML_INDICATOR_STATUS_AT_RISK),
                   ==, ML_INDICATOR_STATUS_AT_RISK);
}

static void
test_labels (void)
{
  for (guint i = 0; i < ML_INDICATOR_N_STATUSES; i++)
    {
      g_assert_nonnull (ml_indicator_status_get_nick (i));
      g_assert_nonnull (ml_indicator_status_get_label (i));
    }
  g_assert_cmpstr (ml_indicator_status_get_label (ML_INDICATOR_STATUS_ON_TRACK), ==, "On track");
  g_assert_cmpstr (ml_indicator_status_get_nick (ML_INDICATOR_STATUS_NO_RECENT_DATA), ==,
                   "no-recent-data");
}

static void
test_sample (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GPtrArray) objectives = NULL;
  MlDate today = ml_date_from_ymd (2026, 11, 27);

  project = ml_project_load (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  objectives = ml_project_collect (project, ML_KIND_OBJECTIVE);
  for (guint i = 0; i < objectives->len; i++)
    {
      MlElement *objective = g_ptr_array_index (objectives, i);
      GPtrArray *indicators = ml_element_get_children (objective, ML_KIND_INDICATOR);
      MlIndicatorStatus worst = ML_INDICATOR_STATUS_NOT_MEASURABLE;

      for (guint j = 0; indicators != NULL && j < indicators->len; j++)
        {
          MlElement *indicator = g_ptr_array_index (indicators, j);
          double share;
          MlIndicatorStatus status = ml_indicator_get_status (indicator, today, &share);

          g_test_message ("%s: %s: %s (share %g)", ml_element_get_id (objective),
                          ml_element_get_id (indicator), ml_indicator_status_get_nick (status),
                          share);
          g_assert_cmpint (status, <, ML_INDICATOR_N_STATUSES);
          worst = ml_indicator_status_worst (worst, status);
        }
      g_assert_cmpint (ml_objective_get_status (objective, today), ==, worst);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/indicators/statuses", test_statuses);
  g_test_add_func ("/indicators/stale", test_stale);
  g_test_add_func ("/indicators/trajectory", test_trajectory);
  g_test_add_func ("/indicators/trajectory-long", test_trajectory_long);
  g_test_add_func ("/indicators/objectives", test_objectives);
  g_test_add_func ("/indicators/labels", test_labels);

  ml_test_add_sample_tests ("/indicators", test_sample);

  return g_test_run ();
}
