/* ml-index-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scanning a workspace: finding its project files, deciding which changed, and storing the rows
 * that search and the questions read. Files are stored in batches, one transaction for up to
 * BATCH_MAX_FILES files or BATCH_MAX_TIME of work, whichever comes first: a transaction per file
 * made a cold index pay a commit, and a new FTS5 segment to merge, for every file. A file's row
 * in `files` (which says it is indexed, under its size and time) is written in the same
 * transaction as its other rows, so a scan that is killed or cancelled leaves every file either
 * as it was or as it is now; the files of the unfinished batch are simply read again by the next
 * scan. Two processes scanning at once take turns batch by batch (BEGIN IMMEDIATE, waiting on
 * the busy timeout), which the time limit keeps short.
 */

#define G_LOG_DOMAIN "ml-index"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ml-diagnostic.h"
#include "ml-file.h"
#include "ml-index-private.h"
#include "ml-indicator.h"
#include "ml-project.h"
#include "ml-stats.h"
#include "ml-taxonomy.h"
#include "ml-text.h"
#include "ml-xml-reader.h"

#define PROJECT_EXTENSION ".mlab"

#define BATCH_MAX_FILES 100
#define BATCH_MAX_TIME  (200 * G_TIME_SPAN_MILLISECOND)

/* A project file found in the workspace. */
typedef struct
{
  char   *path;     /* relative, '/'-separated */
  char   *filename; /* absolute */
  guint64 size;
  gint64  mtime_ns;
} Found;

/* A file as the index last stored it. */
typedef struct
{
  guint64  size;
  gint64   mtime_ns;
  char    *sha256;
  gboolean seen;
} Known;

/* The elements that search finds, and the fields that name them and that hold their text. */
static const struct
{
  MlKind  kind;
  MlField label;
  MlField body;
} searchable[] = {
  { ML_KIND_PROJECT, ML_PROJECT_TITLE, ML_PROJECT_CHALLENGE },
  { ML_KIND_MISSION, ML_MISSION_TITLE, ML_MISSION_STATEMENT },
  { ML_KIND_OBJECTIVE, ML_OBJECTIVE_TITLE, ML_OBJECTIVE_DESCRIPTION },
  { ML_KIND_INDICATOR, ML_INDICATOR_NAME, ML_NO_FIELD },
  { ML_KIND_STAKEHOLDER, ML_STAKEHOLDER_NAME, ML_NO_FIELD },
  { ML_KIND_INSTRUMENT, ML_INSTRUMENT_NAME, ML_INSTRUMENT_DESCRIPTION },
  { ML_KIND_ACTIVITY, ML_ACTIVITY_NAME, ML_ACTIVITY_DESCRIPTION },
  { ML_KIND_JOURNAL_ENTRY, ML_ENTRY_TITLE, ML_ENTRY_TEXT },
};

/* The transaction that the files being stored share. */
typedef struct
{
  MlIndex *index;
  guint    n_files;
  gint64   started; /* monotonic time of its BEGIN; 0 when none is open */
} Batch;

/* What storing one project needs while walking its elements. */
typedef struct
{
  MlIndex    *index;
  MlProject  *project;
  gint64      file_id;
  GError    **error;
} Storing;

static void
found_free (Found *found)
{
  g_free (found->path);
  g_free (found->filename);
  g_free (found);
}

static void
known_free (Known *known)
{
  g_free (known->sha256);
  g_free (known);
}

/* Opens the batch's transaction, unless it is open. */
static gboolean
begin_batch (Batch   *batch,
             GError **error)
{
  if (batch->started != 0)
    return TRUE;
  if (!ml_index_begin (batch->index, error))
    return FALSE;

  batch->started = g_get_monotonic_time ();
  batch->n_files = 0;
  return TRUE;
}

static gboolean
commit_batch (Batch   *batch,
              GError **error)
{
  if (batch->started == 0)
    return TRUE;

  batch->started = 0;
  return ml_index_commit (batch->index, error);
}

/* Counts a file stored in the batch, and commits when the batch is full or old enough. */
static gboolean
add_to_batch (Batch   *batch,
              GError **error)
{
  g_assert (batch->started != 0);

  batch->n_files++;
  if (batch->n_files < BATCH_MAX_FILES &&
      g_get_monotonic_time () - batch->started < BATCH_MAX_TIME)
    return TRUE;

  return commit_batch (batch, error);
}

