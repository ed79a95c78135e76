/* ml-graph-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-graph-export"

#include "config.h"

#include <math.h>

#include "ml-graph-export.h"
#include "ml-enums.h"
#include "ml-graph-metrics.h"

typedef enum
{
  ATTR_STRING,
  ATTR_DOUBLE,
  ATTR_INT,
  ATTR_BOOL,
} AttrType;

typedef struct
{
  const char *name;
  AttrType    type;
} Attr;

/* The measures, after the fields; the order of node_values() follows this table. */
static const Attr metric_attrs[] = {
  { "degree", ATTR_INT },
  { "degree_in", ATTR_INT },
  { "degree_out", ATTR_INT },
  { "conflict_degree", ATTR_INT },
  { "weighted_degree", ATTR_DOUBLE },
  { "betweenness", ATTR_DOUBLE },
  { "weighted_betweenness", ATTR_DOUBLE },
  { "closeness", ATTR_DOUBLE },
  { "component", ATTR_INT },
  { "community", ATTR_INT },
  { "broker", ATTR_BOOL },
  { "isolated", ATTR_BOOL },
};

static const Attr edge_attrs[] = {
  { "relation", ATTR_STRING },
  { "kind", ATTR_STRING },
  { "direction", ATTR_STRING },
  { "strength", ATTR_DOUBLE },
  { "description", ATTR_STRING },
};

static AttrType
attr_type_for_field (MlField field)
{
  switch (ml_field_get_info (field)->type)
    {
    case ML_FIELD_TYPE_NUMBER:
      return ATTR_DOUBLE;
    case ML_FIELD_TYPE_INTEGER:
      return ATTR_INT;
    default:
      return ATTR_STRING;
    }
}

static GArray *
collect_node_attrs (void)
{
  GArray *attrs = g_array_new (FALSE, FALSE, sizeof (Attr));

  ML_KIND_FOREACH_FIELD (ML_KIND_STAKEHOLDER, field)
    {
      Attr attr = { ml_field_get_info (field)->name, attr_type_for_field (field) };

      g_array_append_val (attrs, attr);
    }
  g_array_append_vals (attrs, metric_attrs, G_N_ELEMENTS (metric_attrs));

  return attrs;
}

static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static char *
dup_field (MlElement *element,
           MlField    field)
{
  const MlValue *value = ml_element_get_value (element, field);

  if (value == NULL || !ml_value_is_set (value))
    return NULL;

  return ml_value_to_string (value, field);
}

/* The text of every node attribute of @stakeholder, in the order of collect_node_attrs(); NULL
 * where unset, so that the file leaves it out rather than inventing a value.
 */
static GPtrArray *
node_values (MlElement           *stakeholder,
             const MlNodeMetrics *m)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  ML_KIND_FOREACH_FIELD (ML_KIND_STAKEHOLDER, field)
    g_ptr_array_add (values, dup_field (stakeholder, field));

  g_ptr_array_add (values, g_strdup_printf ("%u", m->degree));
  g_ptr_array_add (values, g_strdup_printf ("%u", m->degree_in));
  g_ptr_array_add (values, g_strdup_printf ("%u", m->degree_out));
  g_ptr_array_add (values, g_strdup_printf ("%u", m->conflict_degree));
  g_ptr_array_add (values, format_double (m->weighted_degree));
  g_ptr_array_add (values, format_double (m->betweenness));
  g_ptr_array_add (values, format_double (m->weighted_betweenness));
  g_ptr_array_add (values, format_double (m->closeness));
  g_ptr_array_add (values, g_strdup_printf ("%u", m->component));
  g_ptr_array_add (values, g_strdup_printf ("%u", m->community));
  g_ptr_array_add (values, g_strdup (m->broker ? "true" : "false"));
  g_ptr_array_add (values, g_strdup (m->isolated ? "true" : "false"));

  return values;
}

static GPtrArray *
edge_values (MlElement *relation)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  const char *direction =
    ml_element_get_enum (relation, ML_RELATION_DIRECTION) == ML_RELATION_MUTUAL ? "mutual"
                                                                            : "directed";

  g_ptr_array_add (values, g_strdup (ml_element_get_id (relation)));
  g_ptr_array_add (values, dup_field (relation, ML_RELATION_KIND));
  g_ptr_array_add (values, g_strdup (direction));
  g_ptr_array_add (values, dup_field (relation, ML_RELATION_STRENGTH));
  g_ptr_array_add (values, dup_field (relation, ML_RELATION_DESCRIPTION));

  return values;
}

