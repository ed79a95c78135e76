/* ml-stakeholder-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Stakeholders page: the map with its tools — the layout, arranging again, zoom, legend.
 */

#define G_LOG_DOMAIN "ml-stakeholder-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-tool-button.h"
#include "ml-metrics-panel.h"
#include "ml-mission-banner.h"
#include "ml-pane-layout.h"
#include "ml-stakeholder-page.h"

struct _MlStakeholderPage
{
  AdwBin             parent_instance;

  MlStakeholderView *view;
  MlMetricsPanel    *metrics;
  GPtrArray         *type_checks;
  GPtrArray         *level_checks;
  GPtrArray         *kind_checks;
  GtkEditable       *sector_entry;
  GtkRevealer       *metrics_revealer;
  GtkWidget         *banner;
  MlDocument        *document;
};

G_DEFINE_FINAL_TYPE (MlStakeholderPage, ml_stakeholder_page, ADW_TYPE_BIN)

static void
map_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MlStakeholderPage *self = ML_STAKEHOLDER_PAGE (widget);

  if (g_str_equal (action_name, "map.zoom-in"))
    ml_stakeholder_view_zoom (self->view, 1.25);
  else if (g_str_equal (action_name, "map.zoom-out"))
    ml_stakeholder_view_zoom (self->view, 1 / 1.25);
  else if (g_str_equal (action_name, "map.fit"))
    ml_stakeholder_view_fit (self->view);
  else
    ml_stakeholder_view_arrange_again (self->view);
}

static void
on_layout_selected_cb (MlStakeholderPage *self,
                       GParamSpec        *pspec,
                       GtkDropDown       *chooser)
{
  ml_stakeholder_view_set_layout_kind (self->view, gtk_drop_down_get_selected (chooser));
}

static void
on_legend_toggled_cb (MlStakeholderPage *self,
                      GtkToggleButton   *button)
{
  ml_stakeholder_view_set_show_legend (self->view, gtk_toggle_button_get_active (button));
}

static guint32
hidden_mask (GPtrArray *checks)
{
  guint32 mask = 0;

  for (guint i = 0; i < checks->len; i++)
    if (!gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      mask |= 1u << i;

  return mask;
}

static void
apply_filter (MlStakeholderPage *self)
{
  ml_stakeholder_view_set_filter (self->view, hidden_mask (self->type_checks),
                                  hidden_mask (self->level_checks),
                                  hidden_mask (self->kind_checks),
                                  gtk_editable_get_text (self->sector_entry));
}

/* A column of check buttons, one per value of an enumerated field, all shown at first. */
static GtkWidget *
make_checks (MlStakeholderPage *self,
             MlField            field,
             const char        *title,
             GPtrArray         *checks)
{
  const MlEnumInfo *info = ml_field_get_info (field)->enum_info;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  for (guint i = 0; i < info->n_values; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(info->labels[i]));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (apply_filter), self);
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (checks, check);
    }

  return box;
}

