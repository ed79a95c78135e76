/* ml-element.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-element"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-element-private.h"

struct _MlElement
{
  GObject     parent_instance;

  MlKind      kind;
  char       *id;
  MlElement  *parent;                  /* unowned: the parent owns its children */
  guint       line;                    /* where it was read from, or 0 */
  MlValue    *values;                  /* one per field of the kind */
  GPtrArray  *children[ML_N_KINDS];    /* of MlElement, by kind; NULL until the first */
  GPtrArray  *extras;                  /* what the reader kept but does not know (opaque) */
};

G_DEFINE_FINAL_TYPE (MlElement, ml_element, G_TYPE_OBJECT)

static inline const MlValue *
lookup_value (MlElement *self,
              MlField    field)
{
  const MlKindInfo *info = ml_kind_get_info (self->kind);

  g_assert (field >= info->first_field && field < info->first_field + info->n_fields);

  return &self->values[field - info->first_field];
}

static void
ml_element_dispose (GObject *object)
{
  MlElement *self = ML_ELEMENT (object);

  for (guint k = 0; k < ML_N_KINDS; k++)
    {
      if (self->children[k] == NULL)
        continue;
      for (guint i = 0; i < self->children[k]->len; i++)
        ML_ELEMENT (g_ptr_array_index (self->children[k], i))->parent = NULL;
      g_clear_pointer (&self->children[k], g_ptr_array_unref);
    }

  G_OBJECT_CLASS (ml_element_parent_class)->dispose (object);
}

static void
ml_element_finalize (GObject *object)
{
  MlElement *self = ML_ELEMENT (object);
  const MlKindInfo *info = ml_kind_get_info (self->kind);

  for (guint i = 0; i < info->n_fields; i++)
    ml_value_clear (&self->values[i]);
  g_free (self->values);
  g_free (self->id);
  g_clear_pointer (&self->extras, g_ptr_array_unref);

  G_OBJECT_CLASS (ml_element_parent_class)->finalize (object);
}

static void
ml_element_class_init (MlElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_element_dispose;
  object_class->finalize = ml_element_finalize;
}

static void
ml_element_init (MlElement *self)
{
}

/**
 * ml_element_new:
 * @kind: the kind of element
 * @id: (nullable): its id
 *
 * Creates an element with every field unset but for enumerations that have a default.
 *
 * Returns: (transfer full): a new element
 */
