/* ml-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The critical path method on the graph of dependencies, in time linear in activities plus
 * dependencies, so that even a large roadmap can be analysed again after every edit. One
 * iterative Tarjan pass finds the cycles and, as a by-product, a topological order of
 * everything else (Tarjan completes a component only after every component it leads to), so
 * the forward and backward passes are single sweeps over that order. Iterative rather than
 * recursive because a chain of 100,000 activities would overflow the stack.
 */

#define G_LOG_DOMAIN "ml-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-enums.h"
#include "ml-schedule.h"

#define NO_INDEX G_MAXUINT

/* A cycle's message names this many of its activities and counts the others, so that each
 * member of a cycle of thousands gets a short message rather than a list of thousands.
 */
#define MAX_NAMED_IN_CYCLE 5

typedef struct
{
  guint            predecessor;
  guint            successor;
  MlDependencyType type;
  gint64           lag;
} Edge;

typedef struct
{
  /* Planned dates. Computations are in 64 bits so that absurd lags along a long chain cannot
   * wrap around; results are clamped when stored.
   */
  gint64   start;
  gint64   end;
  gboolean takes_part;   /* not stopped, and dated */
  gboolean self_loop;    /* depends on itself: validation refuses it, this is for safety */
  guint    cycle;        /* the cycle it is in, or NO_INDEX */
} Node;

struct _MlSchedule
{
  GPtrArray       *activities;  /* owned references, in document order */
  MlScheduleEntry *entries;     /* one per activity, in the same order */
  GHashTable      *positions;   /* MlElement → its position + 1 */
  GPtrArray       *critical;    /* unowned MlElement */
  GPtrArray       *issues;      /* owned MlScheduleIssue */
  MlDate           finish;
};

typedef struct
{
  MlProject  *project;
  GPtrArray  *activities;
  GHashTable *positions;
  guint       n;
  Node       *nodes;
  GArray     *edges;       /* of Edge, grouped by successor in document order */
  guint      *out_start;   /* n + 1 offsets into out_edges */
  guint      *out_edges;   /* edge numbers, grouped by predecessor */
  guint      *order;       /* the acyclic nodes, every successor before its predecessors */
  guint       n_order;
  guint       n_cycles;
  gint64     *early_start;
  gint64     *late_finish;
  gint64      finish;
} Analysis;

static void
free_issue (MlScheduleIssue *issue)
{
  g_free (issue->message);
  g_free (issue);
}

static inline gint64
get_duration (const Node *node)
{
  return node->end - node->start + 1;
}

static MlDate
clamp_date (gint64 day)
{
  return (MlDate) CLAMP (day, 0, G_MAXINT32);
}

static int
clamp_days (gint64 days)
{
  return (int) CLAMP (days, -G_MAXINT, G_MAXINT);
}

static const char *
get_name (MlElement *activity)
{
  const char *label = ml_element_get_label (activity);

  if (label != NULL)
    return label;
  if (ml_element_get_id (activity) != NULL)
    return ml_element_get_id (activity);

  return "?";
}

/* The earliest start the edge allows its successor, given the predecessor's start and end:
 * the header's four rules, those on the successor's end moved to its start by its duration.
 */
static gint64
compute_earliest_start (const Edge *edge,
                        gint64      predecessor_start,
                        gint64      predecessor_end,
                        gint64      successor_duration)
{
  switch (edge->type)
    {
    case ML_DEPENDENCY_START_START:
      return predecessor_start + edge->lag;
    case ML_DEPENDENCY_FINISH_FINISH:
      return predecessor_end + edge->lag - successor_duration + 1;
    case ML_DEPENDENCY_START_FINISH:
      return predecessor_start - 1 + edge->lag - successor_duration + 1;
    case ML_DEPENDENCY_FINISH_START:
    default:
      return predecessor_end + 1 + edge->lag;
    }
}

/* The same rules read backwards: the latest end the edge allows its predecessor, given the
 * successor's latest start and end.
 */
