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
#include <math.h>

#include "ml-application.h"
#include "ml-candidates-page.h"
#include "ml-decision-dialog.h"
#include "ml-delete.h"
#include "ml-diagnostic.h"
#include "ml-indicator.h"
#include "ml-inspector.h"
#include "ml-library-item.h"
#include "ml-mission-focus.h"
#include "ml-mix-renderer.h"
#include "ml-policy-mix.h"
#include "ml-portfolio.h"
#include "ml-project-io.h"
#include "ml-roadmap-view.h"
#include "ml-taxonomy.h"
#include "ml-stakeholder-view.h"
#include "ml-test-util.h"
#include "ml-test-window.h"
#include "ml-vote-board.h"
#include "ml-window-private.h"
#include "ml-xml-writer.h"

typedef MlTestWindowFixture Fixture;

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
  ml_test_drain ();
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
  ml_test_drain ();
}

static AdwMessageDialog *
find_dialog (void)
{
  return ml_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
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
  ml_test_drain ();
  g_assert_null (find_dialog ());
}

static void
test_edit_undo_save (Fixture       *fixture,
                     gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
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
  ml_test_drain ();
  g_assert_cmpstr (ml_element_get_label (csiro), ==, "CSIRO");
  g_assert_false (ml_document_get_modified (document));
  /* The inspector shows what the model holds. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ml_inspector_get_editor (get_inspector (window),
                                                                                  ML_STAKEHOLDER_NAME))),
                   ==, "CSIRO");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  ml_test_drain ();
  g_assert_cmpstr (ml_element_get_label (csiro), ==, "CSIRO, Australia's national science agency");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  ml_test_drain ();
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
  MlWindow *window = ml_test_window_open (fixture);
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
  MlWindow *window = ml_test_window_open (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_file_get_contents (fixture->path, &before, NULL, NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  select_element (window, "s-csiro");
  type_into (window, ML_STAKEHOLDER_NAME, "Changed");

  /* Closing asks; Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (window));
  ml_test_drain ();
  g_assert_nonnull (window);
  respond ("cancel");
  g_assert_nonnull (window);
  g_assert_true (ml_document_get_modified (ml_window_get_document (window)));

  /* Discard closes without saving. */
  gtk_window_close (GTK_WINDOW (window));
  ml_test_drain ();
  respond ("discard");
  g_assert_null (window);
  g_file_get_contents (fixture->path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_save_from_prompt (Fixture       *fixture,
                       gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  g_autoptr(MlProject) reopened = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  select_element (window, "s-csiro");
  type_into (window, ML_STAKEHOLDER_NAME, "Saved on close");
  gtk_window_close (GTK_WINDOW (window));
  ml_test_drain ();
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
  MlWindow *window = ml_test_window_open (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));

  /* CSIRO leads the mission and takes part in relations: deleting it asks first. */
  select_element (window, "s-csiro");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-element", NULL);
  ml_test_drain ();
  g_assert_nonnull (find_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog ()), "relation"));
  respond ("delete");
  g_assert_null (ml_project_lookup (project, "s-csiro"));
  g_assert_null (ml_window_get_selected (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ml_test_drain ();
  g_assert_nonnull (ml_project_lookup (project, "s-csiro"));
  g_assert_cmpstr (ml_element_get_string (ml_project_lookup (project, "m-h2"), ML_MISSION_LEAD),
                   ==, "s-csiro");
}

static void
test_add_measurement (Fixture       *fixture,
                      gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  g_autoptr(GPtrArray) indicators = ml_project_collect (project, ML_KIND_INDICATOR);
  MlElement *indicator = g_ptr_array_index (indicators, 0);
  guint before = ml_element_get_children (indicator, ML_KIND_MEASUREMENT)->len;
  MlElement *measurement;
  GtkWidget *value;

  select_element (window, ml_element_get_id (indicator));
  /* Ctrl+M, then the value. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-measurement", NULL);
  ml_test_drain ();
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
  ml_test_drain ();
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
  ml_test_drain ();
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
  ml_test_drain ();
  window = ML_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (window);
  g_assert_null (ml_window_get_document (window));

  /* Opening a sample from the welcome page reuses this window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "app.open-path", "s", fixture->path);
  ml_test_drain ();
  g_assert_nonnull (ml_window_get_document (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 1);

  /* Opening it again shows the same window, not a second one. */
  ml_application_open_path (fixture->app, fixture->path);
  ml_test_drain ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 1);
}

/* The first widget under @root of @type and, unless @name is NULL, with that name. */
static gpointer
find_named_widget (GtkWidget  *root,
                   GType       type,
                   const char *name)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
        return widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }

  return NULL;
}

static gpointer
find_widget (GtkWidget *root,
             GType      type)
{
  return find_named_widget (root, type, NULL);
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
  ml_test_drain ();
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static void
test_roadmap_drag_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
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
  ml_test_drain ();

  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_START), ==, start + 30);
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_END), ==, end + 30);
  g_assert_true (ml_document_get_modified (ml_window_get_document (window)));

  /* The whole drag is one undo step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ml_test_drain ();
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_START), ==, start);
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_END), ==, end);
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));

  /* Dragging its right end changes only the end. The inspector came with the selection, so the
   * view is narrower now.
   */
  ml_roadmap_view_get_viewport (view, &viewport);
  g_assert_true (ml_timeline_renderer_get_element_rect (ml_roadmap_view_get_renderer (view),
                                                        &viewport, activity, &rect));
  g_signal_emit_by_name (drag, "drag-begin", rect.x + rect.width - 1, y);
  g_signal_emit_by_name (drag, "drag-update", 12 * viewport.day_width, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 12 * viewport.day_width, 0.0);
  ml_test_drain ();
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_START), ==, start);
  g_assert_cmpuint (ml_element_get_date (activity, ML_ACTIVITY_END), ==, end + 12);
}

static void
test_stakeholder_drag_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
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
  ml_test_drain ();

  /* The place is saved in the project, and pins the stakeholder. */
  g_assert_true (ml_element_has_value (csiro, ML_STAKEHOLDER_X));
  g_assert_true (ml_element_has_value (csiro, ML_STAKEHOLDER_Y));
  g_assert_true (ml_document_get_modified (ml_window_get_document (window)));

  /* One undo step takes it back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ml_test_drain ();
  g_assert_false (ml_element_has_value (csiro, ML_STAKEHOLDER_X));
  g_assert_false (ml_element_has_value (csiro, ML_STAKEHOLDER_Y));
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));
}

static void
test_stakeholder_filter (Fixture       *fixture,
                         gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
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
  MlWindow *window = ml_test_window_open (fixture);
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
  ml_test_drain ();
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
  ml_test_drain ();
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));
}

/* A GraphML network goes through the same preview: the node the project has is skipped, and
 * its edge joins the project's stakeholder; stakeholder and relation are one undo step. */
