/* ml-inspector.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-document.h"

G_BEGIN_DECLS

#define ML_TYPE_INSPECTOR (ml_inspector_get_type ())

G_DECLARE_FINAL_TYPE (MlInspector, ml_inspector, ML, INSPECTOR, AdwBin)

void       ml_inspector_set_document   (MlInspector *self,
                                        MlDocument  *document);
void       ml_inspector_set_element    (MlInspector *self,
                                        MlElement   *element);
void       ml_inspector_focus_field    (MlInspector *self,
                                        MlField      field);
GtkWidget *ml_inspector_get_editor     (MlInspector *self,
                                        MlField      field);
const char *ml_inspector_get_error     (MlInspector *self,
                                        MlField      field);

G_END_DECLS
