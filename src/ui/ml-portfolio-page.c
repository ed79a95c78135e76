/* ml-portfolio-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Portfolio page: every activity and instrument in a sortable table with names instead of
 * ids, filtered by a search and by mission, workstream, status, owner and funder, with the
 * budget totals per currency of the rows shown and their export to CSV. The rows come from the
 * core's portfolio, recomputed once per main-loop pass after edits.
 */

#define G_LOG_DOMAIN "ml-portfolio-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-enums.h"
#include "ml-file.h"
#include "ml-format.h"
#include "ml-portfolio-item.h"
#include "ml-portfolio-page.h"
#include "ml-portfolio.h"
#include "ml-project-follower.h"
#include "ml-stats.h"
#include "ml-window.h"

/* The drop-downs of the filter bar, each with the column it filters on. */
static const MlPortfolioText chooser_columns[] = {
  ML_PORTFOLIO_TEXT_MISSION, ML_PORTFOLIO_TEXT_WORKSTREAM, ML_PORTFOLIO_TEXT_STATUS,
  ML_PORTFOLIO_TEXT_OWNER, ML_PORTFOLIO_TEXT_FUNDING,
};

#define N_CHOOSERS G_N_ELEMENTS (chooser_columns)

/* What each drop-down filters, for a screen reader. */
static const char *const chooser_names[] = {
  N_("Mission"), N_("Workstream"), N_("Status"), N_("Owner"), N_("Funder"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (chooser_names) == N_CHOOSERS);

struct _MlPortfolioPage
{
  AdwBin              parent_instance;

  /* Widgets */
  GtkEditable        *search_entry;
  GtkDropDown        *choosers[N_CHOOSERS];
  GtkColumnView      *table;
  GtkLabel           *totals_label;

  /* Owned references */
  GListStore         *items;
  GtkFilter          *filter;
  GtkSingleSelection *selection;
  MlProjectFollower   follower;
};

G_DEFINE_FINAL_TYPE (MlPortfolioPage, ml_portfolio_page, ADW_TYPE_BIN)

enum {
  SIGNAL_ELEMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows shown, filtered and sorted, borrowed from the items the store holds. */
static GPtrArray *
collect_shown_rows (MlPortfolioPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->selection);
  guint n_items = g_list_model_get_n_items (shown);
  GPtrArray *rows = g_ptr_array_sized_new (n_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MlPortfolioItem) item = g_list_model_get_item (shown, i);

      g_ptr_array_add (rows, ml_portfolio_item_get_row (item));
    }

  return rows;
}

static const char *
get_chosen (MlPortfolioPage *self,
            guint            chooser)
{
  GtkDropDown *drop_down = self->choosers[chooser];
  guint selected = gtk_drop_down_get_selected (drop_down);
  GListModel *values = gtk_drop_down_get_model (drop_down);

  /* The first value is “All …”. */
  if (values == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (values), selected);
}

