/* ml-edit-commands.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands that every edit is made of: set a field, insert an element, remove one, and a
 * group of them applied as one.
 */

#define G_LOG_DOMAIN "ml-command"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-command.h"
#include "ml-element-private.h"
#include "ml-error.h"
#include "ml-project-private.h"
#include "ml-validate.h"

#define MAX_REFERRERS_NAMED 5

static gboolean
belongs_to (MlElement *element,
            MlProject *project)
{
  while (ml_element_get_parent (element) != NULL)
    element = ml_element_get_parent (element);

  return element == ml_project_get_root (project);
}

static gboolean
check_belongs_to (MlElement  *element,
                  MlProject  *project,
                  GError    **error)
{
  if (belongs_to (element, project))
    return TRUE;

  g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                       _("The element is not part of this project."));
  return FALSE;
}

/* Setting a field */

#define ML_TYPE_SET_COMMAND (ml_set_command_get_type ())
G_DECLARE_FINAL_TYPE (MlSetCommand, ml_set_command, ML, SET_COMMAND, MlCommand)

struct _MlSetCommand
{
  MlCommand  parent_instance;

  MlElement *element;
  MlField    field;
  MlValue    value;      /* the new value */
  MlValue    old_value;  /* the value before apply */
};

G_DEFINE_FINAL_TYPE (MlSetCommand, ml_set_command, ML_TYPE_COMMAND)

static void
swap_value (MlElement *element,
            MlField    field,
            MlValue   *value)
{
  MlValue previous;

  ml_value_copy (ml_element_get_value (element, field), &previous);
  ml_element_take_value (element, field, value);
  *value = previous;
}

static gboolean
ml_set_command_apply (MlCommand  *command,
                      MlProject  *project,
                      GError    **error)
{
  MlSetCommand *self = ML_SET_COMMAND (command);

  if (!check_belongs_to (self->element, project, error))
    return FALSE;

  ml_value_clear (&self->old_value);
  ml_value_copy (&self->value, &self->old_value);
  swap_value (self->element, self->field, &self->old_value);

  if (!ml_validate_field (project, self->element, self->field, error))
    {
      swap_value (self->element, self->field, &self->old_value);
      return FALSE;
    }

  ml_project_emit_changed (project, self->element, self->field);

  return TRUE;
}

static void
ml_set_command_revert (MlCommand *command,
                       MlProject *project)
{
  MlSetCommand *self = ML_SET_COMMAND (command);
  MlValue value;

  ml_value_copy (&self->old_value, &value);
  ml_element_take_value (self->element, self->field, &value);
  ml_project_emit_changed (project, self->element, self->field);
}

static gboolean
ml_set_command_merge (MlCommand *command,
                      MlCommand *next_command)
{
  MlSetCommand *self = ML_SET_COMMAND (command);
  MlSetCommand *next = ML_SET_COMMAND (next_command);

  if (self->element != next->element || self->field != next->field)
    return FALSE;

  ml_value_clear (&self->value);
  ml_value_copy (&next->value, &self->value);

  return TRUE;
}

static void
ml_set_command_finalize (GObject *object)
{
  MlSetCommand *self = ML_SET_COMMAND (object);

  ml_value_clear (&self->value);
  ml_value_clear (&self->old_value);
  g_clear_object (&self->element);

  G_OBJECT_CLASS (ml_set_command_parent_class)->finalize (object);
}

static void
ml_set_command_class_init (MlSetCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MlCommandClass *command_class = ML_COMMAND_CLASS (klass);

  object_class->finalize = ml_set_command_finalize;
  command_class->apply = ml_set_command_apply;
  command_class->revert = ml_set_command_revert;
  command_class->merge = ml_set_command_merge;
}

static void
ml_set_command_init (MlSetCommand *self)
{
}

/**
 * ml_command_new_set:
 * @element: an element
 * @field: one of its fields
 * @value: the new value, of the type of @field
 *
 * Returns: (transfer full): a command that sets @field of @element to @value
 */
