/* ml-library-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ML_TYPE_LIBRARY_PAGE (ml_library_page_get_type ())

G_DECLARE_FINAL_TYPE (MlLibraryPage, ml_library_page, ML, LIBRARY_PAGE, AdwBin)

G_END_DECLS