/* Missing strengths weigh 2, the middle of the scale, as in ml-graph-metrics. */
static double
relation_weight (MlElement *relation)
{
  double strength = ml_element_get_number (relation, ML_RELATION_STRENGTH);

  return isnan (strength) ? 2 : strength;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static const char *
graphml_type (AttrType type)
{
  static const char *const names[] = { "string", "double", "int", "boolean" };

  return names[type];
}

static const char *
gexf_type (AttrType type)
{
  static const char *const names[] = { "string", "double", "integer", "boolean" };

  return names[type];
}

typedef struct
{
  MlElement *relation;
  MlElement *source;
  MlElement *target;
  gboolean   reverse;
} Arc;

/* The arcs of the graph: one per directed relation, two per mutual one; relations whose ends
 * are not two stakeholders of the network are left out, as ml-graph-metrics leaves them out.
 */
static GArray *
collect_arcs (MlProject      *project,
              MlGraphMetrics *metrics)
{
  g_autoptr(GPtrArray) relations = ml_project_collect (project, ML_KIND_RELATION);
  GArray *arcs = g_array_new (FALSE, FALSE, sizeof (Arc));

  for (guint i = 0; i < relations->len; i++)
    {
      MlElement *relation = g_ptr_array_index (relations, i);
      MlElement *from = ml_project_lookup (project,
                                           ml_element_get_string (relation, ML_RELATION_FROM));
      MlElement *to = ml_project_lookup (project,
                                         ml_element_get_string (relation, ML_RELATION_TO));
      Arc arc = { relation, from, to, FALSE };

      if (from == NULL || to == NULL || from == to || ml_graph_metrics_lookup (metrics, from) == NULL ||
          ml_graph_metrics_lookup (metrics, to) == NULL)
        continue;

      g_array_append_val (arcs, arc);
      if (ml_element_get_enum (relation, ML_RELATION_DIRECTION) == ML_RELATION_MUTUAL)
        {
          Arc back = { relation, to, from, TRUE };

          g_array_append_val (arcs, back);
        }
    }

  return arcs;
}

static char *
arc_id (const Arc *arc)
{
  const char *id = ml_element_get_id (arc->relation);

  return arc->reverse ? g_strconcat (id, "-reverse", NULL) : g_strdup (id);
}

static void
write_graphml (GString        *out,
               MlProject      *project,
               MlGraphMetrics *metrics)
{
  g_autoptr(GArray) node_attrs = collect_node_attrs ();
  g_autoptr(GArray) arcs = collect_arcs (project, metrics);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");

  /* Gephi and yEd show the "label" attribute: repeat the name there. */
  g_string_append (out, "  <key id=\"n_label\" for=\"node\" attr.name=\"label\" "
                        "attr.type=\"string\"/>\n");
  for (guint i = 0; i < node_attrs->len; i++)
    {
      const Attr *attr = &g_array_index (node_attrs, Attr, i);

      g_string_append_printf (out,
                              "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" "
                              "attr.type=\"%s\"/>\n",
                              attr->name, attr->name, graphml_type (attr->type));
    }
  for (guint i = 0; i < G_N_ELEMENTS (edge_attrs); i++)
    g_string_append_printf (out,
                            "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" "
                            "attr.type=\"%s\"/>\n",
                            edge_attrs[i].name, edge_attrs[i].name,
                            graphml_type (edge_attrs[i].type));
  g_string_append (out, "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" "
                        "attr.type=\"double\"/>\n");

  g_string_append (out, "  <graph id=\"stakeholders\" edgedefault=\"directed\">\n");

  for (guint n = 0; n < ml_graph_metrics_get_n_nodes (metrics); n++)
    {
      const MlNodeMetrics *m = ml_graph_metrics_get_node (metrics, n);
      g_autoptr(GPtrArray) values = node_values (m->stakeholder, m);
      const char *name = ml_element_get_string (m->stakeholder, ML_STAKEHOLDER_NAME);

      g_string_append (out, "    <node id=\"");
      append_escaped (out, ml_element_get_id (m->stakeholder));
      g_string_append (out, "\">\n");
      if (name != NULL)
        {
          g_string_append (out, "      <data key=\"n_label\">");
          append_escaped (out, name);
          g_string_append (out, "</data>\n");
        }
      for (guint i = 0; i < values->len; i++)
        {
          const char *value = g_ptr_array_index (values, i);

          if (value == NULL)
            continue;
          g_string_append_printf (out, "      <data key=\"n_%s\">",
                                  g_array_index (node_attrs, Attr, i).name);
          append_escaped (out, value);
          g_string_append (out, "</data>\n");
        }
      g_string_append (out, "    </node>\n");
    }

  for (guint a = 0; a < arcs->len; a++)
    {
      const Arc *arc = &g_array_index (arcs, Arc, a);
      g_autoptr(GPtrArray) values = edge_values (arc->relation);
      g_autofree char *id = arc_id (arc);
      g_autofree char *weight = format_double (relation_weight (arc->relation));

      g_string_append (out, "    <edge id=\"");
      append_escaped (out, id);
      g_string_append (out, "\" source=\"");
      append_escaped (out, ml_element_get_id (arc->source));
      g_string_append (out, "\" target=\"");
      append_escaped (out, ml_element_get_id (arc->target));
      g_string_append (out, "\">\n");
      for (guint i = 0; i < values->len; i++)
        {
          const char *value = g_ptr_array_index (values, i);

          if (value == NULL)
            continue;
          g_string_append_printf (out, "      <data key=\"e_%s\">", edge_attrs[i].name);
          append_escaped (out, value);
          g_string_append (out, "</data>\n");
        }
      g_string_append_printf (out, "      <data key=\"e_weight\">%s</data>\n", weight);
      g_string_append (out, "    </edge>\n");
    }

  g_string_append (out, "  </graph>\n</graphml>\n");
}

static void
append_attvalues (GString         *out,
                  const char      *indent,
                  GPtrArray       *values,
                  const Attr      *attrs)
{
  gboolean any = FALSE;

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      if (value == NULL)
        continue;
      if (!any)
        g_string_append_printf (out, "%s<attvalues>\n", indent);
      any = TRUE;
      g_string_append_printf (out, "%s  <attvalue for=\"%s\" value=\"", indent, attrs[i].name);
      append_escaped (out, value);
      g_string_append (out, "\"/>\n");
    }
  if (any)
    g_string_append_printf (out, "%s</attvalues>\n", indent);
}

