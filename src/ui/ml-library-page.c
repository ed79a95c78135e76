/* ml-library-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Library page: the projects of a workspace folder (remembered in the settings), a search
 * across all of them with results as one types, and the cross-project questions as tables. The
 * scanner keeps the index current in a worker thread; the page searches and asks on the main
 * thread between scans, and again after each one. The page starts reading the folder the first
 * time it is shown, so that opening a project never waits for it.
 */

#define G_LOG_DOMAIN "ml-library-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-application.h"
#include "ml-format.h"
#include "ml-kind.h"
#include "ml-library-item.h"
#include "ml-library-page.h"
#include "ml-library-scanner.h"
#include "ml-window.h"

#define SEARCH_LIMIT 50
#define UPCOMING_DAYS 90

struct _MlLibraryPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkEditable      *search_entry;
  GtkLabel         *query_error_label;
  GtkStack         *content_stack;
  GtkStack         *projects_stack;
  GtkListView      *projects_view;
  GtkListView      *results_view;
  AdwStatusPage    *empty_status;
  GtkDropDown      *question_chooser;
  GtkLabel         *question_description;
  GtkStack         *answer_stack;
  GtkColumnView    *answer_table;
  AdwStatusPage    *answer_status;
  GtkLabel         *folder_label;
  GtkSpinner       *spinner;
  GtkLabel         *status_label;

  /* Owned references */
  GSettings        *settings;
  MlLibraryScanner *scanner;
  GListStore       *projects;
  GListStore       *results;
  GListStore       *answer;
  GStrv             answer_keys;
  MlIndexQuestion   answer_question;

  gboolean          started;
};

G_DEFINE_FINAL_TYPE (MlLibraryPage, ml_library_page, ADW_TYPE_BIN)

/* The questions in the order the chooser offers them. */
static const struct
{
  MlIndexQuestion  question;
  const char      *title;
  const char      *description;
  const char      *nothing;
} questions[] = {
  { ML_INDEX_QUESTION_STAKEHOLDERS, N_("Stakeholders in Several Projects"),
    N_("Stakeholders who appear in more than one project, matched on their names."),
    N_("No stakeholder appears in more than one project.") },
  { ML_INDEX_QUESTION_BUDGET, N_("Budgets by Side and Type"),
    N_("The budgets of all instruments added up by side and type, in each currency."),
    N_("No instrument has a budget.") },
  { ML_INDEX_QUESTION_UPCOMING, N_("Decisions in the Next 90 Days"),
    N_("Decision points still pending that are due from today to 90 days from now."),
    N_("No decision is due in the next 90 days.") },
  { ML_INDEX_QUESTION_OFF_TRACK, N_("Indicators off Track"),
    N_("Indicators whose measurements are off track today."),
    N_("No indicator is off track.") },
  { ML_INDEX_QUESTION_AT_RISK, N_("Activities at Risk"),
    N_("Activities marked at risk, and those past their end that are not done."),
    N_("No activity is at risk.") },
};

#define ANY_QUESTION ((MlIndexQuestion) -1)

/* The answers' columns by the index's stable keys: their titles (for one question, or for any),
 * and the keys shown as numbers. A key missing here is shown as it is, with a capital; keys
 * with a NULL title are not shown: ids and paths are for opening the element.
 */
