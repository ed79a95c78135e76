/* ml-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-project-io.h"
#include "ml-window-private.h"

G_DEFINE_FINAL_TYPE (MlWindow, ml_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  PROP_SHOW_INSPECTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (MlWindow *self)
{
  g_autofree char *file = NULL;
  g_autofree char *title = NULL;
  g_autofree char *full = NULL;
  const char *project_title;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("MissionLab"));
      adw_view_switcher_title_set_title (self->switcher_title, _("MissionLab"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      return;
    }

  project_title = ml_element_get_string (ml_project_get_root (ml_document_get_project (self->document)),
                                         ML_PROJECT_TITLE);
  file = ml_document_get_display_name (self->document);
  /* The dot marks unsaved changes, as GNOME Text Editor does. */
  title = g_strdup_printf ("%s%s", ml_document_get_modified (self->document) ? "• " : "",
                           project_title != NULL ? project_title : file);
  full = g_strdup_printf ("%s — %s", title, file);

  gtk_window_set_title (GTK_WINDOW (self), full);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, file);
}

static void
on_project_changed_cb (MlWindow  *self,
                       MlElement *element,
                       int        field)
{
  if (field == ML_PROJECT_TITLE)
    update_title (self);
}

static void
on_element_removed_cb (MlWindow  *self,
                       MlElement *element)
{
  MlElement *selected = self->selected;

  /* The selection went with the element (or one of its ancestors). */
  for (; selected != NULL; selected = ml_element_get_parent (selected))
    if (selected == element)
      {
        ml_window_select (self, NULL);
        return;
      }
}

static void
bind_project (MlWindow *self)
{
  MlProject *project = ml_document_get_project (self->document);

  g_signal_connect_object (project, "changed", G_CALLBACK (on_project_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "removed", G_CALLBACK (on_element_removed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ml_document_get_undo_stack (self->document), "notify",
                           G_CALLBACK (ml_window_update_actions), self, G_CONNECT_SWAPPED);
  ml_element_list_set_document (self->element_list, self->document);
  ml_inspector_set_document (self->inspector, self->document);
  ml_overview_page_set_project (self->overview_page, project);
  ml_roadmap_page_set_document (self->roadmap_page, self->document);
  ml_stakeholder_page_set_document (self->stakeholder_page, self->document);
  ml_mix_page_set_document (self->mix_page, self->document);
  ml_portfolio_page_set_project (self->portfolio_page, project);
  ml_indicators_page_set_project (self->indicators_page, project);
  ml_candidates_page_set_document (self->candidates_page, self->document);
  ml_window_select (self, NULL);
  update_title (self);
  ml_window_update_actions (self);
}

static void
on_document_notify_cb (MlWindow   *self,
                       GParamSpec *pspec)
{
  if (g_strcmp0 (pspec->name, "project") == 0)
    bind_project (self);
  update_title (self);
  ml_window_update_actions (self);
}

/* The views move to the bottom when the window is too narrow for them in the header. */
static void
update_switcher_bar (MlWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->document != NULL &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
on_element_selected_cb (MlWindow  *self,
                        MlElement *element)
{
  ml_window_select (self, element);
}

static void
on_edit_requested_cb (MlWindow *self)
{
  g_object_set (self, "show-inspector", TRUE, NULL);
  ml_inspector_focus_field (self->inspector, ML_NO_FIELD);
}

static void
on_sample_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        MlWindow      *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-path", "s", path);
}

static GtkWidget *
make_file_row (const char *path,
               const char *title)
{
  g_autofree char *base = g_path_get_basename (path);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), base);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);

  return row;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort() passes pointers to the elements. */
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
fill_samples (MlWindow *self)
{
  MlApplication *app = ML_APPLICATION (g_application_get_default ());
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (app == NULL)
    return;

  dir_path = ml_application_get_samples_dir (app);
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".mlab"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autoptr(MlProject) project = ml_project_load (path, NULL, NULL, NULL);
      const char *title;

      if (project == NULL)
        continue;
      title = ml_element_get_string (ml_project_get_root (project), ML_PROJECT_TITLE);
      gtk_list_box_append (self->samples_list, make_file_row (path, title));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->samples_list), names->len > 0);
}