MlElement *
ml_element_new (MlKind      kind,
                const char *id)
{
  const MlKindInfo *info;
  MlElement *self;

  g_return_val_if_fail (kind < ML_N_KINDS, NULL);

  info = ml_kind_get_info (kind);
  self = g_object_new (ML_TYPE_ELEMENT, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->values = g_new (MlValue, info->n_fields);
  for (guint i = 0; i < info->n_fields; i++)
    {
      MlField field = info->first_field + i;
      const MlFieldInfo *field_info = ml_field_get_info (field);

      ml_value_init (&self->values[i], field);
      if (field_info->type == ML_FIELD_TYPE_ENUM)
        self->values[i].enum_value = field_info->enum_info->default_value;
    }

  return self;
}

MlKind
ml_element_get_kind (MlElement *self)
{
  g_return_val_if_fail (ML_IS_ELEMENT (self), ML_KIND_PROJECT);

  return self->kind;
}

/**
 * ml_element_get_id:
 *
 * Returns: (nullable): the id, stable for the life of the element
 */
const char *
ml_element_get_id (MlElement *self)
{
  g_return_val_if_fail (ML_IS_ELEMENT (self), NULL);

  return self->id;
}

/**
 * ml_element_get_parent:
 *
 * Returns: (transfer none) (nullable): the element that holds this one
 */
MlElement *
ml_element_get_parent (MlElement *self)
{
  g_return_val_if_fail (ML_IS_ELEMENT (self), NULL);

  return self->parent;
}

/**
 * ml_element_get_line:
 *
 * Returns: the line of the file the element was read from, or 0
 */
guint
ml_element_get_line (MlElement *self)
{
  g_return_val_if_fail (ML_IS_ELEMENT (self), 0);

  return self->line;
}

/* Only for the reader, which learns the project's id after the project exists. */
void
ml_element_set_id (MlElement  *self,
                   const char *id)
{
  g_assert (self->parent == NULL);

  g_free (self->id);
  self->id = g_strdup (id);
}

void
ml_element_set_line (MlElement *self,
                     guint      line)
{
  self->line = line;
}

/**
 * ml_element_get_children:
 * @self: an element
 * @kind: a kind of child of @self
 *
 * Returns: (transfer none) (element-type MlElement) (nullable): the children of @kind in
 *   order, or %NULL if there are none
 */
GPtrArray *
ml_element_get_children (MlElement *self,
                         MlKind     kind)
{
  g_return_val_if_fail (ML_IS_ELEMENT (self), NULL);
  g_return_val_if_fail (kind < ML_N_KINDS, NULL);

  return self->children[kind];
}

const MlValue *
ml_element_get_value (MlElement *self,
                      MlField    field)
{
  g_return_val_if_fail (ML_IS_ELEMENT (self), NULL);
  g_return_val_if_fail (field < ML_N_FIELDS && ml_field_get_info (field)->kind == self->kind,
                        NULL);

  return lookup_value (self, field);
}

gboolean
ml_element_has_value (MlElement *self,
                      MlField    field)
{
  const MlValue *value = ml_element_get_value (self, field);

  return value != NULL && ml_value_is_set (value);
}

/**
 * ml_element_get_string:
 *
 * Returns: (nullable): the value of a text, string, currency or reference field
 */
const char *
ml_element_get_string (MlElement *self,
                       MlField    field)
{
  const MlValue *value = ml_element_get_value (self, field);

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (value->type == ML_FIELD_TYPE_TEXT || value->type == ML_FIELD_TYPE_STRING ||
                        value->type == ML_FIELD_TYPE_CURRENCY || value->type == ML_FIELD_TYPE_REF,
                        NULL);

  return value->string;
}

/**
 * ml_element_get_number:
 *
 * Returns: the value of a number field, or NAN when unset
 */
double
ml_element_get_number (MlElement *self,
                       MlField    field)
{
  const MlValue *value = ml_element_get_value (self, field);

  g_return_val_if_fail (value != NULL, NAN);
  g_return_val_if_fail (value->type == ML_FIELD_TYPE_NUMBER ||
                        value->type == ML_FIELD_TYPE_INTEGER, NAN);

  return value->number;
}

MlDate
ml_element_get_date (MlElement *self,
                     MlField    field)
{
  const MlValue *value = ml_element_get_value (self, field);

  g_return_val_if_fail (value != NULL, ML_DATE_NONE);
  g_return_val_if_fail (value->type == ML_FIELD_TYPE_DATE, ML_DATE_NONE);

  return value->date;
}

/**
 * ml_element_get_enum:
 *
 * Returns: the value of an enumeration, or -1 when unset
 */
int
ml_element_get_enum (MlElement *self,
                     MlField    field)
{
  const MlValue *value = ml_element_get_value (self, field);

  g_return_val_if_fail (value != NULL, -1);
  g_return_val_if_fail (value->type == ML_FIELD_TYPE_ENUM, -1);

  return value->enum_value;
}

guint64
ml_element_get_flags (MlElement *self,
                      MlField    field)
{
  const MlValue *value = ml_element_get_value (self, field);

  g_return_val_if_fail (value != NULL, 0);
  g_return_val_if_fail (value->type == ML_FIELD_TYPE_ENUM_SET, 0);

  return value->flags;
}

/**
 * ml_element_get_refs:
 *
 * Returns: (nullable) (array zero-terminated=1): the ids of a reference list, or %NULL if empty
 */
const char *const *
ml_element_get_refs (MlElement *self,
                     MlField    field)
{
  const MlValue *value = ml_element_get_value (self, field);

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (value->type == ML_FIELD_TYPE_REF_LIST, NULL);

  return (const char *const *) value->refs;
}

/**
 * ml_element_get_label:
 *
 * Returns: (nullable): the element's name or title, what a person calls it
 */
const char *
ml_element_get_label (MlElement *self)
{
  const MlKindInfo *info;

  g_return_val_if_fail (ML_IS_ELEMENT (self), NULL);

  info = ml_kind_get_info (self->kind);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const char *name = ml_field_get_info (info->first_field + i)->name;

      if (strcmp (name, "name") == 0 || strcmp (name, "title") == 0)
        return self->values[i].string;
    }

  return NULL;
}

/**
 * ml_element_describe:
 *
 * Returns: (transfer full): how messages name the element, e.g. `activity “Pilot plant” (a3)`
 */
char *
ml_element_describe (MlElement *self)
{
  const char *kind_label;
  const char *label;

  g_return_val_if_fail (ML_IS_ELEMENT (self), NULL);

  kind_label = _(ml_kind_get_info (self->kind)->label);
  label = ml_element_get_label (self);

  if (label != NULL && self->id != NULL)
    return g_strdup_printf (_("%s “%s” (%s)"), kind_label, label, self->id);
  if (label != NULL)
    return g_strdup_printf (_("%s “%s”"), kind_label, label);
  if (self->id != NULL)
    return g_strdup_printf (_("%s %s"), kind_label, self->id);

  return g_strdup (kind_label);
}

