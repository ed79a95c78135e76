/* ml-roadmap-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ml-document.h"
#include "ml-timeline-renderer.h"

G_BEGIN_DECLS

#define ML_TYPE_ROADMAP_VIEW (ml_roadmap_view_get_type ())

G_DECLARE_FINAL_TYPE (MlRoadmapView, ml_roadmap_view, ML, ROADMAP_VIEW, GtkWidget)

void                ml_roadmap_view_set_document   (MlRoadmapView *self,
                                                    MlDocument    *document);
void                ml_roadmap_view_set_selected   (MlRoadmapView *self,
                                                    MlElement     *element);
void                ml_roadmap_view_zoom           (MlRoadmapView *self,
                                                    double         factor,
                                                    double         x);
void                ml_roadmap_view_set_show_legend (MlRoadmapView *self,
                                                    gboolean       show);
void                ml_roadmap_view_set_presenting (MlRoadmapView *self,
                                                    gboolean       presenting);
void                ml_roadmap_view_set_mission    (MlRoadmapView *self,
                                                    MlElement     *mission);
void                ml_roadmap_view_fit            (MlRoadmapView *self);
void                ml_roadmap_view_scroll_to_day  (MlRoadmapView *self,
                                                    MlDate         day);
MlTimelineRenderer *ml_roadmap_view_get_renderer   (MlRoadmapView *self);
void                ml_roadmap_view_get_viewport   (MlRoadmapView      *self,
                                                    MlTimelineViewport *viewport);

G_END_DECLS
