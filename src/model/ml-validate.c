/* ml-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-diagnostic.h"
#include "ml-error.h"
#include "ml-exchange.h"
#include "ml-validate.h"

static gboolean
check_reference (MlProject   *project,
                 MlField      field,
                 const char  *id,
                 GError     **error)
{
  const MlFieldInfo *info = ml_field_get_info (field);
  g_autofree char *wanted = NULL;
  MlElement *target = ml_project_lookup (project, id);

  if (target != NULL && ml_element_get_kind (target) == info->ref_kind)
    return TRUE;

  /* Only a failed check needs the name of the kind: finding it costs as much as the check. */
  wanted = g_utf8_strdown (_(ml_kind_get_info (info->ref_kind)->label), -1);

  if (target == NULL)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                   _("%s refers to “%s”, but there is no %s with that id."),
                   _(info->label), id, wanted);
      return FALSE;
    }

  if (ml_element_get_kind (target) != info->ref_kind)
    {
      g_autofree char *what = ml_element_describe (target);

      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                   _("%s refers to “%s”, which is %s, not a %s."),
                   _(info->label), id, what, wanted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_date_order (MlElement  *element,
                  MlField     earlier,
                  MlField     later,
                  GError    **error)
{
  MlDate first = ml_element_get_date (element, earlier);
  MlDate second = ml_element_get_date (element, later);

  if (first != ML_DATE_NONE && second != ML_DATE_NONE && second < first)
    {
      g_autofree char *earlier_label = g_utf8_strdown (_(ml_field_get_info (earlier)->label), -1);
      char first_text[11], second_text[11];

      ml_date_format_into (first, first_text);
      ml_date_format_into (second, second_text);
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                   _("%s (%s) is before %s (%s)."),
                   _(ml_field_get_info (later)->label), second_text,
                   earlier_label, first_text);
      return FALSE;
    }

  return TRUE;
}

static const char *
label_or_id (MlElement *element)
{
  const char *label = ml_element_get_label (element);

  return label != NULL ? label : ml_element_get_id (element);
}

/* One score per criterion and candidate: with two, the candidate's score would depend on which
 * one is read. Both scores fail, so that an edit to either is refused.
 */
static gboolean
check_one_score (MlProject   *project,
                 MlElement   *score,
                 const char  *criterion,
                 GError     **error)
{
  MlElement *candidate = ml_element_get_parent (score);
  GPtrArray *scores = candidate != NULL ? ml_element_get_children (candidate, ML_KIND_SCORE)
                                        : NULL;

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      MlElement *other = g_ptr_array_index (scores, i);
      MlElement *target;

      if (other == score ||
          g_strcmp0 (ml_element_get_string (other, ML_SCORE_CRITERION), criterion) != 0)
        continue;
      target = ml_project_lookup (project, criterion);
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                   _("“%s” already has a score for “%s”: a candidate has one score per criterion."),
                   label_or_id (candidate), target != NULL ? label_or_id (target) : criterion);
      return FALSE;
    }

  return TRUE;
}

/**
 * ml_validate_field:
 * @project: the project @element is in, or is to be inserted into
 * @element: an element
 * @field: one of its fields
 * @error: return location for an error
 *
 * Checks the value of @field and the rules it takes part in.
 *
 * Returns: whether the field is valid
 */
gboolean
ml_validate_field (MlProject  *project,
                   MlElement  *element,
                   MlField     field,
                   GError    **error)
{
  const MlFieldInfo *info = ml_field_get_info (field);
  const MlValue *value = ml_element_get_value (element, field);

  if (!ml_value_check (field, value, error))
    return FALSE;

  if (info->type == ML_FIELD_TYPE_REF && value->string != NULL &&
      !check_reference (project, field, value->string, error))
    return FALSE;

  if (info->type == ML_FIELD_TYPE_REF_LIST && value->refs != NULL)
    for (guint i = 0; value->refs[i] != NULL; i++)
      if (!check_reference (project, field, value->refs[i], error))
        return FALSE;

  if (info->type == ML_FIELD_TYPE_DATE)
    {
      if (info->not_before != ML_NO_FIELD &&
          !check_date_order (element, info->not_before, field, error))
        return FALSE;

      ML_KIND_FOREACH_FIELD (info->kind, other)
        if (ml_field_get_info (other)->not_before == field &&
            !check_date_order (element, field, other, error))
          return FALSE;
    }

  if (field == ML_RELATION_TO || field == ML_RELATION_FROM)
    {
      const char *from = ml_element_get_string (element, ML_RELATION_FROM);
      const char *to = ml_element_get_string (element, ML_RELATION_TO);

      if (from != NULL && g_strcmp0 (from, to) == 0)
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                       _("A relation must join two different stakeholders, not “%s” to itself."),
                       from);
          return FALSE;
        }
    }

  if (field == ML_RATE_VALUE && value->number <= 0)
    {
      char number[ML_NUMBER_BUF_SIZE];

      ml_number_format (value->number, number);
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                   _("The rate must be more than 0, not %s."), number);
      return FALSE;
    }

  if (field == ML_SCORE_CRITERION && value->string != NULL &&
      !check_one_score (project, element, value->string, error))
    return FALSE;

  if (field == ML_DEPENDENCY_ACTIVITY && value->string != NULL)
    {
      MlElement *activity = ml_element_get_parent (element);

      if (activity != NULL && g_strcmp0 (ml_element_get_id (activity), value->string) == 0)
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                       _("An activity cannot depend on itself (“%s”)."), value->string);
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  MlProject *project;
  GPtrArray *diagnostics;
  GError    *error;    /* the first error, when validating for an edit */
} Validation;

