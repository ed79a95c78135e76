/* ml-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-import-private.h"

struct _MlImport
{
  MlProject      *project;
  MlImportSource  source;
  GPtrArray      *added;    /* MlElement, detached */
  GArray         *added_lines;
  GPtrArray      *skipped;  /* sentences */
  GPtrArray      *errors;   /* sentences */
  GPtrArray      *warnings; /* sentences */
  GHashTable     *relations; /* relation_key() of the project's and the added relations */
  guint64         next_number[ML_N_KINDS]; /* where ml_import_generate_id() goes on, or 0 */
};

/* Relations are the same when they have the same ends and kind. */
static char *
relation_key (const char *from,
              const char *to,
              int         kind)
{
  return g_strdup_printf ("%s\x1f%s\x1f%d", from != NULL ? from : "", to != NULL ? to : "", kind);
}

static void
add_relation_key (GHashTable *keys,
                  MlElement  *relation)
{
  g_hash_table_add (keys, relation_key (ml_element_get_string (relation, ML_RELATION_FROM),
                                        ml_element_get_string (relation, ML_RELATION_TO),
                                        ml_element_get_enum (relation, ML_RELATION_KIND)));
}

MlImport *
ml_import_new (MlProject      *project,
               MlImportSource  source)
{
  g_autoptr(GPtrArray) relations = NULL;
  MlImport *self;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  self = g_new0 (MlImport, 1);
  self->project = g_object_ref (project);
  self->source = source;
  self->added = g_ptr_array_new_with_free_func (g_object_unref);
  self->added_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->skipped = g_ptr_array_new_with_free_func (g_free);
  self->errors = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  relations = ml_project_collect (project, ML_KIND_RELATION);
  for (guint i = 0; i < relations->len; i++)
    add_relation_key (self->relations, g_ptr_array_index (relations, i));

  return self;
}

MlProject *
ml_import_get_project (MlImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->project;
}

void
ml_import_add (MlImport  *self,
               MlElement *element,
               guint      line)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ML_IS_ELEMENT (element));

  g_ptr_array_add (self->added, g_object_ref (element));
  g_array_append_val (self->added_lines, line);
  if (ml_element_get_kind (element) == ML_KIND_RELATION)
    add_relation_key (self->relations, element);
}

void
ml_import_add_error (MlImport   *self,
                     guint       line,
                     const char *message)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (message != NULL);

  g_ptr_array_add (self->errors, g_strdup_printf (_("line %u: %s"), line, message));
}

/**
 * ml_import_fold_name:
 * @name: a stakeholder's name
 *
 * Names compare ignoring case and Unicode normalisation: "Ministère" typed on two systems.
 *
 * Returns: (transfer full): the key to compare @name by
 */
char *
ml_import_fold_name (const char *name)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  normal = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal != NULL ? normal : name, -1);
}

/**
 * ml_import_index_names:
 *
 * Returns: (transfer full): the folded names of the project's stakeholders, to the stakeholder
 */
GHashTable *
ml_import_index_names (MlImport *self)
{
  GHashTable *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) existing = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  existing = ml_project_collect (self->project, ML_KIND_STAKEHOLDER);
  for (guint i = 0; i < existing->len; i++)
    {
      MlElement *stakeholder = g_ptr_array_index (existing, i);
      const char *name = ml_element_get_string (stakeholder, ML_STAKEHOLDER_NAME);

      if (name != NULL)
        g_hash_table_insert (known, ml_import_fold_name (name), stakeholder);
    }

  return known;
}

/**
 * ml_import_generate_id:
 * @used: the ids the import has handed out already
 *
 * Ids the import hands out must differ from the project's and from one another, and the
 * project does not know the import's yet: count on from the project's first free number, and
 * from the last id handed out, so that a large file does not search from the start each time.
 *
 * Returns: (transfer full): a new id for an element of @kind
 */