static const struct
{
  MlIndexQuestion  question;
  const char      *key;
  const char      *title;
  gboolean         number;
  int              chars; /* the least width, in characters */
} columns[] = {
  { ML_INDEX_QUESTION_STAKEHOLDERS, "name", N_("Stakeholder"), FALSE, 20 },
  { ML_INDEX_QUESTION_STAKEHOLDERS, "count", N_("Number of Projects"), TRUE, 6 },
  { ML_INDEX_QUESTION_BUDGET, "count", N_("Instruments"), TRUE, 6 },
  { ML_INDEX_QUESTION_UPCOMING, "name", N_("Decision"), FALSE, 20 },
  { ML_INDEX_QUESTION_UPCOMING, "date", N_("Due"), FALSE, 11 },
  { ML_INDEX_QUESTION_OFF_TRACK, "name", N_("Indicator"), FALSE, 20 },
  { ML_INDEX_QUESTION_OFF_TRACK, "date", N_("Measured"), FALSE, 11 },
  /* Every row of the answer is off track: the column would say it again and again. */
  { ML_INDEX_QUESTION_OFF_TRACK, "status", NULL, FALSE, 0 },
  { ML_INDEX_QUESTION_AT_RISK, "name", N_("Activity"), FALSE, 20 },
  { ANY_QUESTION, "id", NULL, FALSE, 0 },
  { ANY_QUESTION, "element_id", NULL, FALSE, 0 },
  { ANY_QUESTION, "path", NULL, FALSE, 0 },
  { ANY_QUESTION, "paths", NULL, FALSE, 0 },
  { ANY_QUESTION, "type", NULL, FALSE, 0 },
  { ANY_QUESTION, "name", N_("Name"), FALSE, 20 },
  { ANY_QUESTION, "count", N_("Count"), TRUE, 6 },
  { ANY_QUESTION, "projects", N_("Projects"), FALSE, 24 },
  { ANY_QUESTION, "project", N_("Project"), FALSE, 20 },
  { ANY_QUESTION, "currency", N_("Currency"), FALSE, 6 },
  { ANY_QUESTION, "side", N_("Side"), FALSE, 8 },
  { ANY_QUESTION, "type_name", N_("Type"), FALSE, 24 },
  { ANY_QUESTION, "amount", N_("Amount"), TRUE, 10 },
  { ANY_QUESTION, "date", N_("Date"), FALSE, 11 },
  { ANY_QUESTION, "unit", N_("Unit"), FALSE, 8 },
  { ANY_QUESTION, "status", N_("Status"), FALSE, 8 },
  { ANY_QUESTION, "value", N_("Latest Value"), TRUE, 8 },
  { ANY_QUESTION, "target", N_("Target"), TRUE, 8 },
  { ANY_QUESTION, "target_date", N_("Target Date"), FALSE, 11 },
  { ANY_QUESTION, "share", N_("Of Expected Progress"), TRUE, 8 },
  { ANY_QUESTION, "end", N_("End"), FALSE, 11 },
  { ANY_QUESTION, "reason", N_("Why"), FALSE, 12 },
};

/* The column of @key in the answer to @question, or -1 for an unknown key. */
static int
find_column (MlIndexQuestion  question,
             const char      *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if ((columns[i].question == question || columns[i].question == ANY_QUESTION) &&
        g_str_equal (columns[i].key, key))
      return i;

  return -1;
}

static char *
get_column_title (int         column,
                  const char *key)
{
  char *title;

  if (column >= 0)
    return g_strdup (_(columns[column].title));

  title = g_strdelimit (g_strdup (key), "_-", ' ');
  title[0] = g_ascii_toupper (title[0]);
  return title;
}

/* The words the index writes (the format’s nicks, the STIP type names) in the user’s language. */
static const char *
get_value_label (const char *key,
                 const char *value)
{
  const MlEnumInfo *info = NULL;
  int found;

  if (g_str_equal (key, "side"))
    info = ml_field_get_info (ML_INSTRUMENT_SIDE)->enum_info;
  else if (g_str_equal (key, "status") || g_str_equal (key, "reason"))
    info = ml_field_get_info (ML_ACTIVITY_STATUS)->enum_info;

  if (g_str_equal (key, "reason") && g_str_equal (value, "overdue"))
    return _("Past its end, not done");
  if (g_str_equal (key, "reason") && g_str_equal (value, "at-risk"))
    return _("Marked at risk");
  if (g_str_equal (key, "status"))
    for (MlIndicatorStatus status = 0; status < ML_INDICATOR_N_STATUSES; status++)
      if (g_str_equal (value, ml_indicator_status_get_nick (status)))
        return ml_indicator_status_get_label (status);
  if (info != NULL && (found = ml_enum_info_lookup (info, value)) >= 0)
    return _(info->labels[found]);
  /* The index names STIP types in English, the msgids; _("") would be the catalogue's header. */
  if (g_str_equal (key, "type_name") && value[0] != '\0')
    return _(value);

  return value;
}

static const char *
get_kind_label (const char *kind)
{
  for (MlKind k = 0; k < ML_N_KINDS; k++)
    if (g_strcmp0 (ml_kind_get_info (k)->element, kind) == 0)
      return _(ml_kind_get_info (k)->label);

  return kind != NULL ? kind : "";
}

/* The index marks the matches of a snippet between brackets: they become bold, and the rest is
 * escaped, so that a project's text can never be read as markup.
 */
