/* test-graph-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholder map renderer, checked where a user would look: the pixels at a disc's
 * centre and on a conflict line, the fading outside the selection's ego network, what a
 * click hits, and that fitting the viewport keeps every disc in view, on every sample and
 * every layout.
 */

#include "config.h"

#include <math.h>

#include "ml-diagnostic.h"
#include "ml-enums.h"
#include "ml-graph-renderer.h"
#include "ml-project-io.h"
#include "ml-xml-reader.h"

#define WIDTH 800
#define HEIGHT 600
/* Cairo rounds colours and antialiases edges: compare channels with a tolerance. */
#define TOLERANCE 3

/* On the power–interest grid: c top left, a top right, b bottom left, d bottom right. */
static const char graph_project[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
  "  <title>Graph render test</title>\n"
  "  <stakeholders>\n"
  "    <stakeholder id=\"a\" type=\"government\" level=\"national\" influence=\"5\" interest=\"5\">"
  "<name>Ministry</name></stakeholder>\n"
  "    <stakeholder id=\"b\" type=\"research\" level=\"national\" influence=\"1\" interest=\"1\">"
  "<name>University</name></stakeholder>\n"
  "    <stakeholder id=\"c\" type=\"industry\" level=\"national\" influence=\"5\" interest=\"1\">"
  "<name>Industry association</name></stakeholder>\n"
  "    <stakeholder id=\"d\" type=\"citizens\" level=\"national\" influence=\"1\" interest=\"5\">"
  "<name>Residents</name></stakeholder>\n"
  "  </stakeholders>\n"
  "  <relations>\n"
  "    <relation id=\"r1\" from=\"a\" to=\"b\" kind=\"funding\" direction=\"directed\""
  " strength=\"3\"/>\n"
  "    <relation id=\"r2\" from=\"c\" to=\"d\" kind=\"conflict\" direction=\"mutual\""
  " strength=\"2\"/>\n"
  "  </relations>\n"
  "</project>\n";

typedef struct
{
  MlProject       *project;
  MlLayout        *layout;
  MlGraphRenderer *renderer;
  MlGraphViewport  viewport;
  cairo_surface_t *surface;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;

  (void) data;
  f->project = ml_xml_read (graph_project, strlen (graph_project), "graph.mlab", diagnostics,
                            &error);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = ml_diagnostic_format (g_ptr_array_index (diagnostics, i),
                                                    "graph.mlab");

      g_test_message ("%s", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (f->project);
  g_assert_cmpuint (ml_diagnostics_count (diagnostics, ML_SEVERITY_ERROR), ==, 0);
  f->layout = ml_layout_new (f->project, ML_LAYOUT_POWER_INTEREST, 1);
  f->renderer = ml_graph_renderer_new (f->project, ml_style_get (ML_STYLE_SCREEN));
  ml_graph_renderer_set_layout (f->renderer, f->layout);
  ml_graph_viewport_fit (&f->viewport, f->layout, WIDTH, HEIGHT);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  (void) data;
  cairo_surface_destroy (f->surface);
  g_clear_object (&f->renderer);
  g_clear_pointer (&f->layout, ml_layout_free);
  g_clear_object (&f->project);
}

static void
draw (Fixture *f)
{
  cairo_t *cr = cairo_create (f->surface);

  ml_graph_renderer_draw (f->renderer, cr, &f->viewport);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
}

static MlColor
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  pixel = *(const guint32 *) (data + y * stride + x * 4);

  /* The background is opaque, so premultiplication changes nothing. */
  return (MlColor) { (pixel >> 16 & 0xff) / 255.0, (pixel >> 8 & 0xff) / 255.0,
                     (pixel & 0xff) / 255.0, 1 };
}

static double
color_distance (const MlColor *a,
                const MlColor *b)
{
  return MAX (fabs (a->red - b->red), MAX (fabs (a->green - b->green),
                                           fabs (a->blue - b->blue))) * 255;
}

static void
get_center (Fixture    *f,
            const char *id,
            int        *x,
            int        *y)
{
  cairo_rectangle_t rect;

  g_assert_true (ml_graph_renderer_get_node_rect (f->renderer, &f->viewport,
                                                  ml_project_lookup (f->project, id), &rect));
  *x = (int) floor (rect.x + rect.width / 2);
  *y = (int) floor (rect.y + rect.height / 2);
}

static void
test_disc_colour (Fixture       *f,
                  gconstpointer  data)
{
  /* Tol's muted green, the industry colour. */
  MlColor industry = { 0x11 / 255.0, 0x77 / 255.0, 0x33 / 255.0, 1 };
  MlColor pixel;
  int x, y;

  (void) data;
  draw (f);
  get_center (f, "c", &x, &y);
  pixel = get_pixel (f->surface, x, y);
  g_assert_cmpfloat (color_distance (&pixel, &industry), <=, TOLERANCE);
}

static void
test_conflict_line (Fixture       *f,
                    gconstpointer  data)
{
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  int cx, cy, dx, dy, mx, my;
  gboolean found = FALSE;

  (void) data;
  draw (f);
  get_center (f, "c", &cx, &cy);
  get_center (f, "d", &dx, &dy);
  mx = (cx + dx) / 2;
  my = (cy + dy) / 2;
  /* A dash or the next one lies within a dash gap of the midpoint. */
  for (int y = my - 10; y <= my + 10 && !found; y++)
    for (int x = mx - 10; x <= mx + 10 && !found; x++)
      {
        MlColor pixel = get_pixel (f->surface, x, y);

        found = color_distance (&pixel, &style->critical) <= TOLERANCE;
      }
  g_assert_true (found);
}

static void
test_ego_fading (Fixture       *f,
                 gconstpointer  data)
{
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  MlColor plain, faded, neighbour_plain, neighbour_selected;
  int x, y, bx, by;

  (void) data;
  get_center (f, "c", &x, &y);
  get_center (f, "b", &bx, &by);
  draw (f);
  plain = get_pixel (f->surface, x, y);
  neighbour_plain = get_pixel (f->surface, bx, by);

  ml_graph_renderer_set_selected (f->renderer, ml_project_lookup (f->project, "a"));
  draw (f);
  faded = get_pixel (f->surface, x, y);
  neighbour_selected = get_pixel (f->surface, bx, by);

  /* c is not linked to a: faded toward the background; b is, and stays as it was. */
  g_assert_cmpfloat (color_distance (&faded, &style->background), <,
                     color_distance (&plain, &style->background) - 40);
  g_assert_cmpfloat (color_distance (&neighbour_plain, &neighbour_selected), <=, TOLERANCE);
}

static void
test_hit_test (Fixture       *f,
               gconstpointer  data)
{
  const char *ids[] = { "a", "b", "c", "d" };

  (void) data;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      int x, y;

      get_center (f, ids[i], &x, &y);
      g_assert_true (ml_graph_renderer_hit_test (f->renderer, &f->viewport, x + 0.5, y + 0.5) ==
                     ml_project_lookup (f->project, ids[i]));
    }
  /* The corners of the surface are in the margin, far from every disc. */
  g_assert_null (ml_graph_renderer_hit_test (f->renderer, &f->viewport, 1, 1));
  g_assert_null (ml_graph_renderer_hit_test (f->renderer, &f->viewport, WIDTH - 1,
                                             HEIGHT - 1));
}

