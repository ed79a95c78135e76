/* ml-timeline-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer object: its settings, the row index built from the project when invalidated,
 * the geometry of rows, bars and markers in a viewport, and hit testing. Painting is in
 * ml-timeline-draw.c.
 */

#define G_LOG_DOMAIN "ml-timeline-renderer"

#include "config.h"

#include <math.h>

#include "ml-mission-focus.h"
#include "ml-schedule.h"
#include "ml-timeline-renderer-private.h"

/* How far outside a bar's end, in pixels, a press still grabs that end. */
#define EDGE_TOLERANCE 6.0

G_DEFINE_FINAL_TYPE (MlTimelineRenderer, ml_timeline_renderer, G_TYPE_OBJECT)

typedef struct
{
  gconstpointer activity;
  gconstpointer predecessor;
} Pair;

static guint
pair_hash (gconstpointer key)
{
  const Pair *pair = key;

  return g_direct_hash (pair->activity) * 31 + g_direct_hash (pair->predecessor);
}

static gboolean
pair_equal (gconstpointer a,
            gconstpointer b)
{
  const Pair *x = a, *y = b;

  return x->activity == y->activity && x->predecessor == y->predecessor;
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const MlTimelineMarker *x = a, *y = b;

  return (x->date > y->date) - (x->date < y->date);
}

