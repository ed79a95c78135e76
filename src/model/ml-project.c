/* ml-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-error.h"
#include "ml-exchange.h"
#include "ml-project-private.h"

struct _MlProject
{
  GObject     parent_instance;

  MlElement  *root;
  GHashTable *ids;            /* id → MlElement, unowned: the tree owns its elements */
  guint       format_minor;   /* a newer minor version read from a file, written back; else 0 */
};

G_DEFINE_FINAL_TYPE (MlProject, ml_project, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  SIGNAL_INSERTED,
  SIGNAL_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  MlProject  *project;
  GHashTable *ids;      /* the ids of the subtree being removed */
  MlElement  *subtree;
  GArray     *references;
} FindReferrers;

static gboolean
is_inside (MlElement *element,
           MlElement *ancestor)
{
  for (; element != NULL; element = ml_element_get_parent (element))
    {
      if (element == ancestor)
        return TRUE;
    }

  return FALSE;
}

static gboolean
collect_ids (MlElement *element,
             gpointer   user_data)
{
  if (ml_element_get_id (element) != NULL)
    g_hash_table_add (user_data, (gpointer) ml_element_get_id (element));

  return TRUE;
}

static gboolean
find_referrers_in (MlElement *element,
                   gpointer   user_data)
{
  FindReferrers *find = user_data;

  if (is_inside (element, find->subtree))
    return TRUE;

  ML_KIND_FOREACH_FIELD (ml_element_get_kind (element), field)
    {
      const MlValue *value = ml_element_get_value (element, field);
      gboolean refers = FALSE;

      if (value->type == ML_FIELD_TYPE_REF && value->string != NULL)
        refers = g_hash_table_contains (find->ids, value->string);
      else if (value->type == ML_FIELD_TYPE_REF_LIST && value->refs != NULL)
        for (guint i = 0; value->refs[i] != NULL && !refers; i++)
          refers = g_hash_table_contains (find->ids, value->refs[i]);

      if (refers)
        {
          MlReference reference = { element, field };
          g_array_append_val (find->references, reference);
        }
    }

  return TRUE;
}

static gboolean
unregister_id (MlElement *element,
               gpointer   user_data)
{
  MlProject *self = user_data;
  const char *id = ml_element_get_id (element);

  if (id != NULL && g_hash_table_lookup (self->ids, id) == element)
    g_hash_table_remove (self->ids, id);

  return TRUE;
}

static void
ml_project_dispose (GObject *object)
{
  MlProject *self = ML_PROJECT (object);

  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_object (&self->root);

  G_OBJECT_CLASS (ml_project_parent_class)->dispose (object);
}

