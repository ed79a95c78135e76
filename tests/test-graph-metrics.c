/* test-graph-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholder network analysis on graphs whose values are known: worked out by hand (the
 * comments show the working) or published, for Zachary's karate club. The published values were
 * checked against networkx 3.6.1 (betweenness_centrality, closeness_centrality, modularity),
 * whose definitions ml-graph-metrics.h follows. Then the bundled samples, for sanity only.
 */

#include "config.h"

#include <math.h>

#include "ml-enums.h"
#include "ml-graph-metrics.h"
#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-test-util.h"

#define HEAD                                                                                 \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"           \
  "<title>Network</title>\n"

/* A stakeholder named as its id; attrs holds the type, level and anything else. */
#define SH(id, attrs) "<stakeholder id=\"" id "\" " attrs "><name>" id "</name></stakeholder>\n"
#define REL(id, from, to, attrs)                                                             \
  "<relation id=\"" id "\" from=\"" from "\" to=\"" to "\" " attrs "/>\n"

#define EPSILON 1e-9

static MlProject *
load_parts (const char *stakeholders,
            const char *relations)
{
  g_autofree char *text = g_strconcat (HEAD, "<stakeholders>\n", stakeholders,
                                       "</stakeholders>\n",
                                       *relations != '\0' ? "<relations>\n" : "", relations,
                                       *relations != '\0' ? "</relations>\n" : "",
                                       "</project>\n", NULL);

  return ml_test_load_text (text);
}

/* Stakeholders s0 … s(n−1), all national government bodies, and one mutual coordination
 * relation without strength per edge: the plain undirected, unweighted graph. */
static MlProject *
load_graph (guint        n,
            const guint *edges,
            guint        n_edges)
{
  g_autoptr(GString) stakeholders = g_string_new (NULL);
  g_autoptr(GString) relations = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (stakeholders,
                            "<stakeholder id=\"s%u\" type=\"government\" level=\"national\">"
                            "<name>s%u</name></stakeholder>\n", i, i);
  for (guint e = 0; e < n_edges; e++)
    g_string_append_printf (relations,
                            "<relation id=\"r%u\" from=\"s%u\" to=\"s%u\" kind=\"coordination\" "
                            "direction=\"mutual\"/>\n", e, edges[2 * e], edges[2 * e + 1]);

  return load_parts (stakeholders->str, relations->str);
}

static const MlNodeMetrics *
node (MlGraphMetrics *metrics,
      guint           i)
{
  const MlNodeMetrics *found = ml_graph_metrics_get_node (metrics, i);

  g_assert_nonnull (found);
  g_assert_cmpuint (found->index, ==, i);
  g_assert_true (ml_graph_metrics_lookup (metrics, found->stakeholder) == found);
  return found;
}

static void
test_path (void)
{
  /* 0 − 1 − 2 − 3 − 4. Normalised by 2 / (4 · 3) = 1/6 per pair: node 1 is on the paths of
   * {0,2} {0,3} {0,4}, 3 pairs → 0.5; node 2 on {0,3} {0,4} {1,3} {1,4}, 4 pairs → 2/3. The
   * distances from 0 add up to 1 + 2 + 3 + 4 = 10, closeness 4/10; from 2, 1 + 1 + 2 + 2 = 6,
   * closeness 4/6. */
  static const guint edges[] = { 0, 1, 1, 2, 2, 3, 3, 4 };
  static const double betweenness[] = { 0, 0.5, 2.0 / 3, 0.5, 0 };
  static const double closeness[] = { 0.4, 4.0 / 7, 4.0 / 6, 4.0 / 7, 0.4 };
  g_autoptr(MlProject) project = load_graph (5, edges, 4);
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);

  g_assert_cmpuint (ml_graph_metrics_get_n_nodes (metrics), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpfloat_with_epsilon (node (metrics, i)->betweenness, betweenness[i], EPSILON);
      g_assert_cmpfloat_with_epsilon (node (metrics, i)->weighted_betweenness, betweenness[i],
                                      EPSILON);
      g_assert_cmpfloat_with_epsilon (node (metrics, i)->closeness, closeness[i], EPSILON);
      g_assert_cmpuint (node (metrics, i)->component, ==, 0);
      g_assert_false (node (metrics, i)->isolated);
    }
  g_assert_cmpuint (node (metrics, 0)->degree, ==, 1);
  g_assert_cmpuint (node (metrics, 2)->degree, ==, 2);
  /* Strength unset: 2 per tie. */
  g_assert_cmpfloat (node (metrics, 2)->weighted_degree, ==, 4);
  g_assert_cmpuint (ml_graph_metrics_get_network (metrics)->n_components, ==, 1);
  g_assert_cmpuint (ml_graph_metrics_get_network (metrics)->n_ties, ==, 4);
}

