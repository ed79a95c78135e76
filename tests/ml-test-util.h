/* ml-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the analysis tests share: a project from XML text, a date that must parse, the amount of a currency in budgets, a pixel of an image surface, a run of the CLI, a sample exported to every format, one test per bundled sample, and what an index answers.
 */

#pragma once

#include <cairo.h>

#include "ml-index.h"
#include "ml-project.h"
#include "ml-roadmap-export.h"

G_BEGIN_DECLS

typedef struct
{
  guint8 red, green, blue;
} MlTestPixel;

/* What a run of missionlab-cli returned. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} MlTestRun;

/* Writes PROJECT as FORMAT to PATH with the export's defaults (SVG in projector style). */
typedef gboolean (*MlTestExportFunc) (MlProject        *project,
                                      MlRoadmapFormat   format,
                                      const char       *path,
                                      GError          **error);

MlProject   *ml_test_load_text        (const char       *text);
MlDate       ml_test_parse_date       (const char       *text);
double       ml_test_budget_in        (GArray           *budgets,
                                       const char       *currency);
MlElement   *ml_test_lookup           (MlProject        *project,
                                       const char       *id);
void         ml_test_add_sample_tests (const char       *prefix,
                                       GTestDataFunc     func);
guint        ml_test_count_red        (cairo_surface_t  *surface,
                                       double            x0,
                                       double            y0,
                                       double            x1,
                                       double            y1);
MlTestPixel  ml_test_get_pixel        (cairo_surface_t  *surface,
                                       int               x,
                                       int               y);
gboolean     ml_test_pixel_is         (MlTestPixel       pixel,
                                       const MlColor    *color);
void         ml_test_run_clear        (MlTestRun        *run);
void         ml_test_run_cli          (MlTestRun        *run,
                                       const char       *first,
                                       ...) G_GNUC_NULL_TERMINATED;
void         ml_test_assert_exports   (const char       *sample,
                                       MlTestExportFunc  export_func);
char        *ml_test_describe_index   (MlIndex          *index);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MlTestRun, ml_test_run_clear)

G_END_DECLS
