/* ml-element.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ml-kind.h"
#include "ml-value.h"

G_BEGIN_DECLS

#define ML_TYPE_ELEMENT (ml_element_get_type ())

G_DECLARE_FINAL_TYPE (MlElement, ml_element, ML, ELEMENT, GObject)

typedef gboolean (*MlElementFunc) (MlElement *element,
                                   gpointer   user_data);

MlElement         *ml_element_new             (MlKind       kind,
                                               const char  *id);
MlKind             ml_element_get_kind        (MlElement   *self);
const char        *ml_element_get_id          (MlElement   *self);
MlElement         *ml_element_get_parent      (MlElement   *self);
guint              ml_element_get_line        (MlElement   *self);
GPtrArray         *ml_element_get_children    (MlElement   *self,
                                               MlKind       kind);
const MlValue     *ml_element_get_value       (MlElement   *self,
                                               MlField      field);
gboolean           ml_element_has_value       (MlElement   *self,
                                               MlField      field);
const char        *ml_element_get_string      (MlElement   *self,
                                               MlField      field);
double             ml_element_get_number      (MlElement   *self,
                                               MlField      field);
MlDate             ml_element_get_date        (MlElement   *self,
                                               MlField      field);
int                ml_element_get_enum        (MlElement   *self,
                                               MlField      field);
guint64            ml_element_get_flags       (MlElement   *self,
                                               MlField      field);
const char *const *ml_element_get_refs        (MlElement   *self,
                                               MlField      field);
const char        *ml_element_get_label       (MlElement   *self);
char              *ml_element_describe        (MlElement   *self);
gboolean           ml_element_set_value       (MlElement   *self,
                                               MlField      field,
                                               const MlValue *value,
                                               GError     **error);
void               ml_element_add_child       (MlElement   *self,
                                               MlElement   *child);
gboolean           ml_element_walk            (MlElement   *self,
                                               MlElementFunc func,
                                               gpointer     user_data);

G_END_DECLS
