/* fuzz-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness for the CSV importer. The input is read as stakeholders, then as relations,
 * into the small project of fuzz-import.h, whose checks apply beyond not crashing.
 */

#include "config.h"

#include "fuzz-import.h"
#include "ml-csv-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
import_as (MlCsvImportKind  kind,
           const guint8    *data,
           size_t           size)
{
  g_autoptr(MlProject) project = fuzz_import_project ();
  g_autoptr(MlImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = ml_csv_import_preview (project, kind, (const char *) data, size, &error);
  fuzz_check_import (project, import, error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  import_as (ML_CSV_IMPORT_STAKEHOLDERS, data, size);
  import_as (ML_CSV_IMPORT_RELATIONS, data, size);

  return 0;
}
