/* ml-timeline-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a time window of a roadmap into any cairo_t — a widget, a PNG, an SVG or PDF page:
 * workstream lanes with headers, activity bars by status with progress, milestones, decision
 * points with their outcome, dependency arrows, the critical path, a today line, a time axis
 * whose ticks adapt from days to years, and a legend. Rows have one height, so only the rows
 * in the viewport are laid out and drawn: a frame costs the same for 100 or 100,000 activities.
 *
 * Geometry: a viewport is the header column of names (get_header_width) left of the time
 * area, under the axis (get_axis_height). Day D spans [x_of_day (D), x_of_day (D + 1)), so an
 * activity's bar runs from x_of_day (start) to x_of_day (end + 1); milestones, decision points
 * and the today line stand in the middle of their day. Row i (a workstream's header, or an
 * activity) spans [axis + i·row_height − scroll_y, … + row_height); the content height is that
 * of all rows, without the axis. The row index is built from the project on first use and
 * again after ml_timeline_renderer_invalidate(), never during a draw.
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "ml-project.h"
#include "ml-style.h"

G_BEGIN_DECLS

#define ML_TYPE_TIMELINE_RENDERER (ml_timeline_renderer_get_type ())

G_DECLARE_FINAL_TYPE (MlTimelineRenderer, ml_timeline_renderer, ML, TIMELINE_RENDERER, GObject)

typedef struct
{
  double start_day;    /* the Julian day (MlDate) at the left edge of the time area; fractional */
  double day_width;    /* pixels per day */
  double scroll_y;     /* pixels of rows scrolled above the top of the row area */
  int    width;        /* the viewport, in pixels */
  int    height;
} MlTimelineViewport;

typedef enum
{
  ML_TIMELINE_HIT_NONE,
  ML_TIMELINE_HIT_BAR,          /* the body of an activity's bar: drag to move */
  ML_TIMELINE_HIT_BAR_START,    /* its left end: drag to change the start */
  ML_TIMELINE_HIT_BAR_END,      /* its right end: drag to change the end */
  ML_TIMELINE_HIT_MILESTONE,
  ML_TIMELINE_HIT_DECISION,
  ML_TIMELINE_HIT_LANE_HEADER,  /* a workstream's header: click to collapse */
  ML_TIMELINE_HIT_ROW_LABEL,    /* an activity's name in the header column */
} MlTimelineHitKind;

typedef struct
{
  MlTimelineHitKind  kind;
  MlElement         *element;   /* (transfer none) the activity, milestone, decision or workstream */
} MlTimelineHit;

MlTimelineRenderer *ml_timeline_renderer_new                (MlProject                *project,
                                                             const MlStyle            *style);
void                ml_timeline_renderer_set_style          (MlTimelineRenderer       *self,
                                                             const MlStyle            *style);
void                ml_timeline_renderer_set_today          (MlTimelineRenderer       *self,
                                                             MlDate                    today);
void                ml_timeline_renderer_set_selected       (MlTimelineRenderer       *self,
                                                             MlElement                *element);
void                ml_timeline_renderer_set_mission        (MlTimelineRenderer       *self,
                                                             MlElement                *mission);
void                ml_timeline_renderer_set_collapsed      (MlTimelineRenderer       *self,
                                                             MlElement                *workstream,
                                                             gboolean                  collapsed);
gboolean            ml_timeline_renderer_get_collapsed      (MlTimelineRenderer       *self,
                                                             MlElement                *workstream);
void                ml_timeline_renderer_set_show_legend    (MlTimelineRenderer       *self,
                                                             gboolean                  show);
void                ml_timeline_renderer_invalidate         (MlTimelineRenderer       *self);
double              ml_timeline_renderer_get_content_height (MlTimelineRenderer       *self);
double              ml_timeline_renderer_get_header_width   (MlTimelineRenderer       *self);
double              ml_timeline_renderer_get_axis_height    (MlTimelineRenderer       *self);
void                ml_timeline_renderer_get_horizon        (MlTimelineRenderer       *self,
                                                             MlDate                   *first,
                                                             MlDate                   *last);
void                ml_timeline_renderer_draw               (MlTimelineRenderer       *self,
                                                             cairo_t                  *cr,
                                                             const MlTimelineViewport *viewport);
MlTimelineHit       ml_timeline_renderer_hit_test           (MlTimelineRenderer       *self,
                                                             const MlTimelineViewport *viewport,
                                                             double                    x,
                                                             double                    y);
gboolean            ml_timeline_renderer_get_element_rect   (MlTimelineRenderer       *self,
                                                             const MlTimelineViewport *viewport,
                                                             MlElement                *element,
                                                             cairo_rectangle_t        *rect);
const MlStyle      *ml_timeline_renderer_get_style          (MlTimelineRenderer       *self);
void                ml_timeline_renderer_set_header_width   (MlTimelineRenderer       *self,
                                                             double                    width);
double              ml_timeline_renderer_get_natural_header_width (MlTimelineRenderer *self);
guint               ml_timeline_renderer_get_n_rows         (MlTimelineRenderer       *self);
MlElement          *ml_timeline_renderer_get_row_element    (MlTimelineRenderer       *self,
                                                             guint                     row);
int                 ml_timeline_renderer_get_row            (MlTimelineRenderer       *self,
                                                             MlElement                *element);
gboolean            ml_timeline_renderer_is_label_elided    (MlTimelineRenderer       *self,
                                                             MlElement                *element);
void                ml_timeline_renderer_get_legend_size    (MlTimelineRenderer       *self,
                                                             double                    max_width,
                                                             double                   *width,
                                                             double                   *height);
void                ml_timeline_renderer_draw_legend        (MlTimelineRenderer       *self,
                                                             cairo_t                  *cr,
                                                             double                    x,
                                                             double                    y,
                                                             double                    max_width);
double              ml_timeline_viewport_x_of_day           (const MlTimelineViewport *viewport,
                                                             double                    header_width,
                                                             double                    day);
double              ml_timeline_viewport_day_at_x           (const MlTimelineViewport *viewport,
                                                             double                    header_width,
                                                             double                    x);

G_END_DECLS
