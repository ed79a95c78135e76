/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * missionlab-cli as a user and a script run it: output, messages and exit statuses.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ml-csv-import.h"
#include "ml-test-util.h"

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
  g_auto(MlTestRun) help = { 0 };
  g_auto(MlTestRun) version = { 0 };
  g_auto(MlTestRun) nothing = { 0 };
  g_auto(MlTestRun) unknown = { 0 };
  g_auto(MlTestRun) validate_help = { 0 };

  ml_test_run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "validate"));
  g_assert_nonnull (strstr (help.out, "fmt"));
  g_assert_nonnull (strstr (help.out, "stats"));
  g_assert_nonnull (strstr (help.out, "export"));
  g_assert_nonnull (strstr (help.out, "Exit status"));

  ml_test_run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "missionlab-cli " PACKAGE_VERSION "\n");

  ml_test_run_cli (&nothing, NULL, NULL);
  g_assert_cmpint (nothing.status, ==, 2);
  g_assert_nonnull (strstr (nothing.err, "Usage"));

  ml_test_run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command “frobnicate”"));

  ml_test_run_cli (&validate_help, "validate", "--help", NULL);
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
  g_auto(MlTestRun) ok = { 0 };
  g_auto(MlTestRun) invalid = { 0 };
  g_auto(MlTestRun) missing = { 0 };
  g_auto(MlTestRun) usage = { 0 };

  ml_test_run_cli (&ok, "validate", good, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "csiro-hydrogen.mlab: valid"));
  g_assert_cmpstr (ok.err, ==, "");

  /* Problems go to standard error as FILE:LINE: error: sentence; a valid file still says so. */
  ml_test_run_cli (&invalid, "validate", good, bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_nonnull (strstr (invalid.out, "csiro-hydrogen.mlab: valid"));
  g_assert_nonnull (strstr (invalid.err, "bad.mlab:5: error: Relation r: “feud” is not a valid value for Kind"));
  g_assert_null (strstr (invalid.out, "bad.mlab"));

  ml_test_run_cli (&missing, "validate", "/nonexistent.mlab", NULL);
  g_assert_cmpint (missing.status, ==, 3);
  g_assert_nonnull (strstr (missing.err, "Could not open “/nonexistent.mlab”"));

  ml_test_run_cli (&usage, "validate", NULL);
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
  g_auto(MlTestRun) check = { 0 };
  g_auto(MlTestRun) rewrite = { 0 };
  g_auto(MlTestRun) again = { 0 };
  g_auto(MlTestRun) check_again = { 0 };

  ml_test_run_cli (&check, "fmt", "--check", messy, NULL);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.out, "not in canonical form"));

  ml_test_run_cli (&rewrite, "fmt", messy, NULL);
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
  ml_test_run_cli (&again, "fmt", messy, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  ml_test_run_cli (&check_again, "fmt", "--check", messy, NULL);
  g_assert_cmpint (check_again.status, ==, 0);
}

