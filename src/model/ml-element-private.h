/* ml-element-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changing an element directly is reserved to the reader and to commands: everything else
 * edits through MlCommand so that every change can be undone and is announced by the project.
 */

#pragma once

#include "ml-element.h"

G_BEGIN_DECLS

void       ml_element_set_id          (MlElement      *self,
                                       const char     *id);
void       ml_element_set_line        (MlElement      *self,
                                       guint           line);
void       ml_element_take_value      (MlElement      *self,
                                       MlField         field,
                                       MlValue        *value);
void       ml_element_insert_child    (MlElement      *self,
                                       MlElement      *child,
                                       int             position);
int        ml_element_remove_child    (MlElement      *self,
                                       MlElement      *child);
void       ml_element_take_extra      (MlElement      *self,
                                       gpointer        extra,
                                       GDestroyNotify  destroy);
GPtrArray *ml_element_get_extras      (MlElement      *self);

G_END_DECLS