static void
write_gexf (GString        *out,
            MlProject      *project,
            MlGraphMetrics *metrics)
{
  g_autoptr(GArray) node_attrs = collect_node_attrs ();
  g_autoptr(GArray) arcs = collect_arcs (project, metrics);
  g_autofree char *title = ml_project_dup_title (project, ml_project_get_root (project));

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
                   "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
                   "      version=\"1.3\">\n"
                   "  <meta>\n"
                   "    <creator>MissionLab</creator>\n");
  if (title != NULL)
    {
      g_string_append (out, "    <description>");
      append_escaped (out, title);
      g_string_append (out, "</description>\n");
    }
  g_string_append (out, "  </meta>\n"
                        "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
                        "    <attributes class=\"node\" mode=\"static\">\n");
  for (guint i = 0; i < node_attrs->len; i++)
    {
      const Attr *attr = &g_array_index (node_attrs, Attr, i);

      g_string_append_printf (out,
                              "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
                              attr->name, attr->name, gexf_type (attr->type));
    }
  g_string_append (out, "    </attributes>\n"
                        "    <attributes class=\"edge\" mode=\"static\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (edge_attrs); i++)
    g_string_append_printf (out, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
                            edge_attrs[i].name, edge_attrs[i].name,
                            gexf_type (edge_attrs[i].type));
  g_string_append (out, "    </attributes>\n    <nodes>\n");

  for (guint n = 0; n < ml_graph_metrics_get_n_nodes (metrics); n++)
    {
      const MlNodeMetrics *m = ml_graph_metrics_get_node (metrics, n);
      g_autoptr(GPtrArray) values = node_values (m->stakeholder, m);
      const char *name = ml_element_get_string (m->stakeholder, ML_STAKEHOLDER_NAME);
      double x = ml_element_get_number (m->stakeholder, ML_STAKEHOLDER_X);
      double y = ml_element_get_number (m->stakeholder, ML_STAKEHOLDER_Y);

      g_string_append (out, "      <node id=\"");
      append_escaped (out, ml_element_get_id (m->stakeholder));
      g_string_append (out, "\" label=\"");
      append_escaped (out, name != NULL ? name : ml_element_get_id (m->stakeholder));
      g_string_append (out, "\">\n");
      append_attvalues (out, "        ", values, (const Attr *) node_attrs->data);
      if (!isnan (x) && !isnan (y))
        {
          g_autofree char *vx = format_double (x);
          /* The map's y grows downwards, Gephi's upwards: flip it so the picture looks the
           * same. The attribute y keeps the map's value. */
          g_autofree char *vy = format_double (-y);

          g_string_append_printf (out, "        <viz:position x=\"%s\" y=\"%s\" z=\"0\"/>\n", vx,
                                  vy);
        }
      g_string_append (out, "      </node>\n");
    }

  g_string_append (out, "    </nodes>\n    <edges>\n");
  for (guint a = 0; a < arcs->len; a++)
    {
      const Arc *arc = &g_array_index (arcs, Arc, a);
      g_autoptr(GPtrArray) values = edge_values (arc->relation);
      g_autofree char *id = arc_id (arc);
      g_autofree char *weight = format_double (relation_weight (arc->relation));
      const char *kind = g_ptr_array_index (values, 1);

      g_string_append (out, "      <edge id=\"");
      append_escaped (out, id);
      g_string_append (out, "\" source=\"");
      append_escaped (out, ml_element_get_id (arc->source));
      g_string_append (out, "\" target=\"");
      append_escaped (out, ml_element_get_id (arc->target));
      g_string_append_printf (out, "\" type=\"directed\" weight=\"%s\"", weight);
      if (kind != NULL)
        {
          g_string_append (out, " label=\"");
          append_escaped (out, kind);
          g_string_append (out, "\"");
        }
      g_string_append (out, ">\n");
      append_attvalues (out, "        ", values, edge_attrs);
      g_string_append (out, "      </edge>\n");
    }
  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");
}

