/* ml-tool-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *ml_tool_button_new (const char *icon_name,
                               const char *label,
                               const char *tooltip,
                               const char *action_name);

G_END_DECLS
