/* ml-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-date"

#include "config.h"

#include "ml-date.h"

static gboolean
read_digits (const char *text,
             guint       n,
             int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

/**
 * ml_date_parse:
 * @text: an ISO 8601 calendar date, `YYYY-MM-DD`, and nothing else
 * @date: (out): the date
 *
 * Parsing does not depend on the locale.
 *
 * Returns: whether @text is a valid date
 */
gboolean
ml_date_parse (const char *text,
               MlDate     *date)
{
  int year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !read_digits (text, 4, &year) || !read_digits (text + 5, 2, &month) ||
      !read_digits (text + 8, 2, &day))
    return FALSE;

  *date = ml_date_from_ymd (year, month, day);

  return *date != ML_DATE_NONE;
}

/**
 * ml_date_from_ymd:
 *
 * Returns: the date, or %ML_DATE_NONE if there is no such day
 */
MlDate
ml_date_from_ymd (int year,
                  int month,
                  int day)
{
  GDate date;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return ML_DATE_NONE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

void
ml_date_format_into (MlDate date,
                     char   buffer[11])
{
  GDate d;

  g_return_if_fail (date != ML_DATE_NONE);

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  g_snprintf (buffer, 11, "%04u-%02u-%02u",
              (guint) g_date_get_year (&d),
              (guint) g_date_get_month (&d),
              (guint) g_date_get_day (&d));
}

/**
 * ml_date_format:
 *
 * Returns: (transfer full): @date as `YYYY-MM-DD`
 */
char *
ml_date_format (MlDate date)
{
  char buffer[11];

  ml_date_format_into (date, buffer);

  return g_strdup (buffer);
}

MlDate
ml_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return ml_date_from_ymd (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}

/**
 * ml_date_widen:
 * @first: (inout): the first date of a span, or %ML_DATE_NONE for an empty span
 * @last: (inout): its last date
 * @date: a date to include, or %ML_DATE_NONE to leave the span as it is
 *
 * Widens the span from @first to @last so that it includes @date.
 */
void
ml_date_widen (MlDate *first,
               MlDate *last,
               MlDate  date)
{
  g_return_if_fail (first != NULL && last != NULL);

  if (date == ML_DATE_NONE)
    return;
  if (*first == ML_DATE_NONE || date < *first)
    *first = date;
  if (*last == ML_DATE_NONE || date > *last)
    *last = date;
}