static gboolean
item_matches (gpointer object,
              gpointer user_data)
{
  MlPortfolioItem *item = object;
  MlPortfolioPage *self = user_data;

  if (!ml_portfolio_item_matches (item, gtk_editable_get_text (self->search_entry)))
    return FALSE;

  for (guint i = 0; i < N_CHOOSERS; i++)
    {
      const char *chosen = get_chosen (self, i);

      if (chosen == NULL)
        continue;
      if (chooser_columns[i] == ML_PORTFOLIO_TEXT_FUNDING
            ? !g_strv_contains (ml_portfolio_item_get_funder_names (item), chosen)
            : g_strcmp0 (ml_portfolio_item_get_text (item, chooser_columns[i]), chosen) != 0)
        return FALSE;
    }

  return TRUE;
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* Offers every value of the chooser's column once, in alphabetical order, keeping the choice. */
static void
fill_chooser (MlPortfolioPage *self,
              guint            chooser)
{
  static const char *const all_labels[N_CHOOSERS] = {
    N_("All Missions"), N_("All Workstreams"), N_("All Statuses"), N_("All Owners"),
    N_("All Funders"),
  };
  g_autofree char *chosen = g_strdup (get_chosen (self, chooser));
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GListModel *items = G_LIST_MODEL (self->items);
  MlPortfolioText column = chooser_columns[chooser];
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(MlPortfolioItem) item = g_list_model_get_item (items, i);
      const char *const *funder_names = ml_portfolio_item_get_funder_names (item);
      const char *text = ml_portfolio_item_get_text (item, column);

      /* The values are borrowed from the items, which the store keeps alive meanwhile. */
      if (column == ML_PORTFOLIO_TEXT_FUNDING)
        for (guint j = 0; funder_names[j] != NULL; j++)
          g_ptr_array_add (values, (char *) funder_names[j]);
      else if (*text != '\0')
        g_ptr_array_add (values, (char *) text);
    }
  g_ptr_array_sort (values, compare_texts);

  gtk_string_list_append (list, _(all_labels[chooser]));
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      if (i > 0 && g_strcmp0 (value, g_ptr_array_index (values, i - 1)) == 0)
        continue;
      if (g_strcmp0 (value, chosen) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (list));
      gtk_string_list_append (list, value);
    }

  gtk_drop_down_set_model (self->choosers[chooser], G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->choosers[chooser], selected);
}

static void
refresh (gpointer user_data)
{
  MlPortfolioPage *self = user_data;
  MlProject *project = self->follower.project;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (project != NULL)
    {
      rows = ml_portfolio_compute (project, ml_date_today ());
      for (guint i = 0; i < rows->len; i++)
        g_ptr_array_add (items, ml_portfolio_item_new (project, g_ptr_array_index (rows, i)));
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  for (guint i = 0; i < N_CHOOSERS; i++)
    fill_chooser (self, i);
}

static void
update_totals (MlPortfolioPage *self)
{
  g_autoptr(GPtrArray) rows = collect_shown_rows (self);
  g_autoptr(GArray) totals = ml_portfolio_total (rows);
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  GString *text = g_string_new (NULL);

  g_string_printf (text, ngettext ("%u of %u item shown", "%u of %u items shown", n_all),
                   rows->len, n_all);
  for (guint i = 0; i < totals->len; i++)
    {
      const MlBudget *b = &g_array_index (totals, MlBudget, i);
      g_autofree char *amount = ml_format_money (b->amount, b->currency);

      g_string_append (text, i == 0 ? _(" — total ") : " · ");
      g_string_append (text, amount);
    }

  gtk_label_set_label (self->totals_label, text->str);
  g_string_free (text, TRUE);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return gtk_ordering_from_cmpfunc (ml_portfolio_item_compare ((MlPortfolioItem *) a,
                                                               (MlPortfolioItem *) b,
                                                               GPOINTER_TO_INT (user_data)));
}

static GtkWidget *
make_label (MlPortfolioText column)
{
  /* Enough room for most texts; longer ones end in an ellipsis and show whole in a tooltip. */
  static const int widths[ML_PORTFOLIO_N_TEXTS] = { 24, 9, 12, 14, 8, 12, 14, 17, 20 };
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), widths[column]);
  gtk_label_set_xalign (GTK_LABEL (label), column == ML_PORTFOLIO_TEXT_BUDGET ? 1 : 0);
  if (column == ML_PORTFOLIO_TEXT_BUDGET)
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

/* A stopped activity looks stopped in every cell: dimmed, and its name struck through. */
static void
show_text (GtkLabel        *label,
           MlPortfolioItem *item,
           MlPortfolioText  column)
{
  const char *text = ml_portfolio_item_get_text (item, column);
  gboolean stopped = ml_portfolio_item_get_row (item)->status == ML_STATUS_STOPPED;
  g_autoptr(PangoAttrList) attributes = NULL;

  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), *text != '\0' ? text : NULL);
  if (column == ML_PORTFOLIO_TEXT_NAME && stopped)
    {
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
    }
  gtk_label_set_attributes (label, attributes);
  if (stopped)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  column)
{
  gtk_list_item_set_child (list_item, make_label (GPOINTER_TO_INT (column)));
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  column)
{
  show_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_list_item_get_item (list_item),
             GPOINTER_TO_INT (column));
}

