/* test-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schedule analysis on small roadmaps whose every expected date was worked out by hand
 * from the rules in ml-schedule.h (the comments show the working), on a chain long enough to
 * break a recursive implementation, and on the bundled samples. Every schedule is also
 * checked against the dependency rules, implemented again here, independently.
 */

#include "config.h"

#include <math.h>
#include <pthread.h>

#include "ml-enums.h"
#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-test-util.h"
#include "ml-schedule.h"

#define HEAD                                                                                 \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"           \
  "<title>Schedule</title>\n"                                                                \
  "<roadmap><workstream id=\"w\"><name>Work</name>\n"
#define TAIL "</workstream></roadmap></project>\n"

/* An activity named as its id. */
#define ACT(id, start, end, deps)                                                            \
  "<activity id=\"" id "\" start=\"" start "\" end=\"" end "\"><name>" id "</name>" deps     \
  "</activity>\n"
#define NAMED(id, name, start, end, deps)                                                    \
  "<activity id=\"" id "\" start=\"" start "\" end=\"" end "\"><name>" name "</name>" deps   \
  "</activity>\n"
#define STOPPED(id, start, end, deps)                                                        \
  "<activity id=\"" id "\" start=\"" start "\" end=\"" end "\" status=\"stopped\"><name>" id \
  "</name>" deps "</activity>\n"
/* Finish-to-start without lag, the defaults. */
#define AFTER(id) "<depends-on activity=\"" id "\"/>"
#define DEP(id, type, lag) "<depends-on activity=\"" id "\" type=\"" type "\" lag=\"" lag "\"/>"

static MlProject *
load_roadmap (const char *activities)
{
  g_autofree char *text = g_strconcat (HEAD, activities, TAIL, NULL);

  return ml_test_load_text (text);
}

static char *
format_date (MlDate date)
{
  return date == ML_DATE_NONE ? g_strdup ("none") : ml_date_format (date);
}

/* Compares an entry as one line, so that a failure shows everything about it at once:
 * "B 2025-01-11..2025-01-20 late 2025-01-11..2025-01-20 slack 0 critical".
 */
static void
assert_entry (MlSchedule *schedule,
              MlProject  *project,
              const char *id,
              const char *expected)
{
  MlElement *activity = ml_project_lookup (project, id);
  const MlScheduleEntry *entry;
  g_autofree char *early_start = NULL;
  g_autofree char *early_finish = NULL;
  g_autofree char *late_start = NULL;
  g_autofree char *late_finish = NULL;
  g_autofree char *actual = NULL;

  g_assert_nonnull (activity);
  entry = ml_schedule_lookup (schedule, activity);
  g_assert_nonnull (entry);
  g_assert_true (entry->activity == activity);

  early_start = format_date (entry->early_start);
  early_finish = format_date (entry->early_finish);
  late_start = format_date (entry->late_start);
  late_finish = format_date (entry->late_finish);
  actual = g_strdup_printf ("%s %s..%s late %s..%s slack %d%s", id, early_start, early_finish,
                            late_start, late_finish, entry->slack,
                            entry->critical ? " critical" : "");
  g_assert_cmpstr (actual, ==, expected);
}

static void
assert_critical_path (MlSchedule *schedule,
                      const char *expected)
{
  GPtrArray *path = ml_schedule_get_critical_path (schedule);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < path->len; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, ml_element_get_id (g_ptr_array_index (path, i)));
    }
  g_assert_cmpstr (ids->str, ==, expected);
}

static void
assert_finish (MlSchedule *schedule,
               const char *expected)
{
  g_autofree char *finish = format_date (ml_schedule_get_finish (schedule));

  g_assert_cmpstr (finish, ==, expected);
}

static void
assert_issue (MlSchedule          *schedule,
              guint                index,
              MlScheduleIssueKind  kind,
              const char          *activity,
              const char          *predecessor,
              int                  days,
              const char          *message)
{
  GPtrArray *issues = ml_schedule_get_issues (schedule);
  const MlScheduleIssue *issue;

  g_assert_cmpuint (index, <, issues->len);
  issue = g_ptr_array_index (issues, index);
  g_assert_cmpint (issue->kind, ==, kind);
  g_assert_cmpstr (ml_element_get_id (issue->activity), ==, activity);
  g_assert_nonnull (issue->predecessor);
  g_assert_cmpstr (ml_element_get_id (issue->predecessor), ==, predecessor);
  if (kind == ML_SCHEDULE_ISSUE_VIOLATION)
    g_assert_cmpint (issue->days, ==, days);
  g_assert_cmpstr (issue->message, ==, message);
}

