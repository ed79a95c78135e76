/* ml-mission-banner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The title a view shows over its content while a presentation focuses on one mission, so
 * that the room knows the roadmap, the mix or the map it sees is that mission's only.
 */

#pragma once

#include <gtk/gtk.h>

#include "ml-element.h"

G_BEGIN_DECLS

GtkWidget *ml_mission_banner_new         (void);
void       ml_mission_banner_set_mission (GtkWidget *banner,
                                          MlElement *mission);

G_END_DECLS
