/* ml-indicator-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-indicator-export"

#include "config.h"

#include "ml-indicator-chart.h"
#include "ml-indicator-export.h"
#include "ml-page-export.h"

/**
 * ml_indicator_export_options_init:
 * @options: the options to fill
 * @format: the format to write
 *
 * Fills @options with the defaults of @format, judging statuses by today's date.
 */
void
ml_indicator_export_options_init (MlIndicatorExportOptions *options,
                                  MlRoadmapFormat           format)
{
  g_return_if_fail (options != NULL);

  options->format = format;
  options->today = ml_date_today ();
  ml_page_export_defaults (format, &options->style, &options->width, &options->height);
}

typedef struct
{
  MlProject     *project;
  MlDate         today;
  const MlStyle *style;
} IndicatorPage;

static void
draw_sheet (cairo_t  *cr,
            int       width,
            int       height,
            gpointer  user_data)
{
  IndicatorPage *page = user_data;

  ml_indicator_sheet_draw (page->project, page->today, page->style, cr, width, height);
}

/**
 * ml_indicator_export:
 * @project: a project
 * @options: what to write
 * @path: where; replaced atomically, so a failed export leaves an existing file as it was
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
ml_indicator_export (MlProject                      *project,
                     const MlIndicatorExportOptions *options,
                     const char                     *path,
                     GError                        **error)
{
  IndicatorPage page;

  g_return_val_if_fail (ML_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL && options->width > 0 && options->height > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  page.project = project;
  page.today = options->today;
  page.style = ml_style_get (options->style);

  return ml_page_export (options->format, options->width, options->height, draw_sheet, &page,
                         path, error);
}