/* The welcome page reads the samples only when it is shown: opening a project does not wait. */
static void
on_map_cb (MlWindow *self)
{
  if (self->document == NULL && !self->samples_filled)
    {
      self->samples_filled = TRUE;
      fill_samples (self);
    }
}

static void
update_recent_menu (MlWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (recent[i]);
      g_autofree char *label = g_filename_display_name (base);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "app.open-path", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MlWindow         *self);

static gboolean
close_confirmed_cb (gpointer user_data)
{
  MlWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

/* Closes from the main loop: the dialog that asked is still answering when this is called. */
static void
close_later (MlWindow *self)
{
  g_idle_add (close_confirmed_cb, g_object_ref (self));
}

static void
close_after_save (MlWindow *self,
                  gboolean  saved)
{
  if (saved)
    close_later (self);
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MlWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      ml_document_discard_recovery (self->document);
      close_later (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      ml_window_save (self, FALSE, close_after_save);
    }
}

static gboolean
ml_window_close_request (GtkWindow *window)
{
  MlWindow *self = ML_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  int width, height;

  if (self->document != NULL && ml_document_get_modified (self->document) &&
      !self->close_confirmed)
    {
      name = ml_document_get_display_name (self->document);
      heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, heading,
                                                           _("Unsaved changes are lost if you do not save them.")));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_close_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (self->document != NULL && ml_document_get_path (self->document) != NULL)
    g_settings_set_string (self->settings, "last-project", ml_document_get_path (self->document));

  return GTK_WINDOW_CLASS (ml_window_parent_class)->close_request (window);
}

static void
ml_window_dispose (GObject *object)
{
  MlWindow *self = ML_WINDOW (object);

  ml_window_present_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_WINDOW);
  g_clear_object (&self->selected);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ml_window_parent_class)->dispose (object);
}

static void
ml_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MlWindow *self = ML_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->sidebar_revealer == NULL ||
                                  gtk_revealer_get_reveal_child (self->sidebar_revealer));
      break;
    case PROP_SHOW_INSPECTOR:
      g_value_set_boolean (value, self->show_inspector);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The inspector takes room only when it has something to edit: on a small screen an empty one
 * would squeeze the views for nothing.
 */
static void
update_inspector (MlWindow *self)
{
  gtk_revealer_set_reveal_child (self->inspector_revealer,
                                 self->show_inspector && self->selected != NULL);
}

static void
ml_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MlWindow *self = ML_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      gtk_revealer_set_reveal_child (self->sidebar_revealer, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SHOW_INSPECTOR:
      self->show_inspector = g_value_get_boolean (value);
      update_inspector (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The Library needs no project: a window without one shows it alone, without the outline. */
static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_revealer), self->document != NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "library");
  gtk_stack_set_visible_child_name (self->main_stack, "project");
}

static void
ml_window_class_init (MlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ml_window_dispose;
  object_class->get_property = ml_window_get_property;
  object_class->set_property = ml_window_set_property;
  window_class->close_request = ml_window_close_request;

  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_INSPECTOR] =
    g_param_spec_boolean ("show-inspector", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ML_TYPE_CANDIDATES_PAGE);
  g_type_ensure (ML_TYPE_ELEMENT_LIST);
  g_type_ensure (ML_TYPE_INSPECTOR);
  g_type_ensure (ML_TYPE_INDICATORS_PAGE);
  g_type_ensure (ML_TYPE_LIBRARY_PAGE);
  g_type_ensure (ML_TYPE_MIX_PAGE);
  g_type_ensure (ML_TYPE_OVERVIEW_PAGE);
  g_type_ensure (ML_TYPE_PORTFOLIO_PAGE);
  g_type_ensure (ML_TYPE_ROADMAP_PAGE);
  g_type_ensure (ML_TYPE_STAKEHOLDER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/MissionLab/ml-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MlWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, inspector_revealer);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, element_list);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, roadmap_page);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, stakeholder_page);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, mix_page);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, portfolio_page);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, indicators_page);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, candidates_page);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, library_page);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, samples_list);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, recent_menu);

  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-inspector", "show-inspector");
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  ml_window_class_actions_init (klass);
  ml_window_class_import_init (klass);
  ml_window_class_present_init (klass);
}

