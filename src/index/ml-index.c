/* ml-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening the index: the database file, its schema and the checks that decide whether it can be
 * trusted. Scanning is in ml-index-scan.c, search and questions in ml-index-query.c.
 */

#define G_LOG_DOMAIN "ml-index"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <stdlib.h>

#include "ml-index-private.h"

/* Schema migrations: entry n brings a database of user_version n to n + 1. The index is a cache,
 * so a step may as well drop what it cannot convert: the next scan fills it again from the files.
 * Dates are stored as YYYY-MM-DD text, so that they compare as text.
 */
static const char *const migrations[ML_INDEX_SCHEMA_VERSION] = {
  /* 0 → 1: the first schema. */
  "CREATE TABLE files ("
  "  id INTEGER PRIMARY KEY,"
  "  path TEXT NOT NULL UNIQUE,"      /* relative to the workspace, '/'-separated */
  "  size INTEGER NOT NULL,"
  "  mtime_ns INTEGER NOT NULL,"
  "  sha256 TEXT,"                    /* NULL when the file could not be read */
  "  title TEXT,"                     /* NULL when it failed to load */
  "  n_missions INTEGER NOT NULL DEFAULT 0,"
  "  error TEXT"
  ");"
  "CREATE TABLE elements ("           /* one searchable element, its text as written */
  "  id INTEGER PRIMARY KEY,"         /* = rowid of element_text */
  "  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  element_id TEXT,"                /* NULL for the project */
  "  kind TEXT NOT NULL,"
  "  label TEXT,"
  "  body TEXT"
  ");"
  "CREATE INDEX elements_file ON elements (file_id);"
  /* The same text folded with ml_text_fold(), for matching. */
  "CREATE VIRTUAL TABLE element_text USING fts5 ("
  "  label, body, tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TABLE stakeholders ("
  "  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  element_id TEXT NOT NULL,"
  "  name TEXT,"
  "  normalised TEXT NOT NULL"
  ");"
  "CREATE INDEX stakeholders_file ON stakeholders (file_id);"
  "CREATE INDEX stakeholders_normalised ON stakeholders (normalised);"
  "CREATE TABLE instruments ("
  "  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  element_id TEXT NOT NULL,"
  "  name TEXT,"
  "  side TEXT NOT NULL,"
  "  type TEXT,"
  "  budget REAL,"
  "  currency TEXT"
  ");"
  "CREATE INDEX instruments_file ON instruments (file_id);"
  "CREATE TABLE decisions ("
  "  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  element_id TEXT NOT NULL,"
  "  name TEXT,"
  "  date TEXT,"
  "  outcome TEXT"
  ");"
  "CREATE INDEX decisions_file ON decisions (file_id);"
  "CREATE INDEX decisions_date ON decisions (date);"
  "CREATE TABLE indicators ("
  "  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  element_id TEXT NOT NULL,"
  "  name TEXT,"
  "  unit TEXT,"
  "  direction TEXT,"
  "  baseline REAL,"
  "  baseline_date TEXT,"
  "  target REAL,"
  "  target_date TEXT,"
  "  latest_value REAL,"
  "  latest_date TEXT"
  ");"
  "CREATE INDEX indicators_file ON indicators (file_id);"
  "CREATE TABLE activities ("
  "  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  element_id TEXT NOT NULL,"
  "  name TEXT,"
  "  status TEXT,"
  "  start TEXT,"
  "  end TEXT"
  ");"
  "CREATE INDEX activities_file ON activities (file_id);",
};

G_DEFINE_QUARK (ml-index-error-quark, ml_index_error)

typedef enum
{
  DATABASE_OK,
  DATABASE_NEW,      /* empty: create the schema */
  DATABASE_OLD,      /* ours, of an older schema: migrate */
  DATABASE_UNUSABLE, /* corrupt, foreign or newer: rebuild */
} DatabaseState;

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
close_database (MlIndex *self)
{
  g_clear_pointer (&self->doc_sizes, g_array_unref);
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close);
}

/* A database that cannot be created or written is the user's to fix (a read-only folder);
 * anything else is a failure of SQLite or of the disk.
 */
static MlIndexError
get_error_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return ML_INDEX_ERROR_OPEN;
    default:
      return ML_INDEX_ERROR_FAILED;
    }
}