static void
test_stats (void)
{
  g_autofree char *path = sample ("ifd-green-missions.mlab");
  g_auto(MlTestRun) stats = { 0 };

  ml_test_run_cli (&stats, "stats", path, NULL);
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

static void
test_export (void)
{
  g_autofree char *path = sample ("csiro-hydrogen.mlab");
  g_autofree char *bad = write_temp ("bad.mlab",
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\"><title>Bad</title>"
    "<roadmap><workstream id=\"w\"><name>W</name><activity id=\"a\" start=\"2024-05-01\" end=\"2024-01-01\">"
    "<name>Backwards</name></activity></workstream></roadmap></project>");
  g_autofree char *dir = g_path_get_dirname (bad);
  g_autofree char *png = g_build_filename (dir, "roadmap.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "roadmap.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "roadmap.svg", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "no", "such", "folder.png", NULL);
  g_autofree char *contents = NULL;
  g_auto(MlTestRun) help = { 0 };
  g_auto(MlTestRun) ok_png = { 0 };
  g_auto(MlTestRun) ok_pdf = { 0 };
  g_auto(MlTestRun) ok_svg = { 0 };
  g_auto(MlTestRun) no_output = { 0 };
  g_auto(MlTestRun) bad_format = { 0 };
  g_auto(MlTestRun) unknown_extension = { 0 };
  g_auto(MlTestRun) bad_date = { 0 };
  g_auto(MlTestRun) backwards = { 0 };
  g_auto(MlTestRun) bad_style = { 0 };
  g_auto(MlTestRun) bad_paper = { 0 };
  g_auto(MlTestRun) bad_width = { 0 };
  g_auto(MlTestRun) unknown_export = { 0 };
  g_auto(MlTestRun) missing = { 0 };
  g_auto(MlTestRun) invalid = { 0 };
  g_auto(MlTestRun) cannot_write = { 0 };
  gsize length;

  ml_test_run_cli (&help, "export", "roadmap", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--format"));
  g_assert_nonnull (strstr (help.out, "--paper"));

  ml_test_run_cli (&ok_png, "export", "roadmap", path, "-o", png, "--width", "800", "--today", "none",
           NULL);
  g_assert_cmpint (ok_png.status, ==, 0);
  /* Not empty under LeakSanitizer, which reports the fontconfig caches it was told to ignore. */
  g_assert_null (strstr (ok_png.err, "missionlab-cli"));
  g_assert_null (strstr (ok_png.err, "**"));
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);

  ml_test_run_cli (&ok_pdf, "export", "roadmap", path, "--format", "pdf", "-o", pdf, "--paper", "a3",
           "--from", "2024-01-01", "--to", "2024-12-31", "--style", "print", NULL);
  g_assert_cmpint (ok_pdf.status, ==, 0);
  g_assert_nonnull (strstr (ok_pdf.out, "1 page"));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  ml_test_run_cli (&ok_svg, "export", "roadmap", path, "-o", svg, "--style", "projector", NULL);
  g_assert_cmpint (ok_svg.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  /* Wrong command lines: 2, with a sentence on standard error, and nothing written. */
  ml_test_run_cli (&no_output, "export", "roadmap", path, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o OUT"));
  ml_test_run_cli (&bad_format, "export", "roadmap", path, "-o", png, "--format", "gif", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "unknown format “gif”"));
  ml_test_run_cli (&unknown_extension, "export", "roadmap", path, "-o", "roadmap.bmp", NULL);
  g_assert_cmpint (unknown_extension.status, ==, 2);
  ml_test_run_cli (&bad_date, "export", "roadmap", path, "-o", png, "--from", "2024-13-01", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "“2024-13-01” is not a date"));
  ml_test_run_cli (&backwards, "export", "roadmap", path, "-o", png, "--from", "2025-01-01", "--to",
           "2024-01-01", NULL);
  g_assert_cmpint (backwards.status, ==, 2);
  ml_test_run_cli (&bad_style, "export", "roadmap", path, "-o", png, "--style", "neon", NULL);
  g_assert_cmpint (bad_style.status, ==, 2);
  ml_test_run_cli (&bad_paper, "export", "roadmap", path, "-o", pdf, "--paper", "letter", NULL);
  g_assert_cmpint (bad_paper.status, ==, 2);
  ml_test_run_cli (&bad_width, "export", "roadmap", path, "-o", png, "--width", "0", NULL);
  g_assert_cmpint (bad_width.status, ==, 2);
  ml_test_run_cli (&unknown_export, "export", "budget", path, NULL);
  g_assert_cmpint (unknown_export.status, ==, 2);
  g_assert_nonnull (strstr (unknown_export.err, "unknown export “budget”"));

  /* A file that cannot be read, an invalid project, an output that cannot be written. */
  ml_test_run_cli (&missing, "export", "roadmap", "/nonexistent.mlab", "-o", png, NULL);
  g_assert_cmpint (missing.status, ==, 3);
  ml_test_run_cli (&invalid, "export", "roadmap", bad, "-o", png, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  ml_test_run_cli (&cannot_write, "export", "roadmap", path, "-o", unwritable, NULL);
  g_assert_cmpint (cannot_write.status, ==, 3);
  g_assert_nonnull (strstr (cannot_write.err, "folder.png"));
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
}

/* A loose check of JSON: outside strings (whose escapes it skips), every bracket closes the
 * last one opened, and nothing is left open. */
static gboolean
json_is_balanced (const char *text)
{
  g_autoptr(GString) open = g_string_new (NULL);
  gboolean in_string = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
          else if ((guchar) *p < 0x20)
            return FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        g_string_append_c (open, *p);
      else if (*p == '}' || *p == ']')
        {
          if (open->len == 0 || open->str[open->len - 1] != (*p == '}' ? '{' : '['))
            return FALSE;
          g_string_truncate (open, open->len - 1);
        }
    }
  return !in_string && open->len == 0;
}

static void
test_metrics (void)
{
  g_autofree char *path = sample ("norway-pilot-e.mlab");
  g_auto(MlTestRun) table = { 0 };
  g_auto(MlTestRun) csv = { 0 };
  g_auto(MlTestRun) json = { 0 };
  g_auto(MlTestRun) unknown = { 0 };
  g_auto(GStrv) lines = NULL;

  ml_test_run_cli (&table, "metrics", path, NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^  Stakeholders +25$", table.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  Modularity +[0-9.]+$", table.out, G_REGEX_MULTILINE,
                                       0));

  ml_test_run_cli (&csv, "metrics", "--format", "csv", path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "id,name,type,level,sector,degree_in,degree_out,"));
  /* The header, 25 stakeholders and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 27);

  ml_test_run_cli (&json, "metrics", "-f", "json", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (g_str_has_prefix (json.out, "{"));
  g_assert_true (json_is_balanced (json.out));
  g_assert_nonnull (strstr (json.out, "\"stakeholders\": ["));
  g_assert_nonnull (strstr (json.out, "\"modularity\": "));
  g_assert_null (strstr (json.out, "nan"));

  ml_test_run_cli (&unknown, "metrics", "--format", "xml", path, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
}

static void
test_export_map (void)
{
  g_autofree char *path = sample ("norway-pilot-e.mlab");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("map-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_auto(MlTestRun) png_run = { 0 };
  g_auto(MlTestRun) svg_run = { 0 };
  g_auto(MlTestRun) pdf_run = { 0 };
  g_auto(MlTestRun) bad_layout = { 0 };

  g_assert_no_error (error);

  ml_test_run_cli (&png_run, "export", "stakeholders", path, "-o", png, "--layout", "levels",
           "--width", "800", "--height", "600", NULL);
  g_assert_cmpint (png_run.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  /* The PNG signature, then the IHDR chunk's width and height, big-endian. */
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 800);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 600);
  g_clear_pointer (&contents, g_free);

  ml_test_run_cli (&svg_run, "export", "stakeholders", path, "-o", svg, "--style", "projector", NULL);
  g_assert_cmpint (svg_run.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);

  ml_test_run_cli (&pdf_run, "export", "stakeholders", path, "-o", pdf, "--layout", "power-interest", NULL);
  g_assert_cmpint (pdf_run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  ml_test_run_cli (&bad_layout, "export", "stakeholders", path, "-o", png, "--layout", "spiral", NULL);
  g_assert_cmpint (bad_layout.status, ==, 2);
}

