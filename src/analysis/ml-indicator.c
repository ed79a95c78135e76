/* ml-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-indicator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-enums.h"
#include "ml-indicator.h"

/**
 * ml_indicator_get_latest:
 * @indicator: an element of kind %ML_KIND_INDICATOR
 *
 * Returns: (transfer none) (nullable): the measurement with the latest date (the last listed
 *   of those on that date), or %NULL if there is none
 */
MlElement *
ml_indicator_get_latest (MlElement *indicator)
{
  GPtrArray *measurements;
  MlElement *latest = NULL;

  g_return_val_if_fail (ML_IS_ELEMENT (indicator), NULL);
  g_return_val_if_fail (ml_element_get_kind (indicator) == ML_KIND_INDICATOR, NULL);

  measurements = ml_element_get_children (indicator, ML_KIND_MEASUREMENT);
  for (guint i = 0; measurements != NULL && i < measurements->len; i++)
    {
      MlElement *measurement = g_ptr_array_index (measurements, i);

      if (latest == NULL || ml_element_get_date (measurement, ML_MEASUREMENT_DATE) >=
                            ml_element_get_date (latest, ML_MEASUREMENT_DATE))
        latest = measurement;
    }

  return latest;
}

/**
 * ml_indicator_get_progress:
 * @indicator: an element of kind %ML_KIND_INDICATOR
 *
 * The share of the way from the baseline to the target that the latest measurement has
 * covered: 0 at the baseline, 1 at the target, negative when it moved away from the target,
 * above 1 beyond it. Whether the indicator should rise or fall follows from baseline and
 * target themselves.
 *
 * Returns: the progress, or NAN without a baseline, a target different from it, and a
 *   measurement
 */
double
ml_indicator_get_progress (MlElement *indicator)
{
  double baseline, target;
  MlElement *latest;

  g_return_val_if_fail (ML_IS_ELEMENT (indicator), NAN);

  baseline = ml_element_get_number (indicator, ML_INDICATOR_BASELINE);
  target = ml_element_get_number (indicator, ML_INDICATOR_TARGET);
  latest = ml_indicator_get_latest (indicator);
  if (isnan (baseline) || isnan (target) || baseline == target || latest == NULL)
    return NAN;

  return (ml_element_get_number (latest, ML_MEASUREMENT_VALUE) - baseline) / (target - baseline);
}

/**
 * ml_indicator_is_measurable:
 * @indicator: an element of kind %ML_KIND_INDICATOR
 *
 * Returns: whether the indicator has a baseline, a target and both their dates, with the
 *   target date not before the baseline date: all a trajectory needs
 */
gboolean
ml_indicator_is_measurable (MlElement *indicator)
{
  MlDate baseline_date, target_date;

  g_return_val_if_fail (ML_IS_ELEMENT (indicator), FALSE);
  g_return_val_if_fail (ml_element_get_kind (indicator) == ML_KIND_INDICATOR, FALSE);

  baseline_date = ml_element_get_date (indicator, ML_INDICATOR_BASELINE_DATE);
  target_date = ml_element_get_date (indicator, ML_INDICATOR_TARGET_DATE);
  return !isnan (ml_element_get_number (indicator, ML_INDICATOR_BASELINE)) &&
         !isnan (ml_element_get_number (indicator, ML_INDICATOR_TARGET)) &&
         baseline_date != ML_DATE_NONE && target_date != ML_DATE_NONE &&
         target_date >= baseline_date;
}

/**
 * ml_indicator_get_expected:
 * @indicator: an element of kind %ML_KIND_INDICATOR
 * @date: the date to read the trajectory at
 *
 * The value the indicator should have on @date if it moved in a straight line, day by day,
 * from its baseline on the baseline date to its target on the target date. Before the
 * baseline date the baseline is expected, since nothing was promised yet; from the target date
 * on, the target itself, since a target once reached is to be kept, not overshot.
 *
 * Returns: the expected value, or NAN if the indicator is not measurable
 */
