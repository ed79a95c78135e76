/* ml-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SKELETON: planned dates only, no dependencies yet. Being replaced by the real analysis.
 */

#define G_LOG_DOMAIN "ml-schedule"

#include "config.h"

#include "ml-schedule.h"

struct _MlSchedule
{
  GHashTable *entries;   /* MlElement → MlScheduleEntry */
  GPtrArray  *critical;
  GPtrArray  *issues;
  MlDate      finish;
};

MlSchedule *
ml_schedule_compute (MlProject *project)
{
  MlSchedule *self = g_new0 (MlSchedule, 1);
  g_autoptr(GPtrArray) activities = ml_project_collect (project, ML_KIND_ACTIVITY);

  self->entries = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->critical = g_ptr_array_new ();
  self->issues = g_ptr_array_new ();
  for (guint i = 0; i < activities->len; i++)
    {
      MlElement *activity = g_ptr_array_index (activities, i);
      MlScheduleEntry *entry = g_new0 (MlScheduleEntry, 1);

      entry->activity = activity;
      entry->early_start = entry->late_start = ml_element_get_date (activity, ML_ACTIVITY_START);
      entry->early_finish = entry->late_finish = ml_element_get_date (activity, ML_ACTIVITY_END);
      self->finish = MAX (self->finish, entry->early_finish);
      g_hash_table_insert (self->entries, activity, entry);
    }

  return self;
}

void
ml_schedule_free (MlSchedule *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->entries);
  g_ptr_array_unref (self->critical);
  g_ptr_array_unref (self->issues);
  g_free (self);
}

const MlScheduleEntry *
ml_schedule_lookup (MlSchedule *self,
                    MlElement  *activity)
{
  return g_hash_table_lookup (self->entries, activity);
}

GPtrArray *
ml_schedule_get_critical_path (MlSchedule *self)
{
  return self->critical;
}

GPtrArray *
ml_schedule_get_issues (MlSchedule *self)
{
  return self->issues;
}

MlDate
ml_schedule_get_finish (MlSchedule *self)
{
  return self->finish;
}
