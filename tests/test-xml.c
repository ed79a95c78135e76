/* test-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format: canonical writing, round trips, what is kept from newer versions and
 * extensions, locale independence, and a clear error for every malformed or hostile input.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "ml-diagnostic.h"
#include "ml-error.h"
#include "ml-project-io.h"
#include "ml-xml-reader.h"
#include "ml-xml-writer.h"

#define NS "https://example.org/ns/missionlab"
#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define OPEN "<project xmlns=\"" NS "\" format-version=\"1.0\">\n"

/* Canonical by hand: what the writer must reproduce byte for byte. */
static const char canonical[] =
  HEAD
  "<project xmlns=\"" NS "\" format-version=\"1.0\" id=\"harbour\" start=\"2025-01-01\" end=\"2030-12-31\" currency=\"EUR\">\n"
  "  <title>Clean harbour &amp; bay</title>\n"
  "  <challenge>Plastic &lt;5 mm&gt; in the “bay”</challenge>\n"
  "  <missions>\n"
  "    <mission id=\"m1\" kind=\"complex\" scale=\"city\" lead=\"city\" target-date=\"2030-12-31\">\n"
  "      <title>Zero plastic</title>\n"
  "      <objective id=\"o1\">\n"
  "        <title>Less waste</title>\n"
  "        <indicator id=\"i1\" unit=\"t/year\" direction=\"decrease\" baseline=\"120.5\" baseline-date=\"2024-01-01\" target=\"60\" target-date=\"2030-12-31\">\n"
  "          <name>Waste collected</name>\n"
  "          <measurement date=\"2025-06-30\" value=\"101.25\" source=\"City report\"/>\n"
  "        </indicator>\n"
  "      </objective>\n"
  "    </mission>\n"
  "  </missions>\n"
  "  <stakeholders>\n"
  "    <stakeholder id=\"city\" type=\"government\" level=\"local\" sector=\"environment\" influence=\"4.5\" interest=\"5\" role=\"lead\" engagement=\"empowered\">\n"
  "      <name>Đà Nẵng People’s Committee</name>\n"
  "    </stakeholder>\n"
  "    <stakeholder id=\"ngo\" type=\"civil-society\" level=\"local\" role=\"partner\" engagement=\"identified\">\n"
  "      <name>Friends of the bay</name>\n"
  "      <description>First line\n"
  "second line</description>\n"
  "    </stakeholder>\n"
  "  </stakeholders>\n"
  "  <relations>\n"
  "    <relation id=\"r1\" from=\"city\" to=\"ngo\" kind=\"funding\" direction=\"mutual\" strength=\"2\"/>\n"
  "  </relations>\n"
  "  <instruments>\n"
  "    <instrument id=\"in1\" type=\"PI010\" stages=\"deployment diffusion\" budget=\"2.5\" serves=\"o1\" target-groups=\"smes civil-society\">\n"
  "      <name>Green procurement</name>\n"
  "    </instrument>\n"
  "  </instruments>\n"
  "  <roadmap>\n"
  "    <workstream id=\"w1\" mission=\"m1\">\n"
  "      <name>Pilots</name>\n"
  "      <activity id=\"a1\" start=\"2025-01-01\" end=\"2025-06-30\" owner=\"ngo\" status=\"done\" progress=\"100\">\n"
  "        <name>Study</name>\n"
  "      </activity>\n"
  "      <activity id=\"a2\" start=\"2025-07-01\" end=\"2026-06-30\" status=\"active\" progress=\"33.3\" funders=\"city ngo\">\n"
  "        <name>Pilot \"A\"</name>\n"
  "        <depends-on activity=\"a1\" type=\"finish-start\" lag=\"1\"/>\n"
  "      </activity>\n"
  "      <milestone id=\"ms1\" date=\"2026-06-30\" status=\"pending\">\n"
  "        <name>Pilot done</name>\n"
  "      </milestone>\n"
  "      <decision-point id=\"d1\" date=\"2026-07-15\" outcome=\"pivot\" decided=\"2026-07-20\" about=\"a2\">\n"
  "        <name>Scale up?</name>\n"
  "        <criteria>Cost under target</criteria>\n"
  "        <rationale>Costs fell, uptake did not.</rationale>\n"
  "      </decision-point>\n"
  "    </workstream>\n"
  "  </roadmap>\n"
  "  <journal>\n"
  "    <entry id=\"j1\" date=\"2025-02-01\" kind=\"session\" author=\"Facilitator\">\n"
  "      <text>Kick-off with 40 people.</text>\n"
  "    </entry>\n"
  "  </journal>\n"
  "</project>\n";

