/* ml-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The looks of the renderers. Screen colours are GNOME's palette, as in Adwaita; the
 * projector look is made for the back of a room, where projectors wash out pale colours and
 * thin lines: large type, thick lines, and every colour used for text, arrows and outlines
 * reaches the WCAG AAA contrast of 7:1 against the background (tests/test-render.c checks
 * it); only the grid, which structures and carries no meaning, stays light. Print sizes
 * are points, the unit of cairo's PDF surface.
 */

#define G_LOG_DOMAIN "ml-style"

#include "config.h"

#include <math.h>

#include "ml-style.h"

/* Fontconfig takes the first family installed: Cantarell on GNOME, else Noto or DejaVu. */
#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, sans-serif"

/* Type and rows for a screen at arm's length. */
#define SCREEN_SIZES \
    .font_family = FONT_FAMILY, \
    .font_size = 14, \
    .small_font_size = 12, \
    .row_height = 34, \
    .header_width = 280

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Black on white: a projector shows white as its brightest light, so the room can read it
 * even with the lights on. Fills that carry text are either dark (white text) or light
 * (black text), never mid-tones. The desktop's high-contrast setting gets the same colours.
 */
#define HIGH_CONTRAST_LIGHT_COLOURS \
    .background = RGB (0xffffff), \
    .foreground = RGB (0x000000), \
    .dim = RGB (0x3d3846), \
    .grid = RGB (0xc0bfbc), \
    .lane = RGB (0xeeeeec), \
    .accent = RGB (0x613583), \
    .critical = RGB (0xa51d2d), \
    .status = { \
      [ML_STATUS_PLANNED] = RGB (0x3d4f66), \
      [ML_STATUS_ACTIVE] = RGB (0x154a96), \
      [ML_STATUS_AT_RISK] = RGB (0xf5c211), \
      [ML_STATUS_STOPPED] = RGB (0x55535b), \
      [ML_STATUS_DONE] = RGB (0x0f5a34), \
    }, \
    .outcome = { \
      [ML_OUTCOME_PENDING] = RGB (0x55535b), \
      [ML_OUTCOME_CONTINUE] = RGB (0x0f5a34), \
      [ML_OUTCOME_PIVOT] = RGB (0x8a3c00), \
      [ML_OUTCOME_STOP] = RGB (0xa51d2d), \
    },

