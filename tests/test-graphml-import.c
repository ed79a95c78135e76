/* test-graphml-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GraphML import: our export read back, the files of yEd, Gephi and networkx, the rules
 * that skip what the project has, and every file it must refuse, with the reason.
 */

#include "config.h"

#include "ml-enums.h"
#include "ml-error.h"
#include "ml-graph-export.h"
#include "ml-graphml-import.h"
#include "ml-project-io.h"
#include "ml-test-util.h"
#include "ml-xml-reader.h"
#include "ml-xml-writer.h"

#define EMPTY_PROJECT \
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">" \
  "<title>Empty</title></project>"

/* Two stakeholders and a mutual relation between them. */
#define SMALL_PROJECT \
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\"><title>T</title>" \
  "<stakeholders>" \
  "<stakeholder id=\"a\" type=\"government\" level=\"national\"><name>Alpha</name></stakeholder>" \
  "<stakeholder id=\"b\" type=\"research\" level=\"local\"><name>Bêta</name></stakeholder>" \
  "</stakeholders><relations>" \
  "<relation id=\"r1\" from=\"a\" to=\"b\" kind=\"funding\" direction=\"mutual\"/>" \
  "</relations></project>"

#define GRAPHML_OPEN \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"

static MlImport *
preview_text (MlProject  *project,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  MlImport *import = ml_graphml_import_preview (project, text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static gboolean
has_message (GPtrArray  *messages,
             const char *start,
             const char *part)
{
  for (guint i = 0; i < messages->len; i++)
    {
      const char *message = g_ptr_array_index (messages, i);

      if (g_str_has_prefix (message, start) && strstr (message, part) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
print_messages (MlImport *import)
{
  GPtrArray *lists[] = { ml_import_get_errors (import), ml_import_get_skipped (import),
                         ml_import_get_warnings (import) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      g_test_message ("%s", (const char *) g_ptr_array_index (lists[l], i));
}

/* Applies the import's one command, checks that the project still writes and reads, and
 * returns the project as written; undoing gives back @before to the byte. */
static GBytes *
apply_and_check_undo (MlImport  *import,
                      MlProject *project)
{
  g_autoptr(MlCommand) command = ml_import_build_command (import);
  g_autoptr(GBytes) before = ml_xml_write (project);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) again = NULL;
  GBytes *after;
  gsize length;
  const char *text;

  g_assert_nonnull (command);
  g_assert_true (ml_command_apply (command, project, &error));
  g_assert_no_error (error);
  after = ml_xml_write (project);
  text = g_bytes_get_data (after, &length);
  again = ml_xml_read (text, length, "after.mlab", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  ml_command_revert (command, project);
  undone = ml_xml_write (project);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_true (ml_command_apply (command, project, &error));
  g_assert_no_error (error);

  return after;
}

static void
assert_same_fields (MlElement *expected,
                    MlElement *actual)
{
  g_assert_cmpstr (ml_element_get_id (actual), ==, ml_element_get_id (expected));
  ML_KIND_FOREACH_FIELD (ml_element_get_kind (expected), field)
    {
      const MlValue *a = ml_element_get_value (expected, field);
      const MlValue *b = ml_element_get_value (actual, field);
      g_autofree char *text_a = a != NULL && ml_value_is_set (a) ? ml_value_to_string (a, field) : NULL;
      g_autofree char *text_b = b != NULL && ml_value_is_set (b) ? ml_value_to_string (b, field) : NULL;

      g_assert_cmpstr (text_b, ==, text_a);
    }
}

/* Our export of each sample, imported into an empty project, gives its stakeholders and
 * relations back, ids included; imported into the sample itself, it adds nothing. */
static void
test_round_trip (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) original = ml_project_load (path, NULL, NULL, &error);
  g_autoptr(MlProject) empty = ml_test_load_text (EMPTY_PROJECT);
  g_autoptr(GBytes) graphml = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(MlImport) import = NULL;
  g_autoptr(MlImport) again = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) imported_relations = NULL;
  gsize length;
  const char *text;

  g_assert_no_error (error);
  graphml = ml_graph_export_to_bytes (original, ML_GRAPH_FORMAT_GRAPHML);
  text = g_bytes_get_data (graphml, &length);

  import = ml_graphml_import_preview (empty, text, length, &error);
  g_assert_no_error (error);
  print_messages (import);
  g_assert_cmpuint (ml_import_get_errors (import)->len, ==, 0);
  g_assert_cmpuint (ml_import_get_skipped (import)->len, ==, 0);
  /* The measures are ignored without a word. */
  g_assert_cmpuint (ml_import_get_warnings (import)->len, ==, 0);
  after = apply_and_check_undo (import, empty);

  stakeholders = ml_project_collect (original, ML_KIND_STAKEHOLDER);
  for (guint i = 0; i < stakeholders->len; i++)
    {
      MlElement *stakeholder = g_ptr_array_index (stakeholders, i);
      MlElement *imported = ml_project_lookup (empty, ml_element_get_id (stakeholder));

      g_assert_nonnull (imported);
      assert_same_fields (stakeholder, imported);
    }
  relations = ml_project_collect (original, ML_KIND_RELATION);
  imported_relations = ml_project_collect (empty, ML_KIND_RELATION);
  g_assert_cmpuint (imported_relations->len, ==, relations->len);
  for (guint i = 0; i < relations->len; i++)
    {
      MlElement *relation = g_ptr_array_index (relations, i);
      MlElement *imported = ml_project_lookup (empty, ml_element_get_id (relation));

      g_assert_nonnull (imported);
      assert_same_fields (relation, imported);
    }

  again = ml_graphml_import_preview (original, text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ml_import_get_added (again)->len, ==, 0);
  g_assert_cmpuint (ml_import_get_errors (again)->len, ==, 0);
  g_assert_cmpuint (ml_import_get_skipped (again)->len, ==, stakeholders->len + relations->len);
  g_assert_null (ml_import_build_command (again));
}

static void
test_skip_rules (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (SMALL_PROJECT);
  g_autoptr(MlImport) import = NULL;
  g_autoptr(GBytes) after = NULL;
  GPtrArray *added, *skipped;
  MlElement *gamma, *relation;

  import = preview_text (project,
                         GRAPHML_OPEN
                         "  <key id=\"t\" for=\"node\" attr.name=\"Type\"/>\n"
                         "  <key id=\"l\" for=\"node\" attr.name=\"LEVEL\"/>\n"
                         "  <key id=\"n\" for=\"node\" attr.name=\"name\"/>\n"
                         "  <key id=\"k\" for=\"edge\" attr.name=\"kind\"/>\n"
                         "  <key id=\"d\" for=\"edge\" attr.name=\"direction\"/>\n"
                         "  <graph edgedefault=\"directed\">\n"
                         "    <node id=\"x1\"><data key=\"n\">ALPHA</data></node>\n"
                         "    <node id=\"x2\"><data key=\"n\">Gamma</data>"
                         "<data key=\"t\">industry</data><data key=\"l\">regional</data></node>\n"
                         "    <node id=\"x3\"><data key=\"n\">gamma</data>"
                         "<data key=\"t\">industry</data><data key=\"l\">regional</data></node>\n"
                         "    <node id=\"x4\"><data key=\"n\">bêta</data></node>\n"
                         "    <edge source=\"x1\" target=\"x2\"><data key=\"k\">funding</data></edge>\n"
                         "    <edge source=\"x1\" target=\"x4\"><data key=\"k\">funding</data></edge>\n"
                         "    <edge source=\"x4\" target=\"x1\"><data key=\"k\">funding</data>"
                         "<data key=\"d\">mutual</data></edge>\n"
                         "    <edge source=\"x1\" target=\"x4\"><data key=\"k\">reporting</data></edge>\n"
                         "    <edge source=\"x3\" target=\"x2\"><data key=\"k\">funding</data></edge>\n"
                         "  </graph>\n"
                         "</graphml>\n");
  print_messages (import);
  added = ml_import_get_added (import);
  skipped = ml_import_get_skipped (import);

  /* Names match ignoring case; a repeated name in the file is skipped, and its edges join the
   * first node of that name. */
  g_assert_true (has_message (skipped, "line 9:", "“ALPHA” is already a stakeholder (a)"));
  g_assert_true (has_message (skipped, "line 11:", "“gamma” already appears on line 10"));
  g_assert_true (has_message (skipped, "line 12:", "“bêta” is already a stakeholder (b)"));
  /* Same ends and kind: the project has the mutual a–b funding relation, in either order. */
  g_assert_true (has_message (skipped, "line 14:", "from “Alpha” to “Bêta”"));
  g_assert_true (has_message (skipped, "line 15:", "from “Bêta” to “Alpha”"));
  g_assert_cmpuint (skipped->len, ==, 5);
  g_assert_cmpuint (ml_import_get_errors (import)->len, ==, 1);
  g_assert_true (has_message (ml_import_get_errors (import), "line 17:",
                              "not one to itself"));

  /* Gamma, a new funding relation a → Gamma, and a reporting relation a → b. */
  g_assert_cmpuint (added->len, ==, 3);
  g_assert_cmpuint (ml_import_get_added_line (import, 0), ==, 10);
  g_assert_cmpuint (ml_import_get_added_line (import, 1), ==, 13);
  g_assert_cmpuint (ml_import_get_added_line (import, 2), ==, 16);
  after = apply_and_check_undo (import, project);

  gamma = ml_project_lookup (project, "x2");
  g_assert_nonnull (gamma);
  g_assert_cmpstr (ml_element_get_string (gamma, ML_STAKEHOLDER_NAME), ==, "Gamma");
  relation = g_ptr_array_index (added, 1);
  g_assert_cmpstr (ml_element_get_string (relation, ML_RELATION_FROM), ==, "a");
  g_assert_cmpstr (ml_element_get_string (relation, ML_RELATION_TO), ==, "x2");
  relation = g_ptr_array_index (added, 2);
  g_assert_cmpstr (ml_element_get_string (relation, ML_RELATION_TO), ==, "b");
  g_assert_cmpint (ml_element_get_enum (relation, ML_RELATION_KIND), ==,
                   ml_enum_info_lookup (ml_field_get_info (ML_RELATION_KIND)->enum_info, "reporting"));
}

/* The export writes a mutual relation as two arcs sharing "relation"; they become one again.
 * An undirected graph's edges are mutual. */
static void
test_mutual_merge (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (EMPTY_PROJECT);
  g_autoptr(MlImport) import = NULL;
  g_autoptr(MlImport) undirected = NULL;
  g_autoptr(GBytes) after = NULL;
  GPtrArray *added;
  MlElement *relation;
  const char *nodes =
    "  <key id=\"t\" for=\"node\" attr.name=\"type\"/>\n"
    "  <key id=\"l\" for=\"node\" attr.name=\"level\"/>\n"
    "  <key id=\"k\" for=\"edge\" attr.name=\"kind\"><default>coordination</default></key>\n"
    "  <key id=\"r\" for=\"edge\" attr.name=\"relation\"/>\n"
    "  <key id=\"d\" for=\"edge\" attr.name=\"direction\"/>\n"
    "  <key id=\"s\" for=\"edge\" attr.name=\"strength\"/>\n";
  g_autofree char *exported = NULL;
  g_autofree char *plain = NULL;

  exported = g_strconcat (GRAPHML_OPEN, nodes,
                          "  <graph edgedefault=\"directed\">\n"
                          "    <node id=\"p\"><data key=\"t\">agency</data><data key=\"l\">local</data></node>\n"
                          "    <node id=\"q\"><data key=\"t\">agency</data><data key=\"l\">local</data></node>\n"
                          "    <edge id=\"m1\" source=\"p\" target=\"q\"><data key=\"r\">m1</data>"
                          "<data key=\"d\">mutual</data><data key=\"s\">3</data></edge>\n"
                          "    <edge id=\"m1-reverse\" source=\"q\" target=\"p\"><data key=\"r\">m1</data>"
                          "<data key=\"d\">mutual</data><data key=\"s\">3</data></edge>\n"
                          "    <edge source=\"p\" target=\"q\"><data key=\"r\">m1</data></edge>\n"
                          "  </graph>\n</graphml>\n", NULL);
  import = preview_text (project, exported);
  print_messages (import);
  added = ml_import_get_added (import);
  g_assert_cmpuint (added->len, ==, 3);
  relation = g_ptr_array_index (added, 2);
  g_assert_cmpstr (ml_element_get_id (relation), ==, "m1");
  g_assert_cmpint (ml_element_get_enum (relation, ML_RELATION_DIRECTION), ==, ML_RELATION_MUTUAL);
  g_assert_cmpfloat (ml_element_get_number (relation, ML_RELATION_STRENGTH), ==, 3);
  /* A third arc with the same "relation" is not the other half of a mutual relation. */
  g_assert_cmpuint (ml_import_get_errors (import)->len, ==, 1);
  g_assert_true (has_message (ml_import_get_errors (import), "line 14:",
                              "repeats the relation “m1” of line 12"));
  after = apply_and_check_undo (import, project);

  plain = g_strconcat (GRAPHML_OPEN, nodes,
                       "  <graph edgedefault=\"undirected\">\n"
                       "    <node id=\"u\"><data key=\"t\">sme</data><data key=\"l\">local</data></node>\n"
                       "    <node id=\"v\"><data key=\"t\">sme</data><data key=\"l\">local</data></node>\n"
                       "    <node id=\"w\"><data key=\"t\">sme</data><data key=\"l\">local</data></node>\n"
                       "    <edge source=\"u\" target=\"v\"/>\n"
                       "    <edge source=\"v\" target=\"w\" directed=\"true\"/>\n"
                       "  </graph>\n</graphml>\n", NULL);
  undirected = preview_text (project, plain);
  added = ml_import_get_added (undirected);
  g_assert_cmpuint (added->len, ==, 5);
  g_assert_cmpint (ml_element_get_enum (g_ptr_array_index (added, 3), ML_RELATION_DIRECTION), ==,
                   ML_RELATION_MUTUAL);
  g_assert_cmpint (ml_element_get_enum (g_ptr_array_index (added, 4), ML_RELATION_DIRECTION), ==,
                   ML_RELATION_DIRECTED);
}

/* yEd keeps the name in a node label, Gephi in "Label", networkx often only in the node id;
 * type and level come from custom properties, as in the CSV import. */
static void
test_other_tools (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (EMPTY_PROJECT);
  g_autoptr(MlImport) import = NULL;
  GPtrArray *added;

  import = preview_text (project,
                         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                         "xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
                         "  <key for=\"node\" id=\"d0\" attr.name=\"Type\" attr.type=\"string\"/>\n"
                         "  <key for=\"node\" id=\"d1\" attr.name=\"Level\" attr.type=\"string\"/>\n"
                         "  <key for=\"node\" id=\"d6\" yfiles.type=\"nodegraphics\"/>\n"
                         "  <key for=\"graphml\" id=\"d7\" yfiles.type=\"resources\"/>\n"
                         "  <key for=\"node\" id=\"label\" attr.name=\"Label\" attr.type=\"string\"/>\n"
                         "  <key for=\"node\" id=\"d9\" attr.name=\"Colour\" attr.type=\"string\"/>\n"
                         "  <key for=\"edge\" id=\"d10\" attr.name=\"Kind\" attr.type=\"string\"/>\n"
                         "  <key for=\"edge\" id=\"w\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                         "  <graph id=\"G\" edgedefault=\"directed\">\n"
                         "    <node id=\"n0\">\n"
                         "      <data key=\"d0\">government</data><data key=\"d1\">national</data>\n"
                         "      <data key=\"d6\"><y:ShapeNode><y:Geometry height=\"30\" width=\"30\"/>"
                         "<y:NodeLabel alignment=\"center\"> Ministry of Energy </y:NodeLabel>"
                         "</y:ShapeNode></data>\n"
                         "    </node>\n"
                         "    <node id=\"n1\"><data key=\"label\">Wind Co</data>"
                         "<data key=\"d0\">industry</data><data key=\"d1\">regional</data>"
                         "<data key=\"d9\">red</data></node>\n"
                         "    <node id=\"Town 3\"><data key=\"d0\">civil-society</data>"
                         "<data key=\"d1\">local</data></node>\n"
                         "    <edge id=\"e0\" source=\"n0\" target=\"n1\"><data key=\"d10\">funding</data>"
                         "<data key=\"w\">1.5</data></edge>\n"
                         "  </graph>\n"
                         "  <data key=\"d7\"><y:Resources/></data>\n"
                         "</graphml>\n");
  print_messages (import);
  g_assert_cmpuint (ml_import_get_errors (import)->len, ==, 0);
  /* One remark for the one attribute MissionLab does not know; weight and yEd's graphics are
   * expected and pass without a word. */
  g_assert_cmpuint (ml_import_get_warnings (import)->len, ==, 1);
  g_assert_true (has_message (ml_import_get_warnings (import), "line 8:", "“Colour”"));
  added = ml_import_get_added (import);
  g_assert_cmpuint (added->len, ==, 4);
  g_assert_cmpstr (ml_element_get_string (g_ptr_array_index (added, 0), ML_STAKEHOLDER_NAME), ==,
                   "Ministry of Energy");
  g_assert_cmpstr (ml_element_get_string (g_ptr_array_index (added, 1), ML_STAKEHOLDER_NAME), ==,
                   "Wind Co");
  g_assert_cmpstr (ml_element_get_string (g_ptr_array_index (added, 2), ML_STAKEHOLDER_NAME), ==,
                   "Town 3");
  /* "Town 3" is no valid id: the stakeholder gets a new one, and the edges still find it. */
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (added, 0)), ==, "n0");
  g_assert_true (ml_id_is_valid (ml_element_get_id (g_ptr_array_index (added, 2))));
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (added, 2)), !=, "Town 3");
}