static gint64
compute_latest_finish (const Edge *edge,
                       gint64      successor_start,
                       gint64      successor_end,
                       gint64      predecessor_duration)
{
  switch (edge->type)
    {
    case ML_DEPENDENCY_START_START:
      return successor_start - edge->lag + predecessor_duration - 1;
    case ML_DEPENDENCY_FINISH_FINISH:
      return successor_end - edge->lag;
    case ML_DEPENDENCY_START_FINISH:
      return successor_end + 1 - edge->lag + predecessor_duration - 1;
    case ML_DEPENDENCY_FINISH_START:
    default:
      return successor_start - 1 - edge->lag;
    }
}

static void
collect_edges (Analysis *a)
{
  g_autofree guint *fill = NULL;

  a->edges = g_array_new (FALSE, FALSE, sizeof (Edge));

  for (guint i = 0; i < a->n; i++)
    {
      MlElement *activity = g_ptr_array_index (a->activities, i);
      GPtrArray *dependencies;

      if (!a->nodes[i].takes_part)
        continue;

      dependencies = ml_element_get_children (activity, ML_KIND_DEPENDENCY);
      for (guint d = 0; dependencies != NULL && d < dependencies->len; d++)
        {
          MlElement *dependency = g_ptr_array_index (dependencies, d);
          const char *id = ml_element_get_string (dependency, ML_DEPENDENCY_ACTIVITY);
          MlElement *other = ml_project_lookup (a->project, id);
          guint p = GPOINTER_TO_UINT (g_hash_table_lookup (a->positions, other));
          int type = ml_element_get_enum (dependency, ML_DEPENDENCY_TYPE);
          double lag = ml_element_get_number (dependency, ML_DEPENDENCY_LAG);
          Edge edge;

          /* A dangling reference, or one to something other than an activity, is for
           * validation to report; here it constrains nothing.
           */
          if (p == 0 || !a->nodes[p - 1].takes_part)
            continue;

          edge.predecessor = p - 1;
          edge.successor = i;
          edge.type = type >= ML_DEPENDENCY_FINISH_START && type <= ML_DEPENDENCY_START_FINISH ?
                        (MlDependencyType) type : ML_DEPENDENCY_FINISH_START;
          edge.lag = isnan (lag) ? 0 : (gint64) lag;
          g_array_append_val (a->edges, edge);

          if (edge.predecessor == i)
            a->nodes[i].self_loop = TRUE;
        }
    }

  /* A counting sort of the edges by predecessor, for walking from a node to its successors. */
  a->out_start = g_new0 (guint, a->n + 1);
  a->out_edges = g_new (guint, MAX (a->edges->len, 1));
  for (guint e = 0; e < a->edges->len; e++)
    a->out_start[g_array_index (a->edges, Edge, e).predecessor + 1]++;
  for (guint v = 0; v < a->n; v++)
    a->out_start[v + 1] += a->out_start[v];
  fill = g_memdup2 (a->out_start, sizeof (guint) * (a->n + 1));
  for (guint e = 0; e < a->edges->len; e++)
    a->out_edges[fill[g_array_index (a->edges, Edge, e).predecessor]++] = e;
}

/* Tarjan's strongly connected components, with explicit stacks. A component of more than one
 * activity, or of one that depends on itself, is a cycle; every other activity goes into
 * a->order as its component completes, successors first.
 */
