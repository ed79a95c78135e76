/* ml-decision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review sets the point's outcome, rationale and decision date, stops the activities under
 * review when the outcome is Stop (a pivot or a go-on leaves their status to the people who
 * run them), and adds a decision entry to the journal. It is one command, so one undo step.
 */

#define G_LOG_DOMAIN "ml-decision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-create.h"
#include "ml-decision.h"
#include "ml-error.h"

/* Takes @value: commands copy what they set. */
static MlCommand *
new_set (MlElement *element,
         MlField    field,
         MlValue   *value)
{
  MlCommand *command = ml_command_new_set (element, field, value);

  ml_value_clear (value);

  return command;
}

static MlCommand *
new_set_enum (MlElement *element,
              MlField    field,
              int        enum_value)
{
  MlValue value;

  ml_value_init_enum (&value, field, enum_value);

  return new_set (element, field, &value);
}

static void
set_on_entry (MlElement *entry,
              MlField    field,
              MlValue   *value)
{
  if (!ml_element_set_value (entry, field, value, NULL))
    g_assert_not_reached ();
  ml_value_clear (value);
}

static char *
describe_entry (const char *rationale,
                GPtrArray  *stopped)
{
  GString *text = g_string_new (rationale);

  if (stopped->len == 0)
    return g_string_free (text, FALSE);

  g_string_append (text, "\n\n");
  g_string_append (text, g_dngettext (GETTEXT_PACKAGE, "Activity stopped:",
                                      "Activities stopped:", stopped->len));
  for (guint i = 0; i < stopped->len; i++)
    {
      MlElement *activity = g_ptr_array_index (stopped, i);

      g_string_append_printf (text, "\n• %s", ml_element_get_string (activity, ML_ACTIVITY_NAME));
    }

  return g_string_free (text, FALSE);
}

/* The journal entry that records the decision, not yet inserted. */
static MlElement *
create_entry (MlProject   *project,
              MlElement   *point,
              MlOutcome    outcome,
              const char  *rationale,
              MlDate       decided,
              GPtrArray   *stopped,
              GError     **error)
{
  const MlEnumInfo *outcomes = ml_field_get_info (ML_DECISION_OUTCOME)->enum_info;
  g_autoptr(MlElement) entry = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  MlValue value;

  entry = ml_element_create (project, ml_project_get_root (project), ML_KIND_JOURNAL_ENTRY,
                             decided, error);
  if (entry == NULL)
    return NULL;

  /* TRANSLATORS: a journal entry's title: the decision point's name, then the outcome. */
  title = g_strdup_printf (_("Decision: %s — %s"),
                           ml_element_get_string (point, ML_DECISION_NAME),
                           _(outcomes->labels[outcome]));
  text = describe_entry (rationale, stopped);

  ml_value_init_enum (&value, ML_ENTRY_KIND, ML_ENTRY_DECISION);
  set_on_entry (entry, ML_ENTRY_KIND, &value);
  ml_value_init_string (&value, ML_ENTRY_TITLE, title);
  set_on_entry (entry, ML_ENTRY_TITLE, &value);
  ml_value_init_string (&value, ML_ENTRY_TEXT, text);
  set_on_entry (entry, ML_ENTRY_TEXT, &value);

  return g_steal_pointer (&entry);
}

static gboolean
check_review (MlOutcome    outcome,
              const char  *rationale,
              MlDate       decided,
              GError     **error)
{
  if (outcome == ML_OUTCOME_PENDING || outcome > ML_OUTCOME_STOP)
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("Choose an outcome: continue, pivot or stop."));
      return FALSE;
    }
  if (*rationale == '\0')
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("Give the reason for the decision: the journal keeps it."));
      return FALSE;
    }
  if (decided == ML_DATE_NONE || !g_date_valid_julian (decided))
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("The decision needs the date it was taken."));
      return FALSE;
    }

  return TRUE;
}

/**
 * ml_decision_get_stoppable:
 * @project: a project
 * @point: one of its decision points
 *
 * Returns: (transfer container) (element-type MlElement): the activities under review that a
 *   Stop would stop: those neither done nor stopped already, in the order the point names them
 */
GPtrArray *
ml_decision_get_stoppable (MlProject *project,
                           MlElement *point)
{
  GPtrArray *stoppable = g_ptr_array_new ();
  const char *const *about;

  g_return_val_if_fail (ML_IS_PROJECT (project), stoppable);
  g_return_val_if_fail (ML_IS_ELEMENT (point), stoppable);
  g_return_val_if_fail (ml_element_get_kind (point) == ML_KIND_DECISION_POINT, stoppable);

  about = ml_element_get_refs (point, ML_DECISION_ABOUT);
  for (guint i = 0; about != NULL && about[i] != NULL; i++)
    {
      MlElement *activity = ml_project_lookup (project, about[i]);
      int status;

      if (activity == NULL || ml_element_get_kind (activity) != ML_KIND_ACTIVITY ||
          g_ptr_array_find (stoppable, activity, NULL))
        continue;
      status = ml_element_get_enum (activity, ML_ACTIVITY_STATUS);
      if (status != ML_STATUS_DONE && status != ML_STATUS_STOPPED)
        g_ptr_array_add (stoppable, activity);
    }

  return stoppable;
}

/**
 * ml_decision_review_command:
 * @project: a project
 * @point: one of its decision points
 * @outcome: what was decided; not %ML_OUTCOME_PENDING
 * @rationale: why, as the point's rationale and the journal entry's text; not empty
 * @decided: when it was decided
 * @error: return location for an error
 *
 * Builds the review of @point. Reviewing a point again is allowed: the new outcome replaces
 * the old one, and the journal gets another entry. Apply the command to make the review.
 *
 * Returns: (transfer full) (nullable): one command, or %NULL if the review is incomplete
 */
MlCommand *
ml_decision_review_command (MlProject   *project,
                            MlElement   *point,
                            MlOutcome    outcome,
                            const char  *rationale,
                            MlDate       decided,
                            GError     **error)
{
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stopped = NULL;
  g_autoptr(MlElement) entry = NULL;
  g_autofree char *reason = NULL;
  MlValue value;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ML_IS_ELEMENT (point), NULL);
  g_return_val_if_fail (ml_element_get_kind (point) == ML_KIND_DECISION_POINT, NULL);
  g_return_val_if_fail (rationale != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reason = g_strstrip (g_strdup (rationale));
  if (!check_review (outcome, reason, decided, error))
    return NULL;

  stopped = outcome == ML_OUTCOME_STOP ? ml_decision_get_stoppable (project, point)
                                       : g_ptr_array_new ();
  entry = create_entry (project, point, outcome, reason, decided, stopped, error);
  if (entry == NULL)
    return NULL;

  g_ptr_array_add (commands, new_set_enum (point, ML_DECISION_OUTCOME, outcome));
  ml_value_init_date (&value, ML_DECISION_DECIDED, decided);
  g_ptr_array_add (commands, new_set (point, ML_DECISION_DECIDED, &value));
  ml_value_init_string (&value, ML_DECISION_RATIONALE, reason);
  g_ptr_array_add (commands, new_set (point, ML_DECISION_RATIONALE, &value));
  for (guint i = 0; i < stopped->len; i++)
    g_ptr_array_add (commands, new_set_enum (g_ptr_array_index (stopped, i), ML_ACTIVITY_STATUS,
                                             ML_STATUS_STOPPED));
  g_ptr_array_add (commands, ml_command_new_insert (ml_project_get_root (project), entry, -1));

  return ml_command_new_group_from_array (_("Record decision"), commands);
}
