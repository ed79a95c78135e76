/* ml-indicator-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-indicator-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-indicator-chart.h"
#include "ml-indicator.h"

/* A chart without any date spans a year either side of today; a single date, half a year. */
#define EMPTY_SPAN_DAYS  365
#define SINGLE_SPAN_DAYS 182
#define N_VALUE_TICKS    4

typedef struct
{
  PangoLayout *title;
  PangoLayout *small;
} Layouts;

static const MlColor *
get_status_color (const MlStyle     *style,
                  MlIndicatorStatus  status)
{
  switch (status)
    {
    case ML_INDICATOR_STATUS_ON_TRACK:
      return &style->status[ML_STATUS_DONE];
    case ML_INDICATOR_STATUS_AT_RISK:
      return &style->status[ML_STATUS_AT_RISK];
    case ML_INDICATOR_STATUS_OFF_TRACK:
      return &style->critical;
    case ML_INDICATOR_STATUS_NO_RECENT_DATA:
    case ML_INDICATOR_STATUS_NOT_MEASURABLE:
    default:
      return &style->dim;
    }
}

static void
include_value (double *low,
               double *high,
               double  value)
{
  if (isnan (value))
    return;
  *low = isnan (*low) ? value : MIN (*low, value);
  *high = isnan (*high) ? value : MAX (*high, value);
}

/* 1, 2 or 5 times a power of ten: the round step nearest above @rough. */
static double
round_step (double rough)
{
  double power = pow (10, floor (log10 (rough)));
  double fraction = rough / power;

  return power * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
}

static void
compute_ranges (MlElement            *indicator,
                MlDate                today,
                MlIndicatorChartAxes *axes)
{
  GPtrArray *measurements = ml_element_get_children (indicator, ML_KIND_MEASUREMENT);
  double low = NAN, high = NAN;
  MlDate first = ML_DATE_NONE, last = ML_DATE_NONE;

  ml_date_widen (&first, &last, ml_element_get_date (indicator, ML_INDICATOR_BASELINE_DATE));
  ml_date_widen (&first, &last, ml_element_get_date (indicator, ML_INDICATOR_TARGET_DATE));
  ml_date_widen (&first, &last, today);
  include_value (&low, &high, ml_element_get_number (indicator, ML_INDICATOR_BASELINE));
  include_value (&low, &high, ml_element_get_number (indicator, ML_INDICATOR_TARGET));
  for (guint i = 0; measurements != NULL && i < measurements->len; i++)
    {
      MlElement *measurement = g_ptr_array_index (measurements, i);

      ml_date_widen (&first, &last, ml_element_get_date (measurement, ML_MEASUREMENT_DATE));
      include_value (&low, &high, ml_element_get_number (measurement, ML_MEASUREMENT_VALUE));
    }

  if (first == ML_DATE_NONE)
    {
      first = ml_date_today () - EMPTY_SPAN_DAYS;
      last = first + 2 * EMPTY_SPAN_DAYS;
    }
  else if (first == last)
    {
      first -= MIN (first - 1, SINGLE_SPAN_DAYS);
      last += SINGLE_SPAN_DAYS;
    }
  axes->first = first;
  axes->last = last;

  if (isnan (low))
    {
      low = 0;
      high = 1;
    }
  else if (low == high)
    {
      double pad = fabs (low) > 0 ? fabs (low) * 0.1 : 1;

      low -= pad;
      high += pad;
    }
  axes->step = round_step ((high - low) / N_VALUE_TICKS);
  axes->low = floor (low / axes->step) * axes->step;
  axes->high = ceil (high / axes->step) * axes->step;
}

static double
map_x (const MlIndicatorChartAxes *axes,
       MlDate                      date)
{
  return axes->plot_x + axes->plot_width * (double) ((gint64) date - axes->first) /
                        (double) (axes->last - axes->first);
}

static double
map_y (const MlIndicatorChartAxes *axes,
       double                      value)
{
  return axes->plot_y + axes->plot_height -
         axes->plot_height * (value - axes->low) / (axes->high - axes->low);
}

static double
get_title_height (const MlStyle *style)
{
  return style->font_size * 1.5;
}

static double
get_line_height (const MlStyle *style)
{
  return style->small_font_size * 1.5;
}

