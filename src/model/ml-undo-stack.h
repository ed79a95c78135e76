/* ml-undo-stack.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-command.h"

G_BEGIN_DECLS

#define ML_TYPE_UNDO_STACK (ml_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (MlUndoStack, ml_undo_stack, ML, UNDO_STACK, GObject)

MlUndoStack *ml_undo_stack_new             (MlProject    *project);
MlProject   *ml_undo_stack_get_project     (MlUndoStack  *self);
gboolean     ml_undo_stack_push            (MlUndoStack  *self,
                                            MlCommand    *command,
                                            GError      **error);
gboolean     ml_undo_stack_undo            (MlUndoStack  *self);
gboolean     ml_undo_stack_redo            (MlUndoStack  *self);
gboolean     ml_undo_stack_can_undo        (MlUndoStack  *self);
gboolean     ml_undo_stack_can_redo        (MlUndoStack  *self);
const char  *ml_undo_stack_get_undo_label  (MlUndoStack  *self);
const char  *ml_undo_stack_get_redo_label  (MlUndoStack  *self);
gboolean     ml_undo_stack_get_modified    (MlUndoStack  *self);
void         ml_undo_stack_set_clean       (MlUndoStack  *self);
guint        ml_undo_stack_new_merge_key   (MlUndoStack  *self);

G_END_DECLS
