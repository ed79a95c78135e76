/* ml-cli-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-cli.h"
#include "ml-graph-metrics.h"

static const char *
nick (MlElement *element,
      MlField    field)
{
  const MlEnumInfo *info = ml_field_get_info (field)->enum_info;
  int value = ml_element_get_enum (element, field);

  return value >= 0 && (guint) value < info->n_values ? info->nicks[value] : "";
}

static int
compare_by_betweenness (gconstpointer a,
                        gconstpointer b)
{
  const MlNodeMetrics *p = *(const MlNodeMetrics *const *) a;
  const MlNodeMetrics *q = *(const MlNodeMetrics *const *) b;

  if (p->betweenness != q->betweenness)
    return p->betweenness > q->betweenness ? -1 : 1;
  return p->index < q->index ? -1 : p->index > q->index;
}

static const char *
describe_flags (const MlNodeMetrics *node)
{
  if (node->broker)
    return "broker";
  if (node->isolated)
    return "isolated";
  return "";
}

/* Pads by characters, not bytes: labels have dashes and translations have accents. */
static void
print_label (const char *label)
{
  glong length = g_utf8_strlen (label, -1);

  g_print ("  %s%*s", label, (int) MAX (33 - length, 1), "");
}

static void
print_count (const char *label,
             guint       value)
{
  print_label (label);
  g_print ("%6u\n", value);
}

static void
print_share (const char *label,
             double      value)
{
  print_label (label);
  if (isnan (value))
    g_print ("%6s\n", "–");
  else
    g_print ("%6.3f\n", value);
}

static void
print_table (GPtrArray              *sorted,
             const MlNetworkMetrics *network)
{
  g_print ("%-8s %-8s %6s %6s %7s %7s %5s %-8s %-15s %-13s %s\n",
           _("Between"), _("Close"), _("Degree"), _("Weight"), _("Confl."), _("Comp."),
           _("Comm."), _("Flag"), _("Type"), _("Level"), _("Name"));
  for (guint i = 0; i < sorted->len; i++)
    {
      const MlNodeMetrics *node = g_ptr_array_index (sorted, i);
      const char *label = ml_element_get_label (node->stakeholder);

      g_print ("%8.4f %8.4f %6u %6g %7u %7u %5u %-8s %-15s %-13s %s\n",
               node->betweenness, node->closeness, node->degree, node->weighted_degree,
               node->conflict_degree, node->component, node->community,
               describe_flags (node), nick (node->stakeholder, ML_STAKEHOLDER_TYPE),
               nick (node->stakeholder, ML_STAKEHOLDER_LEVEL), label != NULL ? label : "");
    }

  g_print ("\n%s\n", _("Network"));
  print_count (_("Stakeholders"), sorted->len);
  print_count (_("Ties"), network->n_ties);
  print_count (_("Conflicts"), network->n_conflicts);
  print_count (_("Components"), network->n_components);
  print_count (_("Communities"), network->n_communities);
  print_share (_("Modularity"), network->modularity);
  print_share (_("Ties across levels"), network->cross_level_share);
  print_share (_("Ties across sectors"), network->cross_sector_share);
  print_share (_("E–I index by type"), network->ei_type);
  print_share (_("E–I index by level"), network->ei_level);
  print_share (_("E–I index by sector"), network->ei_sector);
  print_share (_("Domestic ownership"), network->ownership);
}

static void
print_csv (GPtrArray *sorted)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* The header is data, read by programs: not translated. */
  g_string_append (out, "id,name,type,level,sector,degree_in,degree_out,degree,conflict_degree,"
                        "weighted_degree,betweenness,weighted_betweenness,closeness,component,"
                        "community,broker,isolated\n");
  for (guint i = 0; i < sorted->len; i++)
    {
      const MlNodeMetrics *node = g_ptr_array_index (sorted, i);
      MlElement *element = node->stakeholder;
      const char *label = ml_element_get_label (element);
      const char *sector = ml_element_get_string (element, ML_STAKEHOLDER_SECTOR);

      ml_csv_append_field (out, ml_element_get_id (element));
      g_string_append_c (out, ',');
      ml_csv_append_field (out, label != NULL ? label : "");
      g_string_append_printf (out, ",%s,%s,", nick (element, ML_STAKEHOLDER_TYPE),
                              nick (element, ML_STAKEHOLDER_LEVEL));
      ml_csv_append_field (out, sector != NULL ? sector : "");
      g_string_append_printf (out, ",%u,%u,%u,%u,", node->degree_in, node->degree_out,
                              node->degree, node->conflict_degree);
      g_string_append_printf (out, "%s,", ml_cli_format_number (buffer, node->weighted_degree));
      g_string_append_printf (out, "%s,", ml_cli_format_number (buffer, node->betweenness));
      g_string_append_printf (out, "%s,", ml_cli_format_number (buffer, node->weighted_betweenness));
      g_string_append_printf (out, "%s,", ml_cli_format_number (buffer, node->closeness));
      g_string_append_printf (out, "%u,%u,%s,%s\n", node->component, node->community,
                              node->broker ? "true" : "false",
                              node->isolated ? "true" : "false");
    }
  g_print ("%s", out->str);
}