MlCommand *
ml_command_new_set (MlElement     *element,
                    MlField        field,
                    const MlValue *value)
{
  g_autofree char *label = NULL;
  MlSetCommand *self;

  g_return_val_if_fail (ML_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (field < ML_N_FIELDS, NULL);
  g_return_val_if_fail (ml_field_get_info (field)->kind == ml_element_get_kind (element), NULL);
  g_return_val_if_fail (value->type == ml_field_get_info (field)->type, NULL);

  label = g_strdup_printf (_("Change %s"), _(ml_field_get_info (field)->label));
  self = g_object_new (ML_TYPE_SET_COMMAND, "label", label, NULL);
  self->element = g_object_ref (element);
  self->field = field;
  ml_value_copy (value, &self->value);
  ml_value_init (&self->old_value, field);

  return ML_COMMAND (self);
}

/* Inserting an element */

#define ML_TYPE_INSERT_COMMAND (ml_insert_command_get_type ())
G_DECLARE_FINAL_TYPE (MlInsertCommand, ml_insert_command, ML, INSERT_COMMAND, MlCommand)

struct _MlInsertCommand
{
  MlCommand  parent_instance;

  MlElement *parent;
  MlElement *child;
  int        position;
};

G_DEFINE_FINAL_TYPE (MlInsertCommand, ml_insert_command, ML_TYPE_COMMAND)

static gboolean
ml_insert_command_apply (MlCommand  *command,
                         MlProject  *project,
                         GError    **error)
{
  MlInsertCommand *self = ML_INSERT_COMMAND (command);

  if (!check_belongs_to (self->parent, project, error))
    return FALSE;

  if (ml_element_get_parent (self->child) != NULL)
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                           _("The element is already part of a project."));
      return FALSE;
    }

  if (!ml_project_register_tree (project, self->child, error))
    return FALSE;

  /* Insert before validating: a dependency checks the activity that holds it. */
  ml_element_insert_child (self->parent, self->child, self->position);
  if (!ml_validate_tree (project, self->child, error))
    {
      ml_element_remove_child (self->parent, self->child);
      ml_project_unregister_tree (project, self->child);
      return FALSE;
    }

  ml_project_emit_inserted (project, self->child);

  return TRUE;
}

static void
ml_insert_command_revert (MlCommand *command,
                          MlProject *project)
{
  MlInsertCommand *self = ML_INSERT_COMMAND (command);
  int position;

  position = ml_element_remove_child (self->parent, self->child);
  ml_project_unregister_tree (project, self->child);
  ml_project_emit_removed (project, self->child, self->parent, position);
}

static void
ml_insert_command_dispose (GObject *object)
{
  MlInsertCommand *self = ML_INSERT_COMMAND (object);

  g_clear_object (&self->parent);
  g_clear_object (&self->child);

  G_OBJECT_CLASS (ml_insert_command_parent_class)->dispose (object);
}

static void
ml_insert_command_class_init (MlInsertCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MlCommandClass *command_class = ML_COMMAND_CLASS (klass);

  object_class->dispose = ml_insert_command_dispose;
  command_class->apply = ml_insert_command_apply;
  command_class->revert = ml_insert_command_revert;
}

static void
ml_insert_command_init (MlInsertCommand *self)
{
}

/**
 * ml_command_new_insert:
 * @parent: the element to insert into
 * @child: a new element, with its descendants, that is in no project
 * @position: where among the children of its kind, or -1 for the end
 *
 * Returns: (transfer full): a command that inserts @child
 */
