/* ml-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-format"

#include "config.h"

#include <math.h>

#include "ml-format.h"

/**
 * ml_format_date:
 * @date: a date, not %ML_DATE_NONE
 *
 * Returns: (transfer full): @date as the user's locale writes it, such as “30 Jun 2026”
 */
char *
ml_format_date (MlDate date)
{
  g_autoptr(GDateTime) when = NULL;
  GDate d;

  g_return_val_if_fail (date != ML_DATE_NONE, NULL);

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  when = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                                12, 0, 0);

  return g_date_time_format (when, "%-d %b %Y");
}

/**
 * ml_format_number:
 * @value: a number
 *
 * Returns: (transfer full): @value with the locale's digit grouping, without decimals when it
 *   is whole and with two otherwise
 */
char *
ml_format_number (double value)
{
  return g_strdup_printf ("%'.*f", fabs (value - round (value)) < 1e-9 ? 0 : 2, value);
}

/**
 * ml_format_money:
 * @amount: an amount of money
 * @currency: (nullable): its currency code, such as “EUR”, or "" or %NULL when unknown
 *
 * Returns: (transfer full): @amount as ml_format_number() writes it, followed by @currency
 */
char *
ml_format_money (double      amount,
                 const char *currency)
{
  g_autofree char *number = ml_format_number (amount);

  if (currency == NULL || *currency == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, currency);
}
