/* ml-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing CSV (RFC 4180) that spreadsheets and scripts read back as it was written.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ml_csv_append_field (GString    *out,
                          const char *text);

G_END_DECLS
