/* ml-page-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page drawn by a renderer, written as a PNG, an SVG or a one-page PDF: what the map and
 * policy-mix exports share.
 */

#pragma once

#include <cairo.h>

#include "ml-roadmap-export.h"

G_BEGIN_DECLS

typedef void (*MlPageDrawFunc) (cairo_t  *cr,
                                int       width,
                                int       height,
                                gpointer  user_data);

void     ml_page_export_defaults (MlRoadmapFormat   format,
                                  MlStyleKind      *style,
                                  int              *width,
                                  int              *height);
cairo_status_t ml_page_export_append (void                *closure,
                                      const unsigned char *data,
                                      unsigned int         length);
gboolean ml_page_export_save     (GByteArray        *buffer,
                                  cairo_status_t     status,
                                  const char        *path,
                                  GError           **error);
gboolean ml_page_export          (MlRoadmapFormat   format,
                                  int               width,
                                  int               height,
                                  MlPageDrawFunc    draw,
                                  gpointer          user_data,
                                  const char       *path,
                                  GError          **error);

G_END_DECLS
