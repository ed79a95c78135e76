/* ml-mix-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy-mix matrix as a file to hand out: a PNG, an SVG or a one-page PDF, drawn by the
 * same renderer as the screen.
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
} MlMixExportOptions;

void     ml_mix_export_options_init (MlMixExportOptions       *options,
                                     MlRoadmapFormat           format);
gboolean ml_mix_export              (MlProject                *project,
                                     const MlMixExportOptions *options,
                                     const char               *path,
                                     GError                  **error);

G_END_DECLS
