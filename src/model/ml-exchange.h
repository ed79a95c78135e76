/* ml-exchange.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's exchange rates: each says what one unit of a currency is worth in the project's
 * currency. Amounts in a currency with a rate can be converted into the project's currency;
 * amounts in any other currency stay in their own, never added to another.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

MlElement  *ml_exchange_find_rate           (MlProject  *project,
                                             const char *currency);
const char *ml_exchange_convert             (MlProject  *project,
                                             const char *currency,
                                             double     *amount);
const char *ml_exchange_get_unrated_currency (MlProject *project);
char       *ml_exchange_describe_rate       (MlElement  *rate,
                                             const char *target);

G_END_DECLS
