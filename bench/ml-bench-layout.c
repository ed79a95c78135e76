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
#include <stdlib.h>

#include "ml-bench-generate.h"
#include "ml-bench-layout.h"
#include "ml-bench-util.h"
#include "ml-diagnostic.h"
#include "ml-layout.h"
#include "ml-xml-reader.h"

#define EDGES_PER_NODE 3
#define MAX_ITERATIONS 2000
#define N_RUNS         3

/* The target: an iteration of 1,000 nodes within 2 ms, an eighth of a 60 Hz frame. */
#define TARGET_ITERATION_MS 2.0

typedef struct
{
  guint    n_nodes;
  gboolean quick;
} LayoutCase;

static const LayoutCase layout_cases[] = {
  { 1000, TRUE },
  { 5000, FALSE },
};

typedef struct
{
  guint  n_nodes;
  guint  n_edges;
  guint  iterations;
  double iteration;   /* milliseconds, medians of N_RUNS */
  double converge;
  double sfdp;        /* NAN when sfdp is missing */
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

static double
time_sfdp (const char *sfdp,
           const char *dot)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  double times[N_RUNS];
  int fd;

  fd = g_file_open_tmp ("missionlab-bench-XXXXXX.dot", &path, &error);
  if (fd < 0)
    g_error ("%s", error->message);
  g_close (fd, NULL);
  if (!g_file_set_contents (path, dot, -1, &error))
    g_error ("%s", error->message);

  for (guint r = 0; r < N_RUNS; r++)
    {
      const char *argv[] = { sfdp, "-Tdot", "-o", "/dev/null", path, NULL };
      int status = 0;
      gint64 start = g_get_monotonic_time ();

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("sfdp failed: %s\n", error->message);
          g_unlink (path);
          return NAN;
        }
      times[r] = ml_bench_elapsed_ms (start);
    }
  g_unlink (path);

  return ml_bench_median (times, N_RUNS);
}

static void
run_layout_case (const LayoutCase *layout_case,
                 const char       *sfdp,
                 LayoutResult     *result)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GString) dot = g_string_new (NULL);
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  double iterations[N_RUNS], converges[N_RUNS];

  generate_graph (layout_case->n_nodes, xml, dot, &result->n_edges);
  project = ml_xml_read (xml->str, xml->len, "bench.mlab", diagnostics, &error);
  if (project == NULL)
    g_error ("the generated graph did not load: %s", error->message);
  result->n_nodes = layout_case->n_nodes;

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
  result->sfdp = sfdp != NULL ? time_sfdp (sfdp, dot->str) : NAN;
}

static void
print_row (const char         *label,
           const LayoutResult *results,
           guint               n,
           gsize               offset,
           int                 digits)
{
  g_print ("%-46s", label);
  for (guint i = 0; i < n; i++)
    {
      double value = G_STRUCT_MEMBER (double, &results[i], offset);
      g_autofree char *cell = isnan (value) ? g_strdup ("n/a")
                                            : g_strdup_printf ("%.*f", digits, value);

      g_print ("%20s", cell);
    }
  g_print ("\n");
}

/**
 * ml_bench_layout:
 * @quick: only the smaller graph
 *
 * Prints the stakeholder map table.
 *
 * Returns: whether every target was met
 */
gboolean
ml_bench_layout (gboolean quick)
{
  LayoutResult results[G_N_ELEMENTS (layout_cases)] = { { 0 } };
  g_autofree char *sfdp = g_find_program_in_path ("sfdp");
  gboolean met = TRUE;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (layout_cases); i++)
    {
      if (quick && !layout_cases[i].quick)
        continue;
      run_layout_case (&layout_cases[i], sfdp, &results[n++]);
    }

  g_print ("\nMissionLab stakeholder map benchmark: milliseconds, median of %d runs; force layout "
           "(ml_layout_run)\nof a random graph, seed %u; sfdp: %s\n\n", N_RUNS, ML_BENCH_SEED,
           sfdp != NULL ? sfdp : "not found (n/a)");
  g_print ("%-46s", "stakeholders / relations");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *cell = g_strdup_printf ("%u/%u", results[i].n_nodes, results[i].n_edges);

      g_print ("%20s", cell);
    }
  g_print ("\n%-46s", "iterations to convergence");
  for (guint i = 0; i < n; i++)
    g_print ("%20u", results[i].iterations);
  g_print ("\n");
  print_row ("force layout, one iteration", results, n,
             G_STRUCT_OFFSET (LayoutResult, iteration), 3);
  print_row ("force layout, to convergence", results, n,
             G_STRUCT_OFFSET (LayoutResult, converge), 1);
  print_row ("sfdp -Tdot -o /dev/null FILE (spawned)", results, n,
             G_STRUCT_OFFSET (LayoutResult, sfdp), 1);

  for (guint i = 0; i < n; i++)
    if (results[i].n_nodes == 1000 && results[i].iteration > TARGET_ITERATION_MS)
      met = FALSE;
  g_print ("%-46s%20s\n", "target: iteration of 1,000 within 2 ms", met ? "ok" : "MISSED");

  return met;
}