static char *
markup_snippet (const char *snippet)
{
  GString *markup = g_string_new (NULL);
  gboolean bold = FALSE;
  const char *start = snippet;

  for (const char *p = snippet; ; p++)
    {
      g_autofree char *escaped = NULL;

      if (*p != '\0' && !(*p == '[' && !bold) && !(*p == ']' && bold))
        continue;
      escaped = g_markup_escape_text (start, p - start);
      g_string_append (markup, escaped);
      if (*p == '\0')
        break;
      bold = !bold;
      g_string_append (markup, bold ? "<b>" : "</b>");
      start = p + 1;
    }
  if (bold)
    g_string_append (markup, "</b>");

  return g_string_free (markup, FALSE);
}

static char *
format_mtime (gint64 mtime)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (mtime);

  if (when == NULL)
    return g_strdup ("");
  return ml_format_date (ml_date_from_ymd (g_date_time_get_year (when),
                                           g_date_time_get_month (when),
                                           g_date_time_get_day_of_month (when)));
}

static char *
build_path (MlLibraryPage *self,
            const char    *relative)
{
  return g_build_filename (ml_library_scanner_get_workspace (self->scanner), relative, NULL);
}

/* Opens the project in its window (a new one, or the one that has it open already) and, when
 * @element_id is given, selects that element there.
 */
static void
open_project (MlLibraryPage *self,
              const char    *relative,
              const char    *element_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                              : NULL;
  g_autofree char *path = NULL;
  g_autofree char *canonical = NULL;

  if (!ML_IS_APPLICATION (app) || relative == NULL ||
      ml_library_scanner_get_workspace (self->scanner) == NULL)
    return;

  path = build_path (self, relative);
  ml_application_open_path (ML_APPLICATION (app), path);
  if (element_id == NULL)
    return;

  canonical = g_canonicalize_filename (path, NULL);
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      MlDocument *document = ML_IS_WINDOW (l->data) ? ml_window_get_document (l->data) : NULL;

      if (document != NULL && g_strcmp0 (ml_document_get_path (document), canonical) == 0)
        {
          gtk_widget_activate_action (l->data, "win.select-id", "s", element_id);
          return;
        }
    }
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static GtkWidget *
make_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A row of two lines, title and details, which get_row_title() and get_row_details() find. */
static GtkWidget *
make_row (GtkWidget *icon)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = make_label ("heading");
  GtkWidget *details = make_label (NULL);

  gtk_widget_set_margin_top (row, 9);
  gtk_widget_set_margin_bottom (row, 9);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  if (icon != NULL)
    {
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (row), icon);
    }
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (lines), title);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_NONE);
  gtk_box_append (GTK_BOX (lines), details);
  gtk_box_append (GTK_BOX (row), lines);

  return row;
}

static GtkLabel *
get_row_title (GtkWidget *row)
{
  return GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_last_child (row)));
}

static GtkLabel *
get_row_details (GtkWidget *row)
{
  return GTK_LABEL (gtk_widget_get_last_child (gtk_widget_get_last_child (row)));
}

static void
setup_project_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, make_row (gtk_image_new ()));
}

static void
bind_project_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 MlLibraryPage            *self)
{
  MlIndexFile *file = ml_library_item_get_file (gtk_list_item_get_item (list_item));
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkImage *icon = GTK_IMAGE (gtk_widget_get_first_child (row));
  GtkLabel *title = get_row_title (row);
  GtkLabel *details = get_row_details (row);
  g_autofree char *path = build_path (self, file->path);
  g_autofree char *display_path = g_filename_display_name (file->path);
  g_autofree char *text = NULL;

  gtk_widget_set_tooltip_text (row, path);
  set_css_class (GTK_WIDGET (icon), "error", file->error != NULL);
  set_css_class (GTK_WIDGET (details), "error", file->error != NULL);
  set_css_class (GTK_WIDGET (details), "dim-label", file->error == NULL);

  if (file->error != NULL)
    {
      /* Plainly: the file, and what is wrong with it, in full. */
      gtk_image_set_from_icon_name (icon, "dialog-warning-symbolic");
      gtk_label_set_label (title, display_path);
      text = g_strdup_printf (_("Could not be read: %s"), file->error);
    }
  else
    {
      g_autofree char *changed = format_mtime (file->mtime);
      g_autofree char *missions = g_strdup_printf (ngettext ("%u mission", "%u missions",
                                                             file->n_missions),
                                                   file->n_missions);

      gtk_image_set_from_icon_name (icon, "x-office-document-symbolic");
      gtk_label_set_label (title, file->title != NULL && *file->title != '\0' ? file->title
                                                                               : display_path);
      /* TRANSLATORS: the number of missions, the date of the last change, the file name */
      text = g_strdup_printf (_("%s · changed %s · %s"), missions, changed, display_path);
    }
  gtk_label_set_label (details, text);
}

