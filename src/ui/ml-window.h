/* ml-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-application.h"
#include "ml-document.h"

G_BEGIN_DECLS

#define ML_TYPE_WINDOW (ml_window_get_type ())

G_DECLARE_FINAL_TYPE (MlWindow, ml_window, ML, WINDOW, AdwApplicationWindow)

MlWindow   *ml_window_new           (MlApplication *application);
MlDocument *ml_window_get_document  (MlWindow      *self);
void        ml_window_set_document  (MlWindow      *self,
                                     MlDocument    *document);
MlElement  *ml_window_get_selected  (MlWindow      *self);
void        ml_window_select        (MlWindow      *self,
                                     MlElement     *element);
void        ml_window_show_error    (MlWindow      *self,
                                     const char    *title,
                                     const char    *details);
gboolean    ml_window_get_presenting (MlWindow     *self);
void        ml_window_show_toast    (MlWindow      *self,
                                     const char    *message);

G_END_DECLS