static void
test_star (void)
{
  /* Centre 0, leaves 1–4: the centre is on the path of all 6 pairs of leaves, 6 · 2 / (4 · 3)
   * = 1, and at distance 1 from all, closeness 4/4 = 1; a leaf's distances add up to
   * 1 + 2 + 2 + 2 = 7, closeness 4/7. */
  static const guint edges[] = { 0, 1, 0, 2, 0, 3, 0, 4 };
  g_autoptr(MlProject) project = load_graph (5, edges, 4);
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);

  g_assert_cmpfloat_with_epsilon (node (metrics, 0)->betweenness, 1, EPSILON);
  g_assert_cmpfloat_with_epsilon (node (metrics, 0)->closeness, 1, EPSILON);
  for (guint i = 1; i < 5; i++)
    {
      g_assert_cmpfloat_with_epsilon (node (metrics, i)->betweenness, 0, EPSILON);
      g_assert_cmpfloat_with_epsilon (node (metrics, i)->closeness, 4.0 / 7, EPSILON);
      g_assert_false (node (metrics, i)->broker);
    }
}

static void
test_barbell (void)
{
  /* Two K4, {0,1,2,3} and {4,5,6,7}, joined by 3 − 4. Every path from {0,1,2} to {4,5,6,7}
   * passes 3, and those of {0,1,2,3} to {5,6,7} pass 4: 12 pairs each, 12 · 2 / (7 · 6) = 4/7.
   * The two cliques are the communities: m = 13 edges, each community has 6 inside and a degree
   * sum of 4 · 3 + 1 = 13, so Q = 2 · (6/13 − (13/26)²) = 12/13 − 1/2 = 11/26. The bridge ends
   * have betweenness 4/7 ≥ 0.1 and a tie into the other community: brokers. */
  static const guint edges[] = {
    0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3,
    4, 5, 4, 6, 4, 7, 5, 6, 5, 7, 6, 7,
    3, 4,
  };
  g_autoptr(MlProject) project = load_graph (8, edges, 13);
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);
  const MlNetworkMetrics *network = ml_graph_metrics_get_network (metrics);

  for (guint i = 0; i < 8; i++)
    {
      gboolean bridge = i == 3 || i == 4;

      g_assert_cmpfloat_with_epsilon (node (metrics, i)->betweenness, bridge ? 4.0 / 7 : 0,
                                      EPSILON);
      g_assert_cmpint (node (metrics, i)->broker, ==, bridge);
      g_assert_cmpuint (node (metrics, i)->community, ==, i < 4 ? 0 : 1);
    }
  g_assert_cmpuint (network->n_communities, ==, 2);
  g_assert_cmpfloat_with_epsilon (network->modularity, 11.0 / 26, EPSILON);
}

/* Zachary's karate club (1977), members 1–34 as nodes 0–33, the 78 edges of networkx's
 * karate_club_graph. */
static const guint karate[] = {
  0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 10, 0, 11, 0, 12, 0, 13, 0, 17, 0, 19,
  0, 21, 0, 31, 1, 2, 1, 3, 1, 7, 1, 13, 1, 17, 1, 19, 1, 21, 1, 30, 2, 3, 2, 7, 2, 8, 2, 9,
  2, 13, 2, 27, 2, 28, 2, 32, 3, 7, 3, 12, 3, 13, 4, 6, 4, 10, 5, 6, 5, 10, 5, 16, 6, 16,
  8, 30, 8, 32, 8, 33, 9, 33, 13, 33, 14, 32, 14, 33, 15, 32, 15, 33, 18, 32, 18, 33, 19, 33,
  20, 32, 20, 33, 22, 32, 22, 33, 23, 25, 23, 27, 23, 29, 23, 32, 23, 33, 24, 25, 24, 27,
  24, 31, 25, 31, 26, 29, 26, 33, 27, 33, 28, 31, 28, 33, 29, 32, 29, 33, 30, 32, 30, 33,
  31, 32, 31, 33, 32, 33,
};