static void
test_import_graphml_preview (Fixture       *fixture,
                             gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  g_autofree char *graphml = g_build_filename (fixture->dir, "network.graphml", NULL);
  g_autoptr(GPtrArray) stakeholders = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_autoptr(GPtrArray) relations = ml_project_collect (project, ML_KIND_RELATION);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;

  g_file_set_contents (graphml,
                       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                       "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
                       "<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n"
                       "<key id=\"v\" for=\"node\" attr.name=\"level\"/>\n"
                       "<key id=\"k\" for=\"edge\" attr.name=\"kind\"/>\n"
                       "<graph edgedefault=\"undirected\">\n"
                       "<node id=\"n0\"><data key=\"l\">csiro</data></node>\n"
                       "<node id=\"n1\"><data key=\"l\">Hydrogen Youth</data>"
                       "<data key=\"t\">civil-society</data><data key=\"v\">regional</data></node>\n"
                       "<edge source=\"n1\" target=\"n0\"><data key=\"k\">information</data></edge>\n"
                       "</graph></graphml>\n", -1, &error);
  g_assert_no_error (error);

  ml_window_preview_graphml_import (window, graphml);
  ml_test_drain ();
  g_assert_nonnull (find_dialog ());
  body = adw_message_dialog_get_body (find_dialog ());
  g_assert_nonnull (strstr (body, "1 stakeholder will be added. 1 relation will be added."));
  g_assert_nonnull (strstr (body, "Hydrogen Youth"));
  g_assert_nonnull (strstr (body, "line 7: “csiro” is already a stakeholder"));
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));

  respond ("import");
  after = ml_project_collect (project, ML_KIND_RELATION);
  g_assert_cmpuint (after->len, ==, relations->len + 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ml_test_drain ();
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_assert_cmpuint (after->len, ==, stakeholders->len);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ml_project_collect (project, ML_KIND_RELATION);
  g_assert_cmpuint (after->len, ==, relations->len);
}

/* Draws the whole roadmap as the view's renderer sees the project; the caller checks pixels. */
static cairo_surface_t *
draw_roadmap (MlRoadmapView      *view,
              MlTimelineViewport *viewport)
{
  MlTimelineRenderer *renderer = ml_roadmap_view_get_renderer (view);
  cairo_surface_t *surface;
  cairo_t *cr;

  viewport->start_day = ml_date_from_ymd (2020, 1, 1);
  viewport->day_width = 0.5;
  viewport->scroll_y = 0;
  viewport->width = 2000;
  viewport->height = (int) (ml_timeline_renderer_get_axis_height (renderer) +
                            ml_timeline_renderer_get_content_height (renderer));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, viewport->width, viewport->height);
  cr = cairo_create (surface);
  ml_timeline_renderer_draw (renderer, cr, viewport);
  cairo_destroy (cr);

  return surface;
}

/* Whether the roadmap shows @point in @outcome's colour, and @activity's bar at its start in
 * the at-risk colour it has while it runs.
 */
static void
assert_roadmap_shows (MlRoadmapView *view,
                      MlElement     *point,
                      MlOutcome      outcome,
                      MlElement     *activity,
                      gboolean       at_risk)
{
  const MlStyle *style = ml_timeline_renderer_get_style (ml_roadmap_view_get_renderer (view));
  MlTimelineViewport viewport;
  cairo_surface_t *surface = draw_roadmap (view, &viewport);
  cairo_rectangle_t rect;
  MlTestPixel pixel;

  g_assert_true (ml_timeline_renderer_get_element_rect (ml_roadmap_view_get_renderer (view),
                                                        &viewport, point, &rect));
  pixel = ml_test_get_pixel (surface, rect.x + rect.width / 2, rect.y + rect.height * 0.2);
  g_assert_true (ml_test_pixel_is (pixel, &style->outcome[outcome]));
  g_assert_true (ml_timeline_renderer_get_element_rect (ml_roadmap_view_get_renderer (view),
                                                        &viewport, activity, &rect));
  pixel = ml_test_get_pixel (surface, rect.x + 4, rect.y + rect.height / 2);
  g_assert_cmpint (ml_test_pixel_is (pixel, &style->status[ML_STATUS_AT_RISK]), ==, at_risk);
  cairo_surface_destroy (surface);
}

static guint
count_journal_entries (MlProject *project)
{
  g_autoptr(GPtrArray) entries = ml_project_collect (project, ML_KIND_JOURNAL_ENTRY);

  return entries->len;
}

/* Fills the open Review Decision dialog as a user would: Record waits for an outcome, a reason
 * and a valid date; then records Stop, decided on 2026-11-20.
 */
static void
record_stop_in_dialog (void)
{
  MlDecisionDialog *dialog = ml_test_find_toplevel (ML_TYPE_DECISION_DIALOG);
  GtkWidget *record;
  GtkTextView *rationale;

  g_assert_nonnull (dialog);
  record = find_named_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "record");
  rationale = find_named_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, "rationale");
  g_assert_false (gtk_widget_get_sensitive (record));
  gtk_check_button_set_active (find_named_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON,
                                                  "outcome-stop"), TRUE);
  g_assert_false (gtk_widget_get_sensitive (record));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (rationale), "The stack never ran 2000 hours.",
                            -1);
  g_assert_true (gtk_widget_get_sensitive (record));
  gtk_editable_set_text (find_named_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "decided"),
                         "2026-13-01");
  g_assert_false (gtk_widget_get_sensitive (record));
  gtk_editable_set_text (find_named_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "decided"),
                         "2026-11-20");
  g_assert_true (gtk_widget_get_sensitive (record));
  g_signal_emit_by_name (record, "clicked");
  ml_test_drain ();
  g_assert_null (ml_test_find_toplevel (ML_TYPE_DECISION_DIALOG));
}

static void
test_review_decision (Fixture       *fixture,
                      gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlDocument *document = ml_window_get_document (window);
  MlProject *project = ml_document_get_project (document);
  MlElement *point = ml_project_lookup (project, "dp-h2-stack");
  MlElement *pilot = ml_project_lookup (project, "a-h2-stack-pilot");
  g_autoptr(GBytes) before = ml_xml_write (project);
  g_autoptr(GBytes) undone = NULL;
  guint n_entries = count_journal_entries (project);
  g_autoptr(GPtrArray) entries = NULL;
  MlDecisionDialog *dialog;
  MlRoadmapView *view;
  MlElement *entry;

  g_assert_nonnull (point);
  g_assert_cmpint (ml_element_get_enum (point, ML_DECISION_OUTCOME), ==, ML_OUTCOME_PENDING);
  g_assert_cmpint (ml_element_get_enum (pilot, ML_ACTIVITY_STATUS), ==, ML_STATUS_AT_RISK);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "roadmap");
  view = find_widget (GTK_WIDGET (window), ML_TYPE_ROADMAP_VIEW);
  wait_for_allocation (GTK_WIDGET (view));
  assert_roadmap_shows (view, point, ML_OUTCOME_PENDING, pilot, TRUE);

  /* As the Portfolio page asks for it: by id. Record waits for an outcome and a reason. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-decision", "s", "dp-h2-stack");
  ml_test_drain ();
  record_stop_in_dialog ();

  /* Recorded: the outcome, the stopped pilot, the journal entry, and the roadmap shows it. */
  g_assert_cmpint (ml_element_get_enum (point, ML_DECISION_OUTCOME), ==, ML_OUTCOME_STOP);
  g_assert_cmpuint (ml_element_get_date (point, ML_DECISION_DECIDED), ==,
                    ml_date_from_ymd (2026, 11, 20));
  g_assert_cmpint (ml_element_get_enum (pilot, ML_ACTIVITY_STATUS), ==, ML_STATUS_STOPPED);
  entries = ml_project_collect (project, ML_KIND_JOURNAL_ENTRY);
  g_assert_cmpuint (entries->len, ==, n_entries + 1);
  entry = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpint (ml_element_get_enum (entry, ML_ENTRY_KIND), ==, ML_ENTRY_DECISION);
  g_assert_cmpstr (ml_element_get_string (entry, ML_ENTRY_TITLE), ==,
                   "Decision: Stack pilot go/no-go — Stop");
  ml_test_drain ();
  assert_roadmap_shows (view, point, ML_OUTCOME_STOP, pilot, FALSE);

  /* One Ctrl+Z takes it all back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ml_test_drain ();
  undone = ml_xml_write (project);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_false (ml_document_get_modified (document));
  assert_roadmap_shows (view, point, ML_OUTCOME_PENDING, pilot, TRUE);

  /* From the inspector's button: the selected point; Cancel changes nothing. */
  select_element (window, "dp-h2-stack");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-decision", "s", "");
  ml_test_drain ();
  dialog = ml_test_find_toplevel (ML_TYPE_DECISION_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  ml_test_drain ();
  g_assert_null (ml_test_find_toplevel (ML_TYPE_DECISION_DIALOG));
  g_assert_false (ml_document_get_modified (document));
}

