/* test-interop.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Data in and out: CSV import of stakeholders and relations, GraphML and GEXF export, and the
 * `import` and `export stakeholders` commands.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "ml-command.h"
#include "ml-csv-import.h"
#include "ml-graph-export.h"
#include "ml-project-io.h"
#include "ml-test-util.h"
#include "ml-xml-writer.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

static MlProject *
load_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid-full.mlab", NULL);
  MlProject *project = ml_project_load (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

/* Rows as "a|b#c|d": fields joined by |, rows by #. */
static char *
join_rows (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      g_autofree char *row = g_strjoinv ("|", g_ptr_array_index (rows, r));

      if (r > 0)
        g_string_append_c (text, '#');
      g_string_append (text, row);
    }

  return g_string_free (text, FALSE);
}

static void
test_csv_parse (void)
{
  static const struct
  {
    const char *input;
    const char *expected;
    char        separator;
  } cases[] = {
    { "a,b\n1,2\n", "a|b#1|2", ',' },
    { "a,b\r\n1,2\r\n", "a|b#1|2", ',' },
    { "\xEF\xBB\xBF" "a,b\n1,2", "a|b#1|2", ',' },
    { "a,b\n\"x,y\",2\n", "a|b#x,y|2", ',' },
    { "a,b\n\"say \"\"hi\"\"\",2", "a|b#say \"hi\"|2", ',' },
    { "a,b\n\"l1\r\nl2\",2\r\n", "a|b#l1\nl2|2", ',' },
    { "a;b\n\"1;5\";2\n", "a|b#1;5|2", ';' },
    { "\xEF\xBB\xBF" "a;b,c;d\r\n1,5;2,5;3\r\n", "a|b,c|d#1,5|2,5|3", ';' },
    { "a,b\n\n,\n1,2\n\n", "a|b#1|2", ',' },
    { "a,b\n1,\n,2", "a|b#1|#|2", ',' },
    { "a,b\n\"\",x\n", "a|b#|x", ',' },
    { "a\n\"x\"y\n", "a#xy", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *joined = NULL;
      gsize length = strlen (cases[i].input);

      g_test_message ("case %u: %s", i, cases[i].input);
      g_assert_cmpint (ml_csv_detect_separator (cases[i].input, length), ==, cases[i].separator);
      rows = ml_csv_parse (cases[i].input, length, cases[i].separator, NULL, &error);
      g_assert_no_error (error);
      joined = join_rows (rows);
      g_assert_cmpstr (joined, ==, cases[i].expected);
    }
}

static void
test_csv_parse_lines (void)
{
  const char *input = "a\n\"x\ny\"\n\nz\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) rows = ml_csv_parse (input, strlen (input), ',', &lines, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 5);
}

static void
test_csv_parse_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *latin1 = "name\nMinist\xE8re\n";

  rows = ml_csv_parse ("a,b\n1,\"open\n2,3\n", 16, ',', NULL, &error);
  g_assert_null (rows);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);

  rows = ml_csv_parse (latin1, strlen (latin1), ',', NULL, &error);
  g_assert_null (rows);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static gboolean
