/* ml-bench-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the force layout of the stakeholder map takes on random graphs of 1,000 and 5,000
 * stakeholders with about three relations each: per iteration (what an animating widget pays
 * per frame) and to convergence. For scale, Graphviz's sfdp lays out the same graph, from a
 * DOT file, when it is installed; its time includes starting the process and parsing, so it
 * is an upper bound of its layout time, not a like-for-like comparison (sfdp is multilevel
 * and converges differently).
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "ml-bench-generate.h"
#include "ml-bench-layout.h"
#include "ml-bench-util.h"
#include "ml-layout.h"

#define EDGES_PER_NODE 3
#define MAX_ITERATIONS 2000
#define N_RUNS         3

/* The target: an iteration of 1,000 nodes within 2 ms, an eighth of a 60 Hz frame. */
#define TARGET_ITERATION_MS 2.0

typedef struct
{
  guint  n_edges;
  guint  iterations;
  double iteration;   /* milliseconds, medians of N_RUNS */
  double converge;
  double peak_mb;
  double sfdp;        /* NAN when sfdp is missing */
  double sfdp_peak_mb;
} LayoutResult;

/* The same random graph as a project and as DOT. */
static void
generate_graph (guint     n_nodes,
                GString  *xml,
                GString  *dot,
                guint    *n_edges)
{
  static const char *const types[] = { "government", "agency", "research", "industry", "sme" };
  static const char *const levels[] = { "local", "regional", "national", "global" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (ML_BENCH_SEED);

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<project xmlns=\"https://example.org/ns/missionlab\" "
                        "format-version=\"1.0\">\n<title>Layout benchmark</title>\n"
                        "<stakeholders>\n");
  g_string_append (dot, "graph G {\n");
  for (guint i = 0; i < n_nodes; i++)
    {
      g_string_append_printf (xml,
                              "<stakeholder id=\"s%u\" type=\"%s\" level=\"%s\">"
                              "<name>Stakeholder %u</name></stakeholder>\n",
                              i, types[i % G_N_ELEMENTS (types)],
                              levels[i % G_N_ELEMENTS (levels)], i);
      g_string_append_printf (dot, "  n%u;\n", i);
    }
  g_string_append (xml, "</stakeholders>\n<relations>\n");

  *n_edges = 0;
  for (guint e = 0; e < EDGES_PER_NODE * n_nodes; e++)
    {
      guint from = g_rand_int_range (rand, 0, n_nodes);
      guint to = g_rand_int_range (rand, 0, n_nodes);

      if (from == to)
        continue;
      g_string_append_printf (xml,
                              "<relation id=\"r%u\" from=\"s%u\" to=\"s%u\" kind=\"coordination\" "
                              "strength=\"%u\"/>\n",
                              e, from, to, 1 + g_rand_int_range (rand, 0, 3));
      g_string_append_printf (dot, "  n%u -- n%u;\n", from, to);
      (*n_edges)++;
    }
  g_string_append (xml, "</relations>\n</project>\n");
  g_string_append (dot, "}\n");
}

/* sfdp's median time and largest peak memory; NAN when it is not installed. */
static void
time_sfdp (const char   *dot,
           LayoutResult *result)
{
  g_autofree char *sfdp = g_find_program_in_path ("sfdp");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  double times[N_RUNS];
  int fd;

  result->sfdp = result->sfdp_peak_mb = NAN;
  if (sfdp == NULL)
    return;

  fd = g_file_open_tmp ("missionlab-bench-XXXXXX.dot", &path, &error);
  if (fd < 0)
    ml_bench_fail ("%s", error->message);
  g_close (fd, NULL);
  if (!g_file_set_contents (path, dot, -1, &error))
    ml_bench_fail ("%s", error->message);

  result->sfdp_peak_mb = 0;
  for (guint r = 0; r < N_RUNS; r++)
    {
      const char *argv[] = { sfdp, "-Tdot", "-o", "/dev/null", path, NULL };
      double peak;

      ml_bench_spawn (argv, G_SPAWN_STDERR_TO_DEV_NULL, NULL, &times[r], &peak);
      result->sfdp_peak_mb = MAX (result->sfdp_peak_mb, peak);
    }
  g_unlink (path);

  result->sfdp = ml_bench_median (times, N_RUNS);
}

static void
run_layout_case (guint         n_nodes,
                 LayoutResult *result)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GString) dot = g_string_new (NULL);
  g_autoptr(MlProject) project = NULL;
  double iterations[N_RUNS], converges[N_RUNS];

  generate_graph (n_nodes, xml, dot, &result->n_edges);
  project = ml_bench_read_generated (xml->str, xml->len, "graph.mlab");

  ml_bench_reset_peak_rss ();
  for (guint r = 0; r < N_RUNS; r++)
    {
      g_autoptr(MlLayout) layout = ml_layout_new (project, ML_LAYOUT_FORCE, ML_BENCH_SEED);
      gint64 start = g_get_monotonic_time ();

      result->iterations = ml_layout_run (layout, MAX_ITERATIONS);
      converges[r] = ml_bench_elapsed_ms (start);
      iterations[r] = converges[r] / MAX (1, result->iterations);
    }
  result->iteration = ml_bench_median (iterations, N_RUNS);
  result->converge = ml_bench_median (converges, N_RUNS);
  result->peak_mb = ml_bench_peak_mb ();
  time_sfdp (dot->str, result);
}

/**
 * ml_bench_layout:
 * @table: where to add the rows
 * @n_nodes: stakeholders, with about three relations each
 *
 * Adds the rows of the force layout of the stakeholder map: an iteration, and the whole
 * layout against sfdp's.
 */
void
ml_bench_layout (MlBenchTable *table,
                 guint         n_nodes)
{
  LayoutResult result;
  g_autofree char *nodes = ml_bench_format_count (n_nodes);
  g_autofree char *size = NULL;
  g_autofree char *what = NULL;
  MlBenchRow *row;

  run_layout_case (n_nodes, &result);
  size = g_strdup_printf ("%s nodes, %u edges", nodes, result.n_edges);

  row = ml_bench_table_add (table, "force layout, one iteration", size, result.iteration);
  row->peak_mb = result.peak_mb;
  if (n_nodes == 1000)
    row->target_ms = TARGET_ITERATION_MS;

  what = g_strdup_printf ("force layout to convergence (%u it.)", result.iterations);
  row = ml_bench_table_add (table, what, size, result.converge);
  row->peak_mb = result.peak_mb;
  if (!isnan (result.sfdp))
    ml_bench_row_set_reference (row, "sfdp, spawned", result.sfdp, result.sfdp_peak_mb);
}