/* Drops what the batch stored: those files are read again by the next scan. */
static void
abandon_batch (Batch *batch)
{
  if (batch->started == 0)
    return;

  g_debug ("Scan stopped: %u files of the unfinished batch dropped", batch->n_files);
  batch->started = 0;
  ml_index_rollback (batch->index);
}

static gboolean
is_project_file (const char *name)
{
  return g_str_has_suffix (name, PROJECT_EXTENSION) && name[0] != '.';
}

/* Hidden folders (.git, .Trash) are not part of the workspace; links to folders are not
 * followed, so that a link to a parent cannot make the walk endless.
 */
static gboolean
collect_files (const char    *folder,
               const char    *relative,
               GPtrArray     *found,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      /* The workspace itself must be readable; a subfolder that is not is skipped. */
      if (relative == NULL)
        {
          g_set_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_WORKSPACE,
                       _("Cannot read the workspace: %s"), local_error->message);
          return FALSE;
        }
      g_debug ("Skipping %s: %s", folder, local_error->message);
      return TRUE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *filename = NULL;
      g_autofree char *path = NULL;
      GStatBuf st;

      if (name[0] == '.')
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      filename = g_build_filename (folder, name, NULL);
      path = relative != NULL ? g_strconcat (relative, "/", name, NULL) : g_strdup (name);
      if (g_lstat (filename, &st) != 0)
        continue;

      if (S_ISDIR (st.st_mode))
        {
          if (!collect_files (filename, path, found, cancellable, error))
            return FALSE;
        }
      else if (is_project_file (name) && (S_ISREG (st.st_mode) || S_ISLNK (st.st_mode)))
        {
          Found *file;

          if (S_ISLNK (st.st_mode) && (g_stat (filename, &st) != 0 || !S_ISREG (st.st_mode)))
            continue;

          file = g_new0 (Found, 1);
          file->path = g_steal_pointer (&path);
          file->filename = g_steal_pointer (&filename);
          file->size = (guint64) st.st_size;
          file->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                           st.st_mtim.tv_nsec;
          g_ptr_array_add (found, file);
        }
    }

  return TRUE;
}

static GHashTable *
load_known (MlIndex  *self,
            GError  **error)
{
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(MlIndexStmt) stmt = NULL;
  int rc;

  stmt = ml_index_prepare (self, "SELECT path, size, mtime_ns, sha256 FROM files", error);
  if (stmt == NULL)
    return NULL;

  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) known_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Known *file = g_new0 (Known, 1);

      file->size = (guint64) sqlite3_column_int64 (stmt, 1);
      file->mtime_ns = sqlite3_column_int64 (stmt, 2);
      file->sha256 = ml_index_dup_column (stmt, 3);
      g_hash_table_insert (known, ml_index_dup_column (stmt, 0), file);
    }
  if (rc != SQLITE_DONE)
    {
      ml_index_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&known);
}

/* Drops every row of the file at @path; inside the caller's transaction. */
static gboolean
delete_file (MlIndex     *self,
             const char  *path,
             GError     **error)
{
  g_autoptr(MlIndexStmt) text = NULL;
  g_autoptr(MlIndexStmt) file = NULL;

  text = ml_index_prepare (self,
                           "DELETE FROM element_text WHERE rowid IN "
                           "(SELECT e.id FROM elements e JOIN files f ON f.id = e.file_id "
                           " WHERE f.path = ?1)",
                           error);
  if (text == NULL)
    return FALSE;
  ml_index_bind_text (text, 1, path);
  if (!ml_index_step_done (self, text, error))
    return FALSE;

  /* The other tables follow by ON DELETE CASCADE. */
  file = ml_index_prepare (self, "DELETE FROM files WHERE path = ?1", error);
  if (file == NULL)
    return FALSE;
  ml_index_bind_text (file, 1, path);

  return ml_index_step_done (self, file, error);
}

