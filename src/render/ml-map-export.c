/* ml-map-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-map-export"

#include "config.h"

#include <math.h>

#include "ml-graph-renderer.h"
#include "ml-map-export.h"
#include "ml-page-export.h"

#define LAYOUT_SEED 1
#define MAX_ITERATIONS 2000

/**
 * ml_map_export_create_layout:
 * @project: a project
 * @kind: the layout
 *
 * The map as the screen lays it out: placed stakeholders where the user put them.
 *
 * Returns: (transfer full): the layout, run
 */
MlLayout *
ml_map_export_create_layout (MlProject    *project,
                             MlLayoutKind  kind)
{
  MlLayout *layout = ml_layout_new (project, kind, LAYOUT_SEED);

  for (guint i = 0; kind == ML_LAYOUT_FORCE && i < ml_layout_get_n_nodes (layout); i++)
    {
      MlElement *stakeholder = ml_layout_get_node (layout, i);
      double x = ml_element_get_number (stakeholder, ML_STAKEHOLDER_X);
      double y = ml_element_get_number (stakeholder, ML_STAKEHOLDER_Y);

      if (isnan (x) || isnan (y))
        continue;
      ml_layout_set_position (layout, stakeholder, x, y);
      ml_layout_set_pinned (layout, stakeholder, TRUE);
    }
  ml_layout_run (layout, MAX_ITERATIONS);

  return layout;
}

void
ml_map_export_options_init (MlMapExportOptions *options,
                            MlRoadmapFormat     format)
{
  g_return_if_fail (options != NULL);

  options->format = format;
  options->layout = ML_LAYOUT_FORCE;
  ml_page_export_defaults (format, &options->style, &options->width, &options->height);
}

typedef struct
{
  MlGraphRenderer *renderer;
  MlGraphViewport  viewport;
} MapPage;

static void
draw_map (cairo_t  *cr,
          int       width,
          int       height,
          gpointer  user_data)
{
  MapPage *page = user_data;

  ml_graph_renderer_draw (page->renderer, cr, &page->viewport);
}

/**
 * ml_map_export:
 * @project: a project
 * @options: what to write
 * @path: where; replaced atomically, so a failed export leaves an existing file as it was
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
ml_map_export (MlProject                *project,
               const MlMapExportOptions *options,
               const char               *path,
               GError                  **error)
{
  g_autoptr(MlLayout) layout = NULL;
  g_autoptr(MlGraphRenderer) renderer = NULL;
  MapPage page = { 0 };

  g_return_val_if_fail (ML_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL && options->width > 0 && options->height > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = ml_map_export_create_layout (project, options->layout);
  renderer = ml_graph_renderer_new (project, ml_style_get (options->style));
  ml_graph_renderer_set_layout (renderer, layout);
  page.renderer = renderer;
  ml_graph_renderer_fit (renderer, &page.viewport, options->width, options->height);

  return ml_page_export (options->format, options->width, options->height, draw_map, &page,
                         path, error);
}
