/* ml-create.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New elements, ready to insert: every required field has a sensible value, so adding is one
 * keystroke and the user then edits what matters.
 */

#define G_LOG_DOMAIN "ml-create"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-create.h"
#include "ml-enums.h"
#include "ml-error.h"
#include "ml-exchange.h"

#define DEFAULT_ACTIVITY_DAYS 90

static void
set_value (MlElement *element,
           MlField    field,
           MlValue   *value)
{
  if (!ml_element_set_value (element, field, value, NULL))
    g_assert_not_reached ();
  ml_value_clear (value);
}

static void
set_string (MlElement  *element,
            MlField     field,
            const char *text)
{
  MlValue value;

  ml_value_init_string (&value, field, text);
  set_value (element, field, &value);
}

static void
set_date (MlElement *element,
          MlField    field,
          MlDate     date)
{
  MlValue value;

  ml_value_init_date (&value, field, date);
  set_value (element, field, &value);
}

static void
set_enum (MlElement *element,
          MlField    field,
          int        enum_value)
{
  MlValue value;

  ml_value_init_enum (&value, field, enum_value);
  set_value (element, field, &value);
}

static void
set_name (MlElement *element)
{
  const MlKindInfo *info = ml_kind_get_info (ml_element_get_kind (element));
  g_autofree char *kind = g_utf8_strdown (_(info->label), -1);
  g_autofree char *name = g_strdup_printf (_("New %s"), kind);

  ML_KIND_FOREACH_FIELD (ml_element_get_kind (element), field)
    {
      const char *field_name = ml_field_get_info (field)->name;

      if (strcmp (field_name, "name") == 0 || strcmp (field_name, "title") == 0)
        {
          set_string (element, field, name);
          return;
        }
    }
}

static MlElement *
nth_of_kind (MlProject *project,
             MlKind     kind,
             guint      n)
{
  g_autoptr(GPtrArray) all = ml_project_collect (project, kind);

  return n < all->len ? g_ptr_array_index (all, n) : NULL;
}

/* A new measurement starts from the latest value, which is usually close. */
static double
latest_value (MlElement *indicator)
{
  GPtrArray *measurements = ml_element_get_children (indicator, ML_KIND_MEASUREMENT);
  double value = ml_element_get_number (indicator, ML_INDICATOR_BASELINE);
  MlDate latest = ML_DATE_NONE;

  for (guint i = 0; measurements != NULL && i < measurements->len; i++)
    {
      MlElement *measurement = g_ptr_array_index (measurements, i);
      MlDate date = ml_element_get_date (measurement, ML_MEASUREMENT_DATE);

      if (date >= latest)
        {
          latest = date;
          value = ml_element_get_number (measurement, ML_MEASUREMENT_VALUE);
        }
    }

  return isnan (value) ? 0 : value;
}

static MlElement *
previous_activity (MlElement *activity)
{
  GPtrArray *siblings = ml_element_get_children (ml_element_get_parent (activity),
                                                 ML_KIND_ACTIVITY);
  guint position;

  if (!g_ptr_array_find (siblings, activity, &position) || position == 0)
    return NULL;

  return g_ptr_array_index (siblings, position - 1);
}

/* The first criterion @candidate has no score for: scores are added one criterion after the
 * other.
 */
static MlElement *
first_unscored_criterion (MlProject *project,
                          MlElement *candidate)
{
  GPtrArray *criteria = ml_element_get_children (ml_project_get_root (project), ML_KIND_CRITERION);
  GPtrArray *scores = ml_element_get_children (candidate, ML_KIND_SCORE);

  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      MlElement *criterion = g_ptr_array_index (criteria, i);
      gboolean scored = FALSE;

      for (guint j = 0; scores != NULL && j < scores->len && !scored; j++)
        scored = g_strcmp0 (ml_element_get_string (g_ptr_array_index (scores, j),
                                                   ML_SCORE_CRITERION),
                            ml_element_get_id (criterion)) == 0;
      if (!scored)
        return criterion;
    }

  return NULL;
}

