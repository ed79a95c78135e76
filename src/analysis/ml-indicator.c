/* ml-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-indicator"

#include "config.h"

#include <math.h>

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