static gboolean
is_detached (MlElement *self)
{
  while (self->parent != NULL)
    self = self->parent;

  return self->kind != ML_KIND_PROJECT;
}

/**
 * ml_element_set_value:
 * @self: a new element, not part of a project
 * @field: one of its fields
 * @value: the value
 * @error: return location for an error
 *
 * Fills in a new element before it is inserted. The value is checked on its own; the rules
 * that involve the project (references, date order) are checked when the element is inserted
 * by ml_command_new_insert(). Elements of a project change only through commands.
 *
 * Returns: whether @value is valid for @field
 */
gboolean
ml_element_set_value (MlElement      *self,
                      MlField         field,
                      const MlValue  *value,
                      GError        **error)
{
  MlValue copy;

  g_return_val_if_fail (ML_IS_ELEMENT (self), FALSE);
  g_return_val_if_fail (is_detached (self), FALSE);
  g_return_val_if_fail (ml_field_get_info (field)->kind == self->kind, FALSE);

  if (!ml_value_check (field, value, error))
    return FALSE;

  ml_value_copy (value, &copy);
  ml_element_take_value (self, field, &copy);

  return TRUE;
}

/**
 * ml_element_add_child:
 * @self: a new element, not part of a project
 * @child: a new element of a kind that @self holds
 *
 * Builds a new subtree, such as an activity with its dependencies, before it is inserted.
 */
void
ml_element_add_child (MlElement *self,
                      MlElement *child)
{
  g_return_if_fail (ML_IS_ELEMENT (self));
  g_return_if_fail (ML_IS_ELEMENT (child));
  g_return_if_fail (is_detached (self));
  g_return_if_fail (child->parent == NULL);
  g_return_if_fail (ml_kind_get_info (child->kind)->parent == self->kind);

  ml_element_insert_child (self, child, -1);
}

void
ml_element_take_value (MlElement *self,
                       MlField    field,
                       MlValue   *value)
{
  MlValue *slot = (MlValue *) lookup_value (self, field);

  g_assert (value->type == slot->type);

  ml_value_clear (slot);
  *slot = *value;
  ml_value_init (value, field);
}

/**
 * ml_element_insert_child:
 * @position: where among the children of its kind, or -1 for the end
 */
void
ml_element_insert_child (MlElement *self,
                         MlElement *child,
                         int        position)
{
  GPtrArray **children = &self->children[child->kind];

  g_assert (child->parent == NULL);
  g_assert (ml_kind_get_info (child->kind)->parent == self->kind);

  if (*children == NULL)
    *children = g_ptr_array_new_with_free_func (g_object_unref);
  if (position < 0 || (guint) position > (*children)->len)
    position = (*children)->len;

  g_ptr_array_insert (*children, position, g_object_ref (child));
  child->parent = self;
}

/**
 * ml_element_remove_child:
 *
 * Returns: the position @child had among the children of its kind
 */
int
ml_element_remove_child (MlElement *self,
                         MlElement *child)
{
  GPtrArray *children = self->children[child->kind];
  guint position;

  g_assert (child->parent == self);

  if (!g_ptr_array_find (children, child, &position))
    g_assert_not_reached ();

  child->parent = NULL;
  g_ptr_array_remove_index (children, position);

  return (int) position;
}

void
ml_element_take_extra (MlElement      *self,
                       gpointer        extra,
                       GDestroyNotify  destroy)
{
  if (self->extras == NULL)
    self->extras = g_ptr_array_new_with_free_func (destroy);

  g_ptr_array_add (self->extras, extra);
}

/**
 * ml_element_get_extras:
 *
 * Returns: (transfer none) (nullable): what the reader kept for the writer
 */
GPtrArray *
ml_element_get_extras (MlElement *self)
{
  return self->extras;
}

/**
 * ml_element_walk:
 * @self: an element
 * @func: called on @self and every descendant, parents before children, in canonical order
 * @user_data: data for @func
 *
 * Returns: %FALSE if @func stopped the walk by returning %FALSE
 */
gboolean
ml_element_walk (MlElement     *self,
                 MlElementFunc  func,
                 gpointer       user_data)
{
  g_return_val_if_fail (ML_IS_ELEMENT (self), FALSE);

  if (!func (self, user_data))
    return FALSE;

  for (guint k = 0; k < ML_N_KINDS; k++)
    {
      if (self->children[k] == NULL)
        continue;
      for (guint i = 0; i < self->children[k]->len; i++)
        {
          if (!ml_element_walk (g_ptr_array_index (self->children[k], i), func, user_data))
            return FALSE;
        }
    }

  return TRUE;
}
