/* ml-field-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-document.h"

G_BEGIN_DECLS

#define ML_TYPE_FIELD_EDITOR (ml_field_editor_get_type ())

G_DECLARE_FINAL_TYPE (MlFieldEditor, ml_field_editor, ML, FIELD_EDITOR, GObject)

MlFieldEditor *ml_field_editor_new           (MlDocument    *document,
                                              MlElement     *element,
                                              MlField        field);
gboolean       ml_field_editor_is_long_text  (MlField        field);
MlField        ml_field_editor_get_field     (MlFieldEditor *self);
GtkWidget     *ml_field_editor_get_widget    (MlFieldEditor *self);
GtkWidget     *ml_field_editor_get_input     (MlFieldEditor *self);
GtkWidget     *ml_field_editor_get_error_row (MlFieldEditor *self);
const char    *ml_field_editor_get_error     (MlFieldEditor *self);
void           ml_field_editor_update        (MlFieldEditor *self);
void           ml_field_editor_focus         (MlFieldEditor *self);

G_END_DECLS