static void
test_karate (void)
{
  g_autoptr(MlProject) project = load_graph (34, karate, G_N_ELEMENTS (karate) / 2);
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);
  const MlNetworkMetrics *network = ml_graph_metrics_get_network (metrics);

  g_assert_cmpuint (G_N_ELEMENTS (karate), ==, 2 * 78);
  /* The published normalised betweenness of members 1 and 34, and their closeness. */
  g_assert_cmpfloat_with_epsilon (node (metrics, 0)->betweenness, 0.43763528138528146, 1e-9);
  g_assert_cmpfloat_with_epsilon (node (metrics, 33)->betweenness, 0.30407497594997596, 1e-9);
  g_assert_cmpfloat_with_epsilon (node (metrics, 0)->closeness, 0.5689655172413793, 1e-9);
  g_assert_cmpfloat_with_epsilon (node (metrics, 33)->closeness, 0.55, 1e-9);
  /* All strengths equal: weights change no shortest path. */
  for (guint i = 0; i < 34; i++)
    g_assert_cmpfloat_with_epsilon (node (metrics, i)->weighted_betweenness,
                                    node (metrics, i)->betweenness, 1e-9);
  /* Louvain finds 0.4156–0.4198 depending on the order of visits (the optimum is 0.4198,
   * 4 communities); networkx's louvain_communities gives 0.4151–0.4188 over seeds 0–4. */
  g_test_message ("karate: modularity %.4f, %u communities", network->modularity,
                  network->n_communities);
  g_assert_cmpfloat (network->modularity, >=, 0.41);
  g_assert_cmpfloat (network->modularity, <=, 0.42);
  g_assert_cmpuint (network->n_components, ==, 1);
  /* Members 1 and 34, the two leaders, lead different factions. */
  g_assert_cmpuint (node (metrics, 0)->community, !=, node (metrics, 33)->community);
  g_assert_true (node (metrics, 0)->broker);
}

static void
test_components (void)
{
  /* 0 − 1 − 2, 3 − 4, and 5 alone, n = 6. From 0: reaches 3 nodes, distances 1 + 2 = 3,
   * (2/3) · (2/5) = 4/15; from 1: (2/2) · (2/5) = 0.4; from 3: (1/1) · (1/5) = 0.2; 5: 0.
   * Betweenness of 1: one pair, {0,2}, 2 / (5 · 4) = 0.1. */
  static const guint edges[] = { 0, 1, 1, 2, 3, 4 };
  g_autoptr(MlProject) project = load_graph (6, edges, 3);
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);
  const MlNetworkMetrics *network = ml_graph_metrics_get_network (metrics);

  g_assert_cmpuint (network->n_components, ==, 3);
  g_assert_cmpuint (node (metrics, 0)->component, ==, 0);
  g_assert_cmpuint (node (metrics, 2)->component, ==, 0);
  g_assert_cmpuint (node (metrics, 3)->component, ==, 1);
  g_assert_cmpuint (node (metrics, 5)->component, ==, 2);
  g_assert_cmpfloat_with_epsilon (node (metrics, 0)->closeness, 4.0 / 15, EPSILON);
  g_assert_cmpfloat_with_epsilon (node (metrics, 1)->closeness, 0.4, EPSILON);
  g_assert_cmpfloat_with_epsilon (node (metrics, 3)->closeness, 0.2, EPSILON);
  g_assert_cmpfloat (node (metrics, 5)->closeness, ==, 0);
  g_assert_cmpfloat_with_epsilon (node (metrics, 1)->betweenness, 0.1, EPSILON);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (node (metrics, i)->isolated, ==, i == 5);
  /* The isolated stakeholder is a community of its own, apart from the others. */
  g_assert_cmpuint (node (metrics, 5)->community, !=, node (metrics, 0)->community);
  g_assert_cmpuint (node (metrics, 5)->community, !=, node (metrics, 3)->community);
}

