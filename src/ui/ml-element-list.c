/* ml-element-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar: every element of the project as a tree under its kind (missions → objectives →
 * indicators → measurements, workstreams → activities …), or, while the filter has text, a flat
 * list of the matching elements. The tree's child lists are kept up to date from the project's
 * signals, so expanding and scrolling survive edits.
 */

#define G_LOG_DOMAIN "ml-element-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-element-list.h"
#include "ml-element-summary.h"
#include "ml-pane-layout.h"
#include "ml-text.h"

/* A top-level group of the tree: the project's elements of one kind. */
#define ML_TYPE_ELEMENT_CATEGORY (ml_element_category_get_type ())
G_DECLARE_FINAL_TYPE (MlElementCategory, ml_element_category, ML, ELEMENT_CATEGORY, GObject)

struct _MlElementCategory
{
  GObject     parent_instance;

  MlKind      kind;
  GListStore *elements;
};

G_DEFINE_FINAL_TYPE (MlElementCategory, ml_element_category, G_TYPE_OBJECT)

static void
ml_element_category_finalize (GObject *object)
{
  g_clear_object (&ML_ELEMENT_CATEGORY (object)->elements);

  G_OBJECT_CLASS (ml_element_category_parent_class)->finalize (object);
}

static void
ml_element_category_class_init (MlElementCategoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ml_element_category_finalize;
}

static void
ml_element_category_init (MlElementCategory *self)
{
  self->elements = g_list_store_new (ML_TYPE_ELEMENT);
}

struct _MlElementList
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *file_label;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;

  /* Owned references */
  MlDocument         *document;
  MlProject          *project;
  GListStore         *categories;    /* MlElementCategory, one per kind the project holds */
  GHashTable         *child_stores;  /* MlElement → GListStore of its children, once expanded */
  GListStore         *all_elements;  /* every element, in document order, for filtering */
  GtkSingleSelection *tree_selection;
  GtkSingleSelection *search_selection;
  GtkCustomFilter    *filter;

  gboolean            selecting;     /* set while the selection is changed from outside */
};

G_DEFINE_FINAL_TYPE (MlElementList, ml_element_list, ADW_TYPE_BIN)

enum {
  SIGNAL_ELEMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListStore *
new_children_store (MlElement *element)
{
  GListStore *store = g_list_store_new (ML_TYPE_ELEMENT);

  for (MlKind kind = ML_KIND_MISSION; kind < ML_N_KINDS; kind++)
    {
      GPtrArray *children;

      if (ml_kind_get_info (kind)->parent != ml_element_get_kind (element))
        continue;
      children = ml_element_get_children (element, kind);
      for (guint i = 0; children != NULL && i < children->len; i++)
        g_list_store_append (store, g_ptr_array_index (children, i));
    }

  return store;
}

static guint
count_children (MlElement *element)
{
  guint n = 0;

  for (MlKind kind = ML_KIND_MISSION; kind < ML_N_KINDS; kind++)
    {
      GPtrArray *children = ml_element_get_children (element, kind);

      if (ml_kind_get_info (kind)->parent == ml_element_get_kind (element) && children != NULL)
        n += children->len;
    }

  return n;
}

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  MlElementList *self = user_data;
  GListStore *store;

  if (ML_IS_ELEMENT_CATEGORY (item))
    return G_LIST_MODEL (g_object_ref (ML_ELEMENT_CATEGORY (item)->elements));

  if (count_children (item) == 0)
    return NULL;

  store = new_children_store (item);
  g_hash_table_replace (self->child_stores, item, g_object_ref (store));

  return G_LIST_MODEL (store);
}

static gboolean
collect_element (MlElement *element,
                 gpointer   user_data)
{
  if (ml_element_get_parent (element) != NULL)
    g_list_store_append (user_data, element);

  return TRUE;
}

static void
rebuild_all_elements (MlElementList *self)
{
  g_list_store_remove_all (self->all_elements);
  ml_element_walk (ml_project_get_root (self->project), collect_element, self->all_elements);
}

