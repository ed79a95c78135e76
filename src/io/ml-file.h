/* ml-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a file within a size limit, and replacing one atomically with a backup, refusing to
 * overwrite changes made by someone else since it was read.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ML_FILE_MAX_SIZE ((gsize) 64 * 1024 * 1024)

typedef struct
{
  gboolean exists;
  guint64  size;
  gint64   mtime_ns;
  char     sha256[65];
} MlFileStamp;

GBytes   *ml_file_read         (const char         *path,
                                gsize               max_size,
                                MlFileStamp        *stamp,
                                GError            **error);
gboolean  ml_file_replace      (const char         *path,
                                GBytes             *contents,
                                const MlFileStamp  *expected,
                                MlFileStamp        *stamp,
                                GError            **error);
char     *ml_file_backup_path  (const char         *path);

G_END_DECLS