static gboolean
is_stopped (MlElement *activity)
{
  return ml_element_get_enum (activity, ML_ACTIVITY_STATUS) == ML_STATUS_STOPPED;
}

static gboolean
is_in_cycle (MlSchedule *schedule,
             MlElement  *activity)
{
  GPtrArray *issues = ml_schedule_get_issues (schedule);

  for (guint i = 0; i < issues->len; i++)
    {
      const MlScheduleIssue *issue = g_ptr_array_index (issues, i);

      if (issue->kind == ML_SCHEDULE_ISSUE_CYCLE && issue->activity == activity)
        return TRUE;
    }

  return FALSE;
}

/* The header's four rules, written out again: whether the dates of a successor satisfy a
 * dependency on a predecessor with those dates.
 */
static gboolean
satisfies (int    type,
           gint64 lag,
           gint64 predecessor_start,
           gint64 predecessor_end,
           gint64 successor_start,
           gint64 successor_end)
{
  switch (type)
    {
    case ML_DEPENDENCY_FINISH_START:
      return successor_start >= predecessor_end + 1 + lag;
    case ML_DEPENDENCY_START_START:
      return successor_start >= predecessor_start + lag;
    case ML_DEPENDENCY_FINISH_FINISH:
      return successor_end >= predecessor_end + lag;
    case ML_DEPENDENCY_START_FINISH:
      return successor_end >= predecessor_start - 1 + lag;
    default:
      g_assert_not_reached ();
    }
}

/* Properties any schedule must have, whatever the roadmap: durations kept, nothing before its
 * planned start, late dates not before early ones, slack as defined, the critical ones without
 * slack, nothing after the finish, and both the early and the late schedule satisfying every
 * dependency between activities that take part.
 */
static void
assert_consistent (MlProject  *project,
                   MlSchedule *schedule)
{
  g_autoptr(GPtrArray) activities = ml_project_collect (project, ML_KIND_ACTIVITY);
  MlDate finish = ml_schedule_get_finish (schedule);
  guint n_critical = 0;

  for (guint i = 0; i < activities->len; i++)
    {
      MlElement *activity = g_ptr_array_index (activities, i);
      const MlScheduleEntry *entry = ml_schedule_lookup (schedule, activity);
      MlDate start = ml_element_get_date (activity, ML_ACTIVITY_START);
      MlDate end = ml_element_get_date (activity, ML_ACTIVITY_END);
      GPtrArray *dependencies = ml_element_get_children (activity, ML_KIND_DEPENDENCY);

      g_assert_nonnull (entry);
      if (is_stopped (activity) || is_in_cycle (schedule, activity))
        {
          g_assert_cmpuint (entry->early_start, ==, start);
          g_assert_cmpuint (entry->early_finish, ==, end);
          g_assert_false (entry->critical);
          continue;
        }

      g_assert_cmpuint (entry->early_start, >=, start);
      g_assert_cmpuint (entry->early_finish - entry->early_start, ==, end - start);
      g_assert_cmpuint (entry->late_finish - entry->late_start, ==, end - start);
      g_assert_cmpuint (entry->late_start, >=, entry->early_start);
      g_assert_cmpint (entry->slack, ==, (int) entry->late_start - (int) entry->early_start);
      g_assert_cmpint (entry->critical, ==, entry->slack <= 0);
      g_assert_cmpuint (entry->late_finish, <=, finish);
      n_critical += entry->critical;

      for (guint d = 0; dependencies != NULL && d < dependencies->len; d++)
        {
          MlElement *dependency = g_ptr_array_index (dependencies, d);
          MlElement *other = ml_project_lookup (
              project, ml_element_get_string (dependency, ML_DEPENDENCY_ACTIVITY));
          const MlScheduleEntry *before = ml_schedule_lookup (schedule, other);
          int type = ml_element_get_enum (dependency, ML_DEPENDENCY_TYPE);
          double lag_days = ml_element_get_number (dependency, ML_DEPENDENCY_LAG);
          gint64 lag = isnan (lag_days) ? 0 : (gint64) lag_days;

          if (is_stopped (other) || is_in_cycle (schedule, other))
            continue;
          g_assert_true (satisfies (type, lag, before->early_start, before->early_finish,
                                    entry->early_start, entry->early_finish));
          g_assert_true (satisfies (type, lag, before->late_start, before->late_finish,
                                    entry->late_start, entry->late_finish));
        }
    }

  g_assert_cmpuint (n_critical, ==, ml_schedule_get_critical_path (schedule)->len);
}

static guint
count_issues (MlSchedule          *schedule,
              MlScheduleIssueKind  kind)
{
  GPtrArray *issues = ml_schedule_get_issues (schedule);
  guint n = 0;

  for (guint i = 0; i < issues->len; i++)
    n += ((MlScheduleIssue *) g_ptr_array_index (issues, i))->kind == kind;

  return n;
}

