/* ml-project-follower.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-project-follower"

#include "config.h"

#include "ml-project-follower.h"

static gboolean
run_refresh (gpointer user_data)
{
  MlProjectFollower *self = user_data;

  self->source = 0;
  self->refresh (self->user_data);

  return G_SOURCE_REMOVE;
}

static void
disconnect (MlProjectFollower *self)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
}

/**
 * ml_project_follower_init:
 * @self: a follower, usually a member of the page's instance struct
 * @refresh: rebuilds the page from the project
 * @user_data: passed to @refresh, usually the page
 */
void
ml_project_follower_init (MlProjectFollower *self,
                          MlRefreshFunc      refresh,
                          gpointer           user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (refresh != NULL);

  *self = (MlProjectFollower) { .refresh = refresh, .user_data = user_data };
}

/**
 * ml_project_follower_set_project:
 * @project: the project to follow from now on
 *
 * Refreshes at once, then after edits of @project.
 */
void
ml_project_follower_set_project (MlProjectFollower *self,
                                 MlProject         *project)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ML_IS_PROJECT (project));

  disconnect (self);
  g_set_object (&self->project, project);
  ml_project_connect_any_change (project, G_CALLBACK (ml_project_follower_schedule), self);
  g_clear_handle_id (&self->source, g_source_remove);
  self->refresh (self->user_data);
}

/**
 * ml_project_follower_schedule:
 *
 * Refreshes in the next main-loop pass, once for all the calls made before it: an undo of a
 * group of edits gives one rebuild.
 */
void
ml_project_follower_schedule (MlProjectFollower *self)
{
  g_return_if_fail (self != NULL);

  if (self->source == 0)
    self->source = g_idle_add (run_refresh, self);
}

/**
 * ml_project_follower_clear:
 *
 * Stops following, for the page's dispose.
 */
void
ml_project_follower_clear (MlProjectFollower *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
  disconnect (self);
  g_clear_object (&self->project);
}
