/* test-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index of a workspace: scanning and rescanning, damaged and foreign databases, two indexers
 * at once, search and the cross-project questions, with the expected rows worked out by hand
 * from the samples.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "ml-index.h"
#include "ml-test-util.h"

/* A workspace of copies of the samples, the two CSIRO ones in a subfolder, and the database
 * in a folder of its own outside it.
 */
typedef struct
{
  char    *workspace;
  char    *database;
  MlIndex *index; /* opened and scanned by fixture_set_up_scanned() */
} Fixture;

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Replaces the first @from in the file at @path, which must be there, by @to. */
static void
replace_in_file (const char *path,
                 const char *from,
                 const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) changed = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  changed = g_string_new (contents);
  g_assert_cmpint (g_string_replace (changed, from, to, 1), ==, 1);
  write_file (path, changed->str);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) samples = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *db_dir = NULL;
  const char *name;

  (void) data;

  fixture->workspace = g_dir_make_tmp ("workspace-XXXXXX", &error);
  g_assert_no_error (error);
  db_dir = g_dir_make_tmp ("index-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->database = g_build_filename (db_dir, "index.sqlite", NULL);

  sub = g_build_filename (fixture->workspace, "sub", NULL);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  samples = g_dir_open (g_getenv ("MISSIONLAB_SAMPLES"), 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (samples)) != NULL)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (!g_str_has_suffix (name, ".mlab"))
        continue;
      from = g_build_filename (g_getenv ("MISSIONLAB_SAMPLES"), name, NULL);
      to = g_build_filename (g_str_has_prefix (name, "csiro") ? sub : fixture->workspace, name,
                             NULL);
      copy_file (from, to);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      g_chmod (path, 0700);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db_dir = g_path_get_dirname (fixture->database);

  (void) data;

  g_clear_pointer (&fixture->index, ml_index_free);
  remove_tree (fixture->workspace);
  remove_tree (db_dir);
  g_free (fixture->workspace);
  g_free (fixture->database);
}

static char *
workspace_file (Fixture    *fixture,
                const char *path)
{
  return g_build_filename (fixture->workspace, path, NULL);
}

static MlIndex *
open_index (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  MlIndex *index = ml_index_open (fixture->workspace, fixture->database, &error);

  g_assert_no_error (error);
  g_assert_nonnull (index);

  return index;
}

static MlIndexScanStats
scan (MlIndex *index)
{
  g_autoptr(GError) error = NULL;
  MlIndexScanStats stats;

  g_assert_true (ml_index_scan (index, &stats, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_files, ==, stats.n_indexed + stats.n_unchanged + stats.n_failed);

  return stats;
}

/* The workspace of fixture_set_up(), indexed once. */
static void
fixture_set_up_scanned (Fixture       *fixture,
                        gconstpointer  data)
{
  MlIndexScanStats stats;

  fixture_set_up (fixture, data);
  fixture->index = open_index (fixture);
  stats = scan (fixture->index);
  g_assert_cmpuint (stats.n_indexed, ==, 5);
}

static void
assert_stats (const MlIndexScanStats *stats,
              guint                   n_files,
              guint                   n_indexed,
              guint                   n_unchanged,
              guint                   n_removed,
              guint                   n_failed)
{
  g_assert_cmpuint (stats->n_files, ==, n_files);
  g_assert_cmpuint (stats->n_indexed, ==, n_indexed);
  g_assert_cmpuint (stats->n_unchanged, ==, n_unchanged);
  g_assert_cmpuint (stats->n_removed, ==, n_removed);
  g_assert_cmpuint (stats->n_failed, ==, n_failed);
}

static GPtrArray *
list_files (MlIndex *index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *files = ml_index_list_files (index, &error);

  g_assert_no_error (error);
  g_assert_nonnull (files);

  return files;
}

static GPtrArray *
search (MlIndex    *index,
        const char *query,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = ml_index_search (index, query, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  for (guint i = 1; i < hits->len; i++)
    g_assert_cmpfloat (((MlIndexHit *) hits->pdata[i - 1])->rank, <=,
                       ((MlIndexHit *) hits->pdata[i])->rank);

  return hits;
}

static const MlIndexHit *
find_hit (GPtrArray  *hits,
          const char *path,
          const char *element_id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const MlIndexHit *hit = g_ptr_array_index (hits, i);

      if (g_str_equal (hit->path, path) && g_strcmp0 (hit->element_id, element_id) == 0)
        return hit;
    }

  return NULL;
}

static GPtrArray *
ask (MlIndex         *index,
     MlIndexQuestion  question,
     const char      *today,
     guint            days)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = ml_index_ask (index, question, ml_test_parse_date (today), days, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

/* The values of one column of @rows, joined with ',', to compare a whole answer at once. */
static char *
join_column (GPtrArray  *rows,
             const char *key)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const char *value = ml_index_row_get (g_ptr_array_index (rows, i), key);

      g_assert_nonnull (value);
      if (i > 0)
        g_string_append_c (joined, ',');
      g_string_append (joined, value);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
test_scan_samples (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MlIndex) index = open_index (fixture);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  MlIndexScanStats stats = scan (index);
  const MlIndexFile *drought;

  (void) data;

  assert_stats (&stats, 5, 5, 0, 0, 0);
  g_assert_false (stats.rebuilt);

  files = list_files (index);
  g_assert_cmpuint (files->len, ==, 5);
  /* By path, the subfolder's files with their '/'-separated relative paths. */
  g_assert_cmpstr (((MlIndexFile *) files->pdata[0])->path, ==, "ifd-green-missions.mlab");
  g_assert_cmpstr (((MlIndexFile *) files->pdata[1])->path, ==, "norway-pilot-e.mlab");
  g_assert_cmpstr (((MlIndexFile *) files->pdata[2])->path, ==, "sub/csiro-drought.mlab");
  g_assert_cmpstr (((MlIndexFile *) files->pdata[3])->path, ==, "sub/csiro-hydrogen.mlab");
  g_assert_cmpstr (((MlIndexFile *) files->pdata[4])->path, ==, "undp-danang-circular.mlab");

  drought = files->pdata[2];
  g_assert_cmpstr (drought->title, ==, "CSIRO Drought Resilience Mission");
  g_assert_cmpuint (drought->n_missions, ==, 1);
  g_assert_null (drought->error);
  g_assert_cmpint (drought->mtime, >, 0);
  g_assert_cmpuint (((MlIndexFile *) files->pdata[0])->n_missions, ==, 4);
  g_assert_cmpuint (((MlIndexFile *) files->pdata[4])->n_missions, ==, 2);

  g_assert_cmpstr (ml_index_get_workspace (index), !=, NULL);
}

static void
test_rescan_unchanged (Fixture       *fixture,
                       gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autofree char *drought = workspace_file (fixture, "sub/csiro-drought.mlab");
  MlIndexScanStats stats;
  struct timespec times[2] = { { 0, UTIME_OMIT }, { 1700000000, 0 } };

  (void) data;

  stats = scan (index);
  assert_stats (&stats, 5, 0, 5, 0, 0);

  /* A new time with the same content: read and hashed, found unchanged, and its new time kept
   * so that the next scan does not even read it.
   */
  g_assert_cmpint (utimensat (AT_FDCWD, drought, times, 0), ==, 0);
  stats = scan (index);
  assert_stats (&stats, 5, 0, 5, 0, 0);
  stats = scan (index);
  assert_stats (&stats, 5, 0, 5, 0, 0);
}

static void
test_rescan_changed (Fixture       *fixture,
                     gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autofree char *drought = workspace_file (fixture, "sub/csiro-drought.mlab");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) files = NULL;
  MlIndexScanStats stats;

  (void) data;

  before = search (index, "Aridity", 0);
  g_assert_cmpuint (before->len, ==, 0);

  replace_in_file (drought, "CSIRO Drought Resilience Mission",
                   "CSIRO Aridity Resilience Mission");

  stats = scan (index);
  assert_stats (&stats, 5, 1, 4, 0, 0);

  after = search (index, "aridity", 0);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (((MlIndexHit *) after->pdata[0])->path, ==, "sub/csiro-drought.mlab");
  g_assert_null (((MlIndexHit *) after->pdata[0])->element_id);
  g_assert_cmpstr (((MlIndexHit *) after->pdata[0])->kind, ==, "project");

  files = list_files (index);
  g_assert_cmpstr (((MlIndexFile *) files->pdata[2])->title, ==,
                   "CSIRO Aridity Resilience Mission");
}

