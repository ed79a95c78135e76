/* test-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* memmem: the PDF holds binary streams */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ml-project-io.h"
#include "ml-report.h"
#include "ml-test-util.h"

static const char *const section_titles[] = {
  "Missions and objectives", "Indicators", "Roadmap", "Stakeholder map", "Policy mix",
  "Portfolio", "Decision log",
};

typedef struct
{
  char  *dir;
  char  *path;
  char  *contents;   /* the PDF's bytes */
  gsize  length;
  char  *text;       /* what pdftotext extracts; NULL without pdftotext */
} Report;

static void
report_clear (Report *report)
{
  if (report->path != NULL)
    g_unlink (report->path);
  if (report->dir != NULL)
    g_rmdir (report->dir);
  g_clear_pointer (&report->dir, g_free);
  g_clear_pointer (&report->path, g_free);
  g_clear_pointer (&report->contents, g_free);
  g_clear_pointer (&report->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

/* Pages are the objects of type /Page; /Pages is their tree. */
static guint
count_pages (const Report *report)
{
  const char *end = report->contents + report->length;
  const char *p = report->contents;
  guint n = 0;

  while ((p = memmem (p, end - p, "/Type /Page", 11)) != NULL)
    {
      p += 11;
      if (p < end && *p != 's')
        n++;
    }

  return n;
}

static gboolean
contains (const Report *report,
          const char   *needle)
{
  return memmem (report->contents, report->length, needle, strlen (needle)) != NULL;
}

static void
write_report (Report    *report,
              MlProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  report->dir = g_dir_make_tmp ("report-XXXXXX", &error);
  g_assert_no_error (error);
  report->path = g_build_filename (report->dir, "report.pdf", NULL);
  g_assert_true (ml_report_write_pdf (project, ml_test_parse_date ("2026-11-28"), report->path,
                                      &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (report->path, &report->contents, &report->length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (report->contents, "%PDF-"));

  /* Fonts are embedded whether or not the text can be checked. */
  g_assert_true (contains (report, "/Font"));
  g_assert_true (contains (report, "/FontFile"));
  /* A4 landscape. */
  g_assert_true (contains (report, "/MediaBox [ 0 0 841.89 595.28 ]") ||
                 contains (report, "/MediaBox [0 0 841.89 595.28]"));

  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-layout", report->path, "-", NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &report->text, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    {
      g_test_message ("pdftotext is not installed: only the embedded fonts are checked, not "
                      "the text");
    }
}

static void
assert_text_common (const Report *report,
                    guint         n_pages)
{
  g_autofree char *first = g_strdup_printf ("Page 1 of %u", n_pages);
  g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  const char *contents;

  if (report->text == NULL)
    return;

  g_assert_nonnull (strstr (report->text, first));
  g_assert_nonnull (strstr (report->text, last));
  contents = strstr (report->text, "Contents");
  g_assert_nonnull (contents);
  /* The contents list every section, then each section has its page. */
  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    {
      g_assert_nonnull (strstr (contents, section_titles[i]));
      g_assert_nonnull (strstr (strstr (contents, section_titles[i]) + 1, section_titles[i]));
    }
}

static void
test_sample (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = ml_project_load (path, NULL, NULL, &error);
  g_autoptr(GPtrArray) missions = NULL;
  g_auto(Report) report = { 0 };
  guint n_pages;

  g_assert_no_error (error);
  write_report (&report, project);
  n_pages = count_pages (&report);
  g_assert_cmpuint (n_pages, >=, 10);
  g_assert_cmpuint (n_pages, <=, 40);
  assert_text_common (&report, n_pages);

  /* Every mission statement is there, in words if not in the same line breaks. */
  missions = ml_project_collect (project, ML_KIND_MISSION);
  g_assert_cmpuint (missions->len, >, 0);
  if (report.text != NULL)
    {
      const char *statement = ml_element_get_string (g_ptr_array_index (missions, 0),
                                                     ML_MISSION_STATEMENT);
      g_auto(GStrv) words = g_strsplit (statement, " ", 4);
      g_autofree char *start = NULL;

      g_assert_cmpuint (g_strv_length (words), >=, 3);
      start = g_strjoin (" ", words[0], words[1], words[2], NULL);
      g_assert_nonnull (strstr (report.text, start));
    }
}

static void
test_empty (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">"
    "<title>Nothing yet</title></project>");
  g_auto(Report) report = { 0 };
  guint n_pages;

  write_report (&report, project);
  n_pages = count_pages (&report);
  g_assert_cmpuint (n_pages, >=, 9);
  g_assert_cmpuint (n_pages, <=, 11);
  assert_text_common (&report, n_pages);
  if (report.text != NULL)
    {
      g_assert_nonnull (strstr (report.text, "Nothing yet"));
      g_assert_nonnull (strstr (report.text, "The project has no missions yet."));
      g_assert_nonnull (strstr (report.text, "The project has no indicators yet."));
      g_assert_nonnull (strstr (report.text, "The project has no stakeholders yet."));
      g_assert_nonnull (strstr (report.text, "The project has no decision points yet."));
    }
}

/* A report that cannot be written leaves no file and says why. */
static void
test_unwritable (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">"
    "<title>T</title></project>");
  g_autoptr(GError) error = NULL;

  g_assert_false (ml_report_write_pdf (project, ML_DATE_NONE, "/nonexistent/dir/report.pdf",
                                       &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ml_test_add_sample_tests ("/report", test_sample);
  g_test_add_func ("/report/empty", test_empty);
  g_test_add_func ("/report/unwritable", test_unwritable);

  return g_test_run ();
}
