/* ml-bench-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ml-bench-util.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
ml_bench_elapsed_ms (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* Sorts @values in place. */
double
ml_bench_median (double *values,
                 guint   n)
{
  g_return_val_if_fail (values != NULL && n > 0, NAN);

  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The nearest-rank percentile: the smallest value that @percent per cent of the values do not
 * exceed. Sorts @values in place. */
double
ml_bench_percentile (double *values,
                     guint   n,
                     double  percent)
{
  guint rank;

  g_return_val_if_fail (values != NULL && n > 0, NAN);
  g_return_val_if_fail (percent > 0 && percent <= 100, NAN);

  qsort (values, n, sizeof (double), compare_doubles);
  rank = (guint) ceil (percent / 100.0 * n);

  return values[CLAMP (rank, 1, n) - 1];
}

/* A size in kB from /proc/self/status: "VmRSS" the resident memory now, "VmHWM" its peak
 * (since the process started or since ml_bench_reset_peak_rss()); 0 when /proc cannot tell. */
guint64
ml_bench_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strdup_printf ("\n%s:", field);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, key);
  if (line == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen (key), NULL, 10);
}

/* Linux (4.0 and later) starts the peak over from the current size when told "5": so that a
 * section run after a larger one reports its own peak. */
gboolean
ml_bench_reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean written;

  if (file == NULL)
    return FALSE;
  written = fputs ("5", file) >= 0;

  return fclose (file) == 0 && written;
}