/* Every widget under @root, @root included, of @type and, unless %NULL, with @css_class. */
static GPtrArray *
find_widgets (GtkWidget  *root,
              GType       type,
              const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
          (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
        g_ptr_array_add (found, widget);
      for (GtkWidget *child = gtk_widget_get_last_child (widget); child != NULL;
           child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_add (stack, child);
    }

  return found;
}

static const char *
get_card_text (MlIndicatorsPage *page,
               const char       *id,
               const char       *css_class)
{
  GtkWidget *card = ml_indicators_page_get_card (page, id);
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_nonnull (card);
  labels = find_widgets (card, GTK_TYPE_LABEL, css_class);
  g_assert_cmpuint (labels->len, ==, 1);
  return gtk_label_get_text (g_ptr_array_index (labels, 0));
}

static void
set_done (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
wait_for_layout (void)
{
  gboolean done = FALSE;

  /* Sizes come with the frame clock, not from idle work. */
  g_timeout_add_once (300, set_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  ml_test_drain ();
}

static void
test_indicators_page_empty (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MlProject) project = ml_project_new ();
  GtkWidget *page = g_object_ref_sink (g_object_new (ML_TYPE_INDICATORS_PAGE, NULL));
  g_autoptr(GPtrArray) stacks = find_widgets (page, GTK_TYPE_STACK, NULL);

  ml_indicators_page_set_project (ML_INDICATORS_PAGE (page), project);
  g_assert_cmpuint (stacks->len, ==, 1);
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (g_ptr_array_index (stacks, 0))));
  g_assert_cmpstr (adw_status_page_get_title (
                     ADW_STATUS_PAGE (gtk_stack_get_visible_child (g_ptr_array_index (stacks, 0)))),
                   ==, "No indicators yet");
  g_clear_pointer (&stacks, g_ptr_array_unref);
  g_assert_finalize_object (page);
}

static void
test_indicators_page (Fixture       *fixture,
                      gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  MlIndicatorsPage *page = window->indicators_page;
  g_autoptr(GPtrArray) indicators = ml_project_collect (project, ML_KIND_INDICATOR);
  g_autoptr(GPtrArray) objectives = ml_project_collect (project, ML_KIND_OBJECTIVE);
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) pills = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_text = g_date_time_format (now, "%-d %b %Y");
  g_autofree char *expected_latest = g_strdup_printf ("7 projects on %s", today_text);
  MlElement *fid = ml_project_lookup (project, "i-h2-fid");
  MlDate today = ml_date_today ();
  guint before = ml_element_get_children (fid, ML_KIND_MEASUREMENT)->len;
  GtkAdjustment *vadjustment;
  GtkWidget *focus, *support_card;
  MlElement *measurement;
  double scroll;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "indicators");
  wait_for_layout ();

  cards = find_widgets (GTK_WIDGET (page), GTK_TYPE_FLOW_BOX_CHILD, NULL);
  g_assert_cmpuint (cards->len, ==, indicators->len);
  /* One pill on each card and one by each objective's name. */
  pills = find_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, "status-pill");
  g_assert_cmpuint (pills->len, ==, indicators->len + objectives->len);
  for (guint i = 0; i < indicators->len; i++)
    {
      MlElement *indicator = g_ptr_array_index (indicators, i);

      g_assert_cmpstr (get_card_text (page, ml_element_get_id (indicator), "status-pill"), ==,
                       ml_indicator_status_get_label (ml_indicator_get_status (indicator, today,
                                                                               NULL)));
    }

  /* The Overview shows each objective's status with the same pill. */
  g_clear_pointer (&pills, g_ptr_array_unref);
  pills = find_widgets (GTK_WIDGET (window->overview_page), GTK_TYPE_LABEL, "status-pill");
  g_assert_cmpuint (pills->len, ==, objectives->len);
  for (guint i = 0; i < objectives->len; i++)
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (pills, i)), ==,
                     ml_indicator_status_get_label (
                       ml_objective_get_status (g_ptr_array_index (objectives, i), today)));

  /* By hand: from 0 projects on 2020-07-01 to 10 on 2027-06-30 is 2555 days; 6 measured on
   * 2026-06-30, 2190 days in, against 8.57 expected is 70 % of the expected progress: at risk
   * (60 to 90 %) for as long as that measurement is recent, 18 months.
   */
  if (today < ml_date_from_ymd (2027, 12, 30))
    g_assert_cmpstr (get_card_text (page, "i-h2-fid", "status-pill"), ==, "At risk");
  g_assert_cmpstr (get_card_text (page, "i-h2-fid", "latest"), ==, "6 projects on 30 Jun 2026");

  /* The card's button, then the value and Enter. */
  buttons = find_widgets (ml_indicators_page_get_card (page, "i-h2-fid"), GTK_TYPE_BUTTON, NULL);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  ml_test_drain ();
  measurement = ml_window_get_selected (window);
  g_assert_cmpint (ml_element_get_kind (measurement), ==, ML_KIND_MEASUREMENT);
  g_assert_true (ml_element_get_parent (measurement) == fid);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, ml_inspector_get_editor (get_inspector (window),
                                                                         ML_MEASUREMENT_VALUE)));
  gtk_editable_set_text (GTK_EDITABLE (focus), "7");
  gtk_widget_activate (focus);
  ml_test_drain ();
  g_assert_cmpuint (ml_element_get_children (fid, ML_KIND_MEASUREMENT)->len, ==, before + 1);
  g_assert_true (ml_indicator_get_latest (fid) == measurement);
  g_assert_cmpfloat (ml_element_get_number (measurement, ML_MEASUREMENT_VALUE), ==, 7);
  g_assert_cmpuint (ml_element_get_date (measurement, ML_MEASUREMENT_DATE), ==, today);
  g_assert_cmpstr (get_card_text (page, "i-h2-fid", "latest"), ==, expected_latest);

  /* Focusing a card selects its indicator; a rebuild keeps the focus and the scroll. */
  support_card = ml_indicators_page_get_card (page, "i-h2-support");
  g_assert_true (gtk_widget_grab_focus (support_card));
  wait_for_layout ();
  g_assert_true (ml_window_get_selected (window) == ml_project_lookup (project, "i-h2-support"));
  vadjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (support_card, GTK_TYPE_SCROLLED_WINDOW)));
  scroll = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (scroll, >, 0);

  /* The typing is one step, the new measurement another. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ml_test_drain ();
  g_assert_cmpuint (ml_element_get_children (fid, ML_KIND_MEASUREMENT)->len, ==, before + 1);
  g_assert_cmpfloat (ml_element_get_number (measurement, ML_MEASUREMENT_VALUE), !=, 7);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_for_layout ();
  g_assert_cmpuint (ml_element_get_children (fid, ML_KIND_MEASUREMENT)->len, ==, before);
  g_assert_cmpstr (get_card_text (page, "i-h2-fid", "latest"), ==, "6 projects on 30 Jun 2026");
  support_card = ml_indicators_page_get_card (page, "i-h2-support");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == support_card || gtk_widget_is_ancestor (focus, support_card));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment), scroll, 0.5);

  /* Ctrl+M on the focused card adds to its indicator. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-measurement", NULL);
  ml_test_drain ();
  g_assert_true (ml_element_get_parent (ml_window_get_selected (window)) ==
                 ml_project_lookup (project, "i-h2-support"));
}

static void
wait_for_n_items (GListModel *model,
                  guint       n_items)
{
  /* The search entry waits a moment after the last key before it searches. */
  for (guint i = 0; i < 200 && g_list_model_get_n_items (model) != n_items; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_items);
}

