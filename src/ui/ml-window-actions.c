/* ml-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's commands. Each is a `win.` action with an accelerator (set by the application)
 * and is listed in the shortcuts window.
 */

#define G_LOG_DOMAIN "ml-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-create.h"
#include "ml-decision-dialog.h"
#include "ml-delete.h"
#include "ml-error.h"
#include "ml-map-export.h"
#include "ml-report.h"
#include "ml-roadmap-export.h"
#include "ml-window-private.h"

typedef struct
{
  MlWindow   *window;
  MlSaveDone  done;
  char       *path;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_free (request->path);
  g_free (request);
}

static void
finish_save (SaveRequest *request,
             gboolean     saved)
{
  if (saved)
    {
      ml_application_add_recent (ML_APPLICATION (g_application_get_default ()),
                                 ml_document_get_path (request->window->document));
      ml_window_show_toast (request->window, _("Saved"));
    }
  if (request->done != NULL)
    request->done (request->window, saved);
  save_request_free (request);
}

static void save_to (SaveRequest *request,
                     gboolean     overwrite_changes);

static void
on_changed_on_disk_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                SaveRequest      *request)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "overwrite") == 0)
    {
      save_to (request, TRUE);
      return;
    }

  if (g_strcmp0 (response, "reload") == 0 &&
      !ml_document_reload (request->window->document, NULL, &error))
    ml_window_show_error (request->window, _("Could not reload the project"), error->message);

  finish_save (request, FALSE);
}

static void
save_to (SaveRequest *request,
         gboolean     overwrite_changes)
{
  MlWindow *self = request->window;
  g_autoptr(GError) error = NULL;

  if (ml_document_save (self->document, request->path, overwrite_changes, &error))
    {
      finish_save (request, TRUE);
      return;
    }

  if (g_error_matches (error, ML_ERROR, ML_ERROR_CHANGED_ON_DISK))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("The File Changed on Disk"),
                                                           NULL));
      adw_message_dialog_format_body (dialog,
                                      _("%s\nSomeone else may have saved it, for example in a shared folder. Reload their version and lose your changes, or keep yours and replace theirs?"),
                                      error->message);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "reload", _("_Reload Theirs"),
                                        "overwrite", _("_Keep Mine"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_changed_on_disk_response_cb), request);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  ml_window_show_error (self, _("Could Not Save"), error->message);
  finish_save (request, FALSE);
}

static void
on_save_as_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        SaveRequest     *request)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      finish_save (request, FALSE);
      g_object_unref (chooser);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  request->path = g_file_get_path (file);
  g_object_unref (chooser);

  if (request->path != NULL && !g_str_has_suffix (request->path, ".mlab"))
    {
      char *with_extension = g_strconcat (request->path, ".mlab", NULL);

      g_free (request->path);
      request->path = with_extension;
    }
  save_to (request, FALSE);
}

/**
 * ml_window_save:
 * @self: a window with a document
 * @save_as: whether to ask for a new file name
 * @done: (nullable): called when saved, or when saving failed or was cancelled
 *
 * Saves the document, asking for a file name when it has none or @save_as is set, and asking
 * what to do when the file changed on disk.
 */
void
ml_window_save (MlWindow   *self,
                gboolean    save_as,
                MlSaveDone  done)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  const char *title;

  request->window = self;
  request->done = done;

  if (!save_as && ml_document_get_path (self->document) != NULL)
    {
      save_to (request, FALSE);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("MissionLab projects"));
  gtk_file_filter_add_pattern (filter, "*.mlab");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  title = ml_element_get_string (ml_project_get_root (ml_document_get_project (self->document)),
                                 ML_PROJECT_TITLE);
  name = g_strdup_printf ("%s.mlab", title != NULL ? title : _("Mission"));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ml_window_save (ML_WINDOW (widget), strcmp (action_name, "win.save-as") == 0, NULL);
}

static void
on_revert_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MlWindow         *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "revert") == 0 &&
      !ml_document_reload (self->document, NULL, &error))
    ml_window_show_error (self, _("Could not reload the project"), error->message);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Revert to the Saved Version?"),
                                                       _("All unsaved changes are lost, and cannot be undone.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "revert", _("_Revert"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "revert", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_revert_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);
  MlUndoStack *stack = ml_document_get_undo_stack (self->document);

  if (strcmp (action_name, "win.undo") == 0)
    ml_undo_stack_undo (stack);
  else
    ml_undo_stack_redo (stack);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);

  g_object_set (self, "show-sidebar", TRUE, NULL);
  ml_element_list_focus_search (self->element_list);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* The element of @kind's parent kind nearest the selection, or the project itself. */
static MlElement *
find_parent_for (MlWindow *self,
                 MlKind    kind)
{
  MlKind parent_kind = ml_kind_get_info (kind)->parent;

  if (parent_kind == ML_KIND_PROJECT)
    return ml_project_get_root (ml_document_get_project (self->document));

  for (MlElement *e = self->selected; e != NULL; e = ml_element_get_parent (e))
    if (ml_element_get_kind (e) == parent_kind)
      return e;

  return NULL;
}