static double
measure_width (PangoLayout *layout,
               const char  *text)
{
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* Fonts, bar colours and label widths depend on the style only: computed once per style. */
static void
apply_style (MlTimelineRenderer *self)
{
  const MlStyle *style = self->style;
  char label[64];

  self->legend_valid = FALSE;
  g_clear_object (&self->body);
  g_clear_object (&self->bold);
  g_clear_object (&self->small);
  g_clear_object (&self->small_bold);
  self->body = ml_style_create_layout (self->pango, style->font_family, style->font_size,
                              PANGO_WEIGHT_NORMAL);
  self->bold = ml_style_create_layout (self->pango, style->font_family, style->font_size,
                              PANGO_WEIGHT_BOLD);
  self->small = ml_style_create_layout (self->pango, style->font_family, style->small_font_size,
                               PANGO_WEIGHT_NORMAL);
  self->small_bold = ml_style_create_layout (self->pango, style->font_family, style->small_font_size,
                                    PANGO_WEIGHT_BOLD);
  g_clear_object (&self->name);
  g_clear_object (&self->name_bold);
  self->name = pango_layout_copy (self->small);
  self->name_bold = pango_layout_copy (self->small_bold);
  pango_layout_set_wrap (self->name, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_wrap (self->name_bold, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (self->name, -2);
  pango_layout_set_height (self->name_bold, -2);

  for (guint s = 0; s < G_N_ELEMENTS (style->status); s++)
    {
      /* The part of a bar still to do is the status colour faded towards the background. */
      self->tint[s] = ml_color_mix (&style->status[s], &style->background, 0.62);
      self->text_on_status[s] = ml_style_text_on (style, &style->status[s]);
      self->text_on_tint[s] = ml_style_text_on (style, &self->tint[s]);
    }

  /* The widest tick label of each unit decides from which zoom on the unit fits. */
  for (MlTimeUnit unit = 0; unit < ML_N_TIME_UNITS; unit++)
    {
      double widest = 0;

      if (unit == ML_TIME_UNIT_MONTH)
        {
          for (int month = 1; month <= 12; month++)
            {
              ml_time_unit_format (unit, ml_date_from_ymd (2001, month, 1), ML_TIME_LABEL_TICK,
                                   label, sizeof label);
              widest = MAX (widest, measure_width (self->small, label));
            }
        }
      else
        {
          ml_time_unit_format (unit, ml_date_from_ymd (2030, 12, 28), ML_TIME_LABEL_TICK,
                               label, sizeof label);
          widest = measure_width (self->small, label);
        }
      self->tick_label_width[unit] = widest;
    }
  ml_time_unit_format (ML_TIME_UNIT_YEAR, ml_date_from_ymd (2030, 1, 1), ML_TIME_LABEL_SHORT,
                       label, sizeof label);
  self->short_year_width = measure_width (self->small_bold, label);
}

static void
add_problem (GHashTable *problems,
             MlElement  *activity,
             MlElement  *predecessor)
{
  Pair *pair = g_new (Pair, 1);

  pair->activity = activity;
  pair->predecessor = predecessor;
  g_hash_table_add (problems, pair);
}

static void
add_markers (MlTimelineRenderer *self,
             MlElement          *workstream,
             guint               row,
             MlDate             *first,
             MlDate             *last)
{
  MlTimelineRow *header = &g_array_index (self->rows, MlTimelineRow, row);
  GPtrArray *milestones = ml_element_get_children (workstream, ML_KIND_MILESTONE);
  GPtrArray *decisions = ml_element_get_children (workstream, ML_KIND_DECISION_POINT);

  header->first_marker = self->markers->len;

  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    {
      MlElement *milestone = g_ptr_array_index (milestones, i);
      MlTimelineMarker marker = { milestone, row, 0, FALSE, 0 };

      marker.date = ml_element_get_date (milestone, ML_MILESTONE_DATE);
      marker.state = (guint8) MAX (0, ml_element_get_enum (milestone, ML_MILESTONE_STATUS));
      if (marker.date == ML_DATE_NONE)
        continue;
      ml_date_widen (first, last, marker.date);
      g_array_append_val (self->markers, marker);
    }

  for (guint i = 0; decisions != NULL && i < decisions->len; i++)
    {
      MlElement *decision = g_ptr_array_index (decisions, i);
      MlTimelineMarker marker = { decision, row, 0, TRUE, 0 };

      marker.date = ml_element_get_date (decision, ML_DECISION_DATE);
      marker.state = (guint8) MAX (0, ml_element_get_enum (decision, ML_DECISION_OUTCOME));
      if (marker.date == ML_DATE_NONE)
        continue;
      ml_date_widen (first, last, marker.date);
      g_array_append_val (self->markers, marker);
    }

  header->n_markers = self->markers->len - header->first_marker;
  if (header->n_markers > 1)
    g_qsort_with_data (&g_array_index (self->markers, MlTimelineMarker, header->first_marker),
                       (gint) header->n_markers, sizeof (MlTimelineMarker),
                       compare_markers, NULL);
}

static void
fill_activity_row (MlTimelineRow   *row,
                   MlElement       *activity,
                   MlSchedule      *schedule)
{
  const MlScheduleEntry *entry = ml_schedule_lookup (schedule, activity);
  double progress = ml_element_get_number (activity, ML_ACTIVITY_PROGRESS);
  int status = ml_element_get_enum (activity, ML_ACTIVITY_STATUS);

  row->start = ml_element_get_date (activity, ML_ACTIVITY_START);
  row->end = ml_element_get_date (activity, ML_ACTIVITY_END);
  if (row->start == ML_DATE_NONE)
    row->start = row->end;
  if (row->end == ML_DATE_NONE || row->end < row->start)
    row->end = row->start;

  row->status = (guint8) (status >= 0 && status <= ML_STATUS_DONE ? status : ML_STATUS_PLANNED);
  if (isnan (progress))
    progress = row->status == ML_STATUS_DONE ? 100 : 0;
  row->progress = CLAMP (progress, 0, 100) / 100.0;
  row->critical = entry != NULL && entry->critical;
}

/* Whether @workstream is shown with its milestones and decisions: always, unless the
 * renderer focuses on a mission and the workstream names another one.
 */
static gboolean
shows_whole_lane (MlTimelineRenderer *self,
                  MlElement          *workstream)
{
  return self->mission == NULL ||
         ml_element_get_string (workstream, ML_WORKSTREAM_MISSION) == NULL ||
         ml_mission_has_workstream (self->mission, workstream);
}

/* Lists each shown dependency once, and under both of its rows. */
static void
index_dependencies (MlTimelineRenderer *self,
                    GHashTable         *problems)
{
  guint *fill;

  for (guint r = 0; r < self->rows->len; r++)
    {
      MlTimelineRow *row = &g_array_index (self->rows, MlTimelineRow, r);
      GPtrArray *dependencies;

      if (row->header)
        continue;
      dependencies = ml_element_get_children (row->element, ML_KIND_DEPENDENCY);
      for (guint i = 0; dependencies != NULL && i < dependencies->len; i++)
        {
          MlElement *dependency = g_ptr_array_index (dependencies, i);
          const char *id = ml_element_get_string (dependency, ML_DEPENDENCY_ACTIVITY);
          MlElement *predecessor = id != NULL ? ml_project_lookup (self->project, id) : NULL;
          guint from = predecessor != NULL
                         ? GPOINTER_TO_UINT (g_hash_table_lookup (self->row_of, predecessor))
                         : 0;
          int type = ml_element_get_enum (dependency, ML_DEPENDENCY_TYPE);
          MlTimelineDep dep = { 0 };
          Pair pair = { row->element, predecessor };

          /* Unknown, hidden (collapsed) or self-referencing predecessors draw nothing. */
          if (from == 0 || from - 1 == r ||
              g_array_index (self->rows, MlTimelineRow, from - 1).header)
            continue;

          dep.from_row = from - 1;
          dep.to_row = r;
          dep.type = (guint8) (type >= 0 && type <= ML_DEPENDENCY_START_FINISH
                                 ? type : ML_DEPENDENCY_FINISH_START);
          dep.problem = g_hash_table_contains (problems, &pair);
          dep.critical = row->critical &&
                         g_array_index (self->rows, MlTimelineRow, from - 1).critical;
          g_array_append_val (self->deps, dep);
          g_array_index (self->rows, MlTimelineRow, dep.from_row).n_deps++;
          row->n_deps++;
        }
    }

  /* Counting sort: rows get consecutive slices of row_deps. */
  g_array_set_size (self->row_deps, self->deps->len * 2);
  fill = g_new (guint, self->rows->len + 1);
  for (guint r = 0, offset = 0; r < self->rows->len; r++)
    {
      MlTimelineRow *row = &g_array_index (self->rows, MlTimelineRow, r);

      row->first_dep = offset;
      fill[r] = offset;
      offset += row->n_deps;
    }
  for (guint d = 0; d < self->deps->len; d++)
    {
      const MlTimelineDep *dep = &g_array_index (self->deps, MlTimelineDep, d);

      g_array_index (self->row_deps, guint, fill[dep->from_row]++) = d;
      g_array_index (self->row_deps, guint, fill[dep->to_row]++) = d;
    }
  g_free (fill);
}

/* Collapsing a workstream rebuilds the rows but keeps the schedule, the costlier part. */
static void
ensure_schedule (MlTimelineRenderer *self)
{
  GPtrArray *issues;

  if (self->schedule != NULL)
    return;

  self->schedule = ml_schedule_compute (self->project);
  self->problems = g_hash_table_new_full (pair_hash, pair_equal, g_free, NULL);
  issues = ml_schedule_get_issues (self->schedule);
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      const MlScheduleIssue *issue = g_ptr_array_index (issues, i);

      if (issue->activity != NULL && issue->predecessor != NULL)
        add_problem (self->problems, issue->activity, issue->predecessor);
    }
}

static void
clear_schedule (MlTimelineRenderer *self)
{
  g_clear_pointer (&self->schedule, ml_schedule_free);
  g_clear_pointer (&self->problems, g_hash_table_unref);
}

static void
clear_layout (MlTimelineRenderer *self)
{
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->markers, 0);
  g_array_set_size (self->deps, 0);
  g_array_set_size (self->row_deps, 0);
  g_hash_table_remove_all (self->row_of);
  g_hash_table_remove_all (self->marker_of);
}

/**
 * ml_timeline_renderer_ensure_layout:
 *
 * Builds the row index from the project if it was invalidated: one pass over the roadmap,
 * the schedule for the critical path and the broken dependencies, then the dependencies.
 */
void
ml_timeline_renderer_ensure_layout (MlTimelineRenderer *self)
{
  MlElement *root;
  GPtrArray *workstreams;
  MlDate first = ML_DATE_NONE, last = ML_DATE_NONE;
  MlDate project_start, project_end;
  guint n_lanes = 0;

  if (self->valid)
    return;

  clear_layout (self);
  self->valid = TRUE;

  root = ml_project_get_root (self->project);
  workstreams = ml_element_get_children (root, ML_KIND_WORKSTREAM);
  ensure_schedule (self);

  for (guint w = 0; workstreams != NULL && w < workstreams->len; w++)
    {
      MlElement *workstream = g_ptr_array_index (workstreams, w);
      GPtrArray *activities = ml_element_get_children (workstream, ML_KIND_ACTIVITY);
      gboolean collapsed = g_hash_table_contains (self->collapsed, workstream);
      guint header_index = self->rows->len;
      MlTimelineRow header = { 0 };
      MlDate span_first = ML_DATE_NONE, span_last = ML_DATE_NONE;
      guint n_shown = 0;

      header.element = workstream;
      header.lane = n_lanes;
      header.header = TRUE;
      g_array_append_val (self->rows, header);
      g_hash_table_insert (self->row_of, workstream, GUINT_TO_POINTER (header_index + 1));

      for (guint a = 0; activities != NULL && a < activities->len; a++)
        {
          MlElement *activity = g_ptr_array_index (activities, a);
          MlTimelineRow row = { 0 };

          if (self->mission != NULL && !ml_mission_has_activity (self->mission, activity))
            continue;
          n_shown++;
          row.element = activity;
          row.lane = n_lanes;
          fill_activity_row (&row, activity, self->schedule);
          ml_date_widen (&span_first, &span_last, row.start);
          ml_date_widen (&span_first, &span_last, row.end);
          if (collapsed)
            continue;
          g_array_append_val (self->rows, row);
          g_hash_table_insert (self->row_of, activity, GUINT_TO_POINTER (self->rows->len));
        }

      /* Focused on a mission, a lane of another mission shows only what serves this one,
       * without its milestones and decisions, and is left out when nothing does.
       */
      if (!shows_whole_lane (self, workstream) && n_shown == 0)
        {
          g_array_set_size (self->rows, header_index);
          g_hash_table_remove (self->row_of, workstream);
          continue;
        }
      n_lanes++;
      g_array_index (self->rows, MlTimelineRow, header_index).start = span_first;
      g_array_index (self->rows, MlTimelineRow, header_index).end = span_last;
      ml_date_widen (&first, &last, span_first);
      ml_date_widen (&first, &last, span_last);
      if (shows_whole_lane (self, workstream))
        add_markers (self, workstream, header_index, &first, &last);
    }

  for (guint m = 0; m < self->markers->len; m++)
    g_hash_table_insert (self->marker_of,
                         g_array_index (self->markers, MlTimelineMarker, m).element,
                         GUINT_TO_POINTER (m + 1));

  index_dependencies (self, self->problems);

  /* A little room on both sides, so that the first and last bars do not touch the edges. */
  if (first == ML_DATE_NONE)
    {
      first = self->today != ML_DATE_NONE ? self->today : ml_date_today ();
      last = first + 365;
    }
  else
    {
      MlDate pad = MAX (7, (last - first) / 40);

      first = first > pad ? first - pad : 1;
      last += pad;
    }
  project_start = ml_element_get_date (root, ML_PROJECT_START);
  project_end = ml_element_get_date (root, ML_PROJECT_END);
  if (project_start != ML_DATE_NONE && project_start < first)
    first = project_start;
  if (project_end != ML_DATE_NONE && project_end > last)
    last = project_end;
  self->horizon_first = first;
  self->horizon_last = last;
}

/**
 * ml_timeline_renderer_layout_name:
 * @name: the name of a workstream or an activity
 * @header: whether it is a workstream's, in bold
 * @width: the room for it in the header column
 *
 * A name takes one line of the body font, elided with “…” when it must be. In the projector
 * style a name too long for that takes up to two lines of the small font instead: a few
 * words cut short leave a room guessing, and the small font still reads from the back.
 *
 * Returns: (transfer none): the layout of @name, to show as it is
 */
PangoLayout *
ml_timeline_renderer_layout_name (MlTimelineRenderer *self,
                                  const char         *name,
                                  gboolean            header,
                                  double              width)
{
  PangoLayout *layout = header ? self->bold : self->body;

  if (name == NULL)
    name = "";
  if (self->style->kind == ML_STYLE_PROJECTOR && measure_width (layout, name) > width)
    layout = header ? self->name_bold : self->name;
  pango_layout_set_text (layout, name, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

/* Bars fill a little over half their row, and are never lower than their label. */
double
ml_timeline_renderer_bar_height (MlTimelineRenderer *self)
{
  const MlStyle *style = self->style;

  return MIN (style->row_height - 2,
              MAX (round (style->row_height * 0.56), ceil (style->font_size * 1.25)));
}

double
ml_timeline_renderer_padding (MlTimelineRenderer *self)
{
  return round (self->style->font_size * 0.5 * 4) / 4;
}

double
ml_timeline_renderer_tier_height (MlTimelineRenderer *self)
{
  return ceil (self->style->small_font_size * 1.8);
}

/* Where activity names start in the header column: after the workstreams' disclosure
 * triangles, so that they read as the workstream's children.
 */
double
ml_timeline_renderer_indent (MlTimelineRenderer *self)
{
  return ml_timeline_renderer_padding (self) * 2 + self->style->font_size;
}

double
ml_timeline_renderer_row_top (MlTimelineRenderer       *self,
                              const MlTimelineViewport *viewport,
                              guint                     row)
{
  return ml_timeline_renderer_get_axis_height (self) + row * self->style->row_height -
         viewport->scroll_y;
}

void
ml_timeline_renderer_visible_rows (MlTimelineRenderer       *self,
                                   const MlTimelineViewport *viewport,
                                   guint                    *first,
                                   guint                    *end)
{
  double row_height = self->style->row_height;
  double rows_height = viewport->height - ml_timeline_renderer_get_axis_height (self);
  double top = floor (viewport->scroll_y / row_height);
  double bottom = ceil ((viewport->scroll_y + rows_height) / row_height);

  *first = (guint) CLAMP (top, 0, (double) self->rows->len);
  *end = (guint) CLAMP (bottom, (double) *first, (double) self->rows->len);
}

void
ml_timeline_renderer_bar_box (MlTimelineRenderer       *self,
                              const MlTimelineViewport *viewport,
                              guint                     row_index,
                              MlTimelineBox            *box)
{
  const MlTimelineRow *row = &g_array_index (self->rows, MlTimelineRow, row_index);
  double header_width = ml_timeline_renderer_get_header_width (self);
  double bar_height = ml_timeline_renderer_bar_height (self);

  box->x = ml_timeline_viewport_x_of_day (viewport, header_width, row->start);
  box->width = MAX ((row->end + 1.0 - row->start) * viewport->day_width,
                    2 * self->style->line_width);
  box->y = ml_timeline_renderer_row_top (self, viewport, row_index) +
           (self->style->row_height - bar_height) / 2;
  box->height = bar_height;
}

/* Markers stand in the middle of their day, as tall as a bar. */
void
ml_timeline_renderer_marker_box (MlTimelineRenderer       *self,
                                 const MlTimelineViewport *viewport,
                                 const MlTimelineMarker   *marker,
                                 MlTimelineBox            *box)
{
  double size = ml_timeline_renderer_bar_height (self) * (marker->decision ? 1.0 : 1.1);
  double x = ml_timeline_viewport_x_of_day (viewport, ml_timeline_renderer_get_header_width (self),
                                            marker->date + 0.5);
  double y = ml_timeline_renderer_row_top (self, viewport, marker->row) +
             self->style->row_height / 2;

  box->x = x - size / 2;
  box->y = y - size / 2;
  box->width = size;
  box->height = size;
}

static void
ml_timeline_renderer_dispose (GObject *object)
{
  MlTimelineRenderer *self = ML_TIMELINE_RENDERER (object);

  if (self->rows != NULL)
    clear_layout (self);
  clear_schedule (self);
  g_clear_object (&self->selected);
  g_clear_object (&self->mission);
  g_clear_object (&self->project);
  if (self->collapsed != NULL)
    g_hash_table_remove_all (self->collapsed);

  G_OBJECT_CLASS (ml_timeline_renderer_parent_class)->dispose (object);
}

static void
ml_timeline_renderer_finalize (GObject *object)
{
  MlTimelineRenderer *self = ML_TIMELINE_RENDERER (object);

  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->deps, g_array_unref);
  g_clear_pointer (&self->row_deps, g_array_unref);
  g_clear_pointer (&self->row_of, g_hash_table_unref);
  g_clear_pointer (&self->marker_of, g_hash_table_unref);
  g_clear_object (&self->body);
  g_clear_object (&self->bold);
  g_clear_object (&self->small);
  g_clear_object (&self->small_bold);
  g_clear_object (&self->name);
  g_clear_object (&self->name_bold);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (ml_timeline_renderer_parent_class)->finalize (object);
}

static void
ml_timeline_renderer_class_init (MlTimelineRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_timeline_renderer_dispose;
  object_class->finalize = ml_timeline_renderer_finalize;
}

static void
ml_timeline_renderer_init (MlTimelineRenderer *self)
{

  self->collapsed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->rows = g_array_new (FALSE, FALSE, sizeof (MlTimelineRow));
  self->markers = g_array_new (FALSE, FALSE, sizeof (MlTimelineMarker));
  self->deps = g_array_new (FALSE, FALSE, sizeof (MlTimelineDep));
  self->row_deps = g_array_new (FALSE, FALSE, sizeof (guint));
  self->row_of = g_hash_table_new (NULL, NULL);
  self->marker_of = g_hash_table_new (NULL, NULL);
  self->show_legend = TRUE;
  self->pango = ml_style_create_pango_context ();
}

/**
 * ml_timeline_renderer_new:
 * @project: the project whose roadmap to draw
 * @style: (nullable): how to draw it; %NULL for the light screen style
 *
 * Returns: (transfer full): a renderer
 */
MlTimelineRenderer *
ml_timeline_renderer_new (MlProject     *project,
                          const MlStyle *style)
{
  MlTimelineRenderer *self;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  self = g_object_new (ML_TYPE_TIMELINE_RENDERER, NULL);
  self->project = g_object_ref (project);
  self->own_style = *(style != NULL ? style : ml_style_get (ML_STYLE_SCREEN));
  self->style = &self->own_style;
  apply_style (self);

  return self;
}

void
ml_timeline_renderer_set_style (MlTimelineRenderer *self,
                                const MlStyle      *style)
{
  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));
  g_return_if_fail (style != NULL);

  self->own_style = *style;
  apply_style (self);
}