has_message (GPtrArray  *messages,
             const char *prefix,
             const char *part)
{
  for (guint i = 0; i < messages->len; i++)
    {
      const char *message = g_ptr_array_index (messages, i);

      if (g_str_has_prefix (message, prefix) && strstr (message, part) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
check_apply_and_undo (MlProject   *project,
                      MlImport    *preview)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = ml_xml_write (project);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(MlCommand) command = ml_import_build_command (preview);
  GPtrArray *added = ml_import_get_added (preview);

  g_assert_nonnull (command);
  /* The preview changes nothing. */
  for (guint i = 0; i < added->len; i++)
    g_assert_null (ml_project_lookup (project, ml_element_get_id (g_ptr_array_index (added, i))));

  g_assert_true (ml_command_apply (command, project, &error));
  g_assert_no_error (error);
  after = ml_xml_write (project);
  g_assert_false (g_bytes_equal (before, after));
  for (guint i = 0; i < added->len; i++)
    g_assert_true (ml_project_lookup (project, ml_element_get_id (g_ptr_array_index (added, i))) ==
                   g_ptr_array_index (added, i));

  ml_command_revert (command, project);
  undone = ml_xml_write (project);
  g_assert_true (g_bytes_equal (before, undone));
}

static void
test_csv_stakeholders (void)
{
  const char *csv =
    "\xEF\xBB\xBF" "Name,TYPE, level ,sector,influence,id,notes\r\n"
    "\"Agency, the \"\"new\"\" one\",agency,national,energy,4,,first\r\n"
    "INNOVATION fund,funder,national,,,,\r\n"
    "Citizens' panel,sometimes,local,,,,\r\n"
    "\"agency, the \"\"NEW\"\" one\",agency,local,,,,\r\n"
    "Research centre,research,regional,,9,,\r\n"
    "\r\n"
    "Port authority,agency,local,\"ports\nand harbours\",,s-port,\r\n"
    "Lab,research,local,,,s-ministry,\r\n"
    ",agency,local,,,,\r\n"
    "Second lab,research,,,,,\r\n"
    "Third lab,research,local,,,,\r\n";
  g_autoptr(MlProject) project = load_full ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlImport) preview = NULL;
  GPtrArray *added, *errors, *skipped;
  MlElement *agency, *port, *third;

  preview = ml_csv_import_preview (project, ML_CSV_IMPORT_STAKEHOLDERS, csv, strlen (csv), &error);
  g_assert_no_error (error);

  added = ml_import_get_added (preview);
  errors = ml_import_get_errors (preview);
  skipped = ml_import_get_skipped (preview);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));

  g_assert_cmpuint (added->len, ==, 3);
  agency = g_ptr_array_index (added, 0);
  port = g_ptr_array_index (added, 1);
  third = g_ptr_array_index (added, 2);
  g_assert_cmpstr (ml_element_get_string (agency, ML_STAKEHOLDER_NAME), ==,
                   "Agency, the \"new\" one");
  g_assert_cmpstr (ml_element_get_string (agency, ML_STAKEHOLDER_SECTOR), ==, "energy");
  g_assert_cmpfloat (ml_element_get_number (agency, ML_STAKEHOLDER_INFLUENCE), ==, 4);
  g_assert_cmpuint (ml_import_get_added_line (preview, 0), ==, 2);
  g_assert_cmpstr (ml_element_get_id (port), ==, "s-port");
  g_assert_cmpstr (ml_element_get_string (port, ML_STAKEHOLDER_SECTOR), ==, "ports\nand harbours");
  g_assert_cmpuint (ml_import_get_added_line (preview, 1), ==, 8);
  g_assert_cmpuint (ml_import_get_added_line (preview, 2), ==, 13);
  /* Generated ids are unused in the project and differ from one another. */
  g_assert_null (ml_project_lookup (project, ml_element_get_id (agency)));
  g_assert_cmpstr (ml_element_get_id (agency), !=, ml_element_get_id (third));

  g_assert_cmpuint (skipped->len, ==, 2);
  g_assert_true (has_message (skipped, "line 3:", "already a stakeholder (s-fund)"));
  g_assert_true (has_message (skipped, "line 5:", "already appears on line 2"));

  g_assert_cmpuint (errors->len, ==, 5);
  g_assert_true (has_message (errors, "line 4: ", "“sometimes” is not a valid type; use one of: government,"));
  g_assert_true (has_message (errors, "line 6: ", "nfluence"));
  g_assert_true (has_message (errors, "line 10: ", "“s-ministry” is already used"));
  g_assert_true (has_message (errors, "line 11: ", "the name is missing"));
  g_assert_true (has_message (errors, "line 12: ", "the level is missing"));

  g_assert_cmpuint (ml_import_get_warnings (preview)->len, ==, 1);
  g_assert_true (has_message (ml_import_get_warnings (preview), "line 1:", "“notes”"));

  check_apply_and_undo (project, preview);
}