/* A hit: the element's name, the snippet, and then what it is and in which project. */
static void
setup_hit_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *row = make_row (NULL);
  GtkLabel *snippet = get_row_details (row);
  GtkWidget *where = make_label ("dim-label");

  /* Long snippets end in an ellipsis on the third line. */
  gtk_label_set_ellipsize (snippet, PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (snippet, 3);
  gtk_widget_add_css_class (where, "caption");
  gtk_box_append (GTK_BOX (gtk_widget_get_last_child (row)), where);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_hit_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  MlIndexHit *hit = ml_library_item_get_hit (gtk_list_item_get_item (list_item));
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkLabel *snippet = GTK_LABEL (gtk_widget_get_prev_sibling (GTK_WIDGET (get_row_details (row))));
  g_autofree char *markup = markup_snippet (hit->snippet != NULL ? hit->snippet : "");
  /* TRANSLATORS: a kind of element, such as “Stakeholder”, and the title of its project */
  g_autofree char *where = g_strdup_printf (_("%s in %s"), get_kind_label (hit->kind),
                                            hit->project_title);

  gtk_label_set_label (get_row_title (row), hit->label != NULL ? hit->label : hit->project_title);
  gtk_label_set_markup (snippet, markup);
  gtk_label_set_label (get_row_details (row), where);
  gtk_widget_set_tooltip_text (row, hit->path);
}

static void
on_project_activated_cb (GtkListView   *view,
                         guint          position,
                         MlLibraryPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(MlLibraryItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    open_project (self, ml_library_item_get_file (item)->path, NULL);
}

static void
on_hit_activated_cb (GtkListView   *view,
                     guint          position,
                     MlLibraryPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(MlLibraryItem) item = g_list_model_get_item (model, position);
  MlIndexHit *hit;

  if (item == NULL)
    return;
  hit = ml_library_item_get_hit (item);
  open_project (self, hit->path, hit->element_id);
}

static void
on_answer_activated_cb (GtkColumnView *view,
                        guint          position,
                        MlLibraryPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(MlLibraryItem) item = g_list_model_get_item (model, position);
  MlIndexRow *row;
  const char *id;

  if (item == NULL)
    return;
  /* Rows about one element of one project open it there; the others have no path. */
  row = ml_library_item_get_row (item);
  id = ml_index_row_get (row, "id");
  open_project (self, ml_index_row_get (row, "path"),
                id != NULL ? id : ml_index_row_get (row, "element_id"));
}

/* Which of the projects, the results or a status page the Projects tab shows. */
static void
update_projects_stack (MlLibraryPage *self)
{
  const char *query = gtk_editable_get_text (self->search_entry);
  guint n_projects = g_list_model_get_n_items (G_LIST_MODEL (self->projects));
  const char *visible = "empty";

  if (*query != '\0')
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
        visible = "results";
      adw_status_page_set_icon_name (self->empty_status, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_status, _("No Results"));
      adw_status_page_set_description (self->empty_status,
                                       _("No project in the folder mentions this."));
    }
  else if (n_projects > 0)
    {
      visible = "list";
    }
  else if (ml_library_scanner_get_busy (self->scanner))
    {
      adw_status_page_set_icon_name (self->empty_status, "folder-symbolic");
      adw_status_page_set_title (self->empty_status, _("Reading the Folder…"));
      adw_status_page_set_description (self->empty_status, NULL);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_status, "folder-symbolic");
      adw_status_page_set_title (self->empty_status, _("No Projects"));
      adw_status_page_set_description (self->empty_status,
                                       _("The folder and its subfolders hold no MissionLab projects (.mlab files)."));
    }

  gtk_stack_set_visible_child_name (self->projects_stack, visible);
}

