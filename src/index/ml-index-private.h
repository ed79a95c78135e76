/* ml-index-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the index share: the connection, a cache of prepared statements, and the
 * helpers that turn SQLite's result codes into GErrors.
 */

#pragma once

#include <sqlite3.h>

#include "ml-index.h"

G_BEGIN_DECLS

/* Stamped into the database header (PRAGMA application_id): 'MLIX'. A database without it, or
 * with another schema version (PRAGMA user_version), is not trusted.
 */
#define ML_INDEX_APPLICATION_ID 0x4D4C4958
#define ML_INDEX_SCHEMA_VERSION 1

/* How long a connection waits for another one (another process scanning) to finish writing. */
#define ML_INDEX_BUSY_TIMEOUT_MS 30000

struct _MlIndex
{
  char       *workspace; /* the real path of the folder */
  char       *database;
  sqlite3    *db;
  GHashTable *statements; /* static SQL text → sqlite3_stmt, prepared once */
  gboolean    rebuilt;    /* made anew, not yet reported by a scan */
  gboolean    damaged;    /* SQLite said the file is corrupt since it was opened */

  /* The token count of each row of element_text, for ranking; see ml-index-query.c. */
  GArray     *doc_sizes;         /* of DocSize, by rowid; NULL until a search needs it */
  gint64      doc_sizes_version; /* PRAGMA data_version when read */
  gint64      doc_sizes_changes; /* sqlite3_total_changes64() when read */
};

/* A prepared statement borrowed from the cache: g_autoptr resets it when it goes out of scope,
 * so that no statement keeps a read transaction open behind the next BEGIN IMMEDIATE.
 */
typedef sqlite3_stmt MlIndexStmt;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlIndexStmt, sqlite3_reset)

MlIndexStmt *ml_index_prepare          (MlIndex      *self,
                                        const char   *sql,
                                        GError      **error);
gboolean     ml_index_step_done        (MlIndex      *self,
                                        MlIndexStmt  *stmt,
                                        GError      **error);
gboolean     ml_index_exec             (MlIndex      *self,
                                        const char   *sql,
                                        GError      **error);
gboolean     ml_index_begin            (MlIndex      *self,
                                        GError      **error);
gboolean     ml_index_commit           (MlIndex      *self,
                                        GError      **error);
void         ml_index_rollback         (MlIndex      *self);
gboolean     ml_index_rebuild          (MlIndex      *self,
                                        GError      **error);
gboolean     ml_index_is_damaged       (MlIndex      *self);
void         ml_index_set_error        (MlIndex      *self,
                                        int           code,
                                        GError      **error);
void         ml_index_bind_text        (MlIndexStmt  *stmt,
                                        int           column,
                                        const char   *text);
char        *ml_index_dup_column       (MlIndexStmt  *stmt,
                                        int           column);
gboolean     ml_index_add_ranker       (MlIndex      *self,
                                        GError      **error);

G_END_DECLS
