/* ml-decision-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-document.h"

G_BEGIN_DECLS

#define ML_TYPE_DECISION_DIALOG (ml_decision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MlDecisionDialog, ml_decision_dialog, ML, DECISION_DIALOG, AdwWindow)

MlDecisionDialog *ml_decision_dialog_new (GtkWindow  *parent,
                                          MlDocument *document,
                                          MlElement  *point);

G_END_DECLS
