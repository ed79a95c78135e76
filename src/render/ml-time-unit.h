/* ml-time-unit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar units for time axes: where each day, ISO week, month, quarter, year and decade
 * begins and what its tick label says. Dates are MlDate Julian day numbers.
 */

#pragma once

#include "ml-date.h"

G_BEGIN_DECLS

typedef enum
{
  ML_TIME_UNIT_DAY,
  ML_TIME_UNIT_WEEK,      /* ISO weeks, from Monday */
  ML_TIME_UNIT_MONTH,
  ML_TIME_UNIT_QUARTER,
  ML_TIME_UNIT_YEAR,
  ML_TIME_UNIT_DECADE,
  ML_N_TIME_UNITS
} MlTimeUnit;

typedef enum
{
  ML_TIME_LABEL_TICK,     /* the lower tier of an axis: "14", "Mar", "Q2", "2024" */
  ML_TIME_LABEL_LONG,     /* the upper tier: "March 2024", "2024", "2020s" */
  ML_TIME_LABEL_SHORT,    /* the upper tier when the long form does not fit: "Mar 2024", "’24" */
} MlTimeLabel;

MlDate     ml_time_unit_floor    (MlTimeUnit   unit,
                                  MlDate       day);
MlDate     ml_time_unit_next     (MlTimeUnit   unit,
                                  MlDate       day);
guint      ml_time_unit_min_days (MlTimeUnit   unit);
MlTimeUnit ml_time_unit_parent   (MlTimeUnit   unit);
void       ml_time_unit_format   (MlTimeUnit   unit,
                                  MlDate       first_day,
                                  MlTimeLabel  label,
                                  char        *buffer,
                                  gsize        size);
gboolean   ml_date_is_weekend    (MlDate       day);

G_END_DECLS