static char *
format_value (double value,
              double step)
{
  int decimals = step >= 1 ? 0 : (int) ceil (-log10 (step));

  /* Avoid "-0" for a tick that is zero up to rounding. */
  if (fabs (value) < step * 1e-6)
    value = 0;

  return g_strdup_printf ("%.*f", decimals, value);
}

static double
get_text_width (PangoLayout *layout,
                const char  *text)
{
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

static double
get_tick_label_width (PangoLayout                *layout,
                      const MlIndicatorChartAxes *axes)
{
  double widest = 0;

  for (double v = axes->low; v <= axes->high + axes->step / 2; v += axes->step)
    {
      g_autofree char *text = format_value (v, axes->step);

      widest = MAX (widest, get_text_width (layout, text));
    }

  return widest;
}

static void
create_layouts (const MlStyle *style,
                Layouts       *layouts)
{
  PangoContext *context = ml_style_create_pango_context ();

  layouts->title = ml_style_create_layout (context, style->font_family, style->font_size,
                                           PANGO_WEIGHT_BOLD);
  layouts->small = ml_style_create_layout (context, style->font_family, style->small_font_size,
                                           PANGO_WEIGHT_NORMAL);
  /* The layouts keep the context alive. */
  g_object_unref (context);
}

static void
clear_layouts (Layouts *layouts)
{
  g_clear_object (&layouts->title);
  g_clear_object (&layouts->small);
}

static void
compute_axes (MlElement            *indicator,
              MlDate                today,
              const MlStyle        *style,
              PangoLayout          *small,
              double                x,
              double                y,
              double                width,
              double                height,
              MlIndicatorChartAxes *axes)
{
  double pad = style->small_font_size * 0.5;
  /* The top tick's label is centred on the plot's top edge: leave it room below the unit. */
  double top = get_title_height (style) + get_line_height (style) + style->small_font_size;
  double bottom = get_line_height (style) + pad;
  double left;

  compute_ranges (indicator, today, axes);
  left = get_tick_label_width (small, axes) + 2 * pad;
  axes->plot_x = x + left;
  axes->plot_y = y + top;
  axes->plot_width = MAX (1, width - left - 2 * pad);
  axes->plot_height = MAX (1, height - top - bottom);
}

static void
draw_value_axis (cairo_t                    *cr,
                 const MlStyle              *style,
                 PangoLayout                *layout,
                 const MlIndicatorChartAxes *axes)
{
  double pad = style->small_font_size * 0.5;

  cairo_set_line_width (cr, style->line_width);
  for (double v = axes->low; v <= axes->high + axes->step / 2; v += axes->step)
    {
      g_autofree char *text = format_value (v, axes->step);
      double y = map_y (axes, v);
      double label_width = get_text_width (layout, text);

      ml_style_set_source (cr, &style->grid);
      cairo_move_to (cr, axes->plot_x, y);
      cairo_line_to (cr, axes->plot_x + axes->plot_width, y);
      cairo_stroke (cr);
      ml_style_show_text (cr, layout, text, axes->plot_x - pad - label_width, y,
                          label_width + 1, &style->dim);
    }
}

static void
draw_year (cairo_t                    *cr,
           const MlStyle              *style,
           PangoLayout                *layout,
           const MlIndicatorChartAxes *axes,
           int                         year,
           double                      label_width)
{
  g_autofree char *text = g_strdup_printf ("%d", year);
  double x = map_x (axes, ml_date_from_ymd (year, 1, 1));
  double bottom = axes->plot_y + axes->plot_height;

  ml_style_set_source (cr, &style->grid);
  cairo_move_to (cr, x, axes->plot_y);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);
  if (x - label_width / 2 >= axes->plot_x - label_width / 4 &&
      x + label_width / 2 <= axes->plot_x + axes->plot_width + label_width / 4)
    ml_style_show_text (cr, layout, text, x - label_width / 2,
                        bottom + get_line_height (style) / 2 + style->small_font_size * 0.25,
                        label_width + 1, &style->dim);
}