/**
 * ml_timeline_renderer_get_style:
 *
 * Returns: (transfer none): the style the renderer draws with
 */
const MlStyle *
ml_timeline_renderer_get_style (MlTimelineRenderer *self)
{
  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), NULL);

  return self->style;
}

/**
 * ml_timeline_renderer_set_today:
 * @today: the date of the today line, or %ML_DATE_NONE for none
 */
void
ml_timeline_renderer_set_today (MlTimelineRenderer *self,
                                MlDate              today)
{
  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));

  self->today = today;
}

/**
 * ml_timeline_renderer_set_selected:
 * @element: (nullable): the activity, milestone, decision point or workstream to outline
 */
void
ml_timeline_renderer_set_selected (MlTimelineRenderer *self,
                                   MlElement          *element)
{
  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));
  g_return_if_fail (element == NULL || ML_IS_ELEMENT (element));

  g_set_object (&self->selected, element);
}

/**
 * ml_timeline_renderer_set_mission:
 * @mission: (nullable): the mission whose work alone to show, or %NULL for the whole roadmap
 *
 * Focused on a mission, the rows are its activities (ml_mission_has_activity()) under their
 * workstreams; a workstream of another mission keeps only its activities that serve this one
 * and loses its milestones and decision points, and one with none of them is left out.
 */