static void
test_rescan_removed (Fixture       *fixture,
                     gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autofree char *danang = workspace_file (fixture, "undp-danang-circular.mlab");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) budget = NULL;
  MlIndexScanStats stats;

  (void) data;

  before = search (index, "da nang", 0);
  g_assert_cmpuint (before->len, >, 0);

  g_assert_cmpint (g_remove (danang), ==, 0);
  stats = scan (index);
  assert_stats (&stats, 4, 0, 4, 1, 0);

  after = search (index, "da nang", 0);
  g_assert_cmpuint (after->len, ==, 0);
  files = list_files (index);
  g_assert_cmpuint (files->len, ==, 4);

  /* Its rows in the questions are gone too: VND was only the Đà Nẵng project's. */
  budget = ask (index, ML_INDEX_QUESTION_BUDGET, "2026-11-28", 0);
  for (guint i = 0; i < budget->len; i++)
    g_assert_cmpstr (ml_index_row_get (budget->pdata[i], "currency"), !=, "VND");
}

static void
test_failed_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MlIndex) index = open_index (fixture);
  g_autofree char *broken = workspace_file (fixture, "sub/broken.mlab");
  g_autofree char *huge = workspace_file (fixture, "huge.mlab");
  g_autofree char *repaired = g_build_filename (g_getenv ("MISSIONLAB_SAMPLES"),
                                                "csiro-drought.mlab", NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  MlIndexScanStats stats;
  int fd;

  (void) data;

  write_file (broken, "<project xmlns=\"https://example.org/ns/missionlab\"><title>Cut");
  /* Over the 64 MB the loader accepts; sparse, so it costs no disk. */
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 65 * 1024 * 1024), ==, 0);
  g_assert_true (g_close (fd, NULL));

  stats = scan (index);
  assert_stats (&stats, 7, 5, 0, 0, 2);

  files = list_files (index);
  g_assert_cmpuint (files->len, ==, 7);
  for (guint i = 0; i < files->len; i++)
    {
      const MlIndexFile *file = g_ptr_array_index (files, i);

      if (g_str_equal (file->path, "sub/broken.mlab") || g_str_equal (file->path, "huge.mlab"))
        {
          g_test_message ("%s: %s", file->path, file->error);
          g_assert_null (file->title);
          g_assert_nonnull (file->error);
          /* The loader's first error with its line, not a count of problems. */
          if (g_str_equal (file->path, "sub/broken.mlab"))
            g_assert_true (g_str_has_prefix (file->error,
                                             "1: error: The file is not well-formed XML: "
                                             "Premature end of data in tag title"));
          else
            g_assert_true (g_str_has_prefix (file->error, "error: ") &&
                           strstr (file->error, "larger than 64 MB") != NULL);
        }
      else
        {
          g_assert_nonnull (file->title);
          g_assert_null (file->error);
        }
    }

  /* Unchanged failures are not read again, and keep their errors. */
  stats = scan (index);
  assert_stats (&stats, 7, 0, 7, 0, 0);

  /* A repaired file is indexed. */
  copy_file (repaired, broken);
  stats = scan (index);
  assert_stats (&stats, 7, 1, 6, 0, 0);
}

