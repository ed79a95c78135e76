/* ml-bench-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ml-bench-util.h"
#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-xml-reader.h"

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
 * measurement run after a larger one reports its own peak. Where it cannot, the peak stays
 * that of the whole process, which is still an upper bound. */
void
ml_bench_reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file == NULL)
    return;
  fputs ("5", file);
  fclose (file);
}

/* The peak resident memory since the process started or since ml_bench_reset_peak_rss(). */
double
ml_bench_peak_mb (void)
{
  return (double) ml_bench_status_kb ("VmHWM") / 1024.0;
}

/**
 * ml_bench_spawn:
 * @argv: the program and its arguments
 * @flags: how to spawn it, besides what this function needs
 * @standard_output: (out) (optional): what the program printed, or %NULL to throw it away
 * @elapsed_ms: (out) (optional): from starting it to its exit
 * @peak_mb: (out) (optional): its peak resident memory, as the kernel counted it
 *
 * Runs a program to its end, and fails the benchmark unless it succeeds.
 */
void
ml_bench_spawn (const char *const *argv,
                GSpawnFlags        flags,
                char             **standard_output,
                double            *elapsed_ms,
                double            *peak_mb)
{
  g_autoptr(GString) output = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  GPid pid;
  int out = -1;
  int status;

  if (standard_output == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, flags | G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, standard_output != NULL ? &out : NULL,
                                 NULL, &error))
    ml_bench_fail ("could not run %s: %s", argv[0], error->message);

  if (out >= 0)
    {
      char buffer[4096];
      gssize n;

      while ((n = read (out, buffer, sizeof buffer)) != 0)
        {
          if (n < 0 && errno != EINTR)
            ml_bench_fail ("could not read what %s printed: %s", argv[0], g_strerror (errno));
          if (n > 0)
            g_string_append_len (output, buffer, n);
        }
      close (out);
    }

  /* wait4() rather than waitpid(): it tells the peak memory of this one child. */
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      ml_bench_fail ("could not wait for %s: %s", argv[0], g_strerror (errno));
  if (elapsed_ms != NULL)
    *elapsed_ms = ml_bench_elapsed_ms (start);
  g_spawn_close_pid (pid);
  if (!g_spawn_check_wait_status (status, &error))
    ml_bench_fail ("%s %s: %s", argv[0], argv[1] != NULL ? argv[1] : "", error->message);

  if (peak_mb != NULL)
    *peak_mb = (double) usage.ru_maxrss / 1024.0;   /* kB on Linux */
  if (standard_output != NULL)
    *standard_output = g_string_free (g_steal_pointer (&output), FALSE);
}

void
ml_bench_fail (const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("missionlab-bench: FAILED: %s\n", message);
  exit (EXIT_FAILURE);
}

void
ml_bench_print_diagnostics (GPtrArray  *diagnostics,
                            const char *path)
{
  for (guint i = 0; i < diagnostics->len && i < 20; i++)
    {
      g_autofree char *text = ml_diagnostic_format (g_ptr_array_index (diagnostics, i), path);

      g_printerr ("%s\n", text);
    }
  if (diagnostics->len > 20)
    g_printerr ("... and %u more\n", diagnostics->len - 20);
}

/**
 * ml_bench_load_checked:
 *
 * Loads a generated or saved project, and fails the benchmark if it does not load without a
 * single error or warning: a benchmark of error paths would measure the wrong thing.
 *
 * Returns: (transfer full): the project
 */
MlProject *
ml_bench_load_checked (const char *path)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = ml_project_load (path, NULL, diagnostics, &error);

  if (project == NULL || diagnostics->len > 0)
    {
      ml_bench_print_diagnostics (diagnostics, path);
      ml_bench_fail ("%s does not load cleanly: %s", path,
                     error != NULL ? error->message : "diagnostics");
    }

  return g_steal_pointer (&project);
}

/**
 * ml_bench_read_generated:
 *
 * Reads a generated project from memory, and fails the benchmark as
 * ml_bench_load_checked() does.
 *
 * Returns: (transfer full): the project
 */
MlProject *
ml_bench_read_generated (const char *xml,
                         gsize       length,
                         const char *name)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = ml_xml_read (xml, length, name, diagnostics, &error);

  if (project == NULL || diagnostics->len > 0)
    {
      ml_bench_print_diagnostics (diagnostics, name);
      ml_bench_fail ("the generated %s does not load cleanly: %s", name,
                     error != NULL ? error->message : "diagnostics");
    }

  return g_steal_pointer (&project);
}
