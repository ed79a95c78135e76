/* ml-bench-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the roadmap takes to draw one 1920×1080 viewport, the frame a window paints while
 * scrolling, for roadmaps of 100, 10,000 and 100,000 activities; and, apart, how long building
 * the row index takes (once per change to the project, never per frame). A frame must cost
 * the same whatever the size of the roadmap: only the rows in view are drawn.
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ml-bench-generate.h"
#include "ml-bench-render.h"
#include "ml-bench-util.h"
#include "ml-diagnostic.h"
#include "ml-timeline-renderer.h"
#include "ml-xml-reader.h"

#define N_DRAWS   20
#define N_LAYOUTS 5

/* The targets: a frame within half a 60 Hz refresh, and no growth with the roadmap. */
#define TARGET_DRAW_MS     8.0
#define TARGET_DRAW_GROWTH 1.5

typedef struct
{
  const char *label;
  guint       n_activities;
  gboolean    quick;
} RenderCase;

static const RenderCase render_cases[] = {
  { "100", 100, TRUE },
  { "10k", 10000, TRUE },
  { "100k", 100000, FALSE },
};

typedef struct
{
  const RenderCase *render_case;
  guint             n_rows;
  double            layout;   /* milliseconds, medians */
  double            collapse;
  double            draw;
  double            draw_max;
} RenderResult;

static MlProject *
generate_project (guint n_activities)
{
  MlBenchSize size = { n_activities, MAX (10, n_activities / 10), n_activities / 5, 0, 0, 0 };
  g_autoptr(GBytes) bytes = ml_bench_generate (&size, ML_BENCH_SEED);
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  MlProject *project = ml_xml_read (data, length, "bench.mlab", diagnostics, &error);

  if (project == NULL)
    g_error ("the generated project of %u activities did not load: %s", n_activities,
             error->message);

  return project;
}

static void
run_render_case (const RenderCase *render_case,
                 RenderResult     *result)
{
  g_autoptr(MlProject) project = generate_project (render_case->n_activities);
  g_autoptr(MlTimelineRenderer) renderer = ml_timeline_renderer_new (project, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  MlTimelineViewport viewport = { 0 };
  double layouts[N_LAYOUTS], draws[N_DRAWS];
  MlDate first, last;

  result->render_case = render_case;

  for (guint i = 0; i < N_LAYOUTS; i++)
    {
      gint64 start;

      ml_timeline_renderer_invalidate (renderer);
      start = g_get_monotonic_time ();
      ml_timeline_renderer_get_content_height (renderer);
      layouts[i] = ml_bench_elapsed_ms (start);
    }
  result->layout = ml_bench_median (layouts, N_LAYOUTS);
  result->n_rows = ml_timeline_renderer_get_n_rows (renderer);

  /* Collapsing a workstream rebuilds the rows, not the schedule. */
  for (guint i = 0; i < N_LAYOUTS; i++)
    {
      MlElement *workstream = ml_timeline_renderer_get_row_element (renderer, 0);
      gint64 start = g_get_monotonic_time ();

      ml_timeline_renderer_set_collapsed (renderer, workstream, TRUE);
      ml_timeline_renderer_get_content_height (renderer);
      layouts[i] = ml_bench_elapsed_ms (start);
      ml_timeline_renderer_set_collapsed (renderer, workstream, FALSE);
      ml_timeline_renderer_get_content_height (renderer);
    }
  result->collapse = ml_bench_median (layouts, N_LAYOUTS);

  /* Two years around the middle of the horizon, scrolled to the middle of the rows, as a
   * user looking at the current part of a large portfolio would see it.
   */
  ml_timeline_renderer_get_horizon (renderer, &first, &last);
  viewport.width = 1920;
  viewport.height = 1080;
  viewport.day_width = (viewport.width - ml_timeline_renderer_get_header_width (renderer)) / 730.0;
  viewport.start_day = first + (last - first) / 2.0 - 365;
  viewport.scroll_y = floor (ml_timeline_renderer_get_content_height (renderer) / 2);
  ml_timeline_renderer_set_today (renderer, (MlDate) (viewport.start_day + 400));

  ml_timeline_renderer_draw (renderer, cr, &viewport);   /* warm-up: fonts, glyph caches */
  result->draw_max = 0;
  for (guint i = 0; i < N_DRAWS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      ml_timeline_renderer_draw (renderer, cr, &viewport);
      cairo_surface_flush (surface);
      draws[i] = ml_bench_elapsed_ms (start);
      result->draw_max = MAX (result->draw_max, draws[i]);
      /* Scroll by a row each time, so that each frame lays out other rows. */
      viewport.scroll_y += ml_style_get (ML_STYLE_SCREEN)->row_height;
    }
  result->draw = ml_bench_median (draws, N_DRAWS);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("drawing failed: %s", cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/**
 * ml_bench_render:
 * @quick: only the two smaller roadmaps
 *
 * Prints the timeline table.
 *
 * Returns: whether every target was met
 */
gboolean
ml_bench_render (gboolean quick)
{
  RenderResult results[G_N_ELEMENTS (render_cases)] = { { 0 } };
  guint n = 0;
  gboolean met = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (render_cases); i++)
    {
      if (quick && !render_cases[i].quick)
        continue;
      run_render_case (&render_cases[i], &results[n++]);
    }

  g_print ("MissionLab timeline benchmark: milliseconds; one 1920x1080 viewport into an ARGB32 "
           "image,\nmedian of %d draws after a warm-up; the row index (layout) median of %d "
           "builds\n\n", N_DRAWS, N_LAYOUTS);
  g_print ("%-46s", "activities");
  for (guint i = 0; i < n; i++)
    g_print ("%20s", results[i].render_case->label);
  g_print ("\n%-46s", "rows (workstream headers + activities)");
  for (guint i = 0; i < n; i++)
    g_print ("%20u", results[i].n_rows);
  g_print ("\n%-46s", "timeline layout (row index, schedule)");
  for (guint i = 0; i < n; i++)
    g_print ("%20.2f", results[i].layout);
  g_print ("\n%-46s", "rows again after collapsing a workstream");
  for (guint i = 0; i < n; i++)
    g_print ("%20.2f", results[i].collapse);
  g_print ("\n%-46s", "draw one viewport, median");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *cell = g_strdup_printf ("%.2f %s", results[i].draw,
                                               results[i].draw <= TARGET_DRAW_MS ? "ok" : "MISSED");

      met = met && results[i].draw <= TARGET_DRAW_MS;
      g_print ("%20s", cell);
    }
  g_print ("   target <= %g ms\n%-46s", TARGET_DRAW_MS, "draw one viewport, slowest");
  for (guint i = 0; i < n; i++)
    g_print ("%20.2f", results[i].draw_max);
  g_print ("\n%-46s", "draw / draw of 100 activities");
  for (guint i = 0; i < n; i++)
    {
      double ratio = results[i].draw / results[0].draw;
      g_autofree char *cell = g_strdup_printf ("%.2fx %s", ratio,
                                               ratio <= TARGET_DRAW_GROWTH ? "ok" : "MISSED");

      met = met && ratio <= TARGET_DRAW_GROWTH;
      g_print ("%20s", cell);
    }
  g_print ("   target <= %gx\n\n", TARGET_DRAW_GROWTH);

  return met;
}