static void
find_cycles (Analysis *a)
{
  guint n = a->n;
  g_autofree guint *number = g_new (guint, MAX (n, 1));
  g_autofree guint *low = g_new (guint, MAX (n, 1));
  g_autofree guint *next = g_new (guint, MAX (n, 1));
  g_autofree guint *stack = g_new (guint, MAX (n, 1));
  g_autofree guint *calls = g_new (guint, MAX (n, 1));
  g_autofree gboolean *on_stack = g_new0 (gboolean, MAX (n, 1));
  guint n_stack = 0;
  guint n_calls = 0;
  guint counter = 0;

  a->order = g_new (guint, MAX (n, 1));
  a->n_order = 0;
  a->n_cycles = 0;

  for (guint v = 0; v < n; v++)
    number[v] = NO_INDEX;

  for (guint root = 0; root < n; root++)
    {
      if (!a->nodes[root].takes_part || number[root] != NO_INDEX)
        continue;

      number[root] = low[root] = counter++;
      next[root] = a->out_start[root];
      stack[n_stack++] = root;
      on_stack[root] = TRUE;
      calls[n_calls++] = root;

      while (n_calls > 0)
        {
          guint v = calls[n_calls - 1];

          if (next[v] < a->out_start[v + 1])
            {
              guint w = g_array_index (a->edges, Edge, a->out_edges[next[v]++]).successor;

              if (number[w] == NO_INDEX)
                {
                  number[w] = low[w] = counter++;
                  next[w] = a->out_start[w];
                  stack[n_stack++] = w;
                  on_stack[w] = TRUE;
                  calls[n_calls++] = w;
                }
              else if (on_stack[w])
                {
                  low[v] = MIN (low[v], number[w]);
                }
              continue;
            }

          n_calls--;
          if (n_calls > 0)
            {
              guint parent = calls[n_calls - 1];

              low[parent] = MIN (low[parent], low[v]);
            }

          if (low[v] == number[v])
            {
              guint first = n_stack;

              do
                first--;
              while (stack[first] != v);

              if (n_stack - first > 1 || a->nodes[v].self_loop)
                {
                  for (guint k = first; k < n_stack; k++)
                    a->nodes[stack[k]].cycle = a->n_cycles;
                  a->n_cycles++;
                }
              else
                {
                  a->order[a->n_order++] = v;
                }

              for (guint k = first; k < n_stack; k++)
                on_stack[stack[k]] = FALSE;
              n_stack = first;
            }
        }
    }
}

static void
run_passes (Analysis *a)
{
  a->early_start = g_new (gint64, MAX (a->n, 1));
  a->late_finish = g_new (gint64, MAX (a->n, 1));
  a->finish = 0;

  for (guint v = 0; v < a->n; v++)
    a->early_start[v] = a->nodes[v].start;

  /* Forward, predecessors first: when a node is reached, every edge into it from outside a
   * cycle has been applied.
   */
  for (guint k = a->n_order; k-- > 0;)
    {
      guint v = a->order[k];
      gint64 early_finish = a->early_start[v] + get_duration (&a->nodes[v]) - 1;

      a->finish = MAX (a->finish, early_finish);
      for (guint o = a->out_start[v]; o < a->out_start[v + 1]; o++)
        {
          const Edge *edge = &g_array_index (a->edges, Edge, a->out_edges[o]);
          guint w = edge->successor;
          gint64 earliest;

          if (a->nodes[w].cycle != NO_INDEX)
            continue;
          earliest = compute_earliest_start (edge, a->early_start[v], early_finish,
                                             get_duration (&a->nodes[w]));
          a->early_start[w] = MAX (a->early_start[w], earliest);
        }
    }

  /* Backward, successors first. Nothing may end after the project does, even an activity
   * whose successors only constrain its start.
   */
  for (guint k = 0; k < a->n_order; k++)
    {
      guint v = a->order[k];
      gint64 late_finish = a->finish;

      for (guint o = a->out_start[v]; o < a->out_start[v + 1]; o++)
        {
          const Edge *edge = &g_array_index (a->edges, Edge, a->out_edges[o]);
          guint w = edge->successor;
          gint64 successor_late_start, latest;

          if (a->nodes[w].cycle != NO_INDEX)
            continue;
          successor_late_start = a->late_finish[w] - get_duration (&a->nodes[w]) + 1;
          latest = compute_latest_finish (edge, successor_late_start, a->late_finish[w],
                                          get_duration (&a->nodes[v]));
          late_finish = MIN (late_finish, latest);
        }
      a->late_finish[v] = late_finish;
    }
}