/* Years as ticks, as many as fit side by side with a gap. */
static void
draw_time_axis (cairo_t                    *cr,
                const MlStyle              *style,
                PangoLayout                *layout,
                const MlIndicatorChartAxes *axes)
{
  g_autoptr(GDate) first = g_date_new_julian (axes->first);
  g_autoptr(GDate) last = g_date_new_julian (axes->last);
  int first_year = g_date_get_year (first) + 1;
  int last_year = g_date_get_year (last);
  double label_width = get_text_width (layout, "0000");
  double per_year = axes->plot_width * 365.25 / (axes->last - axes->first);
  int every = MAX (1, (int) ceil (label_width * 1.5 / MAX (per_year, 1e-3)));

  cairo_set_line_width (cr, style->line_width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  for (int year = first_year; year <= last_year; year++)
    if (year % every == 0)
      draw_year (cr, style, layout, axes, year, label_width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
}

static void
draw_trajectory (cairo_t                    *cr,
                 const MlStyle              *style,
                 MlElement                  *indicator,
                 const MlIndicatorChartAxes *axes)
{
  double dash = style->line_width * 4;
  MlDate baseline_date = ml_element_get_date (indicator, ML_INDICATOR_BASELINE_DATE);
  MlDate target_date = ml_element_get_date (indicator, ML_INDICATOR_TARGET_DATE);
  double tx, ty, r = style->small_font_size * 0.45;

  if (!ml_indicator_is_measurable (indicator))
    return;

  tx = map_x (axes, target_date);
  ty = map_y (axes, ml_element_get_number (indicator, ML_INDICATOR_TARGET));
  cairo_save (cr);
  ml_style_set_source (cr, &style->dim);
  cairo_set_line_width (cr, style->line_width * 1.5);
  cairo_set_dash (cr, &dash, 1, 0);
  cairo_move_to (cr, map_x (axes, baseline_date),
                 map_y (axes, ml_element_get_number (indicator, ML_INDICATOR_BASELINE)));
  cairo_line_to (cr, tx, ty);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The target is a diamond, unlike the round measurements. */
  cairo_move_to (cr, tx, ty - r * 1.4);
  cairo_line_to (cr, tx + r * 1.4, ty);
  cairo_line_to (cr, tx, ty + r * 1.4);
  cairo_line_to (cr, tx - r * 1.4, ty);
  cairo_close_path (cr);
  ml_style_set_source (cr, &style->background);
  cairo_fill_preserve (cr);
  ml_style_set_source (cr, &style->foreground);
  cairo_set_line_width (cr, style->line_width * 1.5);
  cairo_stroke (cr);
}

static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  MlElement *ma = *(MlElement **) a;
  MlElement *mb = *(MlElement **) b;
  MlDate da = ml_element_get_date (ma, ML_MEASUREMENT_DATE);
  MlDate db = ml_element_get_date (mb, ML_MEASUREMENT_DATE);

  return da < db ? -1 : da > db;
}

static void
draw_measurements (cairo_t                    *cr,
                   const MlStyle              *style,
                   MlElement                  *indicator,
                   const MlIndicatorChartAxes *axes)
{
  GPtrArray *children = ml_element_get_children (indicator, ML_KIND_MEASUREMENT);
  g_autoptr(GPtrArray) measurements = g_ptr_array_new ();
  double r = style->small_font_size * 0.4;

  for (guint i = 0; children != NULL && i < children->len; i++)
    {
      MlElement *m = g_ptr_array_index (children, i);

      if (ml_element_get_date (m, ML_MEASUREMENT_DATE) != ML_DATE_NONE &&
          !isnan (ml_element_get_number (m, ML_MEASUREMENT_VALUE)))
        g_ptr_array_add (measurements, m);
    }
  g_ptr_array_sort (measurements, compare_by_date);

  ml_style_set_source (cr, &style->accent);
  cairo_set_line_width (cr, style->line_width * 2);
  for (guint i = 0; i < measurements->len; i++)
    {
      MlElement *m = g_ptr_array_index (measurements, i);

      cairo_line_to (cr, map_x (axes, ml_element_get_date (m, ML_MEASUREMENT_DATE)),
                     map_y (axes, ml_element_get_number (m, ML_MEASUREMENT_VALUE)));
    }
  cairo_stroke (cr);
  for (guint i = 0; i < measurements->len; i++)
    {
      MlElement *m = g_ptr_array_index (measurements, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, map_x (axes, ml_element_get_date (m, ML_MEASUREMENT_DATE)),
                 map_y (axes, ml_element_get_number (m, ML_MEASUREMENT_VALUE)), r, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

/* The line of today, named at its top: beside it on the right, or on the left near the end. */
static void
draw_today (cairo_t                    *cr,
            const MlStyle              *style,
            PangoLayout                *layout,
            const MlIndicatorChartAxes *axes,
            MlDate                      today)
{
  double x = map_x (axes, today);
  double gap = style->small_font_size * 0.3;
  const char *label = _("Today");
  double width = get_text_width (layout, label);

  ml_style_set_source (cr, &style->critical);
  cairo_set_line_width (cr, style->line_width);
  cairo_move_to (cr, x, axes->plot_y);
  cairo_line_to (cr, x, axes->plot_y + axes->plot_height);
  cairo_stroke (cr);

  ml_style_show_text (cr, layout, label,
                      x + gap + width <= axes->plot_x + axes->plot_width ? x + gap
                                                                          : x - gap - width,
                      axes->plot_y + style->small_font_size * 0.7, width, &style->critical);
}

/* Returns the width the badge takes at the right edge of the title row. */
static double
draw_badge (cairo_t           *cr,
            const MlStyle     *style,
            PangoLayout       *layout,
            MlIndicatorStatus  status,
            double             right,
            double             center_y,
            double             max_width)
{
  const char *label = ml_indicator_status_get_label (status);
  const MlColor *fill = get_status_color (style, status);
  MlColor text = ml_style_text_on (style, fill);
  double inset = style->small_font_size * 0.5;
  double width = MIN (get_text_width (layout, label) + 2 * inset, max_width);
  double height = style->small_font_size * 1.5;

  cairo_rectangle (cr, right - width, center_y - height / 2, width, height);
  ml_style_set_source (cr, fill);
  cairo_fill (cr);
  ml_style_show_text (cr, layout, label, right - width + inset, center_y, width - 2 * inset,
                      &text);

  return width;
}

static void
draw_chart (MlElement     *indicator,
            MlDate         today,
            const MlStyle *style,
            Layouts       *layouts,
            cairo_t       *cr,
            double         x,
            double         y,
            double         width,
            double         height)
{
  MlIndicatorChartAxes axes;
  MlIndicatorStatus status = ml_indicator_get_status (indicator, today, NULL);
  const char *unit = ml_element_get_string (indicator, ML_INDICATOR_UNIT);
  double pad = style->small_font_size * 0.5;
  double title_y = y + get_title_height (style) / 2;
  double badge;

  compute_axes (indicator, today, style, layouts->small, x, y, width, height, &axes);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  badge = draw_badge (cr, style, layouts->small, status, x + width - pad, title_y, width / 2);
  ml_style_show_text (cr, layouts->title, ml_element_get_label (indicator), x + pad, title_y,
                      width - badge - 3 * pad, &style->foreground);
  if (unit != NULL && *unit != '\0')
    ml_style_show_text (cr, layouts->small, unit, x + pad,
                        y + get_title_height (style) + get_line_height (style) / 2,
                        width - 2 * pad, &style->dim);

  draw_value_axis (cr, style, layouts->small, &axes);
  draw_time_axis (cr, style, layouts->small, &axes);
  /* Markers on the plot's edge, like the target at the end of the axis, are drawn whole: the
   * clip reaches the 2 × pad margin to the right of the plot.
   */
  cairo_save (cr);
  cairo_rectangle (cr, axes.plot_x - 2 * pad, axes.plot_y - 2 * pad, axes.plot_width + 4 * pad,
                   axes.plot_height + 4 * pad);
  cairo_clip (cr);
  draw_today (cr, style, layouts->small, &axes, today);
  draw_trajectory (cr, style, indicator, &axes);
  draw_measurements (cr, style, indicator, &axes);
  cairo_restore (cr);
  cairo_restore (cr);
}

/**
 * ml_indicator_chart_get_axes:
 * @indicator: an indicator
 * @today: the date drawn as today
 * @style: how to draw
 * @x: the left edge of the chart
 * @y: the top edge
 * @width: the chart's width
 * @height: its height
 * @axes: (out caller-allocates): where the plot goes and what its axes span
 *
 * Works out what ml_indicator_chart_draw() maps dates and values by, with the same arguments.
 */
void
ml_indicator_chart_get_axes (MlElement            *indicator,
                             MlDate                today,
                             const MlStyle        *style,
                             double                x,
                             double                y,
                             double                width,
                             double                height,
                             MlIndicatorChartAxes *axes)
{
  Layouts layouts;

  g_return_if_fail (ML_IS_ELEMENT (indicator));
  g_return_if_fail (style != NULL && axes != NULL);

  create_layouts (style, &layouts);
  compute_axes (indicator, today, style, layouts.small, x, y, width, height, axes);
  clear_layouts (&layouts);
}

/**
 * ml_indicator_chart_get_header_height:
 * @style: how the chart is drawn
 *
 * The height of the name and unit lines at the top of every chart. A caller that shows them
 * itself, in widgets, draws the chart that much above its area to leave them out.
 *
 * Returns: the height, in the units of @style
 */
double
ml_indicator_chart_get_header_height (const MlStyle *style)
{
  g_return_val_if_fail (style != NULL, 0);

  return get_title_height (style) + get_line_height (style);
}

/**
 * ml_indicator_chart_draw:
 * @indicator: an indicator
 * @today: the date drawn as today and that the status is judged by
 * @style: how to draw
 * @cr: where to draw
 * @x: the left edge of the chart
 * @y: the top edge
 * @width: the chart's width
 * @height: its height
 *
 * Draws one indicator: its name, unit and status, the years from its baseline to its target
 * (and to any measurement and today beyond them), round values, the straight dashed path from
 * baseline to target with the target as a diamond, the measurements as dots joined by a line
 * and today as a vertical line.
 */
void
ml_indicator_chart_draw (MlElement     *indicator,
                         MlDate         today,
                         const MlStyle *style,
                         cairo_t       *cr,
                         double         x,
                         double         y,
                         double         width,
                         double         height)
{
  Layouts layouts;

  g_return_if_fail (ML_IS_ELEMENT (indicator));
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  create_layouts (style, &layouts);
  draw_chart (indicator, today, style, &layouts, cr, x, y, width, height);
  clear_layouts (&layouts);
}

/**
 * ml_indicator_sheet_draw:
 * @project: a project
 * @today: the date drawn as today and that statuses are judged by
 * @style: how to draw
 * @cr: where to draw, with the sheet's top-left corner at the origin
 * @width: the width to fill
 * @height: the height to fill
 *
 * Draws every indicator of @project as a small chart in a grid whose columns suit the number
 * of charts and the shape of the page.
 */
void
ml_indicator_sheet_draw (MlProject     *project,
                         MlDate         today,
                         const MlStyle *style,
                         cairo_t       *cr,
                         double         width,
                         double         height)
{
  g_autoptr(GPtrArray) indicators = NULL;
  Layouts layouts;
  double margin, cell_width, cell_height;
  guint columns, rows;

  g_return_if_fail (ML_IS_PROJECT (project));
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  indicators = ml_project_collect (project, ML_KIND_INDICATOR);
  margin = style->font_size;
  create_layouts (style, &layouts);

  cairo_save (cr);
  ml_style_set_source (cr, &style->background);
  cairo_paint (cr);

  if (indicators->len == 0)
    {
      ml_style_show_text (cr, layouts.title, _("No indicators"), margin, margin * 2,
                          width - 2 * margin, &style->dim);
      cairo_restore (cr);
      clear_layouts (&layouts);
      return;
    }

  /* Charts read best about half again as wide as they are tall. */
  columns = (guint) CLAMP (round (sqrt (indicators->len * width / (height * 1.5))), 1,
                           indicators->len);
  rows = (indicators->len + columns - 1) / columns;
  cell_width = (width - margin * (columns + 1)) / columns;
  cell_height = (height - margin * (rows + 1)) / rows;

  for (guint i = 0; i < indicators->len; i++)
    draw_chart (g_ptr_array_index (indicators, i), today, style, &layouts, cr,
                margin + (i % columns) * (cell_width + margin),
                margin + (i / columns) * (cell_height + margin), MAX (cell_width, 1),
                MAX (cell_height, 1));

  cairo_restore (cr);
  clear_layouts (&layouts);
}
