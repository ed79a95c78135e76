/* ml-bench-load.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast MissionLab loads, validates and saves a large generated project, compared with
 * libxml2's own `xmllint --noout` on the same file. It also checks that what it measures is
 * right, and fails loudly when the project does not load without errors or when saving a
 * loaded project does not give back the same bytes.
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdlib.h>

#include "ml-bench-generate.h"
#include "ml-bench-load.h"
#include "ml-bench-util.h"
#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-schedule.h"
#include "ml-validate.h"
#include "ml-xml-writer.h"

#define N_RUNS 5

/* The targets, set for the 10k project; every size is shown against them. */
#define TARGET_LOAD_PER_XMLLINT 2.0
#define TARGET_SAVE_PER_LOAD    2.0

typedef struct
{
  const char  *label;
  MlBenchSize  size;
} Case;

static const Case cases[] = {
  { "10k", { 10000, 2000, 6000, 200, 5, 30 } },
  { "100k", { 100000, 10000, 30000, 1000, 10, 300 } },
};

typedef struct
{
  const Case   *bench_case;
  MlBenchTable *table;
  char         *dir;
  GPtrArray    *files;   /* every file created, to remove at the end */
  char         *self;
  char         *size;    /* the size column of every row */
} Bench;

static char *
add_path (Bench      *bench,
          const char *name)
{
  char *path = g_build_filename (bench->dir, name, NULL);

  g_ptr_array_add (bench->files, g_strdup (path));

  return path;
}

static void
save_checked (MlProject  *project,
              const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!ml_project_save (project, path, NULL, NULL, &error))
    ml_bench_fail ("could not save %s: %s", path, error->message);
}

static GBytes *
read_checked (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    ml_bench_fail ("%s", error->message);

  return g_bytes_new_take (contents, length);
}

/* Where two texts first differ, for a message that helps find the cause. */
static char *
describe_difference (GBytes *a,
                     GBytes *b)
{
  gsize la, lb;
  const char *da = g_bytes_get_data (a, &la);
  const char *db = g_bytes_get_data (b, &lb);
  gsize i = 0, line = 1, line_start = 0;
  g_autofree char *from_a = NULL;
  g_autofree char *from_b = NULL;

  for (; i < la && i < lb && da[i] == db[i]; i++)
    if (da[i] == '\n')
      {
        line++;
        line_start = i + 1;
      }

  from_a = g_strndup (da + line_start, MIN (la - line_start, 160));
  from_b = g_strndup (db + line_start, MIN (lb - line_start, 160));

  return g_strdup_printf ("line %" G_GSIZE_FORMAT ":\n  - %s\n  + %s", line,
                          g_strdelimit (from_a, "\n", ' '), g_strdelimit (from_b, "\n", ' '));
}

/* Each kind the generator was asked for must come back in that number. */
static void
check_counts (MlProject  *project,
              const Case *bench_case,
              const char *path)
{
  const struct
  {
    MlKind kind;
    guint  expected;
  } counts[] = {
    { ML_KIND_ACTIVITY, bench_case->size.n_activities },
    { ML_KIND_STAKEHOLDER, bench_case->size.n_stakeholders },
    { ML_KIND_RELATION, bench_case->size.n_relations },
    { ML_KIND_INSTRUMENT, bench_case->size.n_instruments },
    { ML_KIND_MISSION, bench_case->size.n_missions },
    { ML_KIND_INDICATOR, bench_case->size.n_indicators },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(GPtrArray) elements = ml_project_collect (project, counts[i].kind);

      if (elements->len != counts[i].expected)
        ml_bench_fail ("%s loaded with %u elements of kind %u, not %u", path, elements->len,
                       counts[i].kind, counts[i].expected);
    }
}

/* `xmllint --noout FILE`: its median time and its largest peak memory. */
static void
time_xmllint (const char *path,
              double     *median,
              double     *peak_mb)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  double runs[N_RUNS];

  *median = *peak_mb = NAN;
  if (xmllint == NULL)
    return;

  *peak_mb = 0;
  for (guint i = 0; i < N_RUNS; i++)
    {
      const char *argv[] = { xmllint, "--noout", path, NULL };
      double peak;

      ml_bench_spawn (argv, G_SPAWN_DEFAULT, NULL, &runs[i], &peak);
      *peak_mb = MAX (*peak_mb, peak);
    }
  *median = ml_bench_median (runs, N_RUNS);
}