/* Problems with single nodes and edges, each on its line; the rest is still previewed. */
static void
test_item_errors (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (SMALL_PROJECT);
  g_autoptr(MlImport) import = NULL;
  GPtrArray *errors;

  import = preview_text (project,
                         GRAPHML_OPEN
                         "  <key id=\"t\" for=\"node\" attr.name=\"type\"/>\n"
                         "  <key id=\"l\" for=\"node\" attr.name=\"level\"/>\n"
                         "  <key id=\"i\" for=\"node\" attr.name=\"influence\"/>\n"
                         "  <key id=\"k\" for=\"edge\" attr.name=\"kind\"/>\n"
                         "  <graph>\n"
                         "    <node id=\"c\"><data key=\"l\">local</data></node>\n"
                         "    <node id=\"d\"><data key=\"t\">alien</data><data key=\"l\">local</data></node>\n"
                         "    <node><data key=\"t\">sme</data></node>\n"
                         "    <node id=\"e\"><data key=\"zz\">1</data></node>\n"
                         "    <node id=\"c\"/>\n"
                         "    <node id=\"f\"><data key=\"t\">sme</data><data key=\"l\">local</data>"
                         "<data key=\"i\">lots</data></node>\n"
                         "    <node id=\"g\"><data key=\"t\">sme</data><data key=\"l\">local</data></node>\n"
                         "    <edge source=\"g\" target=\"nowhere\"><data key=\"k\">funding</data></edge>\n"
                         "    <edge source=\"g\" target=\"c\"><data key=\"k\">funding</data></edge>\n"
                         "    <edge source=\"g\"/>\n"
                         "    <edge source=\"g\" target=\"b\"/>\n"
                         "  </graph>\n"
                         "</graphml>\n");
  print_messages (import);
  errors = ml_import_get_errors (import);
  g_assert_true (has_message (errors, "line 8:", "the type is missing; add a <data> whose key is named “type”"));
  g_assert_true (has_message (errors, "line 9:", "“alien” is not a valid type"));
  g_assert_true (has_message (errors, "line 10:", "the <node> has no id"));
  g_assert_true (has_message (errors, "line 11:", "the key “zz”, which no <key> declares"));
  g_assert_true (has_message (errors, "line 12:", "the node id “c” is used by an earlier node"));
  g_assert_true (has_message (errors, "line 13:", "lots"));
  g_assert_true (has_message (errors, "line 15:", "no node has the id “nowhere”"));
  g_assert_true (has_message (errors, "line 16:", "the node “c” (line 8) is not imported"));
  g_assert_true (has_message (errors, "line 17:", "needs both a source and a target"));
  g_assert_true (has_message (errors, "line 18:", "no node has the id “b”"));
  g_assert_cmpuint (errors->len, ==, 10);
  /* Only g is valid. */
  g_assert_cmpuint (ml_import_get_added (import)->len, ==, 1);
}

