/* fuzz-graphml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness for the GraphML importer. The input is read into the small project of
 * fuzz-import.h, whose checks apply beyond not crashing.
 */

#include "config.h"

#include "fuzz-import.h"
#include "ml-graphml-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(MlProject) project = fuzz_import_project ();
  g_autoptr(MlImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = ml_graphml_import_preview (project, (const char *) data, size, &error);
  fuzz_check_import (project, import, error);

  return 0;
}
