/* ml-exchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-exchange"

#include "config.h"

#include <math.h>

#include "ml-exchange.h"
#include "ml-value.h"

static const char *
project_currency (MlProject *project)
{
  return ml_element_get_string (ml_project_get_root (project), ML_PROJECT_CURRENCY);
}

/**
 * ml_exchange_find_rate:
 * @project: a project
 * @currency: (nullable): an ISO 4217 code
 *
 * A rate is only usable when the project has a currency to convert into, and a rate for the
 * project's own currency means nothing. When a currency has two rates, the first counts
 * (validation warns about the second).
 *
 * Returns: (transfer none) (nullable): the rate that converts @currency into the project's
 *   currency
 */
MlElement *
ml_exchange_find_rate (MlProject  *project,
                       const char *currency)
{
  GPtrArray *rates;
  const char *target;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  target = project_currency (project);
  if (currency == NULL || target == NULL || g_strcmp0 (currency, target) == 0)
    return NULL;

  rates = ml_element_get_children (ml_project_get_root (project), ML_KIND_EXCHANGE_RATE);
  for (guint i = 0; rates != NULL && i < rates->len; i++)
    {
      MlElement *rate = g_ptr_array_index (rates, i);

      if (g_strcmp0 (ml_element_get_string (rate, ML_RATE_CURRENCY), currency) == 0)
        return rate;
    }

  return NULL;
}

/**
 * ml_exchange_convert:
 * @project: a project
 * @currency: (nullable): the currency of *@amount
 * @amount: (inout): an amount, converted in place when @currency has a rate
 *
 * Returns: (nullable): the currency *@amount is in afterwards: the project's when @currency has
 *   a rate, else @currency itself
 */
const char *
ml_exchange_convert (MlProject  *project,
                     const char *currency,
                     double     *amount)
{
  MlElement *rate;

  g_return_val_if_fail (amount != NULL, currency);

  rate = ml_exchange_find_rate (project, currency);
  if (rate == NULL)
    return currency;

  *amount *= ml_element_get_number (rate, ML_RATE_VALUE);
  return project_currency (project);
}

typedef struct
{
  MlProject  *project;
  const char *found;
} Search;

static gboolean
find_unrated (MlElement *element,
              gpointer   user_data)
{
  Search *search = user_data;
  const char *currency = NULL;

  if (ml_element_get_kind (element) == ML_KIND_INSTRUMENT)
    currency = ml_element_get_string (element, ML_INSTRUMENT_CURRENCY);
  else if (ml_element_get_kind (element) == ML_KIND_ACTIVITY)
    currency = ml_element_get_string (element, ML_ACTIVITY_CURRENCY);

  if (currency == NULL || g_strcmp0 (currency, project_currency (search->project)) == 0 ||
      ml_exchange_find_rate (search->project, currency) != NULL)
    return TRUE;

  search->found = currency;
  return FALSE;
}

/**
 * ml_exchange_get_unrated_currency:
 * @project: a project
 *
 * Returns: (nullable): the first currency a budget of @project is in that has no rate into the
 *   project's currency and is not that currency: the rate a user adding one most likely wants
 */
const char *
ml_exchange_get_unrated_currency (MlProject *project)
{
  Search search = { project, NULL };

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  ml_element_walk (ml_project_get_root (project), find_unrated, &search);
  return search.found;
}

/**
 * ml_exchange_describe_rate:
 * @rate: an exchange rate
 * @target: (nullable): the currency it converts into, the project's
 *
 * Says what a rate means the way people quote it: “1 EUR = 11.6 NOK”, and for a currency worth
 * less than a hundredth of the other, the other way round, “1 USD = 25381 VND”, rather than
 * a number with many zeros.
 *
 * Returns: (transfer full): the rate as a sentence fragment
 */
char *
ml_exchange_describe_rate (MlElement  *rate,
                           const char *target)
{
  const char *currency;
  double value;
  char number[ML_NUMBER_BUF_SIZE];

  g_return_val_if_fail (ML_IS_ELEMENT (rate), NULL);

  currency = ml_element_get_string (rate, ML_RATE_CURRENCY);
  value = ml_element_get_number (rate, ML_RATE_VALUE);
  if (target == NULL)
    target = "?";

  /* Then the other way round is more than 100: whole units say enough. */
  if (value > 0 && value < 0.01)
    {
      ml_number_format (round (1 / value), number);
      return g_strdup_printf ("1 %s = %s %s", target, number, currency);
    }

  ml_number_format (value, number);
  return g_strdup_printf ("1 %s = %s %s", currency, number, target);
}