/* Garbage over the database file: detected and rebuilt from the files, with the same result. */
static void
test_corrupt_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *garbage = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  MlIndexScanStats stats;

  (void) data;

  {
    g_autoptr(MlIndex) index = open_index (fixture);

    scan (index);
    before = ml_test_describe_index (index);
  }

  g_file_get_contents (fixture->database, &garbage, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096);
  for (gsize i = 0; i < length; i++)
    garbage[i] = (char) (g_test_rand_int () & 0xff);
  g_file_set_contents (fixture->database, garbage, (gssize) length, &error);
  g_assert_no_error (error);

  {
    g_autoptr(MlIndex) index = open_index (fixture);

    stats = scan (index);
    g_assert_true (stats.rebuilt);
    assert_stats (&stats, 5, 5, 0, 0, 0);
    after = ml_test_describe_index (index);

    /* Reported once. */
    stats = scan (index);
    g_assert_false (stats.rebuilt);
  }

  g_assert_cmpstr (after, ==, before);
}

/* Overwrites every page of a database but the first, in place: the header and the schema stay
 * valid, every table is damaged. */
static void
damage_pages (const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  int fd;

  g_file_get_contents (database, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8 * 4096);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i * 7 + 3);

  fd = g_open (database, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, contents, length, 0), ==, (gssize) length);
  g_assert_true (g_close (fd, NULL));
}

/* A database half overwritten: the header intact, pages damaged; quick_check finds it. */
static void
test_damaged_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  MlIndexScanStats stats;

  (void) data;

  {
    g_autoptr(MlIndex) index = open_index (fixture);

    scan (index);
  }

  damage_pages (fixture->database);

  {
    g_autoptr(MlIndex) index = open_index (fixture);
    g_autoptr(GPtrArray) hits = NULL;

    stats = scan (index);
    g_assert_true (stats.rebuilt);
    assert_stats (&stats, 5, 5, 0, 0, 0);
    hits = search (index, "da nang", 0);
    g_assert_cmpuint (hits->len, >, 0);
  }
}

/* Damage found while the index is open, after its check on opening passed: the scan rebuilds it
 * and starts again.
 */
static void
test_damaged_while_open (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  sqlite3 *db = NULL;
  MlIndexScanStats stats;

  (void) data;

  /* Everything into the database file itself, out of the write-ahead log. */
  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  damage_pages (fixture->database);

  stats = scan (fixture->index);
  g_assert_true (stats.rebuilt);
  assert_stats (&stats, 5, 5, 0, 0, 0);
  hits = search (fixture->index, "da nang", 0);
  g_assert_cmpuint (hits->len, >, 0);
}

static void
make_database (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
assert_rebuilt (Fixture *fixture)
{
  g_autoptr(MlIndex) index = open_index (fixture);
  MlIndexScanStats stats = scan (index);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (stats.rebuilt);
  assert_stats (&stats, 5, 5, 0, 0, 0);
  hits = search (index, "csiro", 0);
  g_assert_cmpuint (hits->len, >, 0);
}

/* Another application's database, and one of ours from a newer schema: neither is trusted. */
static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  (void) data;

  make_database (fixture->database,
                 "PRAGMA application_id = 1234;"
                 "CREATE TABLE files (name TEXT);"
                 "INSERT INTO files VALUES ('not ours');");
  assert_rebuilt (fixture);

  g_assert_cmpint (g_remove (fixture->database), ==, 0);
  make_database (fixture->database, "CREATE TABLE notes (text TEXT);");
  assert_rebuilt (fixture);

  g_assert_cmpint (g_remove (fixture->database), ==, 0);
  make_database (fixture->database,
                 "PRAGMA application_id = 1296845144;" /* 'MLIX', ours */
                 "PRAGMA user_version = 999;"
                 "CREATE TABLE future (x);");
  assert_rebuilt (fixture);

  /* Ours, of the current version: kept. */
  {
    g_autoptr(MlIndex) index = open_index (fixture);
    MlIndexScanStats stats = scan (index);

    g_assert_false (stats.rebuilt);
    assert_stats (&stats, 5, 0, 5, 0, 0);
  }
}

typedef struct
{
  Fixture          *fixture;
  MlIndexScanStats  stats[3];
  GError           *error;
} Indexer;

static gpointer
run_indexer (gpointer data)
{
  Indexer *indexer = data;
  g_autoptr(MlIndex) index = ml_index_open (indexer->fixture->workspace,
                                            indexer->fixture->database, &indexer->error);

  if (index == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (indexer->stats); i++)
    if (!ml_index_scan (index, &indexer->stats[i], NULL, &indexer->error))
      return NULL;

  return NULL;
}

/* Two indexers on one new database at once, each with its own connection, as two processes
 * would be: the second waits for the first's transactions instead of failing.
 */
static void
test_concurrent_indexers (Fixture       *fixture,
                          gconstpointer  data)
{
  Indexer indexers[2] = { { fixture, { { 0 } }, NULL }, { fixture, { { 0 } }, NULL } };
  GThread *threads[2];
  g_autofree char *expected = NULL;
  g_autofree char *result = NULL;

  (void) data;

  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("indexer", run_indexer, &indexers[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_no_error (indexers[i].error);
      for (guint s = 0; s < G_N_ELEMENTS (indexers[i].stats); s++)
        g_assert_cmpuint (indexers[i].stats[s].n_files, ==, 5);
      /* The last scan of each comes after both first ones: nothing left to do. */
      assert_stats (&indexers[i].stats[2], 5, 0, 5, 0, 0);
    }

  {
    g_autoptr(MlIndex) index = open_index (fixture);
    MlIndexScanStats stats = scan (index);

    assert_stats (&stats, 5, 0, 5, 0, 0);
    result = ml_test_describe_index (index);
  }

  /* The same as one indexer alone makes. */
  g_assert_cmpint (g_remove (fixture->database), ==, 0);
  {
    g_autoptr(MlIndex) index = open_index (fixture);

    scan (index);
    expected = ml_test_describe_index (index);
  }
  g_assert_cmpstr (result, ==, expected);
}

static void
test_search_diacritics (Fixture       *fixture,
                        gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) folded = NULL;
  g_autoptr(GPtrArray) orsted = NULL;
  const MlIndexHit *project, *mission;

  (void) data;

  hits = search (index, "da nang", 0);
  g_assert_cmpuint (hits->len, >, 5);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (((MlIndexHit *) hits->pdata[i])->path, ==, "undp-danang-circular.mlab");

  project = find_hit (hits, "undp-danang-circular.mlab", NULL);
  g_assert_nonnull (project);
  g_assert_cmpstr (project->kind, ==, "project");
  g_assert_cmpstr (project->project_title, ==,
                   "Circular Đà Nẵng: plastics and solid waste (UNDP Viet Nam Deep "
                   "Demonstration)");
  g_assert_cmpstr (project->label, ==, project->project_title);

  mission = find_hit (hits, "undp-danang-circular.mlab", "m-plastic");
  g_assert_nonnull (mission);
  g_assert_cmpstr (mission->kind, ==, "mission");
  g_assert_cmpstr (mission->label, ==, "Plastic-smart Đà Nẵng");
  /* The snippet is the text as written, the statement here, with the matches marked. */
  g_assert_cmpstr (mission->snippet, ==,
                   "By 2030 [Đà] [Nẵng] halves the plastic waste it sends to landfill and to the "
                   "sea, with waste sorted at source in every household.");

  /* Accents in the query do not matter either. */
  folded = search (index, "ĐÀ NẴNG", 0);
  g_assert_cmpuint (folded->len, ==, hits->len);

  /* ø is folded as ml_text_fold() folds it, which unicode61 alone would not do. */
  orsted = search (index, "orsted", 0);
  g_assert_cmpuint (orsted->len, ==, 1);
  g_assert_cmpstr (((MlIndexHit *) orsted->pdata[0])->label, ==, "Ørsted");
  g_assert_cmpstr (((MlIndexHit *) orsted->pdata[0])->kind, ==, "stakeholder");
}

