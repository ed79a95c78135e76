/* ml-window-present.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode, for a projector in a workshop: the window goes full screen without its
 * chrome, every view takes the projector style, and the facilitator steps through a sequence
 * of views with what a clicker remote sends (arrows, Page Up/Down, Space). The sequence can
 * focus on one mission, and a quick-capture entry (Ctrl+K) adds what the room says from one
 * typed line, through the undo stack like any other change.
 */

#define G_LOG_DOMAIN "ml-window-present"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-quick-capture.h"
#include "ml-tool-button.h"
#include "ml-window-private.h"

/* The seconds the bar stays after the pointer last moved. */
#define BAR_SECONDS 3

/* The Portfolio and the Library are wide tables that large type cannot fit on a projector:
 * the sequence leaves them out. The Candidates page presents its vote board.
 */
static const char *const sequence[] = {
  "overview", "roadmap", "stakeholders", "policy-mix", "indicators", "candidates",
};

static int
find_in_sequence (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sequence); i++)
    if (g_strcmp0 (sequence[i], name) == 0)
      return i;

  return -1;
}

static GPtrArray *
get_missions (MlWindow *self)
{
  MlProject *project = ml_document_get_project (self->document);

  return ml_element_get_children (ml_project_get_root (project), ML_KIND_MISSION);
}

static void
update_label (MlWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);
  AdwViewStackPage *page = child != NULL ? adw_view_stack_get_page (self->view_stack, child) : NULL;
  const char *title = page != NULL ? adw_view_stack_page_get_title (page) : "";
  g_autofree char *text = NULL;

  /* Translators: the view shown while presenting and its place in the sequence,
   * "Roadmap · 2/5". */
  text = g_strdup_printf (_("%s · %d/%u"), title, find_in_sequence (name) + 1,
                          (guint) G_N_ELEMENTS (sequence));
  if (self->present_mission != NULL)
    {
      g_autofree char *view = g_steal_pointer (&text);

      text = g_strdup_printf ("%s · %s", view, ml_element_get_label (self->present_mission));
    }
  gtk_label_set_label (self->present_label, text);
}

static gboolean
hide_bar_cb (gpointer user_data)
{
  MlWindow *self = user_data;

  self->bar_timeout = 0;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->present_bar), FALSE);

  return G_SOURCE_REMOVE;
}

/* The bar fades in when the pointer moves and out when it rests: the room sees only the view. */
static void
show_bar (MlWindow *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->present_bar), TRUE);
  g_clear_handle_id (&self->bar_timeout, g_source_remove);
  self->bar_timeout = g_timeout_add_seconds (BAR_SECONDS, hide_bar_cb, self);
}

static void
set_mission (MlWindow  *self,
             MlElement *mission)
{
  g_set_object (&self->present_mission, mission);
  ml_overview_page_set_mission (self->overview_page, mission);
  ml_roadmap_page_set_mission (self->roadmap_page, mission);
  ml_stakeholder_page_set_mission (self->stakeholder_page, mission);
  ml_mix_page_set_mission (self->mix_page, mission);
  ml_indicators_page_set_mission (self->indicators_page, mission);
  update_label (self);
}

static void
fill_missions_menu (MlWindow *self)
{
  GPtrArray *missions = get_missions (self);

  g_menu_remove_all (self->present_missions);
  g_menu_append (self->present_missions, _("All Missions"), "win.present-mission('')");
  for (guint i = 0; missions != NULL && i < missions->len; i++)
    {
      MlElement *mission = g_ptr_array_index (missions, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (ml_element_get_label (mission), NULL);

      g_menu_item_set_action_and_target (item, "win.present-mission", "s",
                                         ml_element_get_id (mission));
      g_menu_append_item (self->present_missions, item);
    }
}

static void
set_views_presenting (MlWindow *self,
                      gboolean  presenting)
{
  ml_roadmap_view_set_presenting (ml_roadmap_page_get_view (self->roadmap_page), presenting);
  ml_stakeholder_view_set_presenting (ml_stakeholder_page_get_view (self->stakeholder_page),
                                      presenting);
  ml_mix_page_set_presenting (self->mix_page, presenting);
  ml_indicators_page_set_presenting (self->indicators_page, presenting);
  ml_candidates_page_set_presenting (self->candidates_page, presenting);
}

/* Pages mark their tools, hints and side panels "editing-tools": hidden while presenting. */
static void
hide_editing_tools (MlWindow  *self,
                    GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, "editing-tools"))
        {
          if (gtk_widget_get_visible (child))
            {
              gtk_widget_set_visible (child, FALSE);
              g_ptr_array_add (self->hidden_tools, g_object_ref (child));
            }
          continue;
        }
      hide_editing_tools (self, child);
    }
}

