/* ml-field-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor of one field of one element, made from the field's description: an entry row for
 * text, numbers and dates (with a calendar), a combo row for enumerations and references,
 * check rows for sets and lists, a text view for long text. Every change becomes a command on
 * the document's undo stack; typing into one field while it keeps the focus is one undo step.
 * A value the project refuses is shown with the reason, under the field, and not applied.
 */

#define G_LOG_DOMAIN "ml-field-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-field-editor.h"
#include "ml-paragraph-group.h"

struct _MlFieldEditor
{
  GObject     parent_instance;

  MlDocument *document;
  MlElement  *element;
  MlField     field;

  GtkWidget  *widget;       /* the row, or the group holding a text view */
  GtkWidget  *input;        /* the entry row, combo row, expander row or text view */
  GtkWidget  *error_row;
  GtkLabel   *error_label;
  char       *error;
  GPtrArray  *choices;      /* REF and REF_LIST: the ids offered, in the order shown */
  GPtrArray  *checks;       /* ENUM_SET and REF_LIST: one check button per choice */
  guint       merge_key;
  gboolean    updating;     /* set while the widget shows a value from the model */
};

G_DEFINE_FINAL_TYPE (MlFieldEditor, ml_field_editor, G_TYPE_OBJECT)

static void
show_error (MlFieldEditor *self,
            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->input, "error");
  else
    gtk_widget_remove_css_class (self->input, "error");
}

static void
apply (MlFieldEditor *self,
       MlValue       *value)
{
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  if (ml_value_equal (value, ml_element_get_value (self->element, self->field)))
    {
      show_error (self, NULL);
      ml_value_clear (value);
      return;
    }

  command = ml_command_new_set (self->element, self->field, value);
  ml_value_clear (value);
  ml_command_set_merge_key (command, self->merge_key);

  self->updating = TRUE;
  if (ml_document_push (self->document, command, &error))
    show_error (self, NULL);
  else
    show_error (self, error->message);
  self->updating = FALSE;
}

static void
apply_text (MlFieldEditor *self,
            const char    *text)
{
  g_autoptr(GError) error = NULL;
  MlValue value;

  if (!ml_value_parse (self->field, text, &value, &error))
    {
      show_error (self, error->message);
      return;
    }

  apply (self, &value);
}

static void
on_entry_changed_cb (MlFieldEditor *self)
{
  if (!self->updating)
    apply_text (self, gtk_editable_get_text (GTK_EDITABLE (self->input)));
}

static void
on_focus_enter_cb (MlFieldEditor *self)
{
  /* One focus, one gesture: what is typed until the focus leaves is one undo step. */
  self->merge_key = ml_undo_stack_new_merge_key (ml_document_get_undo_stack (self->document));
}

static void
track_focus (MlFieldEditor *self,
             GtkWidget     *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

static void
on_buffer_changed_cb (MlFieldEditor *self,
                      GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apply_text (self, text);
}

static void
on_day_selected_cb (MlFieldEditor *self,
                    GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->input), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

static void
on_calendar_shown_cb (MlFieldEditor *self,
                      GtkWidget     *popover)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover)));
  MlDate date = ml_element_get_date (self->element, self->field);
  g_autoptr(GDateTime) shown = NULL;
  GDate d;

  if (date == ML_DATE_NONE)
    date = ml_date_today ();
  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  shown = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d),
                                 g_date_get_day (&d), 12, 0, 0);
  g_signal_handlers_block_by_func (calendar, on_day_selected_cb, self);
  gtk_calendar_select_day (calendar, shown);
  g_signal_handlers_unblock_by_func (calendar, on_day_selected_cb, self);
}

static GtkWidget *
make_calendar_button (MlFieldEditor *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_shown_cb), self,
                           G_CONNECT_SWAPPED);

  return button;
}