static gboolean
insert_file (MlIndex            *self,
             const char         *path,
             guint64             size,
             gint64              mtime_ns,
             const char         *sha256,
             const char         *title,
             guint               n_missions,
             const char         *load_error,
             gint64             *file_id,
             GError            **error)
{
  g_autoptr(MlIndexStmt) stmt = NULL;

  stmt = ml_index_prepare (self,
                           "INSERT INTO files (path, size, mtime_ns, sha256, title, n_missions, "
                           "error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           error);
  if (stmt == NULL)
    return FALSE;

  ml_index_bind_text (stmt, 1, path);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) size);
  sqlite3_bind_int64 (stmt, 3, mtime_ns);
  ml_index_bind_text (stmt, 4, sha256);
  ml_index_bind_text (stmt, 5, title);
  sqlite3_bind_int (stmt, 6, n_missions);
  ml_index_bind_text (stmt, 7, load_error);
  if (!ml_index_step_done (self, stmt, error))
    return FALSE;

  *file_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static const char *
get_enum_nick (MlElement *element,
               MlField    field)
{
  int value = ml_element_get_enum (element, field);

  if (value < 0)
    return NULL;

  return ml_field_get_info (field)->enum_info->nicks[value];
}

static void
bind_number (MlIndexStmt *stmt,
             int          column,
             double       number)
{
  if (isnan (number))
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_double (stmt, column, number);
}

static void
bind_date (MlIndexStmt *stmt,
           int          column,
           MlDate       date)
{
  char buffer[11];

  if (date == ML_DATE_NONE)
    {
      sqlite3_bind_null (stmt, column);
      return;
    }

  ml_date_format_into (date, buffer);
  sqlite3_bind_text (stmt, column, buffer, -1, SQLITE_TRANSIENT);
}

static gboolean
store_text (Storing   *storing,
            MlElement *element,
            MlField    label_field,
            MlField    body_field)
{
  MlKind kind = ml_element_get_kind (element);
  const char *label = ml_element_get_string (element, label_field);
  const char *body = body_field != ML_NO_FIELD ? ml_element_get_string (element, body_field)
                                               : NULL;
  g_autofree char *folded_label = ml_text_fold (label != NULL ? label : "");
  g_autofree char *folded_body = ml_text_fold (body != NULL ? body : "");
  g_autoptr(MlIndexStmt) row = NULL;
  g_autoptr(MlIndexStmt) text = NULL;

  row = ml_index_prepare (storing->index,
                          "INSERT INTO elements (file_id, element_id, kind, label, body) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          storing->error);
  if (row == NULL)
    return FALSE;

  sqlite3_bind_int64 (row, 1, storing->file_id);
  ml_index_bind_text (row, 2, kind == ML_KIND_PROJECT ? NULL : ml_element_get_id (element));
  ml_index_bind_text (row, 3, ml_kind_get_info (kind)->element);
  ml_index_bind_text (row, 4, label);
  ml_index_bind_text (row, 5, body);
  if (!ml_index_step_done (storing->index, row, storing->error))
    return FALSE;

  text = ml_index_prepare (storing->index,
                           "INSERT INTO element_text (rowid, label, body) VALUES (?1, ?2, ?3)",
                           storing->error);
  if (text == NULL)
    return FALSE;

  sqlite3_bind_int64 (text, 1, sqlite3_last_insert_rowid (storing->index->db));
  ml_index_bind_text (text, 2, folded_label);
  ml_index_bind_text (text, 3, folded_body);

  return ml_index_step_done (storing->index, text, storing->error);
}

/* Binds a field of @element as its type says: enumerations by their nicks, dates as text. */
static void
bind_field (MlIndexStmt *stmt,
            int          column,
            MlElement   *element,
            MlField      field)
{
  switch (ml_field_get_info (field)->type)
    {
    case ML_FIELD_TYPE_NUMBER:
    case ML_FIELD_TYPE_INTEGER:
      bind_number (stmt, column, ml_element_get_number (element, field));
      break;
    case ML_FIELD_TYPE_DATE:
      bind_date (stmt, column, ml_element_get_date (element, field));
      break;
    case ML_FIELD_TYPE_ENUM:
      ml_index_bind_text (stmt, column, get_enum_nick (element, field));
      break;
    default:
      ml_index_bind_text (stmt, column, ml_element_get_string (element, field));
      break;
    }
}

/* @name folded, with punctuation as spaces and runs of spaces as one, so that "Đà Nẵng
 * People's Committee" and "Da Nang People’s  Committee" are the same stakeholder.
 */
static char *
normalise_name (const char *name)
{
  g_autofree char *folded = ml_text_fold (name);
  GString *normalised = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && normalised->len > 0)
            g_string_append_c (normalised, ' ');
          g_string_append_unichar (normalised, c);
          space = FALSE;
        }
      else
        space = TRUE;
    }

  return g_string_free (normalised, FALSE);
}

