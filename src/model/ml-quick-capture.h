/* ml-quick-capture.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-command.h"
#include "ml-date.h"
#include "ml-project.h"

G_BEGIN_DECLS

MlCommand *ml_quick_capture_parse (MlProject   *project,
                                   MlElement   *mission,
                                   const char  *line,
                                   MlDate       today,
                                   MlElement  **created,
                                   GError     **error);

G_END_DECLS