static void
test_degrees_and_conflicts (void)
{
  /* a → b directed, strength 3; b ↔ c mutual, strength unset (2); a and c in conflict. */
  g_autoptr(MlProject) project = load_parts (
    SH ("a", "type=\"government\" level=\"national\"")
    SH ("b", "type=\"agency\" level=\"national\"")
    SH ("c", "type=\"industry\" level=\"regional\""),
    REL ("r1", "a", "b", "kind=\"funding\" strength=\"3\"")
    REL ("r2", "b", "c", "kind=\"coordination\" direction=\"mutual\"")
    REL ("r3", "a", "c", "kind=\"conflict\""));
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);
  g_autoptr(MlGraphMetrics) with_conflicts = NULL;
  const MlNetworkMetrics *network = ml_graph_metrics_get_network (metrics);

  g_assert_cmpuint (node (metrics, 0)->degree_out, ==, 1);
  g_assert_cmpuint (node (metrics, 0)->degree_in, ==, 0);
  g_assert_cmpuint (node (metrics, 0)->degree, ==, 1);
  g_assert_cmpuint (node (metrics, 0)->conflict_degree, ==, 1);
  g_assert_cmpfloat (node (metrics, 0)->weighted_degree, ==, 3);
  g_assert_cmpuint (node (metrics, 1)->degree_in, ==, 2);
  g_assert_cmpuint (node (metrics, 1)->degree_out, ==, 1);
  g_assert_cmpuint (node (metrics, 1)->degree, ==, 2);
  g_assert_cmpuint (node (metrics, 1)->conflict_degree, ==, 0);
  g_assert_cmpfloat (node (metrics, 1)->weighted_degree, ==, 5);
  g_assert_cmpuint (node (metrics, 2)->degree_in, ==, 1);
  g_assert_cmpuint (node (metrics, 2)->degree_out, ==, 1);
  g_assert_cmpuint (network->n_ties, ==, 2);
  g_assert_cmpuint (network->n_conflicts, ==, 1);

  /* Without the conflict, b is on the only path between a and c: 1 pair · 2 / (2 · 1) = 1.
   * With it, the triangle has no intermediary. */
  g_assert_cmpfloat_with_epsilon (node (metrics, 1)->betweenness, 1, EPSILON);
  with_conflicts = ml_graph_metrics_compute_full (project, ML_GRAPH_METRICS_INCLUDE_CONFLICTS);
  g_assert_cmpfloat_with_epsilon (node (with_conflicts, 1)->betweenness, 0, EPSILON);
  g_assert_cmpuint (node (with_conflicts, 0)->degree, ==, 1);
}

