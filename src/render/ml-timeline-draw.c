/* ml-timeline-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Painting one viewport of the roadmap. Everything here works on the rows of the viewport
 * (and on the dependencies listed under those rows), so a frame's cost does not grow with
 * the size of the roadmap. Layers from the bottom: lane shading and grid, workstream spans,
 * dependency arrows, bars, markers, the today line, bar labels; then the header column, the
 * axis and the legend, which stay in place while the time area scrolls beneath them.
 */

#define G_LOG_DOMAIN "ml-timeline-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-timeline-renderer-private.h"

/* Everything one frame needs, computed once. */
typedef struct
{
  MlTimelineRenderer       *self;
  cairo_t                  *cr;
  const MlTimelineViewport *viewport;
  const MlStyle            *style;
  double                    header_width;
  double                    axis_height;
  double                    row_height;
  double                    bar_height;
  double                    padding;
  double                    line_width;
  double                    time_left;    /* the time area, in x */
  double                    time_right;
  double                    first_day;    /* the days in view, fractional */
  double                    last_day;
  guint                     first_row;    /* the rows in view: [first_row, end_row) */
  guint                     end_row;
  MlTimeUnit                tick_unit;    /* the axis's lower tier */
  MlTimeUnit                span_unit;    /* its upper tier */
  gboolean                  tick_labels;  /* whether the ticks are labelled */
  MlTimeLabel               tick_form;    /* how: in full, or years in two digits */
} Frame;

typedef enum
{
  SWATCH_STATUS,
  SWATCH_CRITICAL,
  SWATCH_MILESTONE,
  SWATCH_DECISION,
  SWATCH_DEPENDENCY,
  SWATCH_CONFLICT,
  SWATCH_TODAY,
} SwatchKind;

typedef struct
{
  SwatchKind  kind;
  int         value;
  const char *label;
} LegendItem;

typedef struct
{
  const char       *title;
  const LegendItem *items;
  guint             n_items;
} LegendSection;

static const LegendItem activity_items[] = {
  { SWATCH_STATUS, ML_STATUS_PLANNED, N_("Planned") },
  { SWATCH_STATUS, ML_STATUS_ACTIVE, N_("Active") },
  { SWATCH_STATUS, ML_STATUS_AT_RISK, N_("At risk") },
  { SWATCH_STATUS, ML_STATUS_STOPPED, N_("Stopped") },
  { SWATCH_STATUS, ML_STATUS_DONE, N_("Done") },
  { SWATCH_CRITICAL, 0, N_("Critical path") },
};

static const LegendItem milestone_items[] = {
  { SWATCH_MILESTONE, ML_MILESTONE_PENDING, N_("Pending") },
  { SWATCH_MILESTONE, ML_MILESTONE_REACHED, N_("Reached") },
  { SWATCH_MILESTONE, ML_MILESTONE_MISSED, N_("Missed") },
};

static const LegendItem decision_items[] = {
  { SWATCH_DECISION, ML_OUTCOME_PENDING, N_("Pending") },
  { SWATCH_DECISION, ML_OUTCOME_CONTINUE, N_("Continue") },
  { SWATCH_DECISION, ML_OUTCOME_PIVOT, N_("Pivot") },
  { SWATCH_DECISION, ML_OUTCOME_STOP, N_("Stop") },
};

static const LegendItem line_items[] = {
  { SWATCH_DEPENDENCY, 0, N_("Dependency") },
  { SWATCH_CONFLICT, 0, N_("Broken by dates") },
  { SWATCH_TODAY, 0, N_("Today") },
};

static const LegendSection legend_sections[ML_TIMELINE_N_LEGEND_SECTIONS] = {
  { N_("Activities"), activity_items, G_N_ELEMENTS (activity_items) },
  { N_("Milestones"), milestone_items, G_N_ELEMENTS (milestone_items) },
  { N_("Decisions"), decision_items, G_N_ELEMENTS (decision_items) },
  { N_("Links"), line_items, G_N_ELEMENTS (line_items) },
};

/* A line width: @pixels on screens and projectors, where lines thinner than a pixel blur, or
 * @points on paper, where hairlines print crisply.
 */
static double
get_line_width (const MlStyle *style,
                double         pixels,
                double         points)
{
  return style->kind == ML_STYLE_PRINT ? points : pixels;
}

static const MlTimelineRow *
get_row (const Frame *frame,
         guint        index)
{
  return &g_array_index (frame->self->rows, MlTimelineRow, index);
}

static double
x_of_day (const Frame *frame,
          double       day)
{
  return ml_timeline_viewport_x_of_day (frame->viewport, frame->header_width, day);
}

static const char *
label_of (MlElement *element)
{
  const char *label = ml_element_get_label (element);

  return label != NULL ? label : ml_element_get_id (element);
}

