/* test-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap renderer, checked where a user would look: the pixels where the geometry says
 * a bar, the today line or a milestone is; what a click hits; how collapsing and long names
 * behave; the contrast of the projector style; and the files the exports write.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>

#include "ml-diagnostic.h"
#include "ml-error.h"
#include "ml-project-io.h"
#include "ml-roadmap-export.h"
#include "ml-test-util.h"
#include "ml-time-unit.h"
#include "ml-timeline-renderer.h"
#include "ml-xml-reader.h"

/* Cairo rounds colours and antialiases edges: compare channels with a tolerance. */
#define TOLERANCE 3

static const char small_project[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
  "  <title>Render test</title>\n"
  "  <roadmap>\n"
  "    <workstream id=\"w1\">\n"
  "      <name>First workstream</name>\n"
  "      <activity id=\"a1\" start=\"2024-01-01\" end=\"2024-06-30\""
  " status=\"active\" progress=\"50\">\n"
  "        <name>Alpha</name>\n"
  "      </activity>\n"
  "      <activity id=\"a2\" start=\"2024-03-01\" end=\"2024-12-31\""
  " status=\"done\" progress=\"100\">\n"
  "        <name>Beta</name>\n"
  "        <depends-on activity=\"a1\" type=\"start-start\" lag=\"30\"/>\n"
  "      </activity>\n"
  "      <activity id=\"a3\" start=\"2024-02-01\" end=\"2024-04-30\" status=\"planned\">\n"
  "        <name>A very long activity name"
  " that cannot possibly fit into the column of names at the left of the chart</name>\n"
  "      </activity>\n"
  "      <activity id=\"a4\" start=\"2024-05-01\" end=\"2024-09-30\""
  " status=\"at-risk\" progress=\"20\">\n"
  "        <name>Delta</name>\n"
  "      </activity>\n"
  "      <activity id=\"a5\" start=\"2024-01-15\" end=\"2024-08-31\""
  " status=\"stopped\" progress=\"30\">\n"
  "        <name>Epsilon</name>\n"
  "      </activity>\n"
  "      <milestone id=\"m1\" date=\"2024-07-01\" status=\"reached\">\n"
  "        <name>Milestone one</name>\n"
  "      </milestone>\n"
  "      <decision-point id=\"d1\" date=\"2024-10-01\" outcome=\"continue\">\n"
  "        <name>Go on?</name>\n"
  "      </decision-point>\n"
  "    </workstream>\n"
  "    <workstream id=\"w2\">\n"
  "      <name>Second workstream</name>\n"
  "      <activity id=\"b1\" start=\"2024-02-01\" end=\"2024-11-30\" status=\"planned\">\n"
  "        <name>Gamma</name>\n"
  "        <depends-on activity=\"a1\" type=\"finish-start\"/>\n"
  "      </activity>\n"
  "    </workstream>\n"
  "  </roadmap>\n"
  "</project>\n";

typedef struct
{
  guint8 red, green, blue;
} Pixel;

static MlProject *
load_small_project (void)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MlProject *project;

  project = ml_xml_read (small_project, strlen (small_project), "small.mlab", diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (ml_diagnostics_count (diagnostics, ML_SEVERITY_ERROR), ==, 0);

  return project;
}

static MlProject *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("MISSIONLAB_SAMPLES"), name, NULL);
  g_autoptr(GError) error = NULL;
  MlProject *project = ml_project_load (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static Pixel
get_pixel (cairo_surface_t *surface,
           double           x,
           double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data;
  guint32 argb;
  Pixel pixel;

  cairo_surface_flush (surface);
  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  data = cairo_image_surface_get_data (surface) + iy * cairo_image_surface_get_stride (surface);
  argb = ((const guint32 *) data)[ix];
  pixel.red = (argb >> 16) & 0xff;
  pixel.green = (argb >> 8) & 0xff;
  pixel.blue = argb & 0xff;

  return pixel;
}

static gboolean
pixel_is (Pixel          pixel,
          const MlColor *color)
{
  return ABS (pixel.red - (int) round (color->red * 255)) <= TOLERANCE &&
         ABS (pixel.green - (int) round (color->green * 255)) <= TOLERANCE &&
         ABS (pixel.blue - (int) round (color->blue * 255)) <= TOLERANCE;
}

#define assert_pixel_is(surface, x, y, color)                                               \
  G_STMT_START {                                                                            \
    Pixel p_ = get_pixel ((surface), (x), (y));                                             \
    if (!pixel_is (p_, (color)))                                                            \
      g_error ("pixel at (%.1f, %.1f) is #%02x%02x%02x, expected #%02x%02x%02x", (double) (x), \
               (double) (y), p_.red, p_.green, p_.blue, (int) round ((color)->red * 255),   \
               (int) round ((color)->green * 255), (int) round ((color)->blue * 255));      \
  } G_STMT_END

static cairo_surface_t *
draw_to_image (MlTimelineRenderer       *renderer,
               const MlTimelineViewport *viewport)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, viewport->width,
                                                         viewport->height);
  cairo_t *cr = cairo_create (surface);

  ml_timeline_renderer_draw (renderer, cr, viewport);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