static void
test_weighted (void)
{
  /* A square a − b − c − d − a with a–b and b–c of strength 3, a–d and d–c of strength 1.
   * Lengths 1/3 and 1: a to c is 2/3 through b and 2 through d, so b alone is on it; b to d is
   * 4/3 both through a and through c, half each. Normalised by 2 / (3 · 2) = 1/3: b 1/3,
   * a and c 1/6, d 0. Unweighted, each of the 4 is on half of one pair's paths: 1/6 each. */
  g_autoptr(MlProject) project = load_parts (
    SH ("a", "type=\"government\" level=\"national\"")
    SH ("b", "type=\"government\" level=\"national\"")
    SH ("c", "type=\"government\" level=\"national\"")
    SH ("d", "type=\"government\" level=\"national\""),
    REL ("r1", "a", "b", "kind=\"coordination\" strength=\"3\"")
    REL ("r2", "b", "c", "kind=\"coordination\" strength=\"3\"")
    REL ("r3", "c", "d", "kind=\"coordination\" strength=\"1\"")
    REL ("r4", "d", "a", "kind=\"coordination\" strength=\"1\""));
  /* The same square with strengths 3 and 1.5, lengths 1/3 and 2/3, which are not whole sixths
   * and take the other shortest-path search: a to c is 2/3 through b and 4/3 through d, b to d
   * is 1 both ways. The same betweenness follows. */
  g_autoptr(MlProject) fractional = load_parts (
    SH ("a", "type=\"government\" level=\"national\"")
    SH ("b", "type=\"government\" level=\"national\"")
    SH ("c", "type=\"government\" level=\"national\"")
    SH ("d", "type=\"government\" level=\"national\""),
    REL ("r1", "a", "b", "kind=\"coordination\" strength=\"3\"")
    REL ("r2", "b", "c", "kind=\"coordination\" strength=\"3\"")
    REL ("r3", "c", "d", "kind=\"coordination\" strength=\"1.5\"")
    REL ("r4", "d", "a", "kind=\"coordination\" strength=\"1.5\""));
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);
  g_autoptr(MlGraphMetrics) fractional_metrics = ml_graph_metrics_compute (fractional);
  static const double weighted[] = { 1.0 / 6, 1.0 / 3, 1.0 / 6, 0 };

  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat_with_epsilon (node (metrics, i)->weighted_betweenness, weighted[i],
                                      EPSILON);
      g_assert_cmpfloat_with_epsilon (node (fractional_metrics, i)->weighted_betweenness,
                                      weighted[i], EPSILON);
      g_assert_cmpfloat_with_epsilon (node (metrics, i)->betweenness, 1.0 / 6, EPSILON);
    }
}