static void
ml_project_class_init (MlProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_project_dispose;

  /**
   * MlProject::changed:
   * @element: the element whose field changed
   * @field: the #MlField
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ML_TYPE_ELEMENT, G_TYPE_INT);

  /**
   * MlProject::inserted:
   * @element: the element now in the project, with its descendants
   */
  signals[SIGNAL_INSERTED] =
    g_signal_new ("inserted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ML_TYPE_ELEMENT);

  /**
   * MlProject::removed:
   * @element: the element no longer in the project
   * @parent: the element that held it
   * @position: where it was among the children of its kind
   */
  signals[SIGNAL_REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, ML_TYPE_ELEMENT, ML_TYPE_ELEMENT, G_TYPE_INT);
}

static void
ml_project_init (MlProject *self)
{
  self->root = ml_element_new (ML_KIND_PROJECT, NULL);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * ml_project_new:
 *
 * Returns: (transfer full): an empty project
 */
MlProject *
ml_project_new (void)
{
  return g_object_new (ML_TYPE_PROJECT, NULL);
}

/**
 * ml_project_get_root:
 *
 * Returns: (transfer none): the element of kind %ML_KIND_PROJECT that holds everything
 */
MlElement *
ml_project_get_root (MlProject *self)
{
  g_return_val_if_fail (ML_IS_PROJECT (self), NULL);

  return self->root;
}

/**
 * ml_project_lookup:
 *
 * Returns: (transfer none) (nullable): the element with @id
 */
MlElement *
ml_project_lookup (MlProject  *self,
                   const char *id)
{
  g_return_val_if_fail (ML_IS_PROJECT (self), NULL);

  return id == NULL ? NULL : g_hash_table_lookup (self->ids, id);
}

static gboolean
has_children (MlElement *element,
              MlKind     kind)
{
  GPtrArray *children = ml_element_get_children (element, kind);

  return children != NULL && children->len > 0;
}

/**
 * ml_project_get_format_minor:
 *
 * A file is written with the oldest minor version that has everything in it, so that older
 * versions of MissionLab read it without a warning: 1.0; 1.1 once it has exchange rates; 1.2
 * once it has candidate missions or their criteria. A newer minor version read from a file is
 * kept, so that what it holds is not claimed to be an older one.
 *
 * Returns: the minor format version to write @self with
 */
guint
ml_project_get_format_minor (MlProject *self)
{
  guint needed = 0;

  g_return_val_if_fail (ML_IS_PROJECT (self), ML_FORMAT_MINOR);

  if (has_children (self->root, ML_KIND_CRITERION) || has_children (self->root, ML_KIND_CANDIDATE))
    needed = 2;
  else if (has_children (self->root, ML_KIND_EXCHANGE_RATE))
    needed = 1;

  return MAX (self->format_minor, needed);
}

void
ml_project_set_format_minor (MlProject *self,
                             guint      minor)
{
  self->format_minor = minor;
}

typedef struct
{
  MlKind     kind;
  GPtrArray *found;
} Collect;

static gboolean
collect_kind (MlElement *element,
              gpointer   user_data)
{
  Collect *collect = user_data;

  if (ml_element_get_kind (element) == collect->kind)
    g_ptr_array_add (collect->found, g_object_ref (element));

  return TRUE;
}

/**
 * ml_project_collect:
 * @self: a project
 * @kind: a kind of element
 *
 * Returns: (transfer container) (element-type MlElement): every element of @kind, in
 *   document order
 */
GPtrArray *
ml_project_collect (MlProject *self,
                    MlKind     kind)
{
  Collect collect = { kind, g_ptr_array_new_with_free_func (g_object_unref) };

  g_return_val_if_fail (ML_IS_PROJECT (self), NULL);

  ml_element_walk (self->root, collect_kind, &collect);

  return collect.found;
}

/**
 * ml_project_find_referrers:
 * @self: a project
 * @element: an element of @self
 *
 * Finds the references to @element and to its descendants from outside it: what would dangle
 * if it were removed.
 *
 * Returns: (transfer full) (element-type MlReference): the references
 */
GArray *
ml_project_find_referrers (MlProject *self,
                           MlElement *element)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  FindReferrers find = { self, ids, element, g_array_new (FALSE, FALSE, sizeof (MlReference)) };

  g_return_val_if_fail (ML_IS_PROJECT (self), NULL);
  g_return_val_if_fail (ML_IS_ELEMENT (element), NULL);

  ml_element_walk (element, collect_ids, ids);
  if (g_hash_table_size (ids) > 0)
    ml_element_walk (self->root, find_referrers_in, &find);

  return find.references;
}

/**
 * ml_project_generate_id:
 *
 * Returns: (transfer full): an unused id for a new element of @kind, like `activity-12`
 */
char *
ml_project_generate_id (MlProject *self,
                        MlKind     kind)
{
  const char *prefix = ml_kind_get_info (kind)->element;

  g_return_val_if_fail (ML_IS_PROJECT (self), NULL);

  for (guint n = g_hash_table_size (self->ids) + 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (!g_hash_table_contains (self->ids, id))
        return g_steal_pointer (&id);
    }
}

/**
 * ml_project_register_id:
 *
 * Returns: (nullable): the element that already has the id of @element, or %NULL if the id
 *   is now registered
 */
MlElement *
ml_project_register_id (MlProject *self,
                        MlElement *element)
{
  const char *id = ml_element_get_id (element);
  MlElement *existing;

  if (id == NULL)
    return NULL;

  existing = g_hash_table_lookup (self->ids, id);
  if (existing != NULL && existing != element)
    return existing;

  g_hash_table_insert (self->ids, (gpointer) id, element);

  return NULL;
}

typedef struct
{
  MlProject *project;
  MlElement *duplicate;
  MlElement *existing;
} Register;

static gboolean
register_one (MlElement *element,
              gpointer   user_data)
{
  Register *reg = user_data;

  reg->existing = ml_project_register_id (reg->project, element);
  if (reg->existing != NULL)
    {
      reg->duplicate = element;
      return FALSE;
    }

  return TRUE;
}

/**
 * ml_project_register_tree:
 *
 * Registers the ids of @element and its descendants, or none of them if one is taken.
 */
gboolean
ml_project_register_tree (MlProject  *self,
                          MlElement  *element,
                          GError    **error)
{
  Register reg = { self, NULL, NULL };

  if (ml_element_walk (element, register_one, &reg))
    return TRUE;

  /* Undo the part that was registered before the clash, but not the clashing element's id. */
  ml_element_walk (element, unregister_id, self);
  g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
               _("The id “%s” is already used in this project."),
               ml_element_get_id (reg.duplicate));

  return FALSE;
}

