/* test-indicator-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indicator charts, checked where a user would look: the colour of the status badge and the
 * measurement dot where the axes put it, with the geometry worked out below; charts that have
 * little to show drawn without warnings; and every sample exported as PNG, SVG and PDF.
 */

#include "config.h"

#include <math.h>

#include "ml-indicator-chart.h"
#include "ml-indicator-export.h"
#include "ml-test-util.h"

#define WIDTH 600
#define HEIGHT 400
/* Cairo rounds colours and antialiases edges: compare channels with a tolerance. */
#define TOLERANCE 3

/* Both indicators go from 0 on 2020-01-01 to 100 on 2030-01-01, so 50 is expected on
 * 2025-01-01 (1827 of 3653 days): a measurement of 50 then is on track, one of 10 (a fifth of
 * the expected progress) off track. The others have nothing to show but must still draw.
 */
static const char chart_project[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
  "<title>Indicator chart test</title>\n"
  "<missions><mission id=\"m\"><title>Mission</title><statement>S</statement>"
  "<objective id=\"o\"><title>Objective</title>"
  "<indicator id=\"on\" unit=\"%\" baseline=\"0\" baseline-date=\"2020-01-01\" target=\"100\" "
  "target-date=\"2030-01-01\"><name>On track</name>"
  "<measurement id=\"m1\" date=\"2025-01-01\" value=\"50\"/></indicator>"
  "<indicator id=\"off\" unit=\"%\" baseline=\"0\" baseline-date=\"2020-01-01\" target=\"100\" "
  "target-date=\"2030-01-01\"><name>Off track</name>"
  "<measurement id=\"m2\" date=\"2025-01-01\" value=\"10\"/></indicator>"
  "<indicator id=\"empty\" baseline=\"0\" baseline-date=\"2020-01-01\" target=\"100\" "
  "target-date=\"2030-01-01\"><name>No measurement</name></indicator>"
  "<indicator id=\"untargeted\" baseline=\"5\" baseline-date=\"2020-01-01\">"
  "<name>No target</name><measurement id=\"m3\" date=\"2022-01-01\" value=\"7\"/></indicator>"
  "<indicator id=\"flat\" direction=\"decrease\" baseline=\"3\" baseline-date=\"2020-01-01\" "
  "target=\"3\" target-date=\"2020-01-01\"><name>Flat</name>"
  "<measurement id=\"m4\" date=\"2020-01-01\" value=\"3\"/></indicator>"
  "</objective></mission></missions></project>\n";

static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              const MlColor   *color)
{
  MlTestPixel pixel = ml_test_get_pixel (surface, (int) floor (x), (int) floor (y));

  g_test_message ("pixel at %g,%g: %u %u %u", x, y, pixel.red, pixel.green, pixel.blue);
  g_assert_cmpint (ABS (pixel.red - (int) round (color->red * 255)), <=, TOLERANCE);
  g_assert_cmpint (ABS (pixel.green - (int) round (color->green * 255)), <=, TOLERANCE);
  g_assert_cmpint (ABS (pixel.blue - (int) round (color->blue * 255)), <=, TOLERANCE);
}

static MlElement *
get_indicator (MlProject  *project,
               const char *id)
{
  g_autoptr(GPtrArray) indicators = ml_project_collect (project, ML_KIND_INDICATOR);

  for (guint i = 0; i < indicators->len; i++)
    if (g_strcmp0 (ml_element_get_id (g_ptr_array_index (indicators, i)), id) == 0)
      return g_ptr_array_index (indicators, i);

  g_assert_not_reached ();
}

/* Draws one indicator in the box (20, 30, 560 × 340) with the screen style (body 14 px, small
 * 12 px) on 2025-06-01, checks the axes, the badge and the dot, and returns nothing to free.
 */