/* The position of @element among all the children of its parent, kinds in canonical order. */
static guint
position_in_parent (MlElement *element,
                    gboolean   within_kind)
{
  MlElement *parent = ml_element_get_parent (element);
  MlKind kind = ml_element_get_kind (element);
  guint position = 0, index;

  if (!within_kind)
    for (MlKind k = ML_KIND_MISSION; k < kind; k++)
      {
        GPtrArray *children = ml_element_get_children (parent, k);

        if (ml_kind_get_info (k)->parent == ml_element_get_kind (parent) && children != NULL)
          position += children->len;
      }

  if (!g_ptr_array_find (ml_element_get_children (parent, kind), element, &index))
    g_assert_not_reached ();

  return position + index;
}

static MlElementCategory *
find_category (MlElementList *self,
               MlKind         kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->categories)); i++)
    {
      g_autoptr(MlElementCategory) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      if (category->kind == kind)
        return category;
    }

  return NULL;
}

/* The store a parent's children are listed in, or NULL when its row was never expanded. */
static GListStore *
find_store (MlElementList *self,
            MlElement     *parent,
            MlKind         child_kind)
{
  MlElementCategory *category;

  if (ml_element_get_kind (parent) == ML_KIND_PROJECT)
    {
      category = find_category (self, child_kind);
      g_assert (category != NULL);
      return category->elements;
    }

  return g_hash_table_lookup (self->child_stores, parent);
}

/* Re-inserting a row makes GtkTreeListModel ask again whether it has children. */
static void
refresh_row (MlElementList *self,
             MlElement     *element)
{
  MlElement *parent = ml_element_get_parent (element);
  GListStore *store = find_store (self, parent, ml_element_get_kind (element));
  guint position;

  if (store != NULL && g_list_store_find (store, element, &position))
    g_list_store_splice (store, position, 1, (gpointer *) &element, 1);
}

static void
on_inserted_cb (MlElementList *self,
                MlElement     *element)
{
  MlElement *parent = ml_element_get_parent (element);
  MlKind kind = ml_element_get_kind (element);
  GListStore *store = find_store (self, parent, kind);

  if (store != NULL)
    g_list_store_insert (store,
                         position_in_parent (element, ml_element_get_kind (parent) == ML_KIND_PROJECT),
                         element);
  else if (count_children (parent) == 1)
    refresh_row (self, parent);

  rebuild_all_elements (self);
}

static void
on_removed_cb (MlElementList *self,
               MlElement     *element,
               MlElement     *parent)
{
  GListStore *store = find_store (self, parent, ml_element_get_kind (element));
  guint position;

  if (store != NULL && g_list_store_find (store, element, &position))
    g_list_store_remove (store, position);
  g_hash_table_remove (self->child_stores, element);
  if (ml_element_get_kind (parent) != ML_KIND_PROJECT && count_children (parent) == 0)
    {
      g_hash_table_remove (self->child_stores, parent);
      refresh_row (self, parent);
    }

  rebuild_all_elements (self);
}

static void
update_header (MlElementList *self)
{
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;

  if (self->document == NULL)
    return;

  gtk_label_set_label (self->title_label,
                       ml_element_get_string (ml_project_get_root (self->project), ML_PROJECT_TITLE));
  file = ml_document_get_display_name (self->document);
  text = ml_document_get_modified (self->document)
           ? g_strdup_printf (_("%s — unsaved changes"), file) : g_strdup (file);
  gtk_label_set_label (self->file_label, text);
}

static void
on_project_changed_cb (MlElementList *self,
                       MlElement     *element,
                       int            field)
{
  if (field == ML_PROJECT_TITLE)
    update_header (self);
}

static gpointer
item_of (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    return gtk_tree_list_row_get_item (item);

  return g_object_ref (item);
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         guint               position,
                         guint               n_items,
                         MlElementList      *self)
{
  g_autoptr(GObject) item = NULL;
  gpointer selected = gtk_single_selection_get_selected_item (selection);

  if (self->selecting)
    return;

  item = selected != NULL ? item_of (selected) : NULL;
  g_signal_emit (self, signals[SIGNAL_ELEMENT_SELECTED], 0,
                 ML_IS_ELEMENT (item) ? ML_ELEMENT (item) : NULL);
}

