/* ml-inspector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form of the selected element: one editor per field, generated from the kind's
 * description, buttons to add the kinds of element it holds, and Delete.
 */

#define G_LOG_DOMAIN "ml-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-field-editor.h"
#include "ml-inspector.h"
#include "ml-pane-layout.h"

struct _MlInspector
{
  AdwBin      parent_instance;

  GtkStack   *stack;
  GtkWidget  *form_parent;      /* the clamp that holds the current form */

  MlDocument *document;
  MlElement  *element;
  GPtrArray  *editors;          /* MlFieldEditor of the current form */
};

G_DEFINE_FINAL_TYPE (MlInspector, ml_inspector, ADW_TYPE_BIN)

static MlFieldEditor *
find_editor (MlInspector *self,
             MlField      field)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      MlFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (field == ML_NO_FIELD || ml_field_editor_get_field (editor) == field)
        return editor;
    }

  return NULL;
}

static void
on_project_changed_cb (MlInspector *self,
                       MlElement   *element,
                       int          field)
{
  MlFieldEditor *editor;

  if (element != self->element)
    return;

  editor = find_editor (self, (MlField) field);
  if (editor != NULL)
    ml_field_editor_update (editor);
}

static GtkWidget *
make_header (MlInspector *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *kind = gtk_label_new (_(ml_kind_get_info (ml_element_get_kind (self->element))->label));
  const char *id = ml_element_get_id (self->element);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "heading");
  gtk_box_append (GTK_BOX (box), kind);
  if (id != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Id: %s"), id);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

/* A field goes in @group; a long text is a group of its own, appended to @form. */
static void
add_editor (MlInspector *self,
            GtkWidget   *form,
            GtkWidget   *group,
            MlField      field)
{
  g_autoptr(MlFieldEditor) editor = ml_field_editor_new (self->document, self->element, field);

  if (ADW_IS_PREFERENCES_GROUP (ml_field_editor_get_widget (editor)))
    {
      /* A long text is a group of its own; its error shows under the text. */
      GtkWidget *errors = gtk_list_box_new ();

      gtk_widget_add_css_class (errors, "boxed-list");
      gtk_widget_set_margin_top (errors, 6);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (errors), GTK_SELECTION_NONE);
      gtk_list_box_append (GTK_LIST_BOX (errors), ml_field_editor_get_error_row (editor));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (ml_field_editor_get_widget (editor)), errors);
      gtk_box_append (GTK_BOX (form), ml_field_editor_get_widget (editor));
      gtk_widget_set_visible (errors, FALSE);
      g_object_bind_property (ml_field_editor_get_error_row (editor), "visible", errors, "visible",
                              G_BINDING_DEFAULT);
    }
  else
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), ml_field_editor_get_widget (editor));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), ml_field_editor_get_error_row (editor));
    }
  g_ptr_array_add (self->editors, g_steal_pointer (&editor));
}

static GtkWidget *
make_actions (MlInspector *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  MlKind kind = ml_element_get_kind (self->element);

  for (MlKind child = ML_KIND_MISSION; child < ML_N_KINDS; child++)
    {
      g_autofree char *label = NULL;
      g_autofree char *lower = NULL;
      GtkWidget *button;

      if (ml_kind_get_info (child)->parent != kind)
        continue;
      lower = g_utf8_strdown (_(ml_kind_get_info (child)->label), -1);
      label = g_strdup_printf (_("Add %s"), lower);
      button = gtk_button_new_with_label (label);
      if (child == ML_KIND_MEASUREMENT)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-measurement");
        }
      else
        {
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                            ml_kind_get_info (child)->element);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add");
        }
      gtk_box_append (GTK_BOX (box), button);
    }

  if (kind == ML_KIND_DECISION_POINT)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Review Decision…"));

      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        ml_element_get_id (self->element));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.review-decision");
      gtk_box_append (GTK_BOX (box), button);
    }

  if (kind != ML_KIND_PROJECT)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Delete"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-element");
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_set_margin_top (button, 12);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