static void
update_status (MlLibraryPage *self)
{
  const GError *error = ml_library_scanner_get_error (self->scanner);
  GPtrArray *files = ml_library_scanner_get_files (self->scanner);
  GDateTime *scanned_at = ml_library_scanner_get_scanned_at (self->scanner);
  const char *workspace = ml_library_scanner_get_workspace (self->scanner);
  gboolean busy = ml_library_scanner_get_busy (self->scanner);
  g_autoptr(GString) status = g_string_new (NULL);
  g_autofree char *folder = workspace != NULL ? g_filename_display_name (workspace) : NULL;
  guint n_failed = 0;

  gtk_label_set_label (self->folder_label, folder);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->folder_label), folder);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);

  for (guint i = 0; files != NULL && i < files->len; i++)
    if (((MlIndexFile *) g_ptr_array_index (files, i))->error != NULL)
      n_failed++;

  if (error != NULL)
    {
      g_string_append (status, error->message);
    }
  else if (files != NULL)
    {
      g_string_append_printf (status, ngettext ("%u project", "%u projects", files->len),
                              files->len);
      if (n_failed > 0)
        {
          g_string_append (status, " · ");
          g_string_append_printf (status, ngettext ("%u could not be read",
                                                    "%u could not be read", n_failed),
                                  n_failed);
        }
    }
  if (error == NULL && scanned_at != NULL)
    {
      g_autofree char *time = g_date_time_format (scanned_at, "%H:%M");

      if (status->len > 0)
        g_string_append (status, " · ");
      g_string_append_printf (status, _("indexed %s"), time);
    }

  gtk_label_set_label (self->status_label, status->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), status->str);
  set_css_class (GTK_WIDGET (self->status_label), "error", error != NULL);
  set_css_class (GTK_WIDGET (self->status_label), "dim-label", error == NULL);
}

static void
show_query_error (MlLibraryPage *self,
                  const GError  *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->query_error_label), error != NULL);
  gtk_label_set_label (self->query_error_label, error != NULL ? error->message : NULL);
}

/* Searches between scans; a scan ending searches again with the same words. */
static void
search (MlLibraryPage *self)
{
  MlIndex *index = ml_library_scanner_get_index (self->scanner);
  const char *query = gtk_editable_get_text (self->search_entry);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  if (*query == '\0')
    {
      show_query_error (self, NULL);
      ml_library_item_fill_store (self->results, NULL);
    }
  else if (index != NULL)
    {
      hits = ml_index_search (index, query, SEARCH_LIMIT, &error);
      if (hits == NULL && !g_error_matches (error, ML_INDEX_ERROR, ML_INDEX_ERROR_QUERY))
        g_warning ("Could not search the index: %s", error->message);
      /* A search the index cannot understand is said under the entry, while the user types. */
      show_query_error (self, error);
      ml_library_item_fill_store (self->results, hits);
    }

  update_projects_stack (self);
}

static void
on_search_changed_cb (MlLibraryPage *self)
{
  /* Typing shows the results where the projects are. */
  if (*gtk_editable_get_text (self->search_entry) != '\0')
    gtk_stack_set_visible_child_name (self->content_stack, "projects");
  search (self);
}

/* Cells are as wide as their texts, down to a least width: a wide answer scrolls sideways
 * rather than cutting every cell short.
 */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = make_label (NULL);

  gtk_label_set_width_chars (GTK_LABEL (label),
                             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "chars")));
  gtk_list_item_set_child (list_item, label);
}

/* A cell shows numbers with the locale's grouping (a share as a percentage), dates as the
 * locale writes them and the format's words in the user's language; its tooltip, the value.
 */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const char               *key)
{
  MlIndexRow *row = ml_library_item_get_row (gtk_list_item_get_item (list_item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  const char *value = ml_index_row_get (row, key);
  gboolean number = g_object_get_data (G_OBJECT (factory), "number") != NULL;
  g_autofree char *shown = NULL;
  MlDate date;

  if (value == NULL)
    value = "";
  if (number && *value != '\0')
    {
      char *end;
      double amount = g_ascii_strtod (value, &end);

      if (*end != '\0')
        shown = NULL;
      else if (g_str_equal (key, "share"))
        shown = g_strdup_printf ("%.0f %%", amount * 100);
      else
        shown = ml_format_number (amount);
    }
  else if (strlen (value) == 10 && ml_date_parse (value, &date) && date != ML_DATE_NONE)
    {
      shown = ml_format_date (date);
    }

  gtk_label_set_label (label, shown != NULL ? shown : get_value_label (key, value));
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), *value != '\0' ? value : NULL);
  gtk_label_set_xalign (label, number ? 1 : 0);
  set_css_class (GTK_WIDGET (label), "numeric", number);
}