void
ml_timeline_renderer_set_mission (MlTimelineRenderer *self,
                                  MlElement          *mission)
{
  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));
  g_return_if_fail (mission == NULL || ML_IS_ELEMENT (mission));

  if (g_set_object (&self->mission, mission))
    self->valid = FALSE;
}

void
ml_timeline_renderer_set_collapsed (MlTimelineRenderer *self,
                                    MlElement          *workstream,
                                    gboolean            collapsed)
{
  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));
  g_return_if_fail (ML_IS_ELEMENT (workstream));

  if (collapsed == g_hash_table_contains (self->collapsed, workstream))
    return;

  if (collapsed)
    g_hash_table_add (self->collapsed, g_object_ref (workstream));
  else
    g_hash_table_remove (self->collapsed, workstream);
  self->valid = FALSE;
}

gboolean
ml_timeline_renderer_get_collapsed (MlTimelineRenderer *self,
                                    MlElement          *workstream)
{
  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), FALSE);

  return g_hash_table_contains (self->collapsed, workstream);
}

/**
 * ml_timeline_renderer_set_show_legend:
 *
 * Whether draw() puts a legend box in the bottom right corner of the viewport. On by
 * default; exports turn it off and draw the legend beside the chart with
 * ml_timeline_renderer_draw_legend().
 */