/* The small project from 2023-12-01, two pixels a day. */
static void
small_viewport (MlTimelineViewport *viewport)
{
  viewport->start_day = ml_date_from_ymd (2023, 12, 1);
  viewport->day_width = 2;
  viewport->scroll_y = 0;
  viewport->width = 1400;
  viewport->height = 600;
}

static void
test_contrast (void)
{
  const MlColor white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  const MlColor grey = { 0x77 / 255.0, 0x77 / 255.0, 0x77 / 255.0, 1 };
  const MlStyle *projector = ml_style_get (ML_STYLE_PROJECTOR);
  const MlColor *texts[] = { &projector->foreground, &projector->dim, &projector->accent,
                             &projector->critical };

  g_assert_cmpfloat_with_epsilon (ml_color_contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ml_color_contrast (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ml_color_contrast (&grey, &grey), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ml_color_contrast (&grey, &white), 4.48, 0.01);

  /* Text and the lines that carry meaning, against the background. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpfloat (ml_color_contrast (texts[i], &projector->background), >=, 7.0);

  /* Labels in bars, over the done part and over the rest; glyphs in decision points; the
   * today tag. The part of a bar not done is the status colour faded to the background.
   */
  for (guint s = 0; s < G_N_ELEMENTS (projector->status); s++)
    {
      MlColor tint = ml_color_mix (&projector->status[s], &projector->background, 0.62);
      MlColor on_status = ml_style_text_on (projector, &projector->status[s]);
      MlColor on_tint = ml_style_text_on (projector, &tint);

      if (s == ML_STATUS_STOPPED)
        continue;   /* stopped bars carry their label in the dim colour, tested above */
      g_assert_cmpfloat (ml_color_contrast (&on_status, &projector->status[s]), >=, 7.0);
      g_assert_cmpfloat (ml_color_contrast (&on_tint, &tint), >=, 7.0);
    }
  for (guint o = 0; o < G_N_ELEMENTS (projector->outcome); o++)
    {
      MlColor glyph = ml_style_text_on (projector, &projector->outcome[o]);

      g_assert_cmpfloat (ml_color_contrast (&glyph, &projector->outcome[o]), >=, 7.0);
    }
  {
    MlColor tag = ml_style_text_on (projector, &projector->accent);

    g_assert_cmpfloat (ml_color_contrast (&tag, &projector->accent), >=, 7.0);
  }

  /* Large type and thick lines for the back of the room. */
  g_assert_cmpfloat (projector->font_size, >=, 24);
  g_assert_cmpfloat (projector->small_font_size, >=, 20);
  g_assert_cmpfloat (projector->line_width, >=, 3);

  /* The other styles reach AA for their text. */
  for (MlStyleKind kind = ML_STYLE_SCREEN; kind <= ML_STYLE_PRINT; kind++)
    {
      const MlStyle *style = ml_style_get (kind);

      g_assert_cmpint (style->kind, ==, kind);
      g_assert_cmpfloat (ml_color_contrast (&style->foreground, &style->background), >=, 7.0);
      g_assert_cmpfloat (ml_color_contrast (&style->dim, &style->background), >=, 4.5);
    }
}

static void
test_style_names (void)
{
  MlStyleKind kind;

  g_assert_true (ml_style_kind_from_string ("screen", FALSE, &kind));
  g_assert_cmpint (kind, ==, ML_STYLE_SCREEN);
  g_assert_true (ml_style_kind_from_string ("screen", TRUE, &kind));
  g_assert_cmpint (kind, ==, ML_STYLE_SCREEN_DARK);
  g_assert_true (ml_style_kind_from_string ("screen-dark", FALSE, &kind));
  g_assert_cmpint (kind, ==, ML_STYLE_SCREEN_DARK);
  g_assert_true (ml_style_kind_from_string ("projector", FALSE, &kind));
  g_assert_cmpint (kind, ==, ML_STYLE_PROJECTOR);
  g_assert_true (ml_style_kind_from_string ("print", FALSE, &kind));
  g_assert_cmpint (kind, ==, ML_STYLE_PRINT);
  g_assert_false (ml_style_kind_from_string ("neon", FALSE, &kind));
}

static void
test_time_units (void)
{
  MlDate wednesday = ml_date_from_ymd (2024, 5, 15);
  char label[64];

  g_assert_true (ml_date_is_weekend (ml_date_from_ymd (2024, 5, 18)));
  g_assert_false (ml_date_is_weekend (wednesday));

  g_assert_cmpuint (ml_time_unit_floor (ML_TIME_UNIT_DAY, wednesday), ==, wednesday);
  g_assert_cmpuint (ml_time_unit_floor (ML_TIME_UNIT_WEEK, wednesday), ==,
                    ml_date_from_ymd (2024, 5, 13));
  g_assert_cmpuint (ml_time_unit_next (ML_TIME_UNIT_WEEK, wednesday), ==,
                    ml_date_from_ymd (2024, 5, 20));
  g_assert_cmpuint (ml_time_unit_floor (ML_TIME_UNIT_MONTH, wednesday), ==,
                    ml_date_from_ymd (2024, 5, 1));
  g_assert_cmpuint (ml_time_unit_next (ML_TIME_UNIT_MONTH, ml_date_from_ymd (2024, 12, 31)), ==,
                    ml_date_from_ymd (2025, 1, 1));
  g_assert_cmpuint (ml_time_unit_floor (ML_TIME_UNIT_QUARTER, wednesday), ==,
                    ml_date_from_ymd (2024, 4, 1));
  g_assert_cmpuint (ml_time_unit_next (ML_TIME_UNIT_QUARTER, wednesday), ==,
                    ml_date_from_ymd (2024, 7, 1));
  g_assert_cmpuint (ml_time_unit_next (ML_TIME_UNIT_QUARTER, ml_date_from_ymd (2024, 11, 2)), ==,
                    ml_date_from_ymd (2025, 1, 1));
  g_assert_cmpuint (ml_time_unit_floor (ML_TIME_UNIT_YEAR, wednesday), ==,
                    ml_date_from_ymd (2024, 1, 1));
  g_assert_cmpuint (ml_time_unit_floor (ML_TIME_UNIT_DECADE, wednesday), ==,
                    ml_date_from_ymd (2020, 1, 1));
  g_assert_cmpuint (ml_time_unit_next (ML_TIME_UNIT_DECADE, wednesday), ==,
                    ml_date_from_ymd (2030, 1, 1));

  ml_time_unit_format (ML_TIME_UNIT_WEEK, ml_date_from_ymd (2024, 5, 13), ML_TIME_LABEL_TICK,
                       label, sizeof label);
  g_assert_cmpstr (label, ==, "13");
  ml_time_unit_format (ML_TIME_UNIT_MONTH, wednesday, ML_TIME_LABEL_TICK, label, sizeof label);
  g_assert_cmpstr (label, ==, "May");
  ml_time_unit_format (ML_TIME_UNIT_MONTH, ml_date_from_ymd (2024, 9, 1), ML_TIME_LABEL_LONG,
                       label, sizeof label);
  g_assert_cmpstr (label, ==, "September 2024");
  ml_time_unit_format (ML_TIME_UNIT_MONTH, ml_date_from_ymd (2024, 9, 1), ML_TIME_LABEL_SHORT,
                       label, sizeof label);
  g_assert_cmpstr (label, ==, "Sep 2024");
  ml_time_unit_format (ML_TIME_UNIT_QUARTER, ml_date_from_ymd (2024, 10, 1), ML_TIME_LABEL_TICK,
                       label, sizeof label);
  g_assert_cmpstr (label, ==, "Q4");
  ml_time_unit_format (ML_TIME_UNIT_YEAR, wednesday, ML_TIME_LABEL_SHORT, label, sizeof label);
  g_assert_cmpstr (label, ==, "’24");
  ml_time_unit_format (ML_TIME_UNIT_DECADE, ml_date_from_ymd (2020, 1, 1), ML_TIME_LABEL_LONG,
                       label, sizeof label);
  g_assert_cmpstr (label, ==, "2020s");
}

static void
test_viewport_mapping (void)
{
  MlTimelineViewport viewport;

  small_viewport (&viewport);
  g_assert_cmpfloat (ml_timeline_viewport_x_of_day (&viewport, 100, viewport.start_day + 10),
                     ==, 120);
  g_assert_cmpfloat (ml_timeline_viewport_day_at_x (&viewport, 100, 120), ==,
                     viewport.start_day + 10);
}

static void
test_bars_today_markers (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(MlTimelineRenderer) renderer = NULL;
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  MlTimelineViewport viewport;
  cairo_surface_t *surface;
  cairo_rectangle_t rect;
  MlDate today = ml_date_from_ymd (2025, 2, 1);
  const MlColor *active;
  double x, y;
  Pixel rest;

  renderer = ml_timeline_renderer_new (project, style);
  ml_timeline_renderer_set_today (renderer, today);
  small_viewport (&viewport);
  surface = draw_to_image (renderer, &viewport);

  /* Alpha is active and half done: the status colour on the left half, the faded rest
   * (lighter, as this is a light style) on the right.
   */
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "a1"), &rect));
  g_assert_cmpfloat_with_epsilon (rect.x, ml_timeline_viewport_x_of_day (
                                    &viewport, ml_timeline_renderer_get_header_width (renderer),
                                    ml_date_from_ymd (2024, 1, 1)), 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.width, 182 * viewport.day_width, 1e-9);
  y = rect.y + rect.height / 2;
  assert_pixel_is (surface, rect.x + rect.width * 0.3, y, &style->status[ML_STATUS_ACTIVE]);
  rest = get_pixel (surface, rect.x + rect.width * 0.8, y);
  active = &style->status[ML_STATUS_ACTIVE];
  g_assert_false (pixel_is (rest, active));
  g_assert_cmpint (rest.red + rest.green + rest.blue, >,
                   (int) ((active->red + active->green + active->blue) * 255));

  /* Beta is done: its colour throughout. */
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "a2"), &rect));
  assert_pixel_is (surface, rect.x + rect.width * 0.7, rect.y + rect.height / 2,
                   &style->status[ML_STATUS_DONE]);

  /* Delta is at risk, a fifth done. */
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "a4"), &rect));
  assert_pixel_is (surface, rect.x + 3, rect.y + rect.height / 2,
                   &style->status[ML_STATUS_AT_RISK]);

  /* The today line, in the middle of its day, across the rows. */
  x = ml_timeline_viewport_x_of_day (&viewport, ml_timeline_renderer_get_header_width (renderer),
                                     today + 0.5);
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "a1"), &rect));
  assert_pixel_is (surface, x, rect.y + rect.height / 2, &style->accent);
  assert_pixel_is (surface, x, ml_timeline_renderer_get_axis_height (renderer) + 2,
                   &style->accent);

  /* A reached milestone is a diamond in the done colour, centred on its date. */
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "m1"), &rect));
  g_assert_cmpfloat_with_epsilon (rect.x + rect.width / 2,
                                  ml_timeline_viewport_x_of_day (
                                    &viewport, ml_timeline_renderer_get_header_width (renderer),
                                    ml_date_from_ymd (2024, 7, 1) + 0.5), 1e-9);
  assert_pixel_is (surface, rect.x + rect.width / 2, rect.y + rect.height / 2,
                   &style->status[ML_STATUS_DONE]);
  /* A decision point is a disc in its outcome's colour (here around a check mark). */
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "d1"), &rect));
  assert_pixel_is (surface, rect.x + rect.width / 2, rect.y + rect.height * 0.2,
                   &style->outcome[ML_OUTCOME_CONTINUE]);

  /* Nothing is drawn where nothing is: the background of the first lane, right of all. */
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "a1"), &rect));
  assert_pixel_is (surface, viewport.width - 3, rect.y + rect.height / 2, &style->background);

  cairo_surface_destroy (surface);
  g_assert_finalize_object (g_steal_pointer (&renderer));
}

