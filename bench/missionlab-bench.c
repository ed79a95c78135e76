/* missionlab-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast MissionLab is on large generated projects, each measurement beside a reference
 * where there is one (xmllint, libxml2, sfdp), with its peak memory and its target. Not a
 * test: it prints one table, headed by the machine it ran on. Each group of measurements runs
 * in a fresh process of this program, so that its peak memory is its own and not what an
 * earlier group left behind.
 *
 *   missionlab-bench [--quick] [--index] [--keep]
 *
 * --quick measures only the smaller sizes (what `meson test --benchmark` runs); --index only
 * the workspace index.
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "ml-bench-index.h"
#include "ml-bench-layout.h"
#include "ml-bench-load.h"
#include "ml-bench-network.h"
#include "ml-bench-render.h"
#include "ml-bench-table.h"
#include "ml-bench-util.h"

typedef enum
{
  RUN_ALWAYS,
  RUN_FULL_ONLY,
  RUN_QUICK_ONLY,
} RunWhen;

typedef struct
{
  const char *section;
  guint       size;
  RunWhen     when;
} Unit;

/* In the order of the table. */
static const Unit units[] = {
  { "load", 10000, RUN_ALWAYS },
  { "load", 100000, RUN_FULL_ONLY },
  { "index", 1000, RUN_FULL_ONLY },
  { "index", 100, RUN_QUICK_ONLY },
  { "render", 100, RUN_ALWAYS },
  { "render", 10000, RUN_ALWAYS },
  { "render", 100000, RUN_FULL_ONLY },
  { "layout", 1000, RUN_ALWAYS },
  { "layout", 5000, RUN_FULL_ONLY },
  { "network", 2000, RUN_ALWAYS },
};

/* What the child process runs: one section at one size, its rows written on the standard
 * output. */
static int
run_unit (const char *unit,
          gboolean    keep)
{
  g_autoptr(MlBenchTable) table = ml_bench_table_new ();
  g_auto(GStrv) parts = g_strsplit (unit, ":", 2);
  guint64 size = 0;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &size, NULL))
    ml_bench_fail ("not a unit: %s", unit);

  if (g_str_equal (parts[0], "load"))
    ml_bench_load (table, (guint) size, keep);
  else if (g_str_equal (parts[0], "index"))
    ml_bench_index (table, (guint) size);
  else if (g_str_equal (parts[0], "render"))
    ml_bench_render (table, (guint) size);
  else if (g_str_equal (parts[0], "layout"))
    ml_bench_layout (table, (guint) size);
  else if (g_str_equal (parts[0], "network"))
    ml_bench_network (table, (guint) size);
  else
    ml_bench_fail ("not a unit: %s", unit);

  ml_bench_table_write (table);

  return EXIT_SUCCESS;
}

static void
spawn_unit (MlBenchTable *table,
            const char   *self,
            const Unit   *unit,
            gboolean      keep)
{
  g_autofree char *name = g_strdup_printf ("--unit=%s:%u", unit->section, unit->size);
  const char *argv[] = { self, name, keep ? "--keep" : NULL, NULL };
  g_autofree char *output = NULL;
  double peak_mb;

  g_printerr ("missionlab-bench: measuring %s of %u…\n", unit->section, unit->size);
  ml_bench_spawn (argv, G_SPAWN_DEFAULT, &output, NULL, &peak_mb);
  if (!ml_bench_table_read (table, output, peak_mb))
    ml_bench_fail ("could not read the rows of %s", name);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlBenchTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *child_load = NULL;
  g_autofree char *child_save = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *self = NULL;
  g_autofree char *load_average = NULL;
  gboolean quick = FALSE;
  gboolean keep = FALSE;
  gboolean index_only = FALSE;
  gboolean met;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Only the smaller sizes", NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated projects", NULL },
    { "index", 0, 0, G_OPTION_ARG_NONE, &index_only,
      "Only the workspace index: 1,000 projects, or 100 with --quick", NULL },
    { "unit", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &unit, NULL, NULL },
    { "child-load", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_load, NULL, NULL },
    { "child-save", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_save, NULL, NULL },
    { NULL }
  };

  /* Messages in the user's language and charset; the table's numbers always with a dot. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  context = g_option_context_new ("- measure MissionLab on large generated projects");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (child_load != NULL)
    return ml_bench_load_child (child_load, FALSE);
  if (child_save != NULL)
    return ml_bench_load_child (child_save, TRUE);
  if (unit != NULL)
    return run_unit (unit, keep);

  self = g_file_read_link ("/proc/self/exe", &error);
  if (self == NULL)
    ml_bench_fail ("%s", error->message);

  ml_bench_print_machine ();
  table = ml_bench_table_new ();
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if ((quick && units[i].when == RUN_FULL_ONLY) || (!quick && units[i].when == RUN_QUICK_ONLY))
        continue;
      if (index_only && !g_str_equal (units[i].section, "index"))
        continue;
      spawn_unit (table, self, &units[i], keep);
    }

  g_print ("Wall-clock milliseconds: medians of 3 to 20 runs (p99 over the 20 draws of a "
           "viewport and the 200 searches);\nreferences measured on the same input; peak MB: "
           "the largest resident memory while measuring (load and save: of a fresh process "
           "doing only that; references: of the program).\n\n");
  met = ml_bench_table_print (table);
  load_average = ml_bench_load_average ();
  g_print ("\nLoad average at the end %s; %s\n", load_average,
           met ? "every target met" : "some targets MISSED");

  return EXIT_SUCCESS;
}