static gboolean
fill_references (MlProject  *project,
                 MlElement  *parent,
                 MlElement  *element,
                 GError    **error)
{
  MlElement *first, *second, *predecessor, *criterion;
  const char *target, *currency;

  switch (ml_element_get_kind (element))
    {
    case ML_KIND_RELATION:
      first = nth_of_kind (project, ML_KIND_STAKEHOLDER, 0);
      second = nth_of_kind (project, ML_KIND_STAKEHOLDER, 1);
      if (second == NULL)
        {
          g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                               _("A relation joins two stakeholders: add them first."));
          return FALSE;
        }
      set_string (element, ML_RELATION_FROM, ml_element_get_id (first));
      set_string (element, ML_RELATION_TO, ml_element_get_id (second));
      return TRUE;

    case ML_KIND_DEPENDENCY:
      predecessor = previous_activity (parent);
      if (predecessor == NULL)
        {
          g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                               _("A dependency needs an earlier activity in the same workstream."));
          return FALSE;
        }
      set_string (element, ML_DEPENDENCY_ACTIVITY, ml_element_get_id (predecessor));
      return TRUE;

    case ML_KIND_EXCHANGE_RATE:
      target = ml_element_get_string (ml_project_get_root (project), ML_PROJECT_CURRENCY);
      if (target == NULL)
        {
          g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                               _("An exchange rate converts into the project’s currency: give the project a currency first."));
          return FALSE;
        }
      currency = ml_exchange_get_unrated_currency (project);
      if (currency == NULL)
        currency = g_strcmp0 (target, "EUR") != 0 ? "EUR" : "USD";
      set_string (element, ML_RATE_CURRENCY, currency);
      return TRUE;

    case ML_KIND_SCORE:
      criterion = first_unscored_criterion (project, parent);
      if (criterion == NULL)
        {
          GPtrArray *criteria = ml_element_get_children (ml_project_get_root (project),
                                                         ML_KIND_CRITERION);

          if (criteria == NULL || criteria->len == 0)
            g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                                 _("A score rates a candidate against a criterion: add a criterion first."));
          else
            g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                         _("“%s” has a score for every criterion already."),
                         ml_element_get_label (parent) != NULL ? ml_element_get_label (parent)
                                                               : ml_element_get_id (parent));
          return FALSE;
        }
      set_string (element, ML_SCORE_CRITERION, ml_element_get_id (criterion));
      return TRUE;

    default:
      return TRUE;
    }
}

/**
 * ml_element_create:
 * @project: the project the element is for
 * @parent: the element that will hold it
 * @kind: the kind of the new element, a kind @parent holds
 * @today: the date new dates start from
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a new valid element, not yet inserted, with an unused
 *   id; %NULL when the project lacks what it needs (two stakeholders for a relation)
 */
MlElement *
ml_element_create (MlProject  *project,
                   MlElement  *parent,
                   MlKind      kind,
                   MlDate      today,
                   GError    **error)
{
  g_autoptr(MlElement) element = NULL;
  g_autofree char *id = NULL;
  MlValue value;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ML_IS_ELEMENT (parent), NULL);
  g_return_val_if_fail (ml_kind_get_info (kind)->parent == ml_element_get_kind (parent), NULL);
  g_return_val_if_fail (kind != ML_KIND_PROJECT, NULL);

  if (ml_kind_get_info (kind)->id_policy == ML_ID_REQUIRED)
    id = ml_project_generate_id (project, kind);
  element = ml_element_new (kind, id);
  set_name (element);

  switch (kind)
    {
    case ML_KIND_MEASUREMENT:
      set_date (element, ML_MEASUREMENT_DATE, today);
      ml_value_init_number (&value, ML_MEASUREMENT_VALUE, latest_value (parent));
      set_value (element, ML_MEASUREMENT_VALUE, &value);
      break;
    case ML_KIND_STAKEHOLDER:
      set_enum (element, ML_STAKEHOLDER_TYPE, ML_STAKEHOLDER_GOVERNMENT);
      set_enum (element, ML_STAKEHOLDER_LEVEL, ML_LEVEL_NATIONAL);
      break;
    case ML_KIND_RELATION:
      set_enum (element, ML_RELATION_KIND, ML_RELATION_COORDINATION);
      break;
    case ML_KIND_INSTRUMENT:
      set_enum (element, ML_INSTRUMENT_TYPE, 0);
      break;
    case ML_KIND_ACTIVITY:
      set_date (element, ML_ACTIVITY_START, today);
      set_date (element, ML_ACTIVITY_END, today + DEFAULT_ACTIVITY_DAYS);
      break;
    case ML_KIND_MILESTONE:
      set_date (element, ML_MILESTONE_DATE, today);
      break;
    case ML_KIND_DECISION_POINT:
      set_date (element, ML_DECISION_DATE, today);
      break;
    case ML_KIND_EXCHANGE_RATE:
      ml_value_init_number (&value, ML_RATE_VALUE, 1);
      set_value (element, ML_RATE_VALUE, &value);
      set_date (element, ML_RATE_DATE, today);
      break;
    case ML_KIND_CRITERION:
      /* Equal weights until the facilitator says otherwise. */
      ml_value_init_number (&value, ML_CRITERION_WEIGHT, 1);
      set_value (element, ML_CRITERION_WEIGHT, &value);
      break;
    case ML_KIND_SCORE:
      /* 0, as a missing score counts: adding a score changes no ranking until it is given. */
      ml_value_init_number (&value, ML_SCORE_VALUE, 0);
      set_value (element, ML_SCORE_VALUE, &value);
      break;
    case ML_KIND_JOURNAL_ENTRY:
      set_date (element, ML_ENTRY_DATE, today);
      set_string (element, ML_ENTRY_TEXT, _("New note"));
      break;
    default:
      break;
    }

  if (!fill_references (project, parent, element, error))
    return NULL;

  return g_steal_pointer (&element);
}