static void
fill_entries (Analysis   *a,
              MlSchedule *self)
{
  self->entries = g_new0 (MlScheduleEntry, MAX (a->n, 1));

  for (guint v = 0; v < a->n; v++)
    {
      MlScheduleEntry *entry = &self->entries[v];
      const Node *node = &a->nodes[v];
      gint64 early_finish, late_start, slack;

      entry->activity = g_ptr_array_index (a->activities, v);
      if (!node->takes_part || node->cycle != NO_INDEX)
        {
          entry->early_start = entry->late_start = clamp_date (node->start);
          entry->early_finish = entry->late_finish = clamp_date (node->end);
          continue;
        }

      early_finish = a->early_start[v] + get_duration (node) - 1;
      late_start = a->late_finish[v] - get_duration (node) + 1;
      slack = late_start - a->early_start[v];

      entry->early_start = clamp_date (a->early_start[v]);
      entry->early_finish = clamp_date (early_finish);
      entry->late_start = clamp_date (late_start);
      entry->late_finish = clamp_date (a->late_finish[v]);
      entry->slack = clamp_days (slack);

      /* No slack means a chain of binding dependencies from here to an activity that ends
       * with the project, so no separate search for paths to the finish is needed.
       */
      entry->critical = slack <= 0;
    }
}

static int
compare_critical (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const MlScheduleEntry *entries = user_data;
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  if (entries[x].early_start != entries[y].early_start)
    return entries[x].early_start < entries[y].early_start ? -1 : 1;

  return (x > y) - (x < y);
}

static void
collect_critical (Analysis   *a,
                  MlSchedule *self)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint v = 0; v < a->n; v++)
    if (self->entries[v].critical)
      g_array_append_val (positions, v);

  /* Along a chain early starts grow, so this is the chain's order; several chains interleave
   * by date, ties in document order.
   */
  g_qsort_with_data (positions->data, (int) positions->len, sizeof (guint), compare_critical,
                     self->entries);

  self->critical = g_ptr_array_sized_new (positions->len);
  for (guint k = 0; k < positions->len; k++)
    g_ptr_array_add (self->critical,
                     g_ptr_array_index (a->activities, g_array_index (positions, guint, k)));
}

/* Builds one message per cycle, naming its first activities in document order. */
static char **
describe_cycles (Analysis *a)
{
  g_autofree guint *sizes = g_new0 (guint, MAX (a->n_cycles, 1));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  char **messages = g_new0 (char *, a->n_cycles + 1);

  for (guint c = 0; c < a->n_cycles; c++)
    g_ptr_array_add (names, g_ptr_array_new ());

  for (guint v = 0; v < a->n; v++)
    {
      guint c = a->nodes[v].cycle;

      if (c == NO_INDEX)
        continue;
      if (sizes[c]++ < MAX_NAMED_IN_CYCLE)
        g_ptr_array_add (g_ptr_array_index (names, c),
                         (gpointer) get_name (g_ptr_array_index (a->activities, v)));
    }

  for (guint c = 0; c < a->n_cycles; c++)
    {
      GPtrArray *named = g_ptr_array_index (names, c);
      g_autoptr(GString) list = g_string_new (NULL);
      guint n_others = sizes[c] - named->len;

      if (sizes[c] == 1)
        {
          /* Translators: an activity whose dependencies include itself. */
          messages[c] = g_strdup_printf (_("Activity “%s” depends on itself, so it cannot start."),
                                         (const char *) g_ptr_array_index (named, 0));
          continue;
        }

      for (guint k = 0; k < named->len; k++)
        {
          if (k > 0 && (k < named->len - 1 || n_others > 0))
            /* Translators: between the names of a list, e.g. “A”, “B” and “C”. */
            g_string_append (list, _(", "));
          else if (k > 0)
            /* Translators: before the last name of a list, e.g. “A”, “B” and “C”. */
            g_string_append (list, _(" and "));
          g_string_append_printf (list, _("“%s”"), (const char *) g_ptr_array_index (named, k));
        }
      if (n_others > 0)
        {
          g_autofree char *with_others = NULL;

          /* Translators: the end of a list of names that is too long to show in full. */
          with_others = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u other",
                                                      "%s and %u others", n_others),
                                         list->str, n_others);
          g_string_assign (list, with_others);
        }

      if (sizes[c] == 2)
        /* Translators: %s is a list of two names, “A” and “B”. */
        messages[c] = g_strdup_printf (_("Activities %s depend on each other in a circle, so "
                                         "neither of them can start."), list->str);
      else
        /* Translators: %s is a list of names, “A”, “B” and “C”. */
        messages[c] = g_strdup_printf (_("Activities %s depend on each other in a circle, so "
                                         "none of them can start."), list->str);
    }

  return messages;
}

