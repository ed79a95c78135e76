/* ml-xml-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

MlProject *ml_xml_read (const char  *data,
                        gsize        length,
                        const char  *filename,
                        GPtrArray   *diagnostics,
                        GError     **error);

G_END_DECLS
