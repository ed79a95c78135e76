/* ml-view-style.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ml-style.h"

G_BEGIN_DECLS

double  ml_view_style_get_text_scale (GtkWidget *widget);
MlStyle ml_view_style_get            (GtkWidget *widget,
                                      gboolean   presenting);
void    ml_view_style_watch          (GtkWidget *widget,
                                      GCallback  changed);

G_END_DECLS
