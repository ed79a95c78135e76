/* ml-test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ml-test-window.h"

/**
 * ml_test_drain:
 *
 * Lets idle work (layout, refreshes of the pages) run, without waiting for anything.
 */
void
ml_test_drain (void)
{
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

void
ml_test_window_set_up (MlTestWindowFixture *fixture,
                       gconstpointer        data)
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

/* Closes every window of @app at once, without asking about unsaved changes. */
void
ml_test_window_close_all (MlApplication *app)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  ml_test_drain ();
}

void
ml_test_window_tear_down (MlTestWindowFixture *fixture,
                          gconstpointer        data)
{
  ml_test_window_close_all (fixture->app);
  remove_recoveries (ml_application_get_recovery_dir (fixture->app));
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/**
 * ml_test_window_open:
 *
 * Opens the fixture's copy of the sample as a user would, from the application.
 *
 * Returns: (transfer none): its window
 */
MlWindow *
ml_test_window_open (MlTestWindowFixture *fixture)
{
  GtkWindow *window;

  ml_application_open_path (fixture->app, fixture->path);
  ml_test_drain ();
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  if (window == NULL)
    window = gtk_application_get_windows (GTK_APPLICATION (fixture->app))->data;
  g_assert_true (ML_IS_WINDOW (window));
  g_assert_nonnull (ml_window_get_document (ML_WINDOW (window)));

  return ML_WINDOW (window);
}

/**
 * ml_test_find_toplevel:
 * @type: a window type, such as ADW_TYPE_MESSAGE_DIALOG
 *
 * Returns: (transfer none) (nullable): the shown window of @type, such as a dialog
 */
gpointer
ml_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

/**
 * ml_test_widget_emit_key:
 * @widget: a widget
 * @phase: the phase whose key controllers of @widget get the key
 *
 * Returns: whether one of them handled the key
 */
gboolean
ml_test_widget_emit_key (GtkWidget           *widget,
                         GtkPropagationPhase  phase,
                         guint                keyval,
                         GdkModifierType      state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        return TRUE;
    }

  return FALSE;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

/* Return or Space on the focus widget; on a button, GTK shows it pressed for a moment, then
 * it is clicked. */
static gboolean
activate_focus (GtkWidget *focus)
{
  gboolean clicked = FALSE;
  gboolean timed_out = FALSE;
  gulong handler;
  guint timeout;

  /* A text field's Return binding emits its activate signal, which its entry forwards. */
  if (GTK_IS_TEXT (focus))
    {
      g_signal_emit_by_name (focus, "activate");
      return TRUE;
    }
  if (!GTK_IS_BUTTON (focus))
    return gtk_widget_activate (focus);

  handler = g_signal_connect_swapped (focus, "clicked", G_CALLBACK (set_flag), &clicked);
  timeout = g_timeout_add_once (2000, (GSourceOnceFunc) set_flag, &timed_out);
  g_object_ref (focus);
  if (gtk_widget_activate (focus))
    while (!clicked && !timed_out)
      g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (focus, handler);
  g_object_unref (focus);
  if (!timed_out)
    g_source_remove (timeout);

  return clicked;
}

static gboolean
activate_accel (GtkWindow       *window,
                guint            keyval,
                GdkModifierType  state)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);
  GtkApplication *app = gtk_window_get_application (parent != NULL ? parent : window);
  g_autofree char *accel = gtk_accelerator_name (keyval, state);
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, accel);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      g_assert_true (g_action_parse_detailed_name (actions[i], &name, &target, NULL));
      if (gtk_widget_activate_action_variant (focus != NULL ? focus : GTK_WIDGET (window), name,
                                              target))
        return TRUE;
    }

  return FALSE;
}

/**
 * ml_test_window_press_key:
 * @window: the window with the keyboard focus, or a dialog of it
 * @keyval: the key, such as GDK_KEY_Tab
 * @state: the modifiers held
 *
 * A key press as GTK delivers it, for want of a public way to synthesise one: the key
 * controllers from the window down to the focus widget in the capture phase, the
 * application's accelerators, then the controllers from the focus widget up in the bubble
 * phase; last what GTK's own bindings do with the key: Tab moves the focus, Return and Space
 * activate the focus widget.
 *
 * Returns: whether something handled the key
 */
gboolean
ml_test_window_press_key (GtkWindow       *window,
                          guint            keyval,
                          GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *w = focus != NULL ? focus : GTK_WIDGET (window); w != NULL;
       w = gtk_widget_get_parent (w))
    g_ptr_array_insert (chain, 0, w);

  for (guint i = 0; i < chain->len && !handled; i++)
    handled = ml_test_widget_emit_key (g_ptr_array_index (chain, i), GTK_PHASE_CAPTURE, keyval, state);
  if (!handled)
    handled = activate_accel (window, keyval, state);
  for (guint i = chain->len; i > 0 && !handled; i--)
    handled = ml_test_widget_emit_key (g_ptr_array_index (chain, i - 1), GTK_PHASE_BUBBLE, keyval, state);

  if (!handled && (state & GDK_CONTROL_MASK) == 0)
    {
      switch (keyval)
        {
        case GDK_KEY_Tab:
        case GDK_KEY_ISO_Left_Tab:
          handled = gtk_widget_child_focus (GTK_WIDGET (window),
                                            (state & GDK_SHIFT_MASK) != 0 ||
                                            keyval == GDK_KEY_ISO_Left_Tab
                                              ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
          break;
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_space:
          handled = focus != NULL && activate_focus (focus);
          break;
        default:
          break;
        }
    }

  ml_test_drain ();
  return handled;
}
