/* ml-diagnostic.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A problem found in a project: where (a line of the file) and a plain sentence.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ML_SEVERITY_ERROR,
  ML_SEVERITY_WARNING,
} MlSeverity;

typedef struct
{
  MlSeverity  severity;
  guint       line;     /* 0 when not tied to a line */
  char       *message;
} MlDiagnostic;

#define ML_TYPE_DIAGNOSTIC (ml_diagnostic_get_type ())

GType         ml_diagnostic_get_type    (void) G_GNUC_CONST;
MlDiagnostic *ml_diagnostic_copy        (const MlDiagnostic *self);
void          ml_diagnostic_free        (MlDiagnostic       *self);
char         *ml_diagnostic_format      (const MlDiagnostic *self,
                                         const char         *filename);

GPtrArray    *ml_diagnostics_new        (void);
void          ml_diagnostics_add        (GPtrArray          *diagnostics,
                                         MlSeverity          severity,
                                         guint               line,
                                         const char         *format,
                                         ...) G_GNUC_PRINTF (4, 5);
guint         ml_diagnostics_count      (GPtrArray          *diagnostics,
                                         MlSeverity          severity);
void          ml_diagnostics_sort       (GPtrArray          *diagnostics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlDiagnostic, ml_diagnostic_free)

G_END_DECLS
