/* ml-bench-generate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Large, valid, deterministic projects for the benchmark, written straight into a string in the
 * canonical form of docs/format.md without going through the model, so that the benchmark can
 * measure the model against an independent input.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every run of the benchmark generates the same files from this seed. */
#define ML_BENCH_SEED 20240611u

typedef struct
{
  guint n_activities;     /* spread over n_activities / 50 workstreams */
  guint n_stakeholders;   /* at least 2 */
  guint n_relations;
  guint n_instruments;    /* 0: one per ten stakeholders */
  guint n_missions;       /* 0: five; each has three objectives */
  guint n_indicators;     /* 0: two per objective; otherwise spread over the objectives */
} MlBenchSize;

GBytes *ml_bench_generate (const MlBenchSize *size,
                           guint32            seed);

G_END_DECLS
