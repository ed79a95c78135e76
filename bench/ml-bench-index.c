/* ml-bench-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace index over many small generated projects, a hundred a folder:
 * against parsing the same files with libxml2 alone, a cold index into a fresh database, a
 * rescan with nothing changed, and the latency of 200 searches (words with and without their
 * accents, prefixes, phrases, two words) with LIMIT 50. Everything lives in a temporary
 * folder, the database too: nothing is written to the user's cache.
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>

#include "ml-bench-generate.h"
#include "ml-bench-index.h"
#include "ml-bench-util.h"
#include "ml-index.h"
#include "ml-project-io.h"

#define PER_FOLDER       100
#define N_RUNS           3
#define N_QUERIES        200
#define SEARCH_LIMIT     50

/* The targets of the index issue. */
#define TARGET_COLD_PER_PARSE 8.0
#define TARGET_UNCHANGED_MS   10.0
#define TARGET_SEARCH_P99_MS  5.0

/* Small projects such as an agency keeps by the hundred. */
static const MlBenchSize project_size = {
  .n_activities = 20,
  .n_stakeholders = 15,
  .n_relations = 20,
  .n_instruments = 10,
  .n_missions = 1,
  .n_indicators = 5,
};

/* Words of the texts the index holds (names, statements, descriptions, journal notes), some
 * typed without their accents, and two that are in no project. */
static const char *const words[] = {
  "hydrogen", "pumps", "plastics", "drought", "resilience", "ferries", "cooling", "carbon",
  "battery", "recycling", "circular", "urban", "programme", "grants", "loans", "review",
  "citizens", "government", "agency", "research", "industry", "session", "discussed",
  "regional", "partners", "budgets", "emissions", "indicator", "objective", "measurable",
  "chloe", "Chloé", "adne", "tran", "Trần", "tromso", "Tromsø", "arhus", "krakow", "Kraków",
  "geneve", "quebec", "reykjavik", "brisbane", "gladstone", "xylophone", "quasar",
};

/* What activities are named after: VERB TOPIC in PLACE. */
static const char *const verbs[] = {
  "pilot", "scale", "evaluate", "co-design", "procure", "demonstrate", "map", "regulate",
};

static const char *const places[] = {
  "da nang", "Đà Nẵng", "tromso", "arhus", "Québec", "krakow", "sao paulo", "brisbane",
  "geneve", "reykjavik", "gladstone",
};

static const char *const phrases[] = {
  "green hydrogen", "heat pumps", "circular plastics", "drought resilience",
  "zero-emission ferries", "urban cooling", "soil carbon", "battery recycling", "da nang",
  "Đà Nẵng", "sao paulo", "scale up", "regional agency", "next steps", "fast-track review",
  "cuts emissions",
};

typedef struct
{
  char      *dir;        /* the temporary folder of everything below */
  char      *workspace;
  char      *database;
  GPtrArray *paths;      /* of the project files */
  guint64    bytes;
} Workspace;

static void
generate_workspace (Workspace *ws,
                    guint      n_projects)
{
  g_autoptr(GError) error = NULL;

  ws->dir = g_dir_make_tmp ("missionlab-bench-index-XXXXXX", &error);
  if (ws->dir == NULL)
    g_error ("%s", error->message);
  ws->workspace = g_build_filename (ws->dir, "workspace", NULL);
  ws->database = g_build_filename (ws->dir, "index.sqlite", NULL);
  ws->paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_projects; i++)
    {
      g_autofree char *folder_name = g_strdup_printf ("folder-%02u", i / PER_FOLDER + 1);
      g_autofree char *folder = g_build_filename (ws->workspace, folder_name, NULL);
      g_autofree char *name = g_strdup_printf ("project-%04u.mlab", i + 1);
      g_autoptr(GBytes) bytes = ml_bench_generate (&project_size, ML_BENCH_SEED + i);
      char *path = g_build_filename (folder, name, NULL);

      g_ptr_array_add (ws->paths, path);
      if (g_mkdir_with_parents (folder, 0700) != 0 ||
          !g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                (gssize) g_bytes_get_size (bytes), &error))
        g_error ("could not write %s: %s", path, error != NULL ? error->message : "mkdir");
      ws->bytes += g_bytes_get_size (bytes);
    }
}

static void
remove_database (Workspace *ws)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal", "-checked" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (ws->database, suffixes[i], NULL);

      g_unlink (path);
    }
}

