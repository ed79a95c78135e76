/* test-decision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reviewing a decision point: the outcome, date and rationale it records, the activities a
 * stop ends and those it leaves alone, the journal entry, one undo step that restores the file
 * exactly, the reviews refused, and a stop as the roadmap draws it.
 */

#include "config.h"

#include "ml-decision.h"
#include "ml-error.h"
#include "ml-test-util.h"
#include "ml-timeline-renderer.h"
#include "ml-undo-stack.h"
#include "ml-xml-writer.h"

/* Under review: one activity of each status but at-risk, and no journal yet. */
static const char project_text[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
  "  <title>Decisions</title>\n"
  "  <roadmap>\n"
  "    <workstream id=\"w1\">\n"
  "      <name>Pilots</name>\n"
  "      <activity id=\"a1\" start=\"2025-01-01\" end=\"2025-12-31\" status=\"active\""
  " progress=\"40\">\n"
  "        <name>Alpha</name>\n"
  "      </activity>\n"
  "      <activity id=\"a2\" start=\"2025-01-01\" end=\"2025-06-30\" status=\"done\">\n"
  "        <name>Beta</name>\n"
  "      </activity>\n"
  "      <activity id=\"a3\" start=\"2025-07-01\" end=\"2026-06-30\">\n"
  "        <name>Gamma</name>\n"
  "      </activity>\n"
  "      <activity id=\"a4\" start=\"2025-02-01\" end=\"2025-09-30\" status=\"stopped\">\n"
  "        <name>Delta</name>\n"
  "      </activity>\n"
  "      <activity id=\"a5\" start=\"2025-02-01\" end=\"2025-09-30\" status=\"active\">\n"
  "        <name>Epsilon</name>\n"
  "      </activity>\n"
  "      <decision-point id=\"d1\" date=\"2025-06-30\" about=\"a1 a2 a3 a4\">\n"
  "        <name>Go on?</name>\n"
  "        <criteria>Alpha shows results.</criteria>\n"
  "      </decision-point>\n"
  "    </workstream>\n"
  "  </roadmap>\n"
  "</project>\n";

static MlActivityStatus
status_of (MlProject  *project,
           const char *id)
{
  return ml_element_get_enum (ml_test_lookup (project, id), ML_ACTIVITY_STATUS);
}

static MlElement *
only_entry (MlProject *project)
{
  g_autoptr(GPtrArray) entries = ml_project_collect (project, ML_KIND_JOURNAL_ENTRY);

  g_assert_cmpuint (entries->len, ==, 1);

  return g_ptr_array_index (entries, 0);
}

static gboolean
written_has (MlProject  *project,
             const char *text)
{
  g_autoptr(GBytes) bytes = ml_xml_write (project);
  g_autofree char *xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (xml, text) != NULL;
}

static MlCommand *
review (MlProject  *project,
        MlOutcome   outcome,
        const char *rationale)
{
  g_autoptr(GError) error = NULL;
  MlCommand *command;

  command = ml_decision_review_command (project, ml_test_lookup (project, "d1"), outcome, rationale,
                                        ml_test_parse_date ("2025-07-04"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);

  return command;
}

static void
test_stop (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(MlUndoStack) stack = ml_undo_stack_new (project);
  g_autoptr(GBytes) before = ml_xml_write (project);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GPtrArray) stoppable = NULL;
  g_autoptr(GError) error = NULL;
  MlElement *point = ml_test_lookup (project, "d1");
  MlElement *entry;

  /* Done and stopped work is not stopped again; the activity not under review is untouched. */
  stoppable = ml_decision_get_stoppable (project, point);
  g_assert_cmpuint (stoppable->len, ==, 2);
  g_assert_true (g_ptr_array_index (stoppable, 0) == ml_test_lookup (project, "a1"));
  g_assert_true (g_ptr_array_index (stoppable, 1) == ml_test_lookup (project, "a3"));
  g_assert_false (written_has (project, "<journal>"));

  command = review (project, ML_OUTCOME_STOP, "  No results after six months.\n");
  g_assert_true (ml_undo_stack_push (stack, command, &error));
  g_assert_no_error (error);

  g_assert_cmpint (ml_element_get_enum (point, ML_DECISION_OUTCOME), ==, ML_OUTCOME_STOP);
  g_assert_cmpuint (ml_element_get_date (point, ML_DECISION_DECIDED), ==,
                    ml_test_parse_date ("2025-07-04"));
  g_assert_cmpstr (ml_element_get_string (point, ML_DECISION_RATIONALE), ==,
                   "No results after six months.");
  g_assert_cmpint (status_of (project, "a1"), ==, ML_STATUS_STOPPED);
  g_assert_cmpint (status_of (project, "a2"), ==, ML_STATUS_DONE);
  g_assert_cmpint (status_of (project, "a3"), ==, ML_STATUS_STOPPED);
  g_assert_cmpint (status_of (project, "a4"), ==, ML_STATUS_STOPPED);
  g_assert_cmpint (status_of (project, "a5"), ==, ML_STATUS_ACTIVE);

  /* The journal did not exist: the entry brings it into the file. */
  entry = only_entry (project);
  g_assert_cmpint (ml_element_get_enum (entry, ML_ENTRY_KIND), ==, ML_ENTRY_DECISION);
  g_assert_cmpuint (ml_element_get_date (entry, ML_ENTRY_DATE), ==,
                    ml_test_parse_date ("2025-07-04"));
  g_assert_cmpstr (ml_element_get_string (entry, ML_ENTRY_TITLE), ==, "Decision: Go on? — Stop");
  g_assert_cmpstr (ml_element_get_string (entry, ML_ENTRY_TEXT), ==,
                   "No results after six months.\n\nActivities stopped:\n• Alpha\n• Gamma");
  g_assert_true (written_has (project, "<journal>"));

  /* One undo step, and the file is as it was, byte for byte. */
  g_assert_cmpstr (ml_undo_stack_get_undo_label (stack), ==, "Record decision");
  g_assert_true (ml_undo_stack_undo (stack));
  g_assert_false (ml_undo_stack_can_undo (stack));
  undone = ml_xml_write (project);
  g_assert_true (g_bytes_equal (before, undone));
}

static void
test_continue_and_pivot (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(MlCommand) go_on = review (project, ML_OUTCOME_CONTINUE, "Alpha delivers.");
  g_autoptr(MlCommand) pivot = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  MlElement *point = ml_test_lookup (project, "d1");

  g_assert_true (ml_command_apply (go_on, project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ml_element_get_enum (point, ML_DECISION_OUTCOME), ==, ML_OUTCOME_CONTINUE);
  g_assert_cmpint (status_of (project, "a1"), ==, ML_STATUS_ACTIVE);
  g_assert_cmpint (status_of (project, "a3"), ==, ML_STATUS_PLANNED);
  g_assert_cmpstr (ml_element_get_string (only_entry (project), ML_ENTRY_TITLE), ==,
                   "Decision: Go on? — Continue");
  g_assert_cmpstr (ml_element_get_string (only_entry (project), ML_ENTRY_TEXT), ==,
                   "Alpha delivers.");

  /* Reviewed again: the new outcome replaces the old, and the journal keeps both. */
  pivot = review (project, ML_OUTCOME_PIVOT, "Alpha changes course.");
  g_assert_true (ml_command_apply (pivot, project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ml_element_get_enum (point, ML_DECISION_OUTCOME), ==, ML_OUTCOME_PIVOT);
  g_assert_cmpstr (ml_element_get_string (point, ML_DECISION_RATIONALE), ==,
                   "Alpha changes course.");
  g_assert_cmpint (status_of (project, "a1"), ==, ML_STATUS_ACTIVE);
  g_assert_cmpint (status_of (project, "a3"), ==, ML_STATUS_PLANNED);
  entries = ml_project_collect (project, ML_KIND_JOURNAL_ENTRY);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (ml_element_get_string (g_ptr_array_index (entries, 1), ML_ENTRY_TITLE), ==,
                   "Decision: Go on? — Pivot");
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (entries, 0)), !=,
                   ml_element_get_id (g_ptr_array_index (entries, 1)));

  ml_command_revert (pivot, project);
  g_assert_cmpint (ml_element_get_enum (point, ML_DECISION_OUTCOME), ==, ML_OUTCOME_CONTINUE);
  g_assert_cmpstr (ml_element_get_string (point, ML_DECISION_RATIONALE), ==, "Alpha delivers.");
  only_entry (project);
}

static void
assert_refused (MlProject  *project,
                MlOutcome   outcome,
                const char *rationale,
                MlDate      decided,
                const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlCommand) command = NULL;

  command = ml_decision_review_command (project, ml_test_lookup (project, "d1"), outcome, rationale,
                                        decided, &error);
  g_assert_null (command);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_refused (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(GBytes) before = ml_xml_write (project);
  g_autoptr(GBytes) after = NULL;
  MlDate day = ml_test_parse_date ("2025-07-04");

  assert_refused (project, ML_OUTCOME_PENDING, "Not yet.", day, "Choose an outcome");
  assert_refused (project, ML_OUTCOME_STOP, "", day, "reason");
  assert_refused (project, ML_OUTCOME_STOP, " \n\t", day, "reason");
  assert_refused (project, ML_OUTCOME_STOP, "Enough.", ML_DATE_NONE, "date");

  after = ml_xml_write (project);
  g_assert_true (g_bytes_equal (before, after));
}

/* Whether the roadmap shows point d1 in @outcome's colour and Alpha's bar in the active colour
 * where it is done.
 */
static void
assert_drawn (MlProject *project,
              MlOutcome  outcome,
              gboolean   alpha_active)
{
  g_autoptr(MlTimelineRenderer) renderer = NULL;
  const MlStyle *style = ml_style_get (ML_STYLE_SCREEN);
  MlTimelineViewport viewport = { ml_test_parse_date ("2024-12-01"), 2, 0, 1200, 400 };
  cairo_rectangle_t bar, disc;
  cairo_surface_t *surface;
  cairo_t *cr;
  MlTestPixel pixel;

  renderer = ml_timeline_renderer_new (project, style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, viewport.width, viewport.height);
  cr = cairo_create (surface);
  ml_timeline_renderer_draw (renderer, cr, &viewport);
  cairo_destroy (cr);

  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "d1"), &disc));
  pixel = ml_test_get_pixel (surface, disc.x + disc.width / 2, disc.y + disc.height * 0.2);
  g_assert_true (ml_test_pixel_is (pixel, &style->outcome[outcome]));
  g_assert_true (ml_timeline_renderer_get_element_rect (renderer, &viewport,
                                                        ml_test_lookup (project, "a1"), &bar));
  pixel = ml_test_get_pixel (surface, bar.x + bar.width * 0.2, bar.y + bar.height / 2);
  g_assert_cmpint (ml_test_pixel_is (pixel, &style->status[ML_STATUS_ACTIVE]), ==, alpha_active);

  cairo_surface_destroy (surface);
  g_assert_finalize_object (g_steal_pointer (&renderer));
}

static void
test_rendered (void)
{
  g_autoptr(MlProject) project = ml_test_load_text (project_text);
  g_autoptr(MlCommand) command = review (project, ML_OUTCOME_STOP, "No results.");
  g_autoptr(GError) error = NULL;

  /* A pending point, then a stop: the disc takes the Stop colour, and Alpha's bar no longer
   * shows its progress, as a stopped bar is faded and hatched.
   */
  assert_drawn (project, ML_OUTCOME_PENDING, TRUE);
  g_assert_true (ml_command_apply (command, project, &error));
  g_assert_no_error (error);
  assert_drawn (project, ML_OUTCOME_STOP, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/decision/review/stop", test_stop);
  g_test_add_func ("/decision/review/continue-and-pivot", test_continue_and_pivot);
  g_test_add_func ("/decision/review/refused", test_refused);
  g_test_add_func ("/decision/review/rendered", test_rendered);

  return g_test_run ();
}
