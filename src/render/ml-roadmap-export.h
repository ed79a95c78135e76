/* ml-roadmap-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap as a file to hand out: one PNG or SVG image of a window of time and every row,
 * or a PDF of landscape pages that split a long roadmap across time and down its rows, each
 * page with the axis, the names and a legend.
 */

#pragma once

#include "ml-project.h"
#include "ml-style.h"

G_BEGIN_DECLS

typedef enum
{
  ML_ROADMAP_FORMAT_PNG,
  ML_ROADMAP_FORMAT_SVG,
  ML_ROADMAP_FORMAT_PDF,
} MlRoadmapFormat;

typedef enum
{
  ML_PAPER_A4,
  ML_PAPER_A3,
} MlPaperSize;

typedef struct
{
  MlRoadmapFormat format;
  MlDate          from;       /* the first day shown; ML_DATE_NONE: the roadmap's horizon */
  MlDate          to;         /* the last day shown; ML_DATE_NONE: the roadmap's horizon */
  int             width;      /* PNG and SVG, in pixels; 0: 1920 */
  MlStyleKind     style;
  MlPaperSize     paper;      /* PDF, in landscape */
  MlDate          today;      /* where to draw the today line; ML_DATE_NONE: nowhere */
  int             page_days;  /* PDF: days across one page; 0: chosen to keep labels legible */
} MlRoadmapExportOptions;

#define ML_ROADMAP_EXPORT_DEFAULT_WIDTH 1920

void     ml_roadmap_export_options_init (MlRoadmapExportOptions       *options,
                                         MlRoadmapFormat               format);
gboolean ml_roadmap_format_from_string  (const char                   *name,
                                         MlRoadmapFormat              *format);
gboolean ml_paper_size_from_string      (const char                   *name,
                                         MlPaperSize                  *paper);
guint    ml_roadmap_export_count_pages  (MlProject                    *project,
                                         const MlRoadmapExportOptions *options);
gboolean ml_roadmap_export              (MlProject                    *project,
                                         const MlRoadmapExportOptions *options,
                                         const char                   *path,
                                         GError                      **error);

G_END_DECLS