static void
make_entry (MlFieldEditor *self)
{
  const MlFieldInfo *info = ml_field_get_info (self->field);

  self->input = self->widget = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->input), _(info->label));
  if (info->type == ML_FIELD_TYPE_DATE)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->input), make_calendar_button (self));
  if (info->type == ML_FIELD_TYPE_NUMBER || info->type == ML_FIELD_TYPE_INTEGER)
    gtk_editable_set_alignment (GTK_EDITABLE (self->input), 0);
  g_signal_connect_object (self->input, "changed", G_CALLBACK (on_entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  track_focus (self, self->input);
}

static void
make_text_view (MlFieldEditor *self)
{
  const MlFieldInfo *info = ml_field_get_info (self->field);

  self->widget = ml_paragraph_group_new (_(info->label), &self->input);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input)), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  track_focus (self, self->input);
}

static void
fill_ref_choices (MlFieldEditor *self,
                  GtkStringList *labels)
{
  MlProject *project = ml_document_get_project (self->document);
  g_autoptr(GPtrArray) candidates = ml_project_collect (project, ml_field_get_info (self->field)->ref_kind);

  for (guint i = 0; i < candidates->len; i++)
    {
      MlElement *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *title = NULL;

      /* An activity does not depend on itself, nor a relation join one stakeholder twice. */
      if (candidate == self->element || candidate == ml_element_get_parent (self->element))
        continue;
      title = ml_project_dup_title (project, candidate);
      g_ptr_array_add (self->choices, g_strdup (ml_element_get_id (candidate)));
      if (labels != NULL)
        gtk_string_list_append (labels, title);
    }
}

static void
on_combo_selected_cb (MlFieldEditor *self)
{
  const MlFieldInfo *info = ml_field_get_info (self->field);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->input));
  gboolean has_none = info->type == ML_FIELD_TYPE_REF || info->enum_info->default_value < 0;
  MlValue value;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (info->type == ML_FIELD_TYPE_REF)
    ml_value_init_string (&value, self->field,
                          selected == 0 ? NULL : g_ptr_array_index (self->choices, selected - 1));
  else
    ml_value_init_enum (&value, self->field, has_none ? (int) selected - 1 : (int) selected);

  self->merge_key = 0;
  apply (self, &value);
}

static void
make_combo (MlFieldEditor *self)
{
  const MlFieldInfo *info = ml_field_get_info (self->field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  /* An instrument without a side of its own takes the usual side of its type. */
  if (self->field == ML_INSTRUMENT_SIDE)
    gtk_string_list_append (labels, _("Usual side of its type"));
  else if (info->type == ML_FIELD_TYPE_REF || info->enum_info->default_value < 0)
    gtk_string_list_append (labels, _("None"));

  if (info->type == ML_FIELD_TYPE_REF)
    fill_ref_choices (self, labels);
  else
    for (guint i = 0; i < info->enum_info->n_values; i++)
      gtk_string_list_append (labels, _(info->enum_info->labels[i]));

  self->input = self->widget = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->input), _(info->label));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->input), G_LIST_MODEL (labels));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->input), FALSE);
  g_signal_connect_object (self->input, "notify::selected", G_CALLBACK (on_combo_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
on_check_toggled_cb (MlFieldEditor *self)
{
  const MlFieldInfo *info = ml_field_get_info (self->field);
  MlValue value;

  if (self->updating)
    return;

  if (info->type == ML_FIELD_TYPE_ENUM_SET)
    {
      guint64 flags = 0;

      for (guint i = 0; i < self->checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
          flags |= G_GUINT64_CONSTANT (1) << i;
      ml_value_init_flags (&value, self->field, flags);
    }
  else
    {
      const char *const *current = ml_element_get_refs (self->element, self->field);
      g_autoptr(GStrvBuilder) refs = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;

      /* Keep the user's order: what stays keeps its place, what is new goes last. */
      for (guint i = 0; current != NULL && current[i] != NULL; i++)
        {
          guint index;

          if (g_ptr_array_find_with_equal_func (self->choices, current[i], g_str_equal, &index) &&
              gtk_check_button_get_active (g_ptr_array_index (self->checks, index)))
            g_strv_builder_add (refs, current[i]);
        }
      for (guint i = 0; i < self->checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)) &&
            (current == NULL || !g_strv_contains (current, g_ptr_array_index (self->choices, i))))
          g_strv_builder_add (refs, g_ptr_array_index (self->choices, i));
      list = g_strv_builder_end (refs);
      ml_value_init_refs (&value, self->field, (const char *const *) list);
    }

  self->merge_key = 0;
  apply (self, &value);
}

static void
add_check_row (MlFieldEditor *self,
               const char    *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->input), row);
  g_ptr_array_add (self->checks, check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
make_checks (MlFieldEditor *self)
{
  const MlFieldInfo *info = ml_field_get_info (self->field);

  self->input = self->widget = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->input), _(info->label));

  if (info->type == ML_FIELD_TYPE_ENUM_SET)
    {
      for (guint i = 0; i < info->enum_info->n_values; i++)
        add_check_row (self, _(info->enum_info->labels[i]));
      return;
    }

  fill_ref_choices (self, NULL);
  for (guint i = 0; i < self->choices->len; i++)
    {
      MlProject *project = ml_document_get_project (self->document);
      g_autofree char *title = ml_project_dup_title (project,
                                                     ml_project_lookup (project, self->choices->pdata[i]));

      add_check_row (self, title);
    }
}