static void
set_chrome_visible (MlWindow *self,
                    gboolean  visible)
{
  if (visible)
    {
      for (guint i = 0; i < self->hidden_tools->len; i++)
        gtk_widget_set_visible (g_ptr_array_index (self->hidden_tools, i), TRUE);
      g_ptr_array_set_size (self->hidden_tools, 0);
    }
  else
    {
      hide_editing_tools (self, GTK_WIDGET (self->view_stack));
    }
  gtk_widget_set_visible (self->header_bar, visible);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_revealer), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->inspector_revealer), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), visible);
}

static void
hide_capture (MlWindow *self)
{
  gtk_widget_set_visible (self->capture_box, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->capture_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->capture_error), FALSE);
  if (self->presenting)
    gtk_widget_grab_focus (GTK_WIDGET (self->view_stack));
}

static void
enter_presentation (MlWindow *self)
{
  const char *current = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->presenting || self->document == NULL)
    return;

  self->presenting = TRUE;
  g_free (self->view_before);
  self->view_before = g_strdup (current);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
  set_chrome_visible (self, FALSE);
  set_views_presenting (self, TRUE);
  if (find_in_sequence (current) < 0)
    adw_view_stack_set_visible_child_name (self->view_stack, sequence[0]);
  fill_missions_menu (self);
  update_label (self);
  show_bar (self);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->view_stack));
}

static void
leave_presentation (MlWindow *self)
{
  if (!self->presenting)
    return;

  self->presenting = FALSE;
  gtk_window_unfullscreen (GTK_WINDOW (self));
  hide_capture (self);
  g_clear_handle_id (&self->bar_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->present_bar), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
  set_views_presenting (self, FALSE);
  set_mission (self, NULL);
  set_chrome_visible (self, TRUE);
  if (self->view_before != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, self->view_before);
  g_clear_pointer (&self->view_before, g_free);
}

static void
step (MlWindow *self,
      int       delta)
{
  int position = find_in_sequence (adw_view_stack_get_visible_child_name (self->view_stack));

  /* A clicker pressed past either end stays there rather than jump around. */
  position = CLAMP (position + delta, 0, (int) G_N_ELEMENTS (sequence) - 1);
  adw_view_stack_set_visible_child_name (self->view_stack, sequence[position]);
  update_label (self);
}

static void
focus_nth_mission (MlWindow *self,
                   guint     n)
{
  GPtrArray *missions = get_missions (self);
  MlElement *mission = missions != NULL && n > 0 && n <= missions->len
                         ? g_ptr_array_index (missions, n - 1) : NULL;

  /* The digit of the mission in focus takes the focus off it, as 0 does. */
  if (n == 0 || (mission != NULL && mission == self->present_mission))
    set_mission (self, NULL);
  else if (mission != NULL)
    set_mission (self, mission);
  show_bar (self);
}

static void
show_capture (MlWindow *self)
{
  gtk_widget_set_visible (self->capture_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->capture_entry));
}

static void
on_capture_activated_cb (MlWindow *self)
{
  const char *line = gtk_editable_get_text (GTK_EDITABLE (self->capture_entry));
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  MlElement *created = NULL;
  AdwToast *toast;

  if (self->document == NULL)
    return;

  command = ml_quick_capture_parse (ml_document_get_project (self->document),
                                    self->present_mission, line, ml_date_today (), &created,
                                    &error);
  if (command == NULL || !ml_document_push (self->document, command, &error))
    {
      gtk_label_set_label (self->capture_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->capture_error), TRUE);
      return;
    }

  /* Translators: shown after a quick capture added an element, with its name. */
  message = g_strdup_printf (_("Added “%s”"), ml_element_get_label (created));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  ml_window_select (self, created);
  hide_capture (self);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   MlWindow              *self)
{
  GtkWidget *focus;

  if (gtk_widget_get_visible (self->capture_box))
    {
      if (keyval != GDK_KEY_Escape)
        return FALSE;
      hide_capture (self);
      return TRUE;
    }

  /* Shortcuts such as Ctrl+K and Ctrl+Z keep working while presenting, and an open menu
   * (the missions) keeps its keys.
   */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (!self->presenting || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 ||
      (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL))
    return FALSE;

  /* On the vote board Up and Down choose a candidate and + and − vote; the clicker's Page
   * Up, Page Down and Space still step.
   */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "candidates") == 0 &&
      ml_candidates_page_handle_key (self->candidates_page, keyval))
    return TRUE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
      step (self, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      step (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      step (self, -(int) G_N_ELEMENTS (sequence));
      return TRUE;
    case GDK_KEY_End:
      step (self, G_N_ELEMENTS (sequence));
      return TRUE;
    case GDK_KEY_Escape:
      leave_presentation (self);
      return TRUE;
    default:
      if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
        {
          focus_nth_mission (self, keyval - GDK_KEY_0);
          return TRUE;
        }
      return FALSE;
    }
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              MlWindow                 *self)
{
  if (self->presenting)
    show_bar (self);
}

