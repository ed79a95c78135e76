/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * missionlab-cli as a user and a script run it: output, messages and exit statuses.
 */

#include "config.h"

#include <glib/gstdio.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
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

static char *
sample (const char *name)
{
  return g_build_filename (g_getenv ("MISSIONLAB_SAMPLES"), name, NULL);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cli-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_help_and_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) nothing = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) validate_help = { 0 };

  run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "validate"));
  g_assert_nonnull (strstr (help.out, "fmt"));
  g_assert_nonnull (strstr (help.out, "stats"));
  g_assert_nonnull (strstr (help.out, "Exit status"));

  run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "missionlab-cli " PACKAGE_VERSION "\n");

  run_cli (&nothing, NULL, NULL);
  g_assert_cmpint (nothing.status, ==, 2);
  g_assert_nonnull (strstr (nothing.err, "Usage"));

  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command “frobnicate”"));

  run_cli (&validate_help, "validate", "--help", NULL);
  g_assert_cmpint (validate_help.status, ==, 0);
  g_assert_nonnull (strstr (validate_help.out, "--quiet"));
}

static void
test_validate (void)
{
  g_autofree char *good = sample ("csiro-hydrogen.mlab");
  g_autofree char *bad = write_temp ("bad.mlab",
    "<?xml version=\"1.0\"?>\n"
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
    "  <title>Bad</title>\n"
    "  <relations>\n"
    "    <relation id=\"r\" from=\"a\" to=\"b\" kind=\"feud\"/>\n"
    "  </relations>\n"
    "</project>\n");
  g_auto(Run) ok = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) usage = { 0 };

  run_cli (&ok, "validate", good, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "csiro-hydrogen.mlab: valid"));
  g_assert_cmpstr (ok.err, ==, "");

  /* Problems go to standard error as FILE:LINE: error: sentence; a valid file still says so. */
  run_cli (&invalid, "validate", good, bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_nonnull (strstr (invalid.out, "csiro-hydrogen.mlab: valid"));
  g_assert_nonnull (strstr (invalid.err, "bad.mlab:5: error: Relation r: “feud” is not a valid value for Kind"));
  g_assert_null (strstr (invalid.out, "bad.mlab"));

  run_cli (&missing, "validate", "/nonexistent.mlab", NULL);
  g_assert_cmpint (missing.status, ==, 3);
  g_assert_nonnull (strstr (missing.err, "Could not open “/nonexistent.mlab”"));

  run_cli (&usage, "validate", NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

static void
test_fmt (void)
{
  g_autofree char *messy = write_temp ("messy.mlab",
    "<project format-version='1.0' xmlns='https://example.org/ns/missionlab'><title>  Messy  </title>"
    "<stakeholders><stakeholder level='local' type='citizens' id='c'><name>Citizens</name></stakeholder></stakeholders></project>");
  g_autofree char *backup = g_strconcat (messy, "~", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *old = NULL;
  g_auto(Run) check = { 0 };
  g_auto(Run) rewrite = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) check_again = { 0 };

  run_cli (&check, "fmt", "--check", messy, NULL);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.out, "not in canonical form"));

  run_cli (&rewrite, "fmt", messy, NULL);
  g_assert_cmpint (rewrite.status, ==, 0);
  g_assert_true (g_file_get_contents (messy, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
    "  <title>Messy</title>\n"
    "  <stakeholders>\n"
    "    <stakeholder id=\"c\" type=\"citizens\" level=\"local\" role=\"partner\" engagement=\"identified\">\n"
    "      <name>Citizens</name>\n"
    "    </stakeholder>\n"
    "  </stakeholders>\n"
    "</project>\n");
  g_assert_true (g_file_get_contents (backup, &old, NULL, NULL));
  g_assert_true (g_str_has_prefix (old, "<project format-version='1.0'"));

  /* A canonical file is left alone: same bytes, and no new backup. */
  g_unlink (backup);
  run_cli (&again, "fmt", messy, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  run_cli (&check_again, "fmt", "--check", messy, NULL);
  g_assert_cmpint (check_again.status, ==, 0);
}

static void
test_stats (void)
{
  g_autofree char *path = sample ("ifd-green-missions.mlab");
  g_auto(Run) stats = { 0 };

  run_cli (&stats, "stats", path, NULL);
  g_assert_cmpint (stats.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^  Missions +4$", stats.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  Horizon +2021-01-01 – 2030-12-31$", stats.out,
                                       G_REGEX_MULTILINE, 0));
  /* Budgets per currency, never added across currencies. */
  g_assert_true (g_regex_match_simple ("^    DKK +[0-9.]+ +\\([0-9]+\\)$", stats.out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^    EUR +[0-9.]+ +\\([0-9]+\\)$", stats.out,
                                       G_REGEX_MULTILINE, 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/fmt", test_fmt);
  g_test_add_func ("/cli/stats", test_stats);

  return g_test_run ();
}
