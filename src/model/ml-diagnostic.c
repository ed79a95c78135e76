/* ml-diagnostic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-diagnostic"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-diagnostic.h"

G_DEFINE_BOXED_TYPE (MlDiagnostic, ml_diagnostic, ml_diagnostic_copy, ml_diagnostic_free)

MlDiagnostic *
ml_diagnostic_copy (const MlDiagnostic *self)
{
  MlDiagnostic *copy = g_new (MlDiagnostic, 1);

  *copy = *self;
  copy->message = g_strdup (self->message);

  return copy;
}

void
ml_diagnostic_free (MlDiagnostic *self)
{
  if (self == NULL)
    return;

  g_free (self->message);
  g_free (self);
}

/**
 * ml_diagnostic_format:
 * @self: a diagnostic
 * @filename: (nullable): the file it is about
 *
 * Returns: (transfer full): the diagnostic as compilers print them: `file:line: error: text`
 */
char *
ml_diagnostic_format (const MlDiagnostic *self,
                      const char         *filename)
{
  const char *severity = self->severity == ML_SEVERITY_ERROR ? _("error") : _("warning");

  if (filename != NULL && self->line > 0)
    return g_strdup_printf ("%s:%u: %s: %s", filename, self->line, severity, self->message);
  if (filename != NULL)
    return g_strdup_printf ("%s: %s: %s", filename, severity, self->message);

  return g_strdup_printf ("%s: %s", severity, self->message);
}

/**
 * ml_diagnostics_new:
 *
 * Returns: (transfer full) (element-type MlDiagnostic): an empty list of diagnostics
 */
GPtrArray *
ml_diagnostics_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ml_diagnostic_free);
}

void
ml_diagnostics_add (GPtrArray  *diagnostics,
                    MlSeverity  severity,
                    guint       line,
                    const char *format,
                    ...)
{
  MlDiagnostic *diagnostic;
  va_list args;

  if (diagnostics == NULL)
    return;

  diagnostic = g_new (MlDiagnostic, 1);
  diagnostic->severity = severity;
  diagnostic->line = line;
  va_start (args, format);
  diagnostic->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (diagnostics, diagnostic);
}

guint
ml_diagnostics_count (GPtrArray  *diagnostics,
                      MlSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const MlDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity == severity)
        n++;
    }

  return n;
}

static int
compare_by_line (gconstpointer a,
                 gconstpointer b)
{
  const MlDiagnostic *da = *(const MlDiagnostic **) a;
  const MlDiagnostic *db = *(const MlDiagnostic **) b;

  return (da->line > db->line) - (da->line < db->line);
}

/**
 * ml_diagnostics_sort:
 *
 * Sorts by line, keeping the order of diagnostics on the same line.
 */
void
ml_diagnostics_sort (GPtrArray *diagnostics)
{
  g_ptr_array_sort (diagnostics, compare_by_line);
}