static GtkWidget *
make_filter_button (MlStakeholderPage *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *sector = gtk_search_entry_new ();

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Filter"));
  gtk_widget_set_tooltip_text (button, _("Show Only Some Types, Levels, Sectors or Relations"));
  gtk_widget_add_css_class (button, "flat");

  self->sector_entry = GTK_EDITABLE (sector);
  g_object_set (sector, "placeholder-text", _("Sector or policy field"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sector), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sector or policy field"), -1);
  g_signal_connect_swapped (sector, "search-changed", G_CALLBACK (apply_filter), self);
  gtk_box_append (GTK_BOX (box), sector);

  gtk_box_append (GTK_BOX (columns), make_checks (self, ML_STAKEHOLDER_TYPE, _("Types"),
                                                  self->type_checks));
  gtk_box_append (GTK_BOX (columns), make_checks (self, ML_STAKEHOLDER_LEVEL,
                                                  _("Levels of Governance"), self->level_checks));
  gtk_box_append (GTK_BOX (columns), make_checks (self, ML_RELATION_KIND, _("Relations"),
                                                  self->kind_checks));
  gtk_box_append (GTK_BOX (box), columns);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}

static void
on_metrics_toggled_cb (MlStakeholderPage *self,
                       GtkToggleButton   *button)
{
  gtk_revealer_set_reveal_child (self->metrics_revealer, gtk_toggle_button_get_active (button));
}

static void
on_project_replaced_cb (MlStakeholderPage *self)
{
  ml_metrics_panel_set_project (self->metrics, ml_document_get_project (self->document));
}

static void
ml_stakeholder_page_dispose (GObject *object)
{
  MlStakeholderPage *self = ML_STAKEHOLDER_PAGE (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->type_checks, g_ptr_array_unref);
  g_clear_pointer (&self->level_checks, g_ptr_array_unref);
  g_clear_pointer (&self->kind_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ml_stakeholder_page_parent_class)->dispose (object);
}

static void
ml_stakeholder_page_class_init (MlStakeholderPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ml_stakeholder_page_dispose;
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, map_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, map_action);
  gtk_widget_class_install_action (widget_class, "map.fit", NULL, map_action);
  gtk_widget_class_install_action (widget_class, "map.arrange", NULL, map_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "map.fit", NULL);
  gtk_widget_class_set_css_name (widget_class, "stakeholderpage");
}