static void
test_legend_toggle (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree guint8 *with = g_malloc (HEIGHT * cairo_image_surface_get_stride (f->surface));
  gboolean differ = FALSE;
  int stride = cairo_image_surface_get_stride (f->surface);
  const guint8 *pixels = cairo_image_surface_get_data (f->surface);

  (void) data;
  draw (f);
  memcpy (with, pixels, HEIGHT * stride);
  ml_graph_renderer_set_show_legend (f->renderer, FALSE);
  draw (f);
  /* The legend sits in the top right corner. */
  for (int y = 0; y < HEIGHT / 3 && !differ; y++)
    differ = memcmp (with + y * stride + WIDTH / 2 * 4, pixels + y * stride + WIDTH / 2 * 4,
                     WIDTH / 2 * 4) != 0;
  g_assert_true (differ);
}

static void
check_fit (MlProject     *project,
           MlLayoutKind   kind,
           const MlStyle *style,
           int            width,
           int            height)
{
  g_autoptr(MlLayout) layout = ml_layout_new (project, kind, 7);
  g_autoptr(MlGraphRenderer) renderer = ml_graph_renderer_new (project, style);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  MlGraphViewport viewport;
  cairo_t *cr;

  if (kind == ML_LAYOUT_FORCE)
    ml_layout_run (layout, 500);
  ml_graph_renderer_set_layout (renderer, layout);
  ml_graph_viewport_fit (&viewport, layout, width, height);
  for (guint i = 0; i < ml_layout_get_n_nodes (layout); i++)
    {
      cairo_rectangle_t rect;

      g_assert_true (ml_graph_renderer_get_node_rect (renderer, &viewport,
                                                      ml_layout_get_node (layout, i), &rect));
      g_assert_cmpfloat (rect.x, >=, 0);
      g_assert_cmpfloat (rect.y, >=, 0);
      g_assert_cmpfloat (rect.x + rect.width, <=, width);
      g_assert_cmpfloat (rect.y + rect.height, <=, height);
    }

  /* Drawing a whole sample, selection included, must not warn (warnings are fatal here). */
  if (ml_layout_get_n_nodes (layout) > 0)
    ml_graph_renderer_set_selected (renderer, ml_layout_get_node (layout, 0));
  cr = cairo_create (surface);
  ml_graph_renderer_draw (renderer, cr, &viewport);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_fit_small (Fixture       *f,
                gconstpointer  data)
{
  (void) data;
  for (MlLayoutKind kind = ML_LAYOUT_FORCE; kind <= ML_LAYOUT_TYPE_CIRCLE; kind++)
    {
      check_fit (f->project, kind, ml_style_get (ML_STYLE_SCREEN), WIDTH, HEIGHT);
      check_fit (f->project, kind, ml_style_get (ML_STYLE_PROJECTOR), 1024, 768);
    }
}

static void
test_fit_samples (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_getenv ("MISSIONLAB_SAMPLES"), 0, NULL);
  const char *name;
  guint n_samples = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(MlProject) project = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".mlab"))
        continue;
      path = g_build_filename (g_getenv ("MISSIONLAB_SAMPLES"), name, NULL);
      project = ml_project_load (path, NULL, NULL, &error);
      g_assert_no_error (error);
      for (MlLayoutKind kind = ML_LAYOUT_FORCE; kind <= ML_LAYOUT_TYPE_CIRCLE; kind++)
        {
          check_fit (project, kind, ml_style_get (ML_STYLE_SCREEN), 1920, 1080);
          check_fit (project, kind, ml_style_get (ML_STYLE_PROJECTOR), 1024, 768);
        }
      n_samples++;
    }
  g_assert_cmpuint (n_samples, >, 0);
}