/* What the row of a question table needs beyond the element's own fields; binds from @column. */
typedef void (*BindExtra) (Storing     *storing,
                           MlElement   *element,
                           MlIndexStmt *stmt,
                           int          column);

static void
bind_normalised_name (Storing     *storing,
                      MlElement   *stakeholder,
                      MlIndexStmt *stmt,
                      int          column)
{
  const char *name = ml_element_get_label (stakeholder);
  g_autofree char *normalised = normalise_name (name != NULL ? name : "");

  ml_index_bind_text (stmt, column, normalised);
}

static void
bind_side_and_currency (Storing     *storing,
                        MlElement   *instrument,
                        MlIndexStmt *stmt,
                        int          column)
{
  MlSide side = ml_instrument_get_side (instrument);

  ml_index_bind_text (stmt, column,
                      ml_field_get_info (ML_INSTRUMENT_SIDE)->enum_info->nicks[side]);
  ml_index_bind_text (stmt, column + 1,
                      ml_budget_get_currency (storing->project, instrument,
                                              ML_INSTRUMENT_CURRENCY));
}

/* What ml_indicator_get_status() reads besides the indicator's fields, so that the question can
 * rebuild the indicator.
 */
static void
bind_latest_measurement (Storing     *storing,
                         MlElement   *indicator,
                         MlIndexStmt *stmt,
                         int          column)
{
  MlElement *latest = ml_indicator_get_latest (indicator);

  bind_number (stmt, column,
               latest != NULL ? ml_element_get_number (latest, ML_MEASUREMENT_VALUE) : NAN);
  bind_date (stmt, column + 1,
             latest != NULL ? ml_element_get_date (latest, ML_MEASUREMENT_DATE) : ML_DATE_NONE);
}

/* The rows the questions read: the file, the element's id and label as ?1 to ?3, then the
 * fields (up to ML_NO_FIELD), then what @extra binds.
 */
static const struct
{
  MlKind      kind;
  const char *sql;
  MlField     fields[7];
  BindExtra   extra;
} question_rows[] = {
  { ML_KIND_STAKEHOLDER,
    "INSERT INTO stakeholders (file_id, element_id, name, normalised) VALUES (?1, ?2, ?3, ?4)",
    { ML_NO_FIELD },
    bind_normalised_name },
  { ML_KIND_INSTRUMENT,
    "INSERT INTO instruments (file_id, element_id, name, type, budget, side, currency) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    { ML_INSTRUMENT_TYPE, ML_INSTRUMENT_BUDGET, ML_NO_FIELD },
    bind_side_and_currency },
  { ML_KIND_DECISION_POINT,
    "INSERT INTO decisions (file_id, element_id, name, date, outcome) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
    { ML_DECISION_DATE, ML_DECISION_OUTCOME, ML_NO_FIELD },
    NULL },
  { ML_KIND_INDICATOR,
    "INSERT INTO indicators (file_id, element_id, name, unit, direction, baseline, "
    "baseline_date, target, target_date, latest_value, latest_date) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    { ML_INDICATOR_UNIT, ML_INDICATOR_DIRECTION, ML_INDICATOR_BASELINE,
      ML_INDICATOR_BASELINE_DATE, ML_INDICATOR_TARGET, ML_INDICATOR_TARGET_DATE, ML_NO_FIELD },
    bind_latest_measurement },
  { ML_KIND_ACTIVITY,
    "INSERT INTO activities (file_id, element_id, name, status, start, end) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    { ML_ACTIVITY_STATUS, ML_ACTIVITY_START, ML_ACTIVITY_END, ML_NO_FIELD },
    NULL },
};

static gboolean
store_question_row (Storing   *storing,
                    MlElement *element,
                    guint      row)
{
  g_autoptr(MlIndexStmt) stmt = NULL;
  int column = 4;

  stmt = ml_index_prepare (storing->index, question_rows[row].sql, storing->error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, storing->file_id);
  ml_index_bind_text (stmt, 2, ml_element_get_id (element));
  ml_index_bind_text (stmt, 3, ml_element_get_label (element));
  for (const MlField *field = question_rows[row].fields; *field != ML_NO_FIELD; field++)
    bind_field (stmt, column++, element, *field);
  if (question_rows[row].extra != NULL)
    question_rows[row].extra (storing, element, stmt, column);

  return ml_index_step_done (storing->index, stmt, storing->error);
}