/* Runs this program again for one load (and save) in a fresh process, which pays for page
 * faults and a cold heap as xmllint does. The child prints its load time.
 */
static void
run_fresh (Bench      *bench,
           const char *mode,
           const char *path,
           double     *load_ms,
           double     *peak_mb)
{
  const char *argv[] = { bench->self, mode, path, NULL };
  g_autofree char *output = NULL;

  ml_bench_spawn (argv, G_SPAWN_DEFAULT, &output, NULL, peak_mb);
  *load_ms = g_ascii_strtod (output, NULL);
}

static void
add_parse_row (Bench  *bench,
               GBytes *bytes)
{
  ml_bench_reset_peak_rss ();
  double runs[N_RUNS];
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  MlBenchRow *row;

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      xmlDoc *doc = xmlReadMemory (data, (int) length, NULL, NULL, ML_BENCH_PARSE_OPTIONS);

      if (doc == NULL)
        ml_bench_fail ("libxml2 could not parse the generated file");
      xmlFreeDoc (doc);
      runs[i] = ml_bench_elapsed_ms (start);
    }
  row = ml_bench_table_add (bench->table, "libxml2 parse+free, in process", bench->size,
                            ml_bench_median (runs, N_RUNS));
  row->peak_mb = ml_bench_peak_mb ();
}

/* Load: read, parse, build the model, validate; the median of N_RUNS in this process, and of
 * N_RUNS first loads in fresh processes, both against xmllint. The previous run's project is
 * freed after the clock stops, as freeing is not part of loading.
 */
static MlProject *
add_load_rows (Bench      *bench,
               const char *path,
               double     *load_median)
{
  g_autoptr(MlProject) project = NULL;
  double runs[N_RUNS];
  double xmllint, xmllint_peak, fresh_peak = 0;
  MlBenchRow *row;

  time_xmllint (path, &xmllint, &xmllint_peak);

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      MlProject *loaded = ml_bench_load_checked (path);

      runs[i] = ml_bench_elapsed_ms (start);
      g_clear_object (&project);
      project = loaded;
    }
  *load_median = ml_bench_median (runs, N_RUNS);

  for (guint i = 0; i < N_RUNS; i++)
    {
      double peak;

      run_fresh (bench, "--child-load", path, &runs[i], &peak);
      fresh_peak = MAX (fresh_peak, peak);
    }

  row = ml_bench_table_add (bench->table, "load: read+parse+build+validate", bench->size,
                            *load_median);
  ml_bench_row_set_reference (row, "xmllint --noout", xmllint, xmllint_peak);
  row->peak_mb = fresh_peak;
  row->target_ratio = TARGET_LOAD_PER_XMLLINT;

  row = ml_bench_table_add (bench->table, "load, first in a fresh process", bench->size,
                            ml_bench_median (runs, N_RUNS));
  ml_bench_row_set_reference (row, "xmllint --noout", xmllint, xmllint_peak);
  row->peak_mb = fresh_peak;

  return g_steal_pointer (&project);
}

static void
add_validate_row (Bench     *bench,
                  MlProject *project)
{
  ml_bench_reset_peak_rss ();
  double runs[N_RUNS];
  MlBenchRow *row;

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
      gint64 start = g_get_monotonic_time ();

      ml_validate_project (project, diagnostics);
      runs[i] = ml_bench_elapsed_ms (start);
      if (diagnostics->len > 0)
        {
          ml_bench_print_diagnostics (diagnostics, bench->size);
          ml_bench_fail ("validating the loaded project found problems");
        }
    }
  row = ml_bench_table_add (bench->table, "validate alone", bench->size,
                            ml_bench_median (runs, N_RUNS));
  row->peak_mb = ml_bench_peak_mb ();
}

