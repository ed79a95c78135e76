/* ml-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-document.h"

G_BEGIN_DECLS

#define ML_TYPE_APPLICATION (ml_application_get_type ())

G_DECLARE_FINAL_TYPE (MlApplication, ml_application, ML, APPLICATION, AdwApplication)

MlApplication *ml_application_new                (void);
GSettings     *ml_application_get_settings       (MlApplication *self);
const char    *ml_application_get_recovery_dir   (MlApplication *self);
char          *ml_application_get_samples_dir    (MlApplication *self);
void           ml_application_open_path          (MlApplication *self,
                                                  const char    *path);
void           ml_application_add_recent         (MlApplication *self,
                                                  const char    *path);
void           ml_application_offer_recovery     (MlApplication *self,
                                                  GtkWindow     *parent);

G_END_DECLS
