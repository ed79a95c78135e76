/* ml-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An open project: the project, its undo history, the file it belongs to, and the recovery
 * copy that is written while it has unsaved changes. No GTK: the window shows a document.
 */

#pragma once

#include "ml-file.h"
#include "ml-undo-stack.h"

G_BEGIN_DECLS

#define ML_TYPE_DOCUMENT (ml_document_get_type ())

G_DECLARE_FINAL_TYPE (MlDocument, ml_document, ML, DOCUMENT, GObject)

typedef struct
{
  char   *id;
  char   *path;       /* the project file it is a copy of, or NULL for a new project */
  char   *title;
  gint64  saved_at;   /* when the copy was written, in seconds since 1970 */
} MlRecovery;

MlDocument  *ml_document_new                 (const char  *recovery_dir);
MlDocument  *ml_document_load                (const char  *path,
                                              const char  *recovery_dir,
                                              GPtrArray   *diagnostics,
                                              GError     **error);
MlDocument  *ml_document_restore             (const MlRecovery *recovery,
                                              const char  *recovery_dir,
                                              GError     **error);
MlProject   *ml_document_get_project         (MlDocument  *self);
MlUndoStack *ml_document_get_undo_stack      (MlDocument  *self);
const char  *ml_document_get_path            (MlDocument  *self);
char        *ml_document_get_display_name    (MlDocument  *self);
gboolean     ml_document_get_modified        (MlDocument  *self);
gboolean     ml_document_push                (MlDocument  *self,
                                              MlCommand   *command,
                                              GError     **error);
gboolean     ml_document_save                (MlDocument  *self,
                                              const char  *path,
                                              gboolean     overwrite_changes,
                                              GError     **error);
gboolean     ml_document_reload              (MlDocument  *self,
                                              GPtrArray   *diagnostics,
                                              GError     **error);
guint        ml_document_get_autosave_delay  (MlDocument  *self);
void         ml_document_set_autosave_delay  (MlDocument  *self,
                                              guint        seconds);
gboolean     ml_document_write_recovery      (MlDocument  *self,
                                              GError     **error);
void         ml_document_discard_recovery    (MlDocument  *self);

GPtrArray   *ml_recovery_list                (const char  *recovery_dir);
void         ml_recovery_discard             (const MlRecovery *recovery,
                                              const char  *recovery_dir);
void         ml_recovery_free                (MlRecovery  *self);
char        *ml_recovery_default_dir         (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlRecovery, ml_recovery_free)

G_END_DECLS
