/* test-samples.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundled samples are what new users see first and what every view is shown with: each
 * must load cleanly, pass the RelaxNG schema, be in canonical form, and be rich enough to
 * exercise every view.
 */

#include "config.h"

#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-taxonomy.h"
#include "ml-xml-writer.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort() passes pointers to the elements. */
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
list_samples (void)
{
  const char *dir = g_getenv ("MISSIONLAB_SAMPLES");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_assert_nonnull (dir);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".mlab"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));

  g_ptr_array_sort (paths, compare_names);

  return g_steal_pointer (&paths);
}

static void
test_schema (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  const char *argv[] = { "xmllint", "--noout", "--relaxng", g_getenv ("MISSIONLAB_SCHEMA"),
                         path, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not pass the schema:\n%s", path, err);
}

static void
test_loads_and_round_trips (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) original = NULL;

  project = ml_project_load (path, NULL, diagnostics, &error);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = ml_diagnostic_format (g_ptr_array_index (diagnostics, i), path);
      g_printerr ("%s\n", line);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  /* The sample is canonical: saving it unchanged changes no byte. */
  original = ml_file_read (path, ML_FILE_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  written = ml_xml_write (project);
  if (!g_bytes_equal (original, written))
    g_error ("%s is not in canonical form: run missionlab-cli fmt on it", path);
}

static guint
count_kind (MlProject *project,
            MlKind     kind)
{
  g_autoptr(GPtrArray) elements = ml_project_collect (project, kind);

  return elements->len;
}

static void
test_rich_enough (gconstpointer data)
{
  const char *path = data;
  g_autoptr(MlProject) project = ml_project_load (path, NULL, NULL, NULL);
  g_autoptr(GPtrArray) objectives = ml_project_collect (project, ML_KIND_OBJECTIVE);
  g_autoptr(GPtrArray) stakeholders = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_autoptr(GPtrArray) instruments = ml_project_collect (project, ML_KIND_INSTRUMENT);
  g_autoptr(GPtrArray) decisions = ml_project_collect (project, ML_KIND_DECISION_POINT);
  g_autoptr(GPtrArray) activities = ml_project_collect (project, ML_KIND_ACTIVITY);
  guint measured_objectives = 0;
  guint levels = 0, sides = 0, outcomes = 0, statuses = 0;

  g_assert_nonnull (project);

  /* At least three objectives have an indicator with a baseline, a target and measurements. */
  for (guint i = 0; i < objectives->len; i++)
    {
      GPtrArray *indicators = ml_element_get_children (g_ptr_array_index (objectives, i),
                                                       ML_KIND_INDICATOR);

      for (guint j = 0; indicators != NULL && j < indicators->len; j++)
        {
          MlElement *indicator = g_ptr_array_index (indicators, j);
          GPtrArray *measurements = ml_element_get_children (indicator, ML_KIND_MEASUREMENT);

          if (ml_element_has_value (indicator, ML_INDICATOR_BASELINE) &&
              ml_element_has_value (indicator, ML_INDICATOR_TARGET) &&
              measurements != NULL && measurements->len >= 3)
            {
              measured_objectives++;
              break;
            }
        }
    }
  g_assert_cmpuint (measured_objectives, >=, 3);

  g_assert_cmpuint (stakeholders->len, >=, 12);
  for (guint i = 0; i < stakeholders->len; i++)
    levels |= 1u << ml_element_get_enum (g_ptr_array_index (stakeholders, i),
                                         ML_STAKEHOLDER_LEVEL);
  g_assert_cmpuint (__builtin_popcount (levels), >=, 3);

  g_assert_cmpuint (count_kind (project, ML_KIND_RELATION), >=, 15);

  g_assert_cmpuint (instruments->len, >=, 8);
  for (guint i = 0; i < instruments->len; i++)
    sides |= 1u << ml_instrument_get_side (g_ptr_array_index (instruments, i));
  g_assert_true (sides & (1u << ML_SIDE_SUPPLY));
  g_assert_true (sides & (1u << ML_SIDE_DEMAND));
  g_assert_true (sides & (1u << ML_SIDE_REGULATORY));

  g_assert_cmpuint (count_kind (project, ML_KIND_WORKSTREAM), >=, 3);
  g_assert_cmpuint (activities->len, >=, 15);
  for (guint i = 0; i < activities->len; i++)
    statuses |= 1u << ml_element_get_enum (g_ptr_array_index (activities, i), ML_ACTIVITY_STATUS);
  g_assert_true (statuses & (1u << ML_STATUS_STOPPED));
  g_assert_cmpuint (count_kind (project, ML_KIND_DEPENDENCY), >=, 6);
  g_assert_cmpuint (count_kind (project, ML_KIND_MILESTONE), >=, 1);

  for (guint i = 0; i < decisions->len; i++)
    outcomes |= 1u << ml_element_get_enum (g_ptr_array_index (decisions, i), ML_DECISION_OUTCOME);
  g_assert_true (outcomes & (1u << ML_OUTCOME_PIVOT));
  g_assert_true (outcomes & (1u << ML_OUTCOME_STOP));

  g_assert_cmpuint (count_kind (project, ML_KIND_JOURNAL_ENTRY), >=, 4);

  /* Invented detail is marked as such. */
  g_assert_nonnull (strstr (ml_element_get_string (ml_project_get_root (project),
                                                   ML_PROJECT_DESCRIPTION), "llustrative"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) samples = NULL;
  g_autofree char *full = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  samples = list_samples ();
  g_assert_cmpuint (samples->len, >=, 5);

  for (guint i = 0; i < samples->len; i++)
    {
      const char *path = g_ptr_array_index (samples, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *schema = g_strdup_printf ("/samples/%s/schema", base);
      g_autofree char *load = g_strdup_printf ("/samples/%s/load-and-round-trip", base);
      g_autofree char *rich = g_strdup_printf ("/samples/%s/rich-enough", base);

      g_test_add_data_func (schema, path, test_schema);
      g_test_add_data_func (load, path, test_loads_and_round_trips);
      g_test_add_data_func (rich, path, test_rich_enough);
    }

  full = g_test_build_filename (G_TEST_DIST, "data", "valid-full.mlab", NULL);
  g_test_add_data_func ("/samples/valid-full/schema", full, test_schema);
  g_test_add_data_func ("/samples/valid-full/load-and-round-trip", full,
                        test_loads_and_round_trips);

  return g_test_run ();
}