static void
test_finish_start_chain (void)
{
  /* A 01-01..01-10; B may start the day after A ends, 01-11, and is planned so; C likewise
   * from 01-21. Backwards from the finish 01-31: C may end 01-31, so B by 01-20 and A by
   * 01-10: no slack anywhere.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("A", "2025-01-01", "2025-01-10", "")
      ACT ("B", "2025-01-11", "2025-01-20", AFTER ("A"))
      ACT ("C", "2025-01-21", "2025-01-31", AFTER ("B")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

  assert_entry (schedule, project, "A",
                "A 2025-01-01..2025-01-10 late 2025-01-01..2025-01-10 slack 0 critical");
  assert_entry (schedule, project, "B",
                "B 2025-01-11..2025-01-20 late 2025-01-11..2025-01-20 slack 0 critical");
  assert_entry (schedule, project, "C",
                "C 2025-01-21..2025-01-31 late 2025-01-21..2025-01-31 slack 0 critical");
  assert_finish (schedule, "2025-01-31");
  assert_critical_path (schedule, "A B C");
  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 0);
  assert_consistent (project, schedule);
}

static void
test_finish_start_lag (void)
{
  /* A 01-01..01-10 (10 days).
   * B, lag 3: from 01-10 + 1 + 3 = 01-14, planned 01-14..01-23.
   * C, lag 2: from 01-23 + 1 + 2 = 01-26, planned 01-26..02-05 (11 days).
   * D, lag 4: from 02-05 + 1 + 4 = 02-10, but planned 01-01..01-03 (3 days): pushed to
   *   02-10..02-12, and its plan is 40 days early (31 days to 02-01, 9 more to 02-10).
   * Finish 02-12. Backwards: D may start 02-10, so C may end 02-10 − 1 − 4 = 02-05, start
   * 01-26; B may end 01-26 − 1 − 2 = 01-23; A may end 01-14 − 1 − 3 = 01-10. Without the
   * lags in the backward pass B and A would show slack.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("A", "2025-01-01", "2025-01-10", "")
      ACT ("B", "2025-01-14", "2025-01-23", DEP ("A", "finish-start", "3"))
      ACT ("C", "2025-01-26", "2025-02-05", DEP ("B", "finish-start", "2"))
      ACT ("D", "2025-01-01", "2025-01-03", DEP ("C", "finish-start", "4")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

  assert_entry (schedule, project, "A",
                "A 2025-01-01..2025-01-10 late 2025-01-01..2025-01-10 slack 0 critical");
  assert_entry (schedule, project, "B",
                "B 2025-01-14..2025-01-23 late 2025-01-14..2025-01-23 slack 0 critical");
  assert_entry (schedule, project, "C",
                "C 2025-01-26..2025-02-05 late 2025-01-26..2025-02-05 slack 0 critical");
  assert_entry (schedule, project, "D",
                "D 2025-02-10..2025-02-12 late 2025-02-10..2025-02-12 slack 0 critical");
  assert_finish (schedule, "2025-02-12");
  assert_critical_path (schedule, "A B C D");
  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 1);
  assert_issue (schedule, 0, ML_SCHEDULE_ISSUE_VIOLATION, "D", "C", 40,
                "Activity “D” starts on 2025-01-01, 40 days before “C” allows "
                "(finish-to-start with 4 days’ lag).");
  assert_consistent (project, schedule);
}

static void
test_finish_start_lead (void)
{
  /* A negative lag lets B overlap A: from 01-10 + 1 − 2 = 01-09. B is planned 01-01..01-05
   * (5 days), so it becomes 01-09..01-13 and its plan is 8 days early. Backwards from the
   * finish 01-13: A may end 01-09 − 1 + 2 = 01-10, no slack.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("A", "2025-01-01", "2025-01-10", "")
      ACT ("B", "2025-01-01", "2025-01-05", DEP ("A", "finish-start", "-2")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

  assert_entry (schedule, project, "A",
                "A 2025-01-01..2025-01-10 late 2025-01-01..2025-01-10 slack 0 critical");
  assert_entry (schedule, project, "B",
                "B 2025-01-09..2025-01-13 late 2025-01-09..2025-01-13 slack 0 critical");
  assert_finish (schedule, "2025-01-13");
  assert_critical_path (schedule, "A B");
  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 1);
  assert_issue (schedule, 0, ML_SCHEDULE_ISSUE_VIOLATION, "B", "A", 8,
                "Activity “B” starts on 2025-01-01, 8 days before “A” allows "
                "(finish-to-start with 2 days’ lead).");
  assert_consistent (project, schedule);
}

static void
test_start_start (void)
{
  /* P 03-01..03-10 (10 days). S (20 days) may start 03-01 + 5 = 03-06, planned 03-01: it
   * becomes 03-06..03-25, 5 days late. Backwards from the finish 03-25: P may start as late as
   * S's 03-06 − 5 = 03-01, so end 03-10: no slack.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("P", "2025-03-01", "2025-03-10", "")
      ACT ("S", "2025-03-01", "2025-03-20", DEP ("P", "start-start", "5")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

  assert_entry (schedule, project, "P",
                "P 2025-03-01..2025-03-10 late 2025-03-01..2025-03-10 slack 0 critical");
  assert_entry (schedule, project, "S",
                "S 2025-03-06..2025-03-25 late 2025-03-06..2025-03-25 slack 0 critical");
  assert_finish (schedule, "2025-03-25");
  assert_critical_path (schedule, "P S");
  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 1);
  assert_issue (schedule, 0, ML_SCHEDULE_ISSUE_VIOLATION, "S", "P", 5,
                "Activity “S” starts on 2025-03-01, 5 days before “P” allows "
                "(start-to-start with 5 days’ lag).");
  assert_consistent (project, schedule);
}

static void
test_finish_finish (void)
{
  /* P 03-01..03-10. S (5 days) may end 03-10 + 2 = 03-12 at the earliest, planned to end
   * 03-05: it becomes 03-08..03-12, and its end is 7 days early. Backwards from the finish
   * 03-12: P may end 03-12 − 2 = 03-10: no slack.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("P", "2025-03-01", "2025-03-10", "")
      ACT ("S", "2025-03-01", "2025-03-05", DEP ("P", "finish-finish", "2")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

  assert_entry (schedule, project, "P",
                "P 2025-03-01..2025-03-10 late 2025-03-01..2025-03-10 slack 0 critical");
  assert_entry (schedule, project, "S",
                "S 2025-03-08..2025-03-12 late 2025-03-08..2025-03-12 slack 0 critical");
  assert_finish (schedule, "2025-03-12");
  assert_critical_path (schedule, "P S");
  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 1);
  assert_issue (schedule, 0, ML_SCHEDULE_ISSUE_VIOLATION, "S", "P", 7,
                "Activity “S” ends on 2025-03-05, 7 days before “P” allows "
                "(finish-to-finish with 2 days’ lag).");
  assert_consistent (project, schedule);
}

static void
test_start_finish (void)
{
  /* Pushed forward: P 03-10..03-19 (10 days). S (5 days) may end 03-10 − 1 + 3 = 03-12 at
   * the earliest, planned to end 03-05: it becomes 03-08..03-12, 7 days early. The finish is
   * P's end 03-19; S has no successor, so it may end 03-19 and start 03-15: 7 days of slack.
   * P may end min(finish 03-19, what S allows) = 03-19: no slack.
   */
  {
    g_autoptr(MlProject) project = load_roadmap (
        ACT ("P", "2025-03-10", "2025-03-19", "")
        ACT ("S", "2025-03-01", "2025-03-05", DEP ("P", "start-finish", "3")));
    g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

    assert_entry (schedule, project, "P",
                  "P 2025-03-10..2025-03-19 late 2025-03-10..2025-03-19 slack 0 critical");
    assert_entry (schedule, project, "S",
                  "S 2025-03-08..2025-03-12 late 2025-03-15..2025-03-19 slack 7");
    assert_finish (schedule, "2025-03-19");
    assert_critical_path (schedule, "P");
    g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 1);
    assert_issue (schedule, 0, ML_SCHEDULE_ISSUE_VIOLATION, "S", "P", 7,
                  "Activity “S” ends on 2025-03-05, 7 days before “P” allows "
                  "(start-to-finish with 3 days’ lag).");
    assert_consistent (project, schedule);
  }

  /* Binding backwards: P 03-10..03-11 (2 days); S 03-01..03-20 already ends after
   * 03-10 − 1 + 3 = 03-12. The finish is S's end 03-20, and S's end must stay ≥ P's start
   * − 1 + 3, so P may start as late as 03-20 + 1 − 3 = 03-18 and end 03-19: 8 days of slack.
   */
  {
    g_autoptr(MlProject) project = load_roadmap (
        ACT ("P", "2025-03-10", "2025-03-11", "")
        ACT ("S", "2025-03-01", "2025-03-20", DEP ("P", "start-finish", "3")));
    g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

    assert_entry (schedule, project, "P",
                  "P 2025-03-10..2025-03-11 late 2025-03-18..2025-03-19 slack 8");
    assert_entry (schedule, project, "S",
                  "S 2025-03-01..2025-03-20 late 2025-03-01..2025-03-20 slack 0 critical");
    assert_finish (schedule, "2025-03-20");
    assert_critical_path (schedule, "S");
    g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 0);
    assert_consistent (project, schedule);
  }
}