static void
print_json (GPtrArray              *sorted,
            const MlNetworkMetrics *network)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"stakeholders\": [");

  for (guint i = 0; i < sorted->len; i++)
    {
      const MlNodeMetrics *node = g_ptr_array_index (sorted, i);
      MlElement *element = node->stakeholder;

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      g_string_append (out, "\"id\": ");
      ml_cli_append_json_string (out, ml_element_get_id (element));
      g_string_append (out, ", \"name\": ");
      ml_cli_append_json_string (out, ml_element_get_label (element));
      g_string_append (out, ", \"type\": ");
      ml_cli_append_json_string (out, nick (element, ML_STAKEHOLDER_TYPE));
      g_string_append (out, ", \"level\": ");
      ml_cli_append_json_string (out, nick (element, ML_STAKEHOLDER_LEVEL));
      g_string_append_printf (out, ", \"degree_in\": %u, \"degree_out\": %u, \"degree\": %u, "
                              "\"conflict_degree\": %u, ", node->degree_in, node->degree_out,
                              node->degree, node->conflict_degree);
      ml_cli_append_json_number (out, "weighted_degree", node->weighted_degree);
      g_string_append (out, ", ");
      ml_cli_append_json_number (out, "betweenness", node->betweenness);
      g_string_append (out, ", ");
      ml_cli_append_json_number (out, "weighted_betweenness", node->weighted_betweenness);
      g_string_append (out, ", ");
      ml_cli_append_json_number (out, "closeness", node->closeness);
      g_string_append_printf (out, ", \"component\": %u, \"community\": %u, \"broker\": %s, "
                              "\"isolated\": %s}", node->component, node->community,
                              node->broker ? "true" : "false", node->isolated ? "true" : "false");
    }
  g_string_append_printf (out, "\n  ],\n  \"network\": {\"ties\": %u, \"conflicts\": %u, "
                          "\"components\": %u, \"communities\": %u, ", network->n_ties,
                          network->n_conflicts, network->n_components, network->n_communities);
  ml_cli_append_json_number (out, "modularity", network->modularity);
  g_string_append (out, ", ");
  ml_cli_append_json_number (out, "cross_level_share", network->cross_level_share);
  g_string_append (out, ", ");
  ml_cli_append_json_number (out, "cross_sector_share", network->cross_sector_share);
  g_string_append (out, ", ");
  ml_cli_append_json_number (out, "ei_type", network->ei_type);
  g_string_append (out, ", ");
  ml_cli_append_json_number (out, "ei_level", network->ei_level);
  g_string_append (out, ", ");
  ml_cli_append_json_number (out, "ei_sector", network->ei_sector);
  g_string_append_printf (out, ", \"owners\": %u, ", network->n_owners);
  ml_cli_append_json_number (out, "ownership", network->ownership);
  g_string_append (out, "}\n}\n");
  g_print ("%s", out->str);
}

int
ml_cli_metrics (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlGraphMetrics) metrics = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  gboolean include_conflicts = FALSE;
  MlCliFormat format;
  int status;
  const GOptionEntry entries[] = {
    { "include-conflicts", 0, 0, G_OPTION_ARG_NONE, &include_conflicts,
      N_("Count conflicts as ties for betweenness, closeness and communities"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — network analysis of the stakeholders"));
  g_option_context_set_summary (context,
                                _("Prints, for each stakeholder, its degree, weighted degree, betweenness, closeness, component and community, and whether it is a broker or isolated, sorted by betweenness; then the measures of the whole network: modularity, ties across levels and sectors, E–I indices and domestic ownership."));
  project = ml_cli_load_formatted ("metrics", context, entries, &argc, &argv, &format,
                                   &status);
  if (project == NULL)
    return status;

  metrics = ml_graph_metrics_compute_full (project,
                                           include_conflicts
                                             ? ML_GRAPH_METRICS_INCLUDE_CONFLICTS
                                             : ML_GRAPH_METRICS_DEFAULT);
  sorted = g_ptr_array_new ();
  for (guint i = 0; i < ml_graph_metrics_get_n_nodes (metrics); i++)
    g_ptr_array_add (sorted, (gpointer) ml_graph_metrics_get_node (metrics, i));
  g_ptr_array_sort (sorted, compare_by_betweenness);

  switch (format)
    {
    case ML_CLI_FORMAT_TABLE:
      print_table (sorted, ml_graph_metrics_get_network (metrics));
      break;
    case ML_CLI_FORMAT_CSV:
      print_csv (sorted);
      break;
    case ML_CLI_FORMAT_JSON:
      print_json (sorted, ml_graph_metrics_get_network (metrics));
      break;
    default:
      g_assert_not_reached ();
    }

  return ML_EXIT_OK;
}
