/* ml-command.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to a project is a command: it checks the change against the project's rules,
 * applies it, announces it, and can revert it. The undo stack records commands.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

#define ML_TYPE_COMMAND (ml_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (MlCommand, ml_command, ML, COMMAND, GObject)

struct _MlCommandClass
{
  GObjectClass parent_class;

  gboolean (*apply)  (MlCommand  *self,
                      MlProject  *project,
                      GError    **error);
  void     (*revert) (MlCommand  *self,
                      MlProject  *project);
  gboolean (*merge)  (MlCommand  *self,
                      MlCommand  *next);
};

MlCommand  *ml_command_new_set        (MlElement      *element,
                                       MlField         field,
                                       const MlValue  *value);
MlCommand  *ml_command_new_insert     (MlElement      *parent,
                                       MlElement      *child,
                                       int             position);
MlCommand  *ml_command_new_remove     (MlElement      *element);
MlCommand  *ml_command_new_group      (const char     *label,
                                       MlCommand      *first,
                                       ...) G_GNUC_NULL_TERMINATED;
MlCommand  *ml_command_new_group_from_array (const char *label,
                                            GPtrArray  *commands);
const char *ml_command_get_label      (MlCommand      *self);
void        ml_command_set_merge_key  (MlCommand      *self,
                                       guint           merge_key);
guint       ml_command_get_merge_key  (MlCommand      *self);
gboolean    ml_command_apply          (MlCommand      *self,
                                       MlProject      *project,
                                       GError        **error);
void        ml_command_revert         (MlCommand      *self,
                                       MlProject      *project);
gboolean    ml_command_merge          (MlCommand      *self,
                                       MlCommand      *next);

G_END_DECLS