static void
test_diamond (void)
{
  /* A 01-01..01-10 leads to B (20 days, 01-11..01-30) and C (5 days, 01-11..01-15), which
   * both lead to D 01-31..02-09: D may start after the later of B and C, 01-31. The finish
   * is 02-09. Backwards: B and C may both end 01-30; B is 20 days long and has no slack; C
   * may start 01-26, 15 days after 01-11. A may end by B's 01-11 − 1 = 01-10.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("A", "2025-01-01", "2025-01-10", "")
      ACT ("B", "2025-01-11", "2025-01-30", AFTER ("A"))
      ACT ("C", "2025-01-11", "2025-01-15", AFTER ("A"))
      ACT ("D", "2025-01-31", "2025-02-09", AFTER ("B") AFTER ("C")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

  assert_entry (schedule, project, "A",
                "A 2025-01-01..2025-01-10 late 2025-01-01..2025-01-10 slack 0 critical");
  assert_entry (schedule, project, "B",
                "B 2025-01-11..2025-01-30 late 2025-01-11..2025-01-30 slack 0 critical");
  assert_entry (schedule, project, "C",
                "C 2025-01-11..2025-01-15 late 2025-01-26..2025-01-30 slack 15");
  assert_entry (schedule, project, "D",
                "D 2025-01-31..2025-02-09 late 2025-01-31..2025-02-09 slack 0 critical");
  assert_finish (schedule, "2025-02-09");
  assert_critical_path (schedule, "A B D");
  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 0);
  assert_consistent (project, schedule);
}

static void
test_planned_later (void)
{
  /* B could start 01-11 but is planned from 01-20, and the forward pass keeps that. The
   * finish is B's end 01-29; A may end as late as 01-19, start 01-10: 9 days of slack that
   * come from B's planned start, not from another branch.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("A", "2025-01-01", "2025-01-10", "")
      ACT ("B", "2025-01-20", "2025-01-29", AFTER ("A")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

  assert_entry (schedule, project, "A",
                "A 2025-01-01..2025-01-10 late 2025-01-10..2025-01-19 slack 9");
  assert_entry (schedule, project, "B",
                "B 2025-01-20..2025-01-29 late 2025-01-20..2025-01-29 slack 0 critical");
  assert_finish (schedule, "2025-01-29");
  assert_critical_path (schedule, "B");
  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 0);
  assert_consistent (project, schedule);
}

static void
test_violation (void)
{
  /* 2024 is a leap year. The feasibility study runs 02-05..03-05 (30 days).
   * Pilot plant, finish-to-start with 5 days' lag: from 03-05 + 1 + 5 = 03-11; planned
   *   03-01..03-31 (31 days), so 10 days early, and it becomes 03-11..04-10.
   * Permits, start-to-start without lag: from 02-05; planned 02-04..02-10, 1 day early; it
   *   becomes 02-05..02-11.
   * The finish is 04-10. Permits may end then, start 04-04: 59 days after 02-05 (24 to the
   * 29th of February, 31 in March, 4 in April). The study must end by 03-11 − 1 − 5 = 03-05.
   */
  g_autoptr(MlProject) project = load_roadmap (
      NAMED ("fs", "Feasibility study", "2024-02-05", "2024-03-05", "")
      NAMED ("pp", "Pilot plant", "2024-03-01", "2024-03-31",
             DEP ("fs", "finish-start", "5"))
      NAMED ("pe", "Permits", "2024-02-04", "2024-02-10",
             "<depends-on activity=\"fs\" type=\"start-start\"/>"));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

  assert_entry (schedule, project, "fs",
                "fs 2024-02-05..2024-03-05 late 2024-02-05..2024-03-05 slack 0 critical");
  assert_entry (schedule, project, "pp",
                "pp 2024-03-11..2024-04-10 late 2024-03-11..2024-04-10 slack 0 critical");
  assert_entry (schedule, project, "pe",
                "pe 2024-02-05..2024-02-11 late 2024-04-04..2024-04-10 slack 59");
  assert_finish (schedule, "2024-04-10");
  assert_critical_path (schedule, "fs pp");

  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 2);
  assert_issue (schedule, 0, ML_SCHEDULE_ISSUE_VIOLATION, "pp", "fs", 10,
                "Activity “Pilot plant” starts on 2024-03-01, 10 days before “Feasibility study” "
                "allows (finish-to-start with 5 days’ lag).");
  assert_issue (schedule, 1, ML_SCHEDULE_ISSUE_VIOLATION, "pe", "fs", 1,
                "Activity “Permits” starts on 2024-02-04, 1 day before “Feasibility study” "
                "allows (start-to-start).");
  assert_consistent (project, schedule);
}

