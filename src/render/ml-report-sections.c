/* ml-report-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections of the report that draw charts: missions and objectives, indicators, the
 * roadmap, the stakeholder map and the policy mix. Each chart comes from the renderer the
 * window uses, in the print style.
 */

#define G_LOG_DOMAIN "ml-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-graph-metrics.h"
#include "ml-graph-renderer.h"
#include "ml-indicator-chart.h"
#include "ml-indicator.h"
#include "ml-map-export.h"
#include "ml-mix-renderer.h"
#include "ml-report-private.h"
#include "ml-timeline-renderer.h"

#define INDICATOR_COLUMNS 3
#define INDICATOR_ROWS 2
#define CHART_GAP 16.0

/* Charts need at least this much of a page; with less left they start on the next one. */
#define MIN_CHART_HEIGHT 300.0

static void
draw_empty (MlReport   *report,
            const char *text)
{
  ml_report_text (report, text, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 0, &report->style->dim);
}

static void
draw_bullet (MlReport   *report,
             const char *text)
{
  ml_report_bullet (report, text, 12);
  ml_report_space (report, 2);
}

/* The latest value of @indicator against its target, and its status. */
static char *
describe_indicator (MlReport  *report,
                    MlElement *indicator)
{
  MlElement *latest = ml_indicator_get_latest (indicator);
  const char *name = ml_element_get_label (indicator);
  const char *unit = ml_element_get_string (indicator, ML_INDICATOR_UNIT);
  MlIndicatorStatus status = ml_indicator_get_status (indicator, report->today, NULL);
  char value[ML_NUMBER_BUF_SIZE], target[ML_NUMBER_BUF_SIZE];

  ml_number_format (ml_element_get_number (indicator, ML_INDICATOR_TARGET), target);
  if (latest == NULL)
    return g_strdup_printf (_("%s: no measurement yet; target %s %s — %s"),
                            name != NULL ? name : "", target, unit != NULL ? unit : "",
                            ml_indicator_status_get_label (status));

  {
    g_autofree char *date = ml_date_format (ml_element_get_date (latest, ML_MEASUREMENT_DATE));

    ml_number_format (ml_element_get_number (latest, ML_MEASUREMENT_VALUE), value);
    return g_strdup_printf (_("%s: %s %s on %s; target %s %s — %s"), name != NULL ? name : "",
                            value, unit != NULL ? unit : "", date, target,
                            unit != NULL ? unit : "", ml_indicator_status_get_label (status));
  }
}

static void
draw_objective (MlReport  *report,
                MlElement *objective)
{
  GPtrArray *indicators = ml_element_get_children (objective, ML_KIND_INDICATOR);
  const char *title = ml_element_get_label (objective);
  const char *description = ml_element_get_string (objective, ML_OBJECTIVE_DESCRIPTION);

  ml_report_ensure (report, ML_REPORT_BODY_SIZE * 4);
  ml_report_text (report, title != NULL ? title : ml_element_get_id (objective),
                  ML_REPORT_BODY_SIZE + 1, PANGO_WEIGHT_BOLD, 12, NULL);
  ml_report_text (report, description, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 12,
                  &report->style->dim);
  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    {
      g_autofree char *text = describe_indicator (report, g_ptr_array_index (indicators, i));

      ml_report_bullet (report, text, 24);
    }
  if (indicators == NULL || indicators->len == 0)
    ml_report_text (report, _("No indicators."), ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 24,
                    &report->style->dim);
  ml_report_space (report, 6);
}

