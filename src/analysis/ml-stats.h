/* ml-stats.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counts, time spans and budgets of a project: what `missionlab-cli stats` prints.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

typedef struct
{
  char   *currency;   /* NULL when neither the element nor the project names one */
  double  amount;
  guint   n_items;
} MlBudget;

typedef struct
{
  guint   counts[ML_N_KINDS];
  MlDate  horizon_start;    /* the project's own horizon */
  MlDate  horizon_end;
  MlDate  roadmap_start;    /* the span of activities, milestones and decision points */
  MlDate  roadmap_end;
  GArray *instrument_budgets;  /* of MlBudget, by currency */
  GArray *activity_budgets;
} MlStats;

MlStats    *ml_stats_compute        (MlProject *project);
void        ml_stats_free           (MlStats   *self);
const char *ml_budget_get_currency  (MlProject *project,
                                     MlElement *element,
                                     MlField    currency_field);
GArray     *ml_budgets_new          (void);
void        ml_budgets_add          (GArray     *budgets,
                                     const char *currency,
                                     double      amount);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlStats, ml_stats_free)

G_END_DECLS
