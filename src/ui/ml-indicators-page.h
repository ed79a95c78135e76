/* ml-indicators-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-project.h"

G_BEGIN_DECLS

#define ML_TYPE_INDICATORS_PAGE (ml_indicators_page_get_type ())

G_DECLARE_FINAL_TYPE (MlIndicatorsPage, ml_indicators_page, ML, INDICATORS_PAGE, AdwBin)

void       ml_indicators_page_set_project (MlIndicatorsPage *self,
                                           MlProject        *project);
void       ml_indicators_page_set_mission (MlIndicatorsPage *self,
                                           MlElement        *mission);
void       ml_indicators_page_set_presenting (MlIndicatorsPage *self,
                                              gboolean          presenting);
GtkWidget *ml_indicators_page_get_card    (MlIndicatorsPage *self,
                                           const char       *id);

G_END_DECLS