static void
set_answer_columns (MlLibraryPage   *self,
                    MlIndexQuestion  question,
                    char           **keys)
{
  g_autoptr(GListModel) shown = NULL;
  guint n_shown;

  if (self->answer_keys != NULL && g_strv_equal ((const char *const *) self->answer_keys,
                                                 (const char *const *) keys) &&
      self->answer_question == question)
    return;

  shown = g_object_ref (gtk_column_view_get_columns (self->answer_table));
  while ((n_shown = g_list_model_get_n_items (shown)) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (shown, n_shown - 1);

      gtk_column_view_remove_column (self->answer_table, column);
    }

  g_strfreev (self->answer_keys);
  self->answer_keys = g_strdupv (keys);
  self->answer_question = question;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      int found = find_column (question, keys[i]);
      gboolean number = found >= 0 && columns[found].number;
      GtkListItemFactory *factory;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *title = NULL;

      if (found >= 0 && columns[found].title == NULL)
        continue;
      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "number", GINT_TO_POINTER (number));
      g_object_set_data (G_OBJECT (factory), "chars",
                         GINT_TO_POINTER (found >= 0 ? columns[found].chars : 12));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), g_strdup (keys[i]),
                             (GClosureNotify) G_CALLBACK (g_free), 0);
      title = get_column_title (found, keys[i]);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, !number);
      gtk_column_view_append_column (self->answer_table, column);
    }
}

/* Asks the chosen question between scans; a scan ending asks again. */
static void
ask (MlLibraryPage *self)
{
  guint chosen = gtk_drop_down_get_selected (self->question_chooser);
  MlIndex *index = ml_library_scanner_get_index (self->scanner);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (chosen >= G_N_ELEMENTS (questions))
    return;
  gtk_label_set_label (self->question_description, _(questions[chosen].description));
  if (index == NULL)
    return;

  rows = ml_index_ask (index, questions[chosen].question, ml_date_today (), UPCOMING_DAYS,
                       &error);
  if (rows == NULL)
    {
      adw_status_page_set_icon_name (self->answer_status, "dialog-warning-symbolic");
      adw_status_page_set_title (self->answer_status, _("Could Not Answer"));
      adw_status_page_set_description (self->answer_status, error->message);
    }
  else
    {
      adw_status_page_set_icon_name (self->answer_status, "object-select-symbolic");
      adw_status_page_set_title (self->answer_status, _(questions[chosen].nothing));
      adw_status_page_set_description (self->answer_status, NULL);
    }
  if (rows != NULL && rows->len > 0)
    set_answer_columns (self, questions[chosen].question,
                        ((MlIndexRow *) g_ptr_array_index (rows, 0))->keys);
  ml_library_item_fill_store (self->answer, rows);
  gtk_stack_set_visible_child_name (self->answer_stack,
                                    rows != NULL && rows->len > 0 ? "table" : "nothing");
}

static void
on_scanned_cb (MlLibraryPage *self)
{
  ml_library_item_fill_store (self->projects, ml_library_scanner_get_files (self->scanner));
  update_status (self);
  search (self);
  ask (self);
}

static void
on_busy_changed_cb (MlLibraryPage *self)
{
  update_status (self);
  update_projects_stack (self);
}

/* Follows the folder in the settings, once the page has been shown. */
static void
apply_folder (MlLibraryPage *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "library-folder");

  gtk_stack_set_visible_child_name (self->stack, *folder != '\0' ? "workspace" : "no-folder");
  if (!self->started)
    return;

  if (g_strcmp0 (folder, ml_library_scanner_get_workspace (self->scanner)) != 0)
    {
      ml_library_item_fill_store (self->projects, NULL);
      ml_library_item_fill_store (self->results, NULL);
      ml_library_item_fill_store (self->answer, NULL);
      ml_library_scanner_set_workspace (self->scanner, folder);
    }
  update_status (self);
  update_projects_stack (self);
}

static void
on_map_cb (MlLibraryPage *self)
{
  if (self->started)
    return;
  self->started = TRUE;
  apply_folder (self);
}