static void
test_cycle (void)
{
  /* X, Y and Z depend on each other in a circle; R depends on Z but is not in the circle
   * (an algorithm that only peels off what has no predecessors would wrongly flag it). P → Q
   * is unrelated. The circle's edge Z → X is also broken by the plan: X may start only after
   * Z ends 01-31, so from 02-01, 31 days after its planned 01-01.
   * Without the circle's activities, R keeps its plan 02-01..02-05 and ends the project. Q
   * may then end 02-05 and start 02-01, 26 days after 01-06; P may end 01-31: 26 days too.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("X", "2025-01-01", "2025-01-10", AFTER ("Z"))
      ACT ("Y", "2025-01-11", "2025-01-20", AFTER ("X"))
      ACT ("Z", "2025-01-21", "2025-01-31", AFTER ("Y"))
      ACT ("R", "2025-02-01", "2025-02-05", AFTER ("Z"))
      ACT ("P", "2025-01-01", "2025-01-05", "")
      ACT ("Q", "2025-01-06", "2025-01-10", AFTER ("P")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);
  const char *circle = "Activities “X”, “Y” and “Z” depend on each other in a circle, so none "
                       "of them can start.";

  g_assert_cmpuint (count_issues (schedule, ML_SCHEDULE_ISSUE_CYCLE), ==, 3);
  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 4);
  assert_issue (schedule, 0, ML_SCHEDULE_ISSUE_CYCLE, "X", "Z", 0, circle);
  assert_issue (schedule, 1, ML_SCHEDULE_ISSUE_VIOLATION, "X", "Z", 31,
                "Activity “X” starts on 2025-01-01, 31 days before “Z” allows "
                "(finish-to-start).");
  assert_issue (schedule, 2, ML_SCHEDULE_ISSUE_CYCLE, "Y", "X", 0, circle);
  assert_issue (schedule, 3, ML_SCHEDULE_ISSUE_CYCLE, "Z", "Y", 0, circle);

  assert_entry (schedule, project, "X",
                "X 2025-01-01..2025-01-10 late 2025-01-01..2025-01-10 slack 0");
  assert_entry (schedule, project, "Y",
                "Y 2025-01-11..2025-01-20 late 2025-01-11..2025-01-20 slack 0");
  assert_entry (schedule, project, "Z",
                "Z 2025-01-21..2025-01-31 late 2025-01-21..2025-01-31 slack 0");
  assert_entry (schedule, project, "R",
                "R 2025-02-01..2025-02-05 late 2025-02-01..2025-02-05 slack 0 critical");
  assert_entry (schedule, project, "P",
                "P 2025-01-01..2025-01-05 late 2025-01-27..2025-01-31 slack 26");
  assert_entry (schedule, project, "Q",
                "Q 2025-01-06..2025-01-10 late 2025-02-01..2025-02-05 slack 26");
  assert_finish (schedule, "2025-02-05");
  assert_critical_path (schedule, "R");
  assert_consistent (project, schedule);
}

static void
test_cycle_messages (void)
{
  /* Two in a circle, and seven, whose message names the first five in document order. All
   * start together with start-to-start dependencies, so no plan breaks one: only cycles.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("a", "2025-01-01", "2025-01-02", DEP ("b", "start-start", "0"))
      ACT ("b", "2025-01-01", "2025-01-02", DEP ("a", "start-start", "0"))
      ACT ("c1", "2025-01-01", "2025-01-02", DEP ("c7", "start-start", "0"))
      ACT ("c2", "2025-01-01", "2025-01-02", DEP ("c1", "start-start", "0"))
      ACT ("c3", "2025-01-01", "2025-01-02", DEP ("c2", "start-start", "0"))
      ACT ("c4", "2025-01-01", "2025-01-02", DEP ("c3", "start-start", "0"))
      ACT ("c5", "2025-01-01", "2025-01-02", DEP ("c4", "start-start", "0"))
      ACT ("c6", "2025-01-01", "2025-01-02", DEP ("c5", "start-start", "0"))
      ACT ("c7", "2025-01-01", "2025-01-02", DEP ("c6", "start-start", "0")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);
  const char *two = "Activities “a” and “b” depend on each other in a circle, so neither of "
                    "them can start.";
  const char *seven = "Activities “c1”, “c2”, “c3”, “c4”, “c5” and 2 others depend on each "
                      "other in a circle, so none of them can start.";

  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 9);
  assert_issue (schedule, 0, ML_SCHEDULE_ISSUE_CYCLE, "a", "b", 0, two);
  assert_issue (schedule, 1, ML_SCHEDULE_ISSUE_CYCLE, "b", "a", 0, two);
  assert_issue (schedule, 2, ML_SCHEDULE_ISSUE_CYCLE, "c1", "c7", 0, seven);
  assert_issue (schedule, 8, ML_SCHEDULE_ISSUE_CYCLE, "c7", "c6", 0, seven);

  /* Nothing takes part, so there is no finish and no critical path. */
  assert_finish (schedule, "none");
  assert_critical_path (schedule, "");
  assert_consistent (project, schedule);
}