static void
test_selection_and_critical (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(MlTimelineRenderer) renderer = NULL;
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  MlTimelineViewport viewport;
  cairo_surface_t *surface;
  cairo_rectangle_t rect;

  renderer = ml_timeline_renderer_new (project, style);
  ml_timeline_renderer_set_selected (renderer, ml_test_lookup (project, "a4"));
  small_viewport (&viewport);
  surface = draw_to_image (renderer, &viewport);

  /* The selected bar is ringed in the accent colour, outside its own outline. */
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "a4"), &rect));
  assert_pixel_is (surface, rect.x + rect.width / 2, rect.y - 3, &style->accent);
  cairo_surface_destroy (surface);

  ml_timeline_renderer_set_selected (renderer, NULL);
  g_assert_finalize_object (g_steal_pointer (&renderer));
}

static void
test_collapse (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(MlTimelineRenderer) renderer = ml_timeline_renderer_new (project, NULL);
  MlElement *w1 = ml_test_lookup (project, "w1");
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  MlTimelineViewport viewport;
  cairo_rectangle_t rect;
  cairo_surface_t *surface;
  MlColor tint;
  double expanded;

  /* Two headers and six activities. */
  expanded = ml_timeline_renderer_get_content_height (renderer);
  g_assert_cmpfloat (expanded, ==, 8 * style->row_height);
  g_assert_cmpuint (ml_timeline_renderer_get_n_rows (renderer), ==, 8);
  g_assert_true (ml_timeline_renderer_get_row_element (renderer, 0) == w1);
  g_assert_cmpint (ml_timeline_renderer_get_row (renderer, ml_test_lookup (project, "b1")), ==, 7);

  ml_timeline_renderer_set_collapsed (renderer, w1, TRUE);
  g_assert_true (ml_timeline_renderer_get_collapsed (renderer, w1));
  g_assert_cmpfloat (ml_timeline_renderer_get_content_height (renderer), ==,
                     expanded - 5 * style->row_height);
  g_assert_cmpint (ml_timeline_renderer_get_row (renderer, ml_test_lookup (project, "a1")), ==, -1);
  g_assert_cmpint (ml_timeline_renderer_get_row (renderer, ml_test_lookup (project, "b1")), ==, 2);

  /* Hidden activities have no place; the markers of the header row stay. */
  small_viewport (&viewport);
  g_assert_false (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                         ml_test_lookup (project, "a1"), &rect));
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "m1"), &rect));
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "b1"), &rect));
  g_assert_cmpfloat (rect.y, <, ml_timeline_renderer_get_axis_height (renderer) +
                                  3 * style->row_height);

  /* The dependency of Gamma on the hidden Alpha is not drawn, and nothing breaks. Gamma is
   * planned and not started: its bar is all in the faded planned colour.
   */
  surface = draw_to_image (renderer, &viewport);
  tint = ml_color_mix (&style->status[ML_STATUS_PLANNED], &style->background, 0.62);
  assert_pixel_is (surface, rect.x + 3, rect.y + rect.height / 2, &tint);
  cairo_surface_destroy (surface);

  ml_timeline_renderer_set_collapsed (renderer, w1, FALSE);
  g_assert_cmpfloat (ml_timeline_renderer_get_content_height (renderer), ==, expanded);
}

