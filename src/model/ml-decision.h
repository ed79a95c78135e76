/* ml-decision.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reviewing a decision point: its outcome, rationale and date, the activities a stop ends, and
 * the journal entry that keeps the decision on record, as one command.
 */

#pragma once

#include "ml-command.h"
#include "ml-enums.h"

G_BEGIN_DECLS

GPtrArray *ml_decision_get_stoppable      (MlProject   *project,
                                           MlElement   *point);
MlCommand *ml_decision_review_command     (MlProject   *project,
                                           MlElement   *point,
                                           MlOutcome    outcome,
                                           const char  *rationale,
                                           MlDate       decided,
                                           GError     **error);

G_END_DECLS