void
ml_timeline_renderer_set_show_legend (MlTimelineRenderer *self,
                                      gboolean            show)
{
  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));

  self->show_legend = !!show;
}

/**
 * ml_timeline_renderer_set_header_width:
 * @width: the width of the column of names, or 0 for the style's
 *
 * Narrow exports and windows give the names a narrower column than the style's.
 */
void
ml_timeline_renderer_set_header_width (MlTimelineRenderer *self,
                                       double              width)
{
  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));
  g_return_if_fail (width >= 0);

  self->header_width = width;
}

/**
 * ml_timeline_renderer_invalidate:
 *
 * Drops the row index: the project changed. The next call that needs rows rebuilds it,
 * once, however many changes came in between.
 */
void
ml_timeline_renderer_invalidate (MlTimelineRenderer *self)
{
  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));

  clear_schedule (self);
  self->valid = FALSE;
}

/**
 * ml_timeline_renderer_get_content_height:
 *
 * Returns: the height of all rows, without the axis: what a viewport scrolls through
 */
double
ml_timeline_renderer_get_content_height (MlTimelineRenderer *self)
{
  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), 0);

  ml_timeline_renderer_ensure_layout (self);

  return self->rows->len * self->style->row_height;
}

double
ml_timeline_renderer_get_header_width (MlTimelineRenderer *self)
{
  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), 0);

  return self->header_width > 0 ? self->header_width : self->style->header_width;
}

