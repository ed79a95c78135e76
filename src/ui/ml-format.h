/* ml-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates and numbers as the pages show them: in the user's locale, where files keep ISO dates
 * and C-locale numbers.
 */

#pragma once

#include <glib.h>

#include "ml-date.h"

G_BEGIN_DECLS

char *ml_format_date   (MlDate date);
char *ml_format_number (double value);

G_END_DECLS