static void
test_portfolio_page (Fixture       *fixture,
                     gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  g_autoptr(GPtrArray) rows = ml_portfolio_compute (project, ml_date_today ());
  g_autoptr(GPtrArray) totals = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "portfolio.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  MlPortfolioPage *page;
  GListModel *shown;
  GtkLabel *totals_label;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "portfolio");
  page = find_widget (GTK_WIDGET (window), ML_TYPE_PORTFOLIO_PAGE);
  wait_for_allocation (GTK_WIDGET (page));
  shown = ml_portfolio_page_get_shown (page);
  totals = find_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, "totals");
  g_assert_cmpuint (totals->len, ==, 1);
  totals_label = g_ptr_array_index (totals, 0);

  /* Every activity and instrument, and their budgets, all in Australian dollars. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, rows->len);
  g_assert_cmpuint (rows->len, ==, 28);
  g_assert_cmpstr (gtk_label_get_label (totals_label), ==,
                   "28 of 28 items shown — total 2393300000 AUD");

  /* Only one name has “catalysts”; the search ignores case and accents. The drop-downs have
   * search entries of their own: the page's is the one named.
   */
  gtk_editable_set_text (find_named_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, "search"),
                         "CATALYSTS");
  wait_for_n_items (shown, 1);
  g_assert_cmpstr (gtk_label_get_label (totals_label), ==,
                   "1 of 28 items shown — total 9500000 AUD");

  /* Activating the row selects its activity in the window. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW), "activate", 0);
  g_assert_true (ml_window_get_selected (window) ==
                 ml_project_lookup (project, "a-h2-elec-materials"));

  /* The export holds the rows shown and their total. */
  g_assert_true (ml_portfolio_page_export_csv (page, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &csv, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 1 + 1 + 2 + 1);
  g_assert_cmpstr (lines[0], ==, "kind,id,name,mission,workstream,status,owner,funders,start,end,"
                                 "budget,currency,decision,decision_date");
  g_assert_true (g_str_has_prefix (lines[1], "activity,a-h2-elec-materials,"));
  g_assert_cmpstr (lines[4], ==, "AUD,9500000.00");
}

/* The line of the portfolio's CSV export, as shown now, that starts with @prefix. */
static char *
export_line (MlPortfolioPage *page,
             const char      *dir,
             const char      *prefix)
{
  g_autofree char *path = g_build_filename (dir, "portfolio.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ml_portfolio_page_export_csv (page, path, &error));
  g_file_get_contents (path, &csv, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (csv, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  g_assert_not_reached ();
}

/* The button of the portfolio row that reviews @point. */
static GtkWidget *
find_review_button (MlPortfolioPage *page,
                    const char      *point)
{
  g_autoptr(GPtrArray) buttons = find_widgets (GTK_WIDGET (page), GTK_TYPE_BUTTON, NULL);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkActionable *button = g_ptr_array_index (buttons, i);
      GVariant *target = gtk_actionable_get_action_target_value (button);

      if (g_strcmp0 (gtk_actionable_get_action_name (button), "win.review-decision") == 0 &&
          target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), point) == 0)
        return GTK_WIDGET (button);
    }
  return NULL;
}

/* Stopping the stack pilot from the Portfolio, as a user would: the row's Review… button, the
 * dialog, Record. The portfolio then shows the pilot stopped with no decision pending, and the
 * roadmap draws the stop and the stopped bar.
 */
static void
test_decision_from_portfolio (Fixture       *fixture,
                              gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlDocument *document = ml_window_get_document (window);
  MlProject *project = ml_document_get_project (document);
  MlElement *point = ml_project_lookup (project, "dp-h2-stack");
  MlElement *pilot = ml_project_lookup (project, "a-h2-stack-pilot");
  g_autoptr(MlCommand) soon = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *due = NULL;
  MlPortfolioPage *page;
  MlRoadmapView *view;
  GtkWidget *review;
  MlValue value;
  char date[11];

  /* Due in a month, whatever day the test runs: the next decision of its workstream. */
  ml_value_init_date (&value, ML_DECISION_DATE, ml_date_today () + 30);
  soon = ml_command_new_set (point, ML_DECISION_DATE, &value);
  g_assert_true (ml_document_push (document, soon, NULL));
  ml_date_format_into (ml_date_today () + 30, date);
  due = g_strdup_printf (",dp-h2-stack,%s", date);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "portfolio");
  page = find_widget (GTK_WIDGET (window), ML_TYPE_PORTFOLIO_PAGE);
  wait_for_allocation (GTK_WIDGET (page));
  before = export_line (page, fixture->dir, "activity,a-h2-stack-pilot,");
  g_assert_nonnull (strstr (before, ",at-risk,"));
  g_assert_true (g_str_has_suffix (before, due));

  gtk_editable_set_text (find_named_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, "search"),
                         "australian manufacturer");
  wait_for_n_items (ml_portfolio_page_get_shown (page), 1);
  ml_test_drain ();
  review = find_review_button (page, "dp-h2-stack");
  g_assert_nonnull (review);
  g_assert_true (gtk_widget_get_sensitive (review));
  g_signal_emit_by_name (review, "clicked");
  ml_test_drain ();
  record_stop_in_dialog ();
  ml_test_drain ();

  after = export_line (page, fixture->dir, "activity,a-h2-stack-pilot,");
  g_assert_nonnull (strstr (after, ",stopped,"));
  g_assert_true (g_str_has_suffix (after, ",,"));
  g_assert_null (find_review_button (page, "dp-h2-stack"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "roadmap");
  view = find_widget (GTK_WIDGET (window), ML_TYPE_ROADMAP_VIEW);
  wait_for_allocation (GTK_WIDGET (view));
  assert_roadmap_shows (view, point, ML_OUTCOME_STOP, pilot, FALSE);
}

