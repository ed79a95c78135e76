/* ml-graph-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholder network as a file for network analysis tools: GraphML (networkx, igraph,
 * yEd, Gephi) or GEXF 1.3 (Gephi), with every field of the stakeholders and relations and the
 * measures of ml-graph-metrics as typed attributes.
 *
 * Both files describe a directed graph. A directed relation is one arc from → to; a mutual
 * relation is two arcs, from → to with the relation's id and to → from with the id followed by
 * "-reverse", both carrying the relation's id in the "relation" attribute and "mutual" in
 * "direction". Two arcs rather than one undirected edge, because networkx refuses an undirected
 * edge in a directed GraphML or GEXF graph, and igraph keeps one kind of edge per graph; with
 * two arcs every tool computes in- and out-degrees as ml-graph-metrics does. To count each
 * relation once, group the arcs by "relation".
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

typedef enum
{
  ML_GRAPH_FORMAT_GRAPHML,
  ML_GRAPH_FORMAT_GEXF,
} MlGraphFormat;

gboolean  ml_graph_format_from_string (const char     *name,
                                       MlGraphFormat  *format);
GBytes   *ml_graph_export_to_bytes    (MlProject      *project,
                                       MlGraphFormat   format);
gboolean  ml_graph_export             (MlProject      *project,
                                       MlGraphFormat   format,
                                       const char     *path,
                                       GError        **error);
gboolean  ml_graph_export_is_measure  (const char     *name);

G_END_DECLS
