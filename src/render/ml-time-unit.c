/* ml-time-unit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-time-unit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-time-unit.h"

/* Julian day 1, 0001-01-01 in the proleptic Gregorian calendar, was a Monday. */
#define WEEKDAY(day) (((day) - 1) % 7)   /* 0 is Monday */

static void
split_date (MlDate    day,
            int      *year,
            int      *month,
            int      *mday)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *mday = g_date_get_day (&date);
}

/* Month names come from the C library once, in the user's language. */
static const char *
get_month_name (int      month,
                gboolean abbreviated)
{
  static char *names[2][12];
  static gsize initialized;

  g_assert (month >= 1 && month <= 12);

  if (g_once_init_enter (&initialized))
    {
      for (int m = 0; m < 12; m++)
        {
          GDate date;
          char buffer[64];

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 1, (GDateMonth) (m + 1), 2001);
          g_date_strftime (buffer, sizeof buffer, "%B", &date);
          names[0][m] = g_strdup (buffer);
          g_date_strftime (buffer, sizeof buffer, "%b", &date);
          names[1][m] = g_strdup (buffer);
        }
      g_once_init_leave (&initialized, 1);
    }

  return names[abbreviated ? 1 : 0][month - 1];
}

/**
 * ml_time_unit_floor:
 *
 * Returns: the first day of the unit that contains @day
 */
MlDate
ml_time_unit_floor (MlTimeUnit unit,
                    MlDate     day)
{
  int year, month, mday;

  g_return_val_if_fail (day > 0, day);

  switch (unit)
    {
    case ML_TIME_UNIT_DAY:
      return day;
    case ML_TIME_UNIT_WEEK:
      return day > (MlDate) WEEKDAY (day) ? day - WEEKDAY (day) : 1;
    case ML_TIME_UNIT_MONTH:
    case ML_TIME_UNIT_QUARTER:
    case ML_TIME_UNIT_YEAR:
    case ML_TIME_UNIT_DECADE:
    case ML_N_TIME_UNITS:
    default:
      split_date (day, &year, &month, &mday);
      if (unit == ML_TIME_UNIT_MONTH)
        return ml_date_from_ymd (year, month, 1);
      if (unit == ML_TIME_UNIT_QUARTER)
        return ml_date_from_ymd (year, (month - 1) / 3 * 3 + 1, 1);
      if (unit == ML_TIME_UNIT_YEAR)
        return ml_date_from_ymd (year, 1, 1);
      return ml_date_from_ymd (MAX (1, year / 10 * 10), 1, 1);
    }
}

/**
 * ml_time_unit_next:
 *
 * Returns: the first day of the unit after the one that contains @day
 */
MlDate
ml_time_unit_next (MlTimeUnit unit,
                   MlDate     day)
{
  int year, month, mday;

  g_return_val_if_fail (day > 0, day + 1);

  switch (unit)
    {
    case ML_TIME_UNIT_DAY:
      return day + 1;
    case ML_TIME_UNIT_WEEK:
      return day - WEEKDAY (day) + 7;
    case ML_TIME_UNIT_MONTH:
    case ML_TIME_UNIT_QUARTER:
    case ML_TIME_UNIT_YEAR:
    case ML_TIME_UNIT_DECADE:
    case ML_N_TIME_UNITS:
    default:
      split_date (day, &year, &month, &mday);
      if (unit == ML_TIME_UNIT_MONTH)
        return month == 12 ? ml_date_from_ymd (year + 1, 1, 1)
                           : ml_date_from_ymd (year, month + 1, 1);
      if (unit == ML_TIME_UNIT_QUARTER)
        {
          int next = (month - 1) / 3 * 3 + 4;

          return next > 12 ? ml_date_from_ymd (year + 1, 1, 1) : ml_date_from_ymd (year, next, 1);
        }
      if (unit == ML_TIME_UNIT_YEAR)
        return ml_date_from_ymd (year + 1, 1, 1);
      return ml_date_from_ymd (year / 10 * 10 + 10, 1, 1);
    }
}

/**
 * ml_time_unit_min_days:
 *
 * Returns: the length of the shortest instance of @unit, for deciding whether labels fit
 */
guint
ml_time_unit_min_days (MlTimeUnit unit)
{
  static const guint days[] = { 1, 7, 28, 90, 365, 3652 };

  g_return_val_if_fail (unit < ML_N_TIME_UNITS, 1);

  return days[unit];
}

/**
 * ml_time_unit_parent:
 *
 * Returns: the unit of the upper tier of an axis whose ticks are @unit
 */
MlTimeUnit
ml_time_unit_parent (MlTimeUnit unit)
{
  switch (unit)
    {
    case ML_TIME_UNIT_DAY:
    case ML_TIME_UNIT_WEEK:
      return ML_TIME_UNIT_MONTH;
    case ML_TIME_UNIT_MONTH:
    case ML_TIME_UNIT_QUARTER:
      return ML_TIME_UNIT_YEAR;
    case ML_TIME_UNIT_YEAR:
    case ML_TIME_UNIT_DECADE:
    case ML_N_TIME_UNITS:
    default:
      return ML_TIME_UNIT_DECADE;
    }
}

/**
 * ml_time_unit_format:
 * @unit: the unit
 * @first_day: the first day of one instance of @unit
 * @label: which form
 * @buffer: (out): where to write the label
 * @size: the size of @buffer
 *
 * Writes the label of a tick or of a span of the axis. A week is named by the day of the
 * month of its Monday, the way wall planners do, under the month in the upper tier.
 */
void
ml_time_unit_format (MlTimeUnit   unit,
                     MlDate       first_day,
                     MlTimeLabel  label,
                     char        *buffer,
                     gsize        size)
{
  int year, month, mday;

  g_return_if_fail (buffer != NULL && size > 0);

  split_date (first_day, &year, &month, &mday);

  switch (unit)
    {
    case ML_TIME_UNIT_DAY:
    case ML_TIME_UNIT_WEEK:
      g_snprintf (buffer, size, "%d", mday);
      break;
    case ML_TIME_UNIT_MONTH:
      if (label == ML_TIME_LABEL_TICK)
        g_snprintf (buffer, size, "%s", get_month_name (month, TRUE));
      else
        /* TRANSLATORS: a month and its year on a time axis, e.g. "March 2024" */
        g_snprintf (buffer, size, C_("axis", "%s %d"),
                    get_month_name (month, label == ML_TIME_LABEL_SHORT), year);
      break;
    case ML_TIME_UNIT_QUARTER:
      /* TRANSLATORS: a quarter of the year on a time axis */
      g_snprintf (buffer, size, C_("axis", "Q%d"), (month - 1) / 3 + 1);
      break;
    case ML_TIME_UNIT_YEAR:
      if (label == ML_TIME_LABEL_SHORT)
        /* TRANSLATORS: a year in two digits, when the axis has no room for four: ’24 */
        g_snprintf (buffer, size, C_("axis", "’%02d"), year % 100);
      else
        g_snprintf (buffer, size, "%d", year);
      break;
    case ML_TIME_UNIT_DECADE:
    case ML_N_TIME_UNITS:
    default:
      if (label == ML_TIME_LABEL_TICK)
        g_snprintf (buffer, size, "%d", year);
      else
        /* TRANSLATORS: a decade on a time axis, e.g. "2020s" */
        g_snprintf (buffer, size, C_("axis", "%ds"), year);
      break;
    }
}

gboolean
ml_date_is_weekend (MlDate day)
{
  return WEEKDAY (day) >= 5;
}
