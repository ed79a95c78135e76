/* ml-project.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ml-element.h"

G_BEGIN_DECLS

#define ML_FORMAT_NAMESPACE "https://example.org/ns/missionlab"
#define ML_FORMAT_MAJOR 1
#define ML_FORMAT_MINOR 2

#define ML_TYPE_PROJECT (ml_project_get_type ())

G_DECLARE_FINAL_TYPE (MlProject, ml_project, ML, PROJECT, GObject)

typedef struct
{
  MlElement *element;
  MlField    field;
} MlReference;

MlProject  *ml_project_new                (void);
MlElement  *ml_project_get_root           (MlProject   *self);
MlElement  *ml_project_lookup             (MlProject   *self,
                                           const char  *id);
guint       ml_project_get_format_minor   (MlProject   *self);
GPtrArray  *ml_project_collect            (MlProject   *self,
                                           MlKind       kind);
GArray     *ml_project_find_referrers     (MlProject   *self,
                                           MlElement   *element);
char       *ml_project_dup_title          (MlProject   *self,
                                           MlElement   *element);
char       *ml_project_generate_id        (MlProject   *self,
                                           MlKind       kind);
void        ml_project_connect_any_change (MlProject   *self,
                                           GCallback    callback,
                                           gpointer     data);

G_END_DECLS
