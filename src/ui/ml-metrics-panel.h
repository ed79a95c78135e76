/* ml-metrics-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-project.h"

G_BEGIN_DECLS

#define ML_TYPE_METRICS_PANEL (ml_metrics_panel_get_type ())

G_DECLARE_FINAL_TYPE (MlMetricsPanel, ml_metrics_panel, ML, METRICS_PANEL, AdwBin)

void ml_metrics_panel_set_project (MlMetricsPanel *self,
                                   MlProject      *project);

G_END_DECLS