static void
test_csv_file_errors (void)
{
  static const struct
  {
    MlCsvImportKind kind;
    const char     *csv;
    const char     *message;
  } cases[] = {
    { ML_CSV_IMPORT_STAKEHOLDERS, "type,level\nsme,local\n", "“name”" },
    { ML_CSV_IMPORT_STAKEHOLDERS, "", "empty" },
    { ML_CSV_IMPORT_STAKEHOLDERS, "name,Name\nx,y\n", "twice" },
    { ML_CSV_IMPORT_RELATIONS, "from,kind\ns-fund,funding\n", "“from” and “to”" },
    { ML_CSV_IMPORT_RELATIONS, "a,\"b\n", "never closed" },
  };
  g_autoptr(MlProject) project = load_full ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MlImport) preview = NULL;

      preview = ml_csv_import_preview (project, cases[i].kind, cases[i].csv,
                                       strlen (cases[i].csv), &error);
      g_assert_null (preview);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_csv_relations (void)
{
  const char *csv =
    "From;To;Kind;Direction;Strength;Description\n"
    "s-fund;Agricultural University;coordination;mutual;3;joint calls\n"
    "INNOVATION FUND;s-eu;funding;;;\n"
    "s-fund;s-ministry;reporting;;;\n"
    "s-uni;Nobody;coordination;;;\n"
    "s-uni;agricultural university;coordination;;;\n"
    "s-uni;s-epa;;;;\n"
    "s-uni;s-epa;information;;7;\n"
    "s-uni;s-epa;information;sideways;;\n";
  g_autoptr(MlProject) project = load_full ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlImport) preview = NULL;
  GPtrArray *added, *errors, *skipped;
  MlElement *first, *second;

  preview = ml_csv_import_preview (project, ML_CSV_IMPORT_RELATIONS, csv, strlen (csv), &error);
  g_assert_no_error (error);
  added = ml_import_get_added (preview);
  errors = ml_import_get_errors (preview);
  skipped = ml_import_get_skipped (preview);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));

  g_assert_cmpuint (added->len, ==, 2);
  first = g_ptr_array_index (added, 0);
  second = g_ptr_array_index (added, 1);
  g_assert_cmpstr (ml_element_get_string (first, ML_RELATION_FROM), ==, "s-fund");
  g_assert_cmpstr (ml_element_get_string (first, ML_RELATION_TO), ==, "s-uni");
  g_assert_cmpfloat (ml_element_get_number (first, ML_RELATION_STRENGTH), ==, 3);
  g_assert_cmpstr (ml_element_get_string (first, ML_RELATION_DESCRIPTION), ==, "joint calls");
  g_assert_cmpstr (ml_element_get_string (second, ML_RELATION_FROM), ==, "s-fund");
  g_assert_cmpstr (ml_element_get_string (second, ML_RELATION_TO), ==, "s-eu");
  g_assert_cmpstr (ml_element_get_id (first), !=, ml_element_get_id (second));

  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_true (has_message (skipped, "line 4:", "already has this relation"));

  g_assert_cmpuint (errors->len, ==, 5);
  g_assert_true (has_message (errors, "line 5: ", "“Nobody”"));
  g_assert_true (has_message (errors, "line 6: ", "two different stakeholders"));
  g_assert_true (has_message (errors, "line 7: ", "the kind is missing"));
  g_assert_true (has_message (errors, "line 8: ", "trength"));
  g_assert_true (has_message (errors, "line 9: ", "“sideways” is not a valid direction"));

  check_apply_and_undo (project, preview);
}

static void
test_csv_nothing_to_add (void)
{
  const char *csv = "name,type,level\nInnovation Fund,funder,national\n";
  g_autoptr(MlProject) project = load_full ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlImport) preview = NULL;

  preview = ml_csv_import_preview (project, ML_CSV_IMPORT_STAKEHOLDERS, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ml_import_get_added (preview)->len, ==, 0);
  g_assert_null (ml_import_build_command (preview));
}

/* Parses @path with libxml2 and gives an XPath context with the prefix "g" for the format's
 * namespace. */
static xmlXPathContext *
parse_export (const char *path,
              const char *ns,
              xmlDoc    **doc)
{
  xmlXPathContext *context;

  *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (*doc);
  context = xmlXPathNewContext (*doc);
  xmlXPathRegisterNs (context, BAD_CAST "g", BAD_CAST ns);
  xmlXPathRegisterNs (context, BAD_CAST "viz", BAD_CAST "http://gexf.net/1.3/viz");

  return context;
}

static double
xpath_number (xmlXPathContext *context,
              const char      *expression)
{
  g_autoptr(xmlXPathObject) result = xmlXPathEvalExpression (BAD_CAST expression, context);

  g_assert_nonnull (result);
  g_assert_cmpint (result->type, ==, XPATH_NUMBER);

  return result->floatval;
}

static char *
xpath_string (xmlXPathContext *context,
              const char      *expression)
{
  g_autoptr(xmlXPathObject) result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlChar *text;
  char *copy;

  g_assert_nonnull (result);
  text = xmlXPathCastToString (result);
  copy = g_strdup ((const char *) text);
  xmlFree (text);

  return copy;
}

