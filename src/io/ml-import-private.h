/* ml-import-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the importers share to fill a preview: the checks of one stakeholder or relation are the
 * same whether it comes from a CSV row or a GraphML node, only the wording of a missing value
 * differs (a column, or a data key).
 */

#pragma once

#include "ml-import.h"

G_BEGIN_DECLS

typedef enum
{
  ML_IMPORT_SOURCE_CSV,
  ML_IMPORT_SOURCE_GRAPHML,
} MlImportSource;

MlImport   *ml_import_new              (MlProject       *project,
                                        MlImportSource   source);
MlProject  *ml_import_get_project      (MlImport        *self);
void        ml_import_add              (MlImport        *self,
                                        MlElement       *element,
                                        guint            line);
void        ml_import_add_error        (MlImport        *self,
                                        guint            line,
                                        const char      *message);
char       *ml_import_fold_name        (const char      *name);
GHashTable *ml_import_index_names      (MlImport        *self);
char       *ml_import_generate_id      (MlImport        *self,
                                        MlKind           kind,
                                        GHashTable      *used);
char       *ml_import_check_id         (MlImport        *self,
                                        const char      *id,
                                        GHashTable      *used);
gboolean    ml_import_set_field        (MlImport        *self,
                                        MlElement       *element,
                                        MlField          field,
                                        const char      *text,
                                        guint            line);
gboolean    ml_import_check_required   (MlImport        *self,
                                        MlElement       *element,
                                        const gboolean  *given,
                                        guint            line);
gboolean    ml_import_has_relation     (MlImport        *self,
                                        const char      *from,
                                        const char      *to,
                                        int              kind);

G_END_DECLS