/* Lines past 65535, where libxml2 needs help to know them, are still right. */
static void
test_big_lines (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (SMALL_PROJECT);
  g_autoptr(GString) text = g_string_new (GRAPHML_OPEN "<graph>\n<node id=\"a\"/>\n");
  g_autoptr(MlImport) import = NULL;

  for (guint i = 0; i < 70000; i++)
    g_string_append (text, "<node id=\"a\"/>\n");
  g_string_append (text, "<edge source=\"a\"/>\n</graph></graphml>\n");
  import = preview_text (project, text->str);
  g_assert_true (has_message (ml_import_get_errors (import), "line 70004:",
                              "the node id “a” is used by an earlier node"));
  g_assert_true (has_message (ml_import_get_errors (import), "line 70005:",
                              "needs both a source and a target"));
}

/* Files refused as a whole, each with a reason the user can act on. */
static void
test_refused (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (SMALL_PROJECT);
  g_autoptr(GString) deep = g_string_new (GRAPHML_OPEN "<graph><node id=\"n\"><data key=\"k\">");
  g_autofree char *huge = NULL;
  const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "The file is empty." },
    { "  \n ", "The file is empty." },
    { GRAPHML_OPEN "<graph>\n<node id=\"\xC3\x28\"/></graph></graphml>", "Line 4 is not UTF-8 text" },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<graphml><graph><node id=\"&xxe;\"/></graph></graphml>", "Line 2: The file has a DOCTYPE" },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n"
      "<graphml/>", "DOCTYPE declaration" },
    { "<!DOCTYPE graphml SYSTEM \"http://example.org/graphml.dtd\"><graphml/>", "DOCTYPE" },
    { GRAPHML_OPEN "<graph>\n<node id=\"a\">\n</graph></graphml>", "Line 5: The file is not well-formed XML: Opening and ending tag mismatch" },
    { GRAPHML_OPEN "<graph><node id=\"&ent;\"/></graph></graphml>", "not well-formed XML" },
    { "name,type\nAlpha,sme\n", "Line 1: The file is not well-formed XML" },
    { "<?xml version=\"1.0\"?>\n<project xmlns=\"https://example.org/ns/missionlab\"/>",
      "Line 2: This is not a GraphML file: its root element is <project>" },
    { "<graphml xmlns=\"http://example.org/other\"><graph/></graphml>", "This is not a GraphML file" },
    { GRAPHML_OPEN "<key id=\"k\" attr.name=\"name\"/></graphml>", "holds no <graph>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MlImport) import = NULL;

      import = ml_graphml_import_preview (project, cases[i].text, strlen (cases[i].text), &error);
      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(accepted)");
      g_assert_null (import);
      g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  /* Nesting beyond libxml2's limit is refused, not followed down the stack. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "<y:a xmlns:y=\"y\">");
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "</y:a>");
  g_string_append (deep, "</data></node></graph></graphml>");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MlImport) import = ml_graphml_import_preview (project, deep->str, deep->len, &error);

    g_assert_null (import);
    g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, "depth"));
  }

  huge = g_malloc (ML_GRAPHML_MAX_SIZE + 1);
  memset (huge, ' ', ML_GRAPHML_MAX_SIZE + 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MlImport) import = ml_graphml_import_preview (project, huge, ML_GRAPHML_MAX_SIZE + 1,
                                                            &error);

    g_assert_null (import);
    g_assert_error (error, ML_ERROR, ML_ERROR_TOO_LARGE);
  }
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static guint
count_lines_ending (const char *text,
                    const char *end)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_suffix (lines[i], end);

  return n;
}

/* `missionlab-cli import graphml`, as the CSV imports: preview lines, a dry run that changes
 * nothing, save only when everything is valid. */
static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("graphml-XXXXXX", &error);
  g_autofree char *sample = g_build_filename (g_getenv ("MISSIONLAB_SAMPLES"), "csiro-hydrogen.mlab", NULL);
  g_autoptr(MlProject) original = ml_project_load (sample, NULL, NULL, &error);
  g_autoptr(GBytes) network = ml_graph_export_to_bytes (original, ML_GRAPH_FORMAT_GRAPHML);
  g_autofree char *graphml = write_temp (dir, "net.graphml", g_bytes_get_data (network, NULL),
                                         (gssize) g_bytes_get_size (network));
  g_autofree char *project = write_temp (dir, "p.mlab", EMPTY_PROJECT, -1);
  g_autofree char *bad = write_temp (dir, "bad.graphml",
                                     GRAPHML_OPEN "<graph><node id=\"x\"/></graph></graphml>", -1);
  g_autofree char *hostile = write_temp (dir, "evil.graphml",
                                         "<!DOCTYPE g [<!ENTITY e SYSTEM \"/etc/passwd\">]><graphml/>", -1);
  g_autofree char *missing = g_build_filename (dir, "missing.graphml", NULL);
  g_autofree char *before = read_text (project);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) stakeholders = ml_project_collect (original, ML_KIND_STAKEHOLDER);
  g_auto(MlTestRun) dry = { 0 };
  g_auto(MlTestRun) run = { 0 };
  g_auto(MlTestRun) again = { 0 };
  g_auto(MlTestRun) invalid = { 0 };
  g_auto(MlTestRun) refused = { 0 };
  g_auto(MlTestRun) absent = { 0 };
  g_auto(MlTestRun) usage = { 0 };
  g_auto(MlTestRun) help = { 0 };
  g_auto(MlTestRun) validate = { 0 };

  g_assert_no_error (error);

  ml_test_run_cli (&dry, "import", "graphml", project, graphml, "--dry-run", NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "adds Stakeholder “CSIRO”"));
  g_assert_nonnull (strstr (dry.out, "(dry run; nothing changed)"));
  after = read_text (project);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  ml_test_run_cli (&run, "import", "graphml", project, graphml, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "stakeholders and relations added"));
  after = read_text (project);
  g_assert_nonnull (strstr (after, "<name>CSIRO</name>"));
  ml_test_run_cli (&validate, "validate", project, NULL);
  g_assert_cmpint (validate.status, ==, 0);

  /* Again: everything is there already. */
  ml_test_run_cli (&again, "import", "graphml", project, graphml, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "nothing new to import"));
  g_assert_cmpuint (count_lines_ending (again.out, "; skipped."), >=, stakeholders->len);

  ml_test_run_cli (&invalid, "import", "graphml", project, bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_nonnull (strstr (invalid.err, "bad.graphml: line 3: the type is missing"));
  g_assert_nonnull (strstr (invalid.err, "nothing was imported"));

  ml_test_run_cli (&refused, "import", "graphml", project, hostile, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "DOCTYPE"));

  ml_test_run_cli (&absent, "import", "graphml", project, missing, NULL);
  g_assert_cmpint (absent.status, ==, 3);
  ml_test_run_cli (&usage, "import", "graphml", project, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  ml_test_run_cli (&help, "import", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "import graphml PROJECT FILE.graphml [--dry-run]"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ml_test_add_sample_tests ("/graphml-import/round-trip", test_round_trip);
  g_test_add_func ("/graphml-import/skip-rules", test_skip_rules);
  g_test_add_func ("/graphml-import/mutual-merge", test_mutual_merge);
  g_test_add_func ("/graphml-import/other-tools", test_other_tools);
  g_test_add_func ("/graphml-import/item-errors", test_item_errors);
  g_test_add_func ("/graphml-import/refused", test_refused);
  g_test_add_func ("/graphml-import/big-lines", test_big_lines);
  g_test_add_func ("/graphml-import/cli", test_cli);

  return g_test_run ();
}
