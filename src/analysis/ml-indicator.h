/* ml-indicator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where an indicator stands: its latest measurement, how far it has come from its baseline
 * towards its target, and whether that is as far as the straight path from baseline to target
 * says it should have come by then.
 */

#pragma once

#include "ml-date.h"
#include "ml-element.h"

G_BEGIN_DECLS

/**
 * MlIndicatorStatus:
 * @ML_INDICATOR_STATUS_ON_TRACK: the latest measurement has achieved at least
 *   %ML_INDICATOR_ON_TRACK_SHARE of the progress expected by its date
 * @ML_INDICATOR_STATUS_AT_RISK: at least %ML_INDICATOR_AT_RISK_SHARE, but less than on track
 * @ML_INDICATOR_STATUS_OFF_TRACK: less than %ML_INDICATOR_AT_RISK_SHARE
 * @ML_INDICATOR_STATUS_NO_RECENT_DATA: no measurement, or the latest is more than
 *   %ML_INDICATOR_RECENT_MONTHS months old
 * @ML_INDICATOR_STATUS_NOT_MEASURABLE: the baseline, the target or one of their dates is missing
 */
typedef enum
{
  ML_INDICATOR_STATUS_ON_TRACK,
  ML_INDICATOR_STATUS_AT_RISK,
  ML_INDICATOR_STATUS_OFF_TRACK,
  ML_INDICATOR_STATUS_NO_RECENT_DATA,
  ML_INDICATOR_STATUS_NOT_MEASURABLE,
} MlIndicatorStatus;

#define ML_INDICATOR_N_STATUSES (ML_INDICATOR_STATUS_NOT_MEASURABLE + 1)

/* Shares of the expected progress. Nine tenths leaves room for the noise of yearly statistics
 * without calling a real lag on track; below six tenths the gap is too large to close by
 * carrying on as before.
 */
#define ML_INDICATOR_ON_TRACK_SHARE 0.9
#define ML_INDICATOR_AT_RISK_SHARE  0.6

/* Most indicators of missions come from yearly statistics published some months after the
 * year; a year and a half covers that delay, and anything older says little about now.
 */
#define ML_INDICATOR_RECENT_MONTHS 18

MlElement        *ml_indicator_get_latest         (MlElement         *indicator);
double            ml_indicator_get_progress       (MlElement         *indicator);
gboolean          ml_indicator_is_measurable      (MlElement         *indicator);
double            ml_indicator_get_expected       (MlElement         *indicator,
                                                   MlDate             date);
MlIndicatorStatus ml_indicator_get_status         (MlElement         *indicator,
                                                   MlDate             today,
                                                   double            *share);
MlIndicatorStatus ml_objective_get_status         (MlElement         *objective,
                                                   MlDate             today);
MlIndicatorStatus ml_indicator_status_worst       (MlIndicatorStatus  a,
                                                   MlIndicatorStatus  b);
const char       *ml_indicator_status_get_nick    (MlIndicatorStatus  status);
const char       *ml_indicator_status_get_label   (MlIndicatorStatus  status);

G_END_DECLS