/* Sets a layout's text, unconstrained, and returns its logical width. */
static double
set_text (PangoLayout *layout,
          const char  *text)
{
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* Draws the layout's current text with its left edge at @x, centred on @center_y;
 * @max_width > 0 elides it with “…” to that width.
 */
static void
show_layout (cairo_t       *cr,
             PangoLayout   *layout,
             double         x,
             double         center_y,
             double         max_width,
             const MlColor *color)
{
  PangoRectangle logical;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_extents (layout, NULL, &logical);
  ml_style_set_source (cr, color);
  cairo_move_to (cr, x, center_y - (double) logical.height / PANGO_SCALE / 2 -
                        (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  /* Showing a layout leaves the current point where it started: a later arc would join it. */
  cairo_new_path (cr);
}

/* Text over hatching: a rim of the background colour keeps the letters apart from the lines. */
static void
show_layout_with_halo (cairo_t       *cr,
                       PangoLayout   *layout,
                       double         x,
                       double         center_y,
                       double         max_width,
                       const MlColor *color,
                       const MlColor *halo,
                       double         halo_width)
{
  PangoRectangle logical;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, x, center_y - (double) logical.height / PANGO_SCALE / 2 -
                        (double) logical.y / PANGO_SCALE);
  pango_cairo_layout_path (cr, layout);
  ml_style_set_source (cr, halo);
  cairo_set_line_width (cr, halo_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  /* The letters themselves stay text, so that PDF readers can select and search them. */
  cairo_move_to (cr, x, center_y - (double) logical.height / PANGO_SCALE / 2 -
                        (double) logical.y / PANGO_SCALE);
  ml_style_set_source (cr, color);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
show_text (cairo_t       *cr,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         center_y,
           double         max_width,
           const MlColor *color)
{
  set_text (layout, text);
  show_layout (cr, layout, x, center_y, max_width, color);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
diamond (cairo_t *cr,
         double   cx,
         double   cy,
         double   radius)
{
  cairo_move_to (cr, cx, cy - radius);
  cairo_line_to (cr, cx + radius, cy);
  cairo_line_to (cr, cx, cy + radius);
  cairo_line_to (cr, cx - radius, cy);
  cairo_close_path (cr);
}

/* An orthogonal polyline with its corners rounded off. */
static void
rounded_polyline (cairo_t      *cr,
                  const double  points[][2],
                  guint         n,
                  double        radius)
{
  cairo_move_to (cr, points[0][0], points[0][1]);
  for (guint i = 1; i + 1 < n; i++)
    {
      double in_x = points[i][0] - points[i - 1][0], in_y = points[i][1] - points[i - 1][1];
      double out_x = points[i + 1][0] - points[i][0], out_y = points[i + 1][1] - points[i][1];
      double in_length = hypot (in_x, in_y), out_length = hypot (out_x, out_y);
      double r = MIN (radius, MIN (in_length, out_length) / 2);

      if (r < 0.5 || in_length == 0 || out_length == 0)
        {
          cairo_line_to (cr, points[i][0], points[i][1]);
          continue;
        }
      cairo_line_to (cr, points[i][0] - in_x / in_length * r, points[i][1] - in_y / in_length * r);
      cairo_curve_to (cr, points[i][0], points[i][1], points[i][0], points[i][1],
                      points[i][0] + out_x / out_length * r, points[i][1] + out_y / out_length * r);
    }
  cairo_line_to (cr, points[n - 1][0], points[n - 1][1]);
}

static void
choose_units (Frame *frame)
{
  MlTimelineRenderer *self = frame->self;
  double margin = frame->style->small_font_size * 0.75;
  MlTimeUnit finest = ML_TIME_UNIT_DECADE;

  /* The finest unit whose widest label fits into its shortest instance. */
  for (MlTimeUnit unit = ML_TIME_UNIT_DAY; unit < ML_N_TIME_UNITS; unit++)
    {
      if (ml_time_unit_min_days (unit) * frame->viewport->day_width >=
          self->tick_label_width[unit] + margin)
        {
          finest = unit;
          break;
        }
    }

  /* Years under "2020s" would say little: the years go on the upper tier instead, over
   * unlabelled quarters like the marks of a ruler, in two digits if need be; decades
   * likewise over years. A year must have room for its label within the padding that
   * draw_span_label() keeps, or the axis would show no year at all.
   */
  frame->tick_labels = finest < ML_TIME_UNIT_YEAR;
  frame->tick_form = ML_TIME_LABEL_TICK;
  if (frame->tick_labels)
    {
      frame->tick_unit = finest;
      frame->span_unit = ml_time_unit_parent (finest);
    }
  else if (ml_time_unit_min_days (ML_TIME_UNIT_YEAR) * frame->viewport->day_width >=
           self->short_year_width + 2 * frame->padding)
    {
      frame->span_unit = ML_TIME_UNIT_YEAR;
      frame->tick_unit = ML_TIME_UNIT_QUARTER;
    }
  else
    {
      /* Under a decade the years still say which is which, in two digits where they fit. */
      frame->span_unit = ML_TIME_UNIT_DECADE;
      frame->tick_unit = ML_TIME_UNIT_YEAR;
      frame->tick_labels = TRUE;
      frame->tick_form = ML_TIME_LABEL_SHORT;
    }
}

static void
init_frame (Frame                    *frame,
            MlTimelineRenderer       *self,
            cairo_t                  *cr,
            const MlTimelineViewport *viewport)
{
  frame->self = self;
  frame->cr = cr;
  frame->viewport = viewport;
  frame->style = self->style;
  frame->header_width = ml_timeline_renderer_get_header_width (self);
  frame->axis_height = ml_timeline_renderer_get_axis_height (self);
  frame->row_height = self->style->row_height;
  frame->bar_height = ml_timeline_renderer_bar_height (self);
  frame->padding = ml_timeline_renderer_padding (self);
  frame->line_width = self->style->line_width;
  frame->time_left = frame->header_width;
  frame->time_right = MAX (frame->time_left, viewport->width);
  frame->first_day = viewport->start_day;
  frame->last_day = ml_timeline_viewport_day_at_x (viewport, frame->header_width,
                                                   frame->time_right);
  /* Calendar units exist up to the year 9999: zoomed out that far, stop at its last decade. */
  frame->last_day = MIN (frame->last_day, ml_date_from_ymd (9989, 12, 31));
  ml_timeline_renderer_visible_rows (self, viewport, &frame->first_row, &frame->end_row);
  choose_units (frame);
}

/* The first day of each unit in view, and the one after the last. */
#define FOREACH_UNIT(frame, unit, day, next)                                                 \
  for (MlDate day = ml_time_unit_floor ((unit), (MlDate) MAX (1, floor ((frame)->first_day))), \
              next = ml_time_unit_next ((unit), day);                                        \
       day <= (frame)->last_day;                                                             \
       day = next, next = ml_time_unit_next ((unit), day))

static void
clip_rows_area (const Frame *frame,
                double       left)
{
  cairo_rectangle (frame->cr, left, frame->axis_height, frame->time_right - left,
                   frame->viewport->height - frame->axis_height);
  cairo_clip (frame->cr);
}

static void
draw_lanes (const Frame *frame)
{
  cairo_t *cr = frame->cr;
  const MlStyle *style = frame->style;

  for (guint r = frame->first_row; r < frame->end_row; r++)
    {
      const MlTimelineRow *row = get_row (frame, r);
      double top = ml_timeline_renderer_row_top (frame->self, frame->viewport, r);

      if (row->lane % 2 == 1)
        {
          ml_style_set_source (cr, &style->lane);
          cairo_rectangle (cr, 0, top, frame->viewport->width, frame->row_height);
          cairo_fill (cr);
        }
      if (row->element == frame->self->selected)
        {
          MlColor highlight = style->accent;

          highlight.alpha = 0.14;
          ml_style_set_source (cr, &highlight);
          cairo_rectangle (cr, 0, top, frame->viewport->width, frame->row_height);
          cairo_fill (cr);
        }
    }
}

static void
draw_grid (const Frame *frame)
{
  cairo_t *cr = frame->cr;
  const MlStyle *style = frame->style;
  double top = frame->axis_height;
  double bottom = frame->viewport->height;
  MlColor strong = ml_color_mix (&style->grid, &style->dim, 0.35);

  /* Weekends, when days are wide enough to tell them apart. */
  if (frame->tick_unit == ML_TIME_UNIT_DAY)
    {
      MlColor weekend = ml_color_mix (&style->lane, &style->grid, 0.4);

      weekend.alpha = 0.5;
      ml_style_set_source (cr, &weekend);
      for (MlDate day = (MlDate) MAX (1, floor (frame->first_day)); day <= frame->last_day; day++)
        if (ml_date_is_weekend (day))
          cairo_rectangle (cr, x_of_day (frame, day), top, frame->viewport->day_width,
                           bottom - top);
      cairo_fill (cr);
    }

  /* Unlabelled ticks mark the axis only: through the rows they would be noise. */
  if (frame->tick_labels)
    {
      cairo_set_line_width (cr, get_line_width (frame->style, MAX (1, frame->line_width / 3), 0.3));
      ml_style_set_source (cr, &style->grid);
      FOREACH_UNIT (frame, frame->tick_unit, day, next)
        {
          double x = round (x_of_day (frame, day)) + 0.5;

          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, bottom);
        }
      cairo_stroke (cr);
    }

  cairo_set_line_width (cr, get_line_width (frame->style, MAX (1, frame->line_width / 2), 0.5));
  ml_style_set_source (cr, &strong);
  FOREACH_UNIT (frame, frame->span_unit, day, next)
    {
      double x = round (x_of_day (frame, day)) + 0.5;

      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }
  cairo_stroke (cr);
}

/* A line above each workstream, across the header column and the time area. */
static void
draw_lane_separators (const Frame *frame)
{
  cairo_t *cr = frame->cr;
  MlColor color = ml_color_mix (&frame->style->grid, &frame->style->dim, 0.25);

  cairo_set_line_width (cr, get_line_width (frame->style, MAX (1, frame->line_width / 2), 0.5));
  ml_style_set_source (cr, &color);
  for (guint r = MAX (frame->first_row, 1); r < frame->end_row; r++)
    {
      double y;

      if (!get_row (frame, r)->header)
        continue;
      y = round (ml_timeline_renderer_row_top (frame->self, frame->viewport, r)) + 0.5;
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, frame->viewport->width, y);
    }
  cairo_stroke (cr);
}

/* A workstream's span of activities, as a thin bracket under its milestones. */
static void
draw_spans (const Frame *frame)
{
  cairo_t *cr = frame->cr;
  MlColor color = frame->style->dim;
  double thickness = get_line_width (frame->style, MAX (2, frame->row_height * 0.1),
                                     frame->row_height * 0.08);

  color.alpha = 0.55;
  ml_style_set_source (cr, &color);
  for (guint r = frame->first_row; r < frame->end_row; r++)
    {
      const MlTimelineRow *row = get_row (frame, r);
      double top, x0, x1, y;

      if (!row->header || row->start == ML_DATE_NONE)
        continue;
      top = ml_timeline_renderer_row_top (frame->self, frame->viewport, r);
      x0 = x_of_day (frame, row->start);
      x1 = x_of_day (frame, row->end + 1.0);
      if (x1 < frame->time_left || x0 > frame->time_right)
        continue;
      y = top + frame->row_height - frame->row_height * 0.16 - thickness;
      cairo_rectangle (cr, x0, y, x1 - x0, thickness);
      /* Small downward points at both ends, as summary tasks are drawn in Gantt charts. */
      cairo_move_to (cr, x0, y + thickness);
      cairo_line_to (cr, x0 + thickness * 1.5, y + thickness);
      cairo_line_to (cr, x0, y + thickness * 2.5);
      cairo_close_path (cr);
      cairo_move_to (cr, x1, y + thickness);
      cairo_line_to (cr, x1 - thickness * 1.5, y + thickness);
      cairo_line_to (cr, x1, y + thickness * 2.5);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
}

static double
get_arrow_width (const Frame         *frame,
                 const MlTimelineDep *dep)
{
  return MAX (frame->line_width * (dep->critical || dep->problem ? 1.25 : 0.75),
              MIN (1.0, frame->line_width));
}

static double
get_arrow_head (double width)
{
  return 3 * width + 3;
}

/* Routes an arrow out of the predecessor's finish (right end) or start (left end), along a
 * short stub, down or up in the gap, into the successor's start or finish. When no single
 * vertical run can join the two stubs, the arrow runs along the boundary between the rows.
 */
static guint
route_dependency (const Frame         *frame,
                  const MlTimelineDep *dep,
                  double               points[6][2])
{
  MlTimelineRenderer *self = frame->self;
  gboolean from_finish = dep->type == ML_DEPENDENCY_FINISH_START ||
                         dep->type == ML_DEPENDENCY_FINISH_FINISH;
  gboolean to_start = dep->type == ML_DEPENDENCY_FINISH_START ||
                      dep->type == ML_DEPENDENCY_START_START;
  double stub = MAX (frame->padding, frame->row_height * 0.25);
  double out = from_finish ? 1 : -1;
  double in = to_start ? 1 : -1;
  MlTimelineBox from, to;
  double sx, sy, tx, ty, p, q, x = 0;
  gboolean direct;

  ml_timeline_renderer_bar_box (self, frame->viewport, dep->from_row, &from);
  ml_timeline_renderer_bar_box (self, frame->viewport, dep->to_row, &to);
  sx = from_finish ? from.x + from.width : from.x;
  sy = from.y + from.height / 2;
  tx = to_start ? to.x : to.x + to.width;
  ty = to.y + to.height / 2;
  p = sx + out * stub;
  q = tx - in * stub;

  if (out > 0 && in > 0)
    direct = p <= q, x = p;
  else if (out < 0 && in > 0)
    direct = TRUE, x = MIN (p, q);
  else if (out > 0 && in < 0)
    direct = TRUE, x = MAX (p, q);
  else
    direct = q <= p, x = p;

  /* A successor that starts just after its predecessor ends: shorter stubs, as long as the
   * head still shows, rather than a loop.
   */
  if (!direct && out == in)
    {
      double room = (tx - sx) * in;
      double head = get_arrow_head (get_arrow_width (frame, dep));

      if (room >= head + 3)
        {
          direct = TRUE;
          x = sx + out * (room - head) / 2;
        }
    }

  points[0][0] = sx, points[0][1] = sy;
  if (direct)
    {
      points[1][0] = x, points[1][1] = sy;
      points[2][0] = x, points[2][1] = ty;
      points[3][0] = tx, points[3][1] = ty;
      return 4;
    }
  else
    {
      guint boundary = dep->to_row > dep->from_row ? dep->from_row + 1 : dep->from_row;
      double y = ml_timeline_renderer_row_top (self, frame->viewport, boundary);

      points[1][0] = p, points[1][1] = sy;
      points[2][0] = p, points[2][1] = y;
      points[3][0] = q, points[3][1] = y;
      points[4][0] = q, points[4][1] = ty;
      points[5][0] = tx, points[5][1] = ty;
      return 6;
    }
}

static void
draw_dependency (const Frame         *frame,
                 const MlTimelineDep *dep)
{
  cairo_t *cr = frame->cr;
  const MlStyle *style = frame->style;
  double lw = get_arrow_width (frame, dep);
  double head = get_arrow_head (lw);
  double points[6][2];
  double tip_x, tip_y, direction;
  guint n = route_dependency (frame, dep, points);

  /* The line stops where the head begins, so that the head keeps its point. */
  tip_x = points[n - 1][0];
  tip_y = points[n - 1][1];
  direction = points[n - 1][0] >= points[n - 2][0] ? 1 : -1;
  points[n - 1][0] -= direction * head * 0.8;

  ml_style_set_source (cr, dep->problem || dep->critical ? &style->critical : &style->dim);
  cairo_set_line_width (cr, lw);
  if (dep->problem)
    {
      double dashes[2] = { 4 * lw, 3 * lw };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  rounded_polyline (cr, (const double (*)[2]) points, n, frame->row_height * 0.15);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, tip_x - direction * head, tip_y - head * 0.6);
  cairo_line_to (cr, tip_x - direction * head, tip_y + head * 0.6);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Each arrow that touches a row in view, once: an arrow between two rows in view is drawn
 * from the upper of the two.
 */
static void
draw_dependencies (const Frame *frame)
{
  MlTimelineRenderer *self = frame->self;

  cairo_set_line_join (frame->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint r = frame->first_row; r < frame->end_row; r++)
    {
      const MlTimelineRow *row = get_row (frame, r);

      for (guint k = 0; k < row->n_deps; k++)
        {
          guint d = g_array_index (self->row_deps, guint, row->first_dep + k);
          const MlTimelineDep *dep = &g_array_index (self->deps, MlTimelineDep, d);
          guint other = dep->from_row == r ? dep->to_row : dep->from_row;

          if (other >= frame->first_row && other < r)
            continue;
          draw_dependency (frame, dep);
        }
    }
}

static void
draw_hatching (cairo_t             *cr,
               const MlTimelineBox *box,
               double               spacing)
{
  for (double x = box->x - box->height; x < box->x + box->width; x += spacing)
    {
      cairo_move_to (cr, x, box->y + box->height);
      cairo_line_to (cr, x + box->height, box->y);
    }
}

static void
draw_bar (const Frame         *frame,
          guint                index,
          const MlTimelineBox *box)
{
  MlTimelineRenderer *self = frame->self;
  cairo_t *cr = frame->cr;
  const MlStyle *style = frame->style;
  const MlTimelineRow *row = get_row (frame, index);
  const MlColor *color = &style->status[row->status];
  double radius = frame->bar_height * 0.22;
  double lw = frame->line_width;

  cairo_save (cr);
  rounded_rectangle (cr, box->x, box->y, box->width, box->height, radius);
  cairo_clip_preserve (cr);
  if (row->status == ML_STATUS_STOPPED)
    {
      /* Stopped work stays visible, but faded and struck through with hatching. */
      MlColor fill = ml_color_mix (color, &style->background, 0.82);
      MlColor hatch = *color;

      ml_style_set_source (cr, &fill);
      cairo_fill (cr);
      hatch.alpha = 0.45;
      ml_style_set_source (cr, &hatch);
      cairo_set_line_width (cr, get_line_width (style, MAX (1, lw), 0.4));
      draw_hatching (cr, box, MAX (4, frame->bar_height / 2.5));
      cairo_stroke (cr);
    }
  else
    {
      ml_style_set_source (cr, &self->tint[row->status]);
      cairo_fill (cr);
      if (row->progress > 0)
        {
          ml_style_set_source (cr, color);
          cairo_rectangle (cr, box->x, box->y, box->width * row->progress, box->height);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);

  /* The outline, inside the bar so that neighbouring outlines never touch. */
  cairo_set_line_width (cr, lw);
  ml_style_set_source (cr, color);
  rounded_rectangle (cr, box->x + lw / 2, box->y + lw / 2, MAX (lw, box->width - lw),
                     box->height - lw, radius);
  cairo_stroke (cr);

  if (row->critical)
    {
      double w = 2 * lw;

      cairo_set_line_width (cr, w);
      ml_style_set_source (cr, &style->critical);
      rounded_rectangle (cr, box->x - w / 2, box->y - w / 2, box->width + w, box->height + w,
                         radius + w / 2);
      cairo_stroke (cr);
    }

  if (row->element == self->selected)
    {
      double w = get_line_width (style, MAX (2, 2.5 * lw), 2.5 * lw);
      double gap = row->critical ? 2 * lw + w / 2 : w / 2 + lw;

      cairo_set_line_width (cr, w);
      ml_style_set_source (cr, &style->accent);
      rounded_rectangle (cr, box->x - gap, box->y - gap, box->width + 2 * gap,
                         box->height + 2 * gap, radius + gap);
      cairo_stroke (cr);
    }
}

static void
draw_bars (const Frame *frame)
{
  for (guint r = frame->first_row; r < frame->end_row; r++)
    {
      const MlTimelineRow *row = get_row (frame, r);
      MlTimelineBox box;

      if (row->header || row->start == ML_DATE_NONE)
        continue;
      ml_timeline_renderer_bar_box (frame->self, frame->viewport, r, &box);
      if (box.x > frame->time_right || box.x + box.width < frame->time_left)
        continue;
      draw_bar (frame, r, &box);
    }
}

static void
draw_decision_glyph (cairo_t       *cr,
                     PangoLayout   *bold,
                     MlOutcome      outcome,
                     double         cx,
                     double         cy,
                     double         r,
                     const MlColor *color)
{
  ml_style_set_source (cr, color);
  cairo_set_line_width (cr, MAX (1.2, r * 0.26));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (outcome)
    {
    case ML_OUTCOME_CONTINUE:
      cairo_move_to (cr, cx - 0.45 * r, cy + 0.02 * r);
      cairo_line_to (cr, cx - 0.12 * r, cy + 0.36 * r);
      cairo_line_to (cr, cx + 0.46 * r, cy - 0.34 * r);
      cairo_stroke (cr);
      break;
    case ML_OUTCOME_STOP:
      cairo_move_to (cr, cx - 0.36 * r, cy - 0.36 * r);
      cairo_line_to (cr, cx + 0.36 * r, cy + 0.36 * r);
      cairo_move_to (cr, cx + 0.36 * r, cy - 0.36 * r);
      cairo_line_to (cr, cx - 0.36 * r, cy + 0.36 * r);
      cairo_stroke (cr);
      break;
    case ML_OUTCOME_PIVOT:
      {
        /* A circular arrow, turning clockwise, with its head at the top. */
        double a0 = G_PI * -0.35, a1 = G_PI * 1.25, ra = 0.45 * r;
        double hx = cx + ra * cos (a1), hy = cy + ra * sin (a1);
        double h = r * 0.42;

        cairo_new_sub_path (cr);
        cairo_arc (cr, cx, cy, ra, a0, a1 - 0.25);
        cairo_stroke (cr);
        cairo_move_to (cr, hx + h * 0.75, hy + h * 0.1);
        cairo_line_to (cr, hx - h * 0.25, hy - h * 0.55);
        cairo_line_to (cr, hx - h * 0.2, hy + h * 0.6);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
      break;
    case ML_OUTCOME_PENDING:
    default:
      {
        PangoRectangle ink;

        set_text (bold, "?");
        pango_layout_get_extents (bold, &ink, NULL);
        cairo_move_to (cr, cx - ((double) ink.x + ink.width / 2.0) / PANGO_SCALE,
                       cy - ((double) ink.y + ink.height / 2.0) / PANGO_SCALE);
        pango_cairo_show_layout (cr, bold);
        cairo_new_path (cr);
      }
      break;
    }

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
draw_marker_shape (MlTimelineRenderer *self,
                   cairo_t            *cr,
                   gboolean            decision,
                   int                 state,
                   double              cx,
                   double              cy,
                   double              size)
{
  const MlStyle *style = self->style;
  double lw = style->line_width;

  if (decision)
    {
      const MlColor *fill = &style->outcome[CLAMP (state, 0, ML_OUTCOME_STOP)];
      MlColor glyph = ml_style_text_on (style, fill);

      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, size / 2, 0, 2 * G_PI);
      ml_style_set_source (cr, fill);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, lw);
      ml_style_set_source (cr, &style->background);
      cairo_stroke (cr);
      draw_decision_glyph (cr, self->small_bold, (MlOutcome) state, cx, cy, size / 2, &glyph);
    }
  else
    {
      const MlColor *fill = state == ML_MILESTONE_REACHED ? &style->status[ML_STATUS_DONE]
                            : state == ML_MILESTONE_MISSED ? &style->critical
                            : &style->foreground;

      diamond (cr, cx, cy, size / 2);
      ml_style_set_source (cr, fill);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, lw);
      ml_style_set_source (cr, &style->background);
      cairo_stroke (cr);
    }
}

/* Markers on the header rows, each labelled in the room before the next one. */
static void
draw_markers (const Frame *frame)
{
  MlTimelineRenderer *self = frame->self;
  cairo_t *cr = frame->cr;
  double min_label = frame->style->small_font_size * 2.5;

  for (guint r = frame->first_row; r < frame->end_row; r++)
    {
      const MlTimelineRow *row = get_row (frame, r);
      const MlTimelineMarker *markers;
      double used_right = -G_MAXDOUBLE;

      if (!row->header || row->n_markers == 0)
        continue;
      markers = &g_array_index (self->markers, MlTimelineMarker, row->first_marker);

      for (guint m = 0; m < row->n_markers; m++)
        {
          const MlTimelineMarker *marker = &markers[m];
          MlTimelineBox box, next;
          double cx, cy, label_x, right, left, width;

          ml_timeline_renderer_marker_box (self, frame->viewport, marker, &box);
          if (box.x > frame->time_right || box.x + box.width < frame->time_left)
            continue;
          cx = box.x + box.width / 2;
          cy = box.y + box.height / 2;
          draw_marker_shape (self, cr, marker->decision, marker->state, cx, cy, box.width);

          if (marker->element == self->selected)
            {
              double w = get_line_width (frame->style, MAX (2, 2.5 * frame->line_width),
                                         2.5 * frame->line_width);

              cairo_set_line_width (cr, w);
              ml_style_set_source (cr, &frame->style->accent);
              cairo_new_sub_path (cr);
              if (marker->decision)
                cairo_arc (cr, cx, cy, box.width / 2 + w, 0, 2 * G_PI);
              else
                diamond (cr, cx, cy, box.width / 2 + w * 1.4);
              cairo_stroke (cr);
            }

          /* The label goes right of its marker, up to the next one; else left of it, after
           * the previous label; else elided on the right; else nowhere.
           */
          label_x = box.x + box.width + frame->padding * 0.5;
          right = frame->time_right - frame->padding - label_x;
          if (m + 1 < row->n_markers)
            {
              ml_timeline_renderer_marker_box (self, frame->viewport, &markers[m + 1], &next);
              right = MIN (right, next.x - frame->padding * 0.5 - label_x);
            }
          left = box.x - frame->padding * 0.5 -
                 MAX (used_right + frame->padding, frame->time_left + frame->padding);
          width = set_text (self->small, label_of (marker->element));

          if (width <= right)
            {
              show_layout (cr, self->small, label_x, cy, 0, &frame->style->dim);
              used_right = label_x + width;
            }
          else if (width <= left)
            {
              show_layout (cr, self->small, box.x - frame->padding * 0.5 - width, cy, 0,
                           &frame->style->dim);
              used_right = box.x + box.width;
            }
          else if (right >= min_label)
            {
              show_layout (cr, self->small, label_x, cy, right, &frame->style->dim);
              used_right = label_x + right;
            }
          else
            {
              used_right = box.x + box.width;
            }
        }
    }
}

static void
draw_today (const Frame *frame)
{
  cairo_t *cr = frame->cr;
  double x;

  if (frame->self->today == ML_DATE_NONE)
    return;
  x = x_of_day (frame, frame->self->today + 0.5);
  if (x < frame->time_left || x > frame->time_right)
    return;

  cairo_set_line_width (cr, get_line_width (frame->style, MAX (2, 2 * frame->line_width),
                                            2 * frame->line_width));
  ml_style_set_source (cr, &frame->style->accent);
  cairo_move_to (cr, x, frame->axis_height);
  cairo_line_to (cr, x, frame->viewport->height);
  cairo_stroke (cr);
}

/* Draws a label inside a bar in the colours of what lies beneath: the text over the done
 * part in the colour for the status colour, over the rest in the colour for the tint.
 */
static void
show_label_in_bar (const Frame         *frame,
                   const MlTimelineRow *row,
                   const MlTimelineBox *box,
                   double               x,
                   double               cy,
                   double               max_width)
{
  MlTimelineRenderer *self = frame->self;
  cairo_t *cr = frame->cr;
  double split = box->x + box->width * row->progress;

  if (row->status == ML_STATUS_STOPPED)
    {
      show_layout_with_halo (cr, self->body, x, cy, max_width, &frame->style->dim,
                             &frame->style->background, frame->style->font_size * 0.3);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, box->x, box->y, split - box->x, box->height);
  cairo_clip (cr);
  show_layout (cr, self->body, x, cy, max_width, &self->text_on_status[row->status]);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, split, box->y, box->x + box->width - split, box->height);
  cairo_clip (cr);
  show_layout (cr, self->body, x, cy, max_width, &self->text_on_tint[row->status]);
  cairo_restore (cr);
}

/* How far the arrows attached to a row's bar run along the row, left of its start and right
 * of its end: labels beside the bar keep clear of them.
 */
static void
get_arrow_extents (const Frame         *frame,
                   guint                index,
                   const MlTimelineBox *box,
                   double              *left,
                   double              *right)
{
  MlTimelineRenderer *self = frame->self;
  const MlTimelineRow *row = get_row (frame, index);

  *left = box->x;
  *right = box->x + box->width;
  for (guint k = 0; k < row->n_deps; k++)
    {
      guint d = g_array_index (self->row_deps, guint, row->first_dep + k);
      const MlTimelineDep *dep = &g_array_index (self->deps, MlTimelineDep, d);
      double points[6][2];
      guint n = route_dependency (frame, dep, points);
      double along = dep->from_row == index ? points[1][0] : points[n - 2][0];

      /* The arrow's head reaches a little further than the bend before it. */
      if (dep->to_row == index)
        along -= (points[n - 1][0] > points[n - 2][0] ? 1 : -1) * frame->padding * 0.5;
      *left = MIN (*left, along);
      *right = MAX (*right, along);
    }
}

/* A bar's name goes inside it if it fits, else beside it on the right, else on the left,
 * else elided into the largest of those places. Each activity has its row to itself, and
 * labels beside a bar keep clear of the arrows along the row, so a label placed this way
 * covers no other label, bar or arrow end.
 */
static void
draw_bar_label (const Frame *frame,
                guint        index)
{
  MlTimelineRenderer *self = frame->self;
  const MlTimelineRow *row = get_row (frame, index);
  const MlColor *outside = row->status == ML_STATUS_STOPPED ? &frame->style->dim
                                                            : &frame->style->foreground;
  double pad = frame->padding;
  double min_width = frame->style->font_size * 2.5;
  MlTimelineBox box;
  double visible_left, visible_right, cy, width, inside, right, left, arrows_left, arrows_right;

  ml_timeline_renderer_bar_box (self, frame->viewport, index, &box);
  visible_left = MAX (box.x, frame->time_left);
  visible_right = MIN (box.x + box.width, frame->time_right);
  if (visible_right <= visible_left)
    return;
  cy = box.y + box.height / 2;
  get_arrow_extents (frame, index, &box, &arrows_left, &arrows_right);

  width = set_text (self->body, label_of (row->element));
  inside = visible_right - visible_left - 2 * pad;
  right = frame->time_right - arrows_right - 2 * pad;
  left = arrows_left - frame->time_left - 2 * pad;

  if (width <= inside)
    show_label_in_bar (frame, row, &box, visible_left + pad, cy, 0);
  else if (width <= right)
    show_layout (frame->cr, self->body, arrows_right + pad, cy, 0, outside);
  else if (width <= left)
    show_layout (frame->cr, self->body, arrows_left - pad - width, cy, 0, outside);
  else if (inside >= MAX (right, left) && inside >= min_width)
    show_label_in_bar (frame, row, &box, visible_left + pad, cy, inside);
  else if (right >= left && right >= min_width)
    show_layout (frame->cr, self->body, arrows_right + pad, cy, right, outside);
  else if (left >= min_width)
    show_layout (frame->cr, self->body, frame->time_left + pad, cy, left, outside);
}

static void
draw_bar_labels (const Frame *frame)
{
  for (guint r = frame->first_row; r < frame->end_row; r++)
    {
      const MlTimelineRow *row = get_row (frame, r);

      if (!row->header && row->start != ML_DATE_NONE)
        draw_bar_label (frame, r);
    }
}

static void
draw_disclosure (cairo_t       *cr,
                 double         x,
                 double         cy,
                 double         size,
                 gboolean       expanded,
                 const MlColor *color)
{
  ml_style_set_source (cr, color);
  if (expanded)
    {
      cairo_move_to (cr, x, cy - size * 0.3);
      cairo_line_to (cr, x + size, cy - size * 0.3);
      cairo_line_to (cr, x + size / 2, cy + size * 0.35);
    }
  else
    {
      cairo_move_to (cr, x + size * 0.2, cy - size / 2);
      cairo_line_to (cr, x + size * 0.85, cy);
      cairo_line_to (cr, x + size * 0.2, cy + size / 2);
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_header_column (const Frame *frame)
{
  MlTimelineRenderer *self = frame->self;
  cairo_t *cr = frame->cr;
  const MlStyle *style = frame->style;
  double pad = frame->padding;
  double indent = ml_timeline_renderer_indent (self);
  double triangle = style->font_size * 0.6;
  MlColor border = ml_color_mix (&style->grid, &style->dim, 0.25);

  cairo_save (cr);
  cairo_rectangle (cr, 0, frame->axis_height, frame->header_width,
                   frame->viewport->height - frame->axis_height);
  cairo_clip (cr);

  for (guint r = frame->first_row; r < frame->end_row; r++)
    {
      const MlTimelineRow *row = get_row (frame, r);
      double cy = ml_timeline_renderer_row_top (self, frame->viewport, r) + frame->row_height / 2;

      if (row->header)
        {
          gboolean expanded = !g_hash_table_contains (self->collapsed, row->element);

          draw_disclosure (cr, pad, cy, triangle, expanded, &style->dim);
          show_layout (cr, ml_timeline_renderer_layout_name (self, label_of (row->element), TRUE,
                                                             frame->header_width - indent +
                                                             style->font_size * 0.4 - pad),
                       indent - style->font_size * 0.4, cy, 0, &style->foreground);
        }
      else
        {
          show_layout (cr, ml_timeline_renderer_layout_name (self, label_of (row->element), FALSE,
                                                             frame->header_width - indent - pad),
                       indent, cy, 0, &style->foreground);
        }
    }
  cairo_restore (cr);

  cairo_set_line_width (cr, get_line_width (frame->style, MAX (1, frame->line_width / 2), 0.5));
  ml_style_set_source (cr, &border);
  cairo_move_to (cr, round (frame->header_width) - 0.5, 0);
  cairo_line_to (cr, round (frame->header_width) - 0.5, frame->viewport->height);
  cairo_stroke (cr);
}

/* An upper-tier label sticks to the left edge of the time area while its span is in view,
 * as a calendar keeps the month's name visible. One that does not fit is left out: the
 * neighbouring spans say where it is.
 */
static void
draw_span_label (const Frame *frame,
                 MlDate       day,
                 double       x0,
                 double       x1,
                 double       cy,
                 MlTimeLabel  form)
{
  MlTimelineRenderer *self = frame->self;
  double pad = frame->padding;
  double room = MIN (x1, frame->time_right) - MAX (x0, frame->time_left) - 2 * pad;
  double width, x;
  char label[64];

  ml_time_unit_format (frame->span_unit, day, form, label, sizeof label);
  width = set_text (self->small_bold, label);
  if (width > room && form == ML_TIME_LABEL_LONG)
    {
      ml_time_unit_format (frame->span_unit, day, ML_TIME_LABEL_SHORT, label, sizeof label);
      width = set_text (self->small_bold, label);
    }
  if (width > room)
    return;

  x = MIN (MAX (x0, frame->time_left) + pad, x1 - pad - width);
  show_layout (frame->cr, self->small_bold, x, cy, 0, &frame->style->foreground);
}

/* All spans in one form, "2024 2025" or "’24 ’25", rather than a mix: the long form if
 * every span wholly in view has room for it.
 */
static MlTimeLabel
choose_span_form (const Frame *frame)
{
  FOREACH_UNIT (frame, frame->span_unit, day, next)
    {
      double x0 = x_of_day (frame, day), x1 = x_of_day (frame, next);
      char label[64];

      if (x0 < frame->time_left || x1 > frame->time_right)
        continue;
      ml_time_unit_format (frame->span_unit, day, ML_TIME_LABEL_LONG, label, sizeof label);
      if (set_text (frame->self->small_bold, label) > x1 - x0 - 2 * frame->padding)
        return ML_TIME_LABEL_SHORT;
    }

  return ML_TIME_LABEL_LONG;
}

/* Where the today tag goes on the lower tier of the axis, if today is in view. */
static gboolean
get_today_tag (const Frame *frame,
               double      *left,
               double      *width)
{
  MlTimelineRenderer *self = frame->self;
  double x;

  if (self->today == ML_DATE_NONE)
    return FALSE;
  x = x_of_day (frame, self->today + 0.5);
  if (x < frame->time_left || x > frame->time_right)
    return FALSE;
  *width = set_text (self->small_bold, _("Today")) + frame->padding * 1.5;
  *left = CLAMP (x - *width / 2, frame->time_left, frame->time_right - *width);

  return TRUE;
}

static void
draw_axis (const Frame *frame)
{
  MlTimelineRenderer *self = frame->self;
  cairo_t *cr = frame->cr;
  const MlStyle *style = frame->style;
  double tier = ml_timeline_renderer_tier_height (self);
  MlColor border = ml_color_mix (&style->grid, &style->dim, 0.25);
  MlTimeLabel span_form;
  double tag_left = 0, tag_width = 0;
  gboolean tag = get_today_tag (frame, &tag_left, &tag_width);

  ml_style_set_source (cr, &style->background);
  cairo_rectangle (cr, 0, 0, frame->viewport->width, frame->axis_height);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, frame->time_left, 0, frame->time_right - frame->time_left,
                   frame->axis_height);
  cairo_clip (cr);

  /* Upper tier: spans, with a line at each start down through both tiers. */
  span_form = choose_span_form (frame);
  cairo_set_line_width (cr, get_line_width (frame->style, MAX (1, frame->line_width / 2), 0.5));
  FOREACH_UNIT (frame, frame->span_unit, day, next)
    {
      double x0 = x_of_day (frame, day), x1 = x_of_day (frame, next);

      ml_style_set_source (cr, &border);
      cairo_move_to (cr, round (x0) + 0.5, 0);
      cairo_line_to (cr, round (x0) + 0.5, frame->axis_height);
      cairo_stroke (cr);
      draw_span_label (frame, day, x0, x1, tier / 2, span_form);
    }

  /* Lower tier: ticks, each label centred in its unit. */
  FOREACH_UNIT (frame, frame->tick_unit, day, next)
    {
      double x0 = x_of_day (frame, day), x1 = x_of_day (frame, next);
      char label[32];
      double width;

      ml_style_set_source (cr, &style->grid);
      cairo_move_to (cr, round (x0) + 0.5, tier);
      cairo_line_to (cr, round (x0) + 0.5, frame->axis_height);
      cairo_stroke (cr);

      if (!frame->tick_labels)
        continue;
      ml_time_unit_format (frame->tick_unit, day, frame->tick_form, label, sizeof label);
      width = set_text (self->small, label);
      /* Centred in its unit, or in the part of it in view at the left edge; not under the
       * today tag, which would hide a part of it.
       */
      x0 = MAX (x0, frame->time_left);
      if (width + frame->style->small_font_size * 0.3 > x1 - x0)
        continue;
      if (tag && (x0 + x1 + width) / 2 > tag_left && (x0 + x1 - width) / 2 < tag_left + tag_width)
        continue;
      show_layout (cr, self->small, (x0 + x1 - width) / 2, tier * 1.5, 0, &style->dim);
    }

  /* Today, as a tag on the lower tier where the line starts. */
  if (tag)
    {
      double width = set_text (self->small_bold, _("Today"));
      double h = tier * 0.8;
      MlColor text = ml_style_text_on (style, &style->accent);

      rounded_rectangle (cr, tag_left, tier * 1.5 - h / 2, tag_width, h, h / 2);
      ml_style_set_source (cr, &style->accent);
      cairo_fill (cr);
      show_layout (cr, self->small_bold, tag_left + (tag_width - width) / 2, tier * 1.5, 0,
                   &text);
    }
  cairo_restore (cr);

  cairo_set_line_width (cr, get_line_width (frame->style, MAX (1, frame->line_width / 2), 0.5));
  ml_style_set_source (cr, &border);
  cairo_move_to (cr, frame->time_left, round (tier) + 0.5);
  cairo_line_to (cr, frame->viewport->width, round (tier) + 0.5);
  cairo_stroke (cr);
  cairo_set_line_width (cr, get_line_width (frame->style, MAX (1, frame->line_width), 0.75));
  cairo_move_to (cr, 0, round (frame->axis_height) - 0.5);
  cairo_line_to (cr, frame->viewport->width, round (frame->axis_height) - 0.5);
  cairo_stroke (cr);
}

/* The corner above the names: the project's title. */
static void
draw_corner (const Frame *frame)
{
  MlTimelineRenderer *self = frame->self;
  const char *title = ml_element_get_string (ml_project_get_root (self->project),
                                             ML_PROJECT_TITLE);

  if (title == NULL)
    return;
  cairo_save (frame->cr);
  cairo_rectangle (frame->cr, 0, 0, frame->header_width, frame->axis_height);
  cairo_clip (frame->cr);
  /* On two lines if it must: the axis has the height of two. */
  show_text (frame->cr, self->name_bold, title, frame->padding, frame->axis_height / 2,
             frame->header_width - 2 * frame->padding, &frame->style->foreground);
  cairo_restore (frame->cr);
}

static void
draw_swatch (MlTimelineRenderer *self,
             cairo_t            *cr,
             const LegendItem   *item,
             double              x,
             double              cy,
             double              width)
{
  const MlStyle *style = self->style;
  double lw = style->line_width;
  double h = style->small_font_size * 0.85;
  MlTimelineBox box = { x, cy - h / 2, width, h };

  switch (item->kind)
    {
    case SWATCH_STATUS:
      {
        const MlColor *color = &style->status[item->value];

        cairo_save (cr);
        rounded_rectangle (cr, box.x, box.y, box.width, box.height, h * 0.22);
        cairo_clip_preserve (cr);
        if (item->value == ML_STATUS_STOPPED)
          {
            MlColor fill = ml_color_mix (color, &style->background, 0.82);
            MlColor hatch = *color;

            ml_style_set_source (cr, &fill);
            cairo_fill (cr);
            hatch.alpha = 0.6;
            ml_style_set_source (cr, &hatch);
            cairo_set_line_width (cr, get_line_width (style, MAX (1, lw), 0.4));
            draw_hatching (cr, &box, MAX (3, h / 2.5));
            cairo_stroke (cr);
          }
        else
          {
            /* Half done, to show how progress reads. */
            ml_style_set_source (cr, &self->tint[item->value]);
            cairo_fill (cr);
            ml_style_set_source (cr, color);
            cairo_rectangle (cr, box.x, box.y, box.width * 0.55, box.height);
            cairo_fill (cr);
          }
        cairo_restore (cr);
        cairo_set_line_width (cr, lw);
        ml_style_set_source (cr, color);
        rounded_rectangle (cr, box.x + lw / 2, box.y + lw / 2, box.width - lw, box.height - lw,
                           h * 0.22);
        cairo_stroke (cr);
      }
      break;
    case SWATCH_CRITICAL:
      cairo_set_line_width (cr, 2 * lw);
      ml_style_set_source (cr, &style->critical);
      rounded_rectangle (cr, box.x + lw, box.y + lw, box.width - 2 * lw, box.height - 2 * lw,
                         h * 0.22);
      cairo_stroke (cr);
      break;
    case SWATCH_MILESTONE:
    case SWATCH_DECISION:
      draw_marker_shape (self, cr, item->kind == SWATCH_DECISION, item->value, x + width / 2,
                         cy, style->small_font_size * 1.25);
      break;
    case SWATCH_DEPENDENCY:
    case SWATCH_CONFLICT:
    case SWATCH_TODAY:
    default:
      {
        double w = item->kind == SWATCH_TODAY ? get_line_width (style, MAX (2, 2 * lw), 2 * lw)
                   : MAX (lw * (item->kind == SWATCH_CONFLICT ? 1.25 : 0.75), MIN (1.0, lw));
        double head = 3 * w + 3;

        ml_style_set_source (cr, item->kind == SWATCH_DEPENDENCY ? &style->dim
                                 : item->kind == SWATCH_CONFLICT ? &style->critical
                                 : &style->accent);
        cairo_set_line_width (cr, w);
        if (item->kind == SWATCH_TODAY)
          {
            cairo_move_to (cr, x + width / 2, cy - h * 0.8);
            cairo_line_to (cr, x + width / 2, cy + h * 0.8);
            cairo_stroke (cr);
            break;
          }
        if (item->kind == SWATCH_CONFLICT)
          {
            double dashes[2] = { 4 * w, 3 * w };

            cairo_set_dash (cr, dashes, 2, 0);
          }
        cairo_move_to (cr, x, cy);
        cairo_line_to (cr, x + width - head * 0.8, cy);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        cairo_move_to (cr, x + width, cy);
        cairo_line_to (cr, x + width - head, cy - head * 0.6);
        cairo_line_to (cr, x + width - head, cy + head * 0.6);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
      break;
    }
}

/* Legend: in a band of at most two lines below a chart when it is wide enough, as exports
 * have it; else as a box with the sections side by side, stacked two by two, or in one
 * column, whichever fits.
 */

#define MAX_STRIP_LINES 2

/* Lays the sections out in lines, each title followed by its entries, a title never last on
 * a line; draws them too when @cr is set. Returns the number of lines, and the widest line.
 */
static guint
flow_strip (MlTimelineRenderer *self,
            const LegendLayout *layout,
            double              max_width,
            cairo_t            *cr,
            double              x,
            double              y,
            double             *widest)
{
  const MlStyle *style = self->style;
  double left = x + layout->padding, right = x + max_width - layout->padding;
  double item_gap = layout->gap * 2.5;
  double pen = left;
  guint lines = 1;

  *widest = 0;
  for (guint s = 0; s < G_N_ELEMENTS (legend_sections); s++)
    {
      const LegendSection *section = &legend_sections[s];

      for (int i = -1; i < (int) section->n_items; i++)
        {
          const char *text = i < 0 ? _(section->title) : _(section->items[i].label);
          double width = set_text (i < 0 ? self->small_bold : self->small, text);
          double space = pen > left ? (i < 0 ? layout->column_gap : item_gap) : 0;
          double need = width + (i < 0 ? 0 : layout->swatch + layout->gap);

          /* A title keeps its first entry on its line. */
          if (i < 0)
            need += layout->gap + layout->swatch + layout->gap +
                    set_text (self->small, _(section->items[0].label));
          if (pen > left && pen + space + need > right)
            {
              lines++;
              pen = left;
              space = 0;
            }
          pen += space;
          if (cr != NULL)
            {
              double cy = y + layout->padding + (lines - 1) * layout->line + layout->line / 2;

              if (i < 0)
                {
                  show_text (cr, self->small_bold, text, pen, cy, 0, &style->foreground);
                }
              else
                {
                  draw_swatch (self, cr, &section->items[i], pen, cy, layout->swatch);
                  show_text (cr, self->small, text, pen + layout->swatch + layout->gap, cy, 0,
                             &style->foreground);
                }
            }
          pen += i < 0 ? width + layout->gap : layout->swatch + layout->gap + width;
          *widest = MAX (*widest, pen - left);
        }
    }

  return lines;
}

static void
measure_legend_uncached (MlTimelineRenderer *self,
                         double              max_width,
                         LegendLayout       *layout)
{
  const MlStyle *style = self->style;
  double pad = ml_timeline_renderer_padding (self);
  guint counts[] = { 1, 2, 4 };

  layout->line = ceil (style->small_font_size * 1.6);
  layout->swatch = style->small_font_size * 1.8;
  layout->gap = pad * 0.8;
  layout->column_gap = pad * 2.5;
  layout->padding = pad * 1.2;

  for (guint s = 0; s < G_N_ELEMENTS (legend_sections); s++)
    {
      const LegendSection *section = &legend_sections[s];
      double widest = set_text (self->small_bold, _(section->title));

      for (guint i = 0; i < section->n_items; i++)
        widest = MAX (widest, layout->swatch + layout->gap +
                              set_text (self->small, _(section->items[i].label)));
      layout->widths[s] = widest;
    }

  {
    double widest;
    guint lines = flow_strip (self, layout, max_width, NULL, 0, 0, &widest);

    if (lines <= MAX_STRIP_LINES)
      {
        layout->strip = TRUE;
        layout->n_columns = 0;
        layout->width = ceil (widest + 2 * layout->padding);
        layout->height = lines * layout->line + 2 * layout->padding;
        return;
      }
  }
  layout->strip = FALSE;

  /* The widest arrangement that fits. */
  for (int c = G_N_ELEMENTS (counts) - 1; c >= 0; c--)
    {
      guint n_columns = counts[c];
      guint per_column = G_N_ELEMENTS (legend_sections) / n_columns;
      double width = 2 * layout->padding + (n_columns - 1) * layout->column_gap;
      double height = 0;

      for (guint col = 0; col < n_columns; col++)
        {
          double column_width = 0, column_height = 0;

          for (guint k = 0; k < per_column; k++)
            {
              guint s = col * per_column + k;

              column_width = MAX (column_width, layout->widths[s]);
              column_height += (legend_sections[s].n_items + 1) * layout->line +
                               (k > 0 ? layout->line * 0.4 : 0);
            }
          width += column_width;
          height = MAX (height, column_height);
        }
      layout->n_columns = n_columns;
      layout->width = width;
      layout->height = height + 2 * layout->padding;
      if (width <= max_width)
        break;
    }
}

/* Frames ask again and again for the same width: measuring once per style is enough. */
static void
measure_legend (MlTimelineRenderer *self,
                double              max_width,
                LegendLayout       *layout)
{
  if (!self->legend_valid || self->legend_max_width != max_width)
    {
      measure_legend_uncached (self, max_width, &self->legend);
      self->legend_max_width = max_width;
      self->legend_valid = TRUE;
    }
  *layout = self->legend;
}

/**
 * ml_timeline_renderer_get_legend_size:
 * @max_width: the widest the legend may be
 * @width: (out) (optional): its width
 * @height: (out) (optional): its height
 *
 * The legend lays its four sections (activities, milestones, decisions, links) side by
 * side when @max_width allows, else two by two, else in one column.
 */
void
ml_timeline_renderer_get_legend_size (MlTimelineRenderer *self,
                                      double              max_width,
                                      double             *width,
                                      double             *height)
{
  LegendLayout layout;

  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));

  measure_legend (self, max_width, &layout);
  if (width != NULL)
    *width = layout.width;
  if (height != NULL)
    *height = layout.height;
}

/**
 * ml_timeline_renderer_draw_legend:
 * @cr: where to draw
 * @x: the left of the legend box
 * @y: the top of the legend box
 * @max_width: as for ml_timeline_renderer_get_legend_size()
 *
 * Draws the legend in a box: what the colours of bars, the markers and the lines mean.
 */
void
ml_timeline_renderer_draw_legend (MlTimelineRenderer *self,
                                  cairo_t            *cr,
                                  double              x,
                                  double              y,
                                  double              max_width)
{
  const MlStyle *style;
  LegendLayout layout;
  MlColor background;
  MlColor border;
  guint per_column;
  double column_x;

  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));
  g_return_if_fail (cr != NULL);

  style = self->style;
  pango_cairo_update_context (cr, self->pango);
  measure_legend (self, max_width, &layout);

  background = style->background;
  background.alpha = 1.0;
  border = ml_color_mix (&style->grid, &style->dim, 0.25);
  cairo_save (cr);
  rounded_rectangle (cr, x + 0.5, y + 0.5, layout.width - 1, layout.height - 1,
                     layout.padding * 0.6);
  ml_style_set_source (cr, &background);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, get_line_width (style, 1, 0.5));
  ml_style_set_source (cr, &border);
  cairo_stroke (cr);

  if (layout.strip)
    {
      double widest;

      flow_strip (self, &layout, layout.width, cr, x, y, &widest);
      cairo_restore (cr);
      return;
    }

  per_column = G_N_ELEMENTS (legend_sections) / layout.n_columns;
  column_x = x + layout.padding;
  for (guint col = 0; col < layout.n_columns; col++)
    {
      double line_y = y + layout.padding;
      double column_width = 0;

      for (guint k = 0; k < per_column; k++)
        {
          const LegendSection *section = &legend_sections[col * per_column + k];

          column_width = MAX (column_width, layout.widths[col * per_column + k]);
          if (k > 0)
            line_y += layout.line * 0.4;
          show_text (cr, self->small_bold, _(section->title), column_x, line_y + layout.line / 2,
                     0, &style->foreground);
          line_y += layout.line;
          for (guint i = 0; i < section->n_items; i++)
            {
              const LegendItem *item = &section->items[i];
              double cy = line_y + layout.line / 2;

              draw_swatch (self, cr, item, column_x, cy, layout.swatch);
              show_text (cr, self->small, _(item->label), column_x + layout.swatch + layout.gap,
                         cy, 0, &style->foreground);
              line_y += layout.line;
            }
        }
      column_x += column_width + layout.column_gap;
    }
  cairo_restore (cr);
}

/**
 * ml_timeline_renderer_draw:
 * @cr: where to draw; the viewport's (0, 0) is the current origin
 * @viewport: which part of the roadmap, at which zoom, into which rectangle
 *
 * Paints the viewport completely, background included. Its cost depends on the number of
 * rows in view and the dependencies touching them, not on the size of the roadmap.
 */
void
ml_timeline_renderer_draw (MlTimelineRenderer       *self,
                           cairo_t                  *cr,
                           const MlTimelineViewport *viewport)
{
  Frame frame;

  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  ml_timeline_renderer_ensure_layout (self);
  pango_cairo_update_context (cr, self->pango);
  init_frame (&frame, self, cr, viewport);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  cairo_clip (cr);
  ml_style_set_source (cr, &self->style->background);
  cairo_paint (cr);

  if (viewport->day_width > 0 && viewport->width > frame.header_width)
    {
      draw_lanes (&frame);

      cairo_save (cr);
      clip_rows_area (&frame, frame.time_left);
      draw_grid (&frame);
      draw_spans (&frame);
      draw_dependencies (&frame);
      draw_bars (&frame);
      draw_markers (&frame);
      draw_today (&frame);
      draw_bar_labels (&frame);
      cairo_restore (cr);

      draw_lane_separators (&frame);
      draw_header_column (&frame);
      draw_axis (&frame);
      draw_corner (&frame);

      if (self->show_legend)
        {
          double margin = frame.padding * 1.5;
          double max_width = MIN (viewport->width - frame.header_width - 2 * margin,
                                  viewport->width * 0.5);
          double width, height;

          ml_timeline_renderer_get_legend_size (self, max_width, &width, &height);
          if (width <= max_width && height <= viewport->height - frame.axis_height - 2 * margin)
            ml_timeline_renderer_draw_legend (self, cr, viewport->width - margin - width,
                                              viewport->height - margin - height, max_width);
        }
    }

  cairo_restore (cr);
}
