/* ml-bench-network.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The network analysis of the stakeholder map (ml_graph_metrics_compute: Brandes' betweenness
 * unweighted and weighted, closeness, components, Louvain), on a random graph of five
 * relations per stakeholder: the generated projects have too few relations per stakeholder to
 * show the O(nm) cost.
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <math.h>

#include "ml-bench-generate.h"
#include "ml-bench-network.h"
#include "ml-bench-util.h"
#include "ml-graph-metrics.h"

#define N_RUNS         5
#define EDGES_PER_NODE 5

/* Milliseconds for the whole network analysis of 2,000 stakeholders and 10,000 ties. */
#define TARGET_GRAPH_METRICS_MS 300.0

/* A random network of @n_nodes stakeholders and @n_edges relations between distinct pairs, none
 * a conflict (so that every one is an edge of the coordination graph), random strengths and
 * directions, from a fixed seed. */
static MlProject *
generate_network (guint n_nodes,
                  guint n_edges)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (ML_BENCH_SEED);
  g_autoptr(GHashTable) pairs = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_edges);
  g_autoptr(GString) text = g_string_new (NULL);
  static const char *const kinds[] = {
    "coordination", "funding", "reporting", "information", "partnership",
  };
  static const char *const levels[] = {
    "local", "regional", "national", "supranational", "global",
  };

  g_string_append (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<project xmlns=\"" ML_FORMAT_NAMESPACE "\" format-version=\"1.0\">\n"
                         "<title>Network</title>\n<stakeholders>\n");
  for (guint i = 0; i < n_nodes; i++)
    g_string_append_printf (text, "<stakeholder id=\"s%u\" type=\"government\" level=\"%s\">"
                            "<name>S%u</name></stakeholder>\n", i,
                            levels[g_rand_int_range (rand, 0, G_N_ELEMENTS (levels))], i);
  g_string_append (text, "</stakeholders>\n<relations>\n");

  /* The keys live in an array sized in advance, so that the set's pointers stay valid. */
  while (keys->len < n_edges)
    {
      guint a = g_rand_int_range (rand, 0, n_nodes);
      guint b = g_rand_int_range (rand, 0, n_nodes);
      gint64 key = (gint64) MIN (a, b) * n_nodes + MAX (a, b);

      if (a == b || g_hash_table_contains (pairs, &key))
        continue;
      g_array_append_val (keys, key);
      g_hash_table_add (pairs, &g_array_index (keys, gint64, keys->len - 1));
      g_string_append_printf (text, "<relation id=\"r%u\" from=\"s%u\" to=\"s%u\" kind=\"%s\" "
                              "direction=\"%s\" strength=\"%d\"/>\n", keys->len, a, b,
                              kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))],
                              g_rand_boolean (rand) ? "mutual" : "directed",
                              g_rand_int_range (rand, 1, 4));
    }
  g_string_append (text, "</relations>\n</project>\n");

  return ml_bench_read_generated (text->str, text->len, "network.mlab");
}

/**
 * ml_bench_network:
 * @table: where to add the row
 * @n_nodes: stakeholders, with five times as many relations
 *
 * Adds the row of the network analysis.
 */
void
ml_bench_network (MlBenchTable *table,
                  guint         n_nodes)
{
  guint n_edges = EDGES_PER_NODE * n_nodes;
  g_autoptr(MlProject) project = generate_network (n_nodes, n_edges);
  g_autofree char *nodes = ml_bench_format_count (n_nodes);
  g_autofree char *edges = ml_bench_format_count (n_edges);
  g_autofree char *size = g_strdup_printf ("%s nodes, %s edges", nodes, edges);
  double runs[N_RUNS];
  MlBenchRow *row;

  ml_bench_reset_peak_rss ();

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(MlGraphMetrics) metrics = NULL;
      gint64 start = g_get_monotonic_time ();

      metrics = ml_graph_metrics_compute (project);
      runs[i] = ml_bench_elapsed_ms (start);
      if (ml_graph_metrics_get_n_nodes (metrics) != n_nodes ||
          ml_graph_metrics_get_network (metrics)->n_ties != n_edges)
        ml_bench_fail ("the network analysis saw %u stakeholders and %u ties",
                       ml_graph_metrics_get_n_nodes (metrics),
                       ml_graph_metrics_get_network (metrics)->n_ties);
    }

  row = ml_bench_table_add (table, "betweenness+closeness+Louvain", size,
                            ml_bench_median (runs, N_RUNS));
  row->peak_mb = ml_bench_peak_mb ();
  if (n_nodes == 2000)
    row->target_ms = TARGET_GRAPH_METRICS_MS;
}