static MlProject *
read_text (const char  *text,
           gsize        length,
           GPtrArray   *diagnostics,
           GError     **error)
{
  return ml_xml_read (text, length, "test.mlab", diagnostics, error);
}

static char *
write_text (MlProject *project)
{
  g_autoptr(GBytes) bytes = ml_xml_write (project);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

static void
assert_round_trip (const char *text)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = read_text (text, strlen (text), diagnostics, &error);
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  written = write_text (project);
  g_assert_cmpstr (written, ==, text);
}

static void
test_round_trip (void)
{
  assert_round_trip (canonical);
}

static void
test_canonical_order (void)
{
  /* Attributes and children in any order, extra whitespace, a comment: written canonically. */
  static const char scrambled[] =
    "<?xml version='1.0'?>\n"
    "<!-- a comment -->\n"
    "<ml:project format-version='1.0' xmlns:ml='" NS "'>\n"
    "  <ml:stakeholders>\n"
    "    <ml:stakeholder level='national' type='agency' id='s1'>\n"
    "      <ml:name>\n      Agency   </ml:name>\n"
    "    </ml:stakeholder>\n"
    "  </ml:stakeholders>\n"
    "  <ml:title>T</ml:title>\n"
    "</ml:project>\n";
  static const char expected[] =
    HEAD OPEN
    "  <title>T</title>\n"
    "  <stakeholders>\n"
    "    <stakeholder id=\"s1\" type=\"agency\" level=\"national\" role=\"partner\" engagement=\"identified\">\n"
    "      <name>Agency</name>\n"
    "    </stakeholder>\n"
    "  </stakeholders>\n"
    "</project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = read_text (scrambled, strlen (scrambled), NULL, &error);
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  written = write_text (project);
  g_assert_cmpstr (written, ==, expected);
}

static void
test_newer_minor_version (void)
{
  static const char newer[] =
    HEAD
    "<project xmlns=\"" NS "\" format-version=\"1.7\" colour=\"teal\">\n"
    "  <title>From the future</title>\n"
    "  <stakeholders>\n"
    "    <stakeholder id=\"s1\" type=\"agency\" level=\"national\" role=\"partner\" engagement=\"identified\" pronoun=\"it\">\n"
    "      <name>Agency</name>\n"
    "      <portrait format=\"png\">\n"
    "        <caption>A building</caption>\n"
    "      </portrait>\n"
    "    </stakeholder>\n"
    "    <stakeholder-group id=\"g1\" members=\"s1\"/>\n"
    "  </stakeholders>\n"
    "  <budget-lines>\n"
    "    <line amount=\"5\"/>\n"
    "  </budget-lines>\n"
    "</project>\n";
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = read_text (newer, strlen (newer), diagnostics, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ml_project_get_format_minor (project), ==, 7);
  g_assert_cmpuint (ml_diagnostics_count (diagnostics, ML_SEVERITY_WARNING), ==, 1);
  g_assert_nonnull (strstr (((MlDiagnostic *) diagnostics->pdata[0])->message, "newer"));
  g_assert_cmpstr (ml_element_get_label (ml_project_lookup (project, "s1")), ==, "Agency");

  assert_round_trip (newer);
}