/**
 * ml_timeline_renderer_get_axis_height:
 *
 * Returns: the height of the time axis above the rows: two tiers of labels
 */
double
ml_timeline_renderer_get_axis_height (MlTimelineRenderer *self)
{
  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), 0);

  return 2 * ml_timeline_renderer_tier_height (self);
}

/**
 * ml_timeline_renderer_get_horizon:
 * @first: (out): the first day worth showing
 * @last: (out): the last day worth showing
 *
 * The days from the first to the last date of the roadmap's activities, milestones and
 * decision points, with a margin of a fortieth of the span (at least a week) on each side;
 * widened to the project's own start and end when those are set and wider. A project
 * without dates gives the year from today.
 */
void
ml_timeline_renderer_get_horizon (MlTimelineRenderer *self,
                                  MlDate             *first,
                                  MlDate             *last)
{
  g_return_if_fail (ML_IS_TIMELINE_RENDERER (self));

  ml_timeline_renderer_ensure_layout (self);
  if (first != NULL)
    *first = self->horizon_first;
  if (last != NULL)
    *last = self->horizon_last;
}

/**
 * ml_timeline_renderer_get_n_rows:
 *
 * Returns: the number of rows shown: workstream headers and the activities of expanded
 *   workstreams
 */
guint
ml_timeline_renderer_get_n_rows (MlTimelineRenderer *self)
{
  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), 0);

  ml_timeline_renderer_ensure_layout (self);

  return self->rows->len;
}

