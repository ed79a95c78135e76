/* ml-candidates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-candidates"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ml-candidates.h"

#define TIE_TOLERANCE 1e-9
#define DRAW_SEED     1

static const double grid[] = { 0.8, 0.9, 1.0, 1.1, 1.2 };

struct _MlCandidates
{
  GPtrArray *rows;          /* of MlCandidateRow, by rank, ties in document order */
  GPtrArray *criteria;      /* of MlElement, in document order */
  guint      total_votes;
  guint      n_weightings;
  double     stability;
};

/* A row and where its candidate is in the document, and so in the table. */
typedef struct
{
  MlCandidateRow row;       /* first, so that a row is its entry */
  guint          index;
} Entry;

/* The values of the candidates against the criteria, what the weightings are applied to. */
typedef struct
{
  guint   n_candidates;
  guint   n_criteria;
  double *values;           /* [candidate * n_criteria + criterion], 0 where missing */
  double *weights;          /* the facilitator's */
  guint  *ranks;            /* with the facilitator's weights */
} Table;

static void
free_row (gpointer data)
{
  MlCandidateRow *row = data;

  g_clear_object (&row->candidate);
  g_clear_object (&row->mission);
  g_clear_object (&row->swap_criterion);
  g_ptr_array_unref (row->missing);
  g_free ((Entry *) row);
}

/**
 * ml_candidates_get_weight:
 * @criterion: a criterion
 *
 * Returns: its weight; 0 when it has none, which validation reports
 */
double
ml_candidates_get_weight (MlElement *criterion)
{
  double weight;

  g_return_val_if_fail (ML_IS_ELEMENT (criterion), 0);

  weight = ml_element_get_number (criterion, ML_CRITERION_WEIGHT);
  return isnan (weight) || weight < 0 ? 0 : weight;
}

/* The first score @candidate has for @criterion: validation allows only one. */
static MlElement *
find_score (MlElement *candidate,
            MlElement *criterion)
{
  GPtrArray *scores = ml_element_get_children (candidate, ML_KIND_SCORE);

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      MlElement *score = g_ptr_array_index (scores, i);

      if (g_strcmp0 (ml_element_get_string (score, ML_SCORE_CRITERION),
                     ml_element_get_id (criterion)) == 0)
        return score;
    }

  return NULL;
}

static double
sum_weighted (const Table  *table,
              const double *weights,
              guint         candidate)
{
  double sum = 0;

  for (guint k = 0; k < table->n_criteria; k++)
    sum += weights[k] * table->values[candidate * table->n_criteria + k];

  return sum;
}

static double
sum_weights (const Table  *table,
             const double *weights)
{
  double sum = 0;

  for (guint k = 0; k < table->n_criteria; k++)
    sum += weights[k];

  return sum;
}

/* Competition ranking: 1 + the number of candidates with a higher weighted sum. The sums share
 * one denominator, the sum of the weights, so comparing them compares the scores.
 */
static void
rank_by (const Table  *table,
         const double *weights,
         double       *sums,
         guint        *ranks)
{
  double tolerance = TIE_TOLERANCE * sum_weights (table, weights);

  for (guint c = 0; c < table->n_candidates; c++)
    sums[c] = sum_weighted (table, weights, c);

  for (guint c = 0; c < table->n_candidates; c++)
    {
      ranks[c] = 1;
      for (guint other = 0; other < table->n_candidates; other++)
        if (sums[other] > sums[c] + tolerance)
          ranks[c]++;
    }
}

/* Sets @weights to the @n-th weighting: the digits of @n in base 5 pick a factor of the grid
 * for each criterion of weight above 0, the least significant digit for the first.
 */
static void
weigh_on_grid (const Table *table,
               guint        n,
               double      *weights)
{
  for (guint k = 0; k < table->n_criteria; k++)
    {
      weights[k] = table->weights[k];
      if (table->weights[k] > 0)
        {
          weights[k] *= grid[n % G_N_ELEMENTS (grid)];
          n /= G_N_ELEMENTS (grid);
        }
    }
}