static void
test_export_mix (void)
{
  g_autofree char *path = sample ("norway-pilot-e.mlab");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mix-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "mix.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "mix.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "mix.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_auto(MlTestRun) help = { 0 };
  g_auto(MlTestRun) png_run = { 0 };
  g_auto(MlTestRun) svg_run = { 0 };
  g_auto(MlTestRun) pdf_run = { 0 };
  g_auto(MlTestRun) bad_style = { 0 };
  g_auto(MlTestRun) bad_format = { 0 };
  g_auto(MlTestRun) no_output = { 0 };

  g_assert_no_error (error);

  ml_test_run_cli (&help, "export", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "export mix"));

  ml_test_run_cli (&png_run, "export", "mix", path, "-o", png, "--width", "800", "--height", "600", NULL);
  g_assert_cmpint (png_run.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  /* The PNG signature, then the IHDR chunk's width and height, big-endian. */
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 800);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 600);
  g_clear_pointer (&contents, g_free);

  ml_test_run_cli (&svg_run, "export", "mix", path, "-o", svg, "--style", "projector", NULL);
  g_assert_cmpint (svg_run.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);

  ml_test_run_cli (&pdf_run, "export", "mix", path, "-o", pdf, NULL);
  g_assert_cmpint (pdf_run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  ml_test_run_cli (&bad_style, "export", "mix", path, "-o", png, "--style", "neon", NULL);
  g_assert_cmpint (bad_style.status, ==, 2);
  ml_test_run_cli (&bad_format, "export", "mix", path, "-o", png, "--format", "gexf", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  ml_test_run_cli (&no_output, "export", "mix", path, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
}

static void
test_export_indicators (void)
{
  g_autofree char *path = sample ("norway-pilot-e.mlab");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("indicators-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "indicators.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "indicators.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "indicators.pdf", NULL);
  g_autofree char *contents = NULL;
  g_auto(MlTestRun) help = { 0 };
  g_auto(MlTestRun) png_run = { 0 };
  g_auto(MlTestRun) svg_run = { 0 };
  g_auto(MlTestRun) pdf_run = { 0 };
  g_auto(MlTestRun) bad_date = { 0 };
  g_auto(MlTestRun) bad_format = { 0 };
  g_auto(MlTestRun) no_output = { 0 };
  g_auto(MlTestRun) unknown = { 0 };

  g_assert_no_error (error);

  ml_test_run_cli (&help, "export", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "export indicators"));

  ml_test_run_cli (&png_run, "export", "indicators", path, "-o", png, "--width", "800", "--height",
           "600", "--today", "2026-11-27", NULL);
  g_assert_cmpint (png_run.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
  /* The PNG signature, then the IHDR chunk's width and height, big-endian. */
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 800);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 600);
  g_clear_pointer (&contents, g_free);

  ml_test_run_cli (&svg_run, "export", "indicators", path, "-o", svg, "--style", "projector", NULL);
  g_assert_cmpint (svg_run.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);

  ml_test_run_cli (&pdf_run, "export", "indicators", path, "-o", pdf, NULL);
  g_assert_cmpint (pdf_run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  ml_test_run_cli (&bad_date, "export", "indicators", path, "-o", png, "--today", "soon", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  ml_test_run_cli (&bad_format, "export", "indicators", path, "-o", png, "--format", "gexf", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  ml_test_run_cli (&no_output, "export", "indicators", path, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  ml_test_run_cli (&unknown, "export", "charts", path, "-o", png, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "indicators"));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_indicators (void)
{
  g_autofree char *path = sample ("norway-pilot-e.mlab");
  g_auto(MlTestRun) table = { 0 };
  g_auto(MlTestRun) csv = { 0 };
  g_auto(MlTestRun) json = { 0 };
  g_auto(MlTestRun) unknown = { 0 };
  g_auto(MlTestRun) bad_date = { 0 };
  g_auto(GStrv) lines = NULL;

  ml_test_run_cli (&table, "indicators", "--today", "2026-11-27", path, NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_true (g_str_has_prefix (table.out, "Status"));
  g_assert_true (g_regex_match_simple ("^No recent data .*Private co-funding", table.out,
                                       G_REGEX_MULTILINE, 0));

  ml_test_run_cli (&csv, "indicators", "--format", "csv", "--today", "2026-11-27", path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "mission,objective,indicator,name,unit,baseline,baseline_date,"
                                 "latest,latest_date,expected,target,target_date,status");
  /* The header, 8 indicators and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 10);
  /* The latest measurement, 2024-12-31, is older than 2025-05-27, 18 months before today. */
  g_assert_true (g_str_has_prefix (lines[3], "m-zero-ferries,o-industry,i-leverage,"));
  g_assert_true (g_str_has_suffix (lines[3], ",2024-12-31,1.85723,2.5,2030-12-31,no-recent-data"));

  ml_test_run_cli (&json, "indicators", "-f", "json", "--today", "2026-11-27", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_is_balanced (json.out));
  g_assert_nonnull (strstr (json.out, "\"indicators\": ["));
  g_assert_nonnull (strstr (json.out, "\"status\": \"no-recent-data\""));
  g_assert_null (strstr (json.out, "nan"));

  ml_test_run_cli (&unknown, "indicators", "--format", "xml", path, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  ml_test_run_cli (&bad_date, "indicators", "--today", "2026-13-01", path, NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
}

/* csiro-hydrogen's instruments are all in AUD; a budget is split evenly over an instrument's
 * stages.
 */
static void
test_mix (void)
{
  g_autofree char *path = sample ("csiro-hydrogen.mlab");
  g_auto(MlTestRun) table = { 0 };
  g_auto(MlTestRun) csv = { 0 };
  g_auto(MlTestRun) json = { 0 };
  g_auto(MlTestRun) unknown = { 0 };
  g_auto(GStrv) lines = NULL;

  ml_test_run_cli (&table, "mix", path, NULL);
  g_assert_cmpint (table.status, ==, 0);
  /* in-h2-research: AUD 68 M over research and development. */
  g_assert_true (g_regex_match_simple ("^supply +research +1  AUD 34000000.00$", table.out,
                                       G_REGEX_MULTILINE, 0));

  ml_test_run_cli (&csv, "mix", "--format", "csv", path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "side,stage,instruments,currency,budget");
  /* 4 sides × 5 stages, one currency. */
  g_assert_cmpstr (lines[1], ==, "supply,research,1,AUD,34000000.00");
  /* in-h2-headstart (AUD 2 000 M) and in-h2-fleet-procurement (AUD 20 M), each over two
   * stages.
   */
  g_assert_nonnull (strstr (csv.out, "\ndemand,deployment,2,AUD,1010000000.00\n"));
  g_assert_cmpstr (lines[21], ==, "");
  g_assert_cmpstr (lines[22], ==, "kind,message");

  ml_test_run_cli (&json, "mix", "-f", "json", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_is_balanced (json.out));
  g_assert_nonnull (strstr (json.out, "{\"side\": \"supply\", \"stage\": \"research\", "
                                      "\"instruments\": 1, \"budgets\": {\"AUD\": 34000000.00}}"));
  g_assert_nonnull (strstr (json.out, "\"findings\": ["));
  g_assert_nonnull (strstr (json.out, "\"rates\": {}"));

  ml_test_run_cli (&unknown, "mix", "--format", "xml", path, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "table, csv or json"));
}

/* norway-pilot-e budgets its instruments in NOK but in-eu-cofund (EUR 20 M) and in-mi
 * (EUR 1.5 M) in EUR, over research, development and demonstration; the project has one EUR at
 * NOK 11.6. No EUR is left anywhere.
 */
static void
test_mix_converts (void)
{
  g_autofree char *path = sample ("norway-pilot-e.mlab");
  g_auto(MlTestRun) table = { 0 };
  g_auto(MlTestRun) json = { 0 };

  ml_test_run_cli (&table, "mix", path, NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_false (g_regex_match_simple ("EUR [0-9]", table.out, 0, 0));
  g_assert_nonnull (strstr (table.out, "\nConverted at the project’s exchange rates: "
                                       "1 EUR = 11.6 NOK.\n"));

  ml_test_run_cli (&json, "mix", "-f", "json", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_is_balanced (json.out));
  g_assert_nonnull (strstr (json.out, "\"rates\": {\"EUR\": 11.6}\n}\n"));
}

/* csiro-hydrogen by hand: `grep -c '<activity '` gives 18 activities and `grep -c '<instrument '`
 * 10 instruments; every budget is in AUD (the project's currency) and the 28 budget attributes
 * add up to AUD 2 393 300 000.
 */
static void
test_portfolio (void)
{
  g_autofree char *path = sample ("csiro-hydrogen.mlab");
  g_auto(MlTestRun) table = { 0 };
  g_auto(MlTestRun) csv = { 0 };
  g_auto(MlTestRun) json = { 0 };
  g_auto(MlTestRun) unknown = { 0 };
  g_auto(MlTestRun) bad_date = { 0 };
  g_auto(GStrv) lines = NULL;

  ml_test_run_cli (&table, "portfolio", "--today", "2023-01-01", path, NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_true (g_str_has_prefix (table.out, "Kind"));
  g_assert_true (g_regex_match_simple ("^Total  AUD 2393300000.00$", table.out,
                                       G_REGEX_MULTILINE, 0));

  ml_test_run_cli (&csv, "portfolio", "--format", "csv", "--today", "2023-01-01", path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "kind,id,name,mission,workstream,status,owner,funders,start,end,"
                                 "budget,currency,decision,decision_date");
  /* The header, 10 instruments then 18 activities in document order, an empty line, the totals
   * header, one currency and the empty string after the last newline.
   */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 28 + 1 + 2 + 1);
  g_assert_cmpstr (lines[29], ==, "");
  g_assert_cmpstr (lines[30], ==, "currency,total");
  g_assert_cmpstr (lines[31], ==, "AUD,2393300000.00");
  /* ws-h2-cost: dp-h2-pec (2023-09-30) has an outcome, stop, so the next is dp-h2-stack. */
  g_assert_nonnull (strstr (csv.out, "\nactivity,a-h2-stack-pilot,Electrolyser stack pilot with an "
                                     "Australian manufacturer,m-h2,ws-h2-cost,at-risk,"
                                     "s-electrolyser-sme,s-arena s-csiro,2023-07-15,2026-12-31,"
                                     "14000000.00,AUD,dp-h2-stack,2026-12-15\n"));
  /* An instrument has no workstream, status, funders nor decision point. */
  g_assert_true (g_str_has_prefix (lines[1], "instrument,in-h2-research,Mission research projects,"
                                             "m-h2,,,s-csiro,,2020-07-01,2027-06-30,"
                                             "68000000.00,AUD,,"));

  ml_test_run_cli (&json, "portfolio", "-f", "json", "--today", "2023-01-01", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_is_balanced (json.out));
  g_assert_nonnull (strstr (json.out, "\"items\": ["));
  g_assert_nonnull (strstr (json.out, "\"totals\": {\"AUD\": 2393300000.00}"));
  /* Names such as “financing” hold “nan”: only a value may not be NaN. */
  g_assert_null (strstr (json.out, ": nan"));

  ml_test_run_cli (&unknown, "portfolio", "--format", "xml", path, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  ml_test_run_cli (&bad_date, "portfolio", "--today", "2023-13-01", path, NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
}

/* csiro-hydrogen's candidates by hand: weights Boldness 3, Measurability 2, CSIRO capability 3,
 * Societal value 2 (Σ 10). Hydrogen industry scores 5, 5, 4, 4: (15 + 10 + 12 + 8) / 10 = 4.5,
 * with 16 of the 75 dot votes (0.213333); Future protein 4, 5, 4, 4 = 4.2 is behind only on
 * Boldness, by 3 × 1: Hydrogen stays first in every weighting, and only a Boldness weight of
 * 3 − 3 = 0 brings them level. Antimicrobial resistance (3, 3, 3, 5) = 3.4 leads Critical energy
 * metals (3, 4, 4, 2) = 3.3 by 1, and Societal value, 3 points apart, closes it at 2 − 1/3.
 */
static void
test_candidates (void)
{
  g_autofree char *path = sample ("csiro-hydrogen.mlab");
  g_autofree char *none = sample ("norway-pilot-e.mlab");
  g_auto(MlTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  ml_test_run_cli (&run, "candidates", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Rank"));
  g_assert_true (g_regex_match_simple ("^1 +Hydrogen industry +4\\.50 +16 +21% +100% "
                                       "Hydrogen Industry Mission$", run.out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (run.out, "\nClosest call: “Critical energy metals” draws level "
                                     "with “Antimicrobial resistance” if “Societal value” "
                                     "weighs 1.67 instead of 2.\n"));
  g_assert_nonnull (strstr (run.out, "625 weightings"));
  g_assert_nonnull (strstr (run.out, "\n75 dot votes in all.\n"));
  ml_test_run_clear (&run);

  ml_test_run_cli (&run, "candidates", "--format", "csv", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  /* The header, 8 candidates and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 8 + 1);
  g_assert_cmpstr (lines[0], ==, "rank,id,name,score,votes,vote_share,robustness,mission,missing,"
                                 "swap_criterion,swap_weight");
  g_assert_cmpstr (lines[1], ==, "1,cand-h2,Hydrogen industry,4.5,16,0.213333,1,m-h2,,crit-bold,0");
  g_assert_true (g_str_has_prefix (lines[7], "7,cand-amr,Antimicrobial resistance,3.4,5,"));
  g_assert_true (g_str_has_suffix (lines[7], ",crit-societal,1.66667"));
  ml_test_run_clear (&run);

  ml_test_run_cli (&run, "candidates", "-f", "json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_is_balanced (run.out));
  g_assert_nonnull (strstr (run.out, "{\"id\": \"crit-bold\", \"name\": \"Boldness\", "
                                     "\"weight\": 3}"));
  g_assert_nonnull (strstr (run.out, "\"total_votes\": 75,\n  \"weightings\": 625,"));
  g_assert_null (strstr (run.out, ": nan"));
  ml_test_run_clear (&run);

  /* A project without candidates has nothing to rank, and that is no error. */
  ml_test_run_cli (&run, "candidates", none, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n0 dot votes in all.\n"));
  ml_test_run_clear (&run);

  ml_test_run_cli (&run, "candidates", "--format", "xml", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* A workspace of copies of the samples, one of them in a subfolder, and a file that is not
 * even XML, in the test's home folder. G_TEST_OPTION_ISOLATE_DIRS points this process's home
 * and cache folders into a temporary folder that is removed after the test, but sets
 * $XDG_CACHE_HOME to /dev/null for children: the CLI is handed the same cache folder, where
 * the index goes.
 */
static char *
make_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_home_dir (), "workspace", NULL);
  g_autofree char *archive = g_build_filename (dir, "archive", NULL);
  g_autofree char *broken = NULL;
  g_autoptr(GDir) samples = NULL;
  const char *name;

  g_setenv ("XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_assert_cmpint (g_mkdir_with_parents (archive, 0700), ==, 0);

  samples = g_dir_open (g_getenv ("MISSIONLAB_SAMPLES"), 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (samples)) != NULL)
    {
      g_autofree char *from = sample (name);
      g_autofree char *to = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".mlab"))
        continue;
      to = g_build_filename (g_str_has_prefix (name, "norway") ? archive : dir, name, NULL);
      g_file_get_contents (from, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, contents, (gssize) length, &error);
      g_assert_no_error (error);
    }

  broken = g_build_filename (dir, "broken.mlab", NULL);
  g_file_set_contents (broken, "<project xmlns=\"https://example.org/ns/missionlab\"><title>Cut",
                       -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

/* CSV that our own reader reads back, with as many fields on every line as in the header. */
static GPtrArray *
parse_csv_checked (const char *text,
                   const char *header)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ml_csv_parse (text, strlen (text), ',', NULL, &error);
  guint n_columns;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >=, 1);
  if (header != NULL)
    {
      g_autofree char *first = g_strjoinv (",", g_ptr_array_index (rows, 0));

      g_assert_cmpstr (first, ==, header);
    }
  n_columns = g_strv_length (g_ptr_array_index (rows, 0));
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, n_columns);

  return g_steal_pointer (&rows);
}

static void
test_report (void)
{
  g_autofree char *path = sample ("csiro-hydrogen.mlab");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("report-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_auto(MlTestRun) help = { 0 };
  g_auto(MlTestRun) ok = { 0 };
  /* Arguments after "report", up to the first NULL, and the exit status they give. */
  const struct
  {
    const char *args[5];
    int         status;
  } failures[] = {
    { { path, NULL }, 2 },                               /* no -o */
    { { path, "-o", pdf, "--today", "soon" }, 2 },
    { { path, path, "-o", pdf, NULL }, 2 },
    { { "/nonexistent.mlab", "-o", pdf, NULL }, 3 },
    { { path, "-o", unwritable, NULL }, 3 },
  };

  g_assert_no_error (error);

  ml_test_run_cli (&help, "--help", NULL);
  g_assert_nonnull (strstr (help.out, "report"));

  ml_test_run_cli (&ok, "report", path, "-o", pdf, "--today", "2026-11-28", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "written"));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      const char *const *args = failures[i].args;
      g_auto(MlTestRun) run = { 0 };

      ml_test_run_cli (&run, "report", args[0], args[1], args[2], args[3], args[4], NULL);
      g_assert_cmpint (run.status, ==, failures[i].status);
      g_assert_cmpstr (run.err, !=, "");
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_index (void)
{
  g_autofree char *workspace = make_workspace ();
  g_autofree char *broken = g_build_filename (workspace, "broken.mlab", NULL);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "missionlab", "index", NULL);
  g_auto(MlTestRun) first = { 0 };
  g_auto(MlTestRun) again = { 0 };
  g_auto(MlTestRun) removed = { 0 };
  g_auto(MlTestRun) missing = { 0 };
  g_auto(MlTestRun) usage = { 0 };
  g_auto(MlTestRun) help = { 0 };

  /* Five samples, one in a subfolder, and the broken file: it is named on standard error and
   * makes the exit status 1, and the others are indexed all the same. */
  ml_test_run_cli (&first, "index", workspace, NULL);
  g_assert_cmpint (first.status, ==, 1);
  g_assert_true (g_regex_match_simple ("^  Project files +6$", first.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  Failed to load +1$", first.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  Removed +0$", first.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_str_has_prefix (first.err, broken));
  /* As `validate` prints it: the file, the line and the loader's first error. */
  g_assert_nonnull (strstr (first.err, "broken.mlab:1: error: The file is not well-formed XML: "
                                       "Premature end of data in tag title"));
  g_assert_true (strchr (first.err, '\n') == first.err + strlen (first.err) - 1);
  g_assert_null (strstr (first.err, "hydrogen"));
  /* Into the cache folder, never into the workspace. */
  g_assert_true (g_file_test (cache, G_FILE_TEST_IS_DIR));
  {
    g_autoptr(GDir) dir = g_dir_open (workspace, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_suffix (name, ".mlab") || g_str_equal (name, "archive"));
  }

  /* Nothing changed: nothing is read again, and the broken file is still reported. */
  ml_test_run_cli (&again, "index", workspace, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_true (g_regex_match_simple ("^  Indexed +0$", again.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  Failed to load +1$", again.out, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (again.err, "broken.mlab:1: error: The file is not well-formed XML: "));

  g_assert_cmpint (g_unlink (broken), ==, 0);
  ml_test_run_cli (&removed, "index", workspace, NULL);
  g_assert_cmpint (removed.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^  Project files +5$", removed.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  Removed +1$", removed.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  Failed to load +0$", removed.out, G_REGEX_MULTILINE, 0));
  g_assert_cmpstr (removed.err, ==, "");

  ml_test_run_cli (&missing, "index", "/nonexistent-workspace", NULL);
  g_assert_cmpint (missing.status, ==, 3);
  g_assert_nonnull (strstr (missing.err, "missionlab-cli index: "));

  ml_test_run_cli (&usage, "index", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  ml_test_run_cli (&help, "index", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "Exit status 1"));
}

static void
test_search (void)
{
  g_autofree char *workspace = make_workspace ();
  g_auto(MlTestRun) table = { 0 };
  g_auto(MlTestRun) words = { 0 };
  g_auto(MlTestRun) csv = { 0 };
  g_auto(MlTestRun) json = { 0 };
  g_auto(MlTestRun) nothing = { 0 };
  g_auto(MlTestRun) no_word = { 0 };
  g_auto(MlTestRun) bad_limit = { 0 };
  g_auto(MlTestRun) bad_format = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  /* Without accents, the search finds the project written with them; the scan before it is
   * quiet, even about the broken file. */
  ml_test_run_cli (&table, "search", workspace, "da nang", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_true (g_str_has_prefix (table.out, "Project"));
  g_assert_nonnull (strstr (table.out, "Circular Đà Nẵng"));
  g_assert_nonnull (strstr (table.out, "undp-danang-circular.mlab"));
  g_assert_cmpstr (table.err, ==, "");

  /* Words as separate arguments are the same query. */
  ml_test_run_cli (&words, "search", workspace, "da", "nang", NULL);
  g_assert_cmpint (words.status, ==, 0);
  g_assert_cmpstr (words.out, ==, table.out);

  ml_test_run_cli (&csv, "search", workspace, "da nang", "--format", "csv", "--limit", "3", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  rows = parse_csv_checked (csv.out, "project,path,kind,id,label,snippet");
  g_assert_cmpuint (rows->len, ==, 1 + 3);
  for (guint i = 1; i < rows->len; i++)
    {
      const char *const *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row[1], ==, "undp-danang-circular.mlab");
      g_assert_nonnull (strchr (row[5], '['));
    }

  ml_test_run_cli (&json, "search", workspace, "da nang", "-f", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_is_balanced (json.out));
  g_assert_true (g_str_has_prefix (json.out, "{\n  \"query\": \"da nang\",\n  \"hits\": [\n"));
  g_assert_nonnull (strstr (json.out, "\"path\": \"undp-danang-circular.mlab\""));

  ml_test_run_cli (&nothing, "search", workspace, "xylophone", NULL);
  g_assert_cmpint (nothing.status, ==, 0);
  g_assert_cmpstr (nothing.out, ==, "Nothing found.\n");

  /* A search with no word in it is the user's mistake. */
  ml_test_run_cli (&no_word, "search", workspace, "*", NULL);
  g_assert_cmpint (no_word.status, ==, 2);
  g_assert_true (g_str_has_prefix (no_word.err, "missionlab-cli search: "));

  ml_test_run_cli (&bad_limit, "search", workspace, "da nang", "--limit", "0", NULL);
  g_assert_cmpint (bad_limit.status, ==, 2);
  ml_test_run_cli (&bad_format, "search", workspace, "da nang", "--format", "xml", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
}

/* The pending decision points of the samples by hand (`grep -n '<decision-point'`): due in
 * 2026, dp-h2-stack (csiro-hydrogen), dp-ccus-pilot (ifd-green-missions) and dp-mandate
 * (undp-danang-circular), all on 2026-12-15; dp-platform (2026-06-30) is decided already, and
 * dp-dr-midterm, dp-eu-align and dp-hub-finance are due in 2027.
 */
static void
test_query (void)
{
  g_autofree char *workspace = make_workspace ();
  g_auto(MlTestRun) table = { 0 };
  g_auto(MlTestRun) csv = { 0 };
  g_auto(MlTestRun) json = { 0 };
  g_auto(MlTestRun) stakeholders = { 0 };
  g_auto(MlTestRun) budget = { 0 };
  g_auto(MlTestRun) unknown = { 0 };
  g_auto(MlTestRun) bad_date = { 0 };
  g_auto(MlTestRun) bad_days = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  const char *due[] = { "dp-h2-stack", "dp-ccus-pilot", "dp-mandate" };
  const char *not_due[] = {
    "dp-platform", "dp-dr-midterm", "dp-eu-align", "dp-hub-finance", "dp-h2-pec",
  };

  ml_test_run_cli (&csv, "query", workspace, "upcoming", "--today", "2026-01-01", "--days", "365",
                   "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  rows = parse_csv_checked (csv.out, NULL);
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (due));
  for (guint i = 0; i < G_N_ELEMENTS (due); i++)
    g_assert_nonnull (strstr (csv.out, due[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_due); i++)
    g_assert_null (strstr (csv.out, not_due[i]));
  g_assert_nonnull (strstr (csv.out, "2026-12-15"));

  ml_test_run_cli (&table, "query", workspace, "upcoming", "--today", "2026-01-01", "--days",
                   "365", NULL);
  g_assert_cmpint (table.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (due); i++)
    g_assert_nonnull (strstr (table.out, due[i]));

  ml_test_run_cli (&json, "query", workspace, "upcoming", "--today", "2026-01-01", "--days", "365",
                   "-f", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_is_balanced (json.out));
  g_assert_true (g_str_has_prefix (json.out, "{\n  \"question\": \"upcoming\",\n"
                                             "  \"today\": \"2026-01-01\",\n  \"days\": 365,\n"
                                             "  \"rows\": [\n"));
  g_assert_nonnull (strstr (json.out, "\"dp-mandate\""));

  /* CSIRO leads both CSIRO missions; counts and amounts are JSON numbers. */
  ml_test_run_cli (&stakeholders, "query", workspace, "stakeholders", "-f", "json", NULL);
  g_assert_cmpint (stakeholders.status, ==, 0);
  g_assert_true (json_is_balanced (stakeholders.out));
  g_assert_nonnull (strstr (stakeholders.out, "{\"name\": \"CSIRO\", \"count\": 2, "));
  ml_test_run_cli (&budget, "query", workspace, "budget", "-f", "csv", NULL);
  g_assert_cmpint (budget.status, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse_csv_checked (budget.out, NULL);
  g_assert_cmpuint (rows->len, >, 1);

  ml_test_run_cli (&unknown, "query", workspace, "gossip", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown question “gossip”"));
  ml_test_run_cli (&bad_date, "query", workspace, "upcoming", "--today", "2026-02-30", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  ml_test_run_cli (&bad_days, "query", workspace, "upcoming", "--days", "-1", NULL);
  g_assert_cmpint (bad_days.status, ==, 2);
}

/* Runs the CLI with LANGUAGE=@language (the tests' locale is C.UTF-8, whose messages gettext
 * translates) and the build tree's catalogues (MISSIONLAB_LOCALE_DIR).
 */
static void
run_cli_in (MlTestRun  *run,
            const char *language,
            const char *first,
            const char *second)
{
  g_setenv ("LANGUAGE", language, TRUE);
  ml_test_run_cli (run, first, second, NULL);
  g_unsetenv ("LANGUAGE");
}

/* The translations are used: the help in French, the policy mix's sentences in Spanish, the
 * OECD instrument types (from data/taxonomy, not from the sources) in both, and a language
 * without a catalogue falls back to English. The file format and CSV never change.
 */
static void
test_translated (void)
{
  g_autofree char *norway = sample ("norway-pilot-e.mlab");
  g_autofree char *workspace = make_workspace ();
  g_auto(MlTestRun) help_fr = { 0 };
  g_auto(MlTestRun) mix_es = { 0 };
  g_auto(MlTestRun) json_es = { 0 };
  g_auto(MlTestRun) budget_fr = { 0 };
  g_auto(MlTestRun) budget_es = { 0 };
  g_auto(MlTestRun) budget_csv_fr = { 0 };
  g_auto(MlTestRun) help_de = { 0 };

  run_cli_in (&help_fr, "fr", "--help", NULL);
  g_assert_cmpint (help_fr.status, ==, 0);
  g_assert_nonnull (strstr (help_fr.out, "Afficher la version"));
  g_assert_null (strstr (help_fr.out, "Show the version"));

  run_cli_in (&mix_es, "es", "mix", norway);
  g_assert_cmpint (mix_es.status, ==, 0);
  g_assert_nonnull (strstr (mix_es.out, "Convertido con los tipos de cambio del proyecto: "
                                        "1 EUR = 11.6 NOK."));
  g_assert_nonnull (strstr (mix_es.out, "\nHallazgos:\n"));

  /* Machine-readable output keeps its keys and its numbers with a '.'. */
  g_setenv ("LANGUAGE", "es", TRUE);
  ml_test_run_cli (&json_es, "mix", "-f", "json", norway, NULL);
  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (strstr (json_es.out, "\"rates\": {\"EUR\": 11.6}"));
  g_assert_nonnull (strstr (json_es.out, "\"side\": \"supply\""));

  /* PI007 (IFD's mission grants) and PI008 are in the samples. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  ml_test_run_cli (&budget_fr, "query", workspace, "budget", NULL);
  ml_test_run_cli (&budget_csv_fr, "query", workspace, "budget", "-f", "csv", NULL);
  g_setenv ("LANGUAGE", "es", TRUE);
  ml_test_run_cli (&budget_es, "query", workspace, "budget", NULL);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (budget_fr.status, ==, 0);
  g_assert_nonnull (strstr (budget_fr.out, " Subventions de projets pour la recherche publique "));
  g_assert_nonnull (strstr (budget_fr.out,
                            " Subventions à la R-D et à l’innovation des entreprises "));
  g_assert_null (strstr (budget_fr.out, "Project grants for public research"));
  g_assert_cmpint (budget_es.status, ==, 0);
  g_assert_nonnull (strstr (budget_es.out, " Subvenciones a proyectos de investigación pública "));
  g_assert_nonnull (strstr (budget_es.out,
                            " Subvenciones a la I+D y la innovación empresariales "));
  g_assert_cmpint (budget_csv_fr.status, ==, 0);
  g_assert_nonnull (strstr (budget_csv_fr.out, ",PI007,Project grants for public research,"));

  run_cli_in (&help_de, "de", "--help", NULL);
  g_assert_nonnull (strstr (help_de.out, "Show the version"));
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
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/metrics", test_metrics);
  g_test_add_func ("/cli/export-map", test_export_map);
  g_test_add_func ("/cli/export-mix", test_export_mix);
  g_test_add_func ("/cli/export-indicators", test_export_indicators);
  g_test_add_func ("/cli/indicators", test_indicators);
  g_test_add_func ("/cli/mix", test_mix);
  g_test_add_func ("/cli/mix-converts", test_mix_converts);
  g_test_add_func ("/cli/translated", test_translated);
  g_test_add_func ("/cli/portfolio", test_portfolio);
  g_test_add_func ("/cli/candidates", test_candidates);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/index", test_index);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/query", test_query);

  return g_test_run ();
}