/* `innovations*`: the samples name the fund in English, so the workspace gets a copy of the IFD
 * sample with its Danish name as well.
 */
static void
test_search_prefix (Fixture       *fixture,
                    gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autofree char *ifd = workspace_file (fixture, "ifd-green-missions.mlab");
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) whole_word = NULL;
  g_autoptr(GPtrArray) prefix = NULL;
  const MlIndexHit *fund;

  (void) data;

  english = search (index, "innovation*", 0);
  g_assert_nonnull (find_hit (english, "ifd-green-missions.mlab", NULL));
  g_assert_nonnull (find_hit (english, "ifd-green-missions.mlab", "s-ifd"));
  before = search (index, "innovations*", 0);
  g_assert_null (find_hit (before, "ifd-green-missions.mlab", "s-ifd"));

  replace_in_file (ifd, "<name>Innovation Fund Denmark</name>",
                   "<name>Innovationsfonden (Innovation Fund Denmark)</name>");
  scan (index);

  whole_word = search (index, "innovations", 0);
  g_assert_null (find_hit (whole_word, "ifd-green-missions.mlab", "s-ifd"));

  prefix = search (index, "innovations*", 0);
  fund = find_hit (prefix, "ifd-green-missions.mlab", "s-ifd");
  g_assert_nonnull (fund);
  g_assert_cmpstr (fund->kind, ==, "stakeholder");
  g_assert_cmpstr (fund->snippet, ==, "[Innovationsfonden] (Innovation Fund Denmark)");
  g_assert_cmpstr (fund->project_title, ==, "Innovation Fund Denmark: green research missions");
}

static void
test_search_phrase (Fixture       *fixture,
                    gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autofree char *extra = workspace_file (fixture, "phrases.mlab");
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GPtrArray) phrase = NULL;
  g_autoptr(GPtrArray) unclosed = NULL;

  (void) data;

  write_file (extra,
              "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.1\" "
              "id=\"p\" currency=\"EUR\"><title>Phrases</title>"
              "<stakeholders>"
              "<stakeholder id=\"s1\" type=\"agency\" level=\"national\"><name>Zebra crossing office</name>"
              "</stakeholder>"
              "<stakeholder id=\"s2\" type=\"agency\" level=\"national\"><name>Crossing the zebra office</name>"
              "</stakeholder>"
              "</stakeholders></project>");
  scan (index);

  words = search (index, "zebra crossing", 0);
  g_assert_cmpuint (words->len, ==, 2);
  phrase = search (index, "\"zebra crossing\"", 0);
  g_assert_cmpuint (phrase->len, ==, 1);
  g_assert_cmpstr (((MlIndexHit *) phrase->pdata[0])->element_id, ==, "s1");
  g_assert_cmpstr (((MlIndexHit *) phrase->pdata[0])->snippet, ==,
                   "[Zebra] [crossing] office");

  /* As typed, before the closing quote. */
  unclosed = search (index, "\"crossing the zeb*", 0);
  g_assert_cmpuint (unclosed->len, ==, 1);
  g_assert_cmpstr (((MlIndexHit *) unclosed->pdata[0])->element_id, ==, "s2");
}

static void
test_search_rank_and_limit (Fixture       *fixture,
                            gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) three = NULL;
  g_autoptr(GPtrArray) hydrogen = NULL;

  (void) data;

  all = search (index, "circular", 0);
  g_assert_cmpuint (all->len, >, 10);
  three = search (index, "circular", 3);
  g_assert_cmpuint (three->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const MlIndexHit *a = g_ptr_array_index (all, i);
      const MlIndexHit *b = g_ptr_array_index (three, i);

      g_assert_cmpstr (a->path, ==, b->path);
      g_assert_cmpstr (a->element_id, ==, b->element_id);
    }

  /* A match in the name ranks above one in the text only. */
  hydrogen = search (index, "hydrogen", 0);
  g_assert_cmpuint (hydrogen->len, >, 3);
  g_assert_nonnull (strstr (((MlIndexHit *) hydrogen->pdata[0])->label, "ydrogen"));
  g_assert_cmpfloat (((MlIndexHit *) hydrogen->pdata[0])->rank, <,
                     ((MlIndexHit *) hydrogen->pdata[hydrogen->len - 1])->rank);
}