static void
report (Validation *validation,
        MlElement  *element,
        MlSeverity  severity,
        GError     *error)
{
  GPtrArray *diagnostics = validation->diagnostics;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  /* Checking an edit stops at the first error; warnings only matter to a whole-project check. */
  if (diagnostics == NULL)
    return;

  what = ml_element_describe (element);
  message = g_strdup_printf ("%s: %s", what, error->message);

  /* A rule between two fields (start and end, from and to) fails for both: say it once. */
  if (diagnostics->len > 0 &&
      strcmp (((MlDiagnostic *) g_ptr_array_index (diagnostics, diagnostics->len - 1))->message,
              message) == 0)
    return;

  ml_diagnostics_add (diagnostics, severity, ml_element_get_line (element), "%s", message);
}

static void
check_currency (Validation *validation,
                MlElement  *element,
                MlField     budget,
                MlField     currency)
{
  MlElement *root = ml_project_get_root (validation->project);
  g_autoptr(GError) error = NULL;

  if (ml_element_has_value (element, budget) && !ml_element_has_value (element, currency) &&
      !ml_element_has_value (root, ML_PROJECT_CURRENCY))
    {
      g_set_error_literal (&error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                           _("The budget has no currency; give it one, or give the project a default currency."));
      report (validation, element, ML_SEVERITY_WARNING, error);
    }
}

/* Rules between a rate and the rest of the project are warnings: an edit elsewhere (the
 * project's currency) can break them, and the rate is then only unused, never wrong.
 */
static void
check_rate (Validation *validation,
            MlElement  *rate)
{
  const char *target = ml_element_get_string (ml_project_get_root (validation->project),
                                              ML_PROJECT_CURRENCY);
  const char *currency = ml_element_get_string (rate, ML_RATE_CURRENCY);
  MlElement *first = ml_exchange_find_rate (validation->project, currency);
  g_autoptr(GError) error = NULL;

  if (target == NULL)
    g_set_error_literal (&error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                         _("Exchange rates convert into the project’s currency, and the project has none; the rate is not used."));
  else if (g_strcmp0 (currency, target) == 0)
    g_set_error (&error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                 _("%s is the project’s own currency; the rate is not used."), currency);
  else if (first != NULL && first != rate)
    g_set_error (&error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                 _("%s already has an exchange rate; only the first is used."), currency);
  else
    return;

  report (validation, rate, ML_SEVERITY_WARNING, error);
}

static gboolean
validate_element (MlElement *element,
                  gpointer   user_data)
{
  Validation *validation = user_data;

  ML_KIND_FOREACH_FIELD (ml_element_get_kind (element), field)
    {
      g_autoptr(GError) error = NULL;

      if (ml_validate_field (validation->project, element, field, &error))
        continue;

      if (validation->diagnostics == NULL)
        {
          g_autofree char *what = ml_element_describe (element);

          g_set_error (&validation->error, error->domain, error->code, "%s: %s",
                       what, error->message);
          return FALSE;
        }
      report (validation, element, ML_SEVERITY_ERROR, error);
    }

  if (ml_element_get_kind (element) == ML_KIND_INSTRUMENT)
    check_currency (validation, element, ML_INSTRUMENT_BUDGET, ML_INSTRUMENT_CURRENCY);
  else if (ml_element_get_kind (element) == ML_KIND_ACTIVITY)
    check_currency (validation, element, ML_ACTIVITY_BUDGET, ML_ACTIVITY_CURRENCY);
  else if (ml_element_get_kind (element) == ML_KIND_EXCHANGE_RATE)
    check_rate (validation, element);

  return TRUE;
}

/**
 * ml_validate_tree:
 * @project: a project
 * @element: an element and its descendants, in @project or about to be inserted
 * @error: return location for the first problem
 *
 * Returns: whether every field of the subtree is valid
 */
gboolean
ml_validate_tree (MlProject  *project,
                  MlElement  *element,
                  GError    **error)
{
  Validation validation = { project, NULL, NULL };

  if (ml_element_walk (element, validate_element, &validation))
    return TRUE;

  g_propagate_error (error, validation.error);

  return FALSE;
}

/**
 * ml_validate_project:
 * @project: a project
 * @diagnostics: (element-type MlDiagnostic): where to add every problem found
 */
void
ml_validate_project (MlProject *project,
                     GPtrArray *diagnostics)
{
  Validation validation = { project, diagnostics, NULL };

  g_return_if_fail (diagnostics != NULL);

  ml_element_walk (ml_project_get_root (project), validate_element, &validation);
}