void
ml_report_draw_missions (MlReport *report)
{
  g_autoptr(GPtrArray) missions = ml_project_collect (report->project, ML_KIND_MISSION);

  ml_report_begin_section (report, ML_REPORT_MISSIONS);
  if (missions->len == 0)
    draw_empty (report, _("The project has no missions yet."));

  for (guint i = 0; i < missions->len; i++)
    {
      MlElement *mission = g_ptr_array_index (missions, i);
      GPtrArray *objectives = ml_element_get_children (mission, ML_KIND_OBJECTIVE);
      const char *title = ml_element_get_label (mission);
      const char *statement = ml_element_get_string (mission, ML_MISSION_STATEMENT);
      MlDate target = ml_element_get_date (mission, ML_MISSION_TARGET_DATE);

      ml_report_heading (report, title != NULL ? title : ml_element_get_id (mission));
      if (statement != NULL)
        ml_report_text (report, statement, 12, PANGO_WEIGHT_NORMAL, 0, NULL);
      if (target != ML_DATE_NONE)
        {
          g_autofree char *date = ml_date_format (target);
          g_autofree char *text = g_strdup_printf (_("Target date: %s"), date);

          ml_report_text (report, text, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 0,
                          &report->style->dim);
        }
      ml_report_space (report, 8);
      for (guint j = 0; objectives != NULL && j < objectives->len; j++)
        draw_objective (report, g_ptr_array_index (objectives, j));
      if (objectives == NULL || objectives->len == 0)
        draw_empty (report, _("No objectives."));
    }
}

/* Charts in a grid, several to a page, each with its status as the chart draws it. */
void
ml_report_draw_indicators (MlReport *report)
{
  g_autoptr(GPtrArray) indicators = ml_project_collect (report->project, ML_KIND_INDICATOR);
  double width = ml_report_content_width ();
  double cell_width = (width - (INDICATOR_COLUMNS - 1) * CHART_GAP) / INDICATOR_COLUMNS;
  double cell_height = 0;

  ml_report_begin_section (report, ML_REPORT_INDICATORS);
  if (indicators->len == 0)
    {
      draw_empty (report, _("The project has no indicators yet."));
      return;
    }

  for (guint i = 0; i < indicators->len; i++)
    {
      guint slot = i % (INDICATOR_COLUMNS * INDICATOR_ROWS);
      double x, y;

      if (i > 0 && slot == 0)
        ml_report_new_page (report);
      if (slot == 0)
        cell_height = (ml_report_bottom () - report->y - (INDICATOR_ROWS - 1) * CHART_GAP) /
                      INDICATOR_ROWS;
      x = ML_REPORT_MARGIN + (slot % INDICATOR_COLUMNS) * (cell_width + CHART_GAP);
      y = report->y + (slot / INDICATOR_COLUMNS) * (cell_height + CHART_GAP);
      cairo_save (report->cr);
      ml_indicator_chart_draw (g_ptr_array_index (indicators, i), report->today, report->style,
                               report->cr, x, y, cell_width, cell_height);
      cairo_restore (report->cr);
    }
  report->y = ml_report_bottom ();
}

/* The whole horizon across the page; rows continue on the next pages, each with the time axis
 * and the legend.
 */