static void
check_chart (const char    *id,
             double         value,
             const MlColor *badge)
{
  g_autoptr(MlProject) project = ml_test_load_text (chart_project);
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  MlElement *indicator = get_indicator (project, id);
  MlDate today = ml_test_parse_date ("2025-06-01");
  MlDate measured = ml_test_parse_date ("2025-01-01");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  MlIndicatorChartAxes axes;
  double x, y;

  ml_style_set_source (cr, &style->background);
  cairo_paint (cr);
  ml_indicator_chart_draw (indicator, today, style, cr, 20, 30, 560, 340);
  ml_indicator_chart_get_axes (indicator, today, style, 20, 30, 560, 340, &axes);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Today lies between baseline and target, so the time axis is exactly theirs; values from
   * 0 to 100 in about four steps round to steps of 50 (25 is not 1, 2 or 5 times a power of
   * ten, the next up is 50).
   */
  g_assert_cmpuint (axes.first, ==, ml_test_parse_date ("2020-01-01"));
  g_assert_cmpuint (axes.last, ==, ml_test_parse_date ("2030-01-01"));
  g_assert_cmpfloat (axes.low, ==, 0);
  g_assert_cmpfloat (axes.high, ==, 100);
  g_assert_cmpfloat (axes.step, ==, 50);
  g_assert_cmpfloat (axes.plot_x + axes.plot_width, <=, 20 + 560);
  g_assert_cmpfloat (axes.plot_y + axes.plot_height, <=, 30 + 340);

  /* The badge's right edge is 6 px (half the small size) inside the box and its text starts
   * 6 px further in: 2 px left of the edge is fill. The title row is 14 × 1.5 = 21 high, the
   * badge centred in it at y = 30 + 10.5.
   */
  assert_pixel (surface, 20 + 560 - 6 - 2, 30 + 10.5, badge);

  /* The dot's centre, mapped as the axes say: 1827 / 3653 of the width, @value / 100 of the
   * height up from the bottom; its radius is 12 × 0.4 = 4.8 px, so the pixel is accent.
   */
  x = axes.plot_x + axes.plot_width * (double) (measured - axes.first) / (axes.last - axes.first);
  y = axes.plot_y + axes.plot_height * (1 - value / 100);
  assert_pixel (surface, x, y, &style->accent);
  /* And nothing of the accent 10 px above it, off the measurement line. */
  g_assert_true (ml_test_get_pixel (surface, (int) x, (int) y - 10).blue < 220 ||
                 ml_test_get_pixel (surface, (int) x, (int) y - 10).red > 100);

  /* Today's line is named at its top, on its right since it stands mid-way: the box of about
   * "Today" in 12 px type (some 35 × 12 px, from 3.6 px right of the line) holds red ink.
   */
  x = axes.plot_x + axes.plot_width * (double) (today - axes.first) / (axes.last - axes.first);
  g_assert_cmpuint (ml_test_count_red (surface, x + 3, axes.plot_y, x + 40, axes.plot_y + 14),
                    >, 15);
  g_assert_cmpuint (ml_test_count_red (surface, x - 40, axes.plot_y, x - 3, axes.plot_y + 14),
                    ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_on_track (void)
{
  check_chart ("on", 50, &ml_style_get (ML_STYLE_SCREEN)->status[ML_STATUS_DONE]);
}

static void
test_off_track (void)
{
  check_chart ("off", 10, &ml_style_get (ML_STYLE_SCREEN)->critical);
}

/* No measurement, no target, and baseline equal to target on one date: nothing to divide by,
 * nothing to join, but a chart all the same, and the sheet of all five.
 */
static void
test_edge_cases (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (chart_project);
  const MlStyle *style = ml_style_get (ML_STYLE_PROJECTOR);
  static const char *const ids[] = { "empty", "untargeted", "flat" };
  MlDate today = ml_test_parse_date ("2025-06-01");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      MlIndicatorChartAxes axes;

      ml_indicator_chart_draw (get_indicator (project, ids[i]), today, style, cr, 0, 0, 300, 200);
      ml_indicator_chart_get_axes (get_indicator (project, ids[i]), today, style, 0, 0, 300,
                                   200, &axes);
      g_assert_cmpuint (axes.first, <, axes.last);
      g_assert_cmpfloat (axes.low, <, axes.high);
      g_assert_cmpfloat (axes.step, >, 0);
    }
  /* Too small to hold anything: still no warning. */
  ml_indicator_chart_draw (get_indicator (project, "on"), today, style, cr, 0, 0, 10, 10);
  ml_indicator_sheet_draw (project, today, style, cr, WIDTH, HEIGHT);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gboolean
export_sample (MlProject        *project,
               MlRoadmapFormat   format,
               const char       *path,
               GError          **error)
{
  MlIndicatorExportOptions options;

  ml_indicator_export_options_init (&options, format);
  if (format == ML_ROADMAP_FORMAT_SVG)
    options.style = ML_STYLE_PROJECTOR;
  options.today = ml_test_parse_date ("2026-11-27");

  return ml_indicator_export (project, &options, path, error);
}

static void
test_sample (gconstpointer data)
{
  ml_test_assert_exports (data, export_sample);
}

static void
test_header_height (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (chart_project);
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  double header = ml_indicator_chart_get_header_height (style);
  MlIndicatorChartAxes axes;

  /* The name's row, 14 × 1.5, and the unit's, 12 × 1.5; the plot starts below both, so a
   * chart drawn that much higher loses them and nothing else.
   */
  g_assert_cmpfloat (header, ==, 21 + 18);
  ml_indicator_chart_get_axes (get_indicator (project, "on"), ml_test_parse_date ("2025-06-01"),
                               style, 0, -header, 300, 200 + header, &axes);
  g_assert_cmpfloat (axes.plot_y, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/indicator-chart/on-track", test_on_track);
  g_test_add_func ("/indicator-chart/off-track", test_off_track);
  g_test_add_func ("/indicator-chart/edge-cases", test_edge_cases);
  g_test_add_func ("/indicator-chart/header-height", test_header_height);
  ml_test_add_sample_tests ("/indicator-chart", test_sample);

  return g_test_run ();
}
