/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window, driven as a user would: open a sample, edit through the inspector, undo and
 * redo, save and reopen; the unsaved-changes prompt; deleting with consequences; adding a
 * measurement from the keyboard; restoring after a crash.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ml-application.h"
#include "ml-diagnostic.h"
#include "ml-inspector.h"
#include "ml-project-io.h"
#include "ml-roadmap-view.h"
#include "ml-stakeholder-view.h"
#include "ml-window-private.h"

typedef struct
{
  MlApplication *app;
  char          *dir;
  char          *path;
} Fixture;

static void
drain (void)
{
  /* Let idle work (layout, overview refresh) run, without waiting for anything. */
  for (guint i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
remove_recoveries (const char *recovery_dir)
{
  g_autoptr(GPtrArray) recoveries = ml_recovery_list (recovery_dir);

  for (guint i = 0; i < recoveries->len; i++)
    ml_recovery_discard (g_ptr_array_index (recoveries, i), recovery_dir);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("MISSIONLAB_DATA_DIR"), "samples",
                                              "csiro-hydrogen.mlab", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  fixture->dir = g_dir_make_tmp ("window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "hydrogen.mlab", NULL);
  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);

  fixture->app = ml_application_new ();
  remove_recoveries (ml_application_get_recovery_dir (fixture->app));
  /* Settings live in memory for the whole run: each test starts from the defaults. */
  g_settings_reset (ml_application_get_settings (fixture->app), "last-project");
  g_settings_reset (ml_application_get_settings (fixture->app), "recent-files");
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
}

static void
close_all (MlApplication *app)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_all (fixture->app);
  remove_recoveries (ml_application_get_recovery_dir (fixture->app));
  g_clear_object (&fixture->app);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static MlWindow *
open_project (Fixture *fixture)
{
  GtkWindow *window;

  ml_application_open_path (fixture->app, fixture->path);
  drain ();
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  if (window == NULL)
    window = gtk_application_get_windows (GTK_APPLICATION (fixture->app))->data;
  g_assert_true (ML_IS_WINDOW (window));
  g_assert_nonnull (ml_window_get_document (ML_WINDOW (window)));

  return ML_WINDOW (window);
}

static MlInspector *
get_inspector (MlWindow *window)
{
  GtkWidget *found = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  /* The inspector is a template child; find it as a test of a user would, in the tree. */
  g_ptr_array_add (stack, window);
  while (stack->len > 0 && found == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (ML_IS_INSPECTOR (widget))
        found = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }

  g_assert_nonnull (found);
  return ML_INSPECTOR (found);
}

static MlElement *
select_element (MlWindow   *window,
                const char *id)
{
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  MlElement *element = ml_project_lookup (project, id);

  g_assert_nonnull (element);
  ml_window_select (window, element);
  drain ();
  g_assert_true (ml_window_get_selected (window) == element);

  return element;
}

static void
type_into (MlWindow   *window,
           MlField     field,
           const char *text)
{
  GtkWidget *editor = ml_inspector_get_editor (get_inspector (window), field);

  g_assert_nonnull (editor);
  gtk_widget_grab_focus (editor);
  gtk_editable_set_text (GTK_EDITABLE (editor), text);
  drain ();
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog = find_dialog ();

  g_assert_nonnull (dialog);
  /* As a click on the button: answer, then close, unless answering destroyed the window
   * the dialog belongs to, and the dialog with it.
   */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
  g_assert_null (find_dialog ());
}

static void
test_edit_undo_save (Fixture       *fixture,
                     gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  MlDocument *document = ml_window_get_document (window);
  MlElement *csiro = select_element (window, "s-csiro");
  g_autoptr(MlProject) reopened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ml_document_get_modified (document));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  type_into (window, ML_STAKEHOLDER_NAME, "CSIRO, Australia's national science agency");
  g_assert_cmpstr (ml_element_get_label (csiro), ==, "CSIRO, Australia's national science agency");
  g_assert_true (ml_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
  g_assert_cmpstr (ml_element_get_label (csiro), ==, "CSIRO");
  g_assert_false (ml_document_get_modified (document));
  /* The inspector shows what the model holds. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ml_inspector_get_editor (get_inspector (window),
                                                                                  ML_STAKEHOLDER_NAME))),
                   ==, "CSIRO");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  drain ();
  g_assert_cmpstr (ml_element_get_label (csiro), ==, "CSIRO, Australia's national science agency");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  drain ();
  g_assert_false (ml_document_get_modified (document));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  reopened = ml_project_load (fixture->path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ml_element_get_label (ml_project_lookup (reopened, "s-csiro")), ==,
                   "CSIRO, Australia's national science agency");
}

static void
test_invalid_value_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  g_autoptr(GPtrArray) activities = ml_project_collect (ml_document_get_project (ml_window_get_document (window)),
                                                        ML_KIND_ACTIVITY);
  MlElement *activity = g_ptr_array_index (activities, 0);
  MlDate end = ml_element_get_date (activity, ML_ACTIVITY_END);
  const char *reason;

  select_element (window, ml_element_get_id (activity));
  type_into (window, ML_ACTIVITY_END, "1999-01-01");

  reason = ml_inspector_get_error (get_inspector (window), ML_ACTIVITY_END);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "is before start"));
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_END), ==, end);

  type_into (window, ML_ACTIVITY_END, "not a date");
  g_assert_nonnull (strstr (ml_inspector_get_error (get_inspector (window), ML_ACTIVITY_END),
                            "YYYY-MM-DD"));
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));
}

static void
test_unsaved_changes_prompt (Fixture       *fixture,
                             gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_file_get_contents (fixture->path, &before, NULL, NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  select_element (window, "s-csiro");
  type_into (window, ML_STAKEHOLDER_NAME, "Changed");

  /* Closing asks; Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  g_assert_nonnull (window);
  respond ("cancel");
  g_assert_nonnull (window);
  g_assert_true (ml_document_get_modified (ml_window_get_document (window)));

  /* Discard closes without saving. */
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  respond ("discard");
  g_assert_null (window);
  g_file_get_contents (fixture->path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_save_from_prompt (Fixture       *fixture,
                       gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  g_autoptr(MlProject) reopened = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  select_element (window, "s-csiro");
  type_into (window, ML_STAKEHOLDER_NAME, "Saved on close");
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  respond ("save");
  g_assert_null (window);

  reopened = ml_project_load (fixture->path, NULL, NULL, NULL);
  g_assert_cmpstr (ml_element_get_label (ml_project_lookup (reopened, "s-csiro")), ==,
                   "Saved on close");
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));

  /* CSIRO leads the mission and takes part in relations: deleting it asks first. */
  select_element (window, "s-csiro");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-element", NULL);
  drain ();
  g_assert_nonnull (find_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog ()), "relation"));
  respond ("delete");
  g_assert_null (ml_project_lookup (project, "s-csiro"));
  g_assert_null (ml_window_get_selected (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
  g_assert_nonnull (ml_project_lookup (project, "s-csiro"));
  g_assert_cmpstr (ml_element_get_string (ml_project_lookup (project, "m-h2"), ML_MISSION_LEAD),
                   ==, "s-csiro");
}

static void
test_add_measurement (Fixture       *fixture,
                      gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  g_autoptr(GPtrArray) indicators = ml_project_collect (project, ML_KIND_INDICATOR);
  MlElement *indicator = g_ptr_array_index (indicators, 0);
  guint before = ml_element_get_children (indicator, ML_KIND_MEASUREMENT)->len;
  MlElement *measurement;
  GtkWidget *value;

  select_element (window, ml_element_get_id (indicator));
  /* Ctrl+M, then the value. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-measurement", NULL);
  drain ();
  g_assert_cmpuint (ml_element_get_children (indicator, ML_KIND_MEASUREMENT)->len, ==, before + 1);
  measurement = ml_window_get_selected (window);
  g_assert_cmpint (ml_element_get_kind (measurement), ==, ML_KIND_MEASUREMENT);
  g_assert_cmpuint (ml_element_get_date (measurement, ML_MEASUREMENT_DATE), ==, ml_date_today ());

  value = ml_inspector_get_editor (get_inspector (window), ML_MEASUREMENT_VALUE);
  g_assert_true (gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (window))) &&
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), value));
  type_into (window, ML_MEASUREMENT_VALUE, "3.75");
  g_assert_cmpfloat (ml_element_get_number (measurement, ML_MEASUREMENT_VALUE), ==, 3.75);

  /* One keystroke for a journal note. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-journal-note", NULL);
  drain ();
  g_assert_cmpint (ml_element_get_kind (ml_window_get_selected (window)), ==, ML_KIND_JOURNAL_ENTRY);
}

static void
test_recovery_restored (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlDocument) crashed = NULL;
  g_autoptr(MlCommand) command = NULL;
  const char *recovery_dir = ml_application_get_recovery_dir (fixture->app);
  MlWindow *window;
  MlValue value;

  /* What a session killed with unsaved changes leaves behind. */
  crashed = ml_document_load (fixture->path, recovery_dir, NULL, &error);
  g_assert_no_error (error);
  ml_value_init_string (&value, ML_STAKEHOLDER_NAME, "Recovered name");
  command = ml_command_new_set (ml_project_lookup (ml_document_get_project (crashed), "s-csiro"),
                                ML_STAKEHOLDER_NAME, &value);
  ml_value_clear (&value);
  g_assert_true (ml_document_push (crashed, command, &error));
  g_assert_true (ml_document_write_recovery (crashed, &error));
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (fixture->app));
  drain ();
  g_assert_nonnull (find_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog ()), "CSIRO Hydrogen"));
  respond ("restore");

  window = ML_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (ml_window_get_document (window));
  g_assert_true (ml_document_get_modified (ml_window_get_document (window)));
  g_assert_cmpstr (ml_element_get_label (ml_project_lookup (ml_document_get_project (ml_window_get_document (window)),
                                                            "s-csiro")), ==, "Recovered name");
  g_assert_cmpstr (ml_document_get_path (ml_window_get_document (window)), ==, fixture->path);
}

