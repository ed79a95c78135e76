/* ml-indicators-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Indicators page: by mission and objective, a card for each indicator with its latest
 * value, its status and the core's chart of baseline, measurements, target and the straight
 * path between them; a button on each card adds a measurement.
 */

#define G_LOG_DOMAIN "ml-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-element-summary.h"
#include "ml-format.h"
#include "ml-indicator-chart.h"
#include "ml-indicators-page.h"
#include "ml-label.h"
#include "ml-project-follower.h"
#include "ml-status-pill.h"
#include "ml-view-style.h"

#define CHART_HEIGHT 200

struct _MlIndicatorsPage
{
  AdwBin             parent_instance;

  /* Widgets */
  GtkStack          *stack;
  GtkScrolledWindow *scrolled;
  AdwClamp          *clamp;

  /* Owned references */
  MlProjectFollower  follower;
  GHashTable        *cards;   /* indicator id → its GtkFlowBoxChild, owned by the page */
  MlElement         *mission; /* the one mission shown, or NULL for all */

  MlDate             today;
  gboolean           restoring_focus;
  gboolean           presenting;   /* the projector style */
};

G_DEFINE_FINAL_TYPE (MlIndicatorsPage, ml_indicators_page, ADW_TYPE_BIN)

enum {
  SIGNAL_ELEMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The indicator of the card that @widget is in or is. */
static MlElement *
get_card_indicator (GtkWidget *widget)
{
  GtkWidget *card = gtk_widget_get_ancestor (widget, GTK_TYPE_FLOW_BOX_CHILD);

  g_assert (card != NULL);
  return g_object_get_data (G_OBJECT (card), "indicator");
}

static void
select_card (MlIndicatorsPage *self,
             GtkWidget        *widget)
{
  g_signal_emit (self, signals[SIGNAL_ELEMENT_SELECTED], 0, get_card_indicator (widget));
}

/* Selection follows focus, so that Ctrl+M on a focused card adds to its indicator. */
static void
on_card_focus_entered_cb (GtkEventControllerFocus *controller,
                          MlIndicatorsPage        *self)
{
  if (!self->restoring_focus)
    select_card (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_card_activated_cb (MlIndicatorsPage *self,
                      GtkFlowBoxChild  *card)
{
  select_card (self, GTK_WIDGET (card));
}

static void
on_add_clicked_cb (GtkButton        *button,
                   MlIndicatorsPage *self)
{
  /* The window adds to its selection, and focuses the new measurement's value. */
  select_card (self, GTK_WIDGET (button));
  gtk_widget_activate_action (GTK_WIDGET (button), "win.add-measurement", NULL);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  MlIndicatorsPage *self = user_data;
  MlStyle style = ml_view_style_get (GTK_WIDGET (self), self->presenting);
  double header = ml_indicator_chart_get_header_height (&style);

  /* The card shows the name, unit and status above in widgets: the chart's own are cut off. */
  ml_indicator_chart_draw (get_card_indicator (GTK_WIDGET (area)), self->today, &style, cr, 0,
                           -header, width, height + header);
}

static char *
describe_latest (MlElement *indicator)
{
  MlElement *latest = ml_indicator_get_latest (indicator);
  const char *unit = ml_element_get_string (indicator, ML_INDICATOR_UNIT);
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;

  if (latest == NULL)
    return unit != NULL ? g_strdup_printf (_("No measurement yet · in %s"), unit)
                        : g_strdup (_("No measurement yet"));

  value = ml_format_number (ml_element_get_number (latest, ML_MEASUREMENT_VALUE));
  date = ml_format_date (ml_element_get_date (latest, ML_MEASUREMENT_DATE));
  /* Translators: the latest measurement's value, unit and date: “4.3 AUD/kg on 30 Jun 2026” */
  return g_strdup_printf (_("%s %s on %s"), value, unit != NULL ? unit : "", date);
}

static GtkWidget *
make_card (MlIndicatorsPage *self,
           MlElement        *indicator)
{
  MlIndicatorStatus status = ml_indicator_get_status (indicator, self->today, NULL);
  const char *name = ml_element_get_label (indicator);
  GtkWidget *card = gtk_flow_box_child_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *latest = describe_latest (indicator);
  g_autofree char *summary = ml_element_summary (self->follower.project, indicator);
  g_autofree char *button_label = g_strdup_printf (_("Add Measurement to %s"), name);
  g_autofree char *card_label = g_strdup_printf ("%s: %s", name,
                                                 ml_indicator_status_get_label (status));
  GtkWidget *name_label = ml_label_new_wrapping (name, "heading");
  GtkWidget *latest_label = ml_label_new_wrapping (latest, "latest");

  gtk_widget_add_css_class (latest_label, "dim-label");
  gtk_widget_set_hexpand (name_label, TRUE);
  /* A long name wraps rather than widening its card past the others in the grid. */
  gtk_label_set_max_width_chars (GTK_LABEL (name_label), 30);
  gtk_label_set_max_width_chars (GTK_LABEL (latest_label), 30);

  gtk_widget_set_tooltip_text (button, _("Add Measurement (Ctrl+M)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_clicked_cb), self, 0);

  /* The projector's larger type needs a taller chart to leave room for the line. */
  gtk_widget_set_size_request (area, 300, self->presenting ? CHART_HEIGHT * 3 / 2 : CHART_HEIGHT);
  gtk_widget_set_hexpand (area, TRUE);
  g_object_set_data_full (G_OBJECT (card), "indicator", g_object_ref (indicator), g_object_unref);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, card_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_attach (GTK_GRID (grid), name_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), ml_status_pill_new (status), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), latest_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), button, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), area, 0, 2, 2, 1);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "indicator");

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (card), grid);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  card_label, -1);
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_card_focus_entered_cb), self, 0);
  gtk_widget_add_controller (card, focus);
  g_hash_table_insert (self->cards, g_strdup (ml_element_get_id (indicator)), card);

  return card;
}