MlCommand *
ml_command_new_insert (MlElement *parent,
                       MlElement *child,
                       int        position)
{
  g_autofree char *label = NULL;
  MlInsertCommand *self;

  g_return_val_if_fail (ML_IS_ELEMENT (parent), NULL);
  g_return_val_if_fail (ML_IS_ELEMENT (child), NULL);
  g_return_val_if_fail (ml_kind_get_info (ml_element_get_kind (child))->parent ==
                        ml_element_get_kind (parent), NULL);

  label = g_strdup_printf (_("Add %s"), _(ml_kind_get_info (ml_element_get_kind (child))->label));
  self = g_object_new (ML_TYPE_INSERT_COMMAND, "label", label, NULL);
  self->parent = g_object_ref (parent);
  self->child = g_object_ref (child);
  self->position = position;

  return ML_COMMAND (self);
}

/* Removing an element */

#define ML_TYPE_REMOVE_COMMAND (ml_remove_command_get_type ())
G_DECLARE_FINAL_TYPE (MlRemoveCommand, ml_remove_command, ML, REMOVE_COMMAND, MlCommand)

struct _MlRemoveCommand
{
  MlCommand  parent_instance;

  MlElement *element;
  MlElement *parent;    /* set while applied */
  int        position;
};

G_DEFINE_FINAL_TYPE (MlRemoveCommand, ml_remove_command, ML_TYPE_COMMAND)

static char *
describe_referrers (GArray *references)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < references->len && i < MAX_REFERRERS_NAMED; i++)
    {
      MlReference *reference = &g_array_index (references, MlReference, i);
      g_autofree char *what = ml_element_describe (reference->element);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, _("%s (%s)"), what,
                              _(ml_field_get_info (reference->field)->label));
    }

  if (references->len > MAX_REFERRERS_NAMED)
    g_string_append_printf (text, _(" and %u more"), references->len - MAX_REFERRERS_NAMED);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
ml_remove_command_apply (MlCommand  *command,
                         MlProject  *project,
                         GError    **error)
{
  MlRemoveCommand *self = ML_REMOVE_COMMAND (command);
  g_autoptr(GArray) references = NULL;
  MlElement *parent = ml_element_get_parent (self->element);

  if (parent == NULL || !check_belongs_to (self->element, project, error))
    {
      if (parent == NULL)
        g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                             _("The project itself cannot be removed."));
      return FALSE;
    }

  references = ml_project_find_referrers (project, self->element);
  if (references->len > 0)
    {
      g_autofree char *what = ml_element_describe (self->element);
      g_autofree char *referrers = describe_referrers (references);

      g_set_error (error, ML_ERROR, ML_ERROR_REFERENCED,
                   _("%s cannot be removed while other elements refer to it: %s."),
                   what, referrers);
      return FALSE;
    }

  self->parent = g_object_ref (parent);
  self->position = ml_element_remove_child (parent, self->element);
  ml_project_unregister_tree (project, self->element);
  ml_project_emit_removed (project, self->element, self->parent, self->position);

  return TRUE;
}

static void
ml_remove_command_revert (MlCommand *command,
                          MlProject *project)
{
  MlRemoveCommand *self = ML_REMOVE_COMMAND (command);
  g_autoptr(MlElement) parent = g_steal_pointer (&self->parent);

  ml_element_insert_child (parent, self->element, self->position);
  if (!ml_project_register_tree (project, self->element, NULL))
    g_critical ("Reverting a removal found its ids taken: the undo history is out of order");
  ml_project_emit_inserted (project, self->element);
}

static void
ml_remove_command_dispose (GObject *object)
{
  MlRemoveCommand *self = ML_REMOVE_COMMAND (object);

  g_clear_object (&self->element);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (ml_remove_command_parent_class)->dispose (object);
}

static void
ml_remove_command_class_init (MlRemoveCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MlCommandClass *command_class = ML_COMMAND_CLASS (klass);

  object_class->dispose = ml_remove_command_dispose;
  command_class->apply = ml_remove_command_apply;
  command_class->revert = ml_remove_command_revert;
}

static void
ml_remove_command_init (MlRemoveCommand *self)
{
}

