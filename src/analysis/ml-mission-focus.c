/* ml-mission-focus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-mission-focus"

#include "config.h"

#include "ml-mission-focus.h"

/* Whether one of @refs names an objective of @mission. */
static gboolean
serves_mission (MlElement         *mission,
                const char *const *refs)
{
  GPtrArray *objectives = ml_element_get_children (mission, ML_KIND_OBJECTIVE);

  for (guint i = 0; refs != NULL && refs[i] != NULL; i++)
    for (guint j = 0; objectives != NULL && j < objectives->len; j++)
      if (g_strcmp0 (ml_element_get_id (g_ptr_array_index (objectives, j)), refs[i]) == 0)
        return TRUE;

  return FALSE;
}

static void
add_ref (GHashTable *ids,
         MlElement  *element,
         MlField     field)
{
  const char *id = ml_element_get_string (element, field);

  if (id != NULL)
    g_hash_table_add (ids, g_strdup (id));
}

/**
 * ml_mission_has_workstream:
 *
 * Returns: whether @workstream names @mission as its mission
 */
gboolean
ml_mission_has_workstream (MlElement *mission,
                           MlElement *workstream)
{
  g_return_val_if_fail (ML_IS_ELEMENT (mission), FALSE);
  g_return_val_if_fail (ML_IS_ELEMENT (workstream), FALSE);

  return g_strcmp0 (ml_element_get_string (workstream, ML_WORKSTREAM_MISSION),
                    ml_element_get_id (mission)) == 0;
}

/**
 * ml_mission_has_activity:
 *
 * Returns: whether @activity serves an objective of @mission or, serving none, is filed in a
 *   workstream of @mission
 */
gboolean
ml_mission_has_activity (MlElement *mission,
                         MlElement *activity)
{
  const char *const *serves;
  MlElement *workstream;

  g_return_val_if_fail (ML_IS_ELEMENT (mission), FALSE);
  g_return_val_if_fail (ML_IS_ELEMENT (activity), FALSE);

  serves = ml_element_get_refs (activity, ML_ACTIVITY_SERVES);
  if (serves != NULL && serves[0] != NULL)
    return serves_mission (mission, serves);
  workstream = ml_element_get_parent (activity);

  return workstream != NULL && ml_mission_has_workstream (mission, workstream);
}

/**
 * ml_mission_has_instrument:
 *
 * Returns: whether @instrument serves an objective of @mission
 */
gboolean
ml_mission_has_instrument (MlElement *mission,
                           MlElement *instrument)
{
  g_return_val_if_fail (ML_IS_ELEMENT (mission), FALSE);
  g_return_val_if_fail (ML_IS_ELEMENT (instrument), FALSE);

  return serves_mission (mission, ml_element_get_refs (instrument, ML_INSTRUMENT_SERVES));
}

/**
 * ml_mission_dup_stakeholders:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the set of the ids of the stakeholders
 *   taking part in @mission, ids whether or not they name a stakeholder of @project
 */
GHashTable *
ml_mission_dup_stakeholders (MlProject *project,
                             MlElement *mission)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) workstreams = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) instruments = NULL;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ML_IS_ELEMENT (mission), NULL);

  add_ref (ids, mission, ML_MISSION_LEAD);

  workstreams = ml_project_collect (project, ML_KIND_WORKSTREAM);
  for (guint i = 0; i < workstreams->len; i++)
    if (ml_mission_has_workstream (mission, g_ptr_array_index (workstreams, i)))
      add_ref (ids, g_ptr_array_index (workstreams, i), ML_WORKSTREAM_LEAD);

  activities = ml_project_collect (project, ML_KIND_ACTIVITY);
  for (guint i = 0; i < activities->len; i++)
    {
      MlElement *activity = g_ptr_array_index (activities, i);
      const char *const *funders = ml_element_get_refs (activity, ML_ACTIVITY_FUNDERS);

      if (!ml_mission_has_activity (mission, activity))
        continue;
      add_ref (ids, activity, ML_ACTIVITY_OWNER);
      for (guint j = 0; funders != NULL && funders[j] != NULL; j++)
        g_hash_table_add (ids, g_strdup (funders[j]));
    }

  instruments = ml_project_collect (project, ML_KIND_INSTRUMENT);
  for (guint i = 0; i < instruments->len; i++)
    if (ml_mission_has_instrument (mission, g_ptr_array_index (instruments, i)))
      add_ref (ids, g_ptr_array_index (instruments, i), ML_INSTRUMENT_RESPONSIBLE);

  return g_steal_pointer (&ids);
}
