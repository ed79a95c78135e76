/* test-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The projector style is read from the back of a room: every colour that draws text or a line
 * must reach the WCAG AAA contrast of 7:1 against the background, and text on a coloured fill
 * against that fill. The ratio is computed here from the WCAG 2 formula itself, not with
 * ml_color_contrast(), so that a mistake in one cannot hide a mistake in the other.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ml-style.h"

#define AAA 7.0

/* The WCAG 2 relative luminance: sRGB channels linearised, weighted by the eye's response. */
static double
relative_luminance (const MlColor *color)
{
  double channels[3] = { color->red, color->green, color->blue };

  for (guint i = 0; i < 3; i++)
    channels[i] = channels[i] <= 0.04045 ? channels[i] / 12.92
                                         : pow ((channels[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

static double
contrast_ratio (const MlColor *a,
                const MlColor *b)
{
  double la = relative_luminance (a);
  double lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_formula (void)
{
  const MlColor black = { 0, 0, 0, 1 };
  const MlColor white = { 1, 1, 1, 1 };
  const MlColor grey = { 0x76 / 255.0, 0x76 / 255.0, 0x76 / 255.0, 1 };

  g_assert_cmpfloat_with_epsilon (contrast_ratio (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contrast_ratio (&white, &white), 1.0, 1e-9);
  /* #767676 is the well-known lightest grey that passes AA (4.5:1) on white. */
  g_assert_cmpfloat (contrast_ratio (&grey, &white), >=, 4.5);
  g_assert_cmpfloat (contrast_ratio (&grey, &white), <, 4.6);
  g_assert_cmpfloat_with_epsilon (contrast_ratio (&grey, &white),
                                  ml_color_contrast (&grey, &white), 1e-9);
}

static void
assert_aaa (const char    *name,
            const MlColor *color,
            const MlColor *against)
{
  double ratio = contrast_ratio (color, against);

  g_test_message ("%s: %.2f:1", name, ratio);
  if (ratio < AAA)
    g_test_fail_printf ("%s reaches only %.2f:1, below 7:1", name, ratio);
}

/* The projector style and the two styles for the desktop's high-contrast setting. */
static const MlStyleKind high_contrast_kinds[] = {
  ML_STYLE_PROJECTOR, ML_STYLE_HIGH_CONTRAST, ML_STYLE_HIGH_CONTRAST_DARK,
};

static void
test_high_contrast_lines (gconstpointer data)
{
  const MlStyle *style = ml_style_get (GPOINTER_TO_INT (data));

  assert_aaa ("foreground", &style->foreground, &style->background);
  assert_aaa ("dim", &style->dim, &style->background);
  assert_aaa ("accent", &style->accent, &style->background);
  assert_aaa ("critical", &style->critical, &style->background);
  /* Outcomes mark decision points with a coloured symbol and a line of that colour. */
  for (guint i = 0; i < G_N_ELEMENTS (style->outcome); i++)
    {
      g_autofree char *name = g_strdup_printf ("outcome %u", i);

      assert_aaa (name, &style->outcome[i], &style->background);
    }
}

static void
test_high_contrast_text_on_fills (gconstpointer data)
{
  const MlStyle *style = ml_style_get (GPOINTER_TO_INT (data));

  g_assert_true (style->high_contrast);

  /* Text on a status bar or an outcome marker is black or white, whichever reads better. */
  for (guint i = 0; i < G_N_ELEMENTS (style->status); i++)
    {
      g_autofree char *name = g_strdup_printf ("text on status %u", i);
      MlColor text = ml_style_text_on (style, &style->status[i]);

      assert_aaa (name, &text, &style->status[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (style->outcome); i++)
    {
      g_autofree char *name = g_strdup_printf ("text on outcome %u", i);
      MlColor text = ml_style_text_on (style, &style->outcome[i]);

      assert_aaa (name, &text, &style->outcome[i]);
    }
}

static void
test_projector_sizes (void)
{
  const MlStyle *style = ml_style_get (ML_STYLE_PROJECTOR);

  /* No text smaller than 20 px at 1024×768, lines thick enough to survive a projector. */
  g_assert_cmpfloat (style->font_size, >=, 20);
  g_assert_cmpfloat (style->small_font_size, >=, 20);
  g_assert_cmpfloat (style->line_width, >=, 2);
}

static void
test_screen_not_high_contrast (void)
{
  /* The ordinary looks keep their softer palette: only the three above promise 7:1. */
  g_assert_false (ml_style_get (ML_STYLE_SCREEN)->high_contrast);
  g_assert_false (ml_style_get (ML_STYLE_SCREEN_DARK)->high_contrast);
  g_assert_false (ml_style_get (ML_STYLE_PRINT)->high_contrast);
}

static void
test_scale_text (void)
{
  const MlStyle *screen = ml_style_get (ML_STYLE_SCREEN);
  MlStyle large = ml_style_scale_text (screen, 1.25);

  /* GNOME's large text: 14 px body text becomes 17.5 px, 12 px captions 15 px, and the rows
   * and the name column grow with them so that the larger text still fits.
   */
  g_assert_cmpfloat_with_epsilon (large.font_size, 17.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (large.small_font_size, 15.0, 1e-9);
  g_assert_cmpfloat (large.row_height, ==, 43);   /* round (34 × 1.25 = 42.5) */
  g_assert_cmpfloat (large.header_width, ==, 350);
  /* Lines and colours stay. */
  g_assert_cmpfloat (large.line_width, ==, screen->line_width);
  g_assert_true (memcmp (&large.foreground, &screen->foreground, sizeof (MlColor)) == 0);
  g_assert_cmpint (large.kind, ==, ML_STYLE_SCREEN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/style/contrast/formula", test_formula);
  for (guint i = 0; i < G_N_ELEMENTS (high_contrast_kinds); i++)
    {
      static const char *const names[] = { "projector", "high-contrast", "high-contrast-dark" };
      g_autofree char *lines = g_strdup_printf ("/style/%s/lines", names[i]);
      g_autofree char *fills = g_strdup_printf ("/style/%s/text-on-fills", names[i]);

      g_test_add_data_func (lines, GINT_TO_POINTER (high_contrast_kinds[i]),
                            test_high_contrast_lines);
      g_test_add_data_func (fills, GINT_TO_POINTER (high_contrast_kinds[i]),
                            test_high_contrast_text_on_fills);
    }
  g_test_add_func ("/style/projector/sizes", test_projector_sizes);
  g_test_add_func ("/style/screen/not-high-contrast", test_screen_not_high_contrast);
  g_test_add_func ("/style/scale-text", test_scale_text);

  return g_test_run ();
}