static const char *const node_keys[] = {
  "name", "type", "level", "sector", "influence", "interest", "role", "engagement", "x", "y",
  "degree", "betweenness", "closeness", "community", "broker", "isolated",
};

static char *
export_to_temp (MlProject     *project,
                MlGraphFormat  format,
                const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("interop-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (ml_graph_export (project, format, path, &error));
  g_assert_no_error (error);

  return path;
}

static void
test_graphml (void)
{
  g_autoptr(MlProject) project = load_full ();
  g_autofree char *path = export_to_temp (project, ML_GRAPH_FORMAT_GRAPHML, "net.graphml");
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlXPathContext) xpath = parse_export (path, "http://graphml.graphdrawing.org/xmlns",
                                                   &doc);
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *source = NULL;
  g_autofree char *weight = NULL;
  g_autofree char *direction = NULL;

  g_assert_cmpfloat (xpath_number (xpath, "count(/g:graphml/g:graph[@edgedefault='directed'])"),
                     ==, 1);
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:node)"), ==, 6);
  /* Two relations, one of them mutual: three arcs. */
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:edge)"), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (node_keys); i++)
    {
      g_autofree char *expression =
        g_strdup_printf ("count(//g:key[@for='node'][@attr.name='%s'])", node_keys[i]);

      g_assert_cmpfloat (xpath_number (xpath, expression), ==, 1);
    }
  for (guint i = 0; i < 4; i++)
    {
      static const char *const edge_keys[] = { "kind", "direction", "weight", "relation" };
      g_autofree char *expression =
        g_strdup_printf ("count(//g:key[@for='edge'][@attr.name='%s'])", edge_keys[i]);

      g_assert_cmpfloat (xpath_number (xpath, expression), ==, 1);
    }
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:key[@attr.name='betweenness'][@attr.type='double'])"),
                     ==, 1);
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:key[@attr.name='broker'][@attr.type='boolean'])"),
                     ==, 1);
  /* Every data element names a declared key. */
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:data[not(@key = //g:key/@id)])"), ==, 0);

  name = xpath_string (xpath, "//g:node[@id='s-epa']/g:data[@key='n_name']");
  g_assert_cmpstr (name, ==, "Miljøstyrelsen (Environmental Protection Agency)");
  type = xpath_string (xpath, "//g:node[@id='s-ministry']/g:data[@key='n_type']");
  g_assert_cmpstr (type, ==, "government");
  source = xpath_string (xpath, "//g:edge[@id='r-farmers-epa-reverse']/@source");
  g_assert_cmpstr (source, ==, "s-epa");
  weight = xpath_string (xpath, "//g:edge[@id='r-farmers-epa']/g:data[@key='e_weight']");
  g_assert_cmpstr (weight, ==, "1.5");
  direction = xpath_string (xpath, "//g:edge[@id='r-fund-ministry']/g:data[@key='e_direction']");
  g_assert_cmpstr (direction, ==, "directed");
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:node[g:data[@key='n_degree']])"), ==, 6);
}

static void
test_gexf (void)
{
  g_autoptr(MlProject) project = load_full ();
  g_autofree char *path = export_to_temp (project, ML_GRAPH_FORMAT_GEXF, "net.gexf");
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlXPathContext) xpath = parse_export (path, "http://gexf.net/1.3", &doc);
  g_autofree char *version = NULL;
  g_autofree char *label = NULL;
  g_autofree char *level = NULL;
  g_autofree char *weight = NULL;

  version = xpath_string (xpath, "/g:gexf/@version");
  g_assert_cmpstr (version, ==, "1.3");
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:nodes/g:node)"), ==, 6);
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:edges/g:edge)"), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (node_keys); i++)
    {
      g_autofree char *expression =
        g_strdup_printf ("count(//g:attributes[@class='node']/g:attribute[@id='%s'])",
                         node_keys[i]);

      g_assert_cmpfloat (xpath_number (xpath, expression), ==, 1);
    }
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:attributes[@class='edge']/g:attribute[@id='kind'])"),
                     ==, 1);
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:attribute[@id='community'][@type='integer'])"),
                     ==, 1);
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:attvalue[not(@for = //g:attribute/@id)])"),
                     ==, 0);

  label = xpath_string (xpath, "//g:node[@id='s-fund']/@label");
  g_assert_cmpstr (label, ==, "Innovation Fund");
  level = xpath_string (xpath, "//g:node[@id='s-eu']//g:attvalue[@for='level']/@value");
  g_assert_cmpstr (level, ==, "supranational");
  weight = xpath_string (xpath, "//g:edge[@id='r-fund-ministry']/@weight");
  g_assert_cmpstr (weight, ==, "2");
  g_assert_cmpfloat (xpath_number (xpath, "count(//g:edge[@source='s-epa'][@target='s-farmers'])"),
                     ==, 1);
}

