/* ml-bench-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one table the benchmark prints: a row per measurement with its median, its 99th
 * percentile where it has one, the reference it is compared with and the ratio, the peak
 * memory of the process while it measured, and its target. Each group of measurements runs in
 * a fresh process of the benchmark, which hands its rows to the parent as lines of text.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *what;
  char   *size;
  double  median;         /* milliseconds */
  double  p99;            /* NAN when the row has no distribution worth showing */
  char   *reference;      /* NULL when compared with nothing */
  double  reference_ms;
  double  peak_mb;        /* of this measurement; NAN: the peak of the process that ran it */
  double  reference_peak_mb;
  double  target_ms;      /* each target NAN when the issues set none */
  double  target_p99_ms;
  double  target_ratio;   /* of the median to the reference */
} MlBenchRow;

typedef struct _MlBenchTable MlBenchTable;

MlBenchTable *ml_bench_table_new         (void);
void          ml_bench_table_free        (MlBenchTable *self);
MlBenchRow   *ml_bench_table_add         (MlBenchTable *self,
                                          const char   *what,
                                          const char   *size,
                                          double        median);
void          ml_bench_row_set_reference (MlBenchRow   *row,
                                          const char   *reference,
                                          double        reference_ms,
                                          double        reference_peak_mb);
void          ml_bench_table_write       (MlBenchTable *self);
gboolean      ml_bench_table_read        (MlBenchTable *self,
                                          const char   *text,
                                          double        process_peak_mb);
gboolean      ml_bench_table_print       (MlBenchTable *self);
char         *ml_bench_format_count      (guint         n);
void          ml_bench_print_machine     (void);
char         *ml_bench_load_average      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlBenchTable, ml_bench_table_free)

G_END_DECLS
