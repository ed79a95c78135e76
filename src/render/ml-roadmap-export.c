/* ml-roadmap-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports draw with the same renderer as the window, into cairo's image, SVG and PDF
 * surfaces. Files are written through g_file_replace(), so a failed export never leaves half
 * a file in place of a good one. PDF text stays text: cairo embeds the fonts, and readers
 * can select and search the names.
 */

#define G_LOG_DOMAIN "ml-roadmap-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ml-error.h"
#include "ml-roadmap-export.h"
#include "ml-time-unit.h"
#include "ml-timeline-renderer.h"

/* Points: about 8.5 mm, inside what office printers can reach. */
#define PDF_MARGIN 24.0

/* The narrowest day on paper, in points (2.3 pixels at 96 dpi): month names still fit under
 * their months and a two-week activity is a bar, not a line. A4 then shows a year per page.
 */
#define PDF_MIN_DAY_WIDTH 1.75

/* Cairo's limit for image surfaces. */
#define PNG_MAX_SIZE 32767

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

typedef struct
{
  MlDate first;
  MlDate last;
} Span;

/* How a PDF is cut into pages: spans of time across, slices of rows down. */
typedef struct
{
  MlStyle style;        /* the export's style, its rows perhaps lower to fit one page */
  double  page_width;
  double  page_height;
  double  header_width;
  double  day_width;
  double  legend_height;
  double  footer_height;
  GArray *spans;        /* Span */
  GArray *row_starts;   /* guint: the first row of each slice, then the number of rows */
} PagePlan;

static void
page_plan_clear (PagePlan *plan)
{
  g_clear_pointer (&plan->spans, g_array_unref);
  g_clear_pointer (&plan->row_starts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PagePlan, page_plan_clear)

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
open_sink (Sink        *sink,
           const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  sink->error = NULL;
  sink->stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                                  error));

  return sink->stream != NULL;
}

/* Replaces the file with what was written, or, when something failed, leaves it as it was. */
static gboolean
close_sink (Sink            *sink,
            cairo_status_t   status,
            GError         **error)
{
  gboolean ok;

  if (sink->error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error (&sink->error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the roadmap: %s"),
                 cairo_status_to_string (status));

  if (sink->error != NULL)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      g_cancellable_cancel (cancellable);
      g_output_stream_close (sink->stream, cancellable, NULL);
      g_propagate_error (error, g_steal_pointer (&sink->error));
      ok = FALSE;
    }
  else
    {
      ok = g_output_stream_close (sink->stream, NULL, error);
    }

  g_clear_object (&sink->stream);

  return ok;
}

/**
 * ml_roadmap_export_options_init:
 * @options: (out): the options to fill
 * @format: the format
 *
 * Fills @options with the defaults: the whole horizon, 1920 pixels wide, the screen style for
 * images and the print style on A4 for PDF, no today line.
 */
void
ml_roadmap_export_options_init (MlRoadmapExportOptions *options,
                                MlRoadmapFormat         format)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = format;
  options->width = ML_ROADMAP_EXPORT_DEFAULT_WIDTH;
  options->style = format == ML_ROADMAP_FORMAT_PDF ? ML_STYLE_PRINT : ML_STYLE_SCREEN;
  options->paper = ML_PAPER_A4;
}

gboolean
ml_roadmap_format_from_string (const char      *name,
                               MlRoadmapFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "png") == 0)
    *format = ML_ROADMAP_FORMAT_PNG;
  else if (g_ascii_strcasecmp (name, "svg") == 0)
    *format = ML_ROADMAP_FORMAT_SVG;
  else if (g_ascii_strcasecmp (name, "pdf") == 0)
    *format = ML_ROADMAP_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

gboolean
ml_paper_size_from_string (const char  *name,
                           MlPaperSize *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = ML_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "a3") == 0)
    *paper = ML_PAPER_A3;
  else
    return FALSE;

  return TRUE;
}

static MlTimelineRenderer *
create_renderer (MlProject                    *project,
                 const MlRoadmapExportOptions *options,
                 MlDate                       *from,
                 MlDate                       *to)
{
  MlTimelineRenderer *renderer = ml_timeline_renderer_new (project,
                                                           ml_style_get (options->style));
  MlDate first, last;

  ml_timeline_renderer_set_today (renderer, options->today);
  ml_timeline_renderer_set_show_legend (renderer, FALSE);
  ml_timeline_renderer_get_horizon (renderer, &first, &last);
  *from = options->from != ML_DATE_NONE ? options->from : first;
  *to = options->to != ML_DATE_NONE ? options->to : last;

  return renderer;
}