static void
test_stopped (void)
{
  /* S is stopped: were it not, its plan would break A → S (it starts 01-05, before 01-11), B
   * would be pushed after S to 04-01, and the finish would be 03-31 or later. C and D depend
   * on each other, but D is stopped, so that is no cycle.
   * With both ignored, B keeps 01-11..01-20, which is the finish. A now has no successor and
   * may end 01-20: 10 days of slack. C may end 01-20 as well: 15 days. S and D keep their
   * planned dates and are never critical.
   */
  g_autoptr(MlProject) project = load_roadmap (
      ACT ("A", "2025-01-01", "2025-01-10", "")
      STOPPED ("S", "2025-01-05", "2025-03-31", AFTER ("A"))
      ACT ("B", "2025-01-11", "2025-01-20", AFTER ("S"))
      ACT ("C", "2025-01-01", "2025-01-05", AFTER ("D"))
      STOPPED ("D", "2025-01-01", "2025-01-05", AFTER ("C")));
  g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

  g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 0);
  assert_entry (schedule, project, "A",
                "A 2025-01-01..2025-01-10 late 2025-01-11..2025-01-20 slack 10");
  assert_entry (schedule, project, "S",
                "S 2025-01-05..2025-03-31 late 2025-01-05..2025-03-31 slack 0");
  assert_entry (schedule, project, "B",
                "B 2025-01-11..2025-01-20 late 2025-01-11..2025-01-20 slack 0 critical");
  assert_entry (schedule, project, "C",
                "C 2025-01-01..2025-01-05 late 2025-01-16..2025-01-20 slack 15");
  assert_entry (schedule, project, "D",
                "D 2025-01-01..2025-01-05 late 2025-01-01..2025-01-05 slack 0");
  assert_finish (schedule, "2025-01-20");
  assert_critical_path (schedule, "B");
  assert_consistent (project, schedule);
}

