/* ml-candidates-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-document.h"

G_BEGIN_DECLS

#define ML_TYPE_CANDIDATES_PAGE (ml_candidates_page_get_type ())

G_DECLARE_FINAL_TYPE (MlCandidatesPage, ml_candidates_page, ML, CANDIDATES_PAGE, AdwBin)

void       ml_candidates_page_set_document   (MlCandidatesPage *self,
                                              MlDocument       *document);
void       ml_candidates_page_set_presenting (MlCandidatesPage *self,
                                              gboolean          presenting);
gboolean   ml_candidates_page_handle_key     (MlCandidatesPage *self,
                                              guint             keyval);
GtkWidget *ml_candidates_page_get_cell       (MlCandidatesPage *self,
                                              const char       *key);
GtkWidget *ml_candidates_page_get_vote_board (MlCandidatesPage *self);

G_END_DECLS
