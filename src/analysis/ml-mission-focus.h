/* ml-mission-focus.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What belongs to one mission, for views that focus on it (a presentation on mission N).
 * The format links work to missions in two ways: a workstream names its mission, and
 * activities and instruments name the objectives they serve (an objective belongs to one
 * mission). What something serves wins over where it is filed: an activity serving
 * objectives belongs to the missions of those objectives, whatever its workstream; one that
 * serves none belongs to its workstream's mission. An instrument belongs to the missions of
 * the objectives it serves. A stakeholder takes part in a mission it leads, or whose
 * workstreams it leads, whose activities it owns or funds, or whose instruments it runs.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

gboolean    ml_mission_has_workstream    (MlElement *mission,
                                          MlElement *workstream);
gboolean    ml_mission_has_activity      (MlElement *mission,
                                          MlElement *activity);
gboolean    ml_mission_has_instrument    (MlElement *mission,
                                          MlElement *instrument);
GHashTable *ml_mission_dup_stakeholders  (MlProject *project,
                                          MlElement *mission);

G_END_DECLS