static void
test_empty (void)
{
  /* No roadmap at all, and a roadmap whose workstream has no activity. */
  const char *texts[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
    "<title>Nothing</title></project>\n",
    HEAD TAIL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(MlProject) project = ml_test_load_text (texts[i]);
      g_autoptr(MlSchedule) schedule = ml_schedule_compute (project);

      assert_finish (schedule, "none");
      assert_critical_path (schedule, "");
      g_assert_cmpuint (ml_schedule_get_issues (schedule)->len, ==, 0);
      g_assert_null (ml_schedule_lookup (schedule, ml_project_get_root (project)));
      assert_consistent (project, schedule);
    }
}

/* Far less than the 8 MiB a main thread usually has, so that a search recursing once per
 * activity of a chain overflows it with a chain of a few thousand (a call takes at least 32
 * bytes), and the test needs no project as big as those that would overflow a main thread.
 */
#define SMALL_STACK (256 * 1024)

typedef struct
{
  MlProject  *project;
  MlSchedule *schedule;
} Computation;

static void *
compute_thread (void *data)
{
  Computation *computation = data;

  computation->schedule = ml_schedule_compute (computation->project);

  return NULL;
}

static MlSchedule *
compute_on_small_stack (MlProject *project)
{
  Computation computation = { project, NULL };
  pthread_attr_t attributes;
  pthread_t thread;

  g_assert_cmpint (pthread_attr_init (&attributes), ==, 0);
  g_assert_cmpint (pthread_attr_setstacksize (&attributes, SMALL_STACK), ==, 0);
  g_assert_cmpint (pthread_create (&thread, &attributes, compute_thread, &computation), ==, 0);
  g_assert_cmpint (pthread_join (thread, NULL), ==, 0);
  pthread_attr_destroy (&attributes);

  return computation.schedule;
}

