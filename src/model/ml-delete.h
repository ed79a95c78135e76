/* ml-delete.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-command.h"

G_BEGIN_DECLS

MlCommand *ml_command_new_delete (MlProject  *project,
                                  MlElement  *element,
                                  char      **consequences);

G_END_DECLS