static void
test_search_bad_queries (Fixture       *fixture,
                         gconstpointer  data)
{
  MlIndex *index = fixture->index;
  const char *unusable[] = { "", "   ", "*", "\"\"", "\" \"*", "-- ; ()", "\xff\xfe" };
  const char *operators[] = { "title:csiro", "csiro OR", "NOT csiro", "NEAR(csiro mission)",
                              "csiro AND", "^csiro", "csiro\"; DROP TABLE files; --",
                              "{label body}: csiro" };

  (void) data;

  for (guint i = 0; i < G_N_ELEMENTS (unusable); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = ml_index_search (index, unusable[i], 10, &error);

      g_assert_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_QUERY);
      g_assert_null (hits);
    }

  /* FTS5 syntax in a search is text to look for, never an operator. */
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      g_autoptr(GPtrArray) hits = search (index, operators[i], 10);

      g_test_message ("%s: %u hits", operators[i], hits->len);
    }

  {
    g_autoptr(GPtrArray) hits = search (index, "NOT csiro", 0);

    g_assert_cmpuint (hits->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) files = list_files (index);

    g_assert_cmpuint (files->len, ==, 5);
  }
}

/* CSIRO is a stakeholder of both CSIRO samples and of no other: grep '<name>' in the samples
 * shows no other name twice. A sixth project spells two names of other samples differently.
 */
static void
test_question_stakeholders (Fixture       *fixture,
                            gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autofree char *extra = workspace_file (fixture, "zz-extra.mlab");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) more = NULL;
  g_autofree char *names = NULL;
  g_autofree char *counts = NULL;
  const MlIndexRow *row;

  (void) data;

  rows = ask (index, ML_INDEX_QUESTION_STAKEHOLDERS, "2026-11-28", 0);
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_cmpstr (ml_index_row_get (row, "name"), ==, "CSIRO");
  g_assert_cmpstr (ml_index_row_get (row, "count"), ==, "2");
  g_assert_cmpstr (ml_index_row_get (row, "projects"), ==,
                   "CSIRO Drought Resilience Mission; CSIRO Hydrogen Industry Mission");
  g_assert_cmpstr (ml_index_row_get (row, "paths"), ==,
                   "sub/csiro-drought.mlab; sub/csiro-hydrogen.mlab");
  g_assert_null (ml_index_row_get (row, "no such key"));

  /* "ØRSTED" is IFD's "Ørsted"; "innovation fund, denmark" its "Innovation Fund Denmark";
   * "C.S.I.R.O." is not "CSIRO" (the dots become spaces: "c s i r o").
   */
  write_file (extra,
              "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.1\" "
              "id=\"x\" currency=\"EUR\"><title>Extra</title><stakeholders>"
              "<stakeholder id=\"s1\" type=\"industry\" level=\"national\"><name>ØRSTED</name></stakeholder>"
              "<stakeholder id=\"s2\" type=\"funder\" level=\"national\"><name>innovation  fund,  denmark</name>"
              "</stakeholder>"
              "<stakeholder id=\"s3\" type=\"research\" level=\"national\"><name>C.S.I.R.O.</name></stakeholder>"
              "<stakeholder id=\"s4\" type=\"industry\" level=\"national\"><name>Ørsted</name></stakeholder>"
              "</stakeholders></project>");
  scan (index);
  more = ask (index, ML_INDEX_QUESTION_STAKEHOLDERS, "2026-11-28", 0);
  names = join_column (more, "name");
  counts = join_column (more, "count");
  g_assert_cmpstr (names, ==, "CSIRO,Innovation Fund Denmark,Ørsted");
  g_assert_cmpstr (counts, ==, "2,2,2");
  g_assert_cmpstr (ml_index_row_get (more->pdata[2], "paths"), ==,
                   "ifd-green-missions.mlab; zz-extra.mlab");
}

/* Sums of the instruments' budgets per currency and side, from the samples; an instrument
 * without a side takes its STIP type's usual side (ml_instrument_get_side()).
 */
static const struct
{
  const char *currency;
  const char *side;
  double      amount;
} expected_budgets[] = {
  /* CSIRO drought + hydrogen. supply: PI006 45M + PI008 30M + PI012 500M + PI007 68M
   * + PI008 100M + PI022 15M = 758M */
  { "AUD", "supply", 758e6 },
  /* PI010 6M + PI020 2M + PI029 2000M + PI010 20M + PI028 2.5M = 2030.5M */
  { "AUD", "demand", 2030.5e6 },
  /* PI032 8M + PI027 3M + PI027 38M + PI032 5M = 54M */
  { "AUD", "regulatory", 54e6 },
  /* PI009 160M + PI017 40M + PI023 25M + PI024 20M + PI021 3M + PI031 1.5M = 249.5M */
  { "AUD", "systemic", 249.5e6 },
  /* IFD. supply: PI007 190M + 160M + 170M + 170M = 690M */
  { "DKK", "supply", 690e6 },
  /* PI010 1250M + PI029 8000M + PI028 12M = 9262M */
  { "DKK", "demand", 9262e6 },
  /* PI032 15M + PI032 20M + PI027 5M = 40M */
  { "DKK", "regulatory", 40e6 },
  /* PI025 10M + PI031 6M = 16M */
  { "DKK", "systemic", 16e6 },
  /* EUR from two projects, never converted: IFD's PI008 4M + Norway's PI007 20M = 24M */
  { "EUR", "supply", 24e6 },
  /* Norway's PI021 1.5M */
  { "EUR", "systemic", 1.5e6 },
  /* Norway. supply: PI008 300M + 250M + PI012 150M + PI015 40M = 740M */
  { "NOK", "supply", 740e6 },
  /* PI008 500M (Enova, side demand) + PI010 1200M + 900M = 2600M */
  { "NOK", "demand", 2600e6 },
  /* PI032 15M + 6M = 21M */
  { "NOK", "regulatory", 21e6 },
  /* PI031 25M + PI026 3M + PI030 40M = 68M */
  { "NOK", "systemic", 68e6 },
  /* Đà Nẵng. supply: PI008 400k */
  { "USD", "supply", 400e3 },
  /* PI027 60k (no side; PI027's usual side is demand) */
  { "USD", "demand", 60e3 },
  /* PI021 850k + PI026 150k + PI031 300k + PI025 120k = 1420k */
  { "USD", "systemic", 1420e3 },
  /* PI014 6000M + PI012 50000M = 56000M */
  { "VND", "supply", 56000e6 },
  /* PI010 12000M + PI028 3500M = 15500M */
  { "VND", "demand", 15500e6 },
  /* PI032 1500M + PI032 20000M = 21500M */
  { "VND", "regulatory", 21500e6 },
  /* PI023 2500M */
  { "VND", "systemic", 2500e6 },
};

