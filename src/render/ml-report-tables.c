/* ml-report-tables.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections of the report that are lists and tables: the portfolio, with its totals per
 * currency, and the decision log. A table continues on the next page under its header again.
 */

#define G_LOG_DOMAIN "ml-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-portfolio.h"
#include "ml-report-private.h"
#include "ml-stats.h"

#define CELL_PADDING 4.0

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_STATUS,
  COLUMN_OWNER,
  COLUMN_START,
  COLUMN_END,
  COLUMN_BUDGET,
  N_COLUMNS
} Column;

/* Shares of the page's width. */
static const double column_shares[N_COLUMNS] = { 0.30, 0.09, 0.08, 0.19, 0.09, 0.09, 0.16 };

static const char *
get_column_title (Column column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return _("Name");
    case COLUMN_KIND:
      return _("Kind");
    case COLUMN_STATUS:
      return _("Status");
    case COLUMN_OWNER:
      return _("Owner");
    case COLUMN_START:
      return _("Start");
    case COLUMN_END:
      return _("End");
    case COLUMN_BUDGET:
      return _("Budget");
    case N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
get_enum_label (MlField field,
                int     value)
{
  const MlEnumInfo *info = ml_field_get_info (field)->enum_info;

  if (value < 0 || (guint) value >= info->n_values)
    return "";

  return _(info->labels[value]);
}

static const char *
get_name_of (MlReport   *report,
             const char *id)
{
  MlElement *element = id != NULL && *id != '\0' ? ml_project_lookup (report->project, id) : NULL;
  const char *label = element != NULL ? ml_element_get_label (element) : NULL;

  return label != NULL ? label : id != NULL ? id : "";
}

static char *
format_date (MlDate date)
{
  return date != ML_DATE_NONE ? ml_date_format (date) : g_strdup ("");
}

/* In the reader's locale, digits grouped: amounts of a billion are common. */
static char *
format_budget (double      amount,
               const char *currency)
{
  if (isnan (amount))
    return g_strdup ("");

  return g_strdup_printf ("%'.0f %s", amount, currency != NULL ? currency : "");
}

/* Draws one row of cells at the cursor, starting a new page (and repeating @header there) when
 * it and @keep_with points of what follows do not fit. With @header NULL the row is the header
 * itself.
 */
static void
draw_row (MlReport    *report,
          const char **cells,
          const char **header,
          double       keep_with)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoWeight weight = header == NULL ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
  double width = ml_report_content_width ();
  double height = 0, x = ML_REPORT_MARGIN;

  layout = ml_report_create_layout (report, ML_REPORT_BODY_SIZE - 1, weight, -1);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      int cell_height;

      pango_layout_set_width (layout, (int) ((width * column_shares[c] - 2 * CELL_PADDING) *
                                             PANGO_SCALE));
      pango_layout_set_text (layout, cells[c], -1);
      pango_layout_get_pixel_size (layout, NULL, &cell_height);
      height = MAX (height, cell_height + 2 * CELL_PADDING);
    }

  if (ml_report_ensure (report, height + keep_with) && header != NULL)
    draw_row (report, header, NULL, 0);

  if (header == NULL)
    {
      ml_style_set_source (report->cr, &report->style->lane);
      cairo_rectangle (report->cr, ML_REPORT_MARGIN, report->y, width, height);
      cairo_fill (report->cr);
    }

  ml_style_set_source (report->cr, &report->style->foreground);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double cell_width = width * column_shares[c];

      pango_layout_set_width (layout, (int) ((cell_width - 2 * CELL_PADDING) * PANGO_SCALE));
      pango_layout_set_alignment (layout, c == COLUMN_BUDGET ? PANGO_ALIGN_RIGHT
                                                             : PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, cells[c], -1);
      cairo_move_to (report->cr, x + CELL_PADDING, report->y + CELL_PADDING);
      pango_cairo_show_layout (report->cr, layout);
      x += cell_width;
    }

  ml_style_set_source (report->cr, &report->style->grid);
  cairo_set_line_width (report->cr, 0.5);
  cairo_move_to (report->cr, ML_REPORT_MARGIN, report->y + height);
  cairo_line_to (report->cr, ML_REPORT_MARGIN + width, report->y + height);
  cairo_stroke (report->cr);
  report->y += height;
}

static void
draw_portfolio_row (MlReport             *report,
                    const MlPortfolioRow *row,
                    const char          **header,
                    double                keep_with)
{
  g_autofree char *start = format_date (row->start);
  g_autofree char *end = format_date (row->end);
  g_autofree char *budget = format_budget (row->budget, row->cells[ML_PORTFOLIO_CURRENCY]);
  const char *cells[N_COLUMNS];

  cells[COLUMN_NAME] = row->cells[ML_PORTFOLIO_NAME] != NULL ? row->cells[ML_PORTFOLIO_NAME] : "";
  cells[COLUMN_KIND] = _(ml_kind_get_info (row->kind)->label);
  cells[COLUMN_STATUS] = row->status >= 0 ? get_enum_label (ML_ACTIVITY_STATUS, row->status) : "";
  cells[COLUMN_OWNER] = get_name_of (report, row->cells[ML_PORTFOLIO_OWNER]);
  cells[COLUMN_START] = start;
  cells[COLUMN_END] = end;
  cells[COLUMN_BUDGET] = budget;
  draw_row (report, cells, header, keep_with);
}

