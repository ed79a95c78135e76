/* ml-indicator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where an indicator stands: its latest measurement and how far it has come from its baseline
 * towards its target.
 */

#pragma once

#include "ml-element.h"

G_BEGIN_DECLS

MlElement *ml_indicator_get_latest    (MlElement *indicator);
double     ml_indicator_get_progress  (MlElement *indicator);

G_END_DECLS