/* Focused on a mission of the Danish green missions, the roadmap keeps the programme lane
 * (no mission: its activities that serve the mission, its milestones) and the mission's own
 * lane, and leaves out the three other missions' lanes with their markers.
 */
static void
test_mission_focus (void)
{
  g_autoptr(MlProject) project = load_sample ("ifd-green-missions.mlab");
  g_autoptr(MlTimelineRenderer) renderer = ml_timeline_renderer_new (project, NULL);
  MlTimelineViewport viewport;
  cairo_rectangle_t rect;
  guint all = ml_timeline_renderer_get_n_rows (renderer);
  MlDate first, last;

  /* Five headers and 25 activities. */
  g_assert_cmpuint (all, ==, 30);
  small_viewport (&viewport);

  /* Power-to-X: all 8 programme activities serve it, and its lane has 4. */
  ml_timeline_renderer_set_mission (renderer, ml_test_lookup (project, "m-ptx"));
  g_assert_cmpuint (ml_timeline_renderer_get_n_rows (renderer), ==, 2 + 8 + 4);
  g_assert_true (ml_timeline_renderer_get_row_element (renderer, 0) ==
                 ml_test_lookup (project, "ws-dk-programme"));
  g_assert_cmpint (ml_timeline_renderer_get_row (renderer, ml_test_lookup (project, "ws-dk-ptx")),
                   ==, 9);
  g_assert_cmpint (ml_timeline_renderer_get_row (renderer, ml_test_lookup (project, "ws-dk-ccus")),
                   ==, -1);
  g_assert_cmpint (ml_timeline_renderer_get_row (renderer,
                                                 ml_test_lookup (project, "a-ccus-capture")),
                   ==, -1);
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "ms-dk-final"),
                                                        &rect));
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "ms-ptx-trl"),
                                                        &rect));
  g_assert_false (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                         ml_test_lookup (project, "dp-ccus-dac"),
                                                         &rect));

  /* CCUS: the programme's EU alignment and demand dialogue do not serve it. */
  ml_timeline_renderer_set_mission (renderer, ml_test_lookup (project, "m-ccus"));
  g_assert_cmpuint (ml_timeline_renderer_get_n_rows (renderer), ==, 2 + 6 + 4);
  g_assert_cmpint (ml_timeline_renderer_get_row (renderer,
                                                 ml_test_lookup (project, "a-dk-eu-alignment")),
                   ==, -1);
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "dp-ccus-dac"),
                                                        &rect));
  /* The horizon still spans the project's period, 2021 to 2030. */
  ml_timeline_renderer_get_horizon (renderer, &first, &last);
  g_assert_cmpint (first, <=, ml_test_parse_date ("2021-01-01"));
  g_assert_cmpint (last, >=, ml_test_parse_date ("2030-12-31"));

  ml_timeline_renderer_set_mission (renderer, NULL);
  g_assert_cmpuint (ml_timeline_renderer_get_n_rows (renderer), ==, all);
}

