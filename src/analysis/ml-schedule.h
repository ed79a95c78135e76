/* ml-schedule.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schedule analysis of a roadmap: the earliest and latest dates each activity can have given
 * its dependencies, its slack, the critical path, and the problems: cycles of dependencies and
 * planned dates that break a dependency.
 *
 * Days are whole calendar days and an activity occupies both its start and its end day, so its
 * duration is end − start + 1. With a lag of L days:
 *   finish-start:  successor start ≥ predecessor end + 1 + L
 *   start-start:   successor start ≥ predecessor start + L
 *   finish-finish: successor end   ≥ predecessor end + L
 *   start-finish:  successor end   ≥ predecessor start − 1 + L
 * An activity never starts before its planned start (the forward pass starts from it). Stopped
 * activities take no part: they neither constrain nor are constrained.
 *
 * The project finish is the latest early finish; the backward pass starts from it, so no
 * activity has negative slack and the critical ones are those with none. Activities in a cycle
 * are left out of both passes, as are stopped ones: their entries hold their planned dates as
 * both early and late dates, with no slack, and are never critical. The rest is computed as if
 * the dependencies that touch them did not exist. Violations compare the planned dates with
 * each dependency, including those inside a cycle.
 *
 * A schedule holds references to the activities but does not follow edits: compute it again.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

typedef struct
{
  MlElement *activity;
  MlDate     early_start;
  MlDate     early_finish;
  MlDate     late_start;
  MlDate     late_finish;
  int        slack;        /* late_start − early_start, in days */
  gboolean   critical;     /* on the critical path */
} MlScheduleEntry;

typedef enum
{
  ML_SCHEDULE_ISSUE_CYCLE,      /* the activity is in a cycle of dependencies */
  ML_SCHEDULE_ISSUE_VIOLATION,  /* its planned dates break a dependency */
} MlScheduleIssueKind;

typedef struct
{
  MlScheduleIssueKind  kind;
  MlElement           *activity;
  MlElement           *predecessor;  /* the other end of the dependency */
  int                  days;         /* VIOLATION: by how many days */
  char                *message;      /* a plain sentence naming both activities and dates */
} MlScheduleIssue;

typedef struct _MlSchedule MlSchedule;

MlSchedule            *ml_schedule_compute            (MlProject  *project);
void                   ml_schedule_free               (MlSchedule *self);
const MlScheduleEntry *ml_schedule_lookup             (MlSchedule *self,
                                                       MlElement  *activity);
GPtrArray             *ml_schedule_get_critical_path  (MlSchedule *self);
GPtrArray             *ml_schedule_get_issues         (MlSchedule *self);
MlDate                 ml_schedule_get_finish         (MlSchedule *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlSchedule, ml_schedule_free)

G_END_DECLS
