/* ml-element-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An element told in one sentence for a screen reader: what it is, its name, then each of its
 * short fields as the inspector labels them, in the user's language and date format. It is
 * what the custom-drawn views and the sidebar's rows give assistive technologies in place of
 * the bars, discs and chips a sighted user reads. Paragraphs (descriptions, statements) are
 * left out: the inspector reads them in full. GTK 4.8 cannot expose the drawn elements as
 * accessible objects of their own, so each view describes itself and its selection, and the
 * keyboard moves the selection from element to element.
 */

#define G_LOG_DOMAIN "ml-element-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-element-summary.h"
#include "ml-field-editor.h"
#include "ml-format.h"

static void
append_list_item (GString    *list,
                  const char *item)
{
  if (list->len > 0)
    g_string_append (list, ", ");
  g_string_append (list, item);
}

/* What a reference points to, by its name where it has one. */
static const char *
name_of (MlProject  *project,
         const char *id)
{
  MlElement *target = ml_project_lookup (project, id);
  const char *label = target != NULL ? ml_element_get_label (target) : NULL;

  return label != NULL ? label : id;
}

static char *
format_field (MlProject *project,
              MlElement *element,
              MlField    field)
{
  const MlFieldInfo *info = ml_field_get_info (field);
  g_autoptr(GString) list = g_string_new (NULL);

  switch (info->type)
    {
    case ML_FIELD_TYPE_DATE:
      return ml_format_date (ml_element_get_date (element, field));
    case ML_FIELD_TYPE_NUMBER:
    case ML_FIELD_TYPE_INTEGER:
      return ml_format_number (ml_element_get_number (element, field));
    case ML_FIELD_TYPE_ENUM:
      return g_strdup (_(info->enum_info->labels[ml_element_get_enum (element, field)]));
    case ML_FIELD_TYPE_ENUM_SET:
      for (guint i = 0; i < info->enum_info->n_values; i++)
        if ((ml_element_get_flags (element, field) & ((guint64) 1 << i)) != 0)
          append_list_item (list, _(info->enum_info->labels[i]));
      return g_strdup (list->str);
    case ML_FIELD_TYPE_REF:
      return g_strdup (name_of (project, ml_element_get_string (element, field)));
    case ML_FIELD_TYPE_REF_LIST:
      for (const char *const *ref = ml_element_get_refs (element, field); ref && *ref; ref++)
        append_list_item (list, name_of (project, *ref));
      return g_strdup (list->str);
    case ML_FIELD_TYPE_TEXT:
    case ML_FIELD_TYPE_STRING:
    case ML_FIELD_TYPE_CURRENCY:
    default:
      return g_strdup (ml_element_get_string (element, field));
    }
}

/**
 * ml_element_summary:
 * @project: the project @element belongs to, to name what it refers to
 * @element: an element
 *
 * Returns: (transfer full): e.g. `Activity “Pilot plant”. Start: 1 March 2024. Status: At risk.`
 */
char *
ml_element_summary (MlProject *project,
                    MlElement *element)
{
  const MlKindInfo *kind_info;
  const char *label;
  GString *text;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ML_IS_ELEMENT (element), NULL);

  kind_info = ml_kind_get_info (ml_element_get_kind (element));
  label = ml_element_get_label (element);
  text = g_string_new (NULL);
  if (label != NULL)
    g_string_append_printf (text, _("%s “%s”"), _(kind_info->label), label);
  else
    g_string_append (text, _(kind_info->label));
  g_string_append_c (text, '.');

  for (guint i = 0; i < kind_info->n_fields; i++)
    {
      MlField field = kind_info->first_field + i;
      const MlFieldInfo *info = ml_field_get_info (field);
      g_autofree char *value = NULL;

      /* The name was said first. */
      if (g_str_equal (info->name, "name") || g_str_equal (info->name, "title") ||
          !ml_element_has_value (element, field) || ml_field_is_placement (field) ||
          ml_field_editor_is_long_text (field))
        continue;
      value = format_field (project, element, field);
      if (value != NULL && value[0] != '\0')
        {
          g_string_append_c (text, ' ');
          /* TRANSLATORS: a field and its value in a sentence read aloud, e.g. “Status: At risk.” */
          g_string_append_printf (text, _("%s: %s."), _(info->label), value);
        }
    }

  return g_string_free (text, FALSE);
}

/**
 * ml_element_summary_set_view:
 * @view: a custom-drawn view
 * @project: (nullable): the project it shows
 * @selected: (nullable): the element selected in it
 * @contents: what it shows, in a sentence
 * @keys: how to move in it with the keyboard
 *
 * Tells assistive technologies what a view draws: its contents, the selected element in full
 * and the keys that move between elements, as the view's accessible description.
 */
void
ml_element_summary_set_view (GtkWidget  *view,
                             MlProject  *project,
                             MlElement  *selected,
                             const char *contents,
                             const char *keys)
{
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (GTK_IS_WIDGET (view));

  if (project != NULL && selected != NULL)
    summary = ml_element_summary (project, selected);
  description = g_strjoin (" ", contents,
                           summary != NULL ? _("Selected:") : _("Nothing is selected."),
                           summary != NULL ? summary : keys,
                           summary != NULL ? keys : NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}
