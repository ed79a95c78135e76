/* ml-candidate-ranking.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ml-candidates.h"

G_BEGIN_DECLS

GtkWidget *ml_candidate_ranking_new (MlCandidates *candidates);

G_END_DECLS
