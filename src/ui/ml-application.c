/* ml-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-application"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>
#include <unistd.h>

#include "ml-application.h"
#include "ml-diagnostic.h"
#include "ml-window.h"

#define MAX_RECENT_FILES 10

struct _MlApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *recovery_dir;
};

G_DEFINE_FINAL_TYPE (MlApplication, ml_application, ADW_TYPE_APPLICATION)

static MlWindow *
find_window_for_path (MlApplication *self,
                      const char    *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      MlDocument *document;

      if (!ML_IS_WINDOW (l->data))
        continue;
      document = ml_window_get_document (l->data);
      if (document != NULL && g_strcmp0 (ml_document_get_path (document), canonical) == 0)
        return l->data;
    }

  return NULL;
}

/* A window showing the welcome page is reused rather than left behind an empty one. */
static MlWindow *
get_window_for_document (MlApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ML_IS_WINDOW (active) && ml_window_get_document (ML_WINDOW (active)) == NULL)
    return ML_WINDOW (active);

  return ml_window_new (self);
}

static void
apply_color_scheme (MlApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int scheme = g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[CLAMP (scheme, 0, (int) G_N_ELEMENTS (schemes) - 1)]);
}

/* Time since the process started, from the kernel's record of it, in milliseconds. */
static double
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  struct timespec now;
  double start_s;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL)
    return -1;
  fields = g_strsplit (after_name + 2, " ", -1);
  if (g_strv_length (fields) < 20)
    return -1;
  /* Field 22 of stat, the 20th after the name: start time in clock ticks since boot. */
  start_s = g_ascii_strtod (fields[19], NULL) / sysconf (_SC_CLK_TCK);
  clock_gettime (CLOCK_BOOTTIME, &now);

  return (now.tv_sec + now.tv_nsec / 1e9 - start_s) * 1000;
}

static void
on_first_frame_painted_cb (GdkFrameClock *clock,
                           GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted_cb, window);
  g_print ("startup: %.0f ms from process start to the first frame\n", process_age_ms ());
  if (g_strcmp0 (g_getenv ("MISSIONLAB_STARTUP_TIMING"), "quit") == 0)
    g_application_quit (g_application_get_default ());
}

static void
on_window_mapped_cb (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, on_window_mapped_cb, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame_painted_cb), window);
}

static void
show_window (MlWindow *window)
{
  /* MISSIONLAB_STARTUP_TIMING=1 reports when the first window is drawn (=quit also ends). */
  if (g_getenv ("MISSIONLAB_STARTUP_TIMING") != NULL && !gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_signal_connect (window, "map", G_CALLBACK (on_window_mapped_cb), NULL);

  gtk_window_present (GTK_WINDOW (window));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  MlApplication *self = user_data;
  g_autoptr(MlDocument) document = ml_document_new (self->recovery_dir);
  MlWindow *window = get_window_for_document (self);

  ml_document_set_autosave_delay (document, g_settings_get_uint (self->settings,
                                                                 "autosave-interval"));
  ml_window_set_document (window, document);
  show_window (window);
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  MlApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        ml_application_open_path (self, path);
    }

  g_object_unref (dialog);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Project"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (projects, _("MissionLab projects"));
  gtk_file_filter_add_pattern (projects, "*.mlab");
  gtk_file_filter_add_mime_type (projects, "application/x-missionlab+xml");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), projects);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_path_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ml_application_open_path (user_data, g_variant_get_string (parameter, NULL));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MlApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes; the application ends with the last. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "MissionLab developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("MissionLab"),
                        "application-icon", APP_ID,
                        "developer-name", _("MissionLab developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan mission-oriented innovation policy: bold objectives with indicators, the stakeholders who must coordinate, the policy mix, and a roadmap with decision points."),
                        "website", "https://example.org/missionlab",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Instrument taxonomy"),
                                      _("Instrument types and target groups from the EC-OECD STIP Compass."),
                                      GTK_LICENSE_UNKNOWN, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new", new_activated },
  { "open", open_activated },
  { "open-path", open_path_activated, "s" },
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  MlApplication *self = user_data;
  g_autoptr(GPtrArray) recoveries = ml_recovery_list (self->recovery_dir);

  for (guint i = 0; i < recoveries->len; i++)
    {
      MlRecovery *recovery = g_ptr_array_index (recoveries, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(MlDocument) document = NULL;
      MlWindow *window;

      if (g_strcmp0 (response, "discard") == 0)
        {
          ml_recovery_discard (recovery, self->recovery_dir);
          continue;
        }
      if (g_strcmp0 (response, "restore") != 0)
        continue;

      document = ml_document_restore (recovery, self->recovery_dir, &error);
      window = get_window_for_document (self);
      if (document == NULL)
        {
          ml_window_show_error (window, _("Could not restore the unsaved changes"),
                                error->message);
          show_window (window);
          continue;
        }
      ml_document_set_autosave_delay (document, g_settings_get_uint (self->settings,
                                                                     "autosave-interval"));
      ml_window_set_document (window, document);
      show_window (window);
    }
}

/**
 * ml_application_offer_recovery:
 * @self: the application
 * @parent: the window to ask over
 *
 * If recovery copies were left behind by a crash, asks whether to restore them.
 */
