/* ml-project-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-project-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-xml-reader.h"
#include "ml-xml-writer.h"

/**
 * ml_project_load:
 * @path: a project file
 * @stamp: (out) (optional): the version of the file that was read, for ml_project_save()
 * @diagnostics: (nullable) (element-type MlDiagnostic): where to add every problem found
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the project, or %NULL if the file could not be read or
 *   has errors
 */
MlProject *
ml_project_load (const char   *path,
                 MlFileStamp  *stamp,
                 GPtrArray    *diagnostics,
                 GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = ml_file_read (path, ML_FILE_MAX_SIZE, stamp, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  display = g_filename_display_name (path);

  return ml_xml_read (data != NULL ? data : "", length, display, diagnostics, error);
}

/**
 * ml_project_save:
 * @project: a project
 * @path: where to save it
 * @expected: (nullable): the stamp of the version on disk this replaces; %NULL to overwrite
 * @stamp: (out) (optional): the stamp of the saved version
 * @error: return location for an error
 *
 * Saves @project safely: see ml_file_replace().
 *
 * Returns: whether the project was saved
 */
gboolean
ml_project_save (MlProject          *project,
                 const char         *path,
                 const MlFileStamp  *expected,
                 MlFileStamp        *stamp,
                 GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ML_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = ml_xml_write (project);

  return ml_file_replace (path, bytes, expected, stamp, error);
}
