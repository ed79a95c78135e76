/* ml-window-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing stakeholders or relations from a spreadsheet saved as CSV, or a whole network from
 * GraphML: the window shows what would be added, skipped and refused, line by line, and changes
 * nothing until the user says Import; the import is one undo step.
 */

#define G_LOG_DOMAIN "ml-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-csv-import.h"
#include "ml-graphml-import.h"
#include "ml-window-private.h"

#define MAX_LINES_SHOWN 12

typedef struct
{
  MlWindow *window;
  MlImport *preview;
} Import;

static void
import_free (Import *import)
{
  g_clear_pointer (&import->preview, ml_import_free);
  g_free (import);
}

static void
append_lines (GString    *text,
              const char *heading,
              GPtrArray  *lines)
{
  if (lines->len == 0)
    return;

  g_string_append_printf (text, "\n\n%s", heading);
  for (guint i = 0; i < lines->len && i < MAX_LINES_SHOWN; i++)
    g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (lines, i));
  if (lines->len > MAX_LINES_SHOWN)
    {
      g_string_append (text, "\n• ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "…and %u more", "…and %u more",
                                                 lines->len - MAX_LINES_SHOWN),
                              lines->len - MAX_LINES_SHOWN);
    }
}

static void
on_preview_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Import           *import)
{
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "import") == 0 &&
      (command = ml_import_build_command (import->preview)) != NULL)
    {
      if (ml_document_push (ml_window_get_document (import->window), command, &error))
        ml_window_show_toast (import->window, ml_command_get_label (command));
      else
        ml_window_show_error (import->window, _("Could Not Import"), error->message);
    }

  import_free (import);
}

/* What the file is: the dialog's words and which counts it gives. */
typedef struct
{
  const char *title;
  const char *warnings;
  gboolean    stakeholders;
  gboolean    relations;
} Source;

static void
show_preview (MlWindow     *self,
              MlImport     *preview,
              const Source *source)
{
  GPtrArray *added = ml_import_get_added (preview);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n_stakeholders = 0;
  guint n_relations;
  Import *import;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < added->len; i++)
    {
      MlElement *element = g_ptr_array_index (added, i);

      n_stakeholders += ml_element_get_kind (element) == ML_KIND_STAKEHOLDER;
      g_ptr_array_add (names, ml_project_dup_title (ml_document_get_project (ml_window_get_document (self)),
                                                    element));
    }
  n_relations = added->len - n_stakeholders;
  if (source->stakeholders)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u stakeholder will be added.",
                                               "%u stakeholders will be added.", n_stakeholders),
                            n_stakeholders);
  if (source->stakeholders && source->relations)
    g_string_append_c (body, ' ');
  if (source->relations)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u relation will be added.",
                                               "%u relations will be added.", n_relations),
                            n_relations);
  append_lines (body, _("Added:"), names);
  append_lines (body, _("Skipped, already in the project:"), ml_import_get_skipped (preview));
  append_lines (body, _("Not imported, with the reason:"), ml_import_get_errors (preview));
  append_lines (body, source->warnings, ml_import_get_warnings (preview));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), source->title,
                                                       body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_enabled (dialog, "import", added->len > 0);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");

  import = g_new0 (Import, 1);
  import->window = self;
  import->preview = preview;
  g_signal_connect (dialog, "response", G_CALLBACK (on_preview_response_cb), import);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ml_window_preview_import:
 * @path: a CSV file
 *
 * Reads @path and shows what importing it would change; nothing changes until Import.
 */
void
ml_window_preview_import (MlWindow        *self,
                          MlCsvImportKind  kind,
                          const char      *path)
{
  g_autoptr(GError) error = NULL;
  MlImport *preview;
  Source source = { _("Import from CSV?"), _("Columns ignored:"),
                    kind == ML_CSV_IMPORT_STAKEHOLDERS, kind == ML_CSV_IMPORT_RELATIONS };

  preview = ml_csv_import_preview_file (ml_document_get_project (self->document), kind, path,
                                        &error);
  if (preview == NULL)
    {
      ml_window_show_error (self, _("Could Not Read the CSV File"), error->message);
      return;
    }

  show_preview (self, preview, &source);
}

/**
 * ml_window_preview_graphml_import:
 * @path: a GraphML file
 *
 * Reads the stakeholders and relations of @path and shows what importing them would change;
 * nothing changes until Import.
 */
void
ml_window_preview_graphml_import (MlWindow   *self,
                                  const char *path)
{
  g_autoptr(GError) error = NULL;
  MlImport *preview;
  Source source = { _("Import from GraphML?"), _("Attributes ignored:"), TRUE, TRUE };

  preview = ml_graphml_import_preview_file (ml_document_get_project (self->document), path,
                                            &error);
  if (preview == NULL)
    {
      ml_window_show_error (self, _("Could Not Read the GraphML File"), error->message);
      return;
    }

  show_preview (self, preview, &source);
}

/* The chooser's "kind": a #MlCsvImportKind, or this for a GraphML network. */
#define IMPORT_GRAPHML (-1)

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        MlWindow        *self)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_object_unref (chooser);

  if (path != NULL && kind == IMPORT_GRAPHML)
    ml_window_preview_graphml_import (self, path);
  else if (path != NULL)
    ml_window_preview_import (self, kind, path);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MlWindow *self = ML_WINDOW (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  gboolean relations = g_str_equal (what, "relations");
  gboolean graphml = g_str_equal (what, "graphml");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  int kind = graphml ? IMPORT_GRAPHML : relations ? ML_CSV_IMPORT_RELATIONS
                                                  : ML_CSV_IMPORT_STAKEHOLDERS;

  chooser = gtk_file_chooser_native_new (graphml ? _("Import Network from GraphML")
                                         : relations ? _("Import Relations") : _("Import Stakeholders"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Preview"), _("_Cancel"));
  if (graphml)
    {
      gtk_file_filter_set_name (filter, _("Networks saved as GraphML"));
      gtk_file_filter_add_pattern (filter, "*.graphml");
      gtk_file_filter_add_mime_type (filter, "application/graphml+xml");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV"));
      gtk_file_filter_add_pattern (filter, "*.csv");
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
ml_window_class_import_init (MlWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.import", "s", import_action);
}