double
ml_indicator_get_expected (MlElement *indicator,
                           MlDate     date)
{
  double baseline, target;
  MlDate baseline_date, target_date;

  g_return_val_if_fail (ML_IS_ELEMENT (indicator), NAN);

  if (!ml_indicator_is_measurable (indicator))
    return NAN;

  baseline = ml_element_get_number (indicator, ML_INDICATOR_BASELINE);
  target = ml_element_get_number (indicator, ML_INDICATOR_TARGET);
  baseline_date = ml_element_get_date (indicator, ML_INDICATOR_BASELINE_DATE);
  target_date = ml_element_get_date (indicator, ML_INDICATOR_TARGET_DATE);

  /* The target date is tested first so that equal dates expect the target, not a division
   * by zero.
   */
  if (date >= target_date)
    return target;
  if (date <= baseline_date)
    return baseline;
  return baseline + (target - baseline) * (double) (date - baseline_date) /
                    (double) (target_date - baseline_date);
}

/* The date ML_INDICATOR_RECENT_MONTHS months before @today; GDate clamps the 31st to the end
 * of shorter months.
 */
static MlDate
subtract_recent_months (MlDate today)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, today);
  g_date_subtract_months (&date, ML_INDICATOR_RECENT_MONTHS);
  return g_date_get_julian (&date);
}

/* Whether @value is on the good side of @reference or level with it, for an indicator that
 * should rise when @increase.
 */
static gboolean
is_not_worse (double   value,
              double   reference,
              gboolean increase)
{
  return increase ? value >= reference : value <= reference;
}

/**
 * ml_indicator_get_status:
 * @indicator: an element of kind %ML_KIND_INDICATOR
 * @today: the date the status is for, usually ml_date_today()
 * @share: (out) (optional): the share of the expected progress achieved, or NAN when the
 *   status does not rest on one
 *
 * Compares the latest measurement with the trajectory of ml_indicator_get_expected() at the
 * measurement's own date, so a lag in publishing statistics does not count against the
 * indicator. The share achieved is (value − baseline) / (expected − baseline); it is at least
 * %ML_INDICATOR_ON_TRACK_SHARE on track, at least %ML_INDICATOR_AT_RISK_SHARE at risk, and
 * off track below. Dividing by the expected change makes the share the same whether the
 * indicator should rise or fall, so the direction is implied by baseline and target.
 *
 * When no change is expected — the target equals the baseline (the aim is to hold a level),
 * or the measurement is not after the baseline date — there is no share: the indicator is on
 * track if it is not worse than the baseline and off track otherwise. Which way is worse is
 * then the indicator's `direction` attribute when target equals baseline, and the way to the
 * target otherwise.
 *
 * Returns: the status
 */
MlIndicatorStatus
ml_indicator_get_status (MlElement *indicator,
                         MlDate     today,
                         double    *share)
{
  double baseline, target, value, expected, achieved;
  MlElement *latest;
  MlDate date;
  gboolean increase;

  if (share != NULL)
    *share = NAN;

  g_return_val_if_fail (ML_IS_ELEMENT (indicator), ML_INDICATOR_STATUS_NOT_MEASURABLE);
  g_return_val_if_fail (ml_element_get_kind (indicator) == ML_KIND_INDICATOR,
                        ML_INDICATOR_STATUS_NOT_MEASURABLE);

  if (!ml_indicator_is_measurable (indicator))
    return ML_INDICATOR_STATUS_NOT_MEASURABLE;

  latest = ml_indicator_get_latest (indicator);
  if (latest == NULL)
    return ML_INDICATOR_STATUS_NO_RECENT_DATA;
  date = ml_element_get_date (latest, ML_MEASUREMENT_DATE);
  if (date < subtract_recent_months (today))
    return ML_INDICATOR_STATUS_NO_RECENT_DATA;

  baseline = ml_element_get_number (indicator, ML_INDICATOR_BASELINE);
  target = ml_element_get_number (indicator, ML_INDICATOR_TARGET);
  value = ml_element_get_number (latest, ML_MEASUREMENT_VALUE);
  expected = ml_indicator_get_expected (indicator, date);

  if (expected == baseline)
    {
      if (target == baseline)
        increase = ml_element_get_enum (indicator, ML_INDICATOR_DIRECTION) !=
                   ML_DIRECTION_DECREASE;
      else
        increase = target > baseline;
      return is_not_worse (value, baseline, increase) ? ML_INDICATOR_STATUS_ON_TRACK
                                                      : ML_INDICATOR_STATUS_OFF_TRACK;
    }

  achieved = (value - baseline) / (expected - baseline);
  if (share != NULL)
    *share = achieved;
  if (achieved >= ML_INDICATOR_ON_TRACK_SHARE)
    return ML_INDICATOR_STATUS_ON_TRACK;
  if (achieved >= ML_INDICATOR_AT_RISK_SHARE)
    return ML_INDICATOR_STATUS_AT_RISK;
  return ML_INDICATOR_STATUS_OFF_TRACK;
}