static gboolean
store_element (MlElement *element,
               gpointer   user_data)
{
  Storing *storing = user_data;
  MlKind kind = ml_element_get_kind (element);

  for (guint i = 0; i < G_N_ELEMENTS (searchable); i++)
    if (searchable[i].kind == kind &&
        !store_text (storing, element, searchable[i].label, searchable[i].body))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (question_rows); i++)
    if (question_rows[i].kind == kind && !store_question_row (storing, element, i))
      return FALSE;

  return TRUE;
}

/* Stores what was read of one file in the batch: the project's rows, or the error. On failure
 * the batch holds part of the file and must be abandoned.
 */
static gboolean
store_file (Batch              *batch,
            const char         *path,
            const MlFileStamp  *stamp,
            MlProject          *project,
            const char         *load_error,
            GError            **error)
{
  g_autoptr(GPtrArray) missions = NULL;
  g_autofree char *title = NULL;
  MlIndex *self = batch->index;
  gint64 file_id;

  if (project != NULL)
    {
      MlElement *root = ml_project_get_root (project);

      missions = ml_project_collect (project, ML_KIND_MISSION);
      title = g_strdup (ml_element_get_string (root, ML_PROJECT_TITLE));
    }

  if (!begin_batch (batch, error) ||
      !delete_file (self, path, error) ||
      !insert_file (self, path, stamp->size, stamp->mtime_ns,
                    stamp->exists ? stamp->sha256 : NULL, title,
                    missions != NULL ? missions->len : 0, load_error, &file_id, error))
    return FALSE;

  if (project != NULL)
    {
      Storing storing = { self, project, file_id, error };

      if (!ml_element_walk (ml_project_get_root (project), store_element, &storing))
        return FALSE;
    }

  return add_to_batch (batch, error);
}

/* A file with the same content as stored, touched or copied over: remember its new time so the
 * next scan skips it without reading it.
 */
static gboolean
update_stamp (Batch              *batch,
              const char         *path,
              const MlFileStamp  *stamp,
              GError            **error)
{
  g_autoptr(MlIndexStmt) stmt = NULL;

  if (!begin_batch (batch, error))
    return FALSE;

  stmt = ml_index_prepare (batch->index, "UPDATE files SET size = ?2, mtime_ns = ?3 WHERE path = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  ml_index_bind_text (stmt, 1, path);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) stamp->size);
  sqlite3_bind_int64 (stmt, 3, stamp->mtime_ns);

  return ml_index_step_done (batch->index, stmt, error) && add_to_batch (batch, error);
}

/* Why a file failed to load, as `missionlab-cli validate` names its first error without the file
 * name: "LINE: error: MESSAGE", or "error: MESSAGE" when it is not tied to a line. @error says
 * why when the loader left no diagnostic (the file could not be read).
 */
static char *
format_load_error (GPtrArray    *diagnostics,
                   const GError *error)
{
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const MlDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity != ML_SEVERITY_ERROR)
        continue;
      if (diagnostic->line > 0)
        return g_strdup_printf ("%u: %s: %s", diagnostic->line, _("error"), diagnostic->message);
      return ml_diagnostic_format (diagnostic, NULL);
    }

  return g_strdup_printf ("%s: %s", _("error"), error->message);
}

static gboolean
scan_file (Batch             *batch,
           const Found       *found,
           Known             *known,
           MlIndexScanStats  *stats,
           GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;
  MlFileStamp stamp = { 0 };
  gconstpointer data;
  gsize length;

  if (known != NULL && known->size == found->size && known->mtime_ns == found->mtime_ns)
    {
      stats->n_unchanged++;
      return TRUE;
    }

  bytes = ml_file_read (found->filename, ML_FILE_MAX_SIZE, &stamp, &load_error);
  if (bytes == NULL)
    {
      /* Remember the failure under the size and time seen, so it is not read again until the
       * file changes.
       */
      stamp.exists = FALSE;
      stamp.size = found->size;
      stamp.mtime_ns = found->mtime_ns;
      stats->n_failed++;
      message = format_load_error (NULL, load_error);
      return store_file (batch, found->path, &stamp, NULL, message, error);
    }

  if (known != NULL && known->sha256 != NULL && g_str_equal (known->sha256, stamp.sha256))
    {
      stats->n_unchanged++;
      return update_stamp (batch, found->path, &stamp, error);
    }

  data = g_bytes_get_data (bytes, &length);
  display = g_filename_display_name (found->path);
  diagnostics = ml_diagnostics_new ();
  project = ml_xml_read (data != NULL ? data : "", length, display, diagnostics, &load_error);
  if (project == NULL)
    {
      stats->n_failed++;
      message = format_load_error (diagnostics, load_error);
    }
  else
    stats->n_indexed++;

  return store_file (batch, found->path, &stamp, project, message, error);
}