char *
ml_import_generate_id (MlImport   *self,
                       MlKind      kind,
                       GHashTable *used)
{
  g_autofree char *first = NULL;
  const char *prefix;
  guint64 n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < ML_N_KINDS, NULL);

  prefix = ml_kind_get_info (kind)->element;
  n = self->next_number[kind];
  if (n == 0)
    {
      first = ml_project_generate_id (self->project, kind);
      n = g_ascii_strtoull (first + strlen (prefix) + 1, NULL, 10);
    }
  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%" G_GUINT64_FORMAT, prefix, n);

      if (ml_project_lookup (self->project, id) == NULL && !g_hash_table_contains (used, id))
        {
          self->next_number[kind] = n + 1;
          return g_steal_pointer (&id);
        }
    }
}

/**
 * ml_import_check_id:
 * @id: an id the file gives
 * @used: the ids the import has handed out already
 *
 * Returns: (transfer full) (nullable): what is wrong with @id, or %NULL if it can be used
 */
char *
ml_import_check_id (MlImport   *self,
                    const char *id,
                    GHashTable *used)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!ml_id_is_valid (id))
    return g_strdup_printf (_("“%s” is not a valid id; use letters, digits, “-” and “_”, starting with a letter."),
                            id);
  if (ml_project_lookup (self->project, id) != NULL)
    return g_strdup_printf (_("the id “%s” is already used in the project."), id);
  if (g_hash_table_contains (used, id))
    return g_strdup_printf (_("the id “%s” is already used by an earlier row."), id);

  return NULL;
}

/**
 * ml_import_set_field:
 *
 * Sets one field from its text, in the words of the file: "“sometimes” is not a valid type;
 * use one of: …" tells the user which value to fix.
 *
 * Returns: whether @text is a valid value of @field; if not, the error is in the preview
 */
gboolean
ml_import_set_field (MlImport   *self,
                     MlElement  *element,
                     MlField     field,
                     const char *text,
                     guint       line)
{
  const MlFieldInfo *info = ml_field_get_info (field);
  g_autoptr(GError) error = NULL;
  MlValue value;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (info->type == ML_FIELD_TYPE_ENUM && ml_enum_info_lookup (info->enum_info, text) < 0)
    {
      g_autofree char *values = ml_enum_info_describe_values (info->enum_info);
      g_autofree char *message = g_strdup_printf (_("“%s” is not a valid %s; use one of: %s."),
                                                  text, info->name, values);

      ml_import_add_error (self, line, message);
      return FALSE;
    }

  if (!ml_value_parse (field, text, &value, &error))
    {
      ml_import_add_error (self, line, error->message);
      return FALSE;
    }
  ok = ml_element_set_value (element, field, &value, &error);
  ml_value_clear (&value);
  if (!ok)
    ml_import_add_error (self, line, error->message);

  return ok;
}

static char *
describe_missing_enum (MlImport          *self,
                       const MlFieldInfo *info)
{
  g_autofree char *values = ml_enum_info_describe_values (info->enum_info);

  if (self->source == ML_IMPORT_SOURCE_GRAPHML)
    return g_strdup_printf (_("the %s is missing; add a <data> whose key is named “%s”, with one of: %s."),
                            info->name, info->name, values);

  return g_strdup_printf (_("the %s is missing; add a column “%s” with one of: %s."),
                          info->name, info->name, values);
}

/**
 * ml_import_check_required:
 * @given: the fields the file has text for, indexed by #MlField; a wrong value was reported
 *   already, so it is not reported again as missing
 *
 * The format requires some fields, such as a stakeholder's type and level: an import does not
 * guess them, it reports them missing.
 *
 * Returns: whether @element has every required field
 */