void
ml_application_offer_recovery (MlApplication *self,
                               GtkWindow     *parent)
{
  g_autoptr(GPtrArray) recoveries = ml_recovery_list (self->recovery_dir);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  if (recoveries->len == 0)
    return;

  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "MissionLab closed without saving changes to this project:",
                                      "MissionLab closed without saving changes to these projects:",
                                      recoveries->len));
  for (guint i = 0; i < recoveries->len; i++)
    {
      MlRecovery *recovery = g_ptr_array_index (recoveries, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (recovery->saved_at);
      g_autofree char *time = when != NULL ? g_date_time_format (when, "%x %X") : g_strdup ("");

      g_string_append_printf (body, "\n• %s (%s)", recovery->title, time);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore Unsaved Changes?"),
                                                       body->str));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ml_application_activate (GApplication *application)
{
  MlApplication *self = ML_APPLICATION (application);
  g_autofree char *last = g_settings_get_string (self->settings, "last-project");
  g_autoptr(GPtrArray) recoveries = ml_recovery_list (self->recovery_dir);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  MlWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  if (recoveries->len == 0 && last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      ml_application_open_path (self, last);
      return;
    }

  window = ml_window_new (self);
  show_window (window);
  ml_application_offer_recovery (self, GTK_WINDOW (window));
}

static void
ml_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MlApplication *self = ML_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        ml_application_open_path (self, path);
    }
}

static void
ml_application_startup (GApplication *application)
{
  MlApplication *self = ML_APPLICATION (application);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.about", { "<Control><Shift>a", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.revert", { "<Control><Shift>r", NULL } },
    { "win.export-roadmap", { "<Control>e", NULL } },
    { "win.export-report", { "<Control><Shift>e", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.add-journal-note", { "<Control>j", NULL } },
    { "win.add-measurement", { "<Control>m", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.quick-capture", { "<Control>k", NULL } },
    { "win.delete-element", { "<Control>Delete", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.show-inspector", { "<Control>i", NULL } },
    { "win.view('overview')", { "<Alt>1", NULL } },
    { "win.view('roadmap')", { "<Alt>2", NULL } },
    { "win.view('stakeholders')", { "<Alt>3", NULL } },
    { "win.view('policy-mix')", { "<Alt>4", NULL } },
    { "win.view('portfolio')", { "<Alt>5", NULL } },
    { "win.view('indicators')", { "<Alt>6", NULL } },
    { "win.view('candidates')", { "<Alt>7", NULL } },
    { "win.view('library')", { "<Alt>8", NULL } },
  };
  g_autoptr(GAction) color_scheme = NULL;

  G_APPLICATION_CLASS (ml_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  color_scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (self), color_scheme);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  g_signal_connect_swapped (self->settings, "changed::color-scheme",
                            G_CALLBACK (apply_color_scheme), self);
  apply_color_scheme (self);
}

static void
ml_application_dispose (GObject *object)
{
  MlApplication *self = ML_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ml_application_parent_class)->dispose (object);
}

static void
ml_application_finalize (GObject *object)
{
  MlApplication *self = ML_APPLICATION (object);

  g_free (self->recovery_dir);

  G_OBJECT_CLASS (ml_application_parent_class)->finalize (object);
}

static void
ml_application_class_init (MlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ml_application_dispose;
  object_class->finalize = ml_application_finalize;
  app_class->activate = ml_application_activate;
  app_class->open = ml_application_open;
  app_class->startup = ml_application_startup;
}

static void
ml_application_init (MlApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  self->recovery_dir = ml_recovery_default_dir ();
}

MlApplication *
ml_application_new (void)
{
  return g_object_new (ML_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/MissionLab",
                       NULL);
}

/**
 * ml_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
ml_application_get_settings (MlApplication *self)
{
  g_return_val_if_fail (ML_IS_APPLICATION (self), NULL);

  return self->settings;
}

const char *
ml_application_get_recovery_dir (MlApplication *self)
{
  g_return_val_if_fail (ML_IS_APPLICATION (self), NULL);

  return self->recovery_dir;
}

/**
 * ml_application_get_samples_dir:
 *
 * Returns: (transfer full): the folder of bundled samples; `MISSIONLAB_DATA_DIR` overrides the
 *   installed data folder, for running from a build tree
 */
char *
ml_application_get_samples_dir (MlApplication *self)
{
  const char *data_dir = g_getenv ("MISSIONLAB_DATA_DIR");

  return g_build_filename (data_dir != NULL ? data_dir : PKGDATADIR, "samples", NULL);
}

/**
 * ml_application_add_recent:
 *
 * Puts @path first in the recent files, and remembers it as the project to reopen.
 */
void
ml_application_add_recent (MlApplication *self,
                           const char    *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (recent[i], path) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *) updated);
  g_settings_set_string (self->settings, "last-project", path);
}

/**
 * ml_application_open_path:
 *
 * Opens a project file in its own window, or shows the window that has it open already.
 */
void
ml_application_open_path (MlApplication *self,
                          const char    *path)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(MlDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  MlWindow *window;

  g_return_if_fail (ML_IS_APPLICATION (self));

  window = find_window_for_path (self, path);
  if (window != NULL)
    {
      show_window (window);
      return;
    }

  window = get_window_for_document (self);
  document = ml_document_load (path, self->recovery_dir, diagnostics, &error);
  if (document == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *title = g_strdup_printf (_("Could not open “%s”"), display);
      g_autoptr(GString) details = g_string_new (error->message);

      for (guint i = 0; i < diagnostics->len && i < 8; i++)
        {
          g_autofree char *line = ml_diagnostic_format (g_ptr_array_index (diagnostics, i), NULL);
          g_string_append_printf (details, "\n%s", line);
        }
      if (diagnostics->len > 8)
        g_string_append_printf (details, "\n%s", _("…and more; run “missionlab-cli validate” for all of them."));

      show_window (window);
      ml_window_show_error (window, title, details->str);
      return;
    }

  ml_document_set_autosave_delay (document, g_settings_get_uint (self->settings,
                                                                 "autosave-interval"));
  ml_window_set_document (window, document);
  ml_application_add_recent (self, ml_document_get_path (document));
  show_window (window);
}