static void
test_question_budget (Fixture       *fixture,
                      gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean found_pi007 = FALSE;

  (void) data;

  rows = ask (index, ML_INDEX_QUESTION_BUDGET, "2026-11-28", 0);

  for (guint i = 0; i < rows->len; i++)
    {
      const MlIndexRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = g_strdup_printf ("%s/%s", ml_index_row_get (row, "currency"),
                                              ml_index_row_get (row, "side"));
      double *sum = g_hash_table_lookup (sums, key);

      if (sum == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (sums, g_strdup (key), sum);
        }
      *sum += g_ascii_strtod (ml_index_row_get (row, "amount"), NULL);

      if (g_str_equal (ml_index_row_get (row, "currency"), "DKK") &&
          g_str_equal (ml_index_row_get (row, "type"), "PI007"))
        {
          /* The four mission grants of IFD. */
          g_assert_cmpstr (ml_index_row_get (row, "side"), ==, "supply");
          g_assert_cmpstr (ml_index_row_get (row, "amount"), ==, "690000000");
          g_assert_cmpstr (ml_index_row_get (row, "count"), ==, "4");
          g_assert_cmpstr (ml_index_row_get (row, "type_name"), ==,
                           "Project grants for public research");
          found_pi007 = TRUE;
        }
    }
  g_assert_true (found_pi007);

  g_assert_cmpuint (g_hash_table_size (sums), ==, G_N_ELEMENTS (expected_budgets));
  for (guint i = 0; i < G_N_ELEMENTS (expected_budgets); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s/%s", expected_budgets[i].currency,
                                              expected_budgets[i].side);
      double *sum = g_hash_table_lookup (sums, key);

      g_assert_nonnull (sum);
      g_assert_cmpfloat_with_epsilon (*sum, expected_budgets[i].amount, 1e-3);
    }
}

/* Pending decision points of the samples after 2026-11: dp-ccus-pilot (IFD), dp-h2-stack and
 * dp-mandate on 2026-12-15, dp-hub-finance on 2027-03-31, dp-eu-align and dp-dr-midterm on
 * 2027-06-30. dp-platform on 2026-06-30 is decided (continue).
 */
static void
test_question_upcoming (Fixture       *fixture,
                        gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autoptr(GPtrArray) december = NULL;
  g_autoptr(GPtrArray) march = NULL;
  g_autoptr(GPtrArray) decided = NULL;
  g_autoptr(GPtrArray) year = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *paths = NULL;

  (void) data;

  december = ask (index, ML_INDEX_QUESTION_UPCOMING, "2026-12-01", 30);
  ids = join_column (december, "id");
  paths = join_column (december, "path");
  g_assert_cmpstr (ids, ==, "dp-ccus-pilot,dp-h2-stack,dp-mandate");
  g_assert_cmpstr (paths, ==,
                   "ifd-green-missions.mlab,sub/csiro-hydrogen.mlab,undp-danang-circular.mlab");
  g_assert_cmpstr (ml_index_row_get (december->pdata[0], "date"), ==, "2026-12-15");
  g_assert_cmpstr (ml_index_row_get (december->pdata[0], "name"), ==, "Capture pilot go/no-go");
  g_assert_cmpstr (ml_index_row_get (december->pdata[0], "project"), ==,
                   "Innovation Fund Denmark: green research missions");

  /* Both ends included: 2027-03-01 + 30 days is 2027-03-31. */
  march = ask (index, ML_INDEX_QUESTION_UPCOMING, "2027-03-01", 30);
  g_assert_cmpuint (march->len, ==, 1);
  g_assert_cmpstr (ml_index_row_get (march->pdata[0], "id"), ==, "dp-hub-finance");

  decided = ask (index, ML_INDEX_QUESTION_UPCOMING, "2026-06-30", 0);
  g_assert_cmpuint (decided->len, ==, 0);

  year = ask (index, ML_INDEX_QUESTION_UPCOMING, "2026-11-28", 365);
  dates = join_column (year, "date");
  g_assert_cmpstr (dates, ==,
                   "2026-12-15,2026-12-15,2026-12-15,2027-03-31,2027-06-30,2027-06-30");
}

/* Share of the expected progress at the latest measurement, (value − baseline) / (expected −
 * baseline), below 0.6 is off track:
 *   i-ccus-pilot: 0 → 50000 from 2022-04-01 to 2027-12-31; 6000 on 2026-06-30, expected
 *     50000 × 1551/2100 days = 36929: 6000 / 36929 = 0.16
 *   i-ccus-cofinancing: 20 → 40; 26 on 2025-12-31, expected 33.05: 6 / 13.05 = 0.46
 *   i-agri-plant-protein: 35 → 45 from 2021-12-31 to 2030-12-31; 37 on 2025-12-31,
 *     expected 39.44: 2 / 4.44 = 0.45
 *   i-h2-cost: 6.5 → 2 by 2025-12-31; 4.3 on 2026-06-30, expected 2: −2.2 / −4.5 = 0.49
 *   i-h2-capex: 2500 → 1000 by 2025-12-31; 1650 then: −850 / −1500 = 0.57
 * The next lowest is i-msme-adopt of Đà Nẵng at 0.65 (at risk). On 2027-07-15 measurements
 * before 2026-01-15 are too old (18 months), leaving the two measured on 2026-06-30.
 */