static void
test_hit (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(MlTimelineRenderer) renderer = ml_timeline_renderer_new (project, NULL);
  MlElement *a1 = ml_test_lookup (project, "a1");
  MlTimelineViewport viewport;
  cairo_rectangle_t rect;
  MlTimelineHit hit;

  small_viewport (&viewport);
  viewport.scroll_y = 10;   /* hits follow the scrolling */
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport, a1, &rect));

  hit = ml_timeline_renderer_hit_test (renderer, &viewport, rect.x + rect.width / 2,
                                       rect.y + rect.height / 2);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_BAR);
  g_assert_true (hit.element == a1);

  hit = ml_timeline_renderer_hit_test (renderer, &viewport, rect.x + rect.width - 2,
                                       rect.y + rect.height / 2);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_BAR_END);
  g_assert_true (hit.element == a1);
  hit = ml_timeline_renderer_hit_test (renderer, &viewport, rect.x + rect.width + 4,
                                       rect.y + rect.height / 2);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_BAR_END);
  hit = ml_timeline_renderer_hit_test (renderer, &viewport, rect.x + 2, rect.y + 2);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_BAR_START);
  hit = ml_timeline_renderer_hit_test (renderer, &viewport, rect.x + rect.width + 20,
                                       rect.y + rect.height / 2);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_NONE);

  hit = ml_timeline_renderer_hit_test (renderer, &viewport, 30, rect.y + rect.height / 2);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_ROW_LABEL);
  g_assert_true (hit.element == a1);

  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "w2"), &rect));
  hit = ml_timeline_renderer_hit_test (renderer, &viewport, 30, rect.y + rect.height / 2);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_LANE_HEADER);
  g_assert_true (hit.element == ml_test_lookup (project, "w2"));

  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "m1"), &rect));
  hit = ml_timeline_renderer_hit_test (renderer, &viewport, rect.x + rect.width / 2,
                                       rect.y + rect.height / 2);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_MILESTONE);
  g_assert_true (hit.element == ml_test_lookup (project, "m1"));

  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "d1"), &rect));
  hit = ml_timeline_renderer_hit_test (renderer, &viewport, rect.x + 3, rect.y + rect.height / 2);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_DECISION);
  g_assert_true (hit.element == ml_test_lookup (project, "d1"));

  /* The axis and the space below the rows hit nothing. */
  hit = ml_timeline_renderer_hit_test (renderer, &viewport, 500, 5);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_NONE);
  hit = ml_timeline_renderer_hit_test (renderer, &viewport, 500, viewport.height - 1);
  g_assert_cmpint (hit.kind, ==, ML_TIMELINE_HIT_NONE);
}

