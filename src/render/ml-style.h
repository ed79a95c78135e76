/* ml-style.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the renderers draw: colours, type sizes and line widths for the screen (light and dark),
 * a projector in a room (large type, thick lines, WCAG AAA contrast), print, and the desktop's
 * high-contrast setting (the projector's contrast at screen sizes, light or dark).
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>
#include <glib.h>

#include "ml-enums.h"

G_BEGIN_DECLS

typedef enum
{
  ML_STYLE_SCREEN,
  ML_STYLE_SCREEN_DARK,
  ML_STYLE_PROJECTOR,
  ML_STYLE_PRINT,
  ML_STYLE_HIGH_CONTRAST,
  ML_STYLE_HIGH_CONTRAST_DARK,
} MlStyleKind;

typedef struct
{
  double red, green, blue, alpha;
} MlColor;

typedef struct
{
  MlStyleKind kind;
  gboolean    high_contrast;    /* every colour of text and lines reaches 7:1 */
  const char *font_family;
  double      font_size;        /* body text, in pixels (points for print, the PDF unit) */
  double      small_font_size;  /* axis ticks, captions */
  double      line_width;
  double      row_height;       /* one lane row of the timeline */
  double      header_width;     /* the column of workstream and activity names */
  MlColor     background;
  MlColor     foreground;       /* text and strong lines */
  MlColor     dim;              /* secondary text, dependency arrows */
  MlColor     grid;             /* vertical grid lines, lane separators */
  MlColor     lane;             /* alternate lane shading */
  MlColor     accent;           /* selection, today line */
  MlColor     critical;         /* the critical path */
  MlColor     status[5];        /* by MlActivityStatus: the done part of a bar */
  MlColor     outcome[4];       /* by MlOutcome */
} MlStyle;

const MlStyle *ml_style_get              (MlStyleKind     kind);
MlStyle        ml_style_scale_text       (const MlStyle  *style,
                                          double          scale);
gboolean       ml_style_kind_from_string (const char     *name,
                                          gboolean        dark,
                                          MlStyleKind    *kind);
void           ml_style_set_source       (cairo_t        *cr,
                                          const MlColor  *color);
PangoContext  *ml_style_create_pango_context (void);
PangoLayout   *ml_style_create_layout    (PangoContext   *context,
                                          const char     *family,
                                          double          size,
                                          PangoWeight     weight);
void           ml_style_draw_link_line   (cairo_t        *cr,
                                          const MlStyle  *style,
                                          double          x0,
                                          double          y0,
                                          double          x1,
                                          double          y1);
double         ml_color_contrast         (const MlColor  *a,
                                          const MlColor  *b);
MlColor        ml_color_mix              (const MlColor  *a,
                                          const MlColor  *b,
                                          double          t);
MlColor        ml_style_text_on          (const MlStyle  *style,
                                          const MlColor  *fill);
void           ml_style_show_text        (cairo_t        *cr,
                                          PangoLayout    *layout,
                                          const char     *text,
                                          double          x,
                                          double          center_y,
                                          double          width,
                                          const MlColor  *color);

G_END_DECLS
