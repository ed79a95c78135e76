/* ml-indicator-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sheet of all indicator charts as a file to hand out: a PNG, an SVG or a one-page PDF.
 */

#pragma once

#include "ml-roadmap-export.h"

G_BEGIN_DECLS

typedef struct
{
  MlRoadmapFormat format;   /* PNG, SVG or PDF */
  MlStyleKind     style;
  int             width;    /* pixels; points for PDF */
  int             height;
  MlDate          today;    /* drawn as today and what statuses are judged by */
} MlIndicatorExportOptions;

void     ml_indicator_export_options_init (MlIndicatorExportOptions       *options,
                                           MlRoadmapFormat                 format);
gboolean ml_indicator_export              (MlProject                      *project,
                                           const MlIndicatorExportOptions *options,
                                           const char                     *path,
                                           GError                        **error);

G_END_DECLS