static void
test_graph_placed (void)
{
  g_autoptr(MlProject) project = load_full ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlCommand) place = NULL;
  g_autofree char *graphml = NULL;
  g_autofree char *gexf = NULL;
  g_autoptr(xmlDoc) graphml_doc = NULL;
  g_autoptr(xmlDoc) gexf_doc = NULL;
  g_autoptr(xmlXPathContext) graphml_xpath = NULL;
  g_autoptr(xmlXPathContext) gexf_xpath = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autofree char *viz_y = NULL;
  MlElement *uni = ml_project_lookup (project, "s-uni");
  MlValue vx, vy;

  ml_value_init_number (&vx, ML_STAKEHOLDER_X, 120.5);
  ml_value_init_number (&vy, ML_STAKEHOLDER_Y, 40);
  place = ml_command_new_group ("Place", ml_command_new_set (uni, ML_STAKEHOLDER_X, &vx),
                                ml_command_new_set (uni, ML_STAKEHOLDER_Y, &vy), NULL);
  g_assert_true (ml_command_apply (place, project, &error));
  g_assert_no_error (error);

  graphml = export_to_temp (project, ML_GRAPH_FORMAT_GRAPHML, "placed.graphml");
  graphml_xpath = parse_export (graphml, "http://graphml.graphdrawing.org/xmlns", &graphml_doc);
  x = xpath_string (graphml_xpath, "//g:node[@id='s-uni']/g:data[@key='n_x']");
  g_assert_cmpstr (x, ==, "120.5");
  /* Unplaced stakeholders have no position rather than a made-up one. */
  g_assert_cmpfloat (xpath_number (graphml_xpath, "count(//g:data[@key='n_y'])"), ==, 1);

  gexf = export_to_temp (project, ML_GRAPH_FORMAT_GEXF, "placed.gexf");
  gexf_xpath = parse_export (gexf, "http://gexf.net/1.3", &gexf_doc);
  y = xpath_string (gexf_xpath, "//g:node[@id='s-uni']//g:attvalue[@for='y']/@value");
  g_assert_cmpstr (y, ==, "40");
  viz_y = xpath_string (gexf_xpath, "//g:node[@id='s-uni']/viz:position/@y");
  g_assert_cmpstr (viz_y, ==, "-40");
  g_assert_cmpfloat (xpath_number (gexf_xpath, "count(//viz:position)"), ==, 1);
}

/* The command line */

