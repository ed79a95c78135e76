/* ml-library-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-library-item"

#include "config.h"

#include "ml-library-item.h"

struct _MlLibraryItem
{
  GObject    parent_instance;

  GPtrArray *entries;
  guint      position;
};

G_DEFINE_FINAL_TYPE (MlLibraryItem, ml_library_item, G_TYPE_OBJECT)

static void
ml_library_item_finalize (GObject *object)
{
  MlLibraryItem *self = ML_LIBRARY_ITEM (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (ml_library_item_parent_class)->finalize (object);
}

static void
ml_library_item_class_init (MlLibraryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ml_library_item_finalize;
}

static void
ml_library_item_init (MlLibraryItem *self)
{
}

/**
 * ml_library_item_fill_store:
 * @store: a store of #MlLibraryItem
 * @entries: (nullable): the files, hits or rows the index returned
 *
 * Replaces the items of @store with one for each of @entries, in their order.
 */
void
ml_library_item_fill_store (GListStore *store,
                            GPtrArray  *entries)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (G_IS_LIST_STORE (store));

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      MlLibraryItem *item = g_object_new (ML_TYPE_LIBRARY_ITEM, NULL);

      item->entries = g_ptr_array_ref (entries);
      item->position = i;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata,
                       items->len);
}

/**
 * ml_library_item_get_file:
 *
 * Returns: (transfer none): the project file, for an item of the projects list
 */
MlIndexFile *
ml_library_item_get_file (MlLibraryItem *self)
{
  g_return_val_if_fail (ML_IS_LIBRARY_ITEM (self), NULL);

  return g_ptr_array_index (self->entries, self->position);
}

/**
 * ml_library_item_get_hit:
 *
 * Returns: (transfer none): the search hit, for an item of the search results
 */
MlIndexHit *
ml_library_item_get_hit (MlLibraryItem *self)
{
  g_return_val_if_fail (ML_IS_LIBRARY_ITEM (self), NULL);

  return g_ptr_array_index (self->entries, self->position);
}

/**
 * ml_library_item_get_row:
 *
 * Returns: (transfer none): the row, for an item of a question's answer
 */
MlIndexRow *
ml_library_item_get_row (MlLibraryItem *self)
{
  g_return_val_if_fail (ML_IS_LIBRARY_ITEM (self), NULL);

  return g_ptr_array_index (self->entries, self->position);
}
