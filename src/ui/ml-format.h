/* ml-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates, numbers and amounts of money as the pages show them: in the user's locale, where files
 * keep ISO dates and C-locale numbers.
 */

#pragma once

#include <glib.h>

#include "ml-date.h"

G_BEGIN_DECLS

char *ml_format_date   (MlDate      date);
char *ml_format_number (double      value);
char *ml_format_money  (double      amount,
                        const char *currency);

G_END_DECLS