/* The schedule analysis, freed after the clock stops. The generator only makes activities
 * depend on earlier ones, with room for the lag, so there must be no cycle and no broken
 * dependency.
 */
static void
add_schedule_row (Bench     *bench,
                  MlProject *project)
{
  ml_bench_reset_peak_rss ();
  double runs[N_RUNS];
  MlBenchRow *row;

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(MlSchedule) schedule = NULL;
      gint64 start = g_get_monotonic_time ();
      GPtrArray *issues;

      schedule = ml_schedule_compute (project);
      runs[i] = ml_bench_elapsed_ms (start);
      issues = ml_schedule_get_issues (schedule);
      if (issues->len > 0)
        ml_bench_fail ("the schedule of the generated project has %u issues, the first: %s",
                       issues->len,
                       ((MlScheduleIssue *) g_ptr_array_index (issues, 0))->message);
      if (ml_schedule_get_critical_path (schedule)->len == 0)
        ml_bench_fail ("the schedule of the generated project has no critical path");
    }
  row = ml_bench_table_add (bench->table, "critical path (schedule)", bench->size,
                            ml_bench_median (runs, N_RUNS));
  row->peak_mb = ml_bench_peak_mb ();
}

/* Serialising to memory only.
 *
 * Returns: (transfer full): what was written
 */
static GBytes *
add_write_row (Bench     *bench,
               MlProject *project)
{
  ml_bench_reset_peak_rss ();
  g_autoptr(GBytes) written = NULL;
  double runs[N_RUNS];
  MlBenchRow *row;

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      GBytes *bytes = ml_xml_write (project);

      runs[i] = ml_bench_elapsed_ms (start);
      if (written != NULL && !g_bytes_equal (bytes, written))
        ml_bench_fail ("writing the same project twice gave different bytes");
      g_clear_pointer (&written, g_bytes_unref);
      written = bytes;
    }
  row = ml_bench_table_add (bench->table, "write to memory", bench->size,
                            ml_bench_median (runs, N_RUNS));
  row->peak_mb = ml_bench_peak_mb ();

  return g_steal_pointer (&written);
}

/* Save, each time to a new path: serialise, write a temporary file beside it, flush it to
 * the disk, rename it into place. There is no previous version to keep as a backup. The peak
 * memory is of a fresh process that loads and saves.
 *
 * Returns: (transfer full): the path of the first file saved
 */
static char *
add_save_row (Bench      *bench,
              MlProject  *project,
              const char *generated_path,
              double      load_median)
{
  g_autofree char *first_save_path = NULL;
  double runs[N_RUNS];
  double fresh_ms, peak;
  MlBenchRow *row;

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("save-%s-%u.mlab", bench->bench_case->label,
                                               i + 1);
      g_autofree char *path = add_path (bench, name);
      gint64 start = g_get_monotonic_time ();

      save_checked (project, path);
      runs[i] = ml_bench_elapsed_ms (start);
      if (first_save_path == NULL)
        first_save_path = g_steal_pointer (&path);
      else
        g_unlink (path);
    }
  run_fresh (bench, "--child-save", generated_path, &fresh_ms, &peak);

  row = ml_bench_table_add (bench->table, "save: write+new file+fsync+rename", bench->size,
                            ml_bench_median (runs, N_RUNS));
  ml_bench_row_set_reference (row, "load", load_median, NAN);
  row->peak_mb = peak;
  row->target_ratio = TARGET_SAVE_PER_LOAD;

  return g_steal_pointer (&first_save_path);
}