static void
weigh_at_random (const Table *table,
                 GRand       *rand,
                 double      *weights)
{
  for (guint k = 0; k < table->n_criteria; k++)
    weights[k] = table->weights[k] * g_rand_double_range (rand, 0.8, 1.2);
}

/* Counts, for each candidate, the weightings in which it keeps its rank. */
static void
perturb (MlCandidates *self,
         const Table  *table)
{
  g_autofree double *weights = g_new (double, table->n_criteria);
  g_autofree double *sums = g_new (double, table->n_candidates);
  g_autofree guint *ranks = g_new (guint, table->n_candidates);
  g_autofree guint *kept = g_new0 (guint, table->n_candidates);
  g_autoptr(GRand) rand = NULL;
  guint n_weighted = 0, stable = 0;

  for (guint k = 0; k < table->n_criteria; k++)
    n_weighted += table->weights[k] > 0;

  if (n_weighted <= ML_CANDIDATES_GRID_MAX_CRITERIA)
    {
      self->n_weightings = 1;
      for (guint k = 0; k < n_weighted; k++)
        self->n_weightings *= G_N_ELEMENTS (grid);
    }
  else
    {
      self->n_weightings = ML_CANDIDATES_DRAWS;
      rand = g_rand_new_with_seed (DRAW_SEED);
    }

  for (guint n = 0; n < self->n_weightings; n++)
    {
      gboolean all_kept = TRUE;

      if (rand != NULL)
        weigh_at_random (table, rand, weights);
      else
        weigh_on_grid (table, n, weights);
      rank_by (table, weights, sums, ranks);
      for (guint c = 0; c < table->n_candidates; c++)
        {
          kept[c] += ranks[c] == table->ranks[c];
          all_kept &= ranks[c] == table->ranks[c];
        }
      stable += all_kept;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->rows, i);

      entry->row.robustness = (double) kept[entry->index] / self->n_weightings;
    }
  self->stability = (double) stable / self->n_weightings;
}