/**
 * ml_command_new_remove:
 * @element: an element of a project, not its root
 *
 * The command refuses to remove an element that others refer to, and names them: clear those
 * references first, in the same group.
 *
 * Returns: (transfer full): a command that removes @element and its descendants
 */
MlCommand *
ml_command_new_remove (MlElement *element)
{
  g_autofree char *label = NULL;
  MlRemoveCommand *self;

  g_return_val_if_fail (ML_IS_ELEMENT (element), NULL);

  label = g_strdup_printf (_("Delete %s"),
                           _(ml_kind_get_info (ml_element_get_kind (element))->label));
  self = g_object_new (ML_TYPE_REMOVE_COMMAND, "label", label, NULL);
  self->element = g_object_ref (element);

  return ML_COMMAND (self);
}

/* A group of commands */

#define ML_TYPE_GROUP_COMMAND (ml_group_command_get_type ())
G_DECLARE_FINAL_TYPE (MlGroupCommand, ml_group_command, ML, GROUP_COMMAND, MlCommand)

struct _MlGroupCommand
{
  MlCommand  parent_instance;

  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (MlGroupCommand, ml_group_command, ML_TYPE_COMMAND)

static gboolean
ml_group_command_apply (MlCommand  *command,
                        MlProject  *project,
                        GError    **error)
{
  MlGroupCommand *self = ML_GROUP_COMMAND (command);

  for (guint i = 0; i < self->commands->len; i++)
    {
      if (ml_command_apply (g_ptr_array_index (self->commands, i), project, error))
        continue;

      while (i-- > 0)
        ml_command_revert (g_ptr_array_index (self->commands, i), project);
      return FALSE;
    }

  return TRUE;
}

static void
ml_group_command_revert (MlCommand *command,
                         MlProject *project)
{
  MlGroupCommand *self = ML_GROUP_COMMAND (command);

  for (guint i = self->commands->len; i-- > 0;)
    ml_command_revert (g_ptr_array_index (self->commands, i), project);
}

static void
ml_group_command_dispose (GObject *object)
{
  MlGroupCommand *self = ML_GROUP_COMMAND (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (ml_group_command_parent_class)->dispose (object);
}

static void
ml_group_command_class_init (MlGroupCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MlCommandClass *command_class = ML_COMMAND_CLASS (klass);

  object_class->dispose = ml_group_command_dispose;
  command_class->apply = ml_group_command_apply;
  command_class->revert = ml_group_command_revert;
}

static void
ml_group_command_init (MlGroupCommand *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ml_command_new_group:
 * @label: what the group does, for the Undo menu item
 * @first: (transfer full): the first command
 * @...: (transfer full): more commands, then %NULL
 *
 * Returns: (transfer full): a command that applies all of them, or none
 */
MlCommand *
ml_command_new_group (const char *label,
                      MlCommand  *first,
                      ...)
{
  MlGroupCommand *self;
  va_list args;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (ML_IS_COMMAND (first), NULL);

  self = g_object_new (ML_TYPE_GROUP_COMMAND, "label", label, NULL);
  va_start (args, first);
  for (MlCommand *command = first; command != NULL; command = va_arg (args, MlCommand *))
    g_ptr_array_add (self->commands, command);
  va_end (args);

  return ML_COMMAND (self);
}

/**
 * ml_command_new_group_from_array:
 * @label: what the group does, for the Undo menu item
 * @commands: (element-type MlCommand): the commands, in the order to apply them
 *
 * Returns: (transfer full): a command that applies all of them, or none
 */
MlCommand *
ml_command_new_group_from_array (const char *label,
                                 GPtrArray  *commands)
{
  MlGroupCommand *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (commands != NULL, NULL);

  self = g_object_new (ML_TYPE_GROUP_COMMAND, "label", label, NULL);
  for (guint i = 0; i < commands->len; i++)
    g_ptr_array_add (self->commands, g_object_ref (g_ptr_array_index (commands, i)));

  return ML_COMMAND (self);
}
