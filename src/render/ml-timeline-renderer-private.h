/* ml-timeline-renderer-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer's state, shared by ml-timeline-renderer.c (the row index, geometry, hit
 * testing) and ml-timeline-draw.c (painting).
 *
 * The row index is a flat array with one entry per visible row: a header row per workstream,
 * then one row per activity unless the workstream is collapsed. Every row has the same
 * height, so row i spans [i·h, (i+1)·h) of the content and the rows in a viewport are found
 * by division. Milestones and decision points live in one array, sorted by date within each
 * workstream and sliced per header row. Each dependency whose two activities are shown is
 * listed once in `deps`, and its index once under each of its two rows in `row_deps`, so a
 * frame finds the arrows that touch its rows without looking at any other row.
 */

#pragma once

#include <pango/pangocairo.h>

#include "ml-schedule.h"
#include "ml-time-unit.h"
#include "ml-timeline-renderer.h"

G_BEGIN_DECLS

#define ML_TIMELINE_N_LEGEND_SECTIONS 4

typedef struct
{
  double   line;        /* height of one entry */
  double   swatch;      /* width of a symbol */
  double   gap;         /* between a symbol and its text */
  double   column_gap;
  double   padding;
  double   widths[ML_TIMELINE_N_LEGEND_SECTIONS];
  gboolean strip;       /* in lines under a chart, else in columns */
  guint    n_columns;
  double   width;
  double   height;
} LegendLayout;

typedef struct
{
  MlElement *element;       /* the workstream or activity; the project holds it */
  guint      lane;          /* the workstream's index, for alternate shading */
  guint      first_marker;  /* a header row's milestones and decisions, in markers */
  guint      n_markers;
  guint      first_dep;     /* the dependencies touching this row, in row_deps */
  guint      n_deps;
  MlDate     start;         /* an activity's dates; a workstream's span of activities */
  MlDate     end;
  double     progress;      /* 0 … 1 */
  guint8     header;        /* a workstream's row */
  guint8     status;        /* MlActivityStatus */
  guint8     critical;
} MlTimelineRow;

typedef struct
{
  MlElement *element;
  guint      row;
  MlDate     date;
  guint8     decision;      /* a decision point, else a milestone */
  guint8     state;         /* MlOutcome or MlMilestoneStatus */
} MlTimelineMarker;

typedef struct
{
  guint  from_row;          /* the predecessor's row */
  guint  to_row;            /* the successor's row */
  guint8 type;              /* MlDependencyType */
  guint8 problem;           /* a cycle, or planned dates that break it */
  guint8 critical;          /* both ends on the critical path */
} MlTimelineDep;

struct _MlTimelineRenderer
{
  GObject        parent_instance;

  /* Owned references */
  MlProject     *project;
  MlElement     *selected;
  MlElement     *mission;         /* only its work is shown; NULL for all */
  GHashTable    *collapsed;       /* workstreams, owned */

  /* Settings */
  const MlStyle *style;           /* points to own_style */
  MlStyle        own_style;       /* a copy: callers may pass styles they built */
  MlDate         today;
  double         header_width;    /* 0: the style's */
  gboolean       show_legend;

  /* Text: one context and a layout per font, reused for every label */
  PangoContext  *pango;
  PangoLayout   *body;
  PangoLayout   *bold;
  PangoLayout   *small;
  PangoLayout   *small_bold;
  PangoLayout   *name;            /* a long name on two lines of the small font (projector) */
  PangoLayout   *name_bold;
  double         tick_label_width[ML_N_TIME_UNITS];
  double         short_year_width;   /* ’24, bold, as on the upper tier */
  MlColor        tint[5];         /* the part of a bar not yet done, by status */
  MlColor        text_on_status[5];
  MlColor        text_on_tint[5];
  LegendLayout   legend;          /* measured for legend_max_width */
  double         legend_max_width;
  gboolean       legend_valid;

  /* The schedule, computed again when the project changes */
  MlSchedule    *schedule;
  GHashTable    *problems;        /* (activity, predecessor) pairs of broken dependencies */

  /* The row index, rebuilt when the project changes or a workstream collapses */
  gboolean       valid;
  GArray        *rows;            /* MlTimelineRow */
  GArray        *markers;         /* MlTimelineMarker */
  GArray        *deps;            /* MlTimelineDep */
  GArray        *row_deps;        /* guint, indices into deps */
  GHashTable    *row_of;          /* MlElement → row index + 1 */
  GHashTable    *marker_of;       /* MlElement → marker index + 1 */
  MlDate         horizon_first;
  MlDate         horizon_last;
};

typedef struct
{
  double x, y, width, height;
} MlTimelineBox;

/* Geometry, in ml-timeline-renderer.c */
void     ml_timeline_renderer_ensure_layout (MlTimelineRenderer       *self);
double   ml_timeline_renderer_row_top       (MlTimelineRenderer       *self,
                                             const MlTimelineViewport *viewport,
                                             guint                     row);
void     ml_timeline_renderer_bar_box       (MlTimelineRenderer       *self,
                                             const MlTimelineViewport *viewport,
                                             guint                     row,
                                             MlTimelineBox            *box);
void     ml_timeline_renderer_marker_box    (MlTimelineRenderer       *self,
                                             const MlTimelineViewport *viewport,
                                             const MlTimelineMarker   *marker,
                                             MlTimelineBox            *box);
void     ml_timeline_renderer_visible_rows  (MlTimelineRenderer       *self,
                                             const MlTimelineViewport *viewport,
                                             guint                    *first,
                                             guint                    *end);
double   ml_timeline_renderer_bar_height    (MlTimelineRenderer       *self);
double   ml_timeline_renderer_padding       (MlTimelineRenderer       *self);
double   ml_timeline_renderer_tier_height   (MlTimelineRenderer       *self);
double   ml_timeline_renderer_indent        (MlTimelineRenderer       *self);
PangoLayout *ml_timeline_renderer_layout_name (MlTimelineRenderer     *self,
                                             const char               *name,
                                             gboolean                  header,
                                             double                    width);

G_END_DECLS