static void
test_long_names (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(MlTimelineRenderer) renderer = ml_timeline_renderer_new (project, NULL);
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  MlElement *a3 = ml_test_lookup (project, "a3");
  MlTimelineViewport viewport;
  cairo_surface_t *surface;
  cairo_rectangle_t rect;
  double header_width = ml_timeline_renderer_get_header_width (renderer);
  double pad = style->font_size / 2;
  gboolean ink_near_end = FALSE;

  g_assert_true (ml_timeline_renderer_is_label_elided (renderer, a3));
  g_assert_false (ml_timeline_renderer_is_label_elided (renderer, ml_test_lookup (project, "a1")));
  g_assert_cmpfloat (ml_timeline_renderer_get_natural_header_width (renderer), >, 2 * header_width);

  small_viewport (&viewport);
  surface = draw_to_image (renderer, &viewport);
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport, a3, &rect));

  /* The elided name runs up to the padding before the column's edge, and never into it. */
  for (double y = rect.y; y < rect.y + rect.height; y++)
    {
      for (double x = header_width - pad + 1; x < header_width - 2; x++)
        assert_pixel_is (surface, x, y, &style->background);
      for (double x = header_width - pad - 30; x < header_width - pad; x++)
        if (!pixel_is (get_pixel (surface, x, y), &style->background))
          ink_near_end = TRUE;
    }
  g_assert_true (ink_near_end);
  cairo_surface_destroy (surface);

  /* A wider column shows it in full. */
  ml_timeline_renderer_set_header_width (renderer,
                                         ml_timeline_renderer_get_natural_header_width (renderer));
  g_assert_false (ml_timeline_renderer_is_label_elided (renderer, a3));
}

/* Whether the header column has ink between @top and @bottom. */
static gboolean
has_name_ink (cairo_surface_t *surface,
              double           left,
              double           right,
              double           top,
              double           bottom,
              const MlColor   *background)
{
  for (double y = top; y < bottom; y++)
    for (double x = left; x < right; x++)
      if (!pixel_is (get_pixel (surface, x, y), background))
        return TRUE;

  return FALSE;
}

/* On a projector at 1024 × 768 the column of names has a third of the width: a name too long
 * for a line of the body font takes two lines of the small font (22 px, over the 20 px a room
 * reads), rather than being cut to its first words. A short name keeps its one line, in the
 * middle of its row.
 */
static void
test_projector_names (void)
{
  g_autoptr(MlProject) project = load_sample ("undp-danang-circular.mlab");
  const MlStyle *style = ml_style_get (ML_STYLE_PROJECTOR);
  g_autoptr(MlTimelineRenderer) renderer = ml_timeline_renderer_new (project, style);
  MlElement *cycle = ml_test_lookup (project, "a-sensemaking-1");
  MlElement *cohort = ml_test_lookup (project, "a-cohort1");
  MlTimelineViewport viewport = { ml_date_from_ymd (2019, 12, 1), 0.18, 0, 1024, 1800 };
  double header = 1024 / 3.0, top;
  cairo_surface_t *surface;

  g_assert_cmpfloat (style->small_font_size, >=, 20);
  ml_timeline_renderer_set_header_width (renderer, header);
  g_assert_false (ml_timeline_renderer_is_label_elided (renderer, cycle));
  g_assert_false (ml_timeline_renderer_is_label_elided (renderer, cohort));
  /* “First portfolio sense-making cycle” needs more than the column on one line. */
  ml_timeline_renderer_set_header_width (renderer, 0);
  g_assert_cmpfloat (ml_timeline_renderer_get_natural_header_width (renderer), >, header);
  ml_timeline_renderer_set_header_width (renderer, header);

  surface = draw_to_image (renderer, &viewport);
  top = ml_timeline_renderer_get_axis_height (renderer) +
        ml_timeline_renderer_get_row (renderer, cycle) * style->row_height;
  g_assert_true (has_name_ink (surface, 40, header - 10, top + 3, top + 13, &style->background));
  g_assert_true (has_name_ink (surface, 40, header - 10, top + style->row_height - 14,
                               top + style->row_height - 4, &style->background));
  top = ml_timeline_renderer_get_axis_height (renderer) +
        ml_timeline_renderer_get_row (renderer, cohort) * style->row_height;
  /* The second lane is shaded. */
  g_assert_false (has_name_ink (surface, 40, header - 10, top + 3, top + 13, &style->lane));
  g_assert_true (has_name_ink (surface, 40, header - 10, top + 20, top + 38, &style->lane));
  cairo_surface_destroy (surface);
}

/* Every activity of a sample has its bar: the status colour just inside the left end where
 * work is done, the faded colour where none is.
 */