static void
test_mixing (void)
{
  /* g1 national "energy", g2 regional "Energy ", i1 national without sector; ties g1–g2,
   * g1–i1, g2–i1. Type: g1–g2 within, the two others across: E–I = (2 − 1)/3 = 1/3. Level:
   * g1–g2 and g2–i1 cross: share 2/3, E–I 1/3. Sector: only g1–g2 has two sectors, the same
   * ignoring case and spaces: share 0, E–I −1. */
  g_autoptr(MlProject) project = load_parts (
    SH ("g1", "type=\"government\" level=\"national\" sector=\"energy\"")
    SH ("g2", "type=\"government\" level=\"regional\" sector=\"Energy \"")
    SH ("i1", "type=\"industry\" level=\"national\""),
    REL ("r1", "g1", "g2", "kind=\"coordination\"")
    REL ("r2", "g1", "i1", "kind=\"information\"")
    REL ("r3", "g2", "i1", "kind=\"partnership\" direction=\"mutual\""));
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);
  const MlNetworkMetrics *network = ml_graph_metrics_get_network (metrics);

  g_assert_cmpfloat_with_epsilon (network->ei_type, 1.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (network->ei_level, 1.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (network->cross_level_share, 2.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (network->cross_sector_share, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (network->ei_sector, -1, EPSILON);
}

static void
test_ownership (void)
{
  /* Owners: lead (national, domestic), intl (funder role, international type: external),
   * eu (funder role, supranational: external), city (funds lead through a funding relation,
   * local: domestic). world, a global beneficiary, receives funding and owns nothing.
   * 2 domestic of 4: 0.5. */
  g_autoptr(MlProject) project = load_parts (
    SH ("lead", "type=\"research\" level=\"national\" role=\"lead\"")
    SH ("intl", "type=\"international\" level=\"national\" role=\"funder\"")
    SH ("eu", "type=\"funder\" level=\"supranational\" role=\"funder\"")
    SH ("city", "type=\"government\" level=\"local\" role=\"partner\"")
    SH ("world", "type=\"civil-society\" level=\"global\" role=\"beneficiary\""),
    REL ("r1", "city", "lead", "kind=\"funding\"")
    REL ("r2", "lead", "world", "kind=\"funding\""));
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);
  const MlNetworkMetrics *network = ml_graph_metrics_get_network (metrics);

  g_assert_cmpuint (network->n_owners, ==, 4);
  g_assert_cmpfloat_with_epsilon (network->ownership, 0.5, EPSILON);
}

static void
test_empty (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (HEAD "</project>\n");
  g_autoptr(MlGraphMetrics) metrics = ml_graph_metrics_compute (project);
  const MlNetworkMetrics *network = ml_graph_metrics_get_network (metrics);

  g_assert_cmpuint (ml_graph_metrics_get_n_nodes (metrics), ==, 0);
  g_assert_cmpuint (network->n_components, ==, 0);
  g_assert_cmpfloat (network->modularity, ==, 0);
  g_assert_true (isnan (network->cross_level_share));
  g_assert_true (isnan (network->ei_type));
  g_assert_true (isnan (network->ownership));
}

static void
assert_share (double value,
              double low)
{
  if (!isnan (value))
    {
      g_assert_cmpfloat (value, >=, low);
      g_assert_cmpfloat (value, <=, 1);
    }
}

static void
test_sample (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = ml_project_load (path, NULL, diagnostics, &error);
  g_autoptr(MlGraphMetrics) metrics = NULL;
  g_autoptr(GString) brokers = g_string_new (NULL);
  g_autoptr(GString) isolates = g_string_new (NULL);
  const MlNetworkMetrics *network;
  guint n;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  metrics = ml_graph_metrics_compute (project);
  network = ml_graph_metrics_get_network (metrics);
  n = ml_graph_metrics_get_n_nodes (metrics);

  for (guint i = 0; i < n; i++)
    {
      const MlNodeMetrics *stakeholder = node (metrics, i);
      const char *label = ml_element_get_label (stakeholder->stakeholder);

      g_assert_cmpfloat (stakeholder->betweenness, >=, 0);
      g_assert_cmpfloat (stakeholder->betweenness, <=, 1 + EPSILON);
      g_assert_cmpfloat (stakeholder->weighted_betweenness, >=, 0);
      g_assert_cmpfloat (stakeholder->weighted_betweenness, <=, 1 + EPSILON);
      g_assert_cmpfloat (stakeholder->closeness, >=, 0);
      g_assert_cmpfloat (stakeholder->closeness, <=, 1 + EPSILON);
      g_assert_cmpuint (stakeholder->component, <, network->n_components);
      g_assert_cmpuint (stakeholder->community, <, network->n_communities);
      g_assert_cmpuint (stakeholder->degree_in + stakeholder->degree_out, >=,
                        stakeholder->degree);
      if (stakeholder->broker)
        g_string_append_printf (brokers, " %s (%.3f)", label, stakeholder->betweenness);
      if (stakeholder->isolated)
        g_string_append_printf (isolates, " %s", label);
    }
  g_assert_cmpfloat (network->modularity, >=, -0.5);
  g_assert_cmpfloat (network->modularity, <=, 1);
  assert_share (network->cross_level_share, 0);
  assert_share (network->cross_sector_share, 0);
  assert_share (network->ownership, 0);
  assert_share (network->ei_type, -1);
  assert_share (network->ei_level, -1);
  assert_share (network->ei_sector, -1);
  g_test_message ("%u stakeholders, %u ties, %u conflicts, %u components, %u communities, "
                  "modularity %.3f, ownership %.2f", n, network->n_ties, network->n_conflicts,
                  network->n_components, network->n_communities, network->modularity,
                  network->ownership);
  g_test_message ("brokers:%s", brokers->len > 0 ? brokers->str : " none");
  g_test_message ("isolated:%s", isolates->len > 0 ? isolates->str : " none");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/graph-metrics/path", test_path);
  g_test_add_func ("/graph-metrics/star", test_star);
  g_test_add_func ("/graph-metrics/barbell", test_barbell);
  g_test_add_func ("/graph-metrics/karate", test_karate);
  g_test_add_func ("/graph-metrics/components", test_components);
  g_test_add_func ("/graph-metrics/degrees-and-conflicts", test_degrees_and_conflicts);
  g_test_add_func ("/graph-metrics/weighted", test_weighted);
  g_test_add_func ("/graph-metrics/mixing", test_mixing);
  g_test_add_func ("/graph-metrics/ownership", test_ownership);
  g_test_add_func ("/graph-metrics/empty", test_empty);

  ml_test_add_sample_tests ("/graph-metrics", test_sample);

  return g_test_run ();
}