/* The point in the middle of the first chip in a cell of the mix page's matrix. */
static gboolean
find_chip (MlMixPage  *page,
           MlProject  *project,
           MlSide      side,
           MlStage     stage,
           double     *x,
           double     *y,
           MlElement **instrument)
{
  GtkWidget *area = ml_mix_page_get_drawing_area (page);
  double width = gtk_widget_get_width (area), height = gtk_widget_get_height (area);
  const MlStyle *style = ml_style_get (adw_style_manager_get_dark (adw_style_manager_get_default ())
                                         ? ML_STYLE_SCREEN_DARK : ML_STYLE_SCREEN);
  g_autoptr(MlPolicyMix) mix = ml_policy_mix_compute (project);
  cairo_rectangle_t cell;
  MlMixHit hit;

  ml_mix_renderer_get_cell_area (style, width, height, side, stage, &cell);
  *x = cell.x + cell.width / 2;
  for (*y = cell.y; *y < cell.y + cell.height; (*y)++)
    if (ml_mix_renderer_pick (mix, style, width, height, *x, *y, &hit) && hit.instrument != NULL)
      {
        *instrument = hit.instrument;
        return TRUE;
      }

  return FALSE;
}

/* Clicking a chip selects its instrument; dragging it from supply × research to demand ×
 * deployment makes it a demand instrument at development and deployment, one undo step.
 */
static void
test_mix_drag_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  MlElement *research = ml_project_lookup (project, "in-h2-research");
  guint64 stages = ml_element_get_flags (research, ML_INSTRUMENT_STAGES);
  MlMixPage *page = window->mix_page;
  GtkWidget *area = ml_mix_page_get_drawing_area (page);
  MlElement *found = NULL;
  cairo_rectangle_t target;
  GtkGesture *drag;
  double x, y;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "policy-mix");
  wait_for_allocation (area);
  g_assert_cmpint (ml_instrument_get_side (research), ==, ML_SIDE_SUPPLY);
  g_assert_true (find_chip (page, project, ML_SIDE_SUPPLY, ML_STAGE_RESEARCH, &x, &y, &found));
  g_assert_true (found == research);

  /* A press without a move is a click. */
  drag = find_drag_gesture (area);
  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  ml_test_drain ();
  g_assert_true (ml_window_get_selected (window) == research);
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));

  ml_mix_renderer_get_cell_area (ml_style_get (ML_STYLE_SCREEN), gtk_widget_get_width (area),
                                 gtk_widget_get_height (area), ML_SIDE_DEMAND,
                                 ML_STAGE_DEPLOYMENT, &target);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 20.0, 20.0);
  g_signal_emit_by_name (drag, "drag-update", target.x + target.width / 2 - x,
                         target.y + target.height / 2 - y);
  g_signal_emit_by_name (drag, "drag-end", target.x + target.width / 2 - x,
                         target.y + target.height / 2 - y);
  ml_test_drain ();
  g_assert_cmpint (ml_instrument_get_side (research), ==, ML_SIDE_DEMAND);
  g_assert_cmphex (ml_element_get_flags (research, ML_INSTRUMENT_STAGES), ==,
                   (1 << ML_STAGE_DEVELOPMENT) | (1 << ML_STAGE_DEPLOYMENT));
  g_assert_true (ml_window_get_selected (window) == research);

  /* The page drew it where it moved: a chip of it is in demand × development now. */
  g_assert_true (find_chip (page, project, ML_SIDE_DEMAND, ML_STAGE_DEVELOPMENT, &x, &y, &found));
  g_assert_true (found == research);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ml_test_drain ();
  g_assert_cmpint (ml_instrument_get_side (research), ==, ML_SIDE_SUPPLY);
  g_assert_cmphex (ml_element_get_flags (research, ML_INSTRUMENT_STAGES), ==, stages);
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));
}

/* Copies the bundled sample @name into @dir; a file written whole, as a sync client would. */
static void
copy_sample (const char *name,
             const char *dir)
{
  g_autofree char *sample = g_build_filename (g_getenv ("MISSIONLAB_DATA_DIR"), "samples", name,
                                              NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Runs the main loop until @model has from @min to @max items, for at most ten seconds: a scan
 * runs in a worker thread, and a change in the folder waits half a second to settle first.
 */
static void
wait_for_items (GListModel *model,
                guint       min,
                guint       max)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_items;

  while (((n_items = g_list_model_get_n_items (model)) < min || n_items > max) &&
         g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_cmpuint (n_items, >=, min);
  g_assert_cmpuint (n_items, <=, max);
}

static void
wait_for_seconds (double seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static MlLibraryItem *
find_library_item (GListModel *model,
                   gboolean  (*matches) (MlLibraryItem *item),
                   guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MlLibraryItem) item = g_list_model_get_item (model, i);

      if (matches (item))
        {
          *position = i;
          return item;
        }
    }

  return NULL;
}

static gboolean
is_broken_file (MlLibraryItem *item)
{
  return ml_library_item_get_file (item)->error != NULL;
}

static gboolean
is_danang_element (MlLibraryItem *item)
{
  MlIndexHit *hit = ml_library_item_get_hit (item);

  return g_str_equal (hit->path, "undp-danang-circular.mlab") && hit->element_id != NULL;
}

static gboolean
label_shows (GtkWidget  *root,
             const char *css_class,
             const char *text)
{
  g_autoptr(GPtrArray) labels = find_widgets (root, GTK_TYPE_LABEL, css_class);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  return FALSE;
}

/* The Library follows a folder: its projects, a search as one types that opens a project at
 * the element found, a file that cannot be read said plainly, and new files without a refresh.
 */
static void
test_library_page (Fixture       *fixture,
                   gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  GSettings *settings = ml_application_get_settings (fixture->app);
  g_autofree char *dir = g_build_filename (fixture->dir, "workspace", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.mlab", NULL);
  g_autofree char *sub = g_build_filename (dir, "older", NULL);
  g_autofree char *danang = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = GTK_WIDGET (window->library_page);
  GtkWidget *projects_view, *results_view;
  GListModel *projects, *results;
  GtkEditable *search;
  MlLibraryItem *item;
  MlIndexFile *file;
  MlIndexHit *hit;
  MlWindow *opened = NULL;
  guint position;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  copy_sample ("csiro-hydrogen.mlab", dir);
  copy_sample ("undp-danang-circular.mlab", dir);
  g_settings_set_string (settings, "library-folder", dir);
  adw_view_stack_set_visible_child_name (window->view_stack, "library");
  wait_for_allocation (page);

  projects_view = find_named_widget (page, GTK_TYPE_LIST_VIEW, "projects");
  results_view = find_named_widget (page, GTK_TYPE_LIST_VIEW, "results");
  search = find_named_widget (page, GTK_TYPE_SEARCH_ENTRY, "search");
  projects = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (projects_view)));
  results = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (results_view)));
  wait_for_items (projects, 2, 2);
  g_assert_true (label_shows (page, NULL, "2 projects"));

  /* Diacritics do not count; results come as one types. */
  gtk_editable_set_text (search, "da nang");
  wait_for_items (results, 1, G_MAXUINT);
  item = find_library_item (results, is_danang_element, &position);
  g_assert_nonnull (item);
  hit = ml_library_item_get_hit (item);
  g_assert_nonnull (strstr (hit->project_title, "Đà Nẵng"));

  /* A search with nothing to look for says so under the entry. */
  gtk_editable_set_text (search, "***");
  wait_for_layout ();
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_true (gtk_widget_get_visible (find_named_widget (page, GTK_TYPE_LABEL, "query-error")));
  gtk_editable_set_text (search, "da nang");
  wait_for_items (results, 1, G_MAXUINT);
  g_assert_false (gtk_widget_get_visible (find_named_widget (page, GTK_TYPE_LABEL, "query-error")));

  /* The folder is followed: no refresh is asked for. */
  copy_sample ("ifd-green-missions.mlab", dir);
  wait_for_items (projects, 3, 3);
  g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<project title=\"Broken\"\n", -1, &error);
  g_assert_no_error (error);
  wait_for_items (projects, 4, 4);
  item = find_library_item (projects, is_broken_file, &position);
  g_assert_nonnull (item);
  file = ml_library_item_get_file (item);
  g_assert_cmpstr (file->path, ==, "broken.mlab");
  wait_for_layout ();
  g_assert_true (label_shows (projects_view, "error", file->error));
  g_assert_true (label_shows (page, NULL, "1 could not be read"));

  /* Activating a hit opens its project, with the element found selected. */
  item = find_library_item (results, is_danang_element, &position);
  g_assert_nonnull (item);
  hit = ml_library_item_get_hit (item);
  g_signal_emit_by_name (results_view, "activate", position);
  ml_test_drain ();
  danang = g_build_filename (dir, hit->path, NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL;
       l = l->next)
    if (ML_IS_WINDOW (l->data) && ml_window_get_document (l->data) != NULL &&
        g_strcmp0 (ml_document_get_path (ml_window_get_document (l->data)), danang) == 0)
      opened = l->data;
  g_assert_nonnull (opened);
  g_assert_true (opened != window);
  g_assert_nonnull (ml_window_get_selected (opened));
  g_assert_cmpstr (ml_element_get_id (ml_window_get_selected (opened)), ==, hit->element_id);

  /* A new subfolder is followed too, and a file removed goes from the list. */
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  wait_for_seconds (1.5);
  copy_sample ("csiro-drought.mlab", sub);
  wait_for_items (projects, 5, 5);
  g_assert_cmpint (g_remove (broken), ==, 0);
  wait_for_items (projects, 4, 4);
  g_assert_null (find_library_item (projects, is_broken_file, &position));

  g_settings_reset (settings, "library-folder");
  ml_test_window_close_all (fixture->app);
  remove_tree (dir);
}