static void
test_sample (void)
{
  g_autoptr(MlProject) project = load_sample ("csiro-hydrogen.mlab");
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  g_autoptr(MlTimelineRenderer) renderer = ml_timeline_renderer_new (project, style);
  g_autoptr(GPtrArray) activities = ml_project_collect (project, ML_KIND_ACTIVITY);
  MlTimelineViewport viewport = { 0 };
  cairo_surface_t *surface;
  MlDate first, last;
  guint checked = 0;

  ml_timeline_renderer_get_horizon (renderer, &first, &last);
  g_assert_cmpuint (first, <=, ml_date_from_ymd (2020, 7, 1));
  g_assert_cmpuint (last, >=, ml_date_from_ymd (2027, 6, 30));

  ml_timeline_renderer_set_show_legend (renderer, FALSE);
  viewport.start_day = first;
  viewport.width = 1920;
  viewport.height = 1080;
  viewport.day_width = (viewport.width - ml_timeline_renderer_get_header_width (renderer)) /
                       (last - first + 1.0);
  surface = draw_to_image (renderer, &viewport);

  for (guint i = 0; i < activities->len; i++)
    {
      MlElement *activity = g_ptr_array_index (activities, i);
      int status = ml_element_get_enum (activity, ML_ACTIVITY_STATUS);
      double progress = ml_element_get_number (activity, ML_ACTIVITY_PROGRESS);
      MlColor tint = ml_color_mix (&style->status[status], &style->background, 0.62);
      cairo_rectangle_t rect;

      g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport, activity, &rect));
      if (status == ML_STATUS_STOPPED || rect.width < 8)
        continue;
      assert_pixel_is (surface, rect.x + 3, rect.y + rect.height / 2,
                       progress > 0 ? &style->status[status] : &tint);
      checked++;
    }
  g_assert_cmpuint (checked, >, activities->len / 2);

  /* Scrolled past the end, or zoomed out to nothing, it still draws. */
  cairo_surface_destroy (surface);
  viewport.scroll_y = 1e6;
  surface = draw_to_image (renderer, &viewport);
  cairo_surface_destroy (surface);
  viewport.scroll_y = 0;
  viewport.day_width = 0.00001;   /* beyond the year 9999 */
  surface = draw_to_image (renderer, &viewport);
  cairo_surface_destroy (surface);
  viewport.day_width = 200;
  surface = draw_to_image (renderer, &viewport);
  cairo_surface_destroy (surface);
}

static void
test_all_styles (void)
{
  g_autoptr(MlProject) project = load_sample ("undp-danang-circular.mlab");
  g_autoptr(MlTimelineRenderer) renderer = ml_timeline_renderer_new (project, NULL);

  for (MlStyleKind kind = ML_STYLE_SCREEN; kind <= ML_STYLE_PRINT; kind++)
    {
      const MlStyle *style = ml_style_get (kind);
      MlTimelineViewport viewport = { 0 };
      cairo_surface_t *surface;
      MlDate first, last;

      ml_timeline_renderer_set_style (renderer, style);
      ml_timeline_renderer_set_today (renderer, ml_date_from_ymd (2025, 1, 1));
      ml_timeline_renderer_get_horizon (renderer, &first, &last);
      viewport.start_day = first;
      viewport.width = 1280;
      viewport.height = 720;
      viewport.day_width = 1.5;
      surface = draw_to_image (renderer, &viewport);
      /* The corner of the axis is the style's background. */
      assert_pixel_is (surface, ml_timeline_renderer_get_header_width (renderer) + 1, 1,
                       &style->background);
      cairo_surface_destroy (surface);
    }
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("render-XXXXXX", &error);

  g_assert_no_error (error);

  return g_build_filename (dir, name, NULL);
}

