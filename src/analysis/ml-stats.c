/* ml-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-stats"

#include "config.h"

#include <math.h>

#include "ml-stats.h"

typedef struct
{
  MlProject *project;
  MlStats   *stats;
} Counting;

static void
widen (MlDate *start,
       MlDate *end,
       MlDate  date)
{
  if (date == ML_DATE_NONE)
    return;
  if (*start == ML_DATE_NONE || date < *start)
    *start = date;
  if (*end == ML_DATE_NONE || date > *end)
    *end = date;
}

/**
 * ml_budgets_add:
 * @budgets: an array of #MlBudget, sorted by currency
 *
 * Adds @amount to the budget of @currency, never to another currency's.
 */
void
ml_budgets_add (GArray     *budgets,
                const char *currency,
                double      amount)
{
  MlBudget budget = { g_strdup (currency), amount, 1 };
  guint i;

  for (i = 0; i < budgets->len; i++)
    {
      MlBudget *b = &g_array_index (budgets, MlBudget, i);
      int order = g_strcmp0 (b->currency, currency);

      if (order == 0)
        {
          b->amount += amount;
          b->n_items++;
          g_free (budget.currency);
          return;
        }
      if (order > 0)
        break;
    }

  g_array_insert_val (budgets, i, budget);
}

static void
clear_budget (gpointer data)
{
  g_free (((MlBudget *) data)->currency);
}

/**
 * ml_budgets_new:
 *
 * Returns: (transfer full): an empty array of #MlBudget for ml_budgets_add()
 */
GArray *
ml_budgets_new (void)
{
  GArray *budgets = g_array_new (FALSE, FALSE, sizeof (MlBudget));

  g_array_set_clear_func (budgets, clear_budget);
  return budgets;
}

/**
 * ml_budget_get_currency:
 *
 * Returns: (nullable): the currency of an element's budget: its own, or the project's default
 */
const char *
ml_budget_get_currency (MlProject *project,
                            MlElement *element,
                            MlField    currency_field)
{
  const char *currency = ml_element_get_string (element, currency_field);

  if (currency != NULL)
    return currency;

  return ml_element_get_string (ml_project_get_root (project), ML_PROJECT_CURRENCY);
}

static gboolean
count_element (MlElement *element,
               gpointer   user_data)
{
  Counting *counting = user_data;
  MlStats *stats = counting->stats;
  double budget;

  stats->counts[ml_element_get_kind (element)]++;

  switch (ml_element_get_kind (element))
    {
    case ML_KIND_ACTIVITY:
      widen (&stats->roadmap_start, &stats->roadmap_end,
             ml_element_get_date (element, ML_ACTIVITY_START));
      widen (&stats->roadmap_start, &stats->roadmap_end,
             ml_element_get_date (element, ML_ACTIVITY_END));
      budget = ml_element_get_number (element, ML_ACTIVITY_BUDGET);
      if (!isnan (budget))
        ml_budgets_add (stats->activity_budgets,
                        ml_budget_get_currency (counting->project, element,
                                                ML_ACTIVITY_CURRENCY),
                        budget);
      break;

    case ML_KIND_MILESTONE:
      widen (&stats->roadmap_start, &stats->roadmap_end,
             ml_element_get_date (element, ML_MILESTONE_DATE));
      break;

    case ML_KIND_DECISION_POINT:
      widen (&stats->roadmap_start, &stats->roadmap_end,
             ml_element_get_date (element, ML_DECISION_DATE));
      break;

    case ML_KIND_INSTRUMENT:
      budget = ml_element_get_number (element, ML_INSTRUMENT_BUDGET);
      if (!isnan (budget))
        ml_budgets_add (stats->instrument_budgets,
                        ml_budget_get_currency (counting->project, element,
                                                ML_INSTRUMENT_CURRENCY),
                        budget);
      break;

    default:
      break;
    }

  return TRUE;
}

/**
 * ml_stats_compute:
 *
 * Returns: (transfer full): the statistics of @project; budgets are summed per currency and
 *   never across currencies
 */
MlStats *
ml_stats_compute (MlProject *project)
{
  MlStats *stats = g_new0 (MlStats, 1);
  Counting counting = { project, stats };
  MlElement *root = ml_project_get_root (project);

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  stats->instrument_budgets = ml_budgets_new ();
  stats->activity_budgets = ml_budgets_new ();
  stats->horizon_start = ml_element_get_date (root, ML_PROJECT_START);
  stats->horizon_end = ml_element_get_date (root, ML_PROJECT_END);

  ml_element_walk (root, count_element, &counting);

  return stats;
}

void
ml_stats_free (MlStats *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->instrument_budgets);
  g_array_unref (self->activity_budgets);
  g_free (self);
}
