/* ml-graphml-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stakeholders and relations from a GraphML file: the network as MissionLab exports it
 * (ml-graph-export), or as yEd, Gephi or networkx write it. Like the CSV import, it happens in
 * two steps: a preview (an #MlImport) says what will be added, what is skipped and what is
 * wrong, line by line; then one command adds everything valid as one undo step.
 *
 * Nodes become stakeholders and edges relations. <data> values are matched to fields by the
 * attr.name of their <key>, ignoring case: the stakeholder fields (name, type, level, sector,
 * influence, interest, role, engagement, x, y, description) and the relation fields (kind,
 * direction, strength, description). A node's name is its "name", else its "label" (Gephi,
 * networkx), else the text of a yEd node label, else its id. The measures the export adds
 * (degree, betweenness, …) and "weight" are ignored silently; other unknown keys give one
 * warning. As in the CSV import, type and level of a stakeholder and kind of a relation are
 * required, so a node or edge without them is an error rather than a guess.
 *
 * A node whose name is that of a stakeholder of the project (ignoring case) is skipped, and its
 * edges join that stakeholder; a relation the project already has (same ends, same kind; either
 * order for a mutual one) is skipped. The two arcs the export writes for a mutual relation,
 * which share the "relation" attribute, become one relation again. Edges are mutual when they
 * say so in "direction", or when the graph or edge is undirected.
 *
 * The file is parsed as safely as a project: no network, no DTD (a DOCTYPE is refused), no
 * entity expansion, libxml2's depth limit, UTF-8 only, at most %ML_GRAPHML_MAX_SIZE bytes.
 */

#pragma once

#include "ml-import.h"

G_BEGIN_DECLS

/* Our export of a network of a thousand stakeholders, with every measure, is about 2 MB. */
#define ML_GRAPHML_MAX_SIZE ((gsize) 16 * 1024 * 1024)

MlImport *ml_graphml_import_preview      (MlProject   *project,
                                          const char  *data,
                                          gsize        length,
                                          GError     **error);
MlImport *ml_graphml_import_preview_file (MlProject   *project,
                                          const char  *path,
                                          GError     **error);

G_END_DECLS
