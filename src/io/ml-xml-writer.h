/* ml-xml-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

GBytes *ml_xml_write (MlProject *project);

G_END_DECLS