static gboolean
is_damage_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
open_connection (MlIndex  *self,
                 GError  **error)
{
  int rc;

  g_assert (self->db == NULL);

  rc = sqlite3_open_v2 (self->database, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (self->database);

      g_set_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_OPEN,
                   _("Cannot open the index database “%s”: %s"), display,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      close_database (self);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, ML_INDEX_BUSY_TIMEOUT_MS);

  if (!ml_index_add_ranker (self, error))
    {
      close_database (self);
      return FALSE;
    }

  return TRUE;
}

/* PRAGMA quick_check reads every page: 40 ms to 0.1 s on an index of 20–30 MB, which each one-off
 * `missionlab-cli search` paid. It is run only when the file may have been damaged since it was
 * last known good. A connection that closes cleanly as the last one checkpoints the write-ahead
 * log into the database file and deletes the log; ml_index_free() then records the file's
 * device, inode, size and modification time beside it (DATABASE-checked). On the next open, a
 * log that is still there (a process killed, or another one still has it open) or a file that
 * no longer matches the record (written by someone else, copied over, damaged in place) gets the
 * full check; a file as we left it only gets the cheap checks of every open: its header stamp,
 * schema version and schema. Damage that slips past both (a change within the clock's
 * granularity that keeps the size) is still caught when a scan or a query reads a damaged page:
 * SQLite then reports SQLITE_CORRUPT and the scan rebuilds the index.
 */
#define CHECKED_SUFFIX "-checked"

static char *
dup_file_stamp (const char *database)
{
  GStatBuf st;

  if (g_stat (database, &st) != 0)
    return NULL;

  return g_strdup_printf ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT ".%09ld\n",
                          (guint64) st.st_dev, (guint64) st.st_ino, (gint64) st.st_size,
                          (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
}

/* Whether the database file is as the last clean close left it; see CHECKED_SUFFIX. */
static gboolean
is_as_left (MlIndex *self)
{
  g_autofree char *wal = g_strconcat (self->database, "-wal", NULL);
  g_autofree char *checked = g_strconcat (self->database, CHECKED_SUFFIX, NULL);
  g_autofree char *recorded = NULL;
  g_autofree char *current = NULL;

  if (g_file_test (wal, G_FILE_TEST_EXISTS) ||
      !g_file_get_contents (checked, &recorded, NULL, NULL))
    return FALSE;

  current = dup_file_stamp (self->database);
  return current != NULL && g_str_equal (current, recorded);
}

/* After the connection is closed: records the file as it is, if it is whole and not known to be
 * damaged, or forgets the record.
 */
static void
record_clean_close (MlIndex  *self,
                    gboolean  damaged)
{
  g_autofree char *wal = g_strconcat (self->database, "-wal", NULL);
  g_autofree char *checked = g_strconcat (self->database, CHECKED_SUFFIX, NULL);
  g_autofree char *stamp = NULL;

  if (!damaged && !g_file_test (wal, G_FILE_TEST_EXISTS))
    stamp = dup_file_stamp (self->database);

  /* Without guarantees: a record torn by a crash only costs a check. */
  if (stamp == NULL ||
      !g_file_set_contents_full (checked, stamp, -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    g_unlink (checked);
}

/* Whether the database can be used as it is, and if not, what to do. SQLite reads the file
 * lazily, so garbage shows up here as SQLITE_NOTADB.
 */
static DatabaseState
inspect_database (MlIndex   *self,
                  gboolean   check_pages,
                  GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 application_id = 0, version = 0, n_objects = 0;
  const char *probes[] = { "PRAGMA application_id", "PRAGMA user_version",
                           "SELECT count(*) FROM sqlite_schema" };
  gint64 *results[] = { &application_id, &version, &n_objects };

  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      g_autoptr(MlIndexStmt) stmt = ml_index_prepare (self, probes[i], &local_error);
      int rc;

      if (stmt == NULL)
        goto failed;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          ml_index_set_error (self, rc, &local_error);
          goto failed;
        }
      *results[i] = sqlite3_column_int64 (stmt, 0);
    }

  if (application_id == 0 && version == 0 && n_objects == 0)
    return DATABASE_NEW;
  if (application_id != ML_INDEX_APPLICATION_ID || version > ML_INDEX_SCHEMA_VERSION)
    {
      g_debug ("Index %s is foreign (application id %" G_GINT64_FORMAT ", version %" G_GINT64_FORMAT
               ")", self->database, application_id, version);
      return DATABASE_UNUSABLE;
    }

  /* The schema is read on every open (the count above), and must be ours. */
  if (version == ML_INDEX_SCHEMA_VERSION)
    {
      g_autoptr(MlIndexStmt) stmt = NULL;
      int rc;

      stmt = ml_index_prepare (self,
                               "SELECT count(*) FROM sqlite_schema WHERE name IN "
                               "('files', 'elements', 'element_text', 'stakeholders', "
                               "'instruments', 'decisions', 'indicators', 'activities')",
                               &local_error);
      if (stmt == NULL)
        goto failed;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          ml_index_set_error (self, rc, &local_error);
          goto failed;
        }
      if (sqlite3_column_int64 (stmt, 0) != 8)
        {
          g_debug ("Index %s lacks tables of its schema", self->database);
          return DATABASE_UNUSABLE;
        }
    }

  if (!check_pages)
    return version < ML_INDEX_SCHEMA_VERSION ? DATABASE_OLD : DATABASE_OK;

  {
    g_autoptr(MlIndexStmt) stmt = ml_index_prepare (self, "PRAGMA quick_check", &local_error);
    int rc;

    if (stmt == NULL)
      goto failed;
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_ROW)
      {
        ml_index_set_error (self, rc, &local_error);
        goto failed;
      }
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
      {
        g_debug ("Index %s is corrupt: %s", self->database, sqlite3_column_text (stmt, 0));
        return DATABASE_UNUSABLE;
      }
  }

  return version < ML_INDEX_SCHEMA_VERSION ? DATABASE_OLD : DATABASE_OK;