static void
setup_decision_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = make_label (ML_PORTFOLIO_TEXT_DECISION);
  GtkWidget *button = gtk_button_new_with_label (_("Review…"));

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  /* Until the window offers the action, the button is insensitive rather than broken. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.review-decision");
  gtk_widget_set_tooltip_text (button, _("Review this decision point"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "review");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_decision_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  MlPortfolioItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *button = gtk_widget_get_last_child (box);
  const char *decision = ml_portfolio_item_get_row (item)->cells[ML_PORTFOLIO_DECISION];

  show_text (GTK_LABEL (gtk_widget_get_first_child (box)), item, ML_PORTFOLIO_TEXT_DECISION);
  gtk_widget_set_visible (button, *decision != '\0');
  if (*decision != '\0')
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", decision);
}

static void
add_column (MlPortfolioPage *self,
            const char      *title,
            MlPortfolioText  column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  if (column == ML_PORTFOLIO_TEXT_DECISION)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_decision_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_decision_cb), NULL);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (column));
    }
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (column), NULL));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == ML_PORTFOLIO_TEXT_NAME);
  gtk_column_view_append_column (self->table, view_column);
}

static void
on_table_activated_cb (GtkColumnView   *table,
                       guint            position,
                       MlPortfolioPage *self)
{
  g_autoptr(MlPortfolioItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);
  MlElement *element;

  if (item == NULL || self->follower.project == NULL)
    return;
  element = ml_project_lookup (self->follower.project,
                               ml_portfolio_item_get_row (item)->cells[ML_PORTFOLIO_ID]);
  if (element != NULL)
    g_signal_emit (self, signals[SIGNAL_ELEMENT_SELECTED], 0, element);
}

static void
on_filter_changed_cb (MlPortfolioPage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       MlPortfolioPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_object_unref (chooser);
  if (path == NULL || !ML_IS_WINDOW (root))
    return;
  if (!g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".CSV"))
    {
      char *with_extension = g_strconcat (path, ".csv", NULL);

      g_free (path);
      path = with_extension;
    }

  if (ml_portfolio_page_export_csv (self, path, &error))
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), base);

      ml_window_show_toast (ML_WINDOW (root), message);
    }
  else
    {
      ml_window_show_error (ML_WINDOW (root), _("Could Not Export"), error->message);
    }
}

static void
on_export_clicked_cb (MlPortfolioPage *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Portfolio"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV table"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->follower.project != NULL)
    title = ml_element_get_string (ml_project_get_root (self->follower.project),
                                   ML_PROJECT_TITLE);
  name = g_strdup_printf (_("%s portfolio.csv"), title != NULL ? title : _("Mission"));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
make_filter_bar (MlPortfolioPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *choosers = gtk_flow_box_new ();
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("E_xport CSV…"));

  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);

  self->search_entry = GTK_EDITABLE (search);
  gtk_widget_set_name (search, "search");
  gtk_widget_set_hexpand (search, TRUE);
  g_object_set (search, "placeholder-text", _("Search the portfolio"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the portfolio"), -1);
  g_signal_connect_swapped (search, "search-changed", G_CALLBACK (on_filter_changed_cb), self);
  gtk_box_append (GTK_BOX (top), search);
  gtk_widget_set_tooltip_text (export, _("Save the rows shown, in their order, as a CSV table"));
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), export);
  gtk_box_append (GTK_BOX (bar), top);

  /* The drop-downs wrap onto more lines when the page is narrow. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (choosers), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (choosers), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (choosers), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (choosers), N_CHOOSERS);
  for (guint i = 0; i < N_CHOOSERS; i++)
    {
      self->choosers[i] = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->choosers[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(chooser_names[i]), -1);
      g_signal_connect_swapped (self->choosers[i], "notify::selected",
                                G_CALLBACK (on_filter_changed_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (choosers), GTK_WIDGET (self->choosers[i]));
    }
  gtk_box_append (GTK_BOX (bar), choosers);

  return bar;
}

static GtkWidget *
make_table (MlPortfolioPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  self->filter = GTK_FILTER (gtk_custom_filter_new (item_matches, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                        g_object_ref (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_show_row_separators (self->table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  g_signal_connect (self->table, "activate", G_CALLBACK (on_table_activated_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_totals), self);

  add_column (self, _("Name"), ML_PORTFOLIO_TEXT_NAME);
  add_column (self, _("Kind"), ML_PORTFOLIO_TEXT_KIND);
  add_column (self, _("Mission"), ML_PORTFOLIO_TEXT_MISSION);
  add_column (self, _("Workstream"), ML_PORTFOLIO_TEXT_WORKSTREAM);
  add_column (self, _("Status"), ML_PORTFOLIO_TEXT_STATUS);
  add_column (self, _("Owner"), ML_PORTFOLIO_TEXT_OWNER);
  add_column (self, _("Funding"), ML_PORTFOLIO_TEXT_FUNDING);
  add_column (self, _("Budget"), ML_PORTFOLIO_TEXT_BUDGET);
  add_column (self, _("Next Decision"), ML_PORTFOLIO_TEXT_DECISION);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  gtk_widget_set_vexpand (scrolled, TRUE);

  return scrolled;
}

static void
ml_portfolio_page_dispose (GObject *object)
{
  MlPortfolioPage *self = ML_PORTFOLIO_PAGE (object);

  ml_project_follower_clear (&self->follower);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (ml_portfolio_page_parent_class)->dispose (object);
}

static void
ml_portfolio_page_class_init (MlPortfolioPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ml_portfolio_page_dispose;

  /**
   * MlPortfolioPage::element-selected:
   * @element: the activity or instrument of the row activated
   */
  signals[SIGNAL_ELEMENT_SELECTED] =
    g_signal_new ("element-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ML_TYPE_ELEMENT);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "portfoliopage");
}

