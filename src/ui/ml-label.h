/* ml-label.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wrapping, start-aligned labels the pages build their text from.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *ml_label_new_wrapping (const char *text,
                                  const char *css_class);

G_END_DECLS
