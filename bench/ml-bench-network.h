/* ml-bench-network.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-bench-table.h"

G_BEGIN_DECLS

void ml_bench_network (MlBenchTable *table,
                       guint         n_nodes);

G_END_DECLS
