/* fuzz-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness for the project reader. Beyond not crashing, it checks the format's
 * promise: whatever loads writes a file that loads again and writes the same bytes.
 */

#include "config.h"

#include <stdlib.h>

#include "ml-diagnostic.h"
#include "ml-xml-reader.h"
#include "ml-xml-writer.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlProject) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  gsize length;
  const char *written;

  project = ml_xml_read ((const char *) data, size, "fuzz.mlab", diagnostics, NULL);
  if (project == NULL)
    {
      /* A refused file always says why. */
      if (ml_diagnostics_count (diagnostics, ML_SEVERITY_ERROR) == 0)
        abort ();
      return 0;
    }

  first = ml_xml_write (project);
  written = g_bytes_get_data (first, &length);
  again = ml_xml_read (written, length, "fuzz-again.mlab", NULL, NULL);
  if (again == NULL)
    abort ();
  second = ml_xml_write (again);
  if (!g_bytes_equal (first, second))
    abort ();

  return 0;
}