/**
 * ml_timeline_renderer_get_row_element:
 * @row: a row index, from 0
 *
 * Returns: (transfer none) (nullable): the workstream or activity of the row
 */
MlElement *
ml_timeline_renderer_get_row_element (MlTimelineRenderer *self,
                                      guint               row)
{
  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), NULL);

  ml_timeline_renderer_ensure_layout (self);
  if (row >= self->rows->len)
    return NULL;

  return g_array_index (self->rows, MlTimelineRow, row).element;
}

/**
 * ml_timeline_renderer_get_row:
 * @element: a workstream or an activity
 *
 * Returns: the row of @element, or -1 when it has none (an activity of a collapsed
 *   workstream, or an element of another kind)
 */
int
ml_timeline_renderer_get_row (MlTimelineRenderer *self,
                              MlElement          *element)
{
  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), -1);

  ml_timeline_renderer_ensure_layout (self);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->row_of, element)) - 1;
}

/**
 * ml_timeline_renderer_is_label_elided:
 * @element: a workstream or an activity
 *
 * Whether the name of @element is too long for the header column and is shown shortened
 * with “…”: the widget then offers the whole name in a tooltip.
 *
 * Returns: %TRUE if the name is elided
 */
gboolean
ml_timeline_renderer_is_label_elided (MlTimelineRenderer *self,
                                      MlElement          *element)
{
  PangoLayout *layout;
  const char *label;
  double width;
  int row;

  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), FALSE);

  row = ml_timeline_renderer_get_row (self, element);
  if (row < 0)
    return FALSE;

  label = ml_element_get_label (element);
  if (label == NULL)
    label = ml_element_get_id (element);
  width = ml_timeline_renderer_get_header_width (self) - ml_timeline_renderer_indent (self) -
          ml_timeline_renderer_padding (self);
  layout = ml_timeline_renderer_layout_name (self, label,
                                             ml_element_get_kind (element) == ML_KIND_WORKSTREAM,
                                             width);

  return pango_layout_is_ellipsized (layout);
}

/**
 * ml_timeline_renderer_get_natural_header_width:
 *
 * Measures every name shown, so it costs as much as the roadmap is long: for exports and
 * for sizing the column once, not for every frame.
 *
 * Returns: the width of the header column that shows every name in full
 */
double
ml_timeline_renderer_get_natural_header_width (MlTimelineRenderer *self)
{
  double indent, widest = 0;

  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), 0);

  ml_timeline_renderer_ensure_layout (self);
  indent = ml_timeline_renderer_indent (self);
  pango_layout_set_width (self->body, -1);
  pango_layout_set_width (self->bold, -1);
  pango_layout_set_ellipsize (self->body, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_ellipsize (self->bold, PANGO_ELLIPSIZE_NONE);

  for (guint r = 0; r < self->rows->len; r++)
    {
      const MlTimelineRow *row = &g_array_index (self->rows, MlTimelineRow, r);
      const char *label = ml_element_get_label (row->element);

      /* Workstream names start a little left of the indent, beside their triangle. */
      widest = MAX (widest, measure_width (row->header ? self->bold : self->body,
                                           label != NULL ? label
                                                         : ml_element_get_id (row->element)) -
                                (row->header ? self->style->font_size * 0.4 : 0));
    }

  return ceil (indent + widest + ml_timeline_renderer_padding (self));
}

/**
 * ml_timeline_renderer_hit_test:
 * @viewport: the viewport drawn
 * @x: a point in the viewport
 * @y: a point in the viewport
 *
 * What is under a point: in the header column a workstream's header or an activity's name;
 * in the time area a milestone or decision point, or an activity's bar, its ends taking
 * precedence within a few pixels so that short bars can still be resized.
 *
 * Returns: what is at (@x, @y)
 */
