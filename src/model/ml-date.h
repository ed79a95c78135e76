/* ml-date.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar dates as Julian day numbers (GDate's: day 1 is 0001-01-01); 0 means no date.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef guint32 MlDate;

#define ML_DATE_NONE ((MlDate) 0)

gboolean ml_date_parse        (const char *text,
                               MlDate     *date);
char    *ml_date_format       (MlDate      date);
void     ml_date_format_into  (MlDate      date,
                               char        buffer[11]);
MlDate   ml_date_from_ymd     (int         year,
                               int         month,
                               int         day);
MlDate   ml_date_today        (void);
void     ml_date_widen        (MlDate     *first,
                               MlDate     *last,
                               MlDate      date);

G_END_DECLS