static void
test_long_chain (void)
{
  /* 20,000 one-day activities, all planned on 2025-01-01, each depending on the next one in
   * the document, so the last listed comes first: its early date is 2025-01-01 and the k-th
   * from the end starts k days later. The first listed ends the project 19,999 days after
   * 2025-01-01: 54 years to 2079-01-01 are 19,723 days (13 leap days, 2028 to 2076), and
   * 276 more days into 2079 are 2079-10-04. Every plan but the last is 1 day early;
   * everything is critical, and the path runs backwards through the document.
   */
  const guint n = 20000;
  g_autoptr(GString) text = g_string_new (HEAD);
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlSchedule) schedule = NULL;
  GPtrArray *path;
  GPtrArray *issues;
  gint64 start;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text, "<activity id=\"a%u\" start=\"2025-01-01\" "
                              "end=\"2025-01-01\"><name>a%u</name>", i, i);
      if (i + 1 < n)
        g_string_append_printf (text, "<depends-on activity=\"a%u\"/>", i + 1);
      g_string_append (text, "</activity>\n");
    }
  g_string_append (text, TAIL);
  project = ml_test_load_text (text->str);

  start = g_get_monotonic_time ();
  schedule = compute_on_small_stack (project);
  g_test_message ("%u activities in a chain: computed in %.1f ms", n,
                  (double) (g_get_monotonic_time () - start) / 1000.0);

  assert_finish (schedule, "2079-10-04");
  g_assert_cmpuint (ml_schedule_get_finish (schedule), ==, ml_test_parse_date ("2025-01-01") + n - 1);

  path = ml_schedule_get_critical_path (schedule);
  g_assert_cmpuint (path->len, ==, n);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (path, 0)), ==, "a19999");
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (path, n - 1)), ==, "a0");
  for (guint k = 0; k < n; k++)
    {
      const MlScheduleEntry *entry = ml_schedule_lookup (schedule, g_ptr_array_index (path, k));

      g_assert_cmpuint (entry->early_start, ==, ml_test_parse_date ("2025-01-01") + k);
      g_assert_cmpint (entry->slack, ==, 0);
    }

  issues = ml_schedule_get_issues (schedule);
  g_assert_cmpuint (issues->len, ==, n - 1);
  for (guint i = 0; i < issues->len; i++)
    g_assert_cmpint (((MlScheduleIssue *) g_ptr_array_index (issues, i))->days, ==, 1);
  g_assert_cmpuint (count_issues (schedule, ML_SCHEDULE_ISSUE_CYCLE), ==, 0);
}

static void
test_sample (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlSchedule) schedule = NULL;
  g_autofree char *finish = NULL;
  GPtrArray *critical;
  GPtrArray *issues;

  project = ml_project_load (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  schedule = ml_schedule_compute (project);
  g_assert_cmpuint (count_issues (schedule, ML_SCHEDULE_ISSUE_CYCLE), ==, 0);

  critical = ml_schedule_get_critical_path (schedule);
  g_assert_cmpuint (critical->len, >, 0);
  for (guint i = 0; i < critical->len; i++)
    {
      const MlScheduleEntry *entry = ml_schedule_lookup (schedule,
                                                         g_ptr_array_index (critical, i));

      g_assert_true (entry->critical);
      g_assert_cmpint (entry->slack, <=, 0);
      if (i > 0)
        g_assert_cmpuint (entry->early_start, >=,
                          ml_schedule_lookup (schedule,
                                              g_ptr_array_index (critical, i - 1))->early_start);
    }

  finish = format_date (ml_schedule_get_finish (schedule));
  g_test_message ("%s: finish %s, %u critical activities", path, finish, critical->len);
  issues = ml_schedule_get_issues (schedule);
  for (guint i = 0; i < issues->len; i++)
    g_test_message ("%s: %s", path,
                    ((MlScheduleIssue *) g_ptr_array_index (issues, i))->message);

  assert_consistent (project, schedule);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/schedule/finish-start/chain", test_finish_start_chain);
  g_test_add_func ("/schedule/finish-start/lag", test_finish_start_lag);
  g_test_add_func ("/schedule/finish-start/lead", test_finish_start_lead);
  g_test_add_func ("/schedule/start-start", test_start_start);
  g_test_add_func ("/schedule/finish-finish", test_finish_finish);
  g_test_add_func ("/schedule/start-finish", test_start_finish);
  g_test_add_func ("/schedule/diamond", test_diamond);
  g_test_add_func ("/schedule/planned-later", test_planned_later);
  g_test_add_func ("/schedule/violation", test_violation);
  g_test_add_func ("/schedule/cycle", test_cycle);
  g_test_add_func ("/schedule/cycle-messages", test_cycle_messages);
  g_test_add_func ("/schedule/stopped", test_stopped);
  g_test_add_func ("/schedule/empty", test_empty);
  g_test_add_func ("/schedule/long-chain", test_long_chain);

  ml_test_add_sample_tests ("/schedule", test_sample);

  return g_test_run ();
}
