/* ml-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project report: a PDF of A4 landscape pages with a title page, contents, page numbers and
 * a section for each part of the project, its charts drawn by the same renderers as the screen.
 */

#pragma once

#include "ml-date.h"
#include "ml-project.h"

G_BEGIN_DECLS

gboolean ml_report_write_pdf (MlProject   *project,
                              MlDate       today,
                              const char  *path,
                              GError     **error);

G_END_DECLS
