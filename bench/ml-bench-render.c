/* ml-bench-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the roadmap takes to draw one 1920×1080 viewport into an ARGB32 image, the frame a
 * window paints while scrolling, median of N_DRAWS draws after a warm-up; and, apart, how long
 * building the row index takes (once per change to the project, never per frame). A frame
 * must cost the same whatever the size of the roadmap: only the rows in view are drawn.
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <math.h>

#include "ml-bench-generate.h"
#include "ml-bench-render.h"
#include "ml-bench-util.h"
#include "ml-timeline-renderer.h"

#define N_DRAWS          20
#define N_LAYOUTS        5
#define SMALLEST_ROADMAP 100

/* The targets: a frame within half a 60 Hz refresh, and no growth with the roadmap. */
#define TARGET_DRAW_MS     8.0
#define TARGET_DRAW_GROWTH 1.5

typedef struct
{
  double layout;   /* milliseconds, medians */
  double draw;
  double draw_p99;
  double peak_mb;
} RenderResult;

static MlProject *
generate_project (guint n_activities)
{
  MlBenchSize size = { n_activities, MAX (10, n_activities / 10), n_activities / 5, 0, 0, 0 };
  g_autoptr(GBytes) bytes = ml_bench_generate (&size, ML_BENCH_SEED);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return ml_bench_read_generated (data, length, "roadmap.mlab");
}

static void
run_render_case (guint         n_activities,
                 RenderResult *result)
{
  g_autoptr(MlProject) project = generate_project (n_activities);
  g_autoptr(MlTimelineRenderer) renderer = ml_timeline_renderer_new (project, NULL);
  ml_bench_reset_peak_rss ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  MlTimelineViewport viewport = { 0 };
  double layouts[N_LAYOUTS], draws[N_DRAWS];
  MlDate first, last;

  for (guint i = 0; i < N_LAYOUTS; i++)
    {
      gint64 start;

      ml_timeline_renderer_invalidate (renderer);
      start = g_get_monotonic_time ();
      ml_timeline_renderer_get_content_height (renderer);
      layouts[i] = ml_bench_elapsed_ms (start);
    }
  result->layout = ml_bench_median (layouts, N_LAYOUTS);

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
  for (guint i = 0; i < N_DRAWS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      ml_timeline_renderer_draw (renderer, cr, &viewport);
      cairo_surface_flush (surface);
      draws[i] = ml_bench_elapsed_ms (start);
      /* Scroll by a row each time, so that each frame lays out other rows. */
      viewport.scroll_y += ml_style_get (ML_STYLE_SCREEN)->row_height;
    }
  result->draw = ml_bench_median (draws, N_DRAWS);
  result->draw_p99 = ml_bench_percentile (draws, N_DRAWS, 99);
  result->peak_mb = ml_bench_peak_mb ();

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    ml_bench_fail ("drawing failed: %s", cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/**
 * ml_bench_render:
 * @table: where to add the rows
 * @n_activities: the size of the roadmap
 *
 * Adds the rows of the roadmap of that size: building its row index, and drawing a viewport
 * against drawing one of the smallest roadmap.
 */
void
ml_bench_render (MlBenchTable *table,
                 guint         n_activities)
{
  g_autofree char *count = ml_bench_format_count (n_activities);
  g_autofree char *size = g_strdup_printf ("%s act.", count);
  RenderResult result, smallest;
  MlBenchRow *row;

  run_render_case (n_activities, &result);

  row = ml_bench_table_add (table, "roadmap row index (once per change)", size, result.layout);
  row->peak_mb = result.peak_mb;

  row = ml_bench_table_add (table, "roadmap viewport draw, 1920×1080", size, result.draw);
  row->p99 = result.draw_p99;
  row->peak_mb = result.peak_mb;
  row->target_ms = TARGET_DRAW_MS;
  if (n_activities != SMALLEST_ROADMAP)
    {
      run_render_case (SMALLEST_ROADMAP, &smallest);
      ml_bench_row_set_reference (row, "draw at 100 act.", smallest.draw, NAN);
      row->target_ratio = TARGET_DRAW_GROWTH;
    }
}
