/* ml-element-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-document.h"

G_BEGIN_DECLS

#define ML_TYPE_ELEMENT_LIST (ml_element_list_get_type ())

G_DECLARE_FINAL_TYPE (MlElementList, ml_element_list, ML, ELEMENT_LIST, AdwBin)

void ml_element_list_set_document  (MlElementList *self,
                                    MlDocument    *document);
void ml_element_list_select        (MlElementList *self,
                                    MlElement     *element);
void ml_element_list_focus_search  (MlElementList *self);

G_END_DECLS