static void
test_extensions (void)
{
  static const char extended[] =
    HEAD
    "<project xmlns=\"" NS "\" xmlns:geo=\"https://example.org/geo\" format-version=\"1.0\">\n"
    "  <title>With extensions</title>\n"
    "  <stakeholders>\n"
    "    <stakeholder id=\"s1\" type=\"agency\" level=\"national\" role=\"partner\" engagement=\"identified\" geo:lat=\"16.05\">\n"
    "      <name>Agency</name>\n"
    "      <geo:place geo:kind=\"city\">Đà Nẵng</geo:place>\n"
    "    </stakeholder>\n"
    "  </stakeholders>\n"
    "  <other xmlns=\"urn:other\">\n"
    "    <thing a=\"1\"/>\n"
    "  </other>\n"
    "</project>\n";
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = read_text (extended, strlen (extended), diagnostics, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_clear_object (&project);

  assert_round_trip (extended);
}

static char *
make_french_locale (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("locale-XXXXXX", &error);
  g_autofree char *target = NULL;
  g_autofree char *errors = NULL;
  int status = -1;
  const char *argv[] = { "localedef", "-c", "-i", "fr_FR", "-f", "UTF-8", NULL, NULL };

  g_assert_no_error (error);
  target = g_build_filename (dir, "fr_FR.UTF-8", NULL);
  argv[6] = target;
  /* localedef exits 1 for warnings it was told to ignore with -c: judge by the result. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &errors, &status, &error);
  g_assert_no_error (error);
  if (!g_file_test (target, G_FILE_TEST_IS_DIR))
    g_error ("Could not build the fr_FR.UTF-8 locale with localedef (is Debian's “locales” package installed?): %s",
             errors);

  return g_steal_pointer (&dir);
}

static void
test_french_locale (void)
{
  g_autofree char *locale_dir = make_french_locale ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autofree char *written = NULL;

  g_setenv ("LOCPATH", locale_dir, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "fr_FR.UTF-8"));
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  /* Reading "2.5" and "120.5" must not stop at the point, and writing must not use a comma. */
  project = read_text (canonical, strlen (canonical), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ml_element_get_number (ml_project_lookup (project, "in1"),
                                            ML_INSTRUMENT_BUDGET), ==, 2.5);
  written = write_text (project);
  g_assert_cmpstr (written, ==, canonical);
  g_assert_nonnull (strstr (written, "budget=\"2.5\""));

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LOCPATH");
}

typedef struct
{
  const char *name;
  const char *text;
  const char *expected;   /* part of the message */
  guint       line;       /* 0: any */
} Malformed;

static const Malformed malformed[] = {
  { "empty", "", "The file is empty", 0 },
  { "not-xml", "this is not XML", "not well-formed", 1 },
  { "truncated", HEAD OPEN "  <title>T</title>\n  <stakeholders>\n    <stake", "not well-formed", 0 },
  { "unclosed", HEAD OPEN "  <title>T</title>\n", "not well-formed", 0 },
  { "wrong-namespace", HEAD "<project xmlns=\"urn:else\" format-version=\"1.0\"><title>T</title></project>",
    "is in the namespace “urn:else”, not “" NS "”", 2 },
  { "no-namespace", HEAD "<project format-version=\"1.0\"><title>T</title></project>",
    "root element <project> has no namespace", 2 },
  { "other-root", HEAD "<svg xmlns=\"" NS "\"/>", "root element is <svg>, not <project>", 2 },
  { "no-version", HEAD "<project xmlns=\"" NS "\"><title>T</title></project>", "no format-version", 2 },
  { "bad-version", HEAD "<project xmlns=\"" NS "\" format-version=\"one\"><title>T</title></project>",
    "not a format version", 2 },
  { "newer-major", HEAD "<project xmlns=\"" NS "\" format-version=\"2.0\"><title>T</title></project>",
    "format version 2.0, which is newer", 2 },
  { "missing-title", HEAD OPEN "</project>", "Title is required", 2 },
  { "unknown-element", HEAD OPEN "  <title>T</title>\n  <colour>red</colour>\n</project>",
    "Unknown element <colour> in <project>", 4 },
  { "unknown-attribute", HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission id=\"m\" size=\"9\"><title>M</title></mission>\n  </missions>\n</project>",
    "Unknown attribute “size” on <mission>", 5 },
  { "missing-id", HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission><title>M</title></mission>\n  </missions>\n</project>",
    "<mission> has no id", 5 },
  { "bad-id", HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission id=\"1 2\"><title>M</title></mission>\n  </missions>\n</project>",
    "“1 2” is not a valid id", 5 },
  { "duplicate-id", HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission id=\"x\"><title>M</title></mission>\n"
    "    <mission id=\"x\"><title>N</title></mission>\n  </missions>\n</project>",
    "The id “x” is already used, by the <mission> on line 5", 6 },
  { "dangling-reference", HEAD OPEN "  <title>T</title>\n  <relations>\n    <relation id=\"r\" from=\"a\" to=\"b\" kind=\"funding\"/>\n  </relations>\n</project>",
    "From refers to “a”, but there is no stakeholder with that id", 5 },
  { "wrong-kind-reference", HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission id=\"m\" lead=\"o\">\n"
    "      <title>M</title>\n      <objective id=\"o\"><title>O</title></objective>\n    </mission>\n  </missions>\n</project>",
    "which is Objective “O” (o), not a stakeholder", 5 },
  { "end-before-start", HEAD OPEN "  <title>T</title>\n  <roadmap>\n    <workstream id=\"w\"><name>W</name>\n"
    "      <activity id=\"a\" start=\"2025-05-01\" end=\"2025-01-01\"><name>A</name></activity>\n    </workstream>\n  </roadmap>\n</project>",
    "End (2025-01-01) is before start (2025-05-01)", 6 },
  { "bad-date", HEAD OPEN "  <title>T</title>\n  <journal>\n    <entry id=\"j\" date=\"2025-02-30\"><text>x</text></entry>\n  </journal>\n</project>",
    "Date: “2025-02-30” is not a date; write dates as YYYY-MM-DD", 5 },
  { "unknown-enum", HEAD OPEN "  <title>T</title>\n  <stakeholders>\n    <stakeholder id=\"s\" type=\"alien\" level=\"global\"><name>S</name></stakeholder>\n  </stakeholders>\n</project>",
    "“alien” is not a valid value for Type; use one of: government, agency", 5 },
  { "bad-number", HEAD OPEN "  <title>T</title>\n  <instruments>\n    <instrument id=\"i\" type=\"PI008\" budget=\"1,5\"><name>I</name></instrument>\n  </instruments>\n</project>",
    "Budget: “1,5” is not a number", 5 },
  { "out-of-range", HEAD OPEN "  <title>T</title>\n  <stakeholders>\n    <stakeholder id=\"s\" type=\"agency\" level=\"global\" influence=\"9\"><name>S</name></stakeholder>\n  </stakeholders>\n</project>",
    "Influence must be between 1 and 5, not 9", 5 },
  { "self-relation", HEAD OPEN "  <title>T</title>\n  <stakeholders>\n    <stakeholder id=\"s\" type=\"agency\" level=\"global\"><name>S</name></stakeholder>\n  </stakeholders>\n"
    "  <relations>\n    <relation id=\"r\" from=\"s\" to=\"s\" kind=\"conflict\"/>\n  </relations>\n</project>",
    "two different stakeholders", 8 },
  { "text-in-container", HEAD OPEN "  <title>T</title>\n  <missions>hello</missions>\n</project>",
    "Unexpected text in <missions>", 4 },
  { "element-in-text", HEAD OPEN "  <title>T <b>bold</b></title>\n</project>",
    "<title> holds text only", 3 },
  { "twice", HEAD OPEN "  <title>T</title>\n  <title>U</title>\n</project>",
    "<title> appears more than once", 4 },
  { "xxe", HEAD "<!DOCTYPE project [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" OPEN "  <title>&xxe;</title>\n</project>",
    "DOCTYPE", 0 },
  { "external-dtd", HEAD "<!DOCTYPE project SYSTEM \"http://example.org/evil.dtd\">\n" OPEN "  <title>T</title>\n</project>",
    "DOCTYPE", 0 },
  { "billion-laughs", HEAD "<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n" OPEN "  <title>&lol9;</title>\n</project>",
    "DOCTYPE", 0 },
  { "undefined-entity", HEAD OPEN "  <title>&nope;</title>\n</project>", "not well-formed", 3 },
  { "bad-utf8", HEAD OPEN "  <title>caf\xc3\x28</title>\n</project>", "not UTF-8 text", 3 },
  { "latin1-declared-wrongly", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" OPEN "  <title>Caf\xe9</title>\n</project>",
    "not UTF-8 text", 3 },
  { "control-character", HEAD OPEN "  <title>bell &#7;</title>\n</project>", "not well-formed", 3 },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *test = data;
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  gboolean found = FALSE;

  project = read_text (test->text, strlen (test->text), diagnostics, &error);
  g_assert_null (project);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
  g_assert_cmpuint (ml_diagnostics_count (diagnostics, ML_SEVERITY_ERROR), >, 0);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      MlDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *line = ml_diagnostic_format (diagnostic, "test.mlab");

      g_test_message ("%s", line);
      if (strstr (diagnostic->message, test->expected) != NULL &&
          (test->line == 0 || diagnostic->line == test->line))
        found = TRUE;
    }

  if (!found)
    g_error ("%s: no diagnostic “%s” on line %u", test->name, test->expected, test->line);
}