/* The welcome page shows the Library in its own window, and a project opened from it there. */
static void
test_library_from_welcome (Fixture       *fixture,
                           gconstpointer  data)
{
  GSettings *settings = ml_application_get_settings (fixture->app);
  g_autofree char *dir = g_build_filename (fixture->dir, "welcome-workspace", NULL);
  GListModel *projects;
  MlWindow *window;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  copy_sample ("csiro-hydrogen.mlab", dir);
  g_application_activate (G_APPLICATION (fixture->app));
  ml_test_drain ();
  window = ML_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_null (ml_window_get_document (window));

  g_settings_set_string (settings, "library-folder", dir);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  wait_for_allocation (GTK_WIDGET (window->library_page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_revealer)));
  projects = G_LIST_MODEL (gtk_list_view_get_model (find_named_widget (GTK_WIDGET (window->library_page),
                                                                       GTK_TYPE_LIST_VIEW,
                                                                       "projects")));
  wait_for_items (projects, 1, 1);

  g_signal_emit_by_name (find_named_widget (GTK_WIDGET (window->library_page), GTK_TYPE_LIST_VIEW,
                                            "projects"),
                         "activate", 0);
  ml_test_drain ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 1);
  g_assert_nonnull (ml_window_get_document (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_revealer)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "overview");

  g_settings_reset (settings, "library-folder");
  ml_test_window_close_all (fixture->app);
  remove_tree (dir);
}

/* A laptop or an old projector at 1024 × 768 shows the whole window, whichever view is
 * shown: no page asks for more room than that leaves.
 */
static void
test_fits_small_screen (Fixture       *fixture,
                        gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  g_autoptr(GListModel) pages = G_LIST_MODEL (adw_view_stack_get_pages (window->view_stack));
  int width, height;

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

      gtk_widget_measure (adw_view_stack_page_get_child (page), GTK_ORIENTATION_HORIZONTAL, -1,
                          &width, NULL, NULL, NULL);
      g_test_message ("%s: at least %d wide", adw_view_stack_page_get_name (page), width);
    }

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL,
                      NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL,
                      NULL);
  g_test_message ("window: at least %d × %d", width, height);
  g_assert_cmpint (width, <=, 1024);
  g_assert_cmpint (height, <=, 768);
}

/* The window's key handler that runs before the focused widget, as a clicker's keys reach it. */
static gboolean
press_key (MlWindow *window,
           guint     keyval)
{
  gboolean handled = ml_test_widget_emit_key (GTK_WIDGET (window), GTK_PHASE_CAPTURE, keyval, 0);

  ml_test_drain ();
  return handled;
}

static void
test_presentation (Fixture       *fixture,
                   gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  g_autoptr(GPtrArray) missions = NULL;
  MlElement *mission;

  gtk_window_present (GTK_WINDOW (window));
  adw_view_stack_set_visible_child_name (window->view_stack, "portfolio");
  ml_test_drain ();
  g_assert_false (ml_window_get_presenting (window));

  /* F5: full screen without chrome, in the projector style, from the first view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  ml_test_drain ();
  g_assert_true (ml_window_get_presenting (window));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presenting"));
  g_assert_false (gtk_widget_get_visible (window->header_bar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_revealer)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->inspector_revealer)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "overview");
  g_assert_true (ml_timeline_renderer_get_style (ml_roadmap_view_get_renderer (
                   ml_roadmap_page_get_view (window->roadmap_page)))->kind == ML_STYLE_PROJECTOR);

  /* A clicker's keys step through the sequence and stop at its ends. */
  g_assert_true (press_key (window, GDK_KEY_Right));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "roadmap");
  g_assert_true (press_key (window, GDK_KEY_Page_Down));
  g_assert_true (press_key (window, GDK_KEY_space));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "policy-mix");
  g_assert_true (press_key (window, GDK_KEY_Page_Up));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "stakeholders");
  g_assert_true (press_key (window, GDK_KEY_End));
  g_assert_true (press_key (window, GDK_KEY_Right));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "candidates");

  /* 1 focuses on the first mission, 0 shows them all again. */
  missions = ml_project_collect (ml_document_get_project (ml_window_get_document (window)),
                                 ML_KIND_MISSION);
  mission = g_ptr_array_index (missions, 0);
  g_assert_true (press_key (window, GDK_KEY_1));
  g_assert_true (window->present_mission == mission);
  g_assert_true (press_key (window, GDK_KEY_0));
  g_assert_null (window->present_mission);

  /* Escape restores the chrome and the view shown before. */
  g_assert_true (press_key (window, GDK_KEY_Escape));
  g_assert_false (ml_window_get_presenting (window));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presenting"));
  g_assert_true (gtk_widget_get_visible (window->header_bar));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_revealer)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "portfolio");
  g_assert_true (ml_timeline_renderer_get_style (ml_roadmap_view_get_renderer (
                   ml_roadmap_page_get_view (window->roadmap_page)))->kind != ML_STYLE_PROJECTOR);
  /* Outside presentation the arrows are the views' own again. */
  g_assert_false (press_key (window, GDK_KEY_Right));
}

