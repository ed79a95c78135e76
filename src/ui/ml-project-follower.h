/* ml-project-follower.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a page that shows a whole project needs to stay current: the project, and a rebuild
 * once per main-loop pass after any edit, however many edits the pass made.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

typedef void (*MlRefreshFunc) (gpointer user_data);

typedef struct
{
  MlProject     *project;
  guint          source;
  MlRefreshFunc  refresh;
  gpointer       user_data;
} MlProjectFollower;

void ml_project_follower_init        (MlProjectFollower *self,
                                      MlRefreshFunc      refresh,
                                      gpointer           user_data);
void ml_project_follower_set_project (MlProjectFollower *self,
                                      MlProject         *project);
void ml_project_follower_schedule    (MlProjectFollower *self);
void ml_project_follower_clear       (MlProjectFollower *self);

G_END_DECLS