/* Save → load → save must give the same bytes, and the same as ml_xml_write(). */
static void
check_round_trip (Bench      *bench,
                  GBytes     *generated,
                  GBytes     *written,
                  const char *first_save_path)
{
  g_autofree char *round_trip_name = g_strdup_printf ("round-trip-%s.mlab",
                                                      bench->bench_case->label);
  g_autofree char *round_trip_path = add_path (bench, round_trip_name);
  g_autoptr(GBytes) saved = read_checked (first_save_path);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(MlProject) reloaded = NULL;

  if (!g_bytes_equal (saved, written))
    ml_bench_fail ("the saved file differs from ml_xml_write() of the same project");
  reloaded = ml_bench_load_checked (first_save_path);
  save_checked (reloaded, round_trip_path);
  saved_again = read_checked (round_trip_path);
  if (!g_bytes_equal (saved, saved_again))
    {
      g_autofree char *difference = describe_difference (saved, saved_again);

      ml_bench_fail ("save -> load -> save changed the file (%s, %s) at %s", first_save_path,
                     round_trip_path, difference);
    }

  /* Informative: whether the generator writes exactly what MissionLab writes. */
  if (!g_bytes_equal (generated, saved))
    {
      g_autofree char *difference = describe_difference (generated, saved);

      g_printerr ("missionlab-bench: note: the generated %s file is not canonical, at %s\n",
                  bench->bench_case->label, difference);
    }
}

static const Case *
find_case (guint n_activities)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (cases[i].size.n_activities == n_activities)
      return &cases[i];

  ml_bench_fail ("no load case of %u activities", n_activities);
}

/**
 * ml_bench_load:
 * @table: where to add the rows
 * @n_activities: 10,000 or 100,000
 * @keep: whether to keep the generated and saved files
 *
 * Adds the rows of loading, validating and saving a generated project of that size.
 */
void
ml_bench_load (MlBenchTable *table,
               guint         n_activities,
               gboolean      keep)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *generated_path = NULL;
  g_autofree char *first_save_path = NULL;
  g_autoptr(GBytes) generated = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(MlProject) project = NULL;
  Bench bench = { .bench_case = find_case (n_activities), .table = table };
  double load_median;

  bench.dir = g_dir_make_tmp ("missionlab-bench-XXXXXX", &error);
  if (bench.dir == NULL)
    ml_bench_fail ("%s", error->message);
  bench.files = g_ptr_array_new_with_free_func (g_free);
  bench.self = g_file_read_link ("/proc/self/exe", &error);
  if (bench.self == NULL)
    ml_bench_fail ("%s", error->message);

  generated = ml_bench_generate (&bench.bench_case->size, ML_BENCH_SEED);
  bench.size = g_strdup_printf ("%s act., %.1f MB", bench.bench_case->label,
                                (double) g_bytes_get_size (generated) / (1024.0 * 1024.0));
  generated_path = add_path (&bench, "generated.mlab");
  if (!g_file_set_contents (generated_path, g_bytes_get_data (generated, NULL),
                            (gssize) g_bytes_get_size (generated), &error))
    ml_bench_fail ("%s", error->message);

  project = add_load_rows (&bench, generated_path, &load_median);
  check_counts (project, bench.bench_case, generated_path);
  add_parse_row (&bench, generated);
  add_validate_row (&bench, project);
  add_schedule_row (&bench, project);
  written = add_write_row (&bench, project);
  first_save_path = add_save_row (&bench, project, generated_path, load_median);
  check_round_trip (&bench, generated, written, first_save_path);

  if (keep)
    {
      g_printerr ("missionlab-bench: the files are kept in %s\n", bench.dir);
    }
  else
    {
      for (guint i = 0; i < bench.files->len; i++)
        g_unlink (g_ptr_array_index (bench.files, i));
      g_rmdir (bench.dir);
    }

  g_ptr_array_unref (bench.files);
  g_free (bench.dir);
  g_free (bench.self);
  g_free (bench.size);
}

/**
 * ml_bench_load_child:
 * @path: a generated project
 * @save: whether to save it too
 *
 * What a fresh process runs: one load (and save); prints the load time in milliseconds.
 *
 * Returns: the exit status
 */
int
ml_bench_load_child (const char *path,
                     gboolean    save)
{
  g_autoptr(MlProject) project = NULL;
  char load_ms[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 start;

  start = g_get_monotonic_time ();
  project = ml_bench_load_checked (path);
  g_ascii_formatd (load_ms, sizeof load_ms, "%.3f", ml_bench_elapsed_ms (start));

  if (save)
    {
      g_autofree char *out = g_strconcat (path, ".child-save", NULL);

      save_checked (project, out);
      g_unlink (out);
    }
  g_print ("%s\n", load_ms);

  return EXIT_SUCCESS;
}
