/* fuzz-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "fuzz-import.h"
#include "ml-xml-reader.h"
#include "ml-xml-writer.h"

static const char project_text[] =
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\"><title>F</title>"
  "<stakeholders>"
  "<stakeholder id=\"a\" type=\"government\" level=\"national\"><name>Alpha</name></stakeholder>"
  "<stakeholder id=\"b\" type=\"research\" level=\"local\"><name>Bêta</name></stakeholder>"
  "</stakeholders><relations>"
  "<relation id=\"r1\" from=\"a\" to=\"b\" kind=\"funding\" direction=\"mutual\"/>"
  "</relations></project>";

/**
 * fuzz_import_project:
 *
 * Returns: (transfer full): a new copy of the project to import into
 */
MlProject *
fuzz_import_project (void)
{
  MlProject *project = ml_xml_read (project_text, sizeof project_text - 1, "f.mlab", NULL, NULL);

  if (project == NULL)
    abort ();

  return project;
}

/**
 * fuzz_check_import:
 * @project: the project @import was previewed against
 * @import: (nullable): the preview, or %NULL if the file was refused
 * @error: (nullable): why it was refused
 */
void
fuzz_check_import (MlProject *project,
                   MlImport  *import,
                   GError    *error)
{
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(MlProject) again = NULL;
  gsize length;
  const char *written;

  if (import == NULL)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return;
    }

  command = ml_import_build_command (import);
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
