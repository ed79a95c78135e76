/* test-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format: canonical writing, round trips, what is kept from newer versions and
 * extensions, locale independence. Malformed and hostile files are test-hostile's table.
 */

#include "config.h"

#include <locale.h>

#include "ml-diagnostic.h"
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

  return g_test_run ();
}