static void
update_summary (MlFieldEditor *self)
{
  const MlFieldInfo *info = ml_field_get_info (self->field);
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      if (!gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
        continue;
      if (summary->len > 0)
        g_string_append (summary, ", ");
      if (info->type == ML_FIELD_TYPE_ENUM_SET)
        g_string_append (summary, _(info->enum_info->labels[i]));
      else
        g_string_append (summary, adw_preferences_row_get_title (
                           ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (g_ptr_array_index (self->checks, i),
                                                                         ADW_TYPE_ACTION_ROW))));
    }

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->input),
                                 summary->len > 0 ? summary->str : _("None"));
}

static void
ml_field_editor_dispose (GObject *object)
{
  MlFieldEditor *self = ML_FIELD_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_object (&self->element);
  g_clear_object (&self->widget);
  g_clear_object (&self->error_row);

  G_OBJECT_CLASS (ml_field_editor_parent_class)->dispose (object);
}

static void
ml_field_editor_finalize (GObject *object)
{
  MlFieldEditor *self = ML_FIELD_EDITOR (object);

  g_free (self->error);
  g_ptr_array_unref (self->choices);
  g_ptr_array_unref (self->checks);

  G_OBJECT_CLASS (ml_field_editor_parent_class)->finalize (object);
}

static void
ml_field_editor_class_init (MlFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_field_editor_dispose;
  object_class->finalize = ml_field_editor_finalize;
}

static void
ml_field_editor_init (MlFieldEditor *self)
{
  self->choices = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
}

/**
 * ml_field_editor_is_long_text:
 *
 * Returns: whether @field holds paragraphs, edited in a text view of its own
 */
gboolean
ml_field_editor_is_long_text (MlField field)
{
  static const char *const long_texts[] = {
    "description", "statement", "challenge", "criteria", "rationale", "text", "note", NULL,
  };
  const MlFieldInfo *info = ml_field_get_info (field);

  return info->type == ML_FIELD_TYPE_TEXT && g_strv_contains (long_texts, info->name);
}

/**
 * ml_field_editor_new:
 * @document: the document the element belongs to
 * @element: the element
 * @field: the field to edit
 *
 * Returns: (transfer full): an editor showing the field's current value
 */
MlFieldEditor *
ml_field_editor_new (MlDocument *document,
                     MlElement  *element,
                     MlField     field)
{
  MlFieldEditor *self = g_object_new (ML_TYPE_FIELD_EDITOR, NULL);
  const MlFieldInfo *info = ml_field_get_info (field);

  self->document = g_object_ref (document);
  self->element = g_object_ref (element);
  self->field = field;

  if (ml_field_editor_is_long_text (field))
    make_text_view (self);
  else if (info->type == ML_FIELD_TYPE_ENUM || info->type == ML_FIELD_TYPE_REF)
    make_combo (self);
  else if (info->type == ML_FIELD_TYPE_ENUM_SET || info->type == ML_FIELD_TYPE_REF_LIST)
    make_checks (self);
  else
    make_entry (self);
  g_object_ref_sink (self->widget);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  self->error_row = g_object_ref_sink (gtk_list_box_row_new ());
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->error_row), GTK_WIDGET (self->error_label));
  gtk_widget_set_visible (self->error_row, FALSE);

  ml_field_editor_update (self);

  return self;
}

