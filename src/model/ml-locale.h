/* ml-locale.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a MissionLab program does first: take the user's locale and find the translations.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ml_locale_init (void);

G_END_DECLS