static void
test_welcome_lists_samples (Fixture       *fixture,
                            gconstpointer  data)
{
  MlWindow *window;

  g_application_activate (G_APPLICATION (fixture->app));
  drain ();
  window = ML_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (window);
  g_assert_null (ml_window_get_document (window));

  /* Opening a sample from the welcome page reuses this window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "app.open-path", "s", fixture->path);
  drain ();
  g_assert_nonnull (ml_window_get_document (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 1);

  /* Opening it again shows the same window, not a second one. */
  ml_application_open_path (fixture->app, fixture->path);
  drain ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 1);
}

static gpointer
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
        return widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }

  return NULL;
}

static GtkGesture *
find_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }

  return NULL;
}

static void
wait_for_allocation (GtkWidget *widget)
{
  for (guint i = 0; i < 200 && gtk_widget_get_width (widget) == 0; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  drain ();
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static void
test_roadmap_drag_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  g_autoptr(GPtrArray) activities = ml_project_collect (project, ML_KIND_ACTIVITY);
  MlElement *activity = g_ptr_array_index (activities, 0);
  MlDate start = ml_element_get_date (activity, ML_ACTIVITY_START);
  MlDate end = ml_element_get_date (activity, ML_ACTIVITY_END);
  MlRoadmapView *view;
  MlTimelineViewport viewport;
  cairo_rectangle_t rect;
  GtkGesture *drag;
  double x, y;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "roadmap");
  view = find_widget (GTK_WIDGET (window), ML_TYPE_ROADMAP_VIEW);
  g_assert_nonnull (view);
  wait_for_allocation (GTK_WIDGET (view));

  ml_roadmap_view_get_viewport (view, &viewport);
  g_assert_true (ml_timeline_renderer_get_element_rect (ml_roadmap_view_get_renderer (view),
                                                        &viewport, activity, &rect));
  x = rect.x + rect.width / 2;
  y = rect.y + rect.height / 2;

  /* Drag the bar 30 days later, as the pointer would, through the view's drag gesture. */
  drag = find_drag_gesture (GTK_WIDGET (view));
  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_assert_true (ml_window_get_selected (window) == activity);
  for (int step = 1; step <= 6; step++)
    g_signal_emit_by_name (drag, "drag-update", 5 * step * viewport.day_width, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 30 * viewport.day_width, 0.0);
  drain ();

  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_START), ==, start + 30);
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_END), ==, end + 30);
  g_assert_true (ml_document_get_modified (ml_window_get_document (window)));

  /* The whole drag is one undo step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_START), ==, start);
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_END), ==, end);
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));

  /* Dragging its right end changes only the end. */
  g_assert_true (ml_timeline_renderer_get_element_rect (ml_roadmap_view_get_renderer (view),
                                                        &viewport, activity, &rect));
  g_signal_emit_by_name (drag, "drag-begin", rect.x + rect.width - 1, y);
  g_signal_emit_by_name (drag, "drag-update", 12 * viewport.day_width, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 12 * viewport.day_width, 0.0);
  drain ();
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_START), ==, start);
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_END), ==, end + 12);
}