MlField
ml_field_editor_get_field (MlFieldEditor *self)
{
  g_return_val_if_fail (ML_IS_FIELD_EDITOR (self), ML_NO_FIELD);

  return self->field;
}

/**
 * ml_field_editor_get_widget:
 *
 * Returns: (transfer none): the row to put in a preferences group, or for long text a group
 */
GtkWidget *
ml_field_editor_get_widget (MlFieldEditor *self)
{
  g_return_val_if_fail (ML_IS_FIELD_EDITOR (self), NULL);

  return self->widget;
}

/**
 * ml_field_editor_get_input:
 *
 * Returns: (transfer none): the widget the user types or chooses in
 */
GtkWidget *
ml_field_editor_get_input (MlFieldEditor *self)
{
  g_return_val_if_fail (ML_IS_FIELD_EDITOR (self), NULL);

  return self->input;
}

/**
 * ml_field_editor_get_error_row:
 *
 * Returns: (transfer none): the row that shows why a value was refused, to put under the field
 */
GtkWidget *
ml_field_editor_get_error_row (MlFieldEditor *self)
{
  g_return_val_if_fail (ML_IS_FIELD_EDITOR (self), NULL);

  return self->error_row;
}

/**
 * ml_field_editor_get_error:
 *
 * Returns: (nullable): why the value typed was refused
 */
const char *
ml_field_editor_get_error (MlFieldEditor *self)
{
  g_return_val_if_fail (ML_IS_FIELD_EDITOR (self), NULL);

  return self->error;
}

/**
 * ml_field_editor_update:
 *
 * Shows the model's value, unless the user is typing one that means the same.
 */
void
ml_field_editor_update (MlFieldEditor *self)
{
  const MlFieldInfo *info = ml_field_get_info (self->field);
  const MlValue *value = ml_element_get_value (self->element, self->field);
  g_autofree char *text = ml_value_to_string (value, self->field);

  g_return_if_fail (ML_IS_FIELD_EDITOR (self));

  self->updating = TRUE;

  if (GTK_IS_TEXT_VIEW (self->input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));
      g_autofree char *shown = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (shown, text != NULL ? text : "") != 0)
        gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
    }
  else if (ADW_IS_ENTRY_ROW (self->input))
    {
      const char *shown = gtk_editable_get_text (GTK_EDITABLE (self->input));
      MlValue parsed;

      if (!ml_value_parse (self->field, shown, &parsed, NULL) || !ml_value_equal (&parsed, value))
        gtk_editable_set_text (GTK_EDITABLE (self->input), text != NULL ? text : "");
      ml_value_clear (&parsed);
    }
  else if (ADW_IS_COMBO_ROW (self->input))
    {
      guint selected = 0;

      if (info->type == ML_FIELD_TYPE_REF)
        {
          guint index;

          if (value->string != NULL &&
              g_ptr_array_find_with_equal_func (self->choices, value->string, g_str_equal, &index))
            selected = index + 1;
        }
      else
        {
          gboolean has_none = info->enum_info->default_value < 0;

          selected = value->enum_value < 0 ? 0 : (guint) value->enum_value + (has_none ? 1 : 0);
        }
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->input), selected);
    }
  else
    {
      for (guint i = 0; i < self->checks->len; i++)
        {
          gboolean active = info->type == ML_FIELD_TYPE_ENUM_SET
                              ? (value->flags & (G_GUINT64_CONSTANT (1) << i)) != 0
                              : value->refs != NULL &&
                                g_strv_contains ((const char *const *) value->refs,
                                                 g_ptr_array_index (self->choices, i));

          gtk_check_button_set_active (g_ptr_array_index (self->checks, i), active);
        }
      update_summary (self);
    }

  self->updating = FALSE;
}

/**
 * ml_field_editor_focus:
 *
 * Gives the field the keyboard focus, its text selected so that typing replaces it.
 */
void
ml_field_editor_focus (MlFieldEditor *self)
{
  g_return_if_fail (ML_IS_FIELD_EDITOR (self));

  gtk_widget_grab_focus (self->input);
  if (ADW_IS_ENTRY_ROW (self->input))
    gtk_editable_select_region (GTK_EDITABLE (self->input), 0, -1);
  else if (GTK_IS_TEXT_VIEW (self->input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
}
