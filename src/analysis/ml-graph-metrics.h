/* ml-graph-metrics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Network analysis of the stakeholders of a project: who coordinates with whom, who brokers
 * between groups, which groups form, and how the ties spread across levels of governance,
 * sectors and types of actor.
 *
 * The graph: the nodes are the stakeholders, in document order; the edges are the relations
 * between two different stakeholders. Relations from a stakeholder to itself, and relations
 * whose ends are not both stakeholders of the project, are ignored. A relation's weight is its
 * strength, 2 when unset (the middle of the 1–3 scale).
 *
 * Degrees follow the relations as written: a directed relation is an arc from → to, a mutual one
 * counts both ways, so it adds one to the in- and the out-degree of each end. The total degree
 * counts each relation once at each end. Degrees and weighted degrees count coordination ties
 * only; conflicts are counted apart, in conflict_degree.
 *
 * Betweenness, closeness, components and communities treat the coordination graph as
 * undirected: whether a ministry funds an agency or reports to it, information and influence
 * travel both ways along the tie, and a directed reading would make most stakeholders
 * unreachable from one another in the small, sparse networks that projects record. Several
 * relations between the same two stakeholders make one edge whose weight is the largest
 * strength among them. Conflicts are left out of this graph unless
 * ML_GRAPH_METRICS_INCLUDE_CONFLICTS is given: a conflict is not a channel of coordination.
 *
 * - betweenness: Brandes' algorithm on unweighted shortest paths, normalised as networkx does
 *   for undirected graphs, by 2 / ((n − 1)(n − 2)); 0 when n ≤ 2.
 * - weighted_betweenness: the same with Dijkstra, the length of an edge being 1 / weight, so
 *   that a strong tie is a short one. Path lengths are equal when they differ by less than
 *   1e-9 (sums of 1/3 are not exact in floating point).
 * - closeness: networkx's closeness_centrality on unweighted distances, with the
 *   Wasserman–Faust correction for disconnected graphs: (r − 1)² / ((n − 1) · Σ d) where r
 *   counts the nodes the stakeholder reaches, itself included; 0 when it reaches no one.
 * - component: connected components, numbered from 0 in order of their first stakeholder.
 * - community: Louvain modularity optimisation on the weighted graph, made deterministic: nodes
 *   are visited in document order, a node moves only for a strictly larger gain, and among equal
 *   gains the lower community index wins. Communities are numbered from 0 in order of their
 *   first stakeholder. A stakeholder without coordination ties is a community of its own.
 * - isolated: no relation at all, conflicts included.
 * - broker: normalised betweenness ≥ ML_GRAPH_METRICS_BROKER_BETWEENNESS and a coordination tie
 *   to a community other than its own, so that its ties reach at least two communities: it sits
 *   on many shortest paths and those paths cross groups, which is what a broker does.
 *
 * Network measures, over the coordination ties (each relation once, conflicts excluded, whatever
 * the flags):
 * - cross_level_share, cross_sector_share: the share of ties whose ends differ in level, or in
 *   sector (compared ignoring case, and counting only ties whose two ends have a sector).
 * - ei_type, ei_level, ei_sector: Krackhardt's E–I index (E − I) / (E + I), E the ties between
 *   groups and I those within: −1 when all ties stay within groups, +1 when all cross.
 * - ownership: who owns the mission. The owners are the stakeholders whose role is lead or
 *   funder, and the funders named by relations of kind funding (the "from" end of a directed
 *   one, both ends of a mutual one), each counted once. An owner is external when its type is
 *   international or its level supranational or global, domestic otherwise (local, regional or
 *   national). ownership is the domestic share: 1 when all owners are domestic, 0 when all are
 *   external.
 * Each of these is NAN when there is nothing to count.
 *
 * The result holds pointers to the stakeholders but does not follow edits: compute it again.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

/* Normalised betweenness from which a stakeholder tied to two communities is a broker: it lies
 * on a tenth of all the shortest paths between other stakeholders. */
#define ML_GRAPH_METRICS_BROKER_BETWEENNESS 0.1

typedef enum
{
  ML_GRAPH_METRICS_DEFAULT = 0,
  ML_GRAPH_METRICS_INCLUDE_CONFLICTS = 1 << 0, /* conflicts are edges for paths and groups */
} MlGraphMetricsFlags;

typedef struct
{
  MlElement *stakeholder;
  guint      index;                /* in document order */
  guint      degree_in;
  guint      degree_out;
  guint      degree;
  guint      conflict_degree;      /* conflict relations touching it */
  double     weighted_degree;      /* sum of the strengths of its coordination ties */
  double     betweenness;          /* normalised, unweighted */
  double     weighted_betweenness; /* normalised, lengths 1 / strength */
  double     closeness;
  guint      component;
  guint      community;
  gboolean   isolated;
  gboolean   broker;
} MlNodeMetrics;

typedef struct
{
  guint  n_ties;             /* coordination relations between two stakeholders */
  guint  n_conflicts;
  guint  n_components;
  guint  n_communities;
  double modularity;         /* of the communities, on the graph they were found in */
  double cross_level_share;
  double cross_sector_share;
  double ei_type;
  double ei_level;
  double ei_sector;
  guint  n_owners;
  double ownership;
} MlNetworkMetrics;

typedef struct _MlGraphMetrics MlGraphMetrics;

MlGraphMetrics         *ml_graph_metrics_compute       (MlProject           *project);
MlGraphMetrics         *ml_graph_metrics_compute_full  (MlProject           *project,
                                                        MlGraphMetricsFlags  flags);
void                    ml_graph_metrics_free          (MlGraphMetrics      *self);
guint                   ml_graph_metrics_get_n_nodes   (MlGraphMetrics      *self);
const MlNodeMetrics    *ml_graph_metrics_get_node      (MlGraphMetrics      *self,
                                                        guint                i);
const MlNodeMetrics    *ml_graph_metrics_lookup        (MlGraphMetrics      *self,
                                                        MlElement           *stakeholder);
const MlNetworkMetrics *ml_graph_metrics_get_network   (MlGraphMetrics      *self);

char                   *ml_network_metrics_dup_summary (const MlNetworkMetrics *network);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlGraphMetrics, ml_graph_metrics_free)

G_END_DECLS