static void
remove_workspace (Workspace *ws)
{
  for (guint i = 0; i < ws->paths->len; i++)
    g_unlink (g_ptr_array_index (ws->paths, i));
  for (guint i = 0; i < ws->paths->len; i += PER_FOLDER)
    {
      g_autofree char *folder = g_path_get_dirname (g_ptr_array_index (ws->paths, i));

      g_rmdir (folder);
    }
  remove_database (ws);
  g_rmdir (ws->workspace);
  g_rmdir (ws->dir);

  g_ptr_array_unref (ws->paths);
  g_free (ws->database);
  g_free (ws->workspace);
  g_free (ws->dir);
}

static void
parse_file (const char *path)
{
  xmlDoc *doc = xmlReadFile (path, NULL, ML_BENCH_PARSE_OPTIONS);

  if (doc == NULL)
    g_error ("libxml2 could not parse %s", path);
  xmlFreeDoc (doc);
}

static void
load_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = ml_project_load (path, NULL, NULL, &error);

  if (project == NULL)
    g_error ("could not load %s: %s", path, error->message);
}

/* Runs @func on every file of the workspace. */
static double
time_each_file (Workspace *ws,
                void     (*func) (const char *path))
{
  double runs[N_RUNS];

  for (guint r = 0; r < N_RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < ws->paths->len; i++)
        func (g_ptr_array_index (ws->paths, i));
      runs[r] = ml_bench_elapsed_ms (start);
    }

  return ml_bench_median (runs, N_RUNS);
}

static MlIndex *
open_index (Workspace *ws)
{
  g_autoptr(GError) error = NULL;
  MlIndex *index = ml_index_open (ws->workspace, ws->database, &error);

  if (index == NULL)
    g_error ("could not open the index: %s", error->message);

  return index;
}

static void
scan_checked (MlIndex  *index,
              guint     n_projects,
              gboolean  cold)
{
  g_autoptr(GError) error = NULL;
  MlIndexScanStats stats = { 0 };

  if (!ml_index_scan (index, &stats, NULL, &error))
    g_error ("the scan failed: %s", error->message);
  if (stats.n_files != n_projects || stats.n_failed > 0 ||
      stats.n_indexed != (cold ? n_projects : 0))
    g_error ("the scan saw %u files, indexed %u, left %u unchanged, and %u failed",
             stats.n_files, stats.n_indexed, stats.n_unchanged, stats.n_failed);
}

/* Open, scan and close, as a first `missionlab-cli index` pays. */
static double
time_cold (Workspace *ws,
           guint      n_projects)
{
  double runs[N_RUNS];

  for (guint r = 0; r < N_RUNS; r++)
    {
      gint64 start;
      MlIndex *index;

      remove_database (ws);
      start = g_get_monotonic_time ();
      index = open_index (ws);
      scan_checked (index, n_projects, TRUE);
      ml_index_free (index);
      runs[r] = ml_bench_elapsed_ms (start);
    }

  return ml_bench_median (runs, N_RUNS);
}

/* The rescan of an open index, as the Library page does when the folder changes. */
static double
time_rescan (Workspace *ws,
             guint      n_projects)
{
  g_autoptr(MlIndex) index = open_index (ws);
  double runs[N_RUNS];

  for (guint r = 0; r < N_RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      scan_checked (index, n_projects, FALSE);
      runs[r] = ml_bench_elapsed_ms (start);
    }

  return ml_bench_median (runs, N_RUNS);
}

/* Open, rescan and close, as each `missionlab-cli search` does before it searches. */
static double
time_reopen (Workspace *ws,
             guint      n_projects)
{
  double runs[N_RUNS];

  for (guint r = 0; r < N_RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(MlIndex) index = open_index (ws);

      scan_checked (index, n_projects, FALSE);
      g_clear_pointer (&index, ml_index_free);
      runs[r] = ml_bench_elapsed_ms (start);
    }

  return ml_bench_median (runs, N_RUNS);
}

/* N_QUERIES searches from a fixed seed, in turn a word, a prefix of one, a phrase and two
 * words (an activity's verb, or a word, and a place), as people type them. */
static GPtrArray *
make_queries (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (ML_BENCH_SEED);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_QUERIES; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      const char *verb = verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))];
      const char *place = places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))];
      const char *phrase = phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (phrases))];
      glong length = g_utf8_strlen (word, -1);
      char *query;

      switch (i % 4)
        {
        case 0:
          query = g_strdup (word);
          break;
        case 1:
          {
            /* Two letters or more, as a search-as-you-type entry sends them. */
            glong keep = g_rand_int_range (rand, 2, MAX (3, (gint32) length));
            const char *end = g_utf8_offset_to_pointer (word, MIN (keep, length));

            query = g_strdup_printf ("%.*s*", (int) (end - word), word);
          }
          break;
        case 2:
          query = g_strdup_printf ("\"%s\"", phrase);
          break;
        default:
          query = g_strdup_printf ("%s %s", g_rand_boolean (rand) ? verb : word, place);
          break;
        }
      g_ptr_array_add (queries, query);
    }

  return queries;
}

