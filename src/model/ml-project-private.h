/* ml-project-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the reader and for commands: the id index and the change signals.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

void        ml_project_set_format_minor  (MlProject   *self,
                                          guint        minor);
MlElement  *ml_project_register_id       (MlProject   *self,
                                          MlElement   *element);
gboolean    ml_project_register_tree     (MlProject   *self,
                                          MlElement   *element,
                                          GError     **error);
void        ml_project_unregister_tree   (MlProject   *self,
                                          MlElement   *element);
void        ml_project_emit_changed      (MlProject   *self,
                                          MlElement   *element,
                                          MlField      field);
void        ml_project_emit_inserted     (MlProject   *self,
                                          MlElement   *element);
void        ml_project_emit_removed      (MlProject   *self,
                                          MlElement   *element,
                                          MlElement   *parent,
                                          int          position);

G_END_DECLS