static int
month_index (MlDate day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  return g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1;
}

static MlDate
month_start (int index)
{
  return ml_date_from_ymd (index / 12, index % 12 + 1, 1);
}

/* Across: the whole window on one page if its days are wide enough; else pages of whole
 * months, quarters, half-years or years, aligned on the calendar so that each page starts
 * where a reader expects, all at one scale.
 */
static void
plan_spans (PagePlan                     *plan,
            const MlRoadmapExportOptions *options,
            MlDate                        from,
            MlDate                        to,
            double                        time_width)
{
  static const int months_per_page[] = { 60, 36, 24, 12, 6, 3, 2, 1 };
  double days = (double) to - from + 1;
  int months = 0;

  plan->spans = g_array_new (FALSE, FALSE, sizeof (Span));

  if (options->page_days <= 0 && days * PDF_MIN_DAY_WIDTH <= time_width)
    {
      Span span = { from, to };

      g_array_append_val (plan->spans, span);
      plan->day_width = time_width / days;
      return;
    }

  for (guint i = 0; options->page_days <= 0 && i < G_N_ELEMENTS (months_per_page); i++)
    {
      if ((months_per_page[i] * 30.5 + 1) * PDF_MIN_DAY_WIDTH <= time_width)
        {
          months = months_per_page[i];
          break;
        }
    }

  if (months > 0)
    {
      double longest = 0;

      for (int m = month_index (from) / months * months; month_start (m) <= to; m += months)
        {
          Span span = { MAX (from, month_start (m)), MIN (to, month_start (m + months) - 1) };

          longest = MAX (longest, month_start (m + months) - month_start (m));
          g_array_append_val (plan->spans, span);
        }
      plan->day_width = time_width / longest;
    }
  else
    {
      int page_days = options->page_days > 0 ? options->page_days
                                             : MAX (1, (int) (time_width / PDF_MIN_DAY_WIDTH));

      for (MlDate day = from; day <= to; day += page_days)
        {
          Span span = { day, MIN (to, day + page_days - 1) };

          g_array_append_val (plan->spans, span);
        }
      plan->day_width = time_width / page_days;
    }
}

/* Down: as many rows as fit, but a workstream that would start in the last third of a page
 * starts the next one instead, and no page ends with a workstream's header alone.
 */
static void
plan_rows (PagePlan           *plan,
           MlTimelineRenderer *renderer,
           guint               rows_per_page)
{
  guint n_rows = ml_timeline_renderer_get_n_rows (renderer);
  guint start = 0;

  plan->row_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  do
    {
      guint end = MIN (start + rows_per_page, n_rows);

      if (end < n_rows)
        {
          for (guint r = end; r > start + 1 && r > start + rows_per_page * 2 / 3; r--)
            {
              if (ml_element_get_kind (ml_timeline_renderer_get_row_element (renderer, r)) ==
                  ML_KIND_WORKSTREAM)
                {
                  end = r;
                  break;
                }
            }
        }
      g_array_append_val (plan->row_starts, start);
      start = end;
    }
  while (start < n_rows);
  g_array_append_val (plan->row_starts, n_rows);
}

static void
plan_pages (PagePlan                     *plan,
            MlTimelineRenderer           *renderer,
            const MlRoadmapExportOptions *options,
            MlDate                        from,
            MlDate                        to)
{
  const MlStyle *style = ml_timeline_renderer_get_style (renderer);
  double a4_width = 841.89, a4_height = 595.28;
  double rows_height, min_row_height;
  guint rows_per_page, n_rows;

  memset (plan, 0, sizeof *plan);
  plan->style = *style;
  if (options->paper == ML_PAPER_A3)
    {
      plan->page_width = 1190.55;
      plan->page_height = a4_width;
    }
  else
    {
      plan->page_width = a4_width;
      plan->page_height = a4_height;
    }

  /* The style's column, which on A4 leaves a year's width for time. */
  plan->header_width = MIN (style->header_width, (plan->page_width - 2 * PDF_MARGIN) * 0.28);
  ml_timeline_renderer_set_header_width (renderer, plan->header_width);
  ml_timeline_renderer_get_legend_size (renderer, plan->page_width - 2 * PDF_MARGIN, NULL,
                                        &plan->legend_height);
  plan->footer_height = ceil (style->small_font_size * 2.2);

  plan_spans (plan, options, from, to, plan->page_width - 2 * PDF_MARGIN - plan->header_width);

  rows_height = plan->page_height - 2 * PDF_MARGIN - plan->footer_height - plan->legend_height -
                style->font_size - ml_timeline_renderer_get_axis_height (renderer);

  /* Rows that nearly fit are pressed together rather than spilling onto a page of their own,
   * down to rows a little taller than their text.
   */
  n_rows = ml_timeline_renderer_get_n_rows (renderer);
  min_row_height = ceil (style->font_size * 1.75);
  if (n_rows * style->row_height > rows_height && n_rows * min_row_height <= rows_height)
    {
      plan->style.row_height = floor (rows_height / n_rows * 4) / 4;
      ml_timeline_renderer_set_style (renderer, &plan->style);
    }

  rows_per_page = (guint) MAX (1, floor (rows_height / plan->style.row_height));
  plan_rows (plan, renderer, rows_per_page);
}