static void
test_question_off_track (Fixture       *fixture,
                         gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *later_ids = NULL;
  const MlIndexRow *cost;

  (void) data;

  now = ask (index, ML_INDEX_QUESTION_OFF_TRACK, "2026-11-28", 0);
  ids = join_column (now, "id");
  g_assert_cmpstr (ids, ==,
                   "i-ccus-pilot,i-ccus-cofinancing,i-agri-plant-protein,i-h2-cost,i-h2-capex");

  cost = now->pdata[3];
  g_assert_cmpstr (ml_index_row_get (cost, "path"), ==, "sub/csiro-hydrogen.mlab");
  g_assert_cmpstr (ml_index_row_get (cost, "name"), ==,
                   "Levelised cost of clean hydrogen production");
  g_assert_cmpstr (ml_index_row_get (cost, "status"), ==, "off-track");
  g_assert_cmpstr (ml_index_row_get (cost, "value"), ==, "4.3");
  g_assert_cmpstr (ml_index_row_get (cost, "date"), ==, "2026-06-30");
  g_assert_cmpstr (ml_index_row_get (cost, "target"), ==, "2");
  g_assert_cmpstr (ml_index_row_get (cost, "target_date"), ==, "2025-12-31");
  g_assert_cmpstr (ml_index_row_get (cost, "unit"), ==, "AUD/kg");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (ml_index_row_get (cost, "share"), NULL),
                                  2.2 / 4.5, 1e-9);

  later = ask (index, ML_INDEX_QUESTION_OFF_TRACK, "2027-07-15", 0);
  later_ids = join_column (later, "id");
  g_assert_cmpstr (later_ids, ==, "i-ccus-pilot,i-h2-cost");
}

/* Activities with the status at-risk in the samples: a-dk-impact, a-ccus-pilot (IFD);
 * a-legal-harmonise (Norway); a-dr-satellite, a-dr-wellbeing (drought); a-h2-stack-pilot,
 * a-h2-community (hydrogen); a-dashboard, a-mrf-study, a-dept-plans (Đà Nẵng). On 2026-11-28
 * nothing else is past its end without being done or stopped (a-h2-social-survey ended
 * 2026-10-31 but is done). On 2027-01-10 four active ones ended on 2026-12-31 are overdue too:
 * a-agri-soils, a-h2-green-iron, a-national-dialogue, a-citywide.
 */
static void
test_question_at_risk (Fixture       *fixture,
                       gconstpointer  data)
{
  MlIndex *index = fixture->index;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  g_autofree char *ids = NULL;
  g_autofree char *reasons = NULL;

  (void) data;

  now = ask (index, ML_INDEX_QUESTION_AT_RISK, "2026-11-28", 0);
  ids = join_column (now, "id");
  reasons = join_column (now, "reason");
  g_assert_cmpstr (ids, ==,
                   "a-ccus-pilot,a-dk-impact,a-legal-harmonise,a-dr-satellite,a-dr-wellbeing,"
                   "a-h2-stack-pilot,a-h2-community,a-dashboard,a-mrf-study,a-dept-plans");
  g_assert_cmpstr (reasons, ==,
                   "at-risk,at-risk,at-risk,at-risk,at-risk,at-risk,at-risk,at-risk,at-risk,"
                   "at-risk");
  g_assert_cmpstr (ml_index_row_get (now->pdata[3], "end"), ==, "2026-12-31");
  g_assert_cmpstr (ml_index_row_get (now->pdata[3], "status"), ==, "at-risk");
  g_assert_cmpstr (ml_index_row_get (now->pdata[3], "name"), ==, "Satellite soil-moisture product");

  later = ask (index, ML_INDEX_QUESTION_AT_RISK, "2027-01-10", 0);
  g_assert_cmpuint (later->len, ==, 14);
  for (guint i = 0; i < later->len; i++)
    if (g_str_equal (ml_index_row_get (later->pdata[i], "reason"), "overdue"))
      {
        g_assert_cmpstr (ml_index_row_get (later->pdata[i], "status"), ==, "active");
        g_ptr_array_add (overdue, (gpointer) ml_index_row_get (later->pdata[i], "id"));
      }
  g_ptr_array_add (overdue, NULL);
  {
    g_autofree char *joined = g_strjoinv (",", (char **) overdue->pdata);

    g_assert_cmpstr (joined, ==, "a-agri-soils,a-h2-green-iron,a-citywide,a-national-dialogue");
  }
}

static void
test_bad_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autoptr(GError) path_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bad-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "project.mlab", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *database = g_build_filename (dir, "index.sqlite", NULL);
  MlIndex *index;

  write_file (file, "not a folder");

  index = ml_index_open (file, database, &error);
  g_assert_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_WORKSPACE);
  g_assert_null (index);
  g_assert_nonnull (strstr (error->message, "project.mlab"));

  index = ml_index_open (missing, database, &missing_error);
  g_assert_error (missing_error, ML_INDEX_ERROR, ML_INDEX_ERROR_WORKSPACE);
  g_assert_null (index);

  g_assert_null (ml_index_default_path (file, &path_error));
  g_assert_error (path_error, ML_INDEX_ERROR, ML_INDEX_ERROR_WORKSPACE);
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_unwritable_database (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *db_dir = g_path_get_dirname (fixture->database);
  g_autofree char *readonly = g_build_filename (db_dir, "readonly", NULL);
  g_autofree char *inside = g_build_filename (readonly, "index.sqlite", NULL);
  g_autofree char *blocker = g_build_filename (db_dir, "file", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "index.sqlite", NULL);

  (void) data;

  /* A folder in the way of the database's folder. */
  write_file (blocker, "");
  {
    g_autoptr(GError) error = NULL;
    MlIndex *index = ml_index_open (fixture->workspace, under_file, &error);

    g_assert_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_OPEN);
    g_assert_null (index);
    g_test_message ("%s", error->message);
  }

  g_assert_cmpint (g_mkdir (readonly, 0500), ==, 0);
  if (access (readonly, W_OK) == 0)
    {
      g_test_message ("A read-only folder is writable for this user (root): not tested");
      return;
    }
  {
    g_autoptr(GError) error = NULL;
    MlIndex *index = ml_index_open (fixture->workspace, inside, &error);

    g_assert_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_OPEN);
    g_assert_null (index);
    g_assert_nonnull (strstr (error->message, "index.sqlite"));
    g_test_message ("%s", error->message);
  }
}

