/* fuzz-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness for the search of the workspace index: whatever a user types is either
 * searched or refused as a query the index cannot understand, never passed to SQLite as FTS5
 * syntax that fails in another way, and never a crash. The index, of one small project, is made
 * once in a temporary folder and removed at exit.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "ml-index.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const char project_text[] =
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">"
  "<title>Circular Đà Nẵng</title><challenge>Plastic waste in the sea</challenge>"
  "<stakeholders>"
  "<stakeholder id=\"a\" type=\"government\" level=\"national\"><name>Innovationsfonden</name>"
  "</stakeholder>"
  "<stakeholder id=\"b\" type=\"research\" level=\"local\"><name>Ørsted \"green\" hydrogen</name>"
  "</stakeholder>"
  "</stakeholders></project>";

/* Made once for the whole run: libFuzzer calls the harness from one thread. */
static char *workspace;
static char *database;
static MlIndex *index_;

static void
remove_workspace (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-checked" };
  g_autofree char *project = g_build_filename (workspace, "p.mlab", NULL);

  g_clear_pointer (&index_, ml_index_free);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (database, suffixes[i], NULL);

      g_unlink (file);
    }
  g_unlink (project);
  g_rmdir (workspace);
}

static MlIndex *
get_index (void)
{
  g_autofree char *project = NULL;
  g_autoptr(GError) error = NULL;
  MlIndexScanStats stats;

  if (index_ != NULL)
    return index_;

  workspace = g_dir_make_tmp ("fuzz-search-XXXXXX", &error);
  if (workspace == NULL)
    abort ();
  project = g_build_filename (workspace, "p.mlab", NULL);
  database = g_strconcat (workspace, ".sqlite", NULL);
  if (!g_file_set_contents (project, project_text, -1, &error))
    abort ();
  index_ = ml_index_open (workspace, database, &error);
  if (index_ == NULL || !ml_index_scan (index_, &stats, NULL, &error) || stats.n_indexed != 1)
    abort ();
  atexit (remove_workspace);

  return index_;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *query = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = ml_index_search (get_index (), query, 50, &error);
  if (hits == NULL && !g_error_matches (error, ML_INDEX_ERROR, ML_INDEX_ERROR_QUERY))
    abort ();

  return 0;
}