static guint
count_pages (const PagePlan *plan)
{
  return plan->spans->len * (plan->row_starts->len - 1);
}

static void
draw_footer (cairo_t        *cr,
             const MlStyle  *style,
             const PagePlan *plan,
             const char     *title,
             const Span     *span,
             guint           page,
             guint           n_pages)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font_family);
  g_autofree char *left = g_strdup_printf (_("%s — page %u of %u"), title, page, n_pages);
  g_autofree char *first = ml_date_format (span->first);
  g_autofree char *last = ml_date_format (span->last);
  g_autofree char *right = g_strdup_printf ("%s – %s", first, last);
  double baseline = plan->page_height - PDF_MARGIN - plan->footer_height / 2;
  double width = plan->page_width - 2 * PDF_MARGIN;
  PangoRectangle logical;

  pango_font_description_set_absolute_size (font, style->small_font_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  ml_style_set_source (cr, &style->dim);

  pango_layout_set_text (layout, right, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, PDF_MARGIN + width - (double) logical.width / PANGO_SCALE,
                 baseline - (double) logical.height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);

  pango_layout_set_text (layout, left, -1);
  pango_layout_set_width (layout, (int) ((width - (double) logical.width / PANGO_SCALE -
                                          style->font_size) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, PDF_MARGIN, baseline - (double) logical.height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

static cairo_status_t
export_pdf (MlProject                    *project,
            const MlRoadmapExportOptions *options,
            Sink                         *sink)
{
  g_autoptr(MlTimelineRenderer) renderer = NULL;
  g_auto(PagePlan) plan = { 0 };
  g_autofree char *title = NULL;
  const MlStyle *style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  MlDate from, to;
  guint page = 0, n_pages;

  renderer = create_renderer (project, options, &from, &to);
  plan_pages (&plan, renderer, options, from, to);
  style = &plan.style;
  n_pages = count_pages (&plan);
  title = g_strdup (ml_element_get_string (ml_project_get_root (project), ML_PROJECT_TITLE));
  if (title == NULL)
    title = g_strdup (_("Roadmap"));

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, plan.page_width,
                                                 plan.page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "MissionLab");
  cr = cairo_create (surface);

  for (guint s = 0; s < plan.spans->len; s++)
    {
      const Span *span = &g_array_index (plan.spans, Span, s);

      for (guint slice = 0; slice + 1 < plan.row_starts->len; slice++)
        {
          guint first_row = g_array_index (plan.row_starts, guint, slice);
          guint end_row = g_array_index (plan.row_starts, guint, slice + 1);
          MlTimelineViewport viewport = { 0 };

          viewport.start_day = span->first;
          viewport.day_width = plan.day_width;
          viewport.scroll_y = first_row * style->row_height;
          viewport.width = (int) ceil (plan.header_width +
                                       (span->last + 1.0 - span->first) * plan.day_width);
          viewport.height = (int) ceil (ml_timeline_renderer_get_axis_height (renderer) +
                                        (end_row - first_row) * style->row_height);

          cairo_save (cr);
          cairo_translate (cr, PDF_MARGIN, PDF_MARGIN);
          ml_timeline_renderer_draw (renderer, cr, &viewport);
          ml_timeline_renderer_draw_legend (renderer, cr, 0, viewport.height + style->font_size,
                                            plan.page_width - 2 * PDF_MARGIN);
          cairo_restore (cr);
          draw_footer (cr, style, &plan, title, span, ++page, n_pages);
          cairo_show_page (cr);
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/* One image: the whole window of time and every row, the legend below. */
static cairo_status_t
export_image (MlProject                    *project,
              const MlRoadmapExportOptions *options,
              Sink                         *sink,
              GError                      **error)
{
  g_autoptr(MlTimelineRenderer) renderer = NULL;
  const MlStyle *style = ml_style_get (options->style);
  MlTimelineViewport viewport = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  MlDate from, to;
  double header_width, margin, legend_width, legend_height, height;
  int width = options->width > 0 ? options->width : ML_ROADMAP_EXPORT_DEFAULT_WIDTH;

  renderer = create_renderer (project, options, &from, &to);

  /* Room for the names in full when the image is wide; narrow images keep most of their
   * width for time.
   */
  header_width = MIN (MAX (style->header_width,
                           ml_timeline_renderer_get_natural_header_width (renderer)),
                      round (width * 0.24));
  header_width = MAX (header_width, MIN (style->header_width, round (width * 0.3)));
  ml_timeline_renderer_set_header_width (renderer, header_width);
  margin = style->font_size;
  ml_timeline_renderer_get_legend_size (renderer, width - 2 * margin, &legend_width,
                                        &legend_height);
  height = ml_timeline_renderer_get_axis_height (renderer) +
           ml_timeline_renderer_get_content_height (renderer);

  viewport.start_day = from;
  viewport.day_width = (width - header_width) / ((double) to - from + 1);
  viewport.width = width;
  viewport.height = (int) ceil (height);
  height = ceil (height + legend_height + 2 * margin);

  if (options->format == ML_ROADMAP_FORMAT_PNG)
    {
      if (width > PNG_MAX_SIZE || height > PNG_MAX_SIZE)
        {
          g_set_error (error, ML_ERROR, ML_ERROR_TOO_LARGE,
                       _("The roadmap is too large for a PNG image (%d × %.0f pixels, at most %d "
                         "each way); export it as PDF or SVG"), width, height, PNG_MAX_SIZE);
          return CAIRO_STATUS_INVALID_SIZE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, (int) height);
    }
  else
    {
      surface = cairo_svg_surface_create_for_stream (write_to_sink, sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }

  cr = cairo_create (surface);
  ml_style_set_source (cr, &style->background);
  cairo_paint (cr);
  ml_timeline_renderer_draw (renderer, cr, &viewport);
  ml_timeline_renderer_draw_legend (renderer, cr, width - margin - legend_width,
                                    viewport.height + margin, width - 2 * margin);
  cairo_destroy (cr);

  status = CAIRO_STATUS_SUCCESS;
  if (options->format == ML_ROADMAP_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_sink, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static gboolean
check_options (MlProject                    *project,
               const MlRoadmapExportOptions *options,
               GError                      **error)
{
  if (options->from != ML_DATE_NONE && options->to != ML_DATE_NONE && options->to < options->from)
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("The end of the exported period is before its start"));
      return FALSE;
    }
  if (options->width < 0 || options->page_days < 0)
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("The width and the days per page cannot be negative"));
      return FALSE;
    }

  return TRUE;
}

/**
 * ml_roadmap_export_count_pages:
 * @project: a project
 * @options: PDF options
 *
 * Returns: the number of pages ml_roadmap_export() writes for @options: spans of time across
 *   times slices of rows down; 1 for images
 */
guint
ml_roadmap_export_count_pages (MlProject                    *project,
                               const MlRoadmapExportOptions *options)
{
  g_autoptr(MlTimelineRenderer) renderer = NULL;
  g_auto(PagePlan) plan = { 0 };
  MlDate from, to;

  g_return_val_if_fail (ML_IS_PROJECT (project), 0);
  g_return_val_if_fail (options != NULL, 0);

  if (options->format != ML_ROADMAP_FORMAT_PDF || !check_options (project, options, NULL))
    return 1;

  renderer = create_renderer (project, options, &from, &to);
  plan_pages (&plan, renderer, options, from, to);

  return count_pages (&plan);
}

/**
 * ml_roadmap_export:
 * @project: the project
 * @options: what to export, how
 * @path: the file to write; replaced only once the export has succeeded
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
ml_roadmap_export (MlProject                    *project,
                   const MlRoadmapExportOptions *options,
                   const char                   *path,
                   GError                      **error)
{
  g_autoptr(GError) local_error = NULL;
  cairo_status_t status;
  Sink sink;

  g_return_val_if_fail (ML_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_options (project, options, error))
    return FALSE;

  if (!open_sink (&sink, path, error))
    return FALSE;

  if (options->format == ML_ROADMAP_FORMAT_PDF)
    status = export_pdf (project, options, &sink);
  else
    status = export_image (project, options, &sink, &local_error);

  if (local_error != NULL && sink.error == NULL)
    sink.error = g_steal_pointer (&local_error);

  return close_sink (&sink, status, error);
}
