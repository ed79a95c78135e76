/* ml-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-stats.h"
#include "ml-test-util.h"
#include "ml-xml-reader.h"

/* Reads a project that must load without a single diagnostic; any that appear are logged. */
MlProject *
ml_test_load_text (const char *text)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;

  project = ml_xml_read (text, strlen (text), "t.mlab", diagnostics, &error);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = ml_diagnostic_format (g_ptr_array_index (diagnostics, i), "t.mlab");

      g_test_message ("%s", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  return g_steal_pointer (&project);
}

/* The amount in @currency in an array of MlBudget, 0 when it has none. */
double
ml_test_budget_in (GArray     *budgets,
                   const char *currency)
{
  for (guint i = 0; i < budgets->len; i++)
    {
      const MlBudget *b = &g_array_index (budgets, MlBudget, i);

      if (g_strcmp0 (b->currency, currency) == 0)
        return b->amount;
    }
  return 0;
}

MlDate
ml_test_parse_date (const char *text)
{
  MlDate date = ML_DATE_NONE;

  g_assert_true (ml_date_parse (text, &date));

  return date;
}

/* The element with @id, which must exist. */
MlElement *
ml_test_lookup (MlProject  *project,
                const char *id)
{
  MlElement *element = ml_project_lookup (project, id);

  g_assert_nonnull (element);

  return element;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Adds PREFIX/samples/NAME for each sample in $MISSIONLAB_SAMPLES, in name order, with the
 * sample's path as the test's data.
 */
void
ml_test_add_sample_tests (const char    *prefix,
                          GTestDataFunc  func)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new ();
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("MISSIONLAB_SAMPLES");
  const char *name;

  g_assert_nonnull (dir);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".mlab"))
      g_ptr_array_add (samples, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (samples, compare_paths);
  g_assert_cmpuint (samples->len, >, 0);

  for (guint i = 0; i < samples->len; i++)
    {
      char *path = g_ptr_array_index (samples, i);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *test_path = g_strdup_printf ("%s/samples/%s", prefix, basename);

      g_test_add_data_func_full (test_path, path, func, g_free);
    }
}

/* The colour of a pixel of an ARGB32 image surface drawn opaque. */
MlTestPixel
ml_test_get_pixel (cairo_surface_t *surface,
                   int              x,
                   int              y)
{
  const guint8 *data;
  guint32 value;
  MlTestPixel pixel;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  value = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  pixel.red = value >> 16 & 0xff;
  pixel.green = value >> 8 & 0xff;
  pixel.blue = value & 0xff;

  return pixel;
}

/* Pixels in the box that are clearly red, such as the critical colour's marks and text. */
guint
ml_test_count_red (cairo_surface_t *surface,
                   double           x0,
                   double           y0,
                   double           x1,
                   double           y1)
{
  guint n = 0;

  for (int y = (int) y0; y < (int) y1; y++)
    for (int x = (int) x0; x < (int) x1; x++)
      {
        MlTestPixel pixel = ml_test_get_pixel (surface, x, y);

        n += pixel.red > pixel.green + 30 && pixel.red > pixel.blue + 30;
      }

  return n;
}

/* Whether @pixel shows @color, within the rounding and antialiasing of Cairo. */
gboolean
ml_test_pixel_is (MlTestPixel    pixel,
                  const MlColor *color)
{
  const int tolerance = 3;

  return ABS (pixel.red - (int) round (color->red * 255)) <= tolerance &&
         ABS (pixel.green - (int) round (color->green * 255)) <= tolerance &&
         ABS (pixel.blue - (int) round (color->blue * 255)) <= tolerance;
}

void
ml_test_run_clear (MlTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs $MISSIONLAB_CLI with the arguments up to NULL, keeping its exit status and output. */
void
ml_test_run_cli (MlTestRun  *run,
                 const char *first,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MISSIONLAB_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_ptr_array_index (argv, 0));
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* Exports SAMPLE as PNG, SVG and PDF: each must be written and more than a blank page. */
void
ml_test_assert_exports (const char       *sample,
                        MlTestExportFunc  export_func)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autofree char *dir = NULL;
  static const char *const extensions[] = { "png", "svg", "pdf" };

  project = ml_project_load (sample, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  dir = g_dir_make_tmp ("export-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("page.", extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf buf;

      g_assert_true (export_func (project, (MlRoadmapFormat) i, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &buf), ==, 0);
      g_assert_cmpint (buf.st_size, >, 2000);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Everything a scan makes visible: the files, some searches and every question, as text, to
 * compare two indexes of the same files.
 */
char *
ml_test_describe_index (MlIndex *index)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  const char *queries[] = { "da nang", "innovation*", "\"circular economy\"", "csiro" };

  files = ml_index_list_files (index, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    {
      const MlIndexFile *file = g_ptr_array_index (files, i);

      g_string_append_printf (text, "%s|%s|%u|%s\n", file->path, file->title, file->n_missions,
                              file->error);
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) hits = ml_index_search (index, queries[q], 0, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < hits->len; i++)
        {
          const MlIndexHit *hit = g_ptr_array_index (hits, i);

          g_string_append_printf (text, "%s|%s|%s|%s\n", hit->path, hit->element_id, hit->kind,
                                  hit->snippet);
        }
    }

  for (MlIndexQuestion question = ML_INDEX_QUESTION_STAKEHOLDERS;
       question <= ML_INDEX_QUESTION_AT_RISK; question++)
    {
      g_autoptr(GPtrArray) rows = ml_index_ask (index, question,
                                                ml_test_parse_date ("2026-11-28"), 365, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          const MlIndexRow *row = g_ptr_array_index (rows, i);
          g_autofree char *values = g_strjoinv ("|", row->values);

          g_string_append_printf (text, "%d:%s\n", question, values);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
