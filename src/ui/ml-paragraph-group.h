/* ml-paragraph-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A titled group holding one framed text view, for the paragraphs forms ask for: a description,
 * criteria, a rationale.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *ml_paragraph_group_new (const char  *title,
                                   GtkWidget  **text_view);

G_END_DECLS
