/* test-mix-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy-mix matrix renderer, checked where a user would look: the shade of a funded cell,
 * the plain background of an unfunded one and the marking of a gap, with the geometry worked
 * out by hand below; and every sample exported as PNG, SVG and PDF.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ml-mix-export.h"
#include "ml-mix-renderer.h"
#include "ml-test-util.h"

#define WIDTH 1000
#define HEIGHT 600
/* Cairo rounds colours and antialiases edges: compare channels with a tolerance. */
#define TOLERANCE 3

/* Supply × research holds i1 with the only budget; systemic × research holds i2 without one;
 * demand × deployment holds nothing.
 */
static const char mix_project[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\" "
  "currency=\"EUR\">\n<title>Mix render test</title>\n"
  "<instruments>"
  "<instrument id=\"i1\" type=\"PI006\" side=\"supply\" stages=\"research\" budget=\"1000\">"
  "<name>Grants</name></instrument>"
  "<instrument id=\"i2\" type=\"PI006\" side=\"systemic\" stages=\"research\">"
  "<name>Platform</name></instrument>"
  "</instruments></project>\n";

static void
assert_pixel (cairo_surface_t *surface,
              int              x,
              int              y,
              guint8           red,
              guint8           green,
              guint8           blue)
{
  MlTestPixel pixel = ml_test_get_pixel (surface, x, y);

  g_test_message ("pixel at %d,%d: %u %u %u", x, y, pixel.red, pixel.green, pixel.blue);
  g_assert_cmpint (ABS (pixel.red - red), <=, TOLERANCE);
  g_assert_cmpint (ABS (pixel.green - green), <=, TOLERANCE);
  g_assert_cmpint (ABS (pixel.blue - blue), <=, TOLERANCE);
}

/* Screen style, 1000 × 600: margin 14, header row 14 × 2.2 = 30.8, caption 12 × 2 = 24, so
 * rows are (600 − 28 − 30.8 − 24) / 4 = 129.3 high: supply 44.8–174.1, demand 174.1–303.4,
 * regulatory 303.4–432.7, systemic 432.7–562. The side column is the width of “Regulatory”
 * in bold plus 14, under 186 with any sans font, so x = 200 is inside the research column
 * (it ends at 208.4 + 0.8 × that width) and x = 720…760 inside deployment (about 694 + 0.3 ×
 * that width ± 88). y = 110 and y = 500 are below the one chip (from y + 7 to y + 26.2) and
 * above the budget line of their cells.
 */
static void
test_cells (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (mix_project);
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  ml_mix_renderer_draw (mix, ml_style_get (ML_STYLE_SCREEN), NULL, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The only budget is the largest: white mixed 45 % towards the accent #3584e4. 255 − 0.45 ×
   * (255 − 53) = 164.1, 255 − 0.45 × (255 − 132) = 199.65, 255 − 0.45 × (255 − 228) = 242.85.
   */
  assert_pixel (surface, 200, 110, 164, 200, 243);
  /* No budget, no shade: the white background. */
  assert_pixel (surface, 200, 500, 255, 255, 255);
  /* Demand × deployment is a gap: hatched and labelled in red. Hatch lines 14 apart across a
   * 40 × 100 box cross it about 40 × 100 / 14 ≈ 285 pixels, more with the text.
   */
  g_assert_cmpuint (ml_test_count_red (surface, 720, 190, 760, 290), >, 100);
  g_assert_cmpuint (ml_test_count_red (surface, 180, 90, 220, 170), ==, 0);
  g_assert_cmpuint (ml_test_count_red (surface, 180, 480, 220, 560), ==, 0);

  cairo_surface_destroy (surface);
}

/* The same geometry: the chip of i1 in supply × research runs from y = 44.8 + 7 = 51.8 to
 * 51.8 + 12 × 1.6 = 71, that of i2 in systemic × research from 439.7 to 458.9.
 */
static void
test_pick (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (mix_project);
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  MlMixHit hit;

  g_assert_true (ml_mix_renderer_pick (mix, style, WIDTH, HEIGHT, 200, 60, &hit));
  g_assert_cmpstr (ml_element_get_id (hit.instrument), ==, "i1");
  g_assert_cmpint (hit.side, ==, ML_SIDE_SUPPLY);
  g_assert_cmpint (hit.stage, ==, ML_STAGE_RESEARCH);

  /* Below the chip, in the same cell. */
  g_assert_true (ml_mix_renderer_pick (mix, style, WIDTH, HEIGHT, 200, 110, &hit));
  g_assert_null (hit.instrument);
  g_assert_cmpint (hit.side, ==, ML_SIDE_SUPPLY);
  g_assert_cmpint (hit.stage, ==, ML_STAGE_RESEARCH);

  g_assert_true (ml_mix_renderer_pick (mix, style, WIDTH, HEIGHT, 200, 450, &hit));
  g_assert_cmpstr (ml_element_get_id (hit.instrument), ==, "i2");
  g_assert_cmpint (hit.side, ==, ML_SIDE_SYSTEMIC);

  /* An empty cell, demand × deployment. */
  g_assert_true (ml_mix_renderer_pick (mix, style, WIDTH, HEIGHT, 740, 200, &hit));
  g_assert_null (hit.instrument);
  g_assert_cmpint (hit.side, ==, ML_SIDE_DEMAND);
  g_assert_cmpint (hit.stage, ==, ML_STAGE_DEPLOYMENT);

  /* The margin, the header row and the caption are in no cell. */
  g_assert_false (ml_mix_renderer_pick (mix, style, WIDTH, HEIGHT, 5, 5, &hit));
  g_assert_false (ml_mix_renderer_pick (mix, style, WIDTH, HEIGHT, 400, 30, &hit));
  g_assert_false (ml_mix_renderer_pick (mix, style, WIDTH, HEIGHT, 400, 580, &hit));
}

/* A selected chip is filled with the accent colour #3584e4, in its right part where the short
 * name leaves no text: 7 in from the cell's edge is the chip's edge, and 14 further in its
 * round end is past (its radius is 9.6).
 */
static void
test_selected (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (mix_project);
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  MlElement *i1 = ml_project_lookup (project, "i1");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t cell;
  int x;

  ml_mix_renderer_get_cell_area (style, WIDTH, HEIGHT, ML_SIDE_SUPPLY, ML_STAGE_RESEARCH, &cell);
  g_assert_cmpfloat_with_epsilon (cell.y, 44.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell.height, 129.3, 1e-9);
  x = (int) (cell.x + cell.width - 7 - 14);

  ml_mix_renderer_draw (mix, style, NULL, cr, WIDTH, HEIGHT);
  cairo_surface_flush (surface);
  /* Unselected: the white fill of a chip. */
  assert_pixel (surface, x, 61, 255, 255, 255);

  ml_mix_renderer_draw (mix, style, i1, cr, WIDTH, HEIGHT);
  cairo_surface_flush (surface);
  assert_pixel (surface, x, 61, 0x35, 0x84, 0xe4);
  /* i2 is not selected. */
  assert_pixel (surface, x, 450, 255, 255, 255);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_png_size (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (mix_project);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mix-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mix.png", NULL);
  g_autofree char *contents = NULL;
  MlMixExportOptions options;
  gsize length;

  g_assert_no_error (error);
  ml_mix_export_options_init (&options, ML_ROADMAP_FORMAT_PNG);
  options.width = 640;
  options.height = 480;
  g_assert_true (ml_mix_export (project, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* The PNG signature, then the IHDR chunk's width and height, big-endian. */
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 640);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 480);

  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
export_sample (MlProject        *project,
               MlRoadmapFormat   format,
               const char       *path,
               GError          **error)
{
  MlMixExportOptions options;

  ml_mix_export_options_init (&options, format);
  if (format == ML_ROADMAP_FORMAT_SVG)
    options.style = ML_STYLE_PROJECTOR;

  return ml_mix_export (project, &options, path, error);
}

static void
test_sample (gconstpointer data)
{
  ml_test_assert_exports (data, export_sample);
}

/* Names that share their first words show only what tells them apart; a cell whose names
 * share one word only, or where one name is nothing but the shared words, shows them whole.
 */
static void
test_chip_text (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
    "<title>Chips</title>\n<instruments>"
    "<instrument id=\"a\" type=\"PI006\" side=\"supply\" stages=\"research\">"
    "<name>Mission partnership grant: Power-to-X</name></instrument>"
    "<instrument id=\"b\" type=\"PI006\" side=\"supply\" stages=\"research\">"
    "<name>Mission partnership grant: carbon capture</name></instrument>"
    "<instrument id=\"c\" type=\"PI006\" side=\"demand\" stages=\"research\">"
    "<name>CCS contracts</name></instrument>"
    "<instrument id=\"d\" type=\"PI006\" side=\"demand\" stages=\"research\">"
    "<name>CCS tender</name></instrument>"
    "<instrument id=\"e\" type=\"PI006\" side=\"systemic\" stages=\"research\">"
    "<name>Impact framework</name></instrument>"
    "<instrument id=\"f\" type=\"PI006\" side=\"systemic\" stages=\"research\">"
    "<name>Impact framework review</name></instrument>"
    "</instruments></project>\n");
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);
  g_autofree char *a = ml_mix_renderer_get_chip_text (mix, ML_SIDE_SUPPLY, ML_STAGE_RESEARCH, 0);
  g_autofree char *b = ml_mix_renderer_get_chip_text (mix, ML_SIDE_SUPPLY, ML_STAGE_RESEARCH, 1);
  g_autofree char *c = ml_mix_renderer_get_chip_text (mix, ML_SIDE_DEMAND, ML_STAGE_RESEARCH, 0);
  g_autofree char *e = ml_mix_renderer_get_chip_text (mix, ML_SIDE_SYSTEMIC, ML_STAGE_RESEARCH, 0);
  g_autofree char *f = ml_mix_renderer_get_chip_text (mix, ML_SIDE_SYSTEMIC, ML_STAGE_RESEARCH, 1);

  g_assert_cmpstr (a, ==, "…Power-to-X");
  g_assert_cmpstr (b, ==, "…carbon capture");
  g_assert_cmpstr (c, ==, "CCS contracts");
  g_assert_cmpstr (e, ==, "Impact framework");
  g_assert_cmpstr (f, ==, "Impact framework review");
}

static guint
count_dark_pixels_in_caption (MlPolicyMix *mix,
                              MlElement   *selected)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint n_dark = 0;

  ml_mix_renderer_draw (mix, ml_style_get (ML_STYLE_SCREEN), selected, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The caption line: margin 14, caption 12 × 2 = 24 high, so y from 562 to 586. */
  for (int y = 562; y < 586; y++)
    for (int x = 0; x < WIDTH; x++)
      if (ml_test_get_pixel (surface, x, y).red < 128)
        n_dark++;
  cairo_surface_destroy (surface);

  return n_dark;
}

/* Under the grid, the selected instrument's whole name, which a chip may cut short; nothing
 * there in this project without budgets, whose shade needs no caption.
 */
static void
test_selected_caption (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
    "<title>Caption</title>\n<instruments>"
    "<instrument id=\"a\" type=\"PI006\" side=\"supply\" stages=\"research\">"
    "<name>A name far too long for any chip of a matrix one thousand pixels wide</name>"
    "</instrument></instruments></project>\n");
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);

  g_assert_cmpuint (count_dark_pixels_in_caption (mix, NULL), ==, 0);
  g_assert_cmpuint (count_dark_pixels_in_caption (mix, ml_project_lookup (project, "a")), >, 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mix-render/cells", test_cells);
  g_test_add_func ("/mix-render/pick", test_pick);
  g_test_add_func ("/mix-render/chip-text", test_chip_text);
  g_test_add_func ("/mix-render/selected-caption", test_selected_caption);
  g_test_add_func ("/mix-render/selected", test_selected);
  g_test_add_func ("/mix-render/png-size", test_png_size);
  ml_test_add_sample_tests ("/mix-render", test_sample);

  return g_test_run ();
}