static char *
copy_sample (const char *dir,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_build_filename (g_getenv ("MISSIONLAB_SAMPLES"), name, NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_cli_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("interop-cli-XXXXXX", &error);
  g_autofree char *project = copy_sample (dir, "csiro-drought.mlab");
  g_autofree char *graphml = g_build_filename (dir, "net.graphml", NULL);
  g_autofree char *gexf = g_build_filename (dir, "net.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.mlab", NULL);
  g_auto(MlTestRun) ok = { 0 };
  g_auto(MlTestRun) ok_gexf = { 0 };
  g_auto(MlTestRun) unknown = { 0 };
  g_auto(MlTestRun) no_format = { 0 };
  g_auto(MlTestRun) no_output = { 0 };
  g_auto(MlTestRun) no_project = { 0 };
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlDoc) gexf_doc = NULL;

  ml_test_run_cli (&ok, "export", "stakeholders", project, "-o", graphml, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  doc = xmlReadFile (graphml, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);

  ml_test_run_cli (&ok_gexf, "export", "stakeholders", project, "-o", gexf, "--format", "GEXF", NULL);
  g_assert_cmpint (ok_gexf.status, ==, 0);
  gexf_doc = xmlReadFile (gexf, NULL, XML_PARSE_NONET);
  g_assert_nonnull (gexf_doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (gexf_doc)->name, ==, "gexf");

  ml_test_run_cli (&unknown, "export", "stakeholders", project, "-o", graphml, "--format", "dot", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "graphml, gexf"));
  ml_test_run_cli (&no_format, "export", "stakeholders", project, "-o", gexf, NULL);
  g_assert_cmpint (no_format.status, ==, 2);
  ml_test_run_cli (&no_output, "export", "stakeholders", project, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  ml_test_run_cli (&no_project, "export", "stakeholders", missing, "-o", graphml, NULL);
  g_assert_cmpint (no_project.status, ==, 3);
}

static void
test_cli_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("interop-cli-XXXXXX", &error);
  g_autofree char *project = copy_sample (dir, "csiro-drought.mlab");
  g_autofree char *backup = g_strconcat (project, "~", NULL);
  g_autofree char *original = read_file (project);
  g_autofree char *people = write_file (dir, "people.csv",
                                        "\xEF\xBB\xBF" "name;type;level;sector\r\n"
                                        "\"Water Board; North\";agency;regional;water\r\n"
                                        "Growers' cooperative;industry;local;agriculture\r\n");
  g_autofree char *ties = write_file (dir, "ties.csv",
                                      "from,to,kind,direction,strength\n"
                                      "water board; north,Growers' Cooperative,coordination,mutual,3\n");
  g_autofree char *bad = write_file (dir, "bad.csv",
                                     "name,type,level\nSomebody,sometimes,local\n");
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *after = NULL;
  g_auto(MlTestRun) invalid = { 0 };
  g_auto(MlTestRun) dry = { 0 };
  g_auto(MlTestRun) stakeholders = { 0 };
  g_auto(MlTestRun) relations = { 0 };
  g_auto(MlTestRun) again = { 0 };
  g_auto(MlTestRun) validate = { 0 };
  g_auto(MlTestRun) no_csv = { 0 };
  g_auto(MlTestRun) usage = { 0 };
  g_auto(MlTestRun) unknown = { 0 };

  g_assert_no_error (error);

  ml_test_run_cli (&invalid, "import", "stakeholders", project, bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_nonnull (strstr (invalid.err, "line 2: “sometimes” is not a valid type"));
  after = read_file (project);
  g_assert_cmpstr (after, ==, original);
  g_clear_pointer (&after, g_free);

  ml_test_run_cli (&dry, "import", "stakeholders", project, people, "--dry-run", NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "Water Board; North"));
  after = read_file (project);
  g_assert_cmpstr (after, ==, original);
  g_clear_pointer (&after, g_free);

  ml_test_run_cli (&stakeholders, "import", "stakeholders", project, people, NULL);
  g_assert_cmpint (stakeholders.status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  ml_test_run_cli (&relations, "import", "relations", project, ties, NULL);
  g_assert_cmpint (relations.status, ==, 0);
  after = read_file (project);
  g_assert_nonnull (strstr (after, "Water Board; North"));

  /* Importing the same file again adds nothing. */
  ml_test_run_cli (&again, "import", "stakeholders", project, people, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "skipped"));

  ml_test_run_cli (&validate, "validate", project, NULL);
  g_assert_cmpint (validate.status, ==, 0);

  ml_test_run_cli (&no_csv, "import", "relations", project, missing, NULL);
  g_assert_cmpint (no_csv.status, ==, 3);
  ml_test_run_cli (&usage, "import", "stakeholders", project, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  ml_test_run_cli (&unknown, "import", "budgets", project, people, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/interop/csv/parse", test_csv_parse);
  g_test_add_func ("/interop/csv/parse-lines", test_csv_parse_lines);
  g_test_add_func ("/interop/csv/parse-errors", test_csv_parse_errors);
  g_test_add_func ("/interop/csv/stakeholders", test_csv_stakeholders);
  g_test_add_func ("/interop/csv/file-errors", test_csv_file_errors);
  g_test_add_func ("/interop/csv/relations", test_csv_relations);
  g_test_add_func ("/interop/csv/nothing-to-add", test_csv_nothing_to_add);
  g_test_add_func ("/interop/graph/graphml", test_graphml);
  g_test_add_func ("/interop/graph/gexf", test_gexf);
  g_test_add_func ("/interop/graph/placed", test_graph_placed);
  g_test_add_func ("/interop/cli/export", test_cli_export);
  g_test_add_func ("/interop/cli/import", test_cli_import);

  return g_test_run ();
}
