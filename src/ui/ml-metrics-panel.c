/* ml-metrics-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coordination measures beside the stakeholder map: the network's (groups, ties across
 * levels, local ownership) and a sortable table of each stakeholder's ties, brokerage and group,
 * whose rows select the stakeholder.
 */

#define G_LOG_DOMAIN "ml-metrics-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ml-graph-metrics.h"
#include "ml-metrics-panel.h"

/* One row of the table. */
#define ML_TYPE_METRICS_ROW (ml_metrics_row_get_type ())
G_DECLARE_FINAL_TYPE (MlMetricsRow, ml_metrics_row, ML, METRICS_ROW, GObject)

struct _MlMetricsRow
{
  GObject    parent_instance;

  MlElement *stakeholder;
  char      *name;
  guint      degree;
  double     betweenness;
  guint      community;
  gboolean   broker;
  gboolean   isolated;
};

G_DEFINE_FINAL_TYPE (MlMetricsRow, ml_metrics_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_NAME,
  ROW_PROP_DEGREE,
  ROW_PROP_BETWEENNESS,
  ROW_PROP_COMMUNITY,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

static void
ml_metrics_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MlMetricsRow *self = ML_METRICS_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ROW_PROP_DEGREE:
      g_value_set_uint (value, self->degree);
      break;
    case ROW_PROP_BETWEENNESS:
      g_value_set_double (value, self->betweenness);
      break;
    case ROW_PROP_COMMUNITY:
      g_value_set_uint (value, self->community);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_metrics_row_finalize (GObject *object)
{
  MlMetricsRow *self = ML_METRICS_ROW (object);

  g_clear_object (&self->stakeholder);
  g_free (self->name);

  G_OBJECT_CLASS (ml_metrics_row_parent_class)->finalize (object);
}

static void
ml_metrics_row_class_init (MlMetricsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ml_metrics_row_get_property;
  object_class->finalize = ml_metrics_row_finalize;

  row_properties[ROW_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_DEGREE] =
    g_param_spec_uint ("degree", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_BETWEENNESS] =
    g_param_spec_double ("betweenness", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_COMMUNITY] =
    g_param_spec_uint ("community", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
ml_metrics_row_init (MlMetricsRow *self)
{
}

struct _MlMetricsPanel
{
  AdwBin         parent_instance;

  GtkLabel      *summary;
  GtkColumnView *table;
  GListStore    *rows;

  MlProject     *project;
  guint          refresh_source;
};

G_DEFINE_FINAL_TYPE (MlMetricsPanel, ml_metrics_panel, ADW_TYPE_BIN)

static void
update_summary (MlMetricsPanel       *self,
                const MlNetworkMetrics *network)
{
  g_autofree char *text = ml_network_metrics_dup_summary (network);

  gtk_label_set_label (self->summary, text);
}

static gboolean
refresh (gpointer user_data)
{
  MlMetricsPanel *self = user_data;
  g_autoptr(MlGraphMetrics) metrics = NULL;

  self->refresh_source = 0;
  g_list_store_remove_all (self->rows);
  if (self->project == NULL)
    return G_SOURCE_REMOVE;

  metrics = ml_graph_metrics_compute (self->project);
  for (guint i = 0; i < ml_graph_metrics_get_n_nodes (metrics); i++)
    {
      const MlNodeMetrics *node = ml_graph_metrics_get_node (metrics, i);
      g_autoptr(MlMetricsRow) row = g_object_new (ML_TYPE_METRICS_ROW, NULL);

      row->stakeholder = g_object_ref (node->stakeholder);
      row->name = ml_project_dup_title (self->project, node->stakeholder);
      row->degree = node->degree;
      row->betweenness = node->betweenness;
      row->community = node->community + 1;
      row->broker = node->broker;
      row->isolated = node->isolated;
      g_list_store_append (self->rows, row);
    }
  update_summary (self, ml_graph_metrics_get_network (metrics));

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (MlMetricsPanel *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh, self);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  MlMetricsRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (column))
    {
    case ROW_PROP_NAME:
      /* Brokers and isolated actors are what a facilitator looks for first. */
      text = row->broker ? g_strdup_printf (_("Broker · %s"), row->name)
           : row->isolated ? g_strdup_printf (_("Isolated · %s"), row->name)
           : g_strdup (row->name);
      gtk_label_set_xalign (label, 0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
      break;
    case ROW_PROP_DEGREE:
      text = g_strdup_printf ("%u", row->degree);
      gtk_label_set_xalign (label, 1);
      break;
    case ROW_PROP_BETWEENNESS:
      text = g_strdup_printf ("%.2f", row->betweenness);
      gtk_label_set_xalign (label, 1);
      break;
    default:
      text = g_strdup_printf ("%u", row->community);
      gtk_label_set_xalign (label, 1);
      break;
    }

  gtk_label_set_label (label, text);
}

static GtkColumnViewColumn *
add_column (MlMetricsPanel *self,
            const char     *title,
            int             property,
            GtkSorter      *sorter,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (property));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->table, column);
  g_object_unref (column);
  g_object_unref (sorter);

  return column;
}

static GtkSorter *
numeric_sorter (const char *property)
{
  GtkNumericSorter *sorter =
    gtk_numeric_sorter_new (gtk_property_expression_new (ML_TYPE_METRICS_ROW, NULL, property));

  gtk_numeric_sorter_set_sort_order (sorter, GTK_SORT_DESCENDING);

  return GTK_SORTER (sorter);
}

static void
on_row_activated_cb (GtkColumnView  *table,
                     guint           position,
                     MlMetricsPanel *self)
{
  g_autoptr(MlMetricsRow) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)),
                                                       position);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-id", "s",
                                ml_element_get_id (row->stakeholder));
}

static void
ml_metrics_panel_dispose (GObject *object)
{
  MlMetricsPanel *self = ML_METRICS_PANEL (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (ml_metrics_panel_parent_class)->dispose (object);
}

static void
ml_metrics_panel_class_init (MlMetricsPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ml_metrics_panel_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "metricspanel");
}

static void
ml_metrics_panel_init (MlMetricsPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Coordination"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *brokerage;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));

  self->rows = g_list_store_new (ML_TYPE_METRICS_ROW);
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_set_single_click_activate (self->table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");

  add_column (self, _("Stakeholder"), ROW_PROP_NAME,
              GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (ML_TYPE_METRICS_ROW,
                                                                              NULL, "name"))),
              TRUE);
  add_column (self, _("Ties"), ROW_PROP_DEGREE, numeric_sorter ("degree"), FALSE);
  brokerage = add_column (self, _("Brokerage"), ROW_PROP_BETWEENNESS,
                         numeric_sorter ("betweenness"), FALSE);
  add_column (self, _("Group"), ROW_PROP_COMMUNITY, numeric_sorter ("community"), FALSE);
  g_signal_connect (self->table, "activate", G_CALLBACK (on_row_activated_cb), self);
  /* Brokers first: who holds the network together is the first question. */
  gtk_column_view_sort_by_column (self->table, brokerage, GTK_SORT_ASCENDING);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  /* Sideways too, so that on a small screen the table does not widen the window. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_bin_set_child (ADW_BIN (self), box);
}

void
ml_metrics_panel_set_project (MlMetricsPanel *self,
                              MlProject      *project)
{
  g_return_if_fail (ML_IS_METRICS_PANEL (self));
  g_return_if_fail (ML_IS_PROJECT (project));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  ml_project_connect_any_change (project, G_CALLBACK (schedule_refresh), self);
  schedule_refresh (self);
}