void
ml_project_unregister_tree (MlProject *self,
                            MlElement *element)
{
  ml_element_walk (element, unregister_id, self);
}

/**
 * ml_project_connect_any_change:
 * @self: a project
 * @callback: called with @data as its only argument
 * @data: passed to @callback; disconnect with g_signal_handlers_disconnect_by_data()
 *
 * Calls @callback after every edit: a field changed, an element inserted or removed.
 */
void
ml_project_connect_any_change (MlProject *self,
                               GCallback  callback,
                               gpointer   data)
{
  g_return_if_fail (ML_IS_PROJECT (self));
  g_return_if_fail (callback != NULL);

  g_signal_connect_swapped (self, "changed", callback, data);
  g_signal_connect_swapped (self, "inserted", callback, data);
  g_signal_connect_swapped (self, "removed", callback, data);
}

void
ml_project_emit_changed (MlProject *self,
                         MlElement *element,
                         MlField    field)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, element, (int) field);
}

void
ml_project_emit_inserted (MlProject *self,
                          MlElement *element)
{
  g_signal_emit (self, signals[SIGNAL_INSERTED], 0, element);
}

void
ml_project_emit_removed (MlProject *self,
                         MlElement *element,
                         MlElement *parent,
                         int        position)
{
  g_signal_emit (self, signals[SIGNAL_REMOVED], 0, element, parent, position);
}

static const char *
label_of_id (MlProject  *self,
             const char *id)
{
  MlElement *element = ml_project_lookup (self, id);
  const char *label = element != NULL ? ml_element_get_label (element) : NULL;

  return label != NULL ? label : id;
}

/**
 * ml_project_dup_title:
 * @self: a project
 * @element: one of its elements
 *
 * Returns: (transfer full): what lists show for @element: its name or title, or for elements
 *   without one what they join (“CSIRO → ARENA”), depend on or measure
 */
char *
ml_project_dup_title (MlProject *self,
                      MlElement *element)
{
  const char *label;
  char date[11];

  g_return_val_if_fail (ML_IS_PROJECT (self), NULL);
  g_return_val_if_fail (ML_IS_ELEMENT (element), NULL);

  label = ml_element_get_label (element);
  if (label != NULL)
    return g_strdup (label);

  switch (ml_element_get_kind (element))
    {
    case ML_KIND_RELATION:
      return g_strdup_printf ("%s → %s",
                              label_of_id (self, ml_element_get_string (element, ML_RELATION_FROM)),
                              label_of_id (self, ml_element_get_string (element, ML_RELATION_TO)));
    case ML_KIND_DEPENDENCY:
      return g_strdup_printf (_("After %s"),
                              label_of_id (self, ml_element_get_string (element,
                                                                        ML_DEPENDENCY_ACTIVITY)));
    case ML_KIND_MEASUREMENT:
      {
        char number[ML_NUMBER_BUF_SIZE];

        ml_date_format_into (ml_element_get_date (element, ML_MEASUREMENT_DATE), date);
        ml_number_format (ml_element_get_number (element, ML_MEASUREMENT_VALUE), number);
        return g_strdup_printf ("%s: %s", date, number);
      }
    case ML_KIND_JOURNAL_ENTRY:
      ml_date_format_into (ml_element_get_date (element, ML_ENTRY_DATE), date);
      return g_strdup_printf ("%s: %s", date, ml_element_get_string (element, ML_ENTRY_TEXT));
    case ML_KIND_EXCHANGE_RATE:
      return ml_exchange_describe_rate (element, ml_element_get_string (self->root,
                                                                        ML_PROJECT_CURRENCY));
    case ML_KIND_SCORE:
      {
        const char *criterion = ml_element_get_string (element, ML_SCORE_CRITERION);
        char number[ML_NUMBER_BUF_SIZE];

        ml_number_format (ml_element_get_number (element, ML_SCORE_VALUE), number);
        /* TRANSLATORS: a candidate mission's score: the criterion, then the score out of 5. */
        return g_strdup_printf (_("%s: %s of 5"),
                                criterion != NULL ? label_of_id (self, criterion) : "?", number);
      }
    default:
      return ml_element_describe (element);
    }
}