static void
set_row_label (GtkListItem   *list_item,
               MlElementList *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkLabel *label = GTK_LABEL (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  g_autoptr(GObject) item = item_of (gtk_list_item_get_item (list_item));
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  if (ML_IS_ELEMENT_CATEGORY (item))
    {
      const MlKindInfo *info = ml_kind_get_info (ML_ELEMENT_CATEGORY (item)->kind);

      gtk_label_set_label (label, _(info->plural));
      gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (expander),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (label), "heading");
  title = ml_project_dup_title (self->project, ML_ELEMENT (item));
  summary = ml_element_summary (self->project, ML_ELEMENT (item));
  gtk_label_set_label (label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), title);
  /* The list is the drawn views' equivalent for a screen reader: each row tells it all. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary, -1);
}

static void
on_row_element_changed_cb (GtkListItem *list_item,
                           MlElement   *element,
                           int          field)
{
  MlElementList *self = g_object_get_data (G_OBJECT (list_item), "element-list");
  g_autoptr(GObject) item = NULL;

  if (gtk_list_item_get_item (list_item) == NULL)
    return;
  item = item_of (gtk_list_item_get_item (list_item));
  /* Relations and dependencies are named after the elements they join, rates after the
   * project's currency, scores after their criterion. */
  if ((gpointer) item == (gpointer) element ||
      (ML_IS_ELEMENT (item) && (ml_element_get_kind (ML_ELEMENT (item)) == ML_KIND_RELATION ||
                                ml_element_get_kind (ML_ELEMENT (item)) == ML_KIND_DEPENDENCY ||
                                ml_element_get_kind (ML_ELEMENT (item)) == ML_KIND_EXCHANGE_RATE ||
                                ml_element_get_kind (ML_ELEMENT (item)) == ML_KIND_SCORE)))
    set_row_label (list_item, self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              MlElementList            *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
  g_object_set_data (G_OBJECT (list_item), "element-list", self);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             MlElementList            *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  gulong handler;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander),
                                  GTK_IS_TREE_LIST_ROW (item) ? item : NULL);
  set_row_label (list_item, self);
  handler = g_signal_connect_swapped (self->project, "changed",
                                      G_CALLBACK (on_row_element_changed_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               MlElementList            *self)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "handler"));

  if (handler != 0 && self->project != NULL)
    g_signal_handler_disconnect (self->project, handler);
  g_object_set_data (G_OBJECT (list_item), "handler", NULL);
}

static gboolean
match_element (gpointer item,
               gpointer user_data)
{
  MlElementList *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *title = ml_project_dup_title (self->project, item);
  const char *id = ml_element_get_id (item);

  /* Without case and accents: "da nang" finds "Đà Nẵng". */
  return ml_text_matches (text, title) || (id != NULL && ml_text_matches (text, id));
}

static void
on_search_changed_cb (MlElementList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->project == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (text[0] != '\0' ? self->search_selection
                                                                : self->tree_selection));
}

static void
on_document_notify_cb (MlElementList *self)
{
  update_header (self);
}

static void
release_project (MlElementList *self)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->tree_selection);
  g_clear_object (&self->search_selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->project);
}

static void
bind_project (MlElementList *self)
{
  GtkTreeListModel *tree;
  GtkFilterListModel *filtered;
  MlElement *root;

  release_project (self);
  self->project = g_object_ref (ml_document_get_project (self->document));
  root = ml_project_get_root (self->project);

  g_list_store_remove_all (self->categories);
  g_hash_table_remove_all (self->child_stores);
  for (MlKind kind = ML_KIND_MISSION; kind < ML_N_KINDS; kind++)
    {
      g_autoptr(MlElementCategory) category = NULL;
      GPtrArray *children;

      if (ml_kind_get_info (kind)->parent != ML_KIND_PROJECT)
        continue;
      category = g_object_new (ML_TYPE_ELEMENT_CATEGORY, NULL);
      category->kind = kind;
      children = ml_element_get_children (root, kind);
      for (guint i = 0; children != NULL && i < children->len; i++)
        g_list_store_append (category->elements, g_ptr_array_index (children, i));
      g_list_store_append (self->categories, category);
    }
  rebuild_all_elements (self);

  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->categories)), FALSE, FALSE,
                                  create_child_model, self, NULL);
  self->tree_selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  self->filter = gtk_custom_filter_new (match_element, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->all_elements)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->search_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  for (guint i = 0; i < 2; i++)
    {
      GtkSingleSelection *selection = i == 0 ? self->tree_selection : self->search_selection;

      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      g_signal_connect (selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
    }

  g_signal_connect_swapped (self->project, "inserted", G_CALLBACK (on_inserted_cb), self);
  g_signal_connect_swapped (self->project, "removed", G_CALLBACK (on_removed_cb), self);
  g_signal_connect_swapped (self->project, "changed", G_CALLBACK (on_project_changed_cb), self);

  on_search_changed_cb (self);
  update_header (self);
}