gboolean
ml_import_check_required (MlImport       *self,
                          MlElement      *element,
                          const gboolean *given,
                          guint           line)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (ML_IS_ELEMENT (element), FALSE);

  ML_KIND_FOREACH_FIELD (ml_element_get_kind (element), field)
    {
      const MlFieldInfo *info = ml_field_get_info (field);
      g_autofree char *message = NULL;

      if (!info->required || ml_element_has_value (element, field))
        continue;
      ok = FALSE;
      if (given[field])
        continue;

      if (info->type == ML_FIELD_TYPE_ENUM)
        message = describe_missing_enum (self, info);
      else
        message = g_strdup_printf (_("the %s is missing."), info->name);
      ml_import_add_error (self, line, message);
    }

  return ok;
}

/**
 * ml_import_has_relation:
 * @from: the id of the relation's first end
 * @to: the id of its other end
 * @kind: its kind
 *
 * Returns: whether the project, or the import already, has a relation from @from to @to of
 *   @kind
 */
gboolean
ml_import_has_relation (MlImport   *self,
                        const char *from,
                        const char *to,
                        int         kind)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  /* A hash, not a scan: a file of thousands of edges must not take minutes to preview. */
  key = relation_key (from, to, kind);

  return g_hash_table_contains (self->relations, key);
}

void
ml_import_free (MlImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->project);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_pointer (&self->added_lines, g_array_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->relations, g_hash_table_unref);
  g_free (self);
}

/**
 * ml_import_get_added:
 *
 * Returns: (transfer none) (element-type MlElement): the elements the import adds, in the
 *   order of the file (stakeholders before the relations that join them), in no project yet
 */
GPtrArray *
ml_import_get_added (MlImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->added;
}

/**
 * ml_import_get_added_line:
 *
 * Returns: the line of the file on which the @i-th added element starts
 */
guint
ml_import_get_added_line (MlImport *self,
                          guint     i)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (i < self->added_lines->len, 0);

  return g_array_index (self->added_lines, guint, i);
}

/**
 * ml_import_get_skipped:
 *
 * Returns: (transfer none) (element-type utf8): one sentence per stakeholder or relation left
 *   out because the project or an earlier part of the file already has it, starting with its
 *   line
 */
GPtrArray *
ml_import_get_skipped (MlImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->skipped;
}

/**
 * ml_import_get_errors:
 *
 * Returns: (transfer none) (element-type utf8): one sentence per problem, starting with its
 *   line; what has problems is not added
 */
GPtrArray *
ml_import_get_errors (MlImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->errors;
}

/**
 * ml_import_get_warnings:
 *
 * Returns: (transfer none) (element-type utf8): remarks that change nothing, such as ignored
 *   columns or attributes
 */
GPtrArray *
ml_import_get_warnings (MlImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->warnings;
}

static char *
describe_command (guint n_stakeholders,
                  guint n_relations)
{
  guint n = n_stakeholders + n_relations;

  if (n_relations == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u stakeholder",
                                         "Import %u stakeholders", n), n);
  if (n_stakeholders == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u relation",
                                         "Import %u relations", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u stakeholder or relation",
                                       "Import %u stakeholders and relations", n), n);
}

/**
 * ml_import_build_command:
 * @self: a preview
 *
 * Builds the command that adds the valid elements of the preview at the end of the project's
 * stakeholders and relations, as one undo step. The command holds the preview's elements, so
 * build it once and apply it to the project the preview was made for.
 *
 * Returns: (transfer full) (nullable): the command, or %NULL if there is nothing to add
 */
MlCommand *
ml_import_build_command (MlImport *self)
{
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;
  guint n_stakeholders = 0;
  MlElement *root;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->added->len == 0)
    return NULL;

  root = ml_project_get_root (self->project);
  for (guint i = 0; i < self->added->len; i++)
    {
      MlElement *element = g_ptr_array_index (self->added, i);

      n_stakeholders += ml_element_get_kind (element) == ML_KIND_STAKEHOLDER;
      g_ptr_array_add (commands, ml_command_new_insert (root, element, -1));
    }
  label = describe_command (n_stakeholders, self->added->len - n_stakeholders);

  return ml_command_new_group_from_array (label, commands);
}