static MlElement *
add_element (MlWindow *self,
             MlKind    kind)
{
  MlProject *project = ml_document_get_project (self->document);
  MlElement *parent = find_parent_for (self, kind);
  g_autoptr(MlElement) element = NULL;
  g_autoptr(MlCommand) insert = NULL;
  g_autoptr(GError) error = NULL;

  if (parent == NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *parent_label = g_utf8_strdown (_(ml_kind_get_info (ml_kind_get_info (kind)->parent)->label), -1);

      message = g_strdup_printf (_("Select a %s first."), parent_label);
      ml_window_show_toast (self, message);
      return NULL;
    }

  element = ml_element_create (project, parent, kind, ml_date_today (), &error);
  if (element != NULL)
    {
      insert = ml_command_new_insert (parent, element, -1);
      if (ml_document_push (self->document, insert, &error))
        {
          ml_window_select (self, element);
          return element;
        }
    }

  ml_window_show_toast (self, error->message);
  return NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);
  const char *element_name = g_variant_get_string (parameter, NULL);

  for (MlKind kind = ML_KIND_MISSION; kind < ML_N_KINDS; kind++)
    {
      if (strcmp (ml_kind_get_info (kind)->element, element_name) != 0)
        continue;
      if (add_element (self, kind) != NULL)
        ml_inspector_focus_field (self->inspector, ML_NO_FIELD);
      return;
    }

  g_warning ("No kind of element is called “%s”", element_name);
}

static void
add_measurement_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);

  /* Ctrl+M, then the value: the date is today's and the value starts from the latest. */
  if (add_element (self, ML_KIND_MEASUREMENT) != NULL)
    {
      g_object_set (self, "show-inspector", TRUE, NULL);
      ml_inspector_focus_field (self->inspector, ML_MEASUREMENT_VALUE);
    }
}

static void
add_journal_note_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);

  if (add_element (self, ML_KIND_JOURNAL_ENTRY) != NULL)
    ml_inspector_focus_field (self->inspector, ML_ENTRY_TEXT);
}

/* A toast for a change that Undo takes back. */
static void
show_undo_toast (MlWindow   *self,
                 const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_selected (MlWindow *self)
{
  g_autoptr(MlCommand) delete = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  title = ml_project_dup_title (ml_document_get_project (self->document), self->selected);
  delete = ml_command_new_delete (ml_document_get_project (self->document), self->selected, NULL);
  if (!ml_document_push (self->document, delete, &error))
    {
      ml_window_show_error (self, _("Could Not Delete"), error->message);
      return;
    }

  message = g_strdup_printf (_("“%s” deleted"), title);
  show_undo_toast (self, message);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MlWindow         *self)
{
  if (g_strcmp0 (response, "delete") == 0 && self->selected != NULL)
    delete_selected (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);
  g_autoptr(MlCommand) preview = NULL;
  g_autofree char *consequences = NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->selected == NULL || ml_element_get_parent (self->selected) == NULL)
    return;

  /* Deleting what nothing refers to is undone from the toast; the rest asks first. */
  preview = ml_command_new_delete (ml_document_get_project (self->document), self->selected,
                                   &consequences);
  if (consequences == NULL)
    {
      delete_selected (self);
      return;
    }

  title = ml_project_dup_title (ml_document_get_project (self->document), self->selected);
  heading = g_strdup_printf (_("Delete “%s”?"), title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       consequences));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_decision_recorded_cb (MlWindow *self)
{
  show_undo_toast (self, _("Decision recorded"));
}

