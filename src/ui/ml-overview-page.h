/* ml-overview-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-project.h"

G_BEGIN_DECLS

#define ML_TYPE_OVERVIEW_PAGE (ml_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (MlOverviewPage, ml_overview_page, ML, OVERVIEW_PAGE, AdwBin)

void ml_overview_page_set_project (MlOverviewPage *self,
                                   MlProject      *project);
void ml_overview_page_set_mission (MlOverviewPage *self,
                                   MlElement      *mission);

G_END_DECLS