/* How much a status should worry: data that is missing is a lesser alarm than data showing a
 * lag, since the lag is known and the missing data might be fine.
 */
static int
get_severity (MlIndicatorStatus status)
{
  switch (status)
    {
    case ML_INDICATOR_STATUS_NOT_MEASURABLE:
      return 0;
    case ML_INDICATOR_STATUS_ON_TRACK:
      return 1;
    case ML_INDICATOR_STATUS_NO_RECENT_DATA:
      return 2;
    case ML_INDICATOR_STATUS_AT_RISK:
      return 3;
    case ML_INDICATOR_STATUS_OFF_TRACK:
      return 4;
    default:
      g_return_val_if_reached (0);
    }
}

/**
 * ml_indicator_status_worst:
 * @a: a status
 * @b: another status
 *
 * The more worrying of two statuses, from least to most: not measurable, on track, no recent
 * data, at risk, off track. Not measurable is least so that it never hides another.
 *
 * Returns: @a or @b
 */
MlIndicatorStatus
ml_indicator_status_worst (MlIndicatorStatus a,
                           MlIndicatorStatus b)
{
  return get_severity (b) > get_severity (a) ? b : a;
}

/**
 * ml_objective_get_status:
 * @objective: an element of kind %ML_KIND_OBJECTIVE
 * @today: the date the status is for
 *
 * An objective is only as well off as its worst indicator: an objective with one indicator off
 * track is off track. Indicators that are not measurable are left out.
 *
 * Returns: the worst status of the objective's indicators, or
 *   %ML_INDICATOR_STATUS_NOT_MEASURABLE if none is measurable
 */
MlIndicatorStatus
ml_objective_get_status (MlElement *objective,
                         MlDate     today)
{
  MlIndicatorStatus worst = ML_INDICATOR_STATUS_NOT_MEASURABLE;
  GPtrArray *indicators;

  g_return_val_if_fail (ML_IS_ELEMENT (objective), ML_INDICATOR_STATUS_NOT_MEASURABLE);
  g_return_val_if_fail (ml_element_get_kind (objective) == ML_KIND_OBJECTIVE,
                        ML_INDICATOR_STATUS_NOT_MEASURABLE);

  indicators = ml_element_get_children (objective, ML_KIND_INDICATOR);
  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    worst = ml_indicator_status_worst (
      worst, ml_indicator_get_status (g_ptr_array_index (indicators, i), today, NULL));

  return worst;
}

static const char *const status_nicks[] = {
  "on-track", "at-risk", "off-track", "no-recent-data", "not-measurable",
};

static const char *const status_labels[] = {
  N_("On track"), N_("At risk"), N_("Off track"), N_("No recent data"), N_("Not measurable"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_nicks) == ML_INDICATOR_N_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (status_labels) == ML_INDICATOR_N_STATUSES);

/**
 * ml_indicator_status_get_nick:
 * @status: a status
 *
 * Returns: (transfer none): a fixed, untranslated name for files and pipes, such as `on-track`
 */
const char *
ml_indicator_status_get_nick (MlIndicatorStatus status)
{
  g_return_val_if_fail ((guint) status < ML_INDICATOR_N_STATUSES, NULL);

  return status_nicks[status];
}

/**
 * ml_indicator_status_get_label:
 * @status: a status
 *
 * Returns: (transfer none): the translated name to show people, such as “On track”
 */
const char *
ml_indicator_status_get_label (MlIndicatorStatus status)
{
  g_return_val_if_fail ((guint) status < ML_INDICATOR_N_STATUSES, NULL);

  return _(status_labels[status]);
}