/* Runs every query once to warm the caches up and count the hits, then once more timed. */
static void
time_search (Workspace *ws,
             double    *p50,
             double    *p99,
             double    *slowest,
             guint     *n_empty)
{
  g_autoptr(MlIndex) index = open_index (ws);
  g_autoptr(GPtrArray) queries = make_queries ();
  double latencies[N_QUERIES];

  *n_empty = 0;
  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = ml_index_search (index, g_ptr_array_index (queries, i),
                                                   SEARCH_LIMIT, &error);

      if (hits == NULL)
        g_error ("the search for %s failed: %s", (char *) g_ptr_array_index (queries, i),
                 error->message);
      if (hits->len == 0)
        (*n_empty)++;
    }

  for (guint i = 0; i < queries->len; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) hits = ml_index_search (index, g_ptr_array_index (queries, i),
                                                   SEARCH_LIMIT, NULL);

      latencies[i] = ml_bench_elapsed_ms (start);
      g_assert (hits != NULL);
    }

  *p50 = ml_bench_percentile (latencies, N_QUERIES, 50);
  *p99 = ml_bench_percentile (latencies, N_QUERIES, 99);
  *slowest = latencies[N_QUERIES - 1];
}

static double
database_mb (Workspace *ws)
{
  static const char *const suffixes[] = { "", "-wal" };
  double total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (ws->database, suffixes[i], NULL);
      GStatBuf buf;

      if (g_stat (path, &buf) == 0)
        total += (double) buf.st_size;
    }

  return total / (1024.0 * 1024.0);
}

/* A row whose peak memory is that of the process since the peak was reset. */
static MlBenchRow *
add_row (MlBenchTable *table,
         const char   *what,
         const char   *size,
         double        median)
{
  MlBenchRow *row = ml_bench_table_add (table, what, size, median);

  row->peak_mb = ml_bench_peak_mb ();

  return row;
}

/**
 * ml_bench_index:
 * @table: where to add the rows
 * @n_projects: how many small projects the workspace holds
 *
 * Adds the rows of the workspace index: a cold index and a rescan against parsing every file
 * with libxml2, and the latency of searches.
 */
void
ml_bench_index (MlBenchTable *table,
                guint         n_projects)
{
  Workspace ws = { 0 };
  g_autofree char *count = ml_bench_format_count (n_projects);
  g_autofree char *size = NULL;
  double parse, p50, p99, slowest;
  guint n_empty;
  MlBenchRow *row;

  generate_workspace (&ws, n_projects);
  for (guint i = 0; i < 3; i++)
    g_object_unref (ml_bench_load_checked (g_ptr_array_index (ws.paths,
                                                              i * (n_projects - 1) / 2)));
  size = g_strdup_printf ("%s files, %.1f MB", count, (double) ws.bytes / (1024.0 * 1024.0));

  ml_bench_reset_peak_rss ();
  parse = time_each_file (&ws, parse_file);
  add_row (table, "libxml2 parse of every file", size, parse);

  ml_bench_reset_peak_rss ();
  row = add_row (table, "ml_project_load of every file", size, time_each_file (&ws, load_file));
  ml_bench_row_set_reference (row, "libxml2 parse", parse, NAN);

  ml_bench_reset_peak_rss ();
  row = add_row (table, "cold index: open+scan+close", size, time_cold (&ws, n_projects));
  ml_bench_row_set_reference (row, "libxml2 parse", parse, NAN);
  row->target_ratio = TARGET_COLD_PER_PARSE;

  ml_bench_reset_peak_rss ();
  row = add_row (table, "rescan, nothing changed, index open", size,
                 time_rescan (&ws, n_projects));
  row->target_ms = TARGET_UNCHANGED_MS;

  ml_bench_reset_peak_rss ();
  add_row (table, "open+rescan+close, nothing changed", size, time_reopen (&ws, n_projects));

  ml_bench_reset_peak_rss ();
  time_search (&ws, &p50, &p99, &slowest, &n_empty);
  row = add_row (table, "search, LIMIT " G_STRINGIFY (SEARCH_LIMIT) ", p50", size, p50);
  row->p99 = p99;
  row->target_p99_ms = TARGET_SEARCH_P99_MS;

  g_printerr ("missionlab-bench: index of %u files: database with its WAL %.1f MB; %u of %d "
              "searches found nothing; the slowest took %.2f ms\n",
              n_projects, database_mb (&ws), n_empty, N_QUERIES, slowest);

  remove_workspace (&ws);
}