static const char *
describe_type (MlDependencyType type)
{
  switch (type)
    {
    case ML_DEPENDENCY_START_START:
      return _("start-to-start");
    case ML_DEPENDENCY_FINISH_FINISH:
      return _("finish-to-finish");
    case ML_DEPENDENCY_START_FINISH:
      return _("start-to-finish");
    case ML_DEPENDENCY_FINISH_START:
    default:
      return _("finish-to-start");
    }
}

static char *
describe_dependency (const Edge *edge)
{
  const char *type = describe_type (edge->type);
  int days = clamp_days (ABS (edge->lag));

  if (edge->lag > 0)
    /* Translators: %s is a kind of dependency, e.g. finish-to-start. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s with %d day’s lag",
                                         "%s with %d days’ lag", (gulong) days),
                            type, days);
  if (edge->lag < 0)
    /* Translators: a negative lag: the successor may begin this many days early. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s with %d day’s lead",
                                         "%s with %d days’ lead", (gulong) days),
                            type, days);

  return g_strdup (type);
}

/* Whether the planned dates break the edge, and by how many days. */
static MlScheduleIssue *
check_planned_dates (Analysis   *a,
                     const Edge *edge)
{
  const Node *predecessor = &a->nodes[edge->predecessor];
  const Node *successor = &a->nodes[edge->successor];
  gboolean on_end = edge->type == ML_DEPENDENCY_FINISH_FINISH ||
                    edge->type == ML_DEPENDENCY_START_FINISH;
  gint64 planned = on_end ? successor->end : successor->start;
  gint64 allowed = compute_earliest_start (edge, predecessor->start, predecessor->end,
                                           get_duration (successor));
  g_autofree char *dependency = NULL;
  MlScheduleIssue *issue;
  char date[11];
  int days;

  if (on_end)
    allowed += get_duration (successor) - 1;
  if (planned >= allowed)
    return NULL;

  days = clamp_days (allowed - planned);
  dependency = describe_dependency (edge);
  ml_date_format_into ((MlDate) planned, date);

  issue = g_new0 (MlScheduleIssue, 1);
  issue->kind = ML_SCHEDULE_ISSUE_VIOLATION;
  issue->activity = g_ptr_array_index (a->activities, edge->successor);
  issue->predecessor = g_ptr_array_index (a->activities, edge->predecessor);
  issue->days = days;
  if (on_end)
    /* Translators: activity, date, number of days, other activity, kind of dependency. */
    issue->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Activity “%s” ends on %s, %d day before "
                                                   "“%s” allows (%s).",
                                                   "Activity “%s” ends on %s, %d days before "
                                                   "“%s” allows (%s).", (gulong) days),
                                      get_name (issue->activity), date, days,
                                      get_name (issue->predecessor), dependency);
  else
    /* Translators: activity, date, number of days, other activity, kind of dependency. */
    issue->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Activity “%s” starts on %s, %d day before "
                                                   "“%s” allows (%s).",
                                                   "Activity “%s” starts on %s, %d days before "
                                                   "“%s” allows (%s).", (gulong) days),
                                      get_name (issue->activity), date, days,
                                      get_name (issue->predecessor), dependency);

  return issue;
}

/* Issues in document order of the activity they are about: its cycle first, then its
 * dependencies in the order they are listed.
 */
static void
collect_issues (Analysis   *a,
                MlSchedule *self)
{
  g_auto(GStrv) cycle_messages = describe_cycles (a);
  guint e = 0;

  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) free_issue);

  for (guint v = 0; v < a->n; v++)
    {
      guint first_edge = e;

      while (e < a->edges->len && g_array_index (a->edges, Edge, e).successor == v)
        e++;

      if (a->nodes[v].cycle != NO_INDEX)
        {
          MlScheduleIssue *issue = g_new0 (MlScheduleIssue, 1);

          issue->kind = ML_SCHEDULE_ISSUE_CYCLE;
          issue->activity = g_ptr_array_index (a->activities, v);
          issue->message = g_strdup (cycle_messages[a->nodes[v].cycle]);

          /* The other end: a predecessor in the same cycle, which always exists. */
          for (guint k = first_edge; k < e; k++)
            {
              guint p = g_array_index (a->edges, Edge, k).predecessor;

              if (a->nodes[p].cycle == a->nodes[v].cycle)
                {
                  issue->predecessor = g_ptr_array_index (a->activities, p);
                  break;
                }
            }
          g_ptr_array_add (self->issues, issue);
        }

      for (guint k = first_edge; k < e; k++)
        {
          MlScheduleIssue *issue = check_planned_dates (a, &g_array_index (a->edges, Edge, k));

          if (issue != NULL)
            g_ptr_array_add (self->issues, issue);
        }
    }
}