static GtkWidget *
make_objective (MlIndicatorsPage *self,
                MlElement        *objective)
{
  GPtrArray *indicators = ml_element_get_children (objective, ML_KIND_INDICATOR);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_box_append (GTK_BOX (box), ml_status_pill_new_objective_heading (objective, self->today));

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  /* Two side by side when there are two or more; a lone card takes the whole line. */
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow),
                                          indicators != NULL && indicators->len > 1 ? 2 : 1);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  g_signal_connect_object (flow, "child-activated", G_CALLBACK (on_card_activated_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    gtk_flow_box_append (GTK_FLOW_BOX (flow), make_card (self, g_ptr_array_index (indicators, i)));
  if (indicators != NULL && indicators->len > 0)
    gtk_box_append (GTK_BOX (box), flow);
  else
    gtk_box_append (GTK_BOX (box), ml_label_new_wrapping (_("No indicators"), "dim-label"));

  return box;
}

static GtkWidget *
make_missions (MlIndicatorsPage *self)
{
  GPtrArray *missions = ml_element_get_children (ml_project_get_root (self->follower.project),
                                                 ML_KIND_MISSION);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  for (guint i = 0; missions != NULL && i < missions->len; i++)
    {
      MlElement *mission = g_ptr_array_index (missions, i);
      GPtrArray *objectives = ml_element_get_children (mission, ML_KIND_OBJECTIVE);

      if (self->mission != NULL && mission != self->mission)
        continue;
      gtk_box_append (GTK_BOX (box),
                      ml_label_new_wrapping (ml_element_get_label (mission), "title-2"));
      for (guint j = 0; objectives != NULL && j < objectives->len; j++)
        gtk_box_append (GTK_BOX (box), make_objective (self, g_ptr_array_index (objectives, j)));
    }

  return box;
}

/* The id of the indicator whose card has the keyboard focus, if one has. */
static char *
find_focused_id (MlIndicatorsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->clamp)) ||
      gtk_widget_get_ancestor (focus, GTK_TYPE_FLOW_BOX_CHILD) == NULL)
    return NULL;

  return g_strdup (ml_element_get_id (get_card_indicator (focus)));
}

