/* ml-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document: pages, the title page, the contents, the footers and the flow of text down the
 * pages. The whole report is drawn twice: the first pass, into a PDF surface that writes
 * nowhere, finds where each section starts and how many pages there are; the second draws the
 * same pages with the contents and the "Page N of M" footers filled in. Pango lays out the text,
 * so cairo embeds the fonts and the text stays selectable.
 */

#define G_LOG_DOMAIN "ml-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-page-export.h"
#include "ml-report-private.h"

static const MlReportSectionFunc section_funcs[ML_REPORT_N_SECTIONS] = {
  ml_report_draw_missions,
  ml_report_draw_indicators,
  ml_report_draw_roadmap,
  ml_report_draw_stakeholders,
  ml_report_draw_mix,
  ml_report_draw_portfolio,
  ml_report_draw_decisions,
};

const char *
ml_report_section_title (MlReportSection section)
{
  switch (section)
    {
    case ML_REPORT_MISSIONS:
      return _("Missions and objectives");
    case ML_REPORT_INDICATORS:
      return _("Indicators");
    case ML_REPORT_ROADMAP:
      return _("Roadmap");
    case ML_REPORT_STAKEHOLDERS:
      return _("Stakeholder map");
    case ML_REPORT_MIX:
      return _("Policy mix");
    case ML_REPORT_PORTFOLIO:
      return _("Portfolio");
    case ML_REPORT_DECISIONS:
      return _("Decision log");
    case ML_REPORT_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

double
ml_report_content_width (void)
{
  return ML_REPORT_PAGE_WIDTH - 2 * ML_REPORT_MARGIN;
}

/* Where blocks end: above the footer. */
double
ml_report_bottom (void)
{
  return ML_REPORT_PAGE_HEIGHT - ML_REPORT_MARGIN;
}

PangoLayout *
ml_report_create_layout (MlReport    *report,
                         double       size,
                         PangoWeight  weight,
                         double       width)
{
  PangoLayout *layout = pango_cairo_create_layout (report->cr);
  g_autoptr(PangoFontDescription) font = NULL;

  font = pango_font_description_from_string (report->style->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));

  return layout;
}

static void
draw_footer (MlReport *report)
{
  const MlStyle *style = report->style;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *number = NULL;
  double width = ml_report_content_width ();
  double y = ML_REPORT_PAGE_HEIGHT - ML_REPORT_MARGIN + 12;
  PangoRectangle logical;

  /* In the first pass the total is not known yet; the text only has to take the same room. */
  number = g_strdup_printf (_("Page %u of %u"), report->page,
                            report->n_pages > 0 ? report->n_pages : report->page);
  layout = ml_report_create_layout (report, 8, PANGO_WEIGHT_NORMAL, -1);
  ml_style_set_source (report->cr, &style->dim);

  pango_layout_set_text (layout, number, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (report->cr, ML_REPORT_MARGIN + width - logical.width, y);
  pango_cairo_show_layout (report->cr, layout);

  pango_layout_set_text (layout, report->title, -1);
  pango_layout_set_width (layout, (int) ((width - logical.width - 24) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (report->cr, ML_REPORT_MARGIN, y);
  pango_cairo_show_layout (report->cr, layout);

  cairo_set_line_width (report->cr, 0.5);
  ml_style_set_source (report->cr, &style->grid);
  cairo_move_to (report->cr, ML_REPORT_MARGIN, y - 4);
  cairo_line_to (report->cr, ML_REPORT_MARGIN + width, y - 4);
  cairo_stroke (report->cr);
}

static void
finish_page (MlReport *report)
{
  if (report->page == 0)
    return;

  draw_footer (report);
  cairo_show_page (report->cr);
}

/* Finishes the current page, if any, and starts a blank one. */
void
ml_report_new_page (MlReport *report)
{
  finish_page (report);
  report->page++;
  report->y = ML_REPORT_MARGIN;
}

/* The height @draw takes from the top of a page, drawn on a scratch page that is thrown
 * away; G_MAXDOUBLE for a block that would not fit on one page.
 */
double
ml_report_measure (MlReport          *report,
                   MlReportBlockFunc  draw,
                   gpointer           user_data)
{
  MlReport scratch = *report;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  double height;

  scratch.cr = cairo_create (surface);
  scratch.page = 1;
  scratch.y = ML_REPORT_MARGIN;
  draw (&scratch, user_data);
  height = scratch.page == 1 ? scratch.y - ML_REPORT_MARGIN : G_MAXDOUBLE;
  cairo_destroy (scratch.cr);
  cairo_surface_destroy (surface);

  return height;
}

/* Starts a new page only if fewer than @height points are left on this one; a block taller
 * than a page gets a fresh page of its own. Returns whether it started one.
 */
gboolean
ml_report_ensure (MlReport *report,
                  double    height)
{
  if (report->y + height <= ml_report_bottom () || report->y <= ML_REPORT_MARGIN)
    return FALSE;

  ml_report_new_page (report);

  return TRUE;
}

void
ml_report_space (MlReport *report,
                 double    height)
{
  report->y += height;
}

/* Flows @text down the pages line by line: a paragraph longer than what is left of the page
 * continues at the top of the next one. Lines after the first are indented by @hang more.
 */
static void
flow_text (MlReport      *report,
           const char    *text,
           double         size,
           PangoWeight    weight,
           double         indent,
           double         hang,
           const MlColor *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;

  if (text == NULL || *text == '\0')
    return;

  /* Pango puts a negative indent's first line left of the others, at a negative x. */
  indent += hang;
  layout = ml_report_create_layout (report, size, weight, ml_report_content_width () - indent);
  pango_layout_set_indent (layout, (int) (-hang * PANGO_SCALE));
  if (hang > 0)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                                (int) hang);

      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
    }
  pango_layout_set_text (layout, text, -1);
  ml_style_set_source (report->cr, color != NULL ? color : &report->style->foreground);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double ascent;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      ascent = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      if (ml_report_ensure (report, (double) logical.height / PANGO_SCALE))
        ml_style_set_source (report->cr, color != NULL ? color : &report->style->foreground);
      cairo_move_to (report->cr, ML_REPORT_MARGIN + indent + (double) logical.x / PANGO_SCALE,
                     report->y + ascent);
      pango_cairo_show_layout_line (report->cr, line);
      report->y += (double) logical.height / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
ml_report_text (MlReport      *report,
                const char    *text,
                double         size,
                PangoWeight    weight,
                double         indent,
                const MlColor *color)
{
  flow_text (report, text, size, weight, indent, 0, color);
}

/* An item of a list: a bullet, then @text wrapped under its own first word. */
void
ml_report_bullet (MlReport   *report,
                  const char *text,
                  double      indent)
{
  g_autofree char *line = g_strdup_printf ("•\t%s", text);

  flow_text (report, line, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, indent,
             ML_REPORT_BODY_SIZE * 1.2, NULL);
}

/* A heading stays with at least a few lines of what follows it. */
void
ml_report_heading (MlReport   *report,
                   const char *text)
{
  ml_report_ensure (report, ML_REPORT_HEADING_KEEP);
  if (report->y > ML_REPORT_MARGIN)
    ml_report_space (report, ML_REPORT_BODY_SIZE);
  ml_report_text (report, text, ML_REPORT_SUBHEADING_SIZE, PANGO_WEIGHT_BOLD, 0, NULL);
  ml_report_space (report, 4);
}

/* Each section starts on a page of its own, under its title. */
void
ml_report_begin_section (MlReport        *report,
                         MlReportSection  section)
{
  cairo_surface_t *surface = cairo_get_target (report->cr);
  const char *title = ml_report_section_title (section);

  ml_report_new_page (report);
  report->section_pages[section] = report->page;
  if (report->n_pages > 0)
    {
      g_autofree char *link = g_strdup_printf ("page=%u", report->page);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link,
                                     CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }
  ml_report_text (report, title, ML_REPORT_HEADING_SIZE, PANGO_WEIGHT_BOLD, 0,
                  &report->style->accent);
  ml_report_space (report, ML_REPORT_BODY_SIZE);
}

static void
draw_title_page (MlReport *report)
{
  MlElement *root = ml_project_get_root (report->project);
  const MlStyle *style = report->style;
  const char *owner = ml_element_get_string (root, ML_PROJECT_OWNER);
  const char *challenge = ml_element_get_string (root, ML_PROJECT_CHALLENGE);
  MlDate start = ml_element_get_date (root, ML_PROJECT_START);
  MlDate end = ml_element_get_date (root, ML_PROJECT_END);
  g_autofree char *today = ml_date_format (report->today);
  g_autofree char *dated = g_strdup_printf (_("Report of %s"), today);

  ml_report_new_page (report);
  report->y = ML_REPORT_PAGE_HEIGHT * 0.22;
  ml_report_text (report, _("Project report"), ML_REPORT_SUBHEADING_SIZE, PANGO_WEIGHT_NORMAL, 0,
                  &style->dim);
  ml_report_space (report, 6);
  ml_report_text (report, report->title, 30, PANGO_WEIGHT_BOLD, 0, &style->accent);
  ml_report_space (report, 18);
  if (owner != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Owner: %s"), owner);

      ml_report_text (report, text, ML_REPORT_SUBHEADING_SIZE, PANGO_WEIGHT_NORMAL, 0, NULL);
    }
  if (start != ML_DATE_NONE && end != ML_DATE_NONE)
    {
      g_autofree char *first = ml_date_format (start);
      g_autofree char *last = ml_date_format (end);
      g_autofree char *text = g_strdup_printf (_("Horizon: %s – %s"), first, last);

      ml_report_text (report, text, ML_REPORT_SUBHEADING_SIZE, PANGO_WEIGHT_NORMAL, 0, NULL);
    }
  if (challenge != NULL)
    {
      ml_report_space (report, 18);
      ml_report_text (report, _("Challenge"), ML_REPORT_BODY_SIZE, PANGO_WEIGHT_BOLD, 0,
                      &style->dim);
      ml_report_space (report, 2);
      ml_report_text (report, challenge, 12, PANGO_WEIGHT_NORMAL, 0, NULL);
    }
  ml_report_space (report, 24);
  ml_report_text (report, dated, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 0, &style->dim);
}

/* One line per section, its page number at the right margin, the whole line a link. */
static void
draw_contents (MlReport *report)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width = ml_report_content_width () * 0.6;
  double line_height = ML_REPORT_SUBHEADING_SIZE * 2;

  ml_report_new_page (report);
  ml_report_text (report, _("Contents"), ML_REPORT_HEADING_SIZE, PANGO_WEIGHT_BOLD, 0,
                  &report->style->accent);
  ml_report_space (report, ML_REPORT_SUBHEADING_SIZE);

  layout = ml_report_create_layout (report, ML_REPORT_SUBHEADING_SIZE, PANGO_WEIGHT_NORMAL, -1);
  for (guint s = 0; s < ML_REPORT_N_SECTIONS; s++)
    {
      g_autofree char *number = g_strdup_printf ("%u", report->section_pages[s]);
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 0]", report->section_pages[s]);
      PangoRectangle logical;

      if (report->n_pages > 0)
        cairo_tag_begin (report->cr, CAIRO_TAG_LINK, link);
      ml_style_set_source (report->cr, &report->style->foreground);
      pango_layout_set_text (layout, ml_report_section_title (s), -1);
      cairo_move_to (report->cr, ML_REPORT_MARGIN, report->y);
      pango_cairo_show_layout (report->cr, layout);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      cairo_move_to (report->cr, ML_REPORT_MARGIN + width - logical.width, report->y);
      pango_cairo_show_layout (report->cr, layout);
      if (report->n_pages > 0)
        cairo_tag_end (report->cr, CAIRO_TAG_LINK);

      ml_style_set_source (report->cr, &report->style->grid);
      cairo_set_line_width (report->cr, 0.5);
      cairo_move_to (report->cr, ML_REPORT_MARGIN, report->y + line_height - 6);
      cairo_line_to (report->cr, ML_REPORT_MARGIN + width, report->y + line_height - 6);
      cairo_stroke (report->cr);
      report->y += line_height;
    }
}

static void
draw_document (MlReport *report)
{
  report->page = 0;
  draw_title_page (report);
  draw_contents (report);
  for (guint s = 0; s < ML_REPORT_N_SECTIONS; s++)
    section_funcs[s] (report);
  finish_page (report);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* One pass over the whole document into @surface; returns cairo's verdict. */
static cairo_status_t
run_pass (MlReport        *report,
          cairo_surface_t *surface)
{
  cairo_status_t status;

  report->cr = cairo_create (surface);
  draw_document (report);
  status = cairo_status (report->cr);
  g_clear_pointer (&report->cr, cairo_destroy);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * ml_report_write_pdf:
 * @project: a project
 * @today: the date of the report: what statuses are judged by and the today line
 * @path: where; replaced atomically, so a failed report leaves an existing file as it was
 * @error: return location for an error
 *
 * Writes the project report: a title page, the contents, then missions and objectives,
 * indicators, the roadmap, the stakeholder map, the policy mix, the portfolio and the decision
 * log, on A4 landscape pages numbered "Page N of M".
 *
 * Returns: whether the file was written
 */
gboolean
ml_report_write_pdf (MlProject   *project,
                     MlDate       today,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  MlReport report = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (ML_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report.project = project;
  report.today = today != ML_DATE_NONE ? today : ml_date_today ();
  report.style = ml_style_get (ML_STYLE_PRINT);
  report.title = ml_project_dup_title (project, ml_project_get_root (project));
  if (report.title == NULL || *report.title == '\0')
    {
      g_free (report.title);
      report.title = g_strdup (_("Untitled project"));
    }

  surface = cairo_pdf_surface_create_for_stream (discard, NULL, ML_REPORT_PAGE_WIDTH,
                                                 ML_REPORT_PAGE_HEIGHT);
  status = run_pass (&report, surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      report.n_pages = report.page;
      surface = cairo_pdf_surface_create_for_stream (ml_page_export_append, buffer,
                                                     ML_REPORT_PAGE_WIDTH, ML_REPORT_PAGE_HEIGHT);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report.title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "MissionLab");
      status = run_pass (&report, surface);
      g_warn_if_fail (status != CAIRO_STATUS_SUCCESS || report.page == report.n_pages);
    }
  g_free (report.title);

  return ml_page_export_save (buffer, status, path, error);
}