static guint
count_stakeholders (MlWindow *window)
{
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  g_autoptr(GPtrArray) all = ml_project_collect (project, ML_KIND_STAKEHOLDER);

  return all->len;
}

/* The banner over @page: shown with the mission's title while @mission is in focus. */
static void
assert_banner (gpointer   page,
               MlElement *mission)
{
  g_autoptr(GPtrArray) banners = find_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                               "mission-banner");

  g_assert_cmpuint (banners->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (banners, 0)) == (mission != NULL));
  if (mission != NULL)
    g_assert_nonnull (strstr (gtk_label_get_label (g_ptr_array_index (banners, 0)),
                              ml_element_get_label (mission)));
}

/* Da Nang's circular economy has two missions: 2 focuses the roadmap, the map and the mix on
 * livelihoods, under its title, and 2 again shows everything.
 */
static void
test_presentation_mission (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "undp-danang-circular.mlab", NULL);
  MlWindow *window;
  MlProject *project;
  MlElement *livelihoods;
  MlTimelineRenderer *roadmap;
  MlLayout *map;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GHashTable) involved = NULL;
  guint all_rows, n_rows = 0, n_activities = 0;

  copy_sample ("undp-danang-circular.mlab", fixture->dir);
  g_free (fixture->path);
  fixture->path = g_steal_pointer (&path);
  window = ml_test_window_open (fixture);
  project = ml_document_get_project (ml_window_get_document (window));
  livelihoods = ml_project_lookup (project, "m-livelihoods");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  ml_test_drain ();
  roadmap = ml_roadmap_view_get_renderer (ml_roadmap_page_get_view (window->roadmap_page));
  all_rows = ml_timeline_renderer_get_n_rows (roadmap);
  assert_banner (window->roadmap_page, NULL);

  g_assert_true (press_key (window, GDK_KEY_2));
  g_assert_true (window->present_mission == livelihoods);
  assert_banner (window->roadmap_page, livelihoods);
  assert_banner (window->stakeholder_page, livelihoods);
  assert_banner (window->mix_page, livelihoods);

  /* The roadmap: the activities of the mission, each under its workstream. */
  activities = ml_project_collect (project, ML_KIND_ACTIVITY);
  for (guint i = 0; i < activities->len; i++)
    n_activities += ml_mission_has_activity (livelihoods, g_ptr_array_index (activities, i));
  g_assert_cmpuint (n_activities, >, 0);
  for (guint row = 0; row < ml_timeline_renderer_get_n_rows (roadmap); row++)
    {
      MlElement *element = ml_timeline_renderer_get_row_element (roadmap, row);

      if (ml_element_get_kind (element) != ML_KIND_ACTIVITY)
        continue;
      g_assert_true (ml_mission_has_activity (livelihoods, element));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, n_activities);
  g_assert_cmpuint (ml_timeline_renderer_get_n_rows (roadmap), <, all_rows);

  /* The map: the stakeholders taking part in the mission, and no one else. */
  involved = ml_mission_dup_stakeholders (project, livelihoods);
  map = ml_stakeholder_view_get_layout (ml_stakeholder_page_get_view (window->stakeholder_page));
  g_assert_cmpuint (ml_layout_get_n_nodes (map), >, 0);
  g_assert_cmpuint (ml_layout_get_n_nodes (map), <, count_stakeholders (window));
  for (guint i = 0; i < ml_layout_get_n_nodes (map); i++)
    g_assert_true (g_hash_table_contains (involved,
                                          ml_element_get_id (ml_layout_get_node (map, i))));

  /* The same digit again: everything, without a banner. */
  g_assert_true (press_key (window, GDK_KEY_2));
  g_assert_null (window->present_mission);
  assert_banner (window->roadmap_page, NULL);
  assert_banner (window->mix_page, NULL);
  g_assert_cmpuint (ml_timeline_renderer_get_n_rows (roadmap), ==, all_rows);
  map = ml_stakeholder_view_get_layout (ml_stakeholder_page_get_view (window->stakeholder_page));
  g_assert_cmpuint (ml_layout_get_n_nodes (map), ==, count_stakeholders (window));
}

static void
test_quick_capture (Fixture       *fixture,
                    gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  guint before = count_stakeholders (window);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.quick-capture", NULL));
  ml_test_drain ();
  g_assert_true (gtk_widget_get_visible (window->capture_box));

  /* A line that does not parse says why under the entry and adds nothing. */
  gtk_editable_set_text (GTK_EDITABLE (window->capture_entry), "budget: 12");
  g_signal_emit_by_name (window->capture_entry, "activate");
  ml_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->capture_error)));
  g_assert_cmpstr (gtk_label_get_label (window->capture_error), !=, "");
  g_assert_cmpuint (count_stakeholders (window), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (window->capture_entry), "stakeholder: Port of Newcastle");
  g_signal_emit_by_name (window->capture_entry, "activate");
  ml_test_drain ();
  g_assert_false (gtk_widget_get_visible (window->capture_box));
  g_assert_cmpuint (count_stakeholders (window), ==, before + 1);
  g_assert_cmpstr (ml_element_get_label (ml_window_get_selected (window)), ==, "Port of Newcastle");
  g_assert_true (ml_document_get_modified (ml_window_get_document (window)));
  g_assert_true (ml_window_get_presenting (window));

  /* Ctrl+Z takes it back, still presenting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ml_test_drain ();
  g_assert_cmpuint (count_stakeholders (window), ==, before);
  g_assert_true (ml_window_get_presenting (window));
}

/* The button labelled @label under @root, which must be the only one. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = find_widgets (root, GTK_TYPE_BUTTON, NULL);
  GtkWidget *found = NULL;

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      {
        g_assert_null (found);
        found = g_ptr_array_index (buttons, i);
      }
  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
get_candidates_cell (MlWindow   *window,
                     const char *format,
                     ...)
{
  g_autofree char *key = NULL;
  GtkWidget *cell;
  va_list args;

  va_start (args, format);
  key = g_strdup_vprintf (format, args);
  va_end (args);
  cell = ml_candidates_page_get_cell (window->candidates_page, key);
  g_assert_nonnull (cell);
  return cell;
}

/* The candidate at the top of the ranking by weighted score, as the vote board lists it. */
static MlElement *
get_top_candidate (MlWindow *window)
{
  GtkWidget *board = ml_candidates_page_get_vote_board (window->candidates_page);
  g_autoptr(GPtrArray) rows = find_widgets (board, GTK_TYPE_LIST_BOX_ROW, NULL);

  g_assert_cmpuint (rows->len, >, 0);
  return g_object_get_data (g_ptr_array_index (rows, 0), "candidate");
}

static MlElement *
get_last_child (MlProject *project,
                MlKind     kind)
{
  GPtrArray *children = ml_element_get_children (ml_project_get_root (project), kind);

  g_assert_nonnull (children);
  return g_ptr_array_index (children, children->len - 1);
}