static void
ml_element_list_dispose (GObject *object)
{
  MlElementList *self = ML_ELEMENT_LIST (object);

  release_project (self);
  g_clear_object (&self->document);
  g_clear_object (&self->categories);
  g_clear_object (&self->all_elements);
  g_clear_pointer (&self->child_stores, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_ELEMENT_LIST);

  G_OBJECT_CLASS (ml_element_list_parent_class)->dispose (object);
}

static void
ml_element_list_class_init (MlElementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_element_list_dispose;

  /**
   * MlElementList::element-selected:
   * @element: (nullable): the element the user selected, or %NULL
   */
  signals[SIGNAL_ELEMENT_SELECTED] =
    g_signal_new ("element-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ML_TYPE_ELEMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/MissionLab/ml-element-list.ui");
  gtk_widget_class_bind_template_child (widget_class, MlElementList, title_label);
  gtk_widget_class_bind_template_child (widget_class, MlElementList, file_label);
  gtk_widget_class_bind_template_child (widget_class, MlElementList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MlElementList, list_view);
  gtk_widget_class_set_css_name (widget_class, "elementlist");
}

static void
ml_element_list_init (MlElementList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), ml_pane_layout_new (300));

  self->categories = g_list_store_new (ML_TYPE_ELEMENT_CATEGORY);
  self->all_elements = g_list_store_new (ML_TYPE_ELEMENT);
  self->child_stores = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed_cb), self);
}

void
ml_element_list_set_document (MlElementList *self,
                              MlDocument    *document)
{
  g_return_if_fail (ML_IS_ELEMENT_LIST (self));
  g_return_if_fail (ML_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_document_notify_cb), self);
  g_signal_connect_swapped (document, "notify::path", G_CALLBACK (on_document_notify_cb), self);
  g_signal_connect_swapped (document, "notify::project", G_CALLBACK (bind_project), self);
  bind_project (self);
}

static gboolean
find_item (GListModel *model,
           gpointer    wanted,
           guint       from,
           guint      *position)
{
  for (guint i = from; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = item_of (row);

      if ((gpointer) item == wanted)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Expands the rows down to @element in the tree and returns its position. */
static gboolean
reveal_in_tree (MlElementList *self,
                MlElement     *element,
                guint         *position)
{
  GListModel *model = gtk_single_selection_get_model (self->tree_selection);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  guint at = 0;

  for (MlElement *e = element; ml_element_get_parent (e) != NULL; e = ml_element_get_parent (e))
    g_ptr_array_insert (path, 0, e);
  g_ptr_array_insert (path, 0, find_category (self, ml_element_get_kind (path->pdata[0])));

  for (guint i = 0; i < path->len; i++)
    {
      g_autoptr(GtkTreeListRow) row = NULL;

      if (!find_item (model, path->pdata[i], at, &at))
        return FALSE;
      if (i + 1 == path->len)
        break;
      row = g_list_model_get_item (model, at);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }

  *position = at;
  return TRUE;
}

/**
 * ml_element_list_select:
 * @element: (nullable): the element to select and scroll to, or %NULL
 */
void
ml_element_list_select (MlElementList *self,
                        MlElement     *element)
{
  GtkSingleSelection *selection;
  guint position = GTK_INVALID_LIST_POSITION;
  gboolean found;

  g_return_if_fail (ML_IS_ELEMENT_LIST (self));

  if (self->project == NULL)
    return;

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (self->list_view));
  if (element == NULL)
    found = FALSE;
  else if (selection == self->search_selection)
    found = find_item (gtk_single_selection_get_model (selection), element, 0, &position);
  else
    found = reveal_in_tree (self, element, &position);

  self->selecting = TRUE;
  gtk_single_selection_set_selected (selection, found ? position : GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;

  if (found)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
ml_element_list_focus_search (MlElementList *self)
{
  g_return_if_fail (ML_IS_ELEMENT_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