/* The smallest change of one weight at which @below draws level with @above. */
static void
find_swap (MlCandidates   *self,
           const Table    *table,
           MlCandidateRow *above,
           guint           a,
           guint           b)
{
  double lead = sum_weighted (table, table->weights, a) - sum_weighted (table, table->weights, b);
  double total = sum_weights (table, table->weights);
  double best = INFINITY;

  for (guint k = 0; k < table->n_criteria; k++)
    {
      double difference = table->values[a * table->n_criteria + k] -
                          table->values[b * table->n_criteria + k];
      double delta;

      if (difference == 0)
        continue;
      delta = -lead / difference;
      /* A weight cannot go below 0, and with no weight left there is no ranking to swap. */
      if (table->weights[k] + delta < 0 || total + delta <= 0 || fabs (delta) >= best)
        continue;
      best = fabs (delta);
      g_set_object (&above->swap_criterion, g_ptr_array_index (self->criteria, k));
      above->swap_weight = table->weights[k] + delta;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Entry *first = *(const Entry *const *) a;
  const Entry *second = *(const Entry *const *) b;

  if (first->row.rank != second->row.rank)
    return first->row.rank < second->row.rank ? -1 : 1;

  return first->index < second->index ? -1 : first->index > second->index;
}

static Entry *
new_entry (MlProject *project,
           MlElement *candidate,
           Table     *table,
           guint      c,
           GPtrArray *criteria)
{
  Entry *entry = g_new0 (Entry, 1);
  MlCandidateRow *row = &entry->row;
  const char *mission_id = ml_element_get_string (candidate, ML_CANDIDATE_MISSION);
  MlElement *mission = ml_project_lookup (project, mission_id);
  double votes = ml_element_get_number (candidate, ML_CANDIDATE_VOTES);

  row->candidate = g_object_ref (candidate);
  if (mission != NULL && ml_element_get_kind (mission) == ML_KIND_MISSION)
    row->mission = g_object_ref (mission);
  row->votes = isnan (votes) || votes < 0 ? 0 : (guint) votes;
  row->missing = g_ptr_array_new_with_free_func (g_object_unref);
  row->score = row->robustness = row->vote_share = row->swap_weight = NAN;

  for (guint k = 0; k < criteria->len; k++)
    {
      MlElement *criterion = g_ptr_array_index (criteria, k);
      MlElement *score = find_score (candidate, criterion);
      double value = score != NULL ? ml_element_get_number (score, ML_SCORE_VALUE) : NAN;

      if (isnan (value))
        g_ptr_array_add (row->missing, g_object_ref (criterion));
      table->values[c * criteria->len + k] = isnan (value) ? 0 : value;
    }
  entry->index = c;

  return entry;
}

/**
 * ml_candidates_compute:
 * @project: a project
 *
 * Returns: (transfer full): the candidate missions of @project, ranked
 */
MlCandidates *
ml_candidates_compute (MlProject *project)
{
  MlElement *root;
  GPtrArray *candidates, *criteria;
  MlCandidates *self;
  Table table = { 0 };
  g_autofree double *sums = NULL;
  double total;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  root = ml_project_get_root (project);
  candidates = ml_element_get_children (root, ML_KIND_CANDIDATE);
  criteria = ml_element_get_children (root, ML_KIND_CRITERION);

  self = g_new0 (MlCandidates, 1);
  self->rows = g_ptr_array_new_with_free_func (free_row);
  self->criteria = g_ptr_array_new_with_free_func (g_object_unref);
  self->stability = NAN;
  for (guint k = 0; criteria != NULL && k < criteria->len; k++)
    g_ptr_array_add (self->criteria, g_object_ref (g_ptr_array_index (criteria, k)));

  table.n_candidates = candidates != NULL ? candidates->len : 0;
  table.n_criteria = self->criteria->len;
  table.values = g_new0 (double, MAX (table.n_candidates * table.n_criteria, 1));
  table.weights = g_new0 (double, MAX (table.n_criteria, 1));
  table.ranks = g_new0 (guint, MAX (table.n_candidates, 1));
  sums = g_new0 (double, MAX (table.n_candidates, 1));

  for (guint k = 0; k < table.n_criteria; k++)
    table.weights[k] = ml_candidates_get_weight (g_ptr_array_index (self->criteria, k));
  total = sum_weights (&table, table.weights);

  for (guint c = 0; c < table.n_candidates; c++)
    {
      Entry *entry = new_entry (project, g_ptr_array_index (candidates, c), &table, c,
                                self->criteria);

      self->total_votes += entry->row.votes;
      g_ptr_array_add (self->rows, entry);
    }

  if (total > 0)
    rank_by (&table, table.weights, sums, table.ranks);
  for (guint c = 0; c < table.n_candidates; c++)
    {
      MlCandidateRow *row = g_ptr_array_index (self->rows, c);

      row->rank = total > 0 ? table.ranks[c] : 1;
      table.ranks[c] = row->rank;
      if (total > 0)
        row->score = sums[c] / total;
      if (self->total_votes > 0)
        row->vote_share = (double) row->votes / self->total_votes;
    }

  if (total > 0 && table.n_candidates > 0)
    perturb (self, &table);

  g_ptr_array_sort (self->rows, compare_rows);

  for (guint i = 0; total > 0 && i + 1 < self->rows->len; i++)
    {
      Entry *above = g_ptr_array_index (self->rows, i);
      Entry *below = g_ptr_array_index (self->rows, i + 1);

      if (above->row.rank != below->row.rank)
        find_swap (self, &table, &above->row, above->index, below->index);
    }

  g_free (table.values);
  g_free (table.weights);
  g_free (table.ranks);

  return self;
}

void
ml_candidates_free (MlCandidates *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->criteria);
  g_free (self);
}

/**
 * ml_candidates_get_rows:
 *
 * Returns: (transfer none) (element-type MlCandidateRow): every candidate, the best first;
 *   candidates that share a rank in document order
 */
GPtrArray *
ml_candidates_get_rows (MlCandidates *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->rows;
}

/**
 * ml_candidates_get_next:
 * @self: the candidates
 * @row: one of their rows
 *
 * Returns: (nullable): the row ranked just after @row, the one its swap is with
 */
