/* ml-command.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-command"

#include "config.h"

#include "ml-command.h"

typedef struct
{
  char  *label;
  guint  merge_key;
} MlCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MlCommand, ml_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
ml_command_real_merge (MlCommand *self,
                       MlCommand *next)
{
  return FALSE;
}

static void
ml_command_finalize (GObject *object)
{
  MlCommandPrivate *priv = ml_command_get_instance_private (ML_COMMAND (object));

  g_free (priv->label);

  G_OBJECT_CLASS (ml_command_parent_class)->finalize (object);
}

static void
ml_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MlCommandPrivate *priv = ml_command_get_instance_private (ML_COMMAND (object));

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, priv->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_command_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MlCommandPrivate *priv = ml_command_get_instance_private (ML_COMMAND (object));

  switch (prop_id)
    {
    case PROP_LABEL:
      g_free (priv->label);
      priv->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_command_class_init (MlCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ml_command_finalize;
  object_class->get_property = ml_command_get_property;
  object_class->set_property = ml_command_set_property;

  klass->merge = ml_command_real_merge;

  /**
   * MlCommand:label:
   *
   * What the command does, for the Undo and Redo menu items.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_command_init (MlCommand *self)
{
}

const char *
ml_command_get_label (MlCommand *self)
{
  MlCommandPrivate *priv = ml_command_get_instance_private (self);

  g_return_val_if_fail (ML_IS_COMMAND (self), NULL);

  return priv->label;
}

/**
 * ml_command_set_merge_key:
 * @merge_key: a key shared by the commands of one gesture (typing into one field, dragging a
 *   bar), or 0 for none
 *
 * Consecutive commands with the same non-zero key on the same target merge into one undo step.
 */
void
ml_command_set_merge_key (MlCommand *self,
                          guint      merge_key)
{
  MlCommandPrivate *priv = ml_command_get_instance_private (self);

  g_return_if_fail (ML_IS_COMMAND (self));

  priv->merge_key = merge_key;
}

guint
ml_command_get_merge_key (MlCommand *self)
{
  MlCommandPrivate *priv = ml_command_get_instance_private (self);

  g_return_val_if_fail (ML_IS_COMMAND (self), 0);

  return priv->merge_key;
}

/**
 * ml_command_apply:
 * @self: a command
 * @project: the project to change
 * @error: return location for an error
 *
 * Applies the command if the project stays valid; otherwise leaves the project as it was and
 * says why.
 *
 * Returns: whether the command was applied
 */
gboolean
ml_command_apply (MlCommand  *self,
                  MlProject  *project,
                  GError    **error)
{
  g_return_val_if_fail (ML_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (ML_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ML_COMMAND_GET_CLASS (self)->apply (self, project, error);
}

/**
 * ml_command_revert:
 *
 * Reverts a command that was applied, and was the last one applied.
 */
void
ml_command_revert (MlCommand *self,
                   MlProject *project)
{
  g_return_if_fail (ML_IS_COMMAND (self));
  g_return_if_fail (ML_IS_PROJECT (project));

  ML_COMMAND_GET_CLASS (self)->revert (self, project);
}

/**
 * ml_command_merge:
 * @self: a command that was applied
 * @next: a command applied right after it
 *
 * Returns: whether @self now also does what @next does, so that @next need not be recorded
 */
gboolean
ml_command_merge (MlCommand *self,
                  MlCommand *next)
{
  g_return_val_if_fail (ML_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (ML_IS_COMMAND (next), FALSE);

  if (ml_command_get_merge_key (self) == 0 ||
      ml_command_get_merge_key (self) != ml_command_get_merge_key (next) ||
      G_OBJECT_TYPE (self) != G_OBJECT_TYPE (next))
    return FALSE;

  return ML_COMMAND_GET_CLASS (self)->merge (self, next);
}
