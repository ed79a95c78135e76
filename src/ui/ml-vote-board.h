/* ml-vote-board.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-candidates.h"
#include "ml-document.h"

G_BEGIN_DECLS

#define ML_TYPE_VOTE_BOARD (ml_vote_board_get_type ())

G_DECLARE_FINAL_TYPE (MlVoteBoard, ml_vote_board, ML, VOTE_BOARD, AdwBin)

GtkWidget *ml_vote_board_new          (void);
void       ml_vote_board_set_document (MlVoteBoard  *self,
                                       MlDocument   *document);
void       ml_vote_board_update       (MlVoteBoard  *self,
                                       MlCandidates *candidates);
MlElement *ml_vote_board_get_selected (MlVoteBoard  *self);
gboolean   ml_vote_board_handle_key   (MlVoteBoard  *self,
                                       guint         keyval);

G_END_DECLS
