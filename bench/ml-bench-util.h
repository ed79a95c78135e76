/* ml-bench-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every section of the benchmark measures with: wall-clock milliseconds, medians and
 * percentiles of runs, the peak memory of the process and of a program it runs, libxml2's
 * options as the reader parses, so that a bare parse is comparable with a load, and a loader
 * of generated projects that fails loudly when one does not load cleanly.
 */

#pragma once

#include <glib.h>
#include <libxml/parser.h>

#include "ml-project.h"

G_BEGIN_DECLS

#define ML_BENCH_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                                XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

double     ml_bench_elapsed_ms        (gint64             start);
double     ml_bench_median            (double            *values,
                                       guint              n);
double     ml_bench_percentile        (double            *values,
                                       guint              n,
                                       double             percent);
guint64    ml_bench_status_kb         (const char        *field);
void       ml_bench_reset_peak_rss    (void);
double     ml_bench_peak_mb           (void);
void       ml_bench_spawn             (const char *const *argv,
                                       GSpawnFlags        flags,
                                       char             **standard_output,
                                       double            *elapsed_ms,
                                       double            *peak_mb);
void       ml_bench_fail              (const char        *format,
                                       ...) G_GNUC_NORETURN G_GNUC_PRINTF (1, 2);
void       ml_bench_print_diagnostics (GPtrArray         *diagnostics,
                                       const char        *path);
MlProject *ml_bench_load_checked      (const char        *path);
MlProject *ml_bench_read_generated    (const char        *xml,
                                       gsize              length,
                                       const char        *name);

G_END_DECLS