/* The rightmost edge of any disc in @viewport. */
static double
get_right_edge (Fixture               *f,
                const MlGraphViewport *viewport)
{
  g_autoptr(GPtrArray) stakeholders = ml_project_collect (f->project, ML_KIND_STAKEHOLDER);
  double right = -G_MAXDOUBLE;

  for (guint i = 0; i < stakeholders->len; i++)
    {
      cairo_rectangle_t rect;

      g_assert_true (ml_graph_renderer_get_node_rect (f->renderer, viewport,
                                                      g_ptr_array_index (stakeholders, i), &rect));
      right = MAX (right, rect.x + rect.width);
    }

  return right;
}

/* With its legend showing, the map keeps to the left of the legend's column; without, it
 * takes the whole width; a legend too wide for the view leaves the map the whole width.
 */
static void
test_fit_beside_legend (Fixture       *f,
                        gconstpointer  data)
{
  MlGraphViewport with_legend, without_legend, narrow;

  /* A tall view, so that the width decides the scale. */
  ml_graph_renderer_set_show_legend (f->renderer, TRUE);
  ml_graph_renderer_fit (f->renderer, &with_legend, WIDTH, 4 * HEIGHT);
  ml_graph_renderer_set_show_legend (f->renderer, FALSE);
  ml_graph_renderer_fit (f->renderer, &without_legend, WIDTH, 4 * HEIGHT);

  g_assert_cmpint (with_legend.width, ==, WIDTH);
  g_test_message ("right edge %.1f with the legend, %.1f without",
                  get_right_edge (f, &with_legend), get_right_edge (f, &without_legend));
  /* The legend of this project's types and kinds is more than 100 px wide in the screen style,
   * and the map leaves its column free.
   */
  g_assert_cmpfloat (get_right_edge (f, &with_legend), <, get_right_edge (f, &without_legend) - 100);
  g_assert_cmpfloat (get_right_edge (f, &without_legend), <=, WIDTH);

  /* 200 px wide: the legend would take more than two fifths, so the map ignores it. */
  ml_graph_renderer_set_show_legend (f->renderer, TRUE);
  ml_graph_renderer_fit (f->renderer, &narrow, 200, HEIGHT);
  ml_graph_viewport_fit (&without_legend, f->layout, 200, HEIGHT);
  g_assert_cmpfloat_with_epsilon (narrow.scale, without_legend.scale, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/graph-render/disc-colour", test_disc_colour);
  ADD ("/graph-render/conflict-line", test_conflict_line);
  ADD ("/graph-render/ego-fading", test_ego_fading);
  ADD ("/graph-render/hit-test", test_hit_test);
  ADD ("/graph-render/legend-toggle", test_legend_toggle);
  ADD ("/graph-render/fit/small", test_fit_small);
  ADD ("/graph-render/fit/beside-legend", test_fit_beside_legend);
#undef ADD
  g_test_add_func ("/graph-render/fit/samples", test_fit_samples);

  return g_test_run ();
}