/**
 * ml_graph_format_from_string:
 * @name: "graphml" or "gexf", in any case
 * @format: (out): the format
 *
 * Returns: whether @name names a format
 */
gboolean
ml_graph_format_from_string (const char    *name,
                             MlGraphFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "graphml") == 0)
    *format = ML_GRAPH_FORMAT_GRAPHML;
  else if (g_ascii_strcasecmp (name, "gexf") == 0)
    *format = ML_GRAPH_FORMAT_GEXF;
  else
    return FALSE;

  return TRUE;
}

/**
 * ml_graph_export_to_bytes:
 * @project: a project
 * @format: the file format
 *
 * Returns: (transfer full): the stakeholder network of @project as a GraphML or GEXF document
 */
GBytes *
ml_graph_export_to_bytes (MlProject     *project,
                          MlGraphFormat  format)
{
  g_autoptr(MlGraphMetrics) metrics = NULL;
  GString *out;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  metrics = ml_graph_metrics_compute (project);
  out = g_string_sized_new (16384);
  if (format == ML_GRAPH_FORMAT_GEXF)
    write_gexf (out, project, metrics);
  else
    write_graphml (out, project, metrics);

  return g_string_free_to_bytes (out);
}

/**
 * ml_graph_export:
 * @project: a project
 * @format: the file format
 * @path: the file to write
 * @error: return location for an error
 *
 * Writes the stakeholder network of @project to @path, atomically: a reader sees the old file
 * or the new one, never half of one. An export can be made again at any time, so unlike a
 * project it keeps no backup.
 *
 * Returns: whether the file was written
 */
gboolean
ml_graph_export (MlProject      *project,
                 MlGraphFormat   format,
                 const char     *path,
                 GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (ML_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = ml_graph_export_to_bytes (project, format);
  data = g_bytes_get_data (bytes, &length);

  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                   error);
}

/**
 * ml_graph_export_is_measure:
 * @name: an attribute name
 *
 * Importers ignore the measures an export adds to the nodes: they are computed, not entered.
 *
 * Returns: whether the export writes a node measure called @name
 */
gboolean
ml_graph_export_is_measure (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (metric_attrs); i++)
    if (strcmp (metric_attrs[i].name, name) == 0)
      return TRUE;

  return FALSE;
}
