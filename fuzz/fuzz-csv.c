/* fuzz-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness for the CSV importer. The input is read as stakeholders, then as relations,
 * into a small project with stakeholders to refer to. Beyond not crashing: a refusal says why,
 * and an accepted import applies as one command, leaves a project that writes and reads back,
 * and undoes to the bytes it started from.
 */

#include "config.h"

#include <stdlib.h>

#include "ml-csv-import.h"
#include "ml-xml-reader.h"
#include "ml-xml-writer.h"

static const char project_text[] =
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\"><title>F</title>"
  "<stakeholders>"
  "<stakeholder id=\"a\" type=\"government\" level=\"national\"><name>Alpha</name></stakeholder>"
  "<stakeholder id=\"b\" type=\"research\" level=\"local\"><name>Bêta</name></stakeholder>"
  "</stakeholders></project>";

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
import_as (MlCsvImportKind  kind,
           const guint8    *data,
           size_t           size)
{
  g_autoptr(MlProject) project = ml_xml_read (project_text, sizeof project_text - 1, "f.mlab",
                                              NULL, NULL);
  g_autoptr(MlCsvImport) import = NULL;
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(MlProject) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *written;

  if (project == NULL)
    abort ();

  import = ml_csv_import_preview (project, kind, (const char *) data, size, &error);
  if (import == NULL)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return;
    }

  command = ml_csv_import_build_command (import);
  if (command == NULL)
    return;

  before = ml_xml_write (project);
  if (!ml_command_apply (command, project, NULL))
    abort ();
  after = ml_xml_write (project);
  written = g_bytes_get_data (after, &length);
  again = ml_xml_read (written, length, "f-again.mlab", NULL, NULL);
  if (again == NULL)
    abort ();

  ml_command_revert (command, project);
  undone = ml_xml_write (project);
  if (!g_bytes_equal (before, undone))
    abort ();
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  import_as (ML_CSV_IMPORT_STAKEHOLDERS, data, size);
  import_as (ML_CSV_IMPORT_RELATIONS, data, size);

  return 0;
}
