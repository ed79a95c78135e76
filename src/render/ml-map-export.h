/* ml-map-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholder map as a file to hand out: a PNG, an SVG or a one-page PDF, drawn by the same
 * renderer as the screen.
 */

#pragma once

#include "ml-layout.h"
#include "ml-roadmap-export.h"

G_BEGIN_DECLS

typedef struct
{
  MlRoadmapFormat format;   /* PNG, SVG or PDF */
  MlLayoutKind    layout;
  MlStyleKind     style;
  int             width;    /* pixels; points for PDF */
  int             height;
} MlMapExportOptions;

void     ml_map_export_options_init (MlMapExportOptions       *options,
                                     MlRoadmapFormat           format);
MlLayout *ml_map_export_create_layout (MlProject              *project,
                                       MlLayoutKind            kind);
gboolean ml_map_export              (MlProject                *project,
                                     const MlMapExportOptions *options,
                                     const char               *path,
                                     GError                  **error);

G_END_DECLS