/* Drops the files that are no longer in the workspace, in the batch. */
static gboolean
remove_gone (Batch             *batch,
             GHashTable        *known,
             MlIndexScanStats  *stats,
             GError           **error)
{
  GHashTableIter iter;
  const char *path;
  Known *file;

  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, (gpointer *) &file))
    {
      if (file->seen)
        continue;

      if (!begin_batch (batch, error) || !delete_file (batch->index, path, error) ||
          !add_to_batch (batch, error))
        return FALSE;
      stats->n_removed++;
    }

  return TRUE;
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *fa = *(const Found *const *) a;
  const Found *fb = *(const Found *const *) b;

  return strcmp (fa->path, fb->path);
}

/* One pass over the workspace, by batches; see ml_index_scan(). */
static gboolean
scan_files (Batch             *batch,
            MlIndexScanStats  *stats,
            GCancellable      *cancellable,
            GError           **error)
{
  MlIndex *self = batch->index;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) known = NULL;

  memset (stats, 0, sizeof *stats);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);
  if (!collect_files (self->workspace, NULL, found, cancellable, error))
    return FALSE;
  g_ptr_array_sort (found, compare_found);

  known = load_known (self, error);
  if (known == NULL)
    return FALSE;

  stats->n_files = found->len;
  for (guint i = 0; i < found->len; i++)
    {
      const Found *file = g_ptr_array_index (found, i);
      Known *stored = g_hash_table_lookup (known, file->path);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (stored != NULL)
        stored->seen = TRUE;
      if (!scan_file (batch, file, stored, stats, error))
        return FALSE;
    }

  return remove_gone (batch, known, stats, error) && commit_batch (batch, error);
}

static gboolean
scan_workspace (MlIndex           *self,
                MlIndexScanStats  *stats,
                GCancellable      *cancellable,
                GError           **error)
{
  Batch batch = { self, 0, 0 };

  if (scan_files (&batch, stats, cancellable, error))
    return TRUE;

  abandon_batch (&batch);
  return FALSE;
}

/**
 * ml_index_scan:
 * @self: an index
 * @stats: (out) (optional): what the scan did
 * @cancellable: (nullable): to stop the scan between two files
 * @error: return location for an error
 *
 * Brings the index up to date with the workspace. A file that cannot be loaded is not an error:
 * it is recorded with its message (see ml_index_list_files()) and counted in n_failed. Every
 * file is counted once: n_files = n_indexed + n_unchanged + n_failed. A database found damaged
 * during the scan is rebuilt and the scan started again.
 *
 * Returns: whether the scan finished; %FALSE with %ML_INDEX_ERROR_WORKSPACE if the workspace
 *   cannot be read, %ML_INDEX_ERROR_FAILED if the database failed, or %G_IO_ERROR_CANCELLED
 */
gboolean
ml_index_scan (MlIndex           *self,
               MlIndexScanStats  *stats,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  MlIndexScanStats local_stats = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats == NULL)
    stats = &local_stats;

  if (!scan_workspace (self, stats, cancellable, &local_error))
    {
      if (!g_error_matches (local_error, ML_INDEX_ERROR, ML_INDEX_ERROR_FAILED) ||
          !ml_index_is_damaged (self))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_debug ("Index %s found damaged while scanning: %s", self->database,
               local_error->message);
      if (!ml_index_rebuild (self, error) || !scan_workspace (self, stats, cancellable, error))
        return FALSE;
    }

  stats->rebuilt = self->rebuilt;
  self->rebuilt = FALSE;

  return TRUE;
}