static void
on_choose_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       MlLibraryPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* The setting holds text: a folder whose name is not UTF-8 cannot be remembered. */
      if (path != NULL && g_utf8_validate (path, -1, NULL))
        g_settings_set_string (self->settings, "library-folder", path);
      else if (path != NULL && ML_IS_WINDOW (root))
        ml_window_show_toast (ML_WINDOW (root),
                              _("This folder’s name cannot be remembered: choose another"));
    }
  g_object_unref (chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MlLibraryPage *self = ML_LIBRARY_PAGE (widget);
  const char *workspace = ml_library_scanner_get_workspace (self->scanner);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Folder of Projects"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Choose"), _("_Cancel"));
  if (workspace != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (workspace);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_choose_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static int
compare_files (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  MlIndexFile *file_a = ml_library_item_get_file ((MlLibraryItem *) a);
  MlIndexFile *file_b = ml_library_item_get_file ((MlLibraryItem *) b);
  const char *key_a = file_a->title != NULL ? file_a->title : file_a->path;
  const char *key_b = file_b->title != NULL ? file_b->title : file_b->path;
  int order = g_utf8_collate (key_a, key_b);

  return gtk_ordering_from_cmpfunc (order != 0 ? order : g_strcmp0 (file_a->path, file_b->path));
}

/* Lists select nothing: a click opens, as the activation of a row. */
static void
set_up_list (GtkListView   *view,
             GListModel    *model,
             GCallback      setup,
             GCallback      bind,
             GCallback      activated,
             MlLibraryPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (model);

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (view, "activate", activated, self);
}

static void
ml_library_page_dispose (GObject *object)
{
  MlLibraryPage *self = ML_LIBRARY_PAGE (object);

  /* A scan still running keeps the scanner alive until it ends: stop it, and stop listening. */
  if (self->scanner != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->scanner, self);
      ml_library_scanner_set_workspace (self->scanner, NULL);
    }
  g_clear_object (&self->scanner);
  /* The bin holds the template's top widget: it lets go of it before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_LIBRARY_PAGE);
  g_clear_object (&self->projects);
  g_clear_object (&self->results);
  g_clear_object (&self->answer);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->answer_keys, g_strfreev);

  G_OBJECT_CLASS (ml_library_page_parent_class)->dispose (object);
}

static void
ml_library_page_class_init (MlLibraryPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ml_library_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/MissionLab/ml-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, query_error_label);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, projects_stack);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, projects_view);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, question_chooser);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, question_description);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, answer_stack);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, answer_table);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, answer_status);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, folder_label);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MlLibraryPage, status_label);

  gtk_widget_class_install_action (widget_class, "library.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_set_css_name (widget_class, "librarypage");
}

static void
ml_library_page_init (MlLibraryPage *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkSortListModel *sorted;
  GtkNoSelection *answer_selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->scanner = ml_library_scanner_new ();
  self->projects = g_list_store_new (ML_TYPE_LIBRARY_ITEM);
  self->results = g_list_store_new (ML_TYPE_LIBRARY_ITEM);
  self->answer = g_list_store_new (ML_TYPE_LIBRARY_ITEM);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->projects)),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_files, NULL, NULL)));
  set_up_list (self->projects_view, G_LIST_MODEL (sorted), G_CALLBACK (setup_project_cb),
               G_CALLBACK (bind_project_cb), G_CALLBACK (on_project_activated_cb), self);
  set_up_list (self->results_view, G_LIST_MODEL (g_object_ref (self->results)),
               G_CALLBACK (setup_hit_cb), G_CALLBACK (bind_hit_cb),
               G_CALLBACK (on_hit_activated_cb), self);

  answer_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->answer)));
  gtk_column_view_set_model (self->answer_table, GTK_SELECTION_MODEL (answer_selection));
  g_object_unref (answer_selection);
  gtk_column_view_set_single_click_activate (self->answer_table, TRUE);
  g_signal_connect (self->answer_table, "activate", G_CALLBACK (on_answer_activated_cb), self);

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    gtk_string_list_append (titles, _(questions[i].title));
  gtk_drop_down_set_model (self->question_chooser, G_LIST_MODEL (titles));
  g_signal_connect_swapped (self->question_chooser, "notify::selected", G_CALLBACK (ask), self);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->scanner, "scanned", G_CALLBACK (on_scanned_cb), self);
  g_signal_connect_swapped (self->scanner, "notify::busy", G_CALLBACK (on_busy_changed_cb), self);
  g_signal_connect_object (self->settings, "changed::library-folder",
                           G_CALLBACK (apply_folder), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  ask (self);
  apply_folder (self);
}
