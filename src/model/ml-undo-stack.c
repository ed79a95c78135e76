/* ml-undo-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-undo-stack"

#include "config.h"

#include "ml-undo-stack.h"

struct _MlUndoStack
{
  GObject    parent_instance;

  MlProject *project;
  GPtrArray *commands;   /* applied ones first, then the ones undone (redo) */
  guint      n_applied;
  int        clean;      /* n_applied when last saved; -1 when that state is gone */
  guint      last_merge_key;
};

G_DEFINE_FINAL_TYPE (MlUndoStack, ml_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} State;

static State
get_state (MlUndoStack *self)
{
  return (State) {
    ml_undo_stack_can_undo (self),
    ml_undo_stack_can_redo (self),
    ml_undo_stack_get_modified (self),
  };
}

static void
notify_changes (MlUndoStack *self,
                State        before)
{
  State after = get_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
ml_undo_stack_dispose (GObject *object)
{
  MlUndoStack *self = ML_UNDO_STACK (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (ml_undo_stack_parent_class)->dispose (object);
}

static void
ml_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MlUndoStack *self = ML_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ml_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ml_undo_stack_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ml_undo_stack_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MlUndoStack *self = ML_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_undo_stack_class_init (MlUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_undo_stack_dispose;
  object_class->get_property = ml_undo_stack_get_property;
  object_class->set_property = ml_undo_stack_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ML_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * MlUndoStack:modified:
   *
   * Whether the project differs from its state at the last save.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_undo_stack_init (MlUndoStack *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ml_undo_stack_new:
 *
 * Returns: (transfer full): an empty history of edits of @project, clean
 */
MlUndoStack *
ml_undo_stack_new (MlProject *project)
{
  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  return g_object_new (ML_TYPE_UNDO_STACK, "project", project, NULL);
}

/**
 * ml_undo_stack_get_project:
 *
 * Returns: (transfer none): the project
 */
MlProject *
ml_undo_stack_get_project (MlUndoStack *self)
{
  g_return_val_if_fail (ML_IS_UNDO_STACK (self), NULL);

  return self->project;
}

/**
 * ml_undo_stack_push:
 * @self: an undo stack
 * @command: a command not yet applied
 * @error: return location for an error
 *
 * Applies @command and records it, merged with the previous command when both belong to one
 * gesture. What could be redone is forgotten.
 *
 * Returns: whether @command was applied
 */
gboolean
ml_undo_stack_push (MlUndoStack  *self,
                    MlCommand    *command,
                    GError      **error)
{
  State before;

  g_return_val_if_fail (ML_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (ML_IS_COMMAND (command), FALSE);

  before = get_state (self);
  if (!ml_command_apply (command, self->project, error))
    return FALSE;

  if (self->commands->len > self->n_applied)
    {
      if (self->clean > (int) self->n_applied)
        self->clean = -1;
      g_ptr_array_set_size (self->commands, self->n_applied);
    }

  /* Never merge into the saved state: it must stay reachable by undo. */
  if (self->n_applied == 0 || self->clean == (int) self->n_applied ||
      !ml_command_merge (g_ptr_array_index (self->commands, self->n_applied - 1), command))
    {
      g_ptr_array_add (self->commands, g_object_ref (command));
      self->n_applied++;
    }

  notify_changes (self, before);

  return TRUE;
}

gboolean
ml_undo_stack_undo (MlUndoStack *self)
{
  State before;

  g_return_val_if_fail (ML_IS_UNDO_STACK (self), FALSE);

  if (!ml_undo_stack_can_undo (self))
    return FALSE;

  before = get_state (self);
  self->n_applied--;
  ml_command_revert (g_ptr_array_index (self->commands, self->n_applied), self->project);
  notify_changes (self, before);

  return TRUE;
}

gboolean
ml_undo_stack_redo (MlUndoStack *self)
{
  g_autoptr(GError) error = NULL;
  State before;

  g_return_val_if_fail (ML_IS_UNDO_STACK (self), FALSE);

  if (!ml_undo_stack_can_redo (self))
    return FALSE;

  before = get_state (self);
  if (!ml_command_apply (g_ptr_array_index (self->commands, self->n_applied), self->project,
                         &error))
    {
      /* It applied before in exactly this state, so this is a bug, not a user error. */
      g_critical ("Cannot redo “%s”: %s",
                  ml_command_get_label (g_ptr_array_index (self->commands, self->n_applied)),
                  error->message);
      return FALSE;
    }
  self->n_applied++;
  notify_changes (self, before);

  return TRUE;
}

gboolean
ml_undo_stack_can_undo (MlUndoStack *self)
{
  g_return_val_if_fail (ML_IS_UNDO_STACK (self), FALSE);

  return self->n_applied > 0;
}

gboolean
ml_undo_stack_can_redo (MlUndoStack *self)
{
  g_return_val_if_fail (ML_IS_UNDO_STACK (self), FALSE);

  return self->n_applied < self->commands->len;
}

/**
 * ml_undo_stack_get_undo_label:
 *
 * Returns: (nullable): what Undo would undo
 */
const char *
ml_undo_stack_get_undo_label (MlUndoStack *self)
{
  g_return_val_if_fail (ML_IS_UNDO_STACK (self), NULL);

  if (!ml_undo_stack_can_undo (self))
    return NULL;

  return ml_command_get_label (g_ptr_array_index (self->commands, self->n_applied - 1));
}

/**
 * ml_undo_stack_get_redo_label:
 *
 * Returns: (nullable): what Redo would redo
 */
const char *
ml_undo_stack_get_redo_label (MlUndoStack *self)
{
  g_return_val_if_fail (ML_IS_UNDO_STACK (self), NULL);

  if (!ml_undo_stack_can_redo (self))
    return NULL;

  return ml_command_get_label (g_ptr_array_index (self->commands, self->n_applied));
}

gboolean
ml_undo_stack_get_modified (MlUndoStack *self)
{
  g_return_val_if_fail (ML_IS_UNDO_STACK (self), FALSE);

  return self->clean != (int) self->n_applied;
}

/**
 * ml_undo_stack_set_clean:
 *
 * Marks the current state as saved.
 */
void
ml_undo_stack_set_clean (MlUndoStack *self)
{
  State before;

  g_return_if_fail (ML_IS_UNDO_STACK (self));

  before = get_state (self);
  self->clean = (int) self->n_applied;
  notify_changes (self, before);
}

/**
 * ml_undo_stack_new_merge_key:
 *
 * Returns: a merge key no command of this stack has used, for a new gesture
 */
guint
ml_undo_stack_new_merge_key (MlUndoStack *self)
{
  g_return_val_if_fail (ML_IS_UNDO_STACK (self), 0);

  return ++self->last_merge_key;
}