static void
ml_window_init (MlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "show-sidebar", self, "show-sidebar", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-inspector", self, "show-inspector",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->element_list, "element-selected",
                           G_CALLBACK (on_element_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ml_roadmap_page_get_view (self->roadmap_page), "element-selected",
                           G_CALLBACK (on_element_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ml_roadmap_page_get_view (self->roadmap_page), "edit-requested",
                           G_CALLBACK (on_edit_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ml_stakeholder_page_get_view (self->stakeholder_page), "element-selected",
                           G_CALLBACK (on_element_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ml_stakeholder_page_get_view (self->stakeholder_page), "edit-requested",
                           G_CALLBACK (on_edit_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mix_page, "element-selected",
                           G_CALLBACK (on_element_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->indicators_page, "element-selected",
                           G_CALLBACK (on_element_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->portfolio_page, "element-selected",
                           G_CALLBACK (on_element_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->candidates_page, "element-selected",
                           G_CALLBACK (on_element_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->samples_list, "row-activated", G_CALLBACK (on_sample_activated_cb), self);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (update_switcher_bar), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  update_recent_menu (self);
  update_title (self);
  ml_window_update_actions (self);
  ml_window_present_init (self);
}

/**
 * ml_window_new:
 *
 * Returns: (transfer none): a new window showing the welcome page
 */
MlWindow *
ml_window_new (MlApplication *application)
{
  return g_object_new (ML_TYPE_WINDOW, "application", application, NULL);
}

/**
 * ml_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document, or %NULL on the welcome page
 */
MlDocument *
ml_window_get_document (MlWindow *self)
{
  g_return_val_if_fail (ML_IS_WINDOW (self), NULL);

  return self->document;
}

void
ml_window_set_document (MlWindow   *self,
                        MlDocument *document)
{
  g_return_if_fail (ML_IS_WINDOW (self));
  g_return_if_fail (ML_IS_DOCUMENT (document));
  g_return_if_fail (self->document == NULL);

  self->document = g_object_ref (document);
  g_signal_connect_object (document, "notify", G_CALLBACK (on_document_notify_cb), self,
                           G_CONNECT_SWAPPED);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  /* A project opened from the Library shown alone is shown itself. */
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_revealer), TRUE);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "library") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  gtk_stack_set_visible_child_name (self->main_stack, "project");
  update_switcher_bar (self);
  bind_project (self);
}

/**
 * ml_window_get_selected:
 *
 * Returns: (transfer none) (nullable): the element shown in the inspector
 */
MlElement *
ml_window_get_selected (MlWindow *self)
{
  g_return_val_if_fail (ML_IS_WINDOW (self), NULL);

  return self->selected;
}

void
ml_window_select (MlWindow  *self,
                  MlElement *element)
{
  g_return_if_fail (ML_IS_WINDOW (self));

  if (!g_set_object (&self->selected, element))
    return;

  ml_element_list_select (self->element_list, element);
  ml_roadmap_view_set_selected (ml_roadmap_page_get_view (self->roadmap_page), element);
  ml_stakeholder_view_set_selected (ml_stakeholder_page_get_view (self->stakeholder_page), element);
  ml_mix_page_set_selected (self->mix_page, element);
  ml_inspector_set_element (self->inspector, element);
  update_inspector (self);
  ml_window_update_actions (self);
}

/**
 * ml_window_show_error:
 *
 * Shows an error the user must read, in a dialog over the window.
 */
void
ml_window_show_error (MlWindow   *self,
                      const char *title,
                      const char *details)
{
  GtkWidget *dialog;

  g_return_if_fail (ML_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), title, details);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ml_window_show_toast (MlWindow   *self,
                      const char *message)
{
  g_return_if_fail (ML_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