MlTimelineHit
ml_timeline_renderer_hit_test (MlTimelineRenderer       *self,
                               const MlTimelineViewport *viewport,
                               double                    x,
                               double                    y)
{
  MlTimelineHit hit = { ML_TIMELINE_HIT_NONE, NULL };
  const MlTimelineRow *row;
  double header_width, row_position, tolerance;
  MlTimelineBox box;
  guint index;

  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), hit);
  g_return_val_if_fail (viewport != NULL, hit);

  ml_timeline_renderer_ensure_layout (self);
  header_width = ml_timeline_renderer_get_header_width (self);

  if (x < 0 || x >= viewport->width || y < ml_timeline_renderer_get_axis_height (self) ||
      y >= viewport->height)
    return hit;

  row_position = (y - ml_timeline_renderer_get_axis_height (self) + viewport->scroll_y) /
                 self->style->row_height;
  if (row_position < 0 || row_position >= self->rows->len)
    return hit;
  index = (guint) row_position;
  row = &g_array_index (self->rows, MlTimelineRow, index);

  if (x < header_width)
    {
      hit.kind = row->header ? ML_TIMELINE_HIT_LANE_HEADER : ML_TIMELINE_HIT_ROW_LABEL;
      hit.element = row->element;
      return hit;
    }

  if (row->header)
    {
      double best = G_MAXDOUBLE;

      for (guint m = 0; m < row->n_markers; m++)
        {
          const MlTimelineMarker *marker = &g_array_index (self->markers, MlTimelineMarker,
                                                           row->first_marker + m);
          double cx, cy, distance;

          ml_timeline_renderer_marker_box (self, viewport, marker, &box);
          cx = box.x + box.width / 2;
          cy = box.y + box.height / 2;
          distance = hypot (x - cx, y - cy);
          if (distance <= box.width / 2 + 3 && distance < best)
            {
              best = distance;
              hit.kind = marker->decision ? ML_TIMELINE_HIT_DECISION : ML_TIMELINE_HIT_MILESTONE;
              hit.element = marker->element;
            }
        }
      return hit;
    }

  if (row->start == ML_DATE_NONE)
    return hit;

  ml_timeline_renderer_bar_box (self, viewport, index, &box);
  if (y < box.y - 2 || y > box.y + box.height + 2)
    return hit;

  /* Inside a bar, each end takes at most a third of it; outside, the tolerance applies. */
  tolerance = MIN (EDGE_TOLERANCE, box.width / 3);
  if (x >= box.x + box.width - tolerance && x <= box.x + box.width + EDGE_TOLERANCE)
    hit.kind = ML_TIMELINE_HIT_BAR_END;
  else if (x >= box.x - EDGE_TOLERANCE && x <= box.x + tolerance)
    hit.kind = ML_TIMELINE_HIT_BAR_START;
  else if (x > box.x && x < box.x + box.width)
    hit.kind = ML_TIMELINE_HIT_BAR;
  else
    return hit;

  hit.element = row->element;

  return hit;
}

/**
 * ml_timeline_renderer_get_element_rect:
 * @viewport: the viewport
 * @element: an activity, milestone, decision point or workstream
 * @rect: (out): where it is drawn: an activity's bar, a marker's square, a workstream's
 *   header row across the viewport; possibly outside the viewport
 *
 * Returns: whether @element has a place on the chart (%FALSE for an activity of a
 *   collapsed workstream)
 */
gboolean
ml_timeline_renderer_get_element_rect (MlTimelineRenderer       *self,
                                       const MlTimelineViewport *viewport,
                                       MlElement                *element,
                                       cairo_rectangle_t        *rect)
{
  MlTimelineBox box;
  guint index;

  g_return_val_if_fail (ML_IS_TIMELINE_RENDERER (self), FALSE);
  g_return_val_if_fail (viewport != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  ml_timeline_renderer_ensure_layout (self);

  if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (self->row_of, element))) != 0)
    {
      const MlTimelineRow *row = &g_array_index (self->rows, MlTimelineRow, index - 1);

      if (row->header)
        {
          box.x = 0;
          box.y = ml_timeline_renderer_row_top (self, viewport, index - 1);
          box.width = viewport->width;
          box.height = self->style->row_height;
        }
      else if (row->start != ML_DATE_NONE)
        ml_timeline_renderer_bar_box (self, viewport, index - 1, &box);
      else
        return FALSE;
    }
  else if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (self->marker_of, element))) != 0)
    ml_timeline_renderer_marker_box (self, viewport,
                                     &g_array_index (self->markers, MlTimelineMarker, index - 1),
                                     &box);
  else
    return FALSE;

  rect->x = box.x;
  rect->y = box.y;
  rect->width = box.width;
  rect->height = box.height;

  return TRUE;
}

/**
 * ml_timeline_viewport_x_of_day:
 * @viewport: the viewport
 * @header_width: the width of the header column, left of the time area
 * @day: a Julian day, fractional: day D spans [x(D), x(D + 1))
 *
 * Returns: the x coordinate of the start of @day in the viewport
 */
double
ml_timeline_viewport_x_of_day (const MlTimelineViewport *viewport,
                               double                    header_width,
                               double                    day)
{
  g_return_val_if_fail (viewport != NULL, 0);

  return header_width + (day - viewport->start_day) * viewport->day_width;
}

/**
 * ml_timeline_viewport_day_at_x:
 *
 * Returns: the fractional Julian day at @x; its floor is the day under @x
 */
double
ml_timeline_viewport_day_at_x (const MlTimelineViewport *viewport,
                               double                    header_width,
                               double                    x)
{
  g_return_val_if_fail (viewport != NULL, 0);
  g_return_val_if_fail (viewport->day_width > 0, viewport->start_day);

  return viewport->start_day + (x - header_width) / viewport->day_width;
}