failed:
  /* Only a file that is not a database, or a damaged one, is deleted: a database that is busy
   * or cannot be read for another reason belongs to someone to ask.
   */
  if (ml_index_is_damaged (self))
    {
      g_debug ("Index %s is unusable: %s", self->database, local_error->message);
      return DATABASE_UNUSABLE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return DATABASE_OK;
}

/* Creates or migrates the schema. Inside BEGIN IMMEDIATE, so that of two processes opening a new
 * database at once, the second finds the first one's schema and does nothing.
 */
static gboolean
upgrade_schema (MlIndex  *self,
                GError  **error)
{
  g_autoptr(MlIndexStmt) stmt = NULL;
  gint64 version;
  g_autofree char *stamp = NULL;

  if (!ml_index_begin (self, error))
    return FALSE;

  stmt = ml_index_prepare (self, "PRAGMA user_version", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (stmt != NULL)
        ml_index_set_error (self, sqlite3_errcode (self->db), error);
      ml_index_rollback (self);
      return FALSE;
    }
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (gint64 v = version; v < ML_INDEX_SCHEMA_VERSION; v++)
    if (!ml_index_exec (self, migrations[v], error))
      {
        ml_index_rollback (self);
        return FALSE;
      }

  /* PRAGMA values cannot be bound; these are our own integer constants, not data. */
  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                           ML_INDEX_APPLICATION_ID, ML_INDEX_SCHEMA_VERSION);
  if (!ml_index_exec (self, stamp, error))
    {
      ml_index_rollback (self);
      return FALSE;
    }

  return ml_index_commit (self, error);
}

