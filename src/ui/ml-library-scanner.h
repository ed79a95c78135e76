/* ml-library-scanner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeps the index of a workspace current for the Library page: scans it in a worker thread,
 * one scan at a time, and again a moment after anything changes in the folder or its subfolders.
 */

#pragma once

#include <gio/gio.h>

#include "ml-index.h"

G_BEGIN_DECLS

#define ML_TYPE_LIBRARY_SCANNER (ml_library_scanner_get_type ())

G_DECLARE_FINAL_TYPE (MlLibraryScanner, ml_library_scanner, ML, LIBRARY_SCANNER, GObject)

MlLibraryScanner *ml_library_scanner_new             (void);
void              ml_library_scanner_set_workspace   (MlLibraryScanner *self,
                                                      const char       *workspace);
const char       *ml_library_scanner_get_workspace   (MlLibraryScanner *self);
void              ml_library_scanner_rescan          (MlLibraryScanner *self);
gboolean          ml_library_scanner_get_busy        (MlLibraryScanner *self);
MlIndex          *ml_library_scanner_get_index       (MlLibraryScanner *self);
GPtrArray        *ml_library_scanner_get_files       (MlLibraryScanner *self);
const GError     *ml_library_scanner_get_error       (MlLibraryScanner *self);
GDateTime        *ml_library_scanner_get_scanned_at  (MlLibraryScanner *self);

G_END_DECLS