static const MlStyle styles[] = {
  [ML_STYLE_SCREEN] = {
    .kind = ML_STYLE_SCREEN,
    SCREEN_SIZES,
    .line_width = 1,
    .background = RGB (0xffffff),
    .foreground = RGB (0x1e1e1e),
    .dim = RGB (0x5e5c64),
    .grid = RGB (0xdeddda),
    .lane = RGB (0xf6f5f4),
    .accent = RGB (0x3584e4),
    .critical = RGB (0xe01b24),
    .status = {
      [ML_STATUS_PLANNED] = RGB (0x8c9bb0),
      [ML_STATUS_ACTIVE] = RGB (0x3584e4),
      [ML_STATUS_AT_RISK] = RGB (0xe5a50a),
      [ML_STATUS_STOPPED] = RGB (0x9a9996),
      [ML_STATUS_DONE] = RGB (0x2ec27e),
    },
    .outcome = {
      [ML_OUTCOME_PENDING] = RGB (0x9a9996),
      [ML_OUTCOME_CONTINUE] = RGB (0x26a269),
      [ML_OUTCOME_PIVOT] = RGB (0xe66100),
      [ML_OUTCOME_STOP] = RGB (0xe01b24),
    },
  },
  [ML_STYLE_SCREEN_DARK] = {
    .kind = ML_STYLE_SCREEN_DARK,
    SCREEN_SIZES,
    .line_width = 1,
    .background = RGB (0x1e1e1e),
    .foreground = RGB (0xffffff),
    .dim = RGB (0xc0bfbc),
    .grid = RGB (0x3d3d3d),
    .lane = RGB (0x262626),
    .accent = RGB (0x78aeed),
    .critical = RGB (0xff7b63),
    .status = {
      [ML_STATUS_PLANNED] = RGB (0x8c9bb0),
      [ML_STATUS_ACTIVE] = RGB (0x3584e4),
      [ML_STATUS_AT_RISK] = RGB (0xe5a50a),
      [ML_STATUS_STOPPED] = RGB (0x77767b),
      [ML_STATUS_DONE] = RGB (0x2ec27e),
    },
    .outcome = {
      [ML_OUTCOME_PENDING] = RGB (0x9a9996),
      [ML_OUTCOME_CONTINUE] = RGB (0x2ec27e),
      [ML_OUTCOME_PIVOT] = RGB (0xff7800),
      [ML_OUTCOME_STOP] = RGB (0xf66151),
    },
  },
  [ML_STYLE_PROJECTOR] = {
    .kind = ML_STYLE_PROJECTOR,
    .high_contrast = TRUE,
    .font_family = FONT_FAMILY,
    .font_size = 26,
    .small_font_size = 22,
    .line_width = 3,
    .row_height = 58,
    .header_width = 440,
    HIGH_CONTRAST_LIGHT_COLOURS
  },
  /* Sizes in points: 8 pt names stay legible on A4 at arm's length. */
  [ML_STYLE_PRINT] = {
    .kind = ML_STYLE_PRINT,
    .font_family = FONT_FAMILY,
    .font_size = 8,
    .small_font_size = 6.5,
    .line_width = 0.6,
    .row_height = 17,
    .header_width = 140,
    .background = RGB (0xffffff),
    .foreground = RGB (0x000000),
    .dim = RGB (0x3d3846),
    .grid = RGB (0xc0bfbc),
    .lane = RGB (0xf3f3f1),
    .accent = RGB (0x1c71d8),
    .critical = RGB (0xc01c28),
    .status = {
      [ML_STATUS_PLANNED] = RGB (0x8c9bb0),
      [ML_STATUS_ACTIVE] = RGB (0x3584e4),
      [ML_STATUS_AT_RISK] = RGB (0xe5a50a),
      [ML_STATUS_STOPPED] = RGB (0x9a9996),
      [ML_STATUS_DONE] = RGB (0x26a269),
    },
    .outcome = {
      [ML_OUTCOME_PENDING] = RGB (0x77767b),
      [ML_OUTCOME_CONTINUE] = RGB (0x26a269),
      [ML_OUTCOME_PIVOT] = RGB (0xe66100),
      [ML_OUTCOME_STOP] = RGB (0xc01c28),
    },
  },
  /* The desktop's high-contrast setting: the projector's colours at screen sizes, lines a
   * little heavier; and their counterpart on black, where fills that carry text are light.
   */
  [ML_STYLE_HIGH_CONTRAST] = {
    .kind = ML_STYLE_HIGH_CONTRAST,
    .high_contrast = TRUE,
    SCREEN_SIZES,
    .line_width = 2,
    HIGH_CONTRAST_LIGHT_COLOURS
  },
  [ML_STYLE_HIGH_CONTRAST_DARK] = {
    .kind = ML_STYLE_HIGH_CONTRAST_DARK,
    .high_contrast = TRUE,
    SCREEN_SIZES,
    .line_width = 2,
    .background = RGB (0x000000),
    .foreground = RGB (0xffffff),
    .dim = RGB (0xdeddda),
    .grid = RGB (0x5e5c64),
    .lane = RGB (0x1a1a1a),
    .accent = RGB (0x99c1f1),
    .critical = RGB (0xff7b63),
    .status = {
      [ML_STATUS_PLANNED] = RGB (0xc0bfbc),
      [ML_STATUS_ACTIVE] = RGB (0x62a0ea),
      [ML_STATUS_AT_RISK] = RGB (0xf8e45c),
      [ML_STATUS_STOPPED] = RGB (0x9a9996),
      [ML_STATUS_DONE] = RGB (0x8ff0a4),
    },
    .outcome = {
      [ML_OUTCOME_PENDING] = RGB (0xc0bfbc),
      [ML_OUTCOME_CONTINUE] = RGB (0x8ff0a4),
      [ML_OUTCOME_PIVOT] = RGB (0xffa348),
      [ML_OUTCOME_STOP] = RGB (0xff7b63),
    },
  },
};

/* The WCAG 2 relative luminance of an sRGB colour. */
static double
get_luminance (const MlColor *color)
{
  const double channels[3] = { color->red, color->green, color->blue };
  const double weights[3] = { 0.2126, 0.7152, 0.0722 };
  double luminance = 0;

  for (guint i = 0; i < 3; i++)
    {
      double c = CLAMP (channels[i], 0.0, 1.0);

      c = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
      luminance += weights[i] * c;
    }

  return luminance;
}

/**
 * ml_style_get:
 * @kind: which look
 *
 * Returns: (transfer none): the style, a constant
 */
const MlStyle *
ml_style_get (MlStyleKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (styles), &styles[ML_STYLE_SCREEN]);

  return &styles[kind];
}

/**
 * ml_style_scale_text:
 * @style: a style
 * @scale: how much larger text should be, as the desktop's large-text setting asks
 *
 * Type and what is measured in lines of type (rows, the name column) grow by @scale; lines
 * and colours stay.
 *
 * Returns: a copy of @style with larger (or smaller) text
 */
MlStyle
ml_style_scale_text (const MlStyle *style,
                     double         scale)
{
  MlStyle scaled = *style;

  g_return_val_if_fail (scale > 0, scaled);

  scaled.font_size *= scale;
  scaled.small_font_size *= scale;
  scaled.row_height = round (style->row_height * scale);
  scaled.header_width = round (style->header_width * scale);

  return scaled;
}

