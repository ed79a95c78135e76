/* ml-map-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-map-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-graph-renderer.h"
#include "ml-map-export.h"

#define LAYOUT_SEED 1
#define MAX_ITERATIONS 2000

static cairo_status_t
append_to_buffer (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* The map as the screen lays it out: placed stakeholders where the user put them. */
static MlLayout *
make_layout (MlProject    *project,
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
  options->style = format == ML_ROADMAP_FORMAT_PDF ? ML_STYLE_PRINT : ML_STYLE_SCREEN;
  /* A4 landscape in points for PDF; a full-HD screen otherwise. */
  options->width = format == ML_ROADMAP_FORMAT_PDF ? 842 : 1920;
  options->height = format == ML_ROADMAP_FORMAT_PDF ? 595 : 1080;
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
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  MlGraphViewport viewport = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (ML_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL && options->width > 0 && options->height > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = make_layout (project, options->layout);
  renderer = ml_graph_renderer_new (project, ml_style_get (options->style));
  ml_graph_renderer_set_layout (renderer, layout);
  ml_graph_viewport_fit (&viewport, layout, options->width, options->height);

  switch (options->format)
    {
    case ML_ROADMAP_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_to_buffer, buffer, options->width,
                                                     options->height);
      break;
    case ML_ROADMAP_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_buffer, buffer, options->width,
                                                     options->height);
      break;
    case ML_ROADMAP_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width, options->height);
      break;
    }

  cr = cairo_create (surface);
  ml_graph_renderer_draw (renderer, cr, &viewport);
  cairo_destroy (cr);
  if (options->format == ML_ROADMAP_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_buffer, buffer);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the map: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_set_contents_full (path, (const char *) buffer->data, buffer->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
