/* ml-create.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

MlElement *ml_element_create (MlProject  *project,
                              MlElement  *parent,
                              MlKind      kind,
                              MlDate      today,
                              GError    **error);

G_END_DECLS