/**
 * ml_style_kind_from_string:
 * @name: `screen`, `screen-dark`, `dark`, `projector` or `print`
 * @dark: whether `screen` means the dark variant (the desktop prefers dark)
 * @kind: (out): the style
 *
 * Returns: whether @name names a style
 */
gboolean
ml_style_kind_from_string (const char  *name,
                           gboolean     dark,
                           MlStyleKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (g_strcmp0 (name, "screen") == 0)
    *kind = dark ? ML_STYLE_SCREEN_DARK : ML_STYLE_SCREEN;
  else if (g_strcmp0 (name, "screen-dark") == 0 || g_strcmp0 (name, "dark") == 0)
    *kind = ML_STYLE_SCREEN_DARK;
  else if (g_strcmp0 (name, "projector") == 0)
    *kind = ML_STYLE_PROJECTOR;
  else if (g_strcmp0 (name, "print") == 0)
    *kind = ML_STYLE_PRINT;
  else
    return FALSE;

  return TRUE;
}

void
ml_style_set_source (cairo_t       *cr,
                     const MlColor *color)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (color != NULL);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/**
 * ml_color_mix:
 * @a: a colour
 * @b: another colour
 * @t: how much of @b, from 0 to 1
 *
 * Returns: the colour between @a and @b, opaque when both are
 */
MlColor
ml_color_mix (const MlColor *a,
              const MlColor *b,
              double         t)
{
  MlColor mixed;

  t = CLAMP (t, 0.0, 1.0);
  mixed.red = a->red + (b->red - a->red) * t;
  mixed.green = a->green + (b->green - a->green) * t;
  mixed.blue = a->blue + (b->blue - a->blue) * t;
  mixed.alpha = a->alpha + (b->alpha - a->alpha) * t;

  return mixed;
}

/**
 * ml_color_contrast:
 * @a: a colour, for instance of text; a translucent colour is taken as painted over @b
 * @b: an opaque colour, for instance the background
 *
 * The WCAG 2 contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, lighter
 * over darker. 4.5 is the AA level for body text, 7 the AAA level.
 *
 * Returns: the ratio, from 1 to 21
 */
double
ml_color_contrast (const MlColor *a,
                   const MlColor *b)
{
  MlColor over;
  double la, lb;

  g_return_val_if_fail (a != NULL && b != NULL, 1.0);

  over = ml_color_mix (b, a, a->alpha);
  over.alpha = 1.0;
  la = get_luminance (&over);
  lb = get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * ml_style_text_on:
 * @style: a style
 * @fill: the colour text is drawn on
 *
 * Text on a coloured fill is black (the style's foreground in light styles) or white,
 * whichever contrasts more with the fill.
 *
 * Returns: the colour of text on @fill
 */
MlColor
ml_style_text_on (const MlStyle *style,
                  const MlColor *fill)
{
  static const MlColor white = RGB (0xffffff);
  static const MlColor black = RGB (0x000000);
  const MlColor *dark;

  g_return_val_if_fail (style != NULL && fill != NULL, black);

  dark = get_luminance (&style->foreground) < 0.5 ? &style->foreground : &black;

  return ml_color_contrast (&white, fill) >= ml_color_contrast (dark, fill) ? white : *dark;
}

/**
 * ml_style_create_pango_context:
 *
 * Unhinted metrics: a label measures the same on screen, in a PNG and in a PDF, so an export
 * is laid out as the screen was.
 *
 * Returns: (transfer full): the Pango context renderers lay their text out with
 */
PangoContext *
ml_style_create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

/**
 * ml_style_create_layout:
 * @size: in pixels (points on print surfaces)
 *
 * Returns: (transfer full): a single-paragraph layout in @family at @size and @weight
 */
PangoLayout *
ml_style_create_layout (PangoContext *context,
                        const char   *family,
                        double        size,
                        PangoWeight   weight)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);
  PangoLayout *layout = pango_layout_new (context);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

/**
 * ml_style_draw_link_line:
 *
 * Draws the dashed line that follows the pointer while the user draws a link (a dependency,
 * a relation) from one element to another.
 */
void
ml_style_draw_link_line (cairo_t       *cr,
                         const MlStyle *style,
                         double         x0,
                         double         y0,
                         double         x1,
                         double         y1)
{
  static const double dashes[] = { 6, 4 };

  cairo_save (cr);
  ml_style_set_source (cr, &style->accent);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * ml_style_show_text:
 *
 * Draws @text in @layout, ellipsized to @width, vertically centred on @center_y, in @color.
 */
void
ml_style_show_text (cairo_t       *cr,
                    PangoLayout   *layout,
                    const char    *text,
                    double         x,
                    double         center_y,
                    double         width,
                    const MlColor *color)
{
  PangoRectangle logical;

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, x, center_y - (double) logical.height / PANGO_SCALE / 2);
  ml_style_set_source (cr, color);
  /* The letters stay text, so that PDF readers can select and search them. */
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}
