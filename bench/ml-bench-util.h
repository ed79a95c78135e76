/* ml-bench-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every section of the benchmark measures with: wall-clock milliseconds, medians and
 * percentiles of runs, the peak memory of the process, and libxml2's options as the reader
 * parses, so that a bare parse is comparable with a load.
 */

#pragma once

#include <glib.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

#define ML_BENCH_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                                XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

double   ml_bench_elapsed_ms      (gint64  start);
double   ml_bench_median          (double *values,
                                   guint   n);
double   ml_bench_percentile      (double *values,
                                   guint   n,
                                   double  percent);
guint64  ml_bench_status_kb       (const char *field);
gboolean ml_bench_reset_peak_rss  (void);

G_END_DECLS