static void
ml_stakeholder_page_init (MlStakeholderPage *self)
{
  /* In the order of MlLayoutKind. */
  const char *layouts[] = {
    _("Who Works with Whom"), _("Power and Interest"), _("Levels of Governance"), _("Types"),
    NULL,
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *tools = gtk_flow_box_new ();
  GtkWidget *arrange = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *view_tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *panels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *chooser = gtk_drop_down_new_from_strings (layouts);
  GtkWidget *legend = gtk_toggle_button_new_with_label (_("Legend"));
  GtkWidget *measures = gtk_toggle_button_new_with_label (_("Measures"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *map = gtk_overlay_new ();
  GtkWidget *hint = gtk_label_new (_("Drag a stakeholder to place it; Shift-drag from one to another to add a relation."));

  /* Three groups that wrap onto a second line on a small screen. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (tools), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (tools), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (tools), 12);
  gtk_widget_set_margin_start (tools, 6);
  gtk_widget_set_margin_end (tools, 6);
  gtk_widget_set_margin_top (tools, 6);
  gtk_widget_set_margin_bottom (tools, 6);
  gtk_widget_set_tooltip_text (chooser, _("How to Arrange the Map"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How to Arrange the Map"), -1);
  gtk_box_append (GTK_BOX (arrange), chooser);
  self->type_checks = g_ptr_array_new ();
  self->level_checks = g_ptr_array_new ();
  self->kind_checks = g_ptr_array_new ();
  gtk_box_append (GTK_BOX (arrange), make_filter_button (self));
  gtk_box_append (GTK_BOX (view_tools), ml_tool_button_new ("view-refresh-symbolic",
                                                            _("Arrange Again"),
                                                            _("Arrange Again (placed stakeholders stay)"),
                                                            "map.arrange"));
  gtk_box_append (GTK_BOX (view_tools), ml_tool_button_new ("zoom-out-symbolic", _("Zoom Out"),
                                                            _("Zoom Out (Ctrl+−)"),
                                                            "map.zoom-out"));
  gtk_box_append (GTK_BOX (view_tools), ml_tool_button_new ("zoom-in-symbolic", _("Zoom In"),
                                                            _("Zoom In (Ctrl++)"),
                                                            "map.zoom-in"));
  gtk_box_append (GTK_BOX (view_tools), ml_tool_button_new ("zoom-fit-best-symbolic",
                                                            _("Show the Whole Map"),
                                                            _("Show the Whole Map (Ctrl+0)"),
                                                            "map.fit"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (legend), TRUE);
  gtk_widget_add_css_class (legend, "flat");
  gtk_box_append (GTK_BOX (panels), legend);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (measures), TRUE);
  gtk_widget_set_tooltip_text (measures, _("Ties, Brokers, Groups and Ownership"));
  gtk_widget_add_css_class (measures, "flat");
  gtk_box_append (GTK_BOX (panels), measures);
  gtk_flow_box_append (GTK_FLOW_BOX (tools), arrange);
  gtk_flow_box_append (GTK_FLOW_BOX (tools), view_tools);
  gtk_flow_box_append (GTK_FLOW_BOX (tools), panels);
  for (GtkWidget *child = gtk_widget_get_first_child (tools); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  /* Over the map's corner, where it takes no room from the tools. */
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 1);
  gtk_widget_set_halign (hint, GTK_ALIGN_END);
  gtk_widget_set_valign (hint, GTK_ALIGN_END);
  gtk_widget_set_margin_end (hint, 12);
  gtk_widget_set_margin_bottom (hint, 6);
  gtk_widget_set_can_target (hint, FALSE);
  gtk_widget_add_css_class (hint, "dim-label");

  self->view = g_object_new (ML_TYPE_STAKEHOLDER_VIEW, NULL);
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->view), TRUE);
  self->metrics = g_object_new (ML_TYPE_METRICS_PANEL, NULL);
  gtk_widget_set_layout_manager (GTK_WIDGET (self->metrics), ml_pane_layout_new (340));
  self->metrics_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->metrics_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT);
  gtk_revealer_set_reveal_child (self->metrics_revealer, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->metrics_revealer), FALSE);
  gtk_box_append (GTK_BOX (side), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->metrics));
  gtk_revealer_set_child (self->metrics_revealer, side);
  gtk_overlay_set_child (GTK_OVERLAY (map), GTK_WIDGET (self->view));
  gtk_overlay_add_overlay (GTK_OVERLAY (map), hint);
  gtk_box_append (GTK_BOX (body), map);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->metrics_revealer));
  g_signal_connect_swapped (measures, "toggled", G_CALLBACK (on_metrics_toggled_cb), self);
  g_signal_connect_swapped (chooser, "notify::selected", G_CALLBACK (on_layout_selected_cb), self);
  g_signal_connect_swapped (legend, "toggled", G_CALLBACK (on_legend_toggled_cb), self);

  /* Hidden while the window presents: the room sees the map alone. */
  gtk_widget_add_css_class (tools, "editing-tools");
  gtk_widget_add_css_class (hint, "editing-tools");
  gtk_widget_add_css_class (GTK_WIDGET (self->metrics_revealer), "editing-tools");
  gtk_box_append (GTK_BOX (box), tools);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->banner = ml_mission_banner_new ();
  gtk_box_append (GTK_BOX (box), self->banner);
  gtk_box_append (GTK_BOX (box), body);
  adw_bin_set_child (ADW_BIN (self), box);
}

void
ml_stakeholder_page_set_document (MlStakeholderPage *self,
                                  MlDocument        *document)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_PAGE (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_swapped (document, "notify::project", G_CALLBACK (on_project_replaced_cb), self);
  ml_stakeholder_view_set_document (self->view, document);
  on_project_replaced_cb (self);
}

/**
 * ml_stakeholder_page_get_view:
 *
 * Returns: (transfer none): the map widget
 */
MlStakeholderView *
ml_stakeholder_page_get_view (MlStakeholderPage *self)
{
  g_return_val_if_fail (ML_IS_STAKEHOLDER_PAGE (self), NULL);

  return self->view;
}

/**
 * ml_stakeholder_page_set_mission:
 * @mission: (nullable): the one mission whose stakeholders to show under its title, as when a
 *   presentation focuses on it, or %NULL for all
 */
void
ml_stakeholder_page_set_mission (MlStakeholderPage *self,
                                 MlElement         *mission)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_PAGE (self));

  ml_mission_banner_set_mission (self->banner, mission);
  ml_stakeholder_view_set_mission (self->view, mission);
}
