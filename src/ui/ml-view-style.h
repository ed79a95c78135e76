/* ml-view-style.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-style.h"

G_BEGIN_DECLS

const MlStyle *ml_view_style_get (gboolean presenting);

G_END_DECLS
