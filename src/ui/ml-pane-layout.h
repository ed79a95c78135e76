/* ml-pane-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ML_TYPE_PANE_LAYOUT (ml_pane_layout_get_type ())

G_DECLARE_FINAL_TYPE (MlPaneLayout, ml_pane_layout, ML, PANE_LAYOUT, GtkLayoutManager)

GtkLayoutManager *ml_pane_layout_new (int natural_width);

G_END_DECLS
