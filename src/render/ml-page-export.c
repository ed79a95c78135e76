/* ml-page-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-page-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "ml-page-export.h"

/**
 * ml_page_export_append:
 * @closure: a #GByteArray
 * @data: what cairo wrote
 * @length: its length
 *
 * A #cairo_write_func_t that collects a surface's output in memory, for
 * ml_page_export_save().
 *
 * Returns: success
 */
cairo_status_t
ml_page_export_append (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * ml_page_export_save:
 * @buffer: what ml_page_export_append() collected
 * @status: how drawing went
 * @path: where; replaced atomically
 * @error: return location for an error
 *
 * Writes @buffer to @path if the drawing succeeded; otherwise leaves @path as it was.
 *
 * Returns: whether the file was written
 */
gboolean
ml_page_export_save (GByteArray      *buffer,
                     cairo_status_t   status,
                     const char      *path,
                     GError         **error)
{
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the page: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_set_contents_full (path, (const char *) buffer->data, buffer->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* Print style on A4 landscape (in points) for PDF; screen style on a full-HD screen otherwise. */
void
ml_page_export_defaults (MlRoadmapFormat  format,
                         MlStyleKind     *style,
                         int             *width,
                         int             *height)
{
  *style = format == ML_ROADMAP_FORMAT_PDF ? ML_STYLE_PRINT : ML_STYLE_SCREEN;
  *width = format == ML_ROADMAP_FORMAT_PDF ? 842 : 1920;
  *height = format == ML_ROADMAP_FORMAT_PDF ? 595 : 1080;
}

/**
 * ml_page_export:
 * @format: PNG, SVG or PDF
 * @width: pixels; points for PDF
 * @height: pixels; points for PDF
 * @draw: draws the page
 * @user_data: for @draw
 * @path: where; replaced atomically, so a failed export leaves an existing file as it was
 * @error: return location for an error
 *
 * The page is drawn in memory first: nothing is written unless it was drawn whole.
 *
 * Returns: whether the file was written
 */
gboolean
ml_page_export (MlRoadmapFormat   format,
                int               width,
                int               height,
                MlPageDrawFunc    draw,
                gpointer          user_data,
                const char       *path,
                GError          **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (draw != NULL && path != NULL, FALSE);

  switch (format)
    {
    case ML_ROADMAP_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (ml_page_export_append, buffer, width, height);
      break;
    case ML_ROADMAP_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (ml_page_export_append, buffer, width, height);
      break;
    case ML_ROADMAP_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }

  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  cairo_destroy (cr);
  if (format == ML_ROADMAP_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, ml_page_export_append, buffer);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  return ml_page_export_save (buffer, status, path, error);
}
