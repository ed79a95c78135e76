/* ml-graph-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the stakeholder map into any cairo_t: the layout's regions (power–interest quadrants,
 * level bands, type sectors) with their labels, relations styled by kind (conflict visibly
 * different), arrows for directed ones, width by strength, stakeholders as discs sized by
 * influence and coloured by type, names placed to avoid each other, and a legend. Selecting a
 * stakeholder highlights its ego network: its relations and neighbours stay strong, the rest
 * fades.
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "ml-layout.h"
#include "ml-project.h"
#include "ml-style.h"

G_BEGIN_DECLS

#define ML_TYPE_GRAPH_RENDERER (ml_graph_renderer_get_type ())

G_DECLARE_FINAL_TYPE (MlGraphRenderer, ml_graph_renderer, ML, GRAPH_RENDERER, GObject)

/* Screen = (layout position − offset) × scale. */
typedef struct
{
  double offset_x;
  double offset_y;
  double scale;
  int    width;
  int    height;
} MlGraphViewport;

MlGraphRenderer *ml_graph_renderer_new           (MlProject             *project,
                                                  const MlStyle         *style);
void             ml_graph_renderer_set_style     (MlGraphRenderer       *self,
                                                  const MlStyle         *style);
void             ml_graph_renderer_set_layout    (MlGraphRenderer       *self,
                                                  MlLayout              *layout);
void             ml_graph_renderer_set_selected  (MlGraphRenderer       *self,
                                                  MlElement             *element);
void             ml_graph_renderer_set_show_legend (MlGraphRenderer     *self,
                                                  gboolean               show);
void             ml_graph_renderer_set_hidden_kinds (MlGraphRenderer     *self,
                                                  guint32                kinds);
void             ml_graph_renderer_invalidate    (MlGraphRenderer       *self);
void             ml_graph_renderer_draw          (MlGraphRenderer       *self,
                                                  cairo_t               *cr,
                                                  const MlGraphViewport *viewport);
MlElement       *ml_graph_renderer_hit_test      (MlGraphRenderer       *self,
                                                  const MlGraphViewport *viewport,
                                                  double                 x,
                                                  double                 y);
gboolean         ml_graph_renderer_get_node_rect (MlGraphRenderer       *self,
                                                  const MlGraphViewport *viewport,
                                                  MlElement             *stakeholder,
                                                  cairo_rectangle_t     *rect);
void             ml_graph_renderer_fit           (MlGraphRenderer       *self,
                                                  MlGraphViewport       *viewport,
                                                  int                    width,
                                                  int                    height);
void             ml_graph_viewport_fit           (MlGraphViewport       *viewport,
                                                  MlLayout              *layout,
                                                  int                    width,
                                                  int                    height);

G_END_DECLS