void
ml_report_draw_roadmap (MlReport *report)
{
  g_autoptr(MlTimelineRenderer) renderer = NULL;
  const MlStyle *style = report->style;
  double width = ml_report_content_width ();
  double header_width, legend_height, axis_height;
  MlDate first, last;
  guint n_rows, row = 0;

  ml_report_begin_section (report, ML_REPORT_ROADMAP);
  renderer = ml_timeline_renderer_new (report->project, style);
  ml_timeline_renderer_set_today (renderer, report->today);
  ml_timeline_renderer_set_show_legend (renderer, FALSE);
  n_rows = ml_timeline_renderer_get_n_rows (renderer);
  if (n_rows == 0)
    {
      draw_empty (report, _("The project has no workstreams or activities yet."));
      return;
    }

  header_width = MIN (MAX (style->header_width,
                           ml_timeline_renderer_get_natural_header_width (renderer)),
                      round (width * 0.3));
  ml_timeline_renderer_set_header_width (renderer, header_width);
  ml_timeline_renderer_get_horizon (renderer, &first, &last);
  ml_timeline_renderer_get_legend_size (renderer, width, NULL, &legend_height);
  axis_height = ml_timeline_renderer_get_axis_height (renderer);

  while (row < n_rows)
    {
      double rows_height = ml_report_bottom () - report->y - axis_height - legend_height -
                           style->font_size;
      guint page_rows = (guint) MAX (1, floor (rows_height / style->row_height));
      MlTimelineViewport viewport = { 0 };

      page_rows = MIN (page_rows, n_rows - row);
      /* A workstream's header does not end a page without its activities. */
      if (row + page_rows < n_rows && page_rows > 1 &&
          ml_element_get_kind (ml_timeline_renderer_get_row_element (renderer,
                                                                     row + page_rows - 1)) ==
            ML_KIND_WORKSTREAM)
        page_rows--;
      viewport.start_day = first;
      viewport.day_width = (width - header_width) / ((double) last - first + 1);
      viewport.scroll_y = row * style->row_height;
      viewport.width = (int) floor (width);
      viewport.height = (int) ceil (axis_height + page_rows * style->row_height);

      cairo_save (report->cr);
      cairo_translate (report->cr, ML_REPORT_MARGIN, report->y);
      cairo_rectangle (report->cr, 0, 0, viewport.width, viewport.height);
      cairo_clip (report->cr);
      ml_timeline_renderer_draw (renderer, report->cr, &viewport);
      cairo_reset_clip (report->cr);
      ml_timeline_renderer_draw_legend (renderer, report->cr, 0,
                                        viewport.height + style->font_size, width);
      cairo_restore (report->cr);

      row += page_rows;
      if (row < n_rows)
        ml_report_new_page (report);
    }
  report->y = ml_report_bottom ();
}

/* What the text under a chart may take of its page, rather than be alone on a page of its own
 * after a chart that takes the whole of one.
 */
#define MAX_TEXT_UNDER_CHART 0.4

/* What is left of the page for a chart, or a new page when that is too little; with room at
 * the bottom for the text that follows it when that text is short, so that it stays on the
 * chart's page. Returns whether it does.
 */
static gboolean
get_chart_area (MlReport          *report,
                cairo_rectangle_t *area,
                MlReportBlockFunc  draw_text,
                gpointer           user_data)
{
  /* The text's heading keeps a line of space above it when it is not at the top, and the
   * room for a few lines below it.
   */
  double text = MAX (ml_report_measure (report, draw_text, user_data), ML_REPORT_HEADING_KEEP) +
                ML_REPORT_BODY_SIZE;

  ml_report_ensure (report, MIN_CHART_HEIGHT);
  area->x = ML_REPORT_MARGIN;
  area->y = report->y;
  area->width = ml_report_content_width ();
  area->height = ml_report_bottom () - report->y;
  if (text > area->height * MAX_TEXT_UNDER_CHART || area->height - text < MIN_CHART_HEIGHT)
    return FALSE;
  area->height -= text;

  return TRUE;
}

/* After a chart in @area: the text goes under it, or on the next page. */
static void
end_chart (MlReport                *report,
           const cairo_rectangle_t *area,
           gboolean                 text_below)
{
  if (text_below)
    report->y = area->y + area->height;
  else
    ml_report_new_page (report);
}