static void
rebuild (MlInspector *self)
{
  GtkWidget *form, *group;
  MlKind kind;

  g_ptr_array_set_size (self->editors, 0);
  adw_clamp_set_child (ADW_CLAMP (self->form_parent), NULL);

  if (self->element == NULL || self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  kind = ml_element_get_kind (self->element);
  form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (form, 18);
  gtk_widget_set_margin_bottom (form, 24);
  gtk_widget_set_margin_start (form, 12);
  gtk_widget_set_margin_end (form, 12);
  gtk_box_append (GTK_BOX (form), make_header (self));

  /* Short fields first, in the order of the format; paragraphs after, each in its own group. */
  group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (form), group);
  ML_KIND_FOREACH_FIELD (kind, field)
    if (!ml_field_is_attribute (field) && !ml_field_editor_is_long_text (field))
      add_editor (self, form, group, field);
  ML_KIND_FOREACH_FIELD (kind, field)
    if (ml_field_is_attribute (field) && !ml_field_is_placement (field))
      add_editor (self, form, group, field);
  ML_KIND_FOREACH_FIELD (kind, field)
    if (ml_field_editor_is_long_text (field))
      add_editor (self, form, group, field);

  gtk_box_append (GTK_BOX (form), make_actions (self));
  adw_clamp_set_child (ADW_CLAMP (self->form_parent), form);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
ml_inspector_dispose (GObject *object)
{
  MlInspector *self = ML_INSPECTOR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_object (&self->element);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ml_inspector_parent_class)->dispose (object);
}

static void
ml_inspector_class_init (MlInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_inspector_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "inspector");
}

static void
ml_inspector_init (MlInspector *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_set_layout_manager (GTK_WIDGET (self), ml_pane_layout_new (380));
  self->editors = g_ptr_array_new_with_free_func (g_object_unref);
  self->stack = GTK_STACK (gtk_stack_new ());
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Select an element in the sidebar to edit it, or add one with +."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_stack_add_named (self->stack, empty, "empty");

  self->form_parent = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (self->form_parent), 560);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->form_parent);
  gtk_stack_add_named (self->stack, scrolled, "form");

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

static void
on_project_replaced_cb (MlInspector *self)
{
  ml_inspector_set_element (self, NULL);
  g_signal_connect_object (ml_document_get_project (self->document), "changed",
                           G_CALLBACK (on_project_changed_cb), self, G_CONNECT_SWAPPED);
}

void
ml_inspector_set_document (MlInspector *self,
                           MlDocument  *document)
{
  g_return_if_fail (ML_IS_INSPECTOR (self));
  g_return_if_fail (ML_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_swapped (document, "notify::project", G_CALLBACK (on_project_replaced_cb), self);
  on_project_replaced_cb (self);
}

/**
 * ml_inspector_set_element:
 * @element: (nullable): the element to edit
 */
void
ml_inspector_set_element (MlInspector *self,
                          MlElement   *element)
{
  g_return_if_fail (ML_IS_INSPECTOR (self));

  g_set_object (&self->element, element);
  rebuild (self);
}

/**
 * ml_inspector_focus_field:
 * @field: a field of the element, or %ML_NO_FIELD for the first one
 */
void
ml_inspector_focus_field (MlInspector *self,
                          MlField      field)
{
  MlFieldEditor *editor;

  g_return_if_fail (ML_IS_INSPECTOR (self));

  editor = find_editor (self, field);
  if (editor != NULL)
    ml_field_editor_focus (editor);
}

/**
 * ml_inspector_get_editor:
 *
 * Returns: (transfer none) (nullable): the widget that edits @field: an entry row, combo row,
 *   expander row or text view
 */
GtkWidget *
ml_inspector_get_editor (MlInspector *self,
                         MlField      field)
{
  MlFieldEditor *editor;

  g_return_val_if_fail (ML_IS_INSPECTOR (self), NULL);

  editor = find_editor (self, field);
  if (editor == NULL)
    return NULL;

  return ml_field_editor_get_input (editor);
}

/**
 * ml_inspector_get_error:
 *
 * Returns: (nullable): the reason shown under @field, if its value was refused
 */
const char *
ml_inspector_get_error (MlInspector *self,
                        MlField      field)
{
  MlFieldEditor *editor;

  g_return_val_if_fail (ML_IS_INSPECTOR (self), NULL);

  editor = find_editor (self, field);

  return editor != NULL ? ml_field_editor_get_error (editor) : NULL;
}
