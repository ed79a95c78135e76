/* ml-bench-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace index over 1,000 small generated projects (100 with --quick), in ten folders:
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
#include "ml-diagnostic.h"
#include "ml-index.h"
#include "ml-project-io.h"

#define N_PROJECTS       1000
#define N_PROJECTS_QUICK 100
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

/* A generated project must load without a single error or warning, or the index would
 * measure error paths. */
static void
check_generated (const char *path)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = ml_project_load (path, NULL, diagnostics, &error);

  if (project == NULL || diagnostics->len > 0)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          g_autofree char *line = ml_diagnostic_format (g_ptr_array_index (diagnostics, i), path);

          g_printerr ("%s\n", line);
        }
      g_error ("the generated %s does not load cleanly: %s", path,
               error != NULL ? error->message : "diagnostics");
    }
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

/* The rescan of an open index, as the Library page does when the folder changes; and open,
 * rescan and close, as each `missionlab-cli search` does before it searches. */
static void
time_unchanged (Workspace *ws,
                guint      n_projects,
                double    *rescan,
                double    *reopen)
{
  g_autoptr(MlIndex) index = open_index (ws);
  double runs[N_RUNS];

  for (guint r = 0; r < N_RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      scan_checked (index, n_projects, FALSE);
      runs[r] = ml_bench_elapsed_ms (start);
    }
  *rescan = ml_bench_median (runs, N_RUNS);
  g_clear_pointer (&index, ml_index_free);

  for (guint r = 0; r < N_RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      index = open_index (ws);
      scan_checked (index, n_projects, FALSE);
      g_clear_pointer (&index, ml_index_free);
      runs[r] = ml_bench_elapsed_ms (start);
    }
  *reopen = ml_bench_median (runs, N_RUNS);
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

#define LABEL_WIDTH 56

static void
print_row (const char *label,
           double      value,
           const char *unit)
{
  g_print ("%-*s%12.2f %s\n", LABEL_WIDTH, label, value, unit);
}

/* A row with a target: whether it is met, and the target. */
static gboolean
print_target_row (const char *label,
                  double      value,
                  const char *unit,
                  double      target)
{
  gboolean met = value <= target;

  g_print ("%-*s%12.2f %-2s  %-6s  target <= %g %s\n", LABEL_WIDTH, label, value, unit,
           met ? "ok" : "MISSED", target, unit);

  return met;
}

/**
 * ml_bench_index:
 * @quick: 100 projects instead of 1,000
 *
 * Returns: whether every target was met
 */
gboolean
ml_bench_index (gboolean quick)
{
  guint n_projects = quick ? N_PROJECTS_QUICK : N_PROJECTS;
  gboolean peak_known = ml_bench_reset_peak_rss ();
  guint64 rss_before = ml_bench_status_kb ("VmRSS");
  Workspace ws = { 0 };
  double parse, load, cold, rescan, reopen, p50, p99, slowest, db_mb;
  guint n_empty;
  gboolean met = TRUE;

  generate_workspace (&ws, n_projects);
  for (guint i = 0; i < 3; i++)
    check_generated (g_ptr_array_index (ws.paths, i * (n_projects - 1) / 2));

  parse = time_each_file (&ws, parse_file);
  load = time_each_file (&ws, load_file);
  cold = time_cold (&ws, n_projects);
  time_unchanged (&ws, n_projects, &rescan, &reopen);
  time_search (&ws, &p50, &p99, &slowest, &n_empty);
  db_mb = database_mb (&ws);

  g_print ("\nMissionLab workspace index benchmark: %u generated projects, %u a folder "
           "(%u activities,\n%u stakeholders, %u instruments, %u indicators each; %.1f MB); "
           "wall-clock time, medians of %d runs;\n%d searches with LIMIT %d, each once after "
           "a warm-up pass\n\n",
           n_projects, PER_FOLDER, project_size.n_activities,
           project_size.n_stakeholders, project_size.n_instruments, project_size.n_indicators,
           (double) ws.bytes / (1024.0 * 1024.0), N_RUNS, N_QUERIES, SEARCH_LIMIT);
  print_row ("libxml2 only: xmlReadFile+xmlFreeDoc of every file", parse, "ms");
  print_row ("MissionLab loader alone: ml_project_load of every file", load, "ms");
  print_row ("cold index, fresh database (open+scan+close)", cold, "ms");
  met &= print_target_row ("cold index / libxml2 parse", cold / parse, "x",
                           TARGET_COLD_PER_PARSE);
  met &= print_target_row ("rescan, nothing changed (index open)", rescan, "ms",
                           TARGET_UNCHANGED_MS);
  print_row ("open+rescan+close, nothing changed (a CLI search)", reopen, "ms");
  print_row ("search latency p50", p50, "ms");
  met &= print_target_row ("search latency p99", p99, "ms", TARGET_SEARCH_P99_MS);
  print_row ("search latency, slowest", slowest, "ms");
  g_print ("%-*s%12u of %u\n", LABEL_WIDTH, "searches with no hit", n_empty, N_QUERIES);
  print_row ("database with its WAL", db_mb, "MB");
  /* What the section adds to the memory the process held when it began. */
  if (peak_known)
    {
      guint64 peak = ml_bench_status_kb ("VmHWM");

      print_row ("peak RSS above the process's at the start",
                 (double) (peak - MIN (rss_before, peak)) / 1024.0, "MB");
    }
  g_print ("\n");

  remove_workspace (&ws);

  return met;
}
