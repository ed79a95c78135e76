/* ml-delete.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting an element others refer to: optional references to it are cleared, and elements
 * that cannot exist without it (a relation without one of its stakeholders, a dependency on a
 * deleted activity) are deleted with it. The whole is one command, so one undo step.
 */

#define G_LOG_DOMAIN "ml-delete"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-delete.h"

typedef struct
{
  MlProject  *project;
  GHashTable *removed;    /* MlElement → TRUE: deleted, with their subtrees */
  GPtrArray  *clears;     /* MlCommand, applied first */
  GPtrArray  *removals;   /* MlCommand, applied last, dependants before what they depend on */
  guint       n_cleared;
} Deletion;

static gboolean
collect_id (MlElement *element,
            gpointer   user_data)
{
  if (ml_element_get_id (element) != NULL)
    g_hash_table_add (user_data, (gpointer) ml_element_get_id (element));

  return TRUE;
}

static gboolean
is_removed (Deletion  *deletion,
            MlElement *element)
{
  for (; element != NULL; element = ml_element_get_parent (element))
    if (g_hash_table_contains (deletion->removed, element))
      return TRUE;

  return FALSE;
}

static MlCommand *
clear_reference (MlElement  *element,
                 MlField     field,
                 GHashTable *ids)
{
  const MlValue *current = ml_element_get_value (element, field);
  MlCommand *command;
  MlValue value;

  if (current->type == ML_FIELD_TYPE_REF)
    {
      ml_value_init (&value, field);
    }
  else
    {
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) refs = NULL;

      for (guint i = 0; current->refs[i] != NULL; i++)
        if (!g_hash_table_contains (ids, current->refs[i]))
          g_strv_builder_add (kept, current->refs[i]);
      refs = g_strv_builder_end (kept);
      ml_value_init_refs (&value, field, (const char *const *) refs);
    }

  command = ml_command_new_set (element, field, &value);
  ml_value_clear (&value);

  return command;
}

static void
plan_deletion (Deletion  *deletion,
               MlElement *element)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) references = NULL;

  if (is_removed (deletion, element))
    return;

  g_hash_table_add (deletion->removed, element);
  ml_element_walk (element, collect_id, ids);
  references = ml_project_find_referrers (deletion->project, element);

  for (guint i = 0; i < references->len; i++)
    {
      MlReference *reference = &g_array_index (references, MlReference, i);

      if (ml_field_get_info (reference->field)->required)
        plan_deletion (deletion, reference->element);
    }

  for (guint i = 0; i < references->len; i++)
    {
      MlReference *reference = &g_array_index (references, MlReference, i);

      if (ml_field_get_info (reference->field)->required || is_removed (deletion, reference->element))
        continue;
      g_ptr_array_add (deletion->clears,
                       clear_reference (reference->element, reference->field, ids));
      deletion->n_cleared++;
    }

  g_ptr_array_add (deletion->removals, ml_command_new_remove (element));
}

#define MAX_NAMED 3

/* “Referred to by Mission “Hydrogen” (Lead), Relation CSIRO → ARENA (From) and 4 more.” */
static void
name_referrers (Deletion  *deletion,
                MlElement *element,
                GString   *text)
{
  g_autoptr(GArray) references = ml_project_find_referrers (deletion->project, element);

  if (references->len == 0)
    return;

  g_string_append (text, _("Referred to by "));
  for (guint i = 0; i < references->len && i < MAX_NAMED; i++)
    {
      MlReference *reference = &g_array_index (references, MlReference, i);
      g_autofree char *title = ml_project_dup_title (deletion->project, reference->element);
      const char *kind = _(ml_kind_get_info (ml_element_get_kind (reference->element))->label);

      if (i > 0)
        g_string_append (text, i + 1 == MIN (references->len, MAX_NAMED) &&
                               references->len <= MAX_NAMED ? _(" and ") : ", ");
      g_string_append_printf (text, _("%s “%s” (%s)"), kind, title,
                              _(ml_field_get_info (reference->field)->label));
    }
  if (references->len > MAX_NAMED)
    g_string_append_printf (text, _(" and %u more"), references->len - MAX_NAMED);
  g_string_append (text, ". ");
}

static char *
describe (Deletion  *deletion,
          MlElement *element)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) deleted = g_string_new (NULL);
  guint counts[ML_N_KINDS] = { 0 };
  GHashTableIter iter;
  gpointer key;

  name_referrers (deletion, element, text);

  g_hash_table_iter_init (&iter, deletion->removed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (key != element)
      counts[ml_element_get_kind (key)]++;

  for (MlKind kind = 0; kind < ML_N_KINDS; kind++)
    {
      g_autofree char *what = NULL;

      if (counts[kind] == 0)
        continue;
      what = g_utf8_strdown (counts[kind] == 1 ? _(ml_kind_get_info (kind)->label)
                                               : _(ml_kind_get_info (kind)->plural), -1);
      g_string_append_printf (deleted, deleted->len == 0 ? _("It also deletes %u %s") : ", %u %s",
                              counts[kind], what);
    }
  if (deleted->len > 0)
    g_string_append_printf (text, "%s. ", deleted->str);

  if (deletion->n_cleared > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u reference to it is cleared.",
                                         "%u references to it are cleared.",
                                         deletion->n_cleared),
                            deletion->n_cleared);

  return text->len > 0 ? g_strstrip (g_string_free (g_steal_pointer (&text), FALSE)) : NULL;
}

/**
 * ml_command_new_delete:
 * @project: a project
 * @element: an element of @project, not its root
 * @consequences: (out) (optional) (nullable): what else the deletion changes, in a sentence
 *   for the confirmation, or %NULL when it changes nothing else
 *
 * Returns: (transfer full): one command that deletes @element safely
 */
MlCommand *
ml_command_new_delete (MlProject  *project,
                       MlElement  *element,
                       char      **consequences)
{
  g_autoptr(GHashTable) removed = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) clears = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) removals = g_ptr_array_new_with_free_func (g_object_unref);
  Deletion deletion = { project, removed, clears, removals, 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ML_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (ml_element_get_parent (element) != NULL, NULL);

  plan_deletion (&deletion, element);
  if (consequences != NULL)
    *consequences = describe (&deletion, element);

  label = g_strdup_printf (_("Delete %s"), _(ml_kind_get_info (ml_element_get_kind (element))->label));
  g_ptr_array_extend_and_steal (clears, g_steal_pointer (&removals));

  return ml_command_new_group_from_array (label, clears);
}
