/* ml-roadmap-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-document.h"
#include "ml-roadmap-view.h"

G_BEGIN_DECLS

#define ML_TYPE_ROADMAP_PAGE (ml_roadmap_page_get_type ())

G_DECLARE_FINAL_TYPE (MlRoadmapPage, ml_roadmap_page, ML, ROADMAP_PAGE, AdwBin)

void           ml_roadmap_page_set_document  (MlRoadmapPage *self,
                                              MlDocument    *document);
MlRoadmapView *ml_roadmap_page_get_view      (MlRoadmapPage *self);
void           ml_roadmap_page_set_mission   (MlRoadmapPage *self,
                                              MlElement     *mission);

G_END_DECLS
