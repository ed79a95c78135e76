/* ml-candidates.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choosing missions together: candidate missions scored from 0 to 5 against criteria that the
 * facilitator weighs, ranked by their weighted score, with how robust each rank is to the
 * weights, and the participants' dot votes.
 *
 * Score: Σ weight × value / Σ weight over the criteria, so from 0 to 5 whatever the scale of
 *   the weights. A criterion a candidate has no score for counts 0, and is listed in the row's
 *   missing criteria. Without any weight (no criteria, or all of weight 0) there is no score:
 *   NAN, and every candidate ranks first.
 * Rank: 1 for the best. Candidates whose scores are equal (within 1e-9) share a rank, and the
 *   rank after them skips the places they take: 1, 1, 3.
 * Robustness: every weight is multiplied by 0.8, 0.9, 1, 1.1 or 1.2, in every combination
 *   (5^n weightings for n criteria of weight above 0) when n is at most 6; with more criteria,
 *   in 20,000 draws of each weight × U(0.8, 1.2) from a GRand seeded with 1. The weightings are
 *   the same on every run, so the same project gives the same numbers. A candidate's robustness
 *   is the share of the weightings in which it keeps its rank; the stability of the ranking is
 *   the share in which every candidate does.
 * Swap: for a candidate A ranked just above B, A's lead is N = Σ w_k (a_k − b_k) > 0. Changing
 *   the weight of criterion j alone by δ changes the lead by δ (a_j − b_j), so they draw level
 *   at δ = −N / (a_j − b_j). The smallest |δ| over the criteria whose weight stays at least 0
 *   is the smallest single-weight change that swaps them; there is none when every change only
 *   widens the lead.
 * Votes: a candidate without votes has 0; its share is votes / all votes, NAN when no one
 *   voted.
 *
 * The result holds references to the elements but does not follow edits: compute it again.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

#define ML_CANDIDATES_GRID_MAX_CRITERIA 6
#define ML_CANDIDATES_DRAWS             20000

typedef struct
{
  MlElement *candidate;
  MlElement *mission;          /* the mission it was launched as, or NULL */
  guint      rank;             /* 1 for the best */
  double     score;            /* 0 to 5; NAN without weights */
  guint      votes;
  double     vote_share;       /* 0 to 1; NAN when no one voted */
  double     robustness;       /* 0 to 1; NAN without weights */
  GPtrArray *missing;          /* of MlElement: the criteria it has no score for */
  MlElement *swap_criterion;   /* the weight whose smallest change makes the next candidate
                                * draw level; NULL for the last, a tie, or when none can */
  double     swap_weight;      /* the weight of swap_criterion at which they draw level */
} MlCandidateRow;

typedef struct _MlCandidates MlCandidates;

MlCandidates         *ml_candidates_compute            (MlProject            *project);
void                  ml_candidates_free               (MlCandidates         *self);
GPtrArray            *ml_candidates_get_rows           (MlCandidates         *self);
const MlCandidateRow *ml_candidates_get_next           (MlCandidates         *self,
                                                        const MlCandidateRow *row);
GPtrArray            *ml_candidates_get_criteria       (MlCandidates         *self);
double                ml_candidates_get_weight         (MlElement            *criterion);
guint                 ml_candidates_get_total_votes    (MlCandidates         *self);
guint                 ml_candidates_get_n_weightings   (MlCandidates         *self);
double                ml_candidates_get_stability      (MlCandidates         *self);
const MlCandidateRow *ml_candidates_get_closest        (MlCandidates         *self);
char                 *ml_candidates_describe_swap      (MlCandidates         *self,
                                                        const MlCandidateRow *row);
char                 *ml_candidates_describe_missing   (const MlCandidateRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlCandidates, ml_candidates_free)

G_END_DECLS