static void
ml_portfolio_page_init (MlPortfolioPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  ml_project_follower_init (&self->follower, refresh, self);
  self->items = g_list_store_new (ML_TYPE_PORTFOLIO_ITEM);
  self->totals_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->totals_label, TRUE);
  gtk_label_set_xalign (self->totals_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->totals_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->totals_label), "totals");
  gtk_widget_set_margin_top (GTK_WIDGET (self->totals_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->totals_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->totals_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->totals_label), 12);

  gtk_box_append (GTK_BOX (box), make_filter_bar (self));
  gtk_box_append (GTK_BOX (box), make_table (self));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->totals_label));
  adw_bin_set_child (ADW_BIN (self), box);
  refresh (self);
  update_totals (self);
}

void
ml_portfolio_page_set_project (MlPortfolioPage *self,
                               MlProject       *project)
{
  g_return_if_fail (ML_IS_PORTFOLIO_PAGE (self));
  g_return_if_fail (ML_IS_PROJECT (project));

  ml_project_follower_set_project (&self->follower, project);
}

/**
 * ml_portfolio_page_get_shown:
 *
 * Returns: (transfer none): the rows shown, filtered and sorted as on screen
 */
GListModel *
ml_portfolio_page_get_shown (MlPortfolioPage *self)
{
  g_return_val_if_fail (ML_IS_PORTFOLIO_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * ml_portfolio_page_export_csv:
 * @path: the file to write; replaced if it exists, with a backup
 *
 * Writes the rows shown, in the order shown, and their totals as the core's portfolio CSV.
 *
 * Returns: whether the file was written
 */
gboolean
ml_portfolio_page_export_csv (MlPortfolioPage  *self,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) contents = NULL;
  GString *csv = g_string_new (NULL);

  g_return_val_if_fail (ML_IS_PORTFOLIO_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rows = collect_shown_rows (self);
  ml_portfolio_write_csv (rows, csv);
  contents = g_string_free_to_bytes (csv);

  return ml_file_replace (path, contents, NULL, NULL, error);
}