static void
test_malformed_embedded_nul (void)
{
  static const char text[] = HEAD OPEN "  <title>a\0b</title>\n</project>\n";
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = read_text (text, sizeof text - 1, diagnostics, &error);

  g_assert_null (project);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
  g_assert_nonnull (strstr (((MlDiagnostic *) diagnostics->pdata[0])->message, "not well-formed"));
}

static void
test_malformed_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new (HEAD OPEN "  <title>T</title>\n");
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "<x>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "</x>");
  g_string_append (text, "</project>\n");

  project = read_text (text->str, text->len, diagnostics, &error);
  g_assert_null (project);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
  g_assert_nonnull (strstr (((MlDiagnostic *) diagnostics->pdata[0])->message, "depth"));
}

static void
test_malformed_huge_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("huge-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.mlab", NULL);
  g_autoptr(MlProject) project = NULL;
  int fd;

  /* 100 MB, sparse: the size limit must refuse it before parsing. */
  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, HEAD OPEN, strlen (HEAD OPEN)), ==, (gssize) strlen (HEAD OPEN));
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);

  project = ml_project_load (path, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, ML_ERROR, ML_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than 64 MB"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_malformed_not_a_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("special-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.mlab", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.mlab", NULL);
  g_autoptr(MlProject) project = NULL;

  project = ml_project_load (dir, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, ML_ERROR, ML_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);

  /* A FIFO with no writer would block a plain open(): it must be refused at once. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  project = ml_project_load (fifo, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, ML_ERROR, ML_ERROR_NOT_A_FILE);
  g_clear_error (&error);

  g_assert_cmpint (symlink (loop, loop), ==, 0);
  project = ml_project_load (loop, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "loop.mlab"));
  g_clear_error (&error);

  project = ml_project_load ("/nonexistent/project.mlab", NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Could not open “/nonexistent/project.mlab”"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xml/round-trip", test_round_trip);
  g_test_add_func ("/xml/canonical-order", test_canonical_order);
  g_test_add_func ("/xml/newer-minor-version", test_newer_minor_version);
  g_test_add_func ("/xml/extensions", test_extensions);
  g_test_add_func ("/xml/french-locale", test_french_locale);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml/malformed/%s", malformed[i].name);

      g_test_add_data_func (path, &malformed[i], test_malformed);
    }
  g_test_add_func ("/xml/malformed/embedded-nul", test_malformed_embedded_nul);
  g_test_add_func ("/xml/malformed/deep-nesting", test_malformed_deep_nesting);
  g_test_add_func ("/xml/malformed/huge-file", test_malformed_huge_file);
  g_test_add_func ("/xml/malformed/not-a-file", test_malformed_not_a_file);

  return g_test_run ();
}
