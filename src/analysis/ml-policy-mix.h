/* ml-policy-mix.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy mix of a project: which instruments act on which side (supply, demand,
 * regulatory, systemic) at which stage (research … diffusion), what they cost there, and the
 * gaps and imbalances a mission-oriented mix is usually checked for.
 *
 * Coverage: an instrument sits in the cell of its side (ml_instrument_get_side()) at each of its
 * stages. One without stages sits in no cell and is listed by ml_policy_mix_get_unstaged().
 *
 * Budgets are kept per currency (the instrument's own or the project's; none is a currency of
 * its own) and never added across currencies. A budget in a currency the project has an exchange
 * rate for is converted into the project's currency first (ml-exchange.h). A budget spread over n stages counts budget / n
 * in each of its n cells, so the cells of a currency add up to the budgets of its staged
 * instruments.
 *
 * Findings (thresholds):
 *   EMPTY_STAGE            a stage where no instrument acts
 *   NO_DEMAND_PULL         no demand-side instrument at deployment or diffusion
 *   UNSERVED_OBJECTIVE     an objective that no instrument serves
 *   UNANCHORED_INSTRUMENT  an instrument that serves no objective
 *   UNSTAGED_INSTRUMENT    an instrument without stages, absent from the matrix
 *   SINGLE_OWNER           every instrument with a responsible has the same one, and there are at
 *                          least 3 of them
 *   BUDGET_CONCENTRATION   one cell holds ≥ 60 % of a currency's total, when that currency's
 *                          budget is spread over at least two cells (one cell alone is not a
 *                          choice of where to concentrate)
 *   FUNDING_GAP            the latest instrument end is more than 12 whole months before the
 *                          latest mission target date: the "projectification" gap
 *   CROWDING_IN            per currency with public money: the budget of instruments run by
 *                          industry, SMEs, research or civil society per unit of the budget of
 *                          those run by government, agencies, funders or international bodies
 *
 * A mix holds references to the elements but does not follow edits: compute it again.
 */

#pragma once

#include "ml-command.h"
#include "ml-enums.h"
#include "ml-project.h"
#include "ml-stats.h"

G_BEGIN_DECLS

#define ML_N_SIDES  4
#define ML_N_STAGES 5

typedef enum
{
  ML_FINDING_EMPTY_STAGE,
  ML_FINDING_NO_DEMAND_PULL,
  ML_FINDING_UNSERVED_OBJECTIVE,
  ML_FINDING_UNANCHORED_INSTRUMENT,
  ML_FINDING_UNSTAGED_INSTRUMENT,
  ML_FINDING_SINGLE_OWNER,
  ML_FINDING_BUDGET_CONCENTRATION,
  ML_FINDING_FUNDING_GAP,
  ML_FINDING_CROWDING_IN,
} MlFindingKind;

typedef struct
{
  MlFindingKind  kind;
  char          *message;   /* a plain, translated sentence */
  GPtrArray     *elements;  /* of MlElement: the elements concerned */
} MlFinding;

typedef struct _MlPolicyMix MlPolicyMix;

MlPolicyMix *ml_policy_mix_compute          (MlProject   *project);
MlPolicyMix *ml_policy_mix_compute_for_mission (MlProject *project,
                                                MlElement *mission);
void         ml_policy_mix_free             (MlPolicyMix *self);
GPtrArray   *ml_policy_mix_get_instruments  (MlPolicyMix *self,
                                             MlSide       side,
                                             MlStage      stage);
GArray      *ml_policy_mix_get_budgets      (MlPolicyMix *self,
                                             MlSide       side,
                                             MlStage      stage);
GArray      *ml_policy_mix_get_totals       (MlPolicyMix *self);
guint        ml_policy_mix_get_type_count   (MlPolicyMix *self,
                                             guint        type,
                                             MlStage      stage);
GPtrArray   *ml_policy_mix_get_unstaged     (MlPolicyMix *self);
GPtrArray   *ml_policy_mix_get_findings     (MlPolicyMix *self);
GPtrArray   *ml_policy_mix_get_rates        (MlPolicyMix *self);
char        *ml_policy_mix_dup_conversion   (MlPolicyMix *self);
MlCommand   *ml_policy_mix_move_command     (MlElement   *instrument,
                                             MlStage      from,
                                             MlSide       side,
                                             MlStage      stage);
const char  *ml_finding_kind_to_string      (MlFindingKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlPolicyMix, ml_policy_mix_free)

G_END_DECLS