/**
 * ml_schedule_compute:
 * @project: a project
 *
 * Analyses the schedule of every activity of @project. The result keeps references to the
 * activities but does not follow later edits: compute it again after a change.
 *
 * Returns: (transfer full): the schedule, to free with ml_schedule_free()
 */
MlSchedule *
ml_schedule_compute (MlProject *project)
{
  g_autoptr(MlSchedule) self = NULL;
  Analysis a = { 0 };

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  self = g_new0 (MlSchedule, 1);
  self->activities = ml_project_collect (project, ML_KIND_ACTIVITY);
  self->positions = g_hash_table_new (NULL, NULL);

  a.project = project;
  a.activities = self->activities;
  a.positions = self->positions;
  a.n = self->activities->len;
  a.nodes = g_new0 (Node, MAX (a.n, 1));

  for (guint v = 0; v < a.n; v++)
    {
      MlElement *activity = g_ptr_array_index (self->activities, v);
      Node *node = &a.nodes[v];

      g_hash_table_insert (self->positions, activity, GUINT_TO_POINTER (v + 1));
      node->start = ml_element_get_date (activity, ML_ACTIVITY_START);
      node->end = ml_element_get_date (activity, ML_ACTIVITY_END);
      node->cycle = NO_INDEX;

      /* Only an invalid project lacks a date, and then there is nothing to place. */
      node->takes_part = ml_element_get_enum (activity, ML_ACTIVITY_STATUS) != ML_STATUS_STOPPED &&
                         node->start != ML_DATE_NONE && node->end != ML_DATE_NONE;
    }

  collect_edges (&a);
  find_cycles (&a);
  run_passes (&a);
  fill_entries (&a, self);
  collect_critical (&a, self);
  collect_issues (&a, self);
  self->finish = clamp_date (a.finish);

  g_free (a.nodes);
  g_array_unref (a.edges);
  g_free (a.out_start);
  g_free (a.out_edges);
  g_free (a.order);
  g_free (a.early_start);
  g_free (a.late_finish);

  return g_steal_pointer (&self);
}

void
ml_schedule_free (MlSchedule *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->critical, g_ptr_array_unref);
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_free);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_free (self);
}

/**
 * ml_schedule_lookup:
 * @self: a schedule
 * @activity: an activity
 *
 * Returns: (transfer none) (nullable): the entry of @activity, or %NULL if it was not in the
 *   project when the schedule was computed
 */
const MlScheduleEntry *
ml_schedule_lookup (MlSchedule *self,
                    MlElement  *activity)
{
  guint position;

  g_return_val_if_fail (self != NULL, NULL);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, activity));

  return position > 0 ? &self->entries[position - 1] : NULL;
}

/**
 * ml_schedule_get_critical_path:
 * @self: a schedule
 *
 * Returns: (transfer none) (element-type MlElement): the critical activities, by early start
 *   and then in document order
 */
GPtrArray *
ml_schedule_get_critical_path (MlSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->critical;
}

/**
 * ml_schedule_get_issues:
 * @self: a schedule
 *
 * Returns: (transfer none) (element-type MlScheduleIssue): the cycles and broken
 *   dependencies, in document order of the activity they concern
 */
GPtrArray *
ml_schedule_get_issues (MlSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->issues;
}

/**
 * ml_schedule_get_finish:
 * @self: a schedule
 *
 * Returns: the latest early finish of the activities that take part, or %ML_DATE_NONE if
 *   there are none
 */
MlDate
ml_schedule_get_finish (MlSchedule *self)
{
  g_return_val_if_fail (self != NULL, ML_DATE_NONE);

  return self->finish;
}
