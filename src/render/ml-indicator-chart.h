/* ml-indicator-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indicator charts drawn with Cairo: the straight path from baseline to target, the
 * measurements so far, today and the status; one chart, or a sheet of all of a project's.
 */

#pragma once

#include "ml-date.h"
#include "ml-element.h"
#include "ml-project.h"
#include "ml-style.h"

G_BEGIN_DECLS

/* Where a chart puts its plot and what its axes span, so that callers can map values to
 * points the way the chart does.
 */
typedef struct
{
  double plot_x, plot_y, plot_width, plot_height;
  MlDate first, last;   /* the time axis, left to right */
  double low, high;     /* the value axis, bottom to top */
  double step;          /* between value ticks */
} MlIndicatorChartAxes;

void ml_indicator_chart_get_axes (MlElement            *indicator,
                                  MlDate                today,
                                  const MlStyle        *style,
                                  double                x,
                                  double                y,
                                  double                width,
                                  double                height,
                                  MlIndicatorChartAxes *axes);
double ml_indicator_chart_get_header_height (const MlStyle *style);
void ml_indicator_chart_draw     (MlElement            *indicator,
                                  MlDate                today,
                                  const MlStyle        *style,
                                  cairo_t              *cr,
                                  double                x,
                                  double                y,
                                  double                width,
                                  double                height);
void ml_indicator_sheet_draw     (MlProject            *project,
                                  MlDate                today,
                                  const MlStyle        *style,
                                  cairo_t              *cr,
                                  double                width,
                                  double                height);

G_END_DECLS