static void
test_stakeholder_drag_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  MlElement *csiro = ml_project_lookup (project, "s-csiro");
  MlStakeholderView *view;
  MlGraphViewport viewport;
  GtkGesture *drag;
  double x, y;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "stakeholders");
  view = find_widget (GTK_WIDGET (window), ML_TYPE_STAKEHOLDER_VIEW);
  g_assert_nonnull (view);
  wait_for_allocation (GTK_WIDGET (view));
  /* Let the force layout settle, as it would on screen. */
  ml_layout_run (ml_stakeholder_view_get_layout (view), 1000);
  ml_stakeholder_view_fit (view);

  ml_stakeholder_view_get_viewport (view, &viewport);
  g_assert_false (ml_element_has_value (csiro, ML_STAKEHOLDER_X));

  drag = find_drag_gesture (GTK_WIDGET (view));
  g_assert_nonnull (drag);
  {
    guint index;
    double lx, ly;

    g_assert_true (ml_layout_lookup (ml_stakeholder_view_get_layout (view), csiro, &index));
    ml_layout_get_position (ml_stakeholder_view_get_layout (view), index, &lx, &ly);
    x = (lx - viewport.offset_x) * viewport.scale;
    y = (ly - viewport.offset_y) * viewport.scale;
  }

  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_assert_true (ml_window_get_selected (window) == csiro);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 25.0);
  g_signal_emit_by_name (drag, "drag-update", 80.0, 50.0);
  g_signal_emit_by_name (drag, "drag-end", 80.0, 50.0);
  drain ();

  /* The place is saved in the project, and pins the stakeholder. */
  g_assert_true (ml_element_has_value (csiro, ML_STAKEHOLDER_X));
  g_assert_true (ml_element_has_value (csiro, ML_STAKEHOLDER_Y));
  g_assert_true (ml_document_get_modified (ml_window_get_document (window)));

  /* One undo step takes it back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
  g_assert_false (ml_element_has_value (csiro, ML_STAKEHOLDER_X));
  g_assert_false (ml_element_has_value (csiro, ML_STAKEHOLDER_Y));
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));
}

static void
test_stakeholder_filter (Fixture       *fixture,
                         gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  g_autoptr(GPtrArray) stakeholders = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  MlStakeholderView *view;
  guint governments = 0, local = 0;

  for (guint i = 0; i < stakeholders->len; i++)
    {
      MlElement *stakeholder = g_ptr_array_index (stakeholders, i);

      governments += ml_element_get_enum (stakeholder, ML_STAKEHOLDER_TYPE) == ML_STAKEHOLDER_GOVERNMENT;
      local += ml_element_get_enum (stakeholder, ML_STAKEHOLDER_LEVEL) == ML_LEVEL_LOCAL;
    }
  g_assert_cmpuint (governments, >, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "stakeholders");
  view = find_widget (GTK_WIDGET (window), ML_TYPE_STAKEHOLDER_VIEW);
  wait_for_allocation (GTK_WIDGET (view));
  g_assert_cmpuint (ml_layout_get_n_nodes (ml_stakeholder_view_get_layout (view)), ==,
                    stakeholders->len);

  /* Hiding ministries and governments leaves the others on the map. */
  ml_stakeholder_view_set_filter (view, 1u << ML_STAKEHOLDER_GOVERNMENT, 0, 0, NULL);
  g_assert_cmpuint (ml_layout_get_n_nodes (ml_stakeholder_view_get_layout (view)), ==,
                    stakeholders->len - governments);
  for (guint i = 0; i < ml_layout_get_n_nodes (ml_stakeholder_view_get_layout (view)); i++)
    g_assert_cmpint (ml_element_get_enum (ml_layout_get_node (ml_stakeholder_view_get_layout (view), i),
                                          ML_STAKEHOLDER_TYPE), !=, ML_STAKEHOLDER_GOVERNMENT);

  /* Levels combine with types; clearing the filter brings everyone back. */
  ml_stakeholder_view_set_filter (view, 0, ~(1u << ML_LEVEL_LOCAL), 0, NULL);
  g_assert_cmpuint (ml_layout_get_n_nodes (ml_stakeholder_view_get_layout (view)), ==, local);
  ml_stakeholder_view_set_filter (view, 0, 0, 0, "");
  g_assert_cmpuint (ml_layout_get_n_nodes (ml_stakeholder_view_get_layout (view)), ==,
                    stakeholders->len);
}

