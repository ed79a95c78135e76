/* ml-status-pill.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coloured pill that shows an indicator's or an objective's status, in words, and an
 * objective's heading with its pill, as the Overview and the Indicators page show it.
 */

#pragma once

#include <gtk/gtk.h>

#include "ml-indicator.h"

G_BEGIN_DECLS

GtkWidget *ml_status_pill_new                   (MlIndicatorStatus  status);
GtkWidget *ml_status_pill_new_objective_heading (MlElement         *objective,
                                                 MlDate             today);

G_END_DECLS
