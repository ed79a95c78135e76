/* ml-stakeholder-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-document.h"
#include "ml-stakeholder-view.h"

G_BEGIN_DECLS

#define ML_TYPE_STAKEHOLDER_PAGE (ml_stakeholder_page_get_type ())

G_DECLARE_FINAL_TYPE (MlStakeholderPage, ml_stakeholder_page, ML, STAKEHOLDER_PAGE, AdwBin)

void               ml_stakeholder_page_set_document (MlStakeholderPage *self,
                                                     MlDocument        *document);
MlStakeholderView *ml_stakeholder_page_get_view     (MlStakeholderPage *self);
void               ml_stakeholder_page_set_mission  (MlStakeholderPage *self,
                                                     MlElement         *mission);

G_END_DECLS
