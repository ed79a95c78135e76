/* ml-bench-load.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-bench-table.h"

G_BEGIN_DECLS

void ml_bench_load       (MlBenchTable *table,
                          guint         n_activities,
                          gboolean      keep);
int  ml_bench_load_child (const char   *path,
                          gboolean      save);

G_END_DECLS
