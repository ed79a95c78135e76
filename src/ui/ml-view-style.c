/* ml-view-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which core style a custom-drawn view uses: the projector style while the window presents
 * (each view is told by the window, there is no global state), else the screen style that
 * follows the desktop's light or dark preference.
 */

#define G_LOG_DOMAIN "ml-view-style"

#include "config.h"

#include <adwaita.h>

#include "ml-view-style.h"

/**
 * ml_view_style_get:
 * @presenting: whether the view is shown in presentation mode
 *
 * Returns: (transfer none): the style to draw with
 */
const MlStyle *
ml_view_style_get (gboolean presenting)
{
  if (presenting)
    return ml_style_get (ML_STYLE_PROJECTOR);

  return ml_style_get (adw_style_manager_get_dark (adw_style_manager_get_default ())
                         ? ML_STYLE_SCREEN_DARK
                         : ML_STYLE_SCREEN);
}