void
ml_report_draw_portfolio (MlReport *report)
{
  g_autoptr(GPtrArray) rows = ml_portfolio_compute (report->project, report->today);
  g_autoptr(GArray) totals = NULL;
  const char *header[N_COLUMNS];

  ml_report_begin_section (report, ML_REPORT_PORTFOLIO);
  if (rows->len == 0)
    {
      ml_report_text (report, _("The project has no activities or instruments yet."),
                      ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 0, &report->style->dim);
      return;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    header[c] = get_column_title (c);
  draw_row (report, header, NULL, 0);
  totals = ml_portfolio_total (rows);
  /* The totals stay on the page of the last row rather than alone on a page of their own. */
  for (guint i = 0; i < rows->len; i++)
    draw_portfolio_row (report, g_ptr_array_index (rows, i), header,
                        i + 1 < rows->len ? 0 : 8 + totals->len * ML_REPORT_BODY_SIZE * 1.5);

  ml_report_space (report, 8);
  for (guint i = 0; i < totals->len; i++)
    {
      const MlBudget *total = &g_array_index (totals, MlBudget, i);
      g_autofree char *amount = format_budget (total->amount, total->currency);
      g_autofree char *text = g_strdup_printf (_("Total: %s (%u items)"), amount,
                                               total->n_items);

      ml_report_text (report, text, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_BOLD, 0, NULL);
    }
}

static int
compare_by_date (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  MlField field = GPOINTER_TO_INT (user_data);
  MlDate date_a = ml_element_get_date (*(MlElement **) a, field);
  MlDate date_b = ml_element_get_date (*(MlElement **) b, field);

  return date_a < date_b ? -1 : date_a > date_b;
}

static void
draw_decision_point (MlReport  *report,
                     MlElement *point)
{
  const char *name = ml_element_get_label (point);
  const char *rationale = ml_element_get_string (point, ML_DECISION_RATIONALE);
  const char *criteria = ml_element_get_string (point, ML_DECISION_CRITERIA);
  g_autofree char *date = format_date (ml_element_get_date (point, ML_DECISION_DATE));
  g_autofree char *decided = format_date (ml_element_get_date (point, ML_DECISION_DECIDED));
  g_autofree char *title = g_strdup_printf ("%s — %s", date, name != NULL ? name : "");
  g_autofree char *outcome = NULL;
  int value = ml_element_get_enum (point, ML_DECISION_OUTCOME);

  if (*decided != '\0')
    outcome = g_strdup_printf (_("Outcome: %s, decided on %s"),
                               get_enum_label (ML_DECISION_OUTCOME, value), decided);
  else
    outcome = g_strdup_printf (_("Outcome: %s"), get_enum_label (ML_DECISION_OUTCOME,
                                                                  MAX (value, 0)));

  ml_report_ensure (report, ML_REPORT_BODY_SIZE * 6);
  ml_report_text (report, title, ML_REPORT_BODY_SIZE + 1, PANGO_WEIGHT_BOLD, 0, NULL);
  ml_report_text (report, outcome, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 12,
                  &report->style->outcome[CLAMP (value, 0, 3)]);
  if (criteria != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Criteria: %s"), criteria);

      ml_report_text (report, text, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 12,
                      &report->style->dim);
    }
  if (rationale != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Rationale: %s"), rationale);

      ml_report_text (report, text, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 12, NULL);
    }
  ml_report_space (report, 8);
}

static void
draw_journal_entry (MlReport  *report,
                    MlElement *entry)
{
  const char *title = ml_element_get_string (entry, ML_ENTRY_TITLE);
  const char *author = ml_element_get_string (entry, ML_ENTRY_AUTHOR);
  g_autofree char *date = format_date (ml_element_get_date (entry, ML_ENTRY_DATE));
  g_autofree char *heading = NULL;

  if (author != NULL)
    heading = g_strdup_printf ("%s — %s (%s)", date, title != NULL ? title : "", author);
  else
    heading = g_strdup_printf ("%s — %s", date, title != NULL ? title : "");

  ml_report_ensure (report, ML_REPORT_BODY_SIZE * 5);
  ml_report_text (report, heading, ML_REPORT_BODY_SIZE + 1, PANGO_WEIGHT_BOLD, 0, NULL);
  ml_report_text (report, ml_element_get_string (entry, ML_ENTRY_TEXT), ML_REPORT_BODY_SIZE,
                  PANGO_WEIGHT_NORMAL, 12, NULL);
  ml_report_space (report, 8);
}

void
ml_report_draw_decisions (MlReport *report)
{
  g_autoptr(GPtrArray) points = ml_project_collect (report->project, ML_KIND_DECISION_POINT);
  g_autoptr(GPtrArray) entries = ml_project_collect (report->project, ML_KIND_JOURNAL_ENTRY);
  guint n_decisions = 0;

  ml_report_begin_section (report, ML_REPORT_DECISIONS);
  ml_report_heading (report, _("Decision points"));
  g_ptr_array_sort_with_data (points, compare_by_date, GINT_TO_POINTER (ML_DECISION_DATE));
  for (guint i = 0; i < points->len; i++)
    draw_decision_point (report, g_ptr_array_index (points, i));
  if (points->len == 0)
    ml_report_text (report, _("The project has no decision points yet."), ML_REPORT_BODY_SIZE,
                    PANGO_WEIGHT_NORMAL, 0, &report->style->dim);

  ml_report_heading (report, _("Decisions in the journal"));
  g_ptr_array_sort_with_data (entries, compare_by_date, GINT_TO_POINTER (ML_ENTRY_DATE));
  for (guint i = 0; i < entries->len; i++)
    {
      MlElement *entry = g_ptr_array_index (entries, i);

      if (ml_element_get_enum (entry, ML_ENTRY_KIND) != ML_ENTRY_DECISION)
        continue;
      draw_journal_entry (report, entry);
      n_decisions++;
    }
  if (n_decisions == 0)
    ml_report_text (report, _("The journal records no decisions yet."), ML_REPORT_BODY_SIZE,
                    PANGO_WEIGHT_NORMAL, 0, &report->style->dim);
}
