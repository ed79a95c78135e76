/* ml-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview of an import into a project, whatever the file: which stakeholders and relations
 * will be added, which are skipped because the project (or an earlier part of the file) already
 * has them, and what is wrong with the others, each sentence starting with its line. Nothing
 * changes until the command built from the preview is applied; that command adds everything
 * valid as one undo step. ml-csv-import and ml-graphml-import fill it.
 */

#pragma once

#include "ml-command.h"

G_BEGIN_DECLS

typedef struct _MlImport MlImport;

void       ml_import_free           (MlImport *self);
GPtrArray *ml_import_get_added      (MlImport *self);
guint      ml_import_get_added_line (MlImport *self,
                                     guint     i);
GPtrArray *ml_import_get_skipped    (MlImport *self);
GPtrArray *ml_import_get_errors     (MlImport *self);
GPtrArray *ml_import_get_warnings   (MlImport *self);
MlCommand *ml_import_build_command  (MlImport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlImport, ml_import_free)

G_END_DECLS
