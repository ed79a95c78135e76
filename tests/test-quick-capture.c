/* test-quick-capture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ml-error.h"
#include "ml-quick-capture.h"
#include "ml-test-util.h"
#include "ml-undo-stack.h"

static const char project_text[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
  "  <title>Small</title>\n"
  "  <missions>\n"
  "    <mission id=\"m1\" kind=\"complex\" scale=\"city\"><title>Clean harbour</title></mission>\n"
  "    <mission id=\"m2\" kind=\"complex\" scale=\"city\"><title>Green roofs</title></mission>\n"
  "  </missions>\n"
  "  <stakeholders>\n"
  "    <stakeholder id=\"city\" type=\"government\" level=\"local\">\n"
  "      <name>Région Île-de-France</name>\n"
  "    </stakeholder>\n"
  "    <stakeholder id=\"uni\" type=\"research\" level=\"regional\">\n"
  "      <name>University</name>\n"
  "    </stakeholder>\n"
  "  </stakeholders>\n"
  "  <roadmap>\n"
  "    <workstream id=\"w1\" mission=\"m1\"><name>Pilots</name></workstream>\n"
  "    <workstream id=\"w2\" mission=\"m2\"><name>Roofs</name></workstream>\n"
  "  </roadmap>\n"
  "</project>\n";

static MlDate
today (void)
{
  return ml_test_parse_date ("2026-11-28");
}

/* Parses @line, applies the command and returns the inserted element. */
static MlElement *
capture (MlProject  *project,
         MlElement  *mission,
         const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlCommand) command = NULL;
  MlElement *created = NULL;

  command = ml_quick_capture_parse (project, mission, line, today (), &created, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  g_assert_nonnull (created);
  g_assert_true (ml_command_apply (command, project, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ml_element_get_parent (created));

  return created;
}

static void
assert_fails (MlProject  *project,
              const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlCommand) command = NULL;

  command = ml_quick_capture_parse (project, NULL, line, today (), NULL, &error);
  g_assert_null (command);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_stakeholder (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  MlElement *element = capture (project, NULL, "  Stakeholder :  Port authority ");

  g_assert_cmpint (ml_element_get_kind (element), ==, ML_KIND_STAKEHOLDER);
  g_assert_cmpstr (ml_element_get_string (element, ML_STAKEHOLDER_NAME), ==, "Port authority");
  g_assert_nonnull (ml_element_get_id (element));
}

static void
test_activity (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  MlElement *element = capture (project, NULL, "activity: Survey the quays");

  g_assert_cmpint (ml_element_get_kind (element), ==, ML_KIND_ACTIVITY);
  g_assert_cmpstr (ml_element_get_string (element, ML_ACTIVITY_NAME), ==, "Survey the quays");
  g_assert_cmpstr (ml_element_get_id (ml_element_get_parent (element)), ==, "w1");
  g_assert_cmpint (ml_element_get_date (element, ML_ACTIVITY_START), ==, today ());

  /* With a mission in focus, into that mission's first workstream. */
  element = capture (project, ml_project_lookup (project, "m2"), "ACTIVITY: Map roofs");
  g_assert_cmpstr (ml_element_get_id (ml_element_get_parent (element)), ==, "w2");
}

static void
test_relation (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  MlElement *element;

  /* Names match without regard to case or accents, with either arrow. */
  element = capture (project, NULL, "relation: region ile-de-france -> UNIVERSITY");
  g_assert_cmpint (ml_element_get_kind (element), ==, ML_KIND_RELATION);
  g_assert_cmpstr (ml_element_get_string (element, ML_RELATION_FROM), ==, "city");
  g_assert_cmpstr (ml_element_get_string (element, ML_RELATION_TO), ==, "uni");
  g_assert_cmpint (ml_element_get_enum (element, ML_RELATION_KIND), ==, ML_RELATION_COORDINATION);

  element = capture (project, NULL, "relation: University → Région Île-de-France");
  g_assert_cmpstr (ml_element_get_string (element, ML_RELATION_FROM), ==, "uni");
  g_assert_cmpstr (ml_element_get_string (element, ML_RELATION_TO), ==, "city");

  assert_fails (project, "relation: University -> Nobody");
  assert_fails (project, "relation: University and the city");
  assert_fails (project, "relation: University -> university");
  assert_fails (project, "relation: -> University");
}

static void
test_note (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  MlElement *element = capture (project, NULL, "note: The port joins: 3 berths");

  g_assert_cmpint (ml_element_get_kind (element), ==, ML_KIND_JOURNAL_ENTRY);
  /* Only the first colon separates the keyword. */
  g_assert_cmpstr (ml_element_get_string (element, ML_ENTRY_TEXT), ==, "The port joins: 3 berths");
  g_assert_cmpint (ml_element_get_date (element, ML_ENTRY_DATE), ==, today ());
}

static void
test_errors (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(MlProject) empty = ml_test_load_text (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
    "  <title>Empty</title>\n"
    "</project>\n");

  assert_fails (project, "");
  assert_fails (project, "Port authority");
  assert_fails (project, "budget: 12");
  assert_fails (project, "stakeholder:   ");
  assert_fails (empty, "activity: Survey");
}

static void
test_undo (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(MlUndoStack) stack = ml_undo_stack_new (project);
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) undone = NULL;

  command = ml_quick_capture_parse (project, NULL, "stakeholder: Port", today (), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ml_undo_stack_push (stack, command, &error));
  g_assert_no_error (error);
  after = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  ml_undo_stack_undo (stack);
  undone = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  g_assert_cmpuint (undone->len, ==, before->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/quick-capture/stakeholder", test_stakeholder);
  g_test_add_func ("/quick-capture/activity", test_activity);
  g_test_add_func ("/quick-capture/relation", test_relation);
  g_test_add_func ("/quick-capture/note", test_note);
  g_test_add_func ("/quick-capture/errors", test_errors);
  g_test_add_func ("/quick-capture/undo", test_undo);

  return g_test_run ();
}
