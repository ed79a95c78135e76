/* ml-mix-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-document.h"

G_BEGIN_DECLS

#define ML_TYPE_MIX_PAGE (ml_mix_page_get_type ())

G_DECLARE_FINAL_TYPE (MlMixPage, ml_mix_page, ML, MIX_PAGE, AdwBin)

void       ml_mix_page_set_document     (MlMixPage  *self,
                                         MlDocument *document);
void       ml_mix_page_set_selected     (MlMixPage  *self,
                                         MlElement  *element);
void       ml_mix_page_set_presenting   (MlMixPage  *self,
                                         gboolean    presenting);
void       ml_mix_page_set_mission      (MlMixPage  *self,
                                         MlElement  *mission);
GtkWidget *ml_mix_page_get_drawing_area (MlMixPage  *self);

G_END_DECLS
