/* ml-bench-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ml_bench_index (gboolean quick);

G_END_DECLS