static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  MlWindow *window = open_project (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  g_autofree char *csv = g_build_filename (fixture->dir, "people.csv", NULL);
  g_autoptr(GPtrArray) before = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;

  g_file_set_contents (csv,
                       "Name,Type,Level,Sector\n"
                       "Port of Gladstone,industry,local,ports\n"
                       "\"Hydrogen Youth, Queensland\",civil-society,regional,\n"
                       "Nobody,alien,global,\n"
                       "CSIRO,agency,national,science\n", -1, &error);
  g_assert_no_error (error);

  /* The preview says what would happen, line by line, and changes nothing. */
  ml_window_preview_import (window, ML_CSV_IMPORT_STAKEHOLDERS, csv);
  drain ();
  g_assert_nonnull (find_dialog ());
  body = adw_message_dialog_get_body (find_dialog ());
  g_assert_nonnull (strstr (body, "2 stakeholders will be added"));
  g_assert_nonnull (strstr (body, "Hydrogen Youth, Queensland"));
  g_assert_nonnull (strstr (body, "line 4"));
  g_assert_nonnull (strstr (body, "CSIRO"));
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));

  respond ("import");
  after = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_assert_cmpuint (after->len, ==, before->len + 2);

  /* One undo step takes the whole import back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));
}

int
main (int    argc,
      char **argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the MIME database GTK needs to load icons.
   * tests/meson.build points the XDG folders at the build tree instead.
   */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      /* Not skipped: a window test that cannot run has not passed. */
      g_printerr ("test-window needs a display: run it under xvfb-run -a\n");
      return 1;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/edit-undo-save", test_edit_undo_save);
  ADD ("/window/invalid-value-refused", test_invalid_value_refused);
  ADD ("/window/unsaved-changes-prompt", test_unsaved_changes_prompt);
  ADD ("/window/save-from-prompt", test_save_from_prompt);
  ADD ("/window/delete-and-undo", test_delete_and_undo);
  ADD ("/window/add-measurement", test_add_measurement);
  ADD ("/window/recovery-restored", test_recovery_restored);
  ADD ("/window/welcome-lists-samples", test_welcome_lists_samples);
  ADD ("/window/roadmap-drag-undo", test_roadmap_drag_undo);
  ADD ("/window/stakeholder-drag-undo", test_stakeholder_drag_undo);
  ADD ("/window/stakeholder-filter", test_stakeholder_filter);
  ADD ("/window/import-preview", test_import_preview);

  return g_test_run ();
}