/* The one score of a candidate scored against one criterion, if it has it. */
static MlElement *
find_score_of (MlElement *candidate)
{
  GPtrArray *scores = ml_element_get_children (candidate, ML_KIND_SCORE);

  if (scores == NULL || scores->len == 0)
    return NULL;
  g_assert_cmpuint (scores->len, ==, 1);
  return g_ptr_array_index (scores, 0);
}

static void
test_candidates_page (Fixture       *fixture,
                      gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlDocument *document = ml_window_get_document (window);
  MlProject *project = ml_document_get_project (document);
  GtkWidget *page = GTK_WIDGET (window->candidates_page);
  g_autoptr(GPtrArray) removals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stacks = find_widgets (page, GTK_TYPE_STACK, NULL);
  g_autoptr(MlCommand) clear = NULL;
  g_autoptr(GError) error = NULL;
  GtkStack *stack = g_ptr_array_index (stacks, 0);
  MlElement *criterion, *hydrogen, *protein;
  GtkWidget *name;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "candidates"));
  ml_test_drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "edit");

  /* Without criteria or candidates the page offers to add the first. */
  for (MlKind kind = ML_KIND_CRITERION; kind <= ML_KIND_CANDIDATE; kind++)
    {
      GPtrArray *children = ml_element_get_children (ml_project_get_root (project), kind);

      for (guint i = 0; i < children->len; i++)
        g_ptr_array_add (removals, ml_command_new_delete (project, g_ptr_array_index (children, i),
                                                          NULL));
    }
  clear = ml_command_new_group_from_array ("Clear", removals);
  g_assert_true (ml_document_push (document, clear, &error));
  g_assert_no_error (error);
  ml_test_drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_signal_emit_by_name (find_button (gtk_stack_get_visible_child (stack), "Add _Criterion"),
                         "clicked");
  ml_test_drain ();

  /* The new criterion's name has the focus: type it, then Tab to its weight. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "edit");
  criterion = get_last_child (project, ML_KIND_CRITERION);
  name = get_candidates_cell (window, "name/%s", ml_element_get_id (criterion));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), name));
  gtk_editable_set_text (GTK_EDITABLE (name), "Boldness");
  g_signal_emit_by_name (name, "activate");
  ml_test_drain ();
  g_assert_cmpstr (ml_element_get_label (criterion), ==, "Boldness");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_candidates_cell (
                               window, "weight/%s", ml_element_get_id (criterion))), 3);
  ml_test_drain ();
  g_assert_cmpfloat (ml_element_get_number (criterion, ML_CRITERION_WEIGHT), ==, 3);

  /* Two candidates, scored: the ranking follows the scores. */
  for (guint i = 0; i < 2; i++)
    {
      g_signal_emit_by_name (find_button (gtk_stack_get_visible_child (stack), "Add C_andidate"),
                             "clicked");
      ml_test_drain ();
      name = get_candidates_cell (window, "name/%s",
                                  ml_element_get_id (get_last_child (project, ML_KIND_CANDIDATE)));
      gtk_editable_set_text (GTK_EDITABLE (name), i == 0 ? "Hydrogen" : "Protein");
      g_signal_emit_by_name (name, "activate");
      ml_test_drain ();
    }
  hydrogen = ml_project_lookup (project, ml_element_get_id (g_ptr_array_index (
    ml_element_get_children (ml_project_get_root (project), ML_KIND_CANDIDATE), 0)));
  protein = get_last_child (project, ML_KIND_CANDIDATE);
  g_assert_cmpstr (ml_element_get_label (protein), ==, "Protein");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_candidates_cell (
                               window, "score/%s/%s", ml_element_get_id (hydrogen),
                               ml_element_get_id (criterion))), 4);
  ml_test_drain ();
  g_assert_cmpfloat (ml_element_get_number (find_score_of (hydrogen), ML_SCORE_VALUE), ==, 4);
  g_assert_true (get_top_candidate (window) == hydrogen);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_candidates_cell (
                               window, "score/%s/%s", ml_element_get_id (protein),
                               ml_element_get_id (criterion))), 5);
  ml_test_drain ();
  g_assert_true (get_top_candidate (window) == protein);

  /* Undo takes the score back, and the ranking with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ml_test_drain ();
  g_assert_null (find_score_of (protein));
  g_assert_true (get_top_candidate (window) == hydrogen);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_candidates_cell (
                       window, "score/%s/%s", ml_element_get_id (protein),
                       ml_element_get_id (criterion)))), ==, 0);
}

static double
get_votes (MlElement *candidate)
{
  double votes = ml_element_get_number (candidate, ML_CANDIDATE_VOTES);

  return isnan (votes) ? 0 : votes;
}

static void
test_candidate_votes (Fixture       *fixture,
                      gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlVoteBoard *board = ML_VOTE_BOARD (ml_candidates_page_get_vote_board (window->candidates_page));
  MlElement *first, *second;
  double before;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  ml_test_drain ();
  g_assert_true (press_key (window, GDK_KEY_End));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "candidates");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (board)));

  /* Down chooses the next candidate; + and − vote for it, and one undo takes back the run. */
  first = ml_vote_board_get_selected (board);
  g_assert_true (first == get_top_candidate (window));
  g_assert_true (press_key (window, GDK_KEY_Down));
  second = ml_vote_board_get_selected (board);
  g_assert_true (second != first);
  before = get_votes (second);
  g_assert_true (press_key (window, GDK_KEY_plus));
  g_assert_true (press_key (window, GDK_KEY_KP_Add));
  g_assert_true (press_key (window, GDK_KEY_plus));
  g_assert_true (press_key (window, GDK_KEY_minus));
  g_assert_cmpfloat (get_votes (second), ==, before + 2);
  g_assert_true (ml_vote_board_get_selected (board) == second);
  g_assert_true (ml_document_get_modified (ml_window_get_document (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ml_test_drain ();
  g_assert_cmpfloat (get_votes (second), ==, before);
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));

  /* The clicker still steps: Page Up leaves the board, Page Down comes back. */
  g_assert_true (ml_window_get_presenting (window));
  g_assert_true (press_key (window, GDK_KEY_Page_Up));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "indicators");
  g_assert_true (press_key (window, GDK_KEY_Page_Down));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "candidates");
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
  g_test_add (path, Fixture, NULL, ml_test_window_set_up, func, ml_test_window_tear_down)

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
  ADD ("/window/import-graphml-preview", test_import_graphml_preview);
  ADD ("/window/indicators-page", test_indicators_page);
  ADD ("/window/indicators-page-empty", test_indicators_page_empty);
  ADD ("/window/review-decision", test_review_decision);
  ADD ("/window/portfolio-page", test_portfolio_page);
  ADD ("/window/decision-from-portfolio", test_decision_from_portfolio);
  ADD ("/window/mix-drag-undo", test_mix_drag_undo);
  ADD ("/window/fits-small-screen", test_fits_small_screen);
  ADD ("/window/library-page", test_library_page);
  ADD ("/window/library-from-welcome", test_library_from_welcome);
  ADD ("/window/presentation", test_presentation);
  ADD ("/window/presentation-mission", test_presentation_mission);
  ADD ("/window/quick-capture", test_quick_capture);
  ADD ("/window/candidates-page", test_candidates_page);
  ADD ("/window/candidate-votes", test_candidate_votes);

  return g_test_run ();
}
