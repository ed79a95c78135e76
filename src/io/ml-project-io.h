/* ml-project-io.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-file.h"
#include "ml-project.h"

G_BEGIN_DECLS

MlProject *ml_project_load  (const char         *path,
                             MlFileStamp        *stamp,
                             GPtrArray          *diagnostics,
                             GError            **error);
gboolean   ml_project_save  (MlProject          *project,
                             const char         *path,
                             const MlFileStamp  *expected,
                             MlFileStamp        *stamp,
                             GError            **error);

G_END_DECLS
