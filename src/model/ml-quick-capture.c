/* ml-quick-capture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One typed line while presenting becomes one change: "stakeholder: Name", "activity: Name",
 * "relation: A -> B" and "note: text". The keywords are accepted in English and in the
 * user's language, without regard to case or accents, so that a facilitator types what they
 * remember.
 */

#define G_LOG_DOMAIN "ml-quick-capture"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ml-create.h"
#include "ml-error.h"
#include "ml-quick-capture.h"
#include "ml-text.h"

typedef enum
{
  CAPTURE_STAKEHOLDER,
  CAPTURE_ACTIVITY,
  CAPTURE_RELATION,
  CAPTURE_NOTE,
  N_CAPTURES
} CaptureKind;

static const struct
{
  const char *keyword;     /* English, always understood */
  const char *translated;  /* the user's language */
} keywords[N_CAPTURES] = {
  /* Translators: a keyword typed in the quick-capture entry, "stakeholder: Name". */
  [CAPTURE_STAKEHOLDER] = { "stakeholder", N_("stakeholder") },
  /* Translators: a keyword typed in the quick-capture entry, "activity: Name". */
  [CAPTURE_ACTIVITY] = { "activity", N_("activity") },
  /* Translators: a keyword typed in the quick-capture entry, "relation: A -> B". */
  [CAPTURE_RELATION] = { "relation", N_("relation") },
  /* Translators: a keyword typed in the quick-capture entry, "note: text". */
  [CAPTURE_NOTE] = { "note", N_("note") },
};

static gboolean
find_keyword (const char  *line,
              CaptureKind *kind,
              char       **rest)
{
  const char *colon = strchr (line, ':');
  g_autofree char *head = NULL;
  g_autofree char *folded = NULL;

  if (colon == NULL)
    return FALSE;

  head = g_strstrip (g_strndup (line, colon - line));
  folded = ml_text_fold (head);
  for (guint i = 0; i < N_CAPTURES; i++)
    {
      g_autofree char *translated = ml_text_fold (_(keywords[i].translated));

      if (g_strcmp0 (folded, keywords[i].keyword) == 0 || g_strcmp0 (folded, translated) == 0)
        {
          *kind = i;
          *rest = g_strstrip (g_strdup (colon + 1));
          return TRUE;
        }
    }

  return FALSE;
}

/* What the user typed may not fit the field (a name too long): the error says why. */
static gboolean
set_text (MlElement   *element,
          MlField      field,
          const char  *text,
          GError     **error)
{
  MlValue value;
  gboolean set;

  ml_value_init_string (&value, field, text);
  set = ml_element_set_value (element, field, &value, error);
  ml_value_clear (&value);

  return set;
}

static MlElement *
find_stakeholder (MlProject  *project,
                  const char *name,
                  GError    **error)
{
  g_autoptr(GPtrArray) stakeholders = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_autofree char *folded = ml_text_fold (name);

  for (guint i = 0; i < stakeholders->len; i++)
    {
      MlElement *stakeholder = g_ptr_array_index (stakeholders, i);
      g_autofree char *candidate = ml_text_fold (ml_element_get_label (stakeholder));

      if (g_strcmp0 (folded, candidate) == 0)
        return stakeholder;
    }

  g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT, _("No stakeholder is called “%s”."),
               name);
  return NULL;
}

/* The focused mission's first workstream, else the project's first. */
static MlElement *
find_workstream (MlProject *project,
                 MlElement *mission,
                 GError   **error)
{
  g_autoptr(GPtrArray) workstreams = ml_project_collect (project, ML_KIND_WORKSTREAM);

  for (guint i = 0; mission != NULL && i < workstreams->len; i++)
    {
      MlElement *workstream = g_ptr_array_index (workstreams, i);

      if (g_strcmp0 (ml_element_get_string (workstream, ML_WORKSTREAM_MISSION),
                     ml_element_get_id (mission)) == 0)
        return workstream;
    }
  if (workstreams->len > 0)
    return g_ptr_array_index (workstreams, 0);

  g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                       _("An activity belongs to a workstream: add one first."));
  return NULL;
}