static void
refresh (gpointer user_data)
{
  MlIndicatorsPage *self = user_data;
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double scroll = gtk_adjustment_get_value (vadjustment);
  g_autofree char *focused_id = find_focused_id (self);
  g_autoptr(GPtrArray) indicators = NULL;
  GtkWidget *card;

  if (self->follower.project == NULL)
    return;

  self->today = ml_date_today ();
  indicators = ml_project_collect (self->follower.project, ML_KIND_INDICATOR);
  g_hash_table_remove_all (self->cards);
  adw_clamp_set_child (self->clamp, make_missions (self));
  gtk_stack_set_visible_child_name (self->stack, indicators->len > 0 ? "charts" : "empty");

  /* A rebuild after an edit leaves the reader where they were. */
  card = focused_id != NULL ? g_hash_table_lookup (self->cards, focused_id) : NULL;
  if (card != NULL)
    {
      self->restoring_focus = TRUE;
      gtk_widget_grab_focus (card);
      self->restoring_focus = FALSE;
    }
  gtk_adjustment_set_value (vadjustment, scroll);
}

/* The charts take their colours from the style, not from CSS: draw them anew. */
static void
on_style_changed_cb (MlIndicatorsPage *self)
{
  ml_project_follower_schedule (&self->follower);
}

static void
ml_indicators_page_dispose (GObject *object)
{
  MlIndicatorsPage *self = ML_INDICATORS_PAGE (object);

  ml_project_follower_clear (&self->follower);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_object (&self->mission);

  G_OBJECT_CLASS (ml_indicators_page_parent_class)->dispose (object);
}

static void
ml_indicators_page_class_init (MlIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_indicators_page_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "indicatorspage");

  /**
   * MlIndicatorsPage::element-selected:
   * @element: the indicator
   *
   * A card was focused, clicked or activated, or its Add Measurement button pressed.
   */
  signals[SIGNAL_ELEMENT_SELECTED] =
    g_signal_new ("element-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ML_TYPE_ELEMENT);
}

static void
ml_indicators_page_init (MlIndicatorsPage *self)
{
  GtkWidget *empty = adw_status_page_new ();

  ml_project_follower_init (&self->follower, refresh, self);
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stack = GTK_STACK (gtk_stack_new ());
  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  self->clamp = ADW_CLAMP (adw_clamp_new ());

  adw_clamp_set_maximum_size (self->clamp, 1200);
  adw_clamp_set_tightening_threshold (self->clamp, 800);
  gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->clamp));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "starred-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No indicators yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Give an objective an indicator with a baseline and a target, "
                                     "then add measurements with Ctrl+M to follow it here."));

  gtk_stack_add_named (self->stack, GTK_WIDGET (self->scrolled), "charts");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  ml_view_style_watch (GTK_WIDGET (self), G_CALLBACK (on_style_changed_cb));
}

void
ml_indicators_page_set_project (MlIndicatorsPage *self,
                                MlProject        *project)
{
  g_return_if_fail (ML_IS_INDICATORS_PAGE (self));
  g_return_if_fail (ML_IS_PROJECT (project));

  ml_project_follower_set_project (&self->follower, project);
}

/**
 * ml_indicators_page_get_card:
 * @id: an indicator's id
 *
 * Returns: (transfer none) (nullable): the card that shows the indicator @id, a
 *   #GtkFlowBoxChild, or %NULL if there is none
 */
GtkWidget *
ml_indicators_page_get_card (MlIndicatorsPage *self,
                             const char       *id)
{
  g_return_val_if_fail (ML_IS_INDICATORS_PAGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->cards, id);
}

/**
 * ml_indicators_page_set_mission:
 * @mission: (nullable): the one mission to show, as when a presentation focuses on it, or
 *   %NULL for all
 */
void
ml_indicators_page_set_mission (MlIndicatorsPage *self,
                                MlElement        *mission)
{
  g_return_if_fail (ML_IS_INDICATORS_PAGE (self));
  g_return_if_fail (mission == NULL || ML_IS_ELEMENT (mission));

  if (!g_set_object (&self->mission, mission))
    return;
  ml_project_follower_schedule (&self->follower);
}

/**
 * ml_indicators_page_set_presenting:
 * @presenting: whether the window presents: draw the charts in the projector style
 */
void
ml_indicators_page_set_presenting (MlIndicatorsPage *self,
                                   gboolean          presenting)
{
  g_return_if_fail (ML_IS_INDICATORS_PAGE (self));

  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  ml_project_follower_schedule (&self->follower);
}