static gboolean
delete_database_files (MlIndex  *self,
                       GError  **error)
{
  const char *suffixes[] = { CHECKED_SUFFIX, "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->database, suffixes[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_OPEN,
                       _("Cannot remove the damaged index database “%s”: %s"), display,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
configure_connection (MlIndex  *self,
                      GError  **error)
{
  return ml_index_exec (self, "PRAGMA journal_mode = WAL", error) &&
         ml_index_exec (self, "PRAGMA synchronous = NORMAL", error) &&
         ml_index_exec (self, "PRAGMA foreign_keys = ON", error);
}

static gboolean
open_database (MlIndex  *self,
               GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  DatabaseState state;
  gboolean check_pages;

  /* Before the connection reads the file, which makes a write-ahead log. */
  check_pages = !is_as_left (self);

  if (!open_connection (self, error))
    return FALSE;

  state = inspect_database (self, check_pages, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (state == DATABASE_UNUSABLE)
    return ml_index_rebuild (self, error);

  if (!configure_connection (self, error))
    return FALSE;

  if (state != DATABASE_OK)
    return upgrade_schema (self, error);

  return TRUE;
}

/* Turns a failure to create the file into the error the user needs: where, and why. */
static void
prefix_open_error (MlIndex  *self,
                   GError  **error)
{
  if (error != NULL && *error != NULL && (*error)->code != ML_INDEX_ERROR_OPEN)
    {
      g_autofree char *display = g_filename_display_name (self->database);
      g_autofree char *message = g_strdup_printf (_("Cannot open the index database “%s”: %s"),
                                                  display, (*error)->message);

      g_clear_error (error);
      g_set_error_literal (error, ML_INDEX_ERROR, ML_INDEX_ERROR_OPEN, message);
    }
}

static char *
dup_real_workspace (const char  *workspace,
                    GError     **error)
{
  g_autofree char *display = g_filename_display_name (workspace);
  char *real;

  real = realpath (workspace, NULL);
  if (real == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_WORKSPACE,
                   _("Cannot open the workspace “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  if (!g_file_test (real, G_FILE_TEST_IS_DIR))
    {
      free (real);
      g_set_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_WORKSPACE,
                   _("The workspace “%s” is not a folder"), display);
      return NULL;
    }

  {
    char *copy = g_strdup (real);

    free (real);
    return copy;
  }
}

/* After a rebuild that failed half-way, there is no connection until the index is opened again. */
static void
set_closed_error (GError **error)
{
  g_set_error_literal (error, ML_INDEX_ERROR, ML_INDEX_ERROR_FAILED,
                       _("The index database is closed after an earlier failure"));
}

/* Private helpers, shared with the scan and the queries. */

/* Deletes the database and makes a new, empty one, to be filled by the next scan. */
gboolean
ml_index_rebuild (MlIndex  *self,
                  GError  **error)
{
  close_database (self);
  self->damaged = FALSE;
  if (!delete_database_files (self, error) || !open_connection (self, error) ||
      !configure_connection (self, error))
    return FALSE;

  self->rebuilt = TRUE;
  return upgrade_schema (self, error);
}

/* Whether a failure since the database was opened said that the file is damaged: remembered
 * when the error is set, as the rollback that follows clears the connection's error code.
 */
gboolean
ml_index_is_damaged (MlIndex *self)
{
  return self->damaged || (self->db != NULL && is_damage_code (sqlite3_errcode (self->db)));
}

void
ml_index_set_error (MlIndex  *self,
                    int       code,
                    GError  **error)
{
  self->damaged |= is_damage_code (code);
  g_set_error (error, ML_INDEX_ERROR, get_error_code (code), _("Index database error: %s"),
               self->db != NULL && sqlite3_errcode (self->db) == code ? sqlite3_errmsg (self->db)
                                                                      : sqlite3_errstr (code));
}

MlIndexStmt *
ml_index_prepare (MlIndex     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->db == NULL)
    {
      set_closed_error (error);
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ml_index_set_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
ml_index_step_done (MlIndex      *self,
                    MlIndexStmt  *stmt,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ml_index_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ml_index_exec (MlIndex     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;
  int rc;

  if (self->db == NULL)
    {
      set_closed_error (error);
      return FALSE;
    }

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      self->damaged |= is_damage_code (rc);
      g_set_error (error, ML_INDEX_ERROR, get_error_code (rc),
                   _("Index database error: %s"),
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gboolean
ml_index_begin (MlIndex  *self,
                GError  **error)
{
  return ml_index_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
ml_index_commit (MlIndex  *self,
                 GError  **error)
{
  if (ml_index_exec (self, "COMMIT", error))
    return TRUE;

  ml_index_rollback (self);
  return FALSE;
}

void
ml_index_rollback (MlIndex *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

void
ml_index_bind_text (MlIndexStmt *stmt,
                    int          column,
                    const char  *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

char *
ml_index_dup_column (MlIndexStmt *stmt,
                     int          column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Public API */

/**
 * ml_index_default_path:
 * @workspace: a folder
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): where the index of @workspace lives in the user's cache
 *   folder: `$XDG_CACHE_HOME/missionlab/index/SHA256.sqlite` of the real path of @workspace
 */
char *
ml_index_default_path (const char  *workspace,
                       GError     **error)
{
  g_autofree char *real = NULL;
  g_autofree char *name = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (workspace != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  real = dup_real_workspace (workspace, error);
  if (real == NULL)
    return NULL;

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real, -1);
  name = g_strconcat (digest, ".sqlite", NULL);

  return g_build_filename (g_get_user_cache_dir (), "missionlab", "index", name, NULL);
}

/**
 * ml_index_open:
 * @workspace: the folder of project files
 * @database: (nullable): the database file; %NULL for ml_index_default_path()
 * @error: return location for an error
 *
 * Opens the index of @workspace, creating it if needed. A database that is corrupt, foreign or
 * of another schema version is deleted and made anew (the next ml_index_scan() reports it in
 * #MlIndexScanStats.rebuilt); an older schema is migrated.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with %ML_INDEX_ERROR_WORKSPACE or
 *   %ML_INDEX_ERROR_OPEN
 */
MlIndex *
ml_index_open (const char  *workspace,
               const char  *database,
               GError     **error)
{
  g_autoptr(MlIndex) self = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (workspace != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Scans may run in threads; libxml2 must be initialised once before that. */
  xmlInitParser ();

  self = g_new0 (MlIndex, 1);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->workspace = dup_real_workspace (workspace, error);
  if (self->workspace == NULL)
    return NULL;

  if (database != NULL)
    self->database = g_strdup (database);
  else
    {
      self->database = ml_index_default_path (self->workspace, error);
      if (self->database == NULL)
        return NULL;
    }

  folder = g_path_get_dirname (self->database);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_OPEN,
                   _("Cannot create the index folder “%s”: %s"), display,
                   g_strerror (saved_errno));
      return NULL;
    }

  if (!open_database (self, error))
    {
      prefix_open_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
ml_index_free (MlIndex *self)
{
  if (self == NULL)
    return;

  if (self->db != NULL)
    {
      gboolean damaged = ml_index_is_damaged (self);

      ml_index_rollback (self);
      close_database (self);
      record_clean_close (self, damaged);
    }
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_free (self->workspace);
  g_free (self->database);
  g_free (self);
}

/**
 * ml_index_get_workspace:
 *
 * Returns: the real path of the workspace
 */
const char *
ml_index_get_workspace (MlIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->workspace;
}

/**
 * ml_index_list_files:
 * @self: an index
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type MlIndexFile) (nullable): the project files as last
 *   scanned, by path
 */
GPtrArray *
ml_index_list_files (MlIndex  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(MlIndexStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = ml_index_prepare (self,
                           "SELECT path, title, n_missions, mtime_ns, error FROM files "
                           "ORDER BY path",
                           error);
  if (stmt == NULL)
    return NULL;

  files = g_ptr_array_new_with_free_func ((GDestroyNotify) ml_index_file_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MlIndexFile *file = g_new0 (MlIndexFile, 1);

      file->path = ml_index_dup_column (stmt, 0);
      file->title = ml_index_dup_column (stmt, 1);
      file->n_missions = sqlite3_column_int (stmt, 2);
      file->mtime = sqlite3_column_int64 (stmt, 3) / G_GINT64_CONSTANT (1000000000);
      file->error = ml_index_dup_column (stmt, 4);
      g_ptr_array_add (files, file);
    }
  if (rc != SQLITE_DONE)
    {
      ml_index_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&files);
}

/**
 * ml_index_question_parse:
 * @name: "stakeholders", "budget", "upcoming", "off-track" or "at-risk"
 * @question: (out): the question
 *
 * Returns: whether @name names a question
 */
gboolean
ml_index_question_parse (const char      *name,
                         MlIndexQuestion *question)
{
  static const char *const names[] = {
    [ML_INDEX_QUESTION_STAKEHOLDERS] = "stakeholders",
    [ML_INDEX_QUESTION_BUDGET] = "budget",
    [ML_INDEX_QUESTION_UPCOMING] = "upcoming",
    [ML_INDEX_QUESTION_OFF_TRACK] = "off-track",
    [ML_INDEX_QUESTION_AT_RISK] = "at-risk",
  };

  g_return_val_if_fail (question != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      {
        *question = (MlIndexQuestion) i;
        return TRUE;
      }

  return FALSE;
}

void
ml_index_file_free (MlIndexFile *file)
{
  if (file == NULL)
    return;

  g_free (file->path);
  g_free (file->title);
  g_free (file->error);
  g_free (file);
}

void
ml_index_hit_free (MlIndexHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->path);
  g_free (hit->project_title);
  g_free (hit->element_id);
  g_free (hit->kind);
  g_free (hit->label);
  g_free (hit->snippet);
  g_free (hit);
}

void
ml_index_row_free (MlIndexRow *row)
{
  if (row == NULL)
    return;

  g_strfreev (row->keys);
  g_strfreev (row->values);
  g_free (row);
}

/**
 * ml_index_row_get:
 * @row: a row of a question
 * @key: a column name
 *
 * Returns: (nullable): the cell of @row under @key, or %NULL if it has no such column
 */
const char *
ml_index_row_get (const MlIndexRow *row,
                  const char       *key)
{
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; row->keys[i] != NULL; i++)
    if (g_str_equal (row->keys[i], key))
      return row->values[i];

  return NULL;
}