/* The parameter is the id of a decision point, or "" for the selected one. */
static void
review_decision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  MlElement *point = *id != '\0' ? ml_project_lookup (ml_document_get_project (self->document), id)
                                  : self->selected;
  MlDecisionDialog *dialog;

  if (point == NULL || ml_element_get_kind (point) != ML_KIND_DECISION_POINT)
    {
      ml_window_show_toast (self, _("Select a decision point to review."));
      return;
    }

  dialog = ml_decision_dialog_new (GTK_WINDOW (self), self->document, point);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_decision_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       MlWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GError) error = NULL;
  MlRoadmapExportOptions options;
  MlRoadmapFormat format = ML_ROADMAP_FORMAT_PDF;
  gboolean map = g_object_get_data (G_OBJECT (chooser), "map") != NULL;
  gboolean report = g_object_get_data (G_OBJECT (chooser), "report") != NULL;
  gboolean exported;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_object_unref (chooser);
  if (path == NULL)
    return;

  /* The name says the format; a name without a known extension gets a PDF. */
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png") && !report)
    format = ML_ROADMAP_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg") && !report)
    format = ML_ROADMAP_FORMAT_SVG;
  else if (!g_str_has_suffix (lower, ".pdf"))
    {
      char *with_extension = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_extension;
    }

  if (report)
    {
      exported = ml_report_write_pdf (ml_document_get_project (self->document), ml_date_today (),
                                      path, &error);
    }
  else if (map)
    {
      MlMapExportOptions map_options;

      ml_map_export_options_init (&map_options, format);
      map_options.layout = ml_stakeholder_view_get_layout_kind (ml_stakeholder_page_get_view (self->stakeholder_page));
      exported = ml_map_export (ml_document_get_project (self->document), &map_options, path,
                                &error);
    }
  else
    {
      ml_roadmap_export_options_init (&options, format);
      options.style = format == ML_ROADMAP_FORMAT_PDF ? ML_STYLE_PRINT : ML_STYLE_SCREEN;
      options.today = ml_date_today ();
      exported = ml_roadmap_export (ml_document_get_project (self->document), &options, path,
                                    &error);
    }

  if (exported)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), base);

      ml_window_show_toast (self, message);
    }
  else
    {
      ml_window_show_error (self, _("Could Not Export"), error->message);
    }
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);
  gboolean map = g_str_equal (action_name, "win.export-map");
  gboolean report = g_str_equal (action_name, "win.export-report");
  GtkFileChooserNative *chooser;
  const char *title;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (report ? _("Export Report")
                                         : map ? _("Export Stakeholder Map")
                                               : _("Export Roadmap"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  if (map)
    g_object_set_data (G_OBJECT (chooser), "map", GINT_TO_POINTER (TRUE));
  if (report)
    g_object_set_data (G_OBJECT (chooser), "report", GINT_TO_POINTER (TRUE));
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF document, in pages"), "*.pdf");
  /* The report is a document of pages: PDF only. */
  if (!report)
    {
      add_filter (GTK_FILE_CHOOSER (chooser), _("PNG image"), "*.png");
      add_filter (GTK_FILE_CHOOSER (chooser), _("SVG image"), "*.svg");
    }
  title = ml_element_get_string (ml_project_get_root (ml_document_get_project (self->document)),
                                 ML_PROJECT_TITLE);
  name = g_strdup_printf (report ? _("%s report.pdf")
                          : map  ? _("%s stakeholders.pdf")
                                 : _("%s roadmap.pdf"),
                          title != NULL ? title : _("Mission"));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
select_id_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);
  MlElement *element = ml_project_lookup (ml_document_get_project (self->document),
                                          g_variant_get_string (parameter, NULL));

  if (element != NULL)
    ml_window_select (self, element);
}

/**
 * ml_window_update_actions:
 *
 * Enables the actions that make sense in the window's state.
 */
void
ml_window_update_actions (MlWindow *self)
{
  gboolean open = self->document != NULL;
  MlUndoStack *stack = open ? ml_document_get_undo_stack (self->document) : NULL;
  MlKind selected_kind = self->selected != NULL ? ml_element_get_kind (self->selected) : ML_KIND_PROJECT;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.show-sidebar", open);
  gtk_widget_action_set_enabled (widget, "win.show-inspector", open);
  gtk_widget_action_set_enabled (widget, "win.save", open);
  gtk_widget_action_set_enabled (widget, "win.save-as", open);
  gtk_widget_action_set_enabled (widget, "win.export-roadmap", open);
  gtk_widget_action_set_enabled (widget, "win.export-map", open);
  gtk_widget_action_set_enabled (widget, "win.export-report", open);
  gtk_widget_action_set_enabled (widget, "win.import", open);
  gtk_widget_action_set_enabled (widget, "win.revert",
                                 open && ml_document_get_path (self->document) != NULL &&
                                 ml_document_get_modified (self->document));
  gtk_widget_action_set_enabled (widget, "win.undo", open && ml_undo_stack_can_undo (stack));
  gtk_widget_action_set_enabled (widget, "win.redo", open && ml_undo_stack_can_redo (stack));
  gtk_widget_action_set_enabled (widget, "win.find", open);
  gtk_widget_action_set_enabled (widget, "win.view", open);
  gtk_widget_action_set_enabled (widget, "win.add", open);
  gtk_widget_action_set_enabled (widget, "win.add-journal-note", open);
  gtk_widget_action_set_enabled (widget, "win.present", open);
  gtk_widget_action_set_enabled (widget, "win.quick-capture", open);
  gtk_widget_action_set_enabled (widget, "win.review-decision", open);
  gtk_widget_action_set_enabled (widget, "win.add-measurement",
                                 open && (selected_kind == ML_KIND_INDICATOR ||
                                          selected_kind == ML_KIND_MEASUREMENT));
  gtk_widget_action_set_enabled (widget, "win.delete-element",
                                 open && self->selected != NULL && selected_kind != ML_KIND_PROJECT);
}

void
ml_window_class_actions_init (MlWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "win.export-roadmap", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-map", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "win.add-measurement", NULL,
                                   add_measurement_action);
  gtk_widget_class_install_action (widget_class, "win.add-journal-note", NULL,
                                   add_journal_note_action);
  gtk_widget_class_install_action (widget_class, "win.delete-element", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.review-decision", "s",
                                   review_decision_action);
  gtk_widget_class_install_action (widget_class, "win.select-id", "s", select_id_action);
}