/* F5 (present or leave) and the bar's buttons: next, previous, quick capture and leave. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);

  if (g_str_equal (action_name, "win.present") && !self->presenting)
    enter_presentation (self);
  else if (g_str_equal (action_name, "win.present-next"))
    step (self, 1);
  else if (g_str_equal (action_name, "win.present-previous"))
    step (self, -1);
  else if (g_str_equal (action_name, "win.quick-capture"))
    show_capture (self);
  else
    leave_presentation (self);
}

static void
present_mission_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  MlElement *mission = NULL;

  if (self->document != NULL && *id != '\0')
    mission = ml_project_lookup (ml_document_get_project (self->document), id);
  set_mission (self, mission);
}

static GtkWidget *
make_button (const char *icon_name,
             const char *tooltip,
             const char *action_name)
{
  GtkWidget *button = ml_tool_button_new (icon_name, tooltip, NULL, action_name);

  gtk_widget_add_css_class (button, "circular");

  return button;
}

static GtkWidget *
make_bar (MlWindow *self)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *missions = gtk_menu_button_new ();

  gtk_widget_add_css_class (box, "osd");
  gtk_widget_add_css_class (box, "toolbar");
  gtk_widget_add_css_class (box, "present-bar");
  gtk_box_append (GTK_BOX (box), make_button ("go-previous-symbolic", _("Previous View (Left)"),
                                              "win.present-previous"));
  self->present_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->present_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->present_label, 40);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->present_label));
  gtk_box_append (GTK_BOX (box), make_button ("go-next-symbolic", _("Next View (Right)"),
                                              "win.present-next"));

  self->present_missions = g_menu_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (missions), "mark-location-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (missions),
                                  G_MENU_MODEL (self->present_missions));
  gtk_widget_set_tooltip_text (missions, _("Focus on a Mission (1–9, 0 for All)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (missions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Focus on a Mission (1–9, 0 for All)"), -1);
  gtk_box_append (GTK_BOX (box), missions);
  gtk_box_append (GTK_BOX (box), make_button ("list-add-symbolic", _("Quick Capture (Ctrl+K)"),
                                              "win.quick-capture"));
  gtk_box_append (GTK_BOX (box), make_button ("view-restore-symbolic",
                                              _("Leave Presentation (Esc)"),
                                              "win.present-leave"));

  gtk_revealer_set_transition_type (GTK_REVEALER (revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_transition_duration (GTK_REVEALER (revealer), 400);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  gtk_widget_set_halign (revealer, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (revealer, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (revealer, 24);

  return revealer;
}

static GtkWidget *
make_capture (MlWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Quick Capture"));

  gtk_widget_add_css_class (box, "osd");
  gtk_widget_add_css_class (box, "quick-capture");
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);

  self->capture_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (
    self->capture_entry, _("stakeholder: Name · activity: Name · relation: A -> B · note: text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->capture_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quick Capture"), -1);
  g_signal_connect_object (self->capture_entry, "activate", G_CALLBACK (on_capture_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->capture_entry));

  self->capture_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->capture_error, TRUE);
  gtk_label_set_xalign (self->capture_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->capture_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->capture_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->capture_error));

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_size_request (box, 560, -1);
  gtk_widget_set_visible (box, FALSE);

  return box;
}

void
ml_window_present_init (MlWindow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hidden_tools = g_ptr_array_new_with_free_func (g_object_unref);

  self->present_bar = make_bar (self);
  gtk_overlay_add_overlay (self->present_overlay, self->present_bar);
  self->capture_box = make_capture (self);
  gtk_overlay_add_overlay (self->present_overlay, self->capture_box);

  /* Before the focused view: in presentation the arrows step, they do not scroll. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

void
ml_window_present_dispose (MlWindow *self)
{
  g_clear_handle_id (&self->bar_timeout, g_source_remove);
  g_clear_object (&self->present_missions);
  g_clear_object (&self->present_mission);
  g_clear_pointer (&self->view_before, g_free);
  g_clear_pointer (&self->hidden_tools, g_ptr_array_unref);
}

/**
 * ml_window_get_presenting:
 *
 * Returns: whether the window is in presentation mode
 */
gboolean
ml_window_get_presenting (MlWindow *self)
{
  g_return_val_if_fail (ML_IS_WINDOW (self), FALSE);

  return self->presenting;
}

void
ml_window_class_present_init (MlWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, MlWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, present_overlay);

  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-leave", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-next", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-previous", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-mission", "s",
                                   present_mission_action);
  gtk_widget_class_install_action (widget_class, "win.quick-capture", NULL, present_action);
}
