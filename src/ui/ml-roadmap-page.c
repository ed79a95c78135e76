/* ml-roadmap-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Roadmap page: the timeline with its tools — zoom, fit the horizon, jump to today.
 */

#define G_LOG_DOMAIN "ml-roadmap-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-mission-banner.h"
#include "ml-tool-button.h"
#include "ml-roadmap-page.h"

struct _MlRoadmapPage
{
  AdwBin         parent_instance;

  MlRoadmapView *view;
  GtkWidget     *banner;
};

G_DEFINE_FINAL_TYPE (MlRoadmapPage, ml_roadmap_page, ADW_TYPE_BIN)

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MlRoadmapPage *self = ML_ROADMAP_PAGE (widget);
  double middle = gtk_widget_get_width (GTK_WIDGET (self->view)) / 2.0;

  if (g_str_equal (action_name, "roadmap.zoom-in"))
    ml_roadmap_view_zoom (self->view, 1.5, middle);
  else if (g_str_equal (action_name, "roadmap.zoom-out"))
    ml_roadmap_view_zoom (self->view, 1 / 1.5, middle);
  else if (g_str_equal (action_name, "roadmap.fit"))
    ml_roadmap_view_fit (self->view);
  else
    ml_roadmap_view_scroll_to_day (self->view, ml_date_today ());
}

static void
on_legend_toggled_cb (MlRoadmapPage   *self,
                      GtkToggleButton *button)
{
  ml_roadmap_view_set_show_legend (self->view, gtk_toggle_button_get_active (button));
}

static void
ml_roadmap_page_class_init (MlRoadmapPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "roadmap.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "roadmap.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "roadmap.fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "roadmap.today", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "roadmap.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "roadmap.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "roadmap.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "roadmap.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "roadmap.today", NULL);
  gtk_widget_class_set_css_name (widget_class, "roadmappage");
}

static void
ml_roadmap_page_init (MlRoadmapPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *legend;
  GtkWidget *hint = gtk_label_new (_("Drag a bar to move it, its ends to change dates; Shift-drag from one bar to another to add a dependency."));

  gtk_widget_set_margin_start (tools, 6);
  gtk_widget_set_margin_end (tools, 6);
  gtk_widget_set_margin_top (tools, 6);
  gtk_widget_set_margin_bottom (tools, 6);
  gtk_box_append (GTK_BOX (tools), ml_tool_button_new ("zoom-out-symbolic", _("Zoom Out"),
                                                       _("Zoom Out (Ctrl+−)"),
                                                       "roadmap.zoom-out"));
  gtk_box_append (GTK_BOX (tools), ml_tool_button_new ("zoom-in-symbolic", _("Zoom In"),
                                                       _("Zoom In (Ctrl++)"),
                                                       "roadmap.zoom-in"));
  gtk_box_append (GTK_BOX (tools), ml_tool_button_new ("zoom-fit-best-symbolic",
                                                       _("Show the Whole Horizon"),
                                                       _("Show the Whole Horizon (Ctrl+0)"),
                                                       "roadmap.fit"));
  gtk_box_append (GTK_BOX (tools), ml_tool_button_new ("find-location-symbolic",
                                                       _("Go to Today"),
                                                       _("Go to Today (Ctrl+T)"),
                                                       "roadmap.today"));
  legend = gtk_toggle_button_new_with_label (_("Legend"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (legend), TRUE);
  gtk_widget_set_tooltip_text (legend, _("Show What the Colours and Shapes Mean"));
  gtk_widget_add_css_class (legend, "flat");
  gtk_box_append (GTK_BOX (tools), legend);

  gtk_label_set_ellipsize (GTK_LABEL (hint), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (hint), 1);
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (tools), hint);

  self->view = g_object_new (ML_TYPE_ROADMAP_VIEW, NULL);
  g_signal_connect_swapped (legend, "toggled", G_CALLBACK (on_legend_toggled_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  /* Hidden while the window presents: the room sees the roadmap alone. */
  gtk_widget_add_css_class (tools, "editing-tools");
  gtk_box_append (GTK_BOX (box), tools);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->banner = ml_mission_banner_new ();
  gtk_box_append (GTK_BOX (box), self->banner);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_bin_set_child (ADW_BIN (self), box);
}

void
ml_roadmap_page_set_document (MlRoadmapPage *self,
                              MlDocument    *document)
{
  g_return_if_fail (ML_IS_ROADMAP_PAGE (self));

  ml_roadmap_view_set_document (self->view, document);
}

/**
 * ml_roadmap_page_get_view:
 *
 * Returns: (transfer none): the timeline widget
 */
MlRoadmapView *
ml_roadmap_page_get_view (MlRoadmapPage *self)
{
  g_return_val_if_fail (ML_IS_ROADMAP_PAGE (self), NULL);

  return self->view;
}

/**
 * ml_roadmap_page_set_mission:
 * @mission: (nullable): the one mission whose work to show under its title, as when a
 *   presentation focuses on it, or %NULL for the whole roadmap
 */
void
ml_roadmap_page_set_mission (MlRoadmapPage *self,
                             MlElement     *mission)
{
  g_return_if_fail (ML_IS_ROADMAP_PAGE (self));

  ml_mission_banner_set_mission (self->banner, mission);
  ml_roadmap_view_set_mission (self->view, mission);
}
