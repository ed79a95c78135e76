/* ml-element-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ml-project.h"

G_BEGIN_DECLS

char *ml_element_summary          (MlProject  *project,
                                   MlElement  *element);
void  ml_element_summary_set_view (GtkWidget  *view,
                                   MlProject  *project,
                                   MlElement  *selected,
                                   const char *contents,
                                   const char *keys);

G_END_DECLS