/* Splits "A -> B" or "A → B" into its two names. */
static gboolean
split_relation (const char *text,
                char      **from,
                char      **to)
{
  static const char *const arrows[] = { "->", "→" };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      const char *arrow = strstr (text, arrows[i]);

      if (arrow == NULL)
        continue;
      *from = g_strstrip (g_strndup (text, arrow - text));
      *to = g_strstrip (g_strdup (arrow + strlen (arrows[i])));
      if (**from != '\0' && **to != '\0')
        return TRUE;
      g_clear_pointer (from, g_free);
      g_clear_pointer (to, g_free);
    }

  return FALSE;
}

static MlElement *
create_relation (MlProject  *project,
                 const char *text,
                 MlDate      today,
                 GError    **error)
{
  g_autofree char *from_name = NULL;
  g_autofree char *to_name = NULL;
  g_autoptr(MlElement) relation = NULL;
  MlElement *from, *to;

  if (!split_relation (text, &from_name, &to_name))
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("Write a relation as “First stakeholder -> second stakeholder”."));
      return NULL;
    }
  if ((from = find_stakeholder (project, from_name, error)) == NULL ||
      (to = find_stakeholder (project, to_name, error)) == NULL)
    return NULL;
  if (from == to)
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                           _("A relation joins two different stakeholders."));
      return NULL;
    }

  relation = ml_element_create (project, ml_project_get_root (project), ML_KIND_RELATION, today,
                                error);
  if (relation == NULL)
    return NULL;
  if (!set_text (relation, ML_RELATION_FROM, ml_element_get_id (from), error) ||
      !set_text (relation, ML_RELATION_TO, ml_element_get_id (to), error))
    return NULL;

  return g_steal_pointer (&relation);
}

/**
 * ml_quick_capture_parse:
 * @project: the project the line adds to
 * @mission: (nullable): the mission in focus: an activity goes to its first workstream
 * @line: what the user typed, such as "stakeholder: Ministry of Energy"
 * @today: the date of a note and the start of an activity
 * @created: (out) (optional) (transfer none): the element the command inserts
 * @error: return location for an error whose message is a sentence to show the user
 *
 * Returns: (transfer full) (nullable): the command that inserts the element, not yet applied
 */
MlCommand *
ml_quick_capture_parse (MlProject   *project,
                        MlElement   *mission,
                        const char  *line,
                        MlDate       today,
                        MlElement  **created,
                        GError     **error)
{
  g_autoptr(MlElement) element = NULL;
  g_autofree char *rest = NULL;
  MlElement *parent = NULL;
  MlField name_field = ML_NO_FIELD;
  CaptureKind kind;
  MlCommand *command;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (line != NULL, NULL);

  if (!find_keyword (line, &kind, &rest))
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("Start with stakeholder:, activity:, relation: or note:"));
      return NULL;
    }
  if (*rest == '\0')
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("Type something after the colon."));
      return NULL;
    }

  switch (kind)
    {
    case CAPTURE_STAKEHOLDER:
      parent = ml_project_get_root (project);
      element = ml_element_create (project, parent, ML_KIND_STAKEHOLDER, today, error);
      name_field = ML_STAKEHOLDER_NAME;
      break;
    case CAPTURE_ACTIVITY:
      parent = find_workstream (project, mission, error);
      if (parent != NULL)
        element = ml_element_create (project, parent, ML_KIND_ACTIVITY, today, error);
      name_field = ML_ACTIVITY_NAME;
      break;
    case CAPTURE_RELATION:
      parent = ml_project_get_root (project);
      element = create_relation (project, rest, today, error);
      break;
    case CAPTURE_NOTE:
      parent = ml_project_get_root (project);
      element = ml_element_create (project, parent, ML_KIND_JOURNAL_ENTRY, today, error);
      name_field = ML_ENTRY_TEXT;
      break;
    case N_CAPTURES:
    default:
      g_assert_not_reached ();
    }

  if (element == NULL)
    return NULL;
  if (name_field != ML_NO_FIELD && !set_text (element, name_field, rest, error))
    return NULL;

  command = ml_command_new_insert (parent, element, -1);
  if (created != NULL)
    *created = element;

  return command;
}
