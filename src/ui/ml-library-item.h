/* ml-library-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the Library page's lists, as list models want it: a project file, a search hit or
 * a row of a cross-project question, borrowed from the array the index returned, which the item
 * keeps alive.
 */

#pragma once

#include <gio/gio.h>

#include "ml-index.h"

G_BEGIN_DECLS

#define ML_TYPE_LIBRARY_ITEM (ml_library_item_get_type ())

G_DECLARE_FINAL_TYPE (MlLibraryItem, ml_library_item, ML, LIBRARY_ITEM, GObject)

void         ml_library_item_fill_store    (GListStore    *store,
                                            GPtrArray     *entries);
MlIndexFile *ml_library_item_get_file      (MlLibraryItem *self);
MlIndexHit  *ml_library_item_get_hit       (MlLibraryItem *self);
MlIndexRow  *ml_library_item_get_row       (MlLibraryItem *self);

G_END_DECLS