/* The default database is in the cache folder (a temporary one here, through
 * G_TEST_OPTION_ISOLATE_DIRS), named by the workspace's real path, whatever path leads there.
 */
static void
test_default_path (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *via_link = NULL;
  g_autofree char *link = NULL;
  g_autofree char *index_dir = NULL;
  g_autofree char *dir = NULL;

  (void) data;

  path = ml_index_default_path (fixture->workspace, &error);
  g_assert_no_error (error);
  index_dir = g_build_filename (g_get_user_cache_dir (), "missionlab", "index", NULL);
  dir = g_path_get_dirname (path);
  g_assert_cmpstr (dir, ==, index_dir);
  g_assert_true (g_str_has_suffix (path, ".sqlite"));

  link = g_strconcat (fixture->workspace, "-link", NULL);
  g_assert_cmpint (symlink (fixture->workspace, link), ==, 0);
  via_link = ml_index_default_path (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (via_link, ==, path);

  {
    g_autoptr(MlIndex) index = ml_index_open (link, NULL, &error);
    MlIndexScanStats stats;

    g_assert_no_error (error);
    g_assert_true (ml_index_scan (index, &stats, NULL, &error));
    g_assert_no_error (error);
    assert_stats (&stats, 5, 5, 0, 0, 0);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    /* Nothing is written into the workspace. */
    {
      g_autoptr(GDir) listing = g_dir_open (fixture->workspace, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (listing)) != NULL)
        g_assert_true (g_str_has_suffix (name, ".mlab") || g_str_equal (name, "sub"));
    }
  }

  g_remove (link);
  g_remove (path);
}

static void
test_cancelled_scan (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MlIndex) index = open_index (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  MlIndexScanStats stats;

  (void) data;

  g_cancellable_cancel (cancellable);
  g_assert_false (ml_index_scan (index, &stats, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  stats = scan (index);
  assert_stats (&stats, 5, 5, 0, 0, 0);
}

static gpointer
cancel_soon_thread (gpointer data)
{
  g_usleep (2 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (data);

  return NULL;
}

/* Cancelled while a batch of files is stored, whenever that lands: the connection is left out
 * of any transaction, the files of the unfinished batch are read again by the next scan, and
 * the index ends as a clean one. */
static void
test_cancelled_mid_scan (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *clean = NULL;
  g_autofree char *after = NULL;

  (void) data;

  {
    g_autoptr(MlIndex) index = open_index (fixture);

    scan (index);
    clean = ml_test_describe_index (index);
  }
  g_assert_cmpint (g_remove (fixture->database), ==, 0);

  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(MlIndex) index = NULL;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GThread) thread = NULL;
      MlIndexScanStats stats;

      remove_tree (fixture->database);
      index = open_index (fixture);
      thread = g_thread_new ("cancel", cancel_soon_thread, cancellable);
      if (!ml_index_scan (index, &stats, cancellable, &error))
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_test_message ("run %u: %s", run, error != NULL ? "cancelled" : "finished");
      g_thread_join (g_steal_pointer (&thread));

      stats = scan (index);
      g_assert_cmpuint (stats.n_files, ==, 5);
      g_assert_cmpuint (stats.n_indexed + stats.n_unchanged, ==, 5);
      after = ml_test_describe_index (index);
      g_assert_cmpstr (after, ==, clean);
      g_clear_pointer (&after, g_free);
    }
}

static void
test_question_parse (void)
{
  const char *names[] = { "stakeholders", "budget", "upcoming", "off-track", "at-risk" };
  MlIndexQuestion question;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (ml_index_question_parse (names[i], &question));
      g_assert_cmpint (question, ==, (MlIndexQuestion) i);
    }
  g_assert_false (ml_index_question_parse ("budgets", &question));
  g_assert_false (ml_index_question_parse ("", &question));
  g_assert_false (ml_index_question_parse (NULL, &question));
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_SCANNED_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up_scanned, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD_TEST ("/index/scan/samples", test_scan_samples);
  ADD_SCANNED_TEST ("/index/scan/unchanged", test_rescan_unchanged);
  ADD_SCANNED_TEST ("/index/scan/changed", test_rescan_changed);
  ADD_SCANNED_TEST ("/index/scan/removed", test_rescan_removed);
  ADD_TEST ("/index/scan/failed", test_failed_files);
  ADD_TEST ("/index/scan/cancelled", test_cancelled_scan);
  ADD_TEST ("/index/scan/cancelled-mid-scan", test_cancelled_mid_scan);
  ADD_TEST ("/index/scan/concurrent", test_concurrent_indexers);
  ADD_TEST ("/index/database/corrupt", test_corrupt_database);
  ADD_TEST ("/index/database/damaged-pages", test_damaged_pages);
  ADD_SCANNED_TEST ("/index/database/damaged-while-open", test_damaged_while_open);
  ADD_TEST ("/index/database/foreign", test_foreign_database);
  ADD_TEST ("/index/database/unwritable", test_unwritable_database);
  ADD_TEST ("/index/database/default-path", test_default_path);
  g_test_add_func ("/index/workspace/not-a-folder", test_bad_workspace);
  ADD_SCANNED_TEST ("/index/search/diacritics", test_search_diacritics);
  ADD_SCANNED_TEST ("/index/search/prefix", test_search_prefix);
  ADD_SCANNED_TEST ("/index/search/phrase", test_search_phrase);
  ADD_SCANNED_TEST ("/index/search/rank-and-limit", test_search_rank_and_limit);
  ADD_SCANNED_TEST ("/index/search/bad-queries", test_search_bad_queries);
  ADD_SCANNED_TEST ("/index/question/stakeholders", test_question_stakeholders);
  ADD_SCANNED_TEST ("/index/question/budget", test_question_budget);
  ADD_SCANNED_TEST ("/index/question/upcoming", test_question_upcoming);
  ADD_SCANNED_TEST ("/index/question/off-track", test_question_off_track);
  ADD_SCANNED_TEST ("/index/question/at-risk", test_question_at_risk);
  g_test_add_func ("/index/question/parse", test_question_parse);

  return g_test_run ();
}