static char *
join_names (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static void
draw_network_metrics (MlReport *report,
                      gpointer  user_data)
{
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (report->project);
  const MlNetworkMetrics *network = ml_graph_metrics_get_network (metrics);
  g_autoptr(GPtrArray) brokers = g_ptr_array_new ();
  g_autoptr(GPtrArray) isolated = g_ptr_array_new ();
  g_autofree char *summary = ml_network_metrics_dup_summary (network);

  ml_report_heading (report, _("Metrics and findings"));
  ml_report_text (report, summary, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 0, NULL);
  ml_report_space (report, 6);

  for (guint i = 0; i < ml_graph_metrics_get_n_nodes (metrics); i++)
    {
      const MlNodeMetrics *node = ml_graph_metrics_get_node (metrics, i);
      const char *name = ml_element_get_label (node->stakeholder);

      name = name != NULL ? name : ml_element_get_id (node->stakeholder);
      if (node->broker)
        g_ptr_array_add (brokers, (gpointer) name);
      if (node->isolated)
        g_ptr_array_add (isolated, (gpointer) name);
    }
  if (brokers->len > 0)
    {
      g_autofree char *names = join_names (brokers);
      g_autofree char *text = g_strdup_printf (_("Brokers between groups: %s."), names);

      draw_bullet (report, text);
    }
  if (isolated->len > 0)
    {
      g_autofree char *names = join_names (isolated);
      g_autofree char *text = g_strdup_printf (_("Isolated, with no ties: %s."), names);

      draw_bullet (report, text);
    }
  if (network->n_components > 1)
    draw_bullet (report, _("The network falls apart into separate groups: no path of "
                           "coordination joins them."));
}

void
ml_report_draw_stakeholders (MlReport *report)
{
  g_autoptr(GPtrArray) stakeholders = ml_project_collect (report->project, ML_KIND_STAKEHOLDER);
  g_autoptr(MlLayout) layout = NULL;
  g_autoptr(MlGraphRenderer) renderer = NULL;
  MlGraphViewport viewport;
  cairo_rectangle_t area;
  gboolean below;

  ml_report_begin_section (report, ML_REPORT_STAKEHOLDERS);
  if (stakeholders->len == 0)
    {
      draw_empty (report, _("The project has no stakeholders yet."));
      return;
    }

  layout = ml_map_export_create_layout (report->project, ML_LAYOUT_FORCE);
  renderer = ml_graph_renderer_new (report->project, report->style);
  ml_graph_renderer_set_layout (renderer, layout);
  below = get_chart_area (report, &area, draw_network_metrics, NULL);
  ml_graph_renderer_fit (renderer, &viewport, (int) area.width, (int) area.height);

  cairo_save (report->cr);
  cairo_translate (report->cr, area.x, area.y);
  cairo_rectangle (report->cr, 0, 0, viewport.width, viewport.height);
  cairo_clip (report->cr);
  ml_graph_renderer_draw (renderer, report->cr, &viewport);
  cairo_restore (report->cr);

  end_chart (report, &area, below);
  draw_network_metrics (report, NULL);
}

static void
draw_mix_findings (MlReport *report,
                   gpointer  user_data)
{
  MlPolicyMix *mix = user_data;
  g_autofree char *conversion = ml_policy_mix_dup_conversion (mix);
  GPtrArray *findings = ml_policy_mix_get_findings (mix);

  ml_report_heading (report, _("Findings"));
  if (conversion != NULL)
    {
      ml_report_text (report, conversion, ML_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 0,
                      &report->style->dim);
      ml_report_space (report, 6);
    }
  for (guint i = 0; i < findings->len; i++)
    draw_bullet (report, ((const MlFinding *) g_ptr_array_index (findings, i))->message);
  if (findings->len == 0)
    draw_empty (report, _("No findings: the mix shows no gaps or imbalances."));
}

void
ml_report_draw_mix (MlReport *report)
{
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (report->project);
  g_autoptr(GPtrArray) instruments = ml_project_collect (report->project, ML_KIND_INSTRUMENT);
  cairo_rectangle_t area;
  gboolean below;

  ml_report_begin_section (report, ML_REPORT_MIX);
  /* Without instruments the matrix would be all gaps: the findings say so in words. */
  if (instruments->len == 0)
    {
      draw_empty (report, _("The project has no policy instruments yet."));
    }
  else
    {
      below = get_chart_area (report, &area, draw_mix_findings, mix);
      cairo_save (report->cr);
      cairo_translate (report->cr, area.x, area.y);
      cairo_rectangle (report->cr, 0, 0, area.width, area.height);
      cairo_clip (report->cr);
      ml_mix_renderer_draw (mix, report->style, NULL, report->cr, area.width, area.height);
      cairo_restore (report->cr);
      end_chart (report, &area, below);
    }
  draw_mix_findings (report, mix);
}