const MlCandidateRow *
ml_candidates_get_next (MlCandidates         *self,
                        const MlCandidateRow *row)
{
  guint position;

  g_return_val_if_fail (self != NULL, NULL);

  if (!g_ptr_array_find (self->rows, row, &position) || position + 1 >= self->rows->len)
    return NULL;

  return g_ptr_array_index (self->rows, position + 1);
}

/**
 * ml_candidates_get_criteria:
 *
 * Returns: (transfer none) (element-type MlElement): the criteria, in document order
 */
GPtrArray *
ml_candidates_get_criteria (MlCandidates *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->criteria;
}

guint
ml_candidates_get_total_votes (MlCandidates *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total_votes;
}

/**
 * ml_candidates_get_n_weightings:
 *
 * Returns: how many weightings the robustness was measured over; 0 without weights or
 *   candidates
 */
guint
ml_candidates_get_n_weightings (MlCandidates *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_weightings;
}

/**
 * ml_candidates_get_stability:
 *
 * Returns: the share of the weightings in which every candidate keeps its rank, from 0 to 1;
 *   NAN without weights or candidates
 */
double
ml_candidates_get_stability (MlCandidates *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->stability;
}

/**
 * ml_candidates_get_closest:
 *
 * Returns: (nullable): the row whose lead over the next needs the smallest change of a single
 *   weight to swap, the closest call in the ranking; %NULL when no single weight can swap two
 *   neighbours
 */
const MlCandidateRow *
ml_candidates_get_closest (MlCandidates *self)
{
  const MlCandidateRow *closest = NULL;
  double smallest = INFINITY;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const MlCandidateRow *row = g_ptr_array_index (self->rows, i);
      double change;

      if (row->swap_criterion == NULL)
        continue;
      change = fabs (row->swap_weight - ml_candidates_get_weight (row->swap_criterion));
      if (change < smallest)
        {
          smallest = change;
          closest = row;
        }
    }

  return closest;
}

static const char *
name_of (MlElement *element)
{
  const char *label = ml_element_get_label (element);

  return label != NULL ? label : ml_element_get_id (element);
}

/* Weights as people write them: 3.4, not 3.4000000001; 2, not 2.00. */
static char *
format_weight (double weight)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", weight);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';

  return g_strdup (buffer);
}

/**
 * ml_candidates_describe_swap:
 * @self: the candidates
 * @row: one of their rows
 *
 * Returns: (transfer full) (nullable): a sentence on the smallest change of a single weight
 *   that brings the next candidate level with @row, or that none can; %NULL for the last row
 *   and for a tie
 */
char *
ml_candidates_describe_swap (MlCandidates         *self,
                             const MlCandidateRow *row)
{
  const MlCandidateRow *next;
  g_autofree char *weight = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row != NULL, NULL);

  next = ml_candidates_get_next (self, row);
  if (next == NULL || next->rank == row->rank || isnan (row->score))
    return NULL;

  if (row->swap_criterion == NULL)
    return g_strdup_printf (_("No change of a single weight brings “%s” level with “%s”."),
                            name_of (next->candidate), name_of (row->candidate));

  weight = format_weight (row->swap_weight);
  current = format_weight (ml_candidates_get_weight (row->swap_criterion));
  /* TRANSLATORS: “Future Protein” draws level with “Hydrogen” if “Capability” weighs 3.4
   * instead of 2. */
  return g_strdup_printf (_("“%s” draws level with “%s” if “%s” weighs %s instead of %s."),
                          name_of (next->candidate), name_of (row->candidate),
                          name_of (row->swap_criterion), weight, current);
}

/**
 * ml_candidates_describe_missing:
 * @row: a row
 *
 * Returns: (transfer full) (nullable): a sentence naming the criteria the candidate has no
 *   score for, or %NULL when it has a score for each
 */
char *
ml_candidates_describe_missing (const MlCandidateRow *row)
{
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (row != NULL, NULL);

  if (row->missing->len == 0)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < row->missing->len; i++)
    {
      /* TRANSLATORS: the separator between the names of criteria in a list. */
      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append_printf (names, _("“%s”"), name_of (g_ptr_array_index (row->missing, i)));
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” has no score for %s; it counts 0.",
                                       "“%s” has no score for %s; they count 0.",
                                       row->missing->len),
                          name_of (row->candidate), names->str);
}