static void
test_export_png (void)
{
  g_autoptr(MlProject) project = load_sample ("csiro-hydrogen.mlab");
  g_autofree char *path = temp_path ("roadmap.png");
  g_autoptr(GError) error = NULL;
  MlRoadmapExportOptions options;
  cairo_surface_t *image;

  ml_roadmap_export_options_init (&options, ML_ROADMAP_FORMAT_PNG);
  g_assert_cmpint (options.width, ==, 1920);
  options.width = 1024;
  options.today = ml_date_from_ymd (2025, 3, 15);
  g_assert_true (ml_roadmap_export (project, &options, path, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1024);
  g_assert_cmpint (cairo_image_surface_get_height (image), >, 23 * 34);
  cairo_surface_destroy (image);

  /* A folder that does not exist: an error, and nothing written. */
  {
    g_autofree char *bad = g_build_filename (path, "nowhere", "x.png", NULL);

    g_assert_false (ml_roadmap_export (project, &options, bad, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* A period that ends before it starts. */
  options.from = ml_date_from_ymd (2025, 1, 1);
  options.to = ml_date_from_ymd (2024, 1, 1);
  g_assert_false (ml_roadmap_export (project, &options, path, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE);
}

static void
test_export_svg (void)
{
  g_autoptr(MlProject) project = load_sample ("norway-pilot-e.mlab");
  g_autofree char *path = temp_path ("roadmap.svg");
  g_autoptr(GError) error = NULL;
  MlRoadmapExportOptions options;
  xmlChar *width;
  xmlDoc *doc;

  ml_roadmap_export_options_init (&options, ML_ROADMAP_FORMAT_SVG);
  options.style = ML_STYLE_PROJECTOR;
  options.from = ml_date_from_ymd (2018, 1, 1);
  options.to = ml_date_from_ymd (2022, 12, 31);
  g_assert_true (ml_roadmap_export (project, &options, path, &error));
  g_assert_no_error (error);

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  width = xmlGetProp (xmlDocGetRootElement (doc), (const xmlChar *) "width");
  g_assert_cmpstr ((const char *) width, ==, "1920px");
  xmlFree (width);
  xmlFreeDoc (doc);
}

static guint
count_pdf_pages (const char *path)
{
  static const char key[] = "/Type /Page";
  g_autofree char *contents = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Page objects, not the /Pages tree; compressed streams hold NUL bytes, so no strstr(). */
  for (gsize i = 0; i + sizeof key < length; i++)
    if (memcmp (contents + i, key, sizeof key - 1) == 0 && contents[i + sizeof key - 1] != 's')
      pages++;

  return pages;
}

static void
test_export_pdf (void)
{
  g_autoptr(MlProject) project = load_sample ("ifd-green-missions.mlab");
  g_autofree char *path = temp_path ("roadmap.pdf");
  g_autoptr(GError) error = NULL;
  MlRoadmapExportOptions options;
  guint expected;

  ml_roadmap_export_options_init (&options, ML_ROADMAP_FORMAT_PDF);
  g_assert_cmpint (options.style, ==, ML_STYLE_PRINT);
  g_assert_cmpint (options.paper, ==, ML_PAPER_A4);

  /* Two years, half a year to a page: four spans across, times the slices of rows. */
  options.from = ml_date_from_ymd (2023, 1, 1);
  options.to = ml_date_from_ymd (2024, 12, 31);
  options.page_days = 183;
  expected = ml_roadmap_export_count_pages (project, &options);
  g_assert_cmpuint (expected % 4, ==, 0);
  g_assert_cmpuint (expected, >, 1);
  g_assert_true (ml_roadmap_export (project, &options, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pdf_pages (path), ==, expected);

  /* Whole horizon, automatic: a ten-year roadmap does not fit one A4 page legibly; A3 takes
   * no more pages.
   */
  options.from = options.to = ML_DATE_NONE;
  options.page_days = 0;
  expected = ml_roadmap_export_count_pages (project, &options);
  g_assert_cmpuint (expected, >, 1);
  g_assert_true (ml_roadmap_export (project, &options, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pdf_pages (path), ==, expected);
  options.paper = ML_PAPER_A3;
  g_assert_cmpuint (ml_roadmap_export_count_pages (project, &options), <=, expected);

  /* A short window on A3 fits on one page. */
  options.from = ml_date_from_ymd (2024, 1, 1);
  options.to = ml_date_from_ymd (2024, 6, 30);
  g_assert_cmpuint (ml_roadmap_export_count_pages (project, &options), ==, 1);
  g_assert_true (ml_roadmap_export (project, &options, path, &error));
  g_assert_cmpuint (count_pdf_pages (path), ==, 1);
}

static void
test_export_names (void)
{
  MlRoadmapFormat format;
  MlPaperSize paper;

  g_assert_true (ml_roadmap_format_from_string ("PDF", &format));
  g_assert_cmpint (format, ==, ML_ROADMAP_FORMAT_PDF);
  g_assert_true (ml_roadmap_format_from_string ("svg", &format));
  g_assert_cmpint (format, ==, ML_ROADMAP_FORMAT_SVG);
  g_assert_false (ml_roadmap_format_from_string ("gif", &format));
  g_assert_true (ml_paper_size_from_string ("a3", &paper));
  g_assert_cmpint (paper, ==, ML_PAPER_A3);
  g_assert_false (ml_paper_size_from_string ("letter", &paper));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/style/contrast", test_contrast);
  g_test_add_func ("/render/style/names", test_style_names);
  g_test_add_func ("/render/time-units", test_time_units);
  g_test_add_func ("/render/timeline/viewport", test_viewport_mapping);
  g_test_add_func ("/render/timeline/bars-today-markers", test_bars_today_markers);
  g_test_add_func ("/render/timeline/selection", test_selection_and_critical);
  g_test_add_func ("/render/timeline/collapse", test_collapse);
  g_test_add_func ("/render/timeline/hit", test_hit);
  g_test_add_func ("/render/timeline/mission-focus", test_mission_focus);
  g_test_add_func ("/render/timeline/long-names", test_long_names);
  g_test_add_func ("/render/timeline/projector-names", test_projector_names);
  g_test_add_func ("/render/timeline/sample", test_sample);
  g_test_add_func ("/render/timeline/styles", test_all_styles);
  g_test_add_func ("/render/export/png", test_export_png);
  g_test_add_func ("/render/export/svg", test_export_svg);
  g_test_add_func ("/render/export/pdf", test_export_pdf);
  g_test_add_func ("/render/export/names", test_export_names);

  return g_test_run ();
}
