/* ml-validate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules a project obeys beyond the syntax of its values: references resolve to an element
 * of the right kind, dates are in order, relations join two stakeholders. The reader and every
 * edit apply the same rules.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

gboolean ml_validate_field    (MlProject  *project,
                               MlElement  *element,
                               MlField     field,
                               GError    **error);
gboolean ml_validate_tree     (MlProject  *project,
                               MlElement  *element,
                               GError    **error);
void     ml_validate_project  (MlProject  *project,
                               GPtrArray  *diagnostics);

G_END_DECLS
