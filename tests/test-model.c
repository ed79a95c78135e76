/* test-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ml-command.h"
#include "ml-create.h"
#include "ml-delete.h"
#include "ml-error.h"
#include "ml-indicator.h"
#include "ml-project.h"
#include "ml-taxonomy.h"
#include "ml-text.h"
#include "ml-undo-stack.h"
#include "ml-xml-reader.h"

/* A small valid project: two stakeholders, a relation, a mission with an objective, one
 * workstream with two activities, one depending on the other, and an instrument.
 */
static const char small_project[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\" currency=\"EUR\">\n"
  "  <title>Small</title>\n"
  "  <missions>\n"
  "    <mission id=\"m1\" kind=\"complex\" scale=\"city\" lead=\"city\">\n"
  "      <title>Clean harbour</title>\n"
  "      <objective id=\"o1\">\n"
  "        <title>Less waste</title>\n"
  "      </objective>\n"
  "    </mission>\n"
  "  </missions>\n"
  "  <stakeholders>\n"
  "    <stakeholder id=\"city\" type=\"government\" level=\"local\">\n"
  "      <name>City council</name>\n"
  "    </stakeholder>\n"
  "    <stakeholder id=\"uni\" type=\"research\" level=\"regional\">\n"
  "      <name>University</name>\n"
  "    </stakeholder>\n"
  "  </stakeholders>\n"
  "  <relations>\n"
  "    <relation id=\"r1\" from=\"city\" to=\"uni\" kind=\"funding\"/>\n"
  "  </relations>\n"
  "  <instruments>\n"
  "    <instrument id=\"i1\" type=\"PI010\" serves=\"o1\">\n"
  "      <name>Procurement</name>\n"
  "    </instrument>\n"
  "  </instruments>\n"
  "  <roadmap>\n"
  "    <workstream id=\"w1\" mission=\"m1\">\n"
  "      <name>Pilots</name>\n"
  "      <activity id=\"a1\" start=\"2025-01-01\" end=\"2025-06-30\" owner=\"uni\">\n"
  "        <name>Study</name>\n"
  "      </activity>\n"
  "      <activity id=\"a2\" start=\"2025-07-01\" end=\"2025-12-31\">\n"
  "        <name>Pilot</name>\n"
  "        <depends-on activity=\"a1\"/>\n"
  "      </activity>\n"
  "    </workstream>\n"
  "  </roadmap>\n"
  "</project>\n";

static MlProject *
load_small_project (void)
{
  g_autoptr(GError) error = NULL;
  MlProject *project;

  project = ml_xml_read (small_project, strlen (small_project), "small.mlab", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static void
assert_number_text (const char *text,
                    double      expected,
                    const char *canonical)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  MlValue value;

  g_assert_true (ml_value_parse (ML_INSTRUMENT_BUDGET, text, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value.number, ==, expected);
  written = ml_value_to_string (&value, ML_INSTRUMENT_BUDGET);
  g_assert_cmpstr (written, ==, canonical);
  ml_value_clear (&value);
}

static void
assert_rejected (MlField     field,
                 const char *text,
                 const char *message_part)
{
  g_autoptr(GError) error = NULL;
  MlValue value;

  g_assert_false (ml_value_parse (field, text, &value, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” was refused with “%s”, which does not mention “%s”", text, error->message,
             message_part);
}

static void
test_value_numbers (void)
{
  assert_number_text ("2.5", 2.5, "2.5");
  assert_number_text ("1500000", 1500000, "1500000");
  assert_number_text ("1.5e7", 15000000, "15000000");
  assert_number_text ("0.1", 0.1, "0.1");
  assert_number_text ("-0", 0, "0");
  assert_number_text ("0.30000000000000004", 0.1 + 0.2, "0.30000000000000004");

  assert_rejected (ML_INSTRUMENT_BUDGET, "1,5", "not a number");
  assert_rejected (ML_INSTRUMENT_BUDGET, "0x10", "not a number");
  assert_rejected (ML_INSTRUMENT_BUDGET, "nan", "not a number");
  assert_rejected (ML_INSTRUMENT_BUDGET, "inf", "not a number");
  assert_rejected (ML_INSTRUMENT_BUDGET, "1e999", "not a number");
  assert_rejected (ML_INSTRUMENT_BUDGET, " 5", "not a number");
  assert_rejected (ML_INSTRUMENT_BUDGET, "-5", "at least 0");
  assert_rejected (ML_STAKEHOLDER_INFLUENCE, "7", "between 1 and 5");
  assert_rejected (ML_DEPENDENCY_LAG, "1.5", "whole number");
}

static void
test_value_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MlValue value;
  MlDate date;

  g_assert_true (ml_date_parse ("2024-02-29", &date));
  text = ml_date_format (date);
  g_assert_cmpstr (text, ==, "2024-02-29");
  g_assert_cmpuint (ml_date_from_ymd (2024, 3, 1) - date, ==, 1);

  g_assert_true (ml_value_parse (ML_ACTIVITY_START, "2030-12-31", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (value.date, ==, ml_date_from_ymd (2030, 12, 31));

  assert_rejected (ML_ACTIVITY_START, "2021-02-29", "not a date");
  assert_rejected (ML_ACTIVITY_START, "2021-13-45", "YYYY-MM-DD");
  assert_rejected (ML_ACTIVITY_START, "30.09.2024", "not a date");
  assert_rejected (ML_ACTIVITY_START, "2024-9-30", "not a date");
  assert_rejected (ML_ACTIVITY_START, "2024-09-30T10:00", "not a date");
  assert_rejected (ML_ACTIVITY_START, "0000-01-01", "not a date");
}

static void
test_value_choices (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stages = NULL;
  g_autofree char *refs = NULL;
  MlValue value;

  g_assert_true (ml_value_parse (ML_ACTIVITY_STATUS, "at-risk", &value, &error));
  g_assert_cmpint (value.enum_value, ==, ML_STATUS_AT_RISK);
  assert_rejected (ML_ACTIVITY_STATUS, "sometimes", "planned, active, at-risk, stopped, done");
  assert_rejected (ML_ACTIVITY_STATUS, "Active", "use one of");

  /* Sets are written in the order of the enumeration, whatever the order read. */
  g_assert_true (ml_value_parse (ML_INSTRUMENT_STAGES, "diffusion  research\tresearch", &value,
                                 &error));
  stages = ml_value_to_string (&value, ML_INSTRUMENT_STAGES);
  g_assert_cmpstr (stages, ==, "research diffusion");
  assert_rejected (ML_INSTRUMENT_STAGES, "research marketing", "marketing");
  assert_rejected (ML_INSTRUMENT_TYPE, "PI005", "PI006");
  assert_rejected (ML_INSTRUMENT_TARGET_GROUPS, "smes dragons", "dragons");

  /* Reference lists keep their order and drop repeats. */
  g_assert_true (ml_value_parse (ML_ACTIVITY_FUNDERS, "b a b", &value, &error));
  refs = ml_value_to_string (&value, ML_ACTIVITY_FUNDERS);
  g_assert_cmpstr (refs, ==, "b a");
  ml_value_clear (&value);
  assert_rejected (ML_ACTIVITY_FUNDERS, "a 1b", "not a valid id");

  assert_rejected (ML_INSTRUMENT_CURRENCY, "eur", "ISO 4217");
  assert_rejected (ML_INSTRUMENT_CURRENCY, "EURO", "ISO 4217");
  assert_rejected (ML_STAKEHOLDER_SECTOR, "bell\a", "control characters");
}

static void
test_value_ids (void)
{
  g_assert_true (ml_id_is_valid ("a"));
  g_assert_true (ml_id_is_valid ("_x-1.2"));
  g_assert_false (ml_id_is_valid (""));
  g_assert_false (ml_id_is_valid ("1a"));
  g_assert_false (ml_id_is_valid ("a b"));
  g_assert_false (ml_id_is_valid ("a:b"));
  g_assert_true (ml_id_is_valid ("a123456789012345678901234567890123456789012345678901234567890123"));
  g_assert_false (ml_id_is_valid ("a1234567890123456789012345678901234567890123456789012345678901234"));
}

static void
test_element_defaults (void)
{
  g_autoptr(MlElement) activity = ml_element_new (ML_KIND_ACTIVITY, "a1");
  g_autoptr(MlElement) instrument = ml_element_new (ML_KIND_INSTRUMENT, "i1");
  g_autofree char *description = NULL;

  g_assert_cmpint (ml_element_get_enum (activity, ML_ACTIVITY_STATUS), ==, ML_STATUS_PLANNED);
  g_assert_false (ml_element_has_value (activity, ML_ACTIVITY_START));
  g_assert_true (isnan (ml_element_get_number (activity, ML_ACTIVITY_BUDGET)));
  g_assert_null (ml_element_get_label (activity));
  description = ml_element_describe (activity);
  g_assert_cmpstr (description, ==, "Activity a1");

  /* With no side of its own, an instrument takes the usual side of its type. */
  g_assert_cmpint (ml_element_get_enum (instrument, ML_INSTRUMENT_SIDE), ==, -1);
  g_assert_cmpint (ml_instrument_type_lookup ("PI010")->usual_side, ==, ML_SIDE_DEMAND);
  g_assert_cmpint (ml_instrument_type_lookup ("PI008")->usual_side, ==, ML_SIDE_SUPPLY);
  g_assert_null (ml_instrument_type_lookup ("PI999"));

  g_assert_finalize_object (g_steal_pointer (&activity));
  g_assert_finalize_object (g_steal_pointer (&instrument));
}

static void
test_project_side (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  MlElement *instrument = ml_project_lookup (project, "i1");
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  MlValue side;

  g_assert_cmpint (ml_instrument_get_side (instrument), ==, ML_SIDE_DEMAND);

  ml_value_init_enum (&side, ML_INSTRUMENT_SIDE, ML_SIDE_REGULATORY);
  command = ml_command_new_set (instrument, ML_INSTRUMENT_SIDE, &side);
  g_assert_true (ml_command_apply (command, project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ml_instrument_get_side (instrument), ==, ML_SIDE_REGULATORY);
}

static guint
count_children (MlElement *element,
                MlKind     kind)
{
  GPtrArray *children = ml_element_get_children (element, kind);

  return children != NULL ? children->len : 0;
}

static void
set_string (MlElement  *element,
            MlField     field,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  MlValue value;

  ml_value_init_string (&value, field, text);
  g_assert_true (ml_element_set_value (element, field, &value, &error));
  g_assert_no_error (error);
  ml_value_clear (&value);
}

static void
set_enum (MlElement *element,
          MlField    field,
          int        enum_value)
{
  MlValue value;

  ml_value_init_enum (&value, field, enum_value);
  g_assert_true (ml_element_set_value (element, field, &value, NULL));
}

static gboolean
apply_on_stack (MlUndoStack *stack,
                MlElement   *element,
                const char  *name)
{
  g_autoptr(MlCommand) command = NULL;
  MlValue value;

  ml_value_init_string (&value, ML_ACTIVITY_NAME, name);
  command = ml_command_new_set (element, ML_ACTIVITY_NAME, &value);
  ml_value_clear (&value);
  ml_command_set_merge_key (command, 42);

  return ml_undo_stack_push (stack, command, NULL);
}

static void
on_changed (MlProject *project,
            MlElement *element,
            int        field,
            gpointer   user_data)
{
  int *count = user_data;

  (*count)++;
}

static gboolean
apply_set_date (MlProject   *project,
                const char  *id,
                MlField      field,
                const char  *date,
                GError     **error)
{
  g_autoptr(MlCommand) command = NULL;
  MlValue value;
  gboolean ok;

  g_assert_true (ml_value_parse (field, date, &value, NULL));
  command = ml_command_new_set (ml_project_lookup (project, id), field, &value);
  ml_value_clear (&value);
  ok = ml_command_apply (command, project, error);

  return ok;
}

static void
test_command_set (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlCommand) command = NULL;
  MlElement *a1 = ml_project_lookup (project, "a1");
  MlValue value;
  int changes = 0;

  g_signal_connect (project, "changed", G_CALLBACK (on_changed), &changes);

  g_assert_true (apply_set_date (project, "a1", ML_ACTIVITY_END, "2025-05-31", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ml_element_get_date (a1, ML_ACTIVITY_END), ==, ml_date_from_ymd (2025, 5, 31));
  g_assert_cmpint (changes, ==, 1);

  /* An end before the start is refused, with the reason, and nothing changes. */
  g_assert_false (apply_set_date (project, "a1", ML_ACTIVITY_END, "2024-12-31", &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
  g_assert_nonnull (strstr (error->message, "End (2024-12-31) is before start (2025-01-01)"));
  g_assert_cmpuint (ml_element_get_date (a1, ML_ACTIVITY_END), ==, ml_date_from_ymd (2025, 5, 31));
  g_assert_cmpint (changes, ==, 1);
  g_clear_error (&error);

  /* The rule holds from the other side too. */
  g_assert_false (apply_set_date (project, "a1", ML_ACTIVITY_START, "2026-01-01", &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT);
  g_clear_error (&error);

  /* References must exist and be of the right kind. */
  ml_value_init_string (&value, ML_ACTIVITY_OWNER, "nobody");
  command = ml_command_new_set (a1, ML_ACTIVITY_OWNER, &value);
  ml_value_clear (&value);
  g_assert_false (ml_command_apply (command, project, &error));
  g_assert_nonnull (strstr (error->message, "no stakeholder with that id"));
  g_assert_cmpstr (ml_element_get_string (a1, ML_ACTIVITY_OWNER), ==, "uni");
  g_clear_error (&error);
  g_clear_object (&command);

  ml_value_init_string (&value, ML_ACTIVITY_OWNER, "m1");
  command = ml_command_new_set (a1, ML_ACTIVITY_OWNER, &value);
  ml_value_clear (&value);
  g_assert_false (ml_command_apply (command, project, &error));
  g_assert_nonnull (strstr (error->message, "Mission “Clean harbour” (m1), not a stakeholder"));
  g_clear_error (&error);
  g_clear_object (&command);

  /* Required fields cannot be cleared. */
  ml_value_init_string (&value, ML_ACTIVITY_NAME, "");
  command = ml_command_new_set (a1, ML_ACTIVITY_NAME, &value);
  g_assert_false (ml_command_apply (command, project, &error));
  g_assert_nonnull (strstr (error->message, "Name is required"));
  g_assert_cmpstr (ml_element_get_label (a1), ==, "Study");
  g_clear_error (&error);
  g_clear_object (&command);

  /* A relation joins two different stakeholders. */
  ml_value_init_string (&value, ML_RELATION_TO, "city");
  command = ml_command_new_set (ml_project_lookup (project, "r1"), ML_RELATION_TO, &value);
  ml_value_clear (&value);
  g_assert_false (ml_command_apply (command, project, &error));
  g_assert_nonnull (strstr (error->message, "two different stakeholders"));
}

static void
test_command_insert_remove (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(MlElement) stakeholder = ml_element_new (ML_KIND_STAKEHOLDER, "ngo");
  g_autoptr(MlElement) duplicate = ml_element_new (ML_KIND_STAKEHOLDER, "uni");
  g_autoptr(MlElement) self_dependency = ml_element_new (ML_KIND_DEPENDENCY, NULL);
  g_autoptr(MlCommand) insert = NULL;
  g_autoptr(MlCommand) remove = NULL;
  g_autoptr(GError) error = NULL;
  MlElement *root = ml_project_get_root (project);
  MlCommand *commands[2];
  MlValue value;

  /* An element missing required fields is refused. */
  insert = ml_command_new_insert (root, stakeholder, -1);
  g_assert_false (ml_command_apply (insert, project, &error));
  g_assert_nonnull (strstr (error->message, "is required"));
  g_assert_null (ml_project_lookup (project, "ngo"));
  g_clear_error (&error);
  g_clear_object (&insert);

  /* Filled in, it goes in; its id is then taken. */
  set_string (stakeholder, ML_STAKEHOLDER_NAME, "Harbour friends");
  set_enum (stakeholder, ML_STAKEHOLDER_TYPE, ML_STAKEHOLDER_CIVIL_SOCIETY);
  set_enum (stakeholder, ML_STAKEHOLDER_LEVEL, ML_LEVEL_LOCAL);
  insert = ml_command_new_insert (root, stakeholder, 0);
  g_assert_true (ml_command_apply (insert, project, &error));
  g_assert_no_error (error);
  g_assert_true (ml_project_lookup (project, "ngo") == stakeholder);
  g_assert_true (g_ptr_array_index (ml_element_get_children (root, ML_KIND_STAKEHOLDER), 0) ==
                 stakeholder);

  set_string (duplicate, ML_STAKEHOLDER_NAME, "Another university");
  set_enum (duplicate, ML_STAKEHOLDER_TYPE, ML_STAKEHOLDER_RESEARCH);
  set_enum (duplicate, ML_STAKEHOLDER_LEVEL, ML_LEVEL_NATIONAL);
  commands[0] = ml_command_new_insert (root, duplicate, -1);
  g_assert_false (ml_command_apply (commands[0], project, &error));
  g_assert_nonnull (strstr (error->message, "“uni” is already used"));
  g_assert_cmpuint (count_children (root, ML_KIND_STAKEHOLDER), ==, 3);
  g_assert_cmpstr (ml_element_get_label (ml_project_lookup (project, "uni")), ==, "University");
  g_clear_error (&error);
  g_clear_object (&commands[0]);

  /* A dependency of an activity on itself is refused. */
  set_string (self_dependency, ML_DEPENDENCY_ACTIVITY, "a1");
  commands[0] = ml_command_new_insert (ml_project_lookup (project, "a1"), self_dependency, -1);
  g_assert_false (ml_command_apply (commands[0], project, &error));
  g_assert_nonnull (strstr (error->message, "cannot depend on itself"));
  g_assert_cmpuint (count_children (ml_project_lookup (project, "a1"), ML_KIND_DEPENDENCY), ==, 0);
  g_clear_error (&error);
  g_clear_object (&commands[0]);

  /* Removing a referenced element is refused, naming who refers to it. */
  remove = ml_command_new_remove (ml_project_lookup (project, "uni"));
  g_assert_false (ml_command_apply (remove, project, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFERENCED);
  g_assert_nonnull (strstr (error->message, "Relation r1 (To)"));
  g_assert_nonnull (strstr (error->message, "Activity “Study” (a1) (Owner)"));
  g_assert_nonnull (ml_project_lookup (project, "uni"));
  g_clear_error (&error);
  g_clear_object (&remove);

  /* Clearing the references first, in one group, lets it go; reverting brings all back. */
  commands[0] = ml_command_new_remove (ml_project_lookup (project, "r1"));
  ml_value_init_string (&value, ML_ACTIVITY_OWNER, NULL);
  commands[1] = ml_command_new_set (ml_project_lookup (project, "a1"), ML_ACTIVITY_OWNER, &value);
  remove = ml_command_new_group ("Delete University", commands[0], commands[1],
                                 ml_command_new_remove (ml_project_lookup (project, "uni")),
                                 NULL);
  g_assert_true (ml_command_apply (remove, project, &error));
  g_assert_no_error (error);
  g_assert_null (ml_project_lookup (project, "uni"));
  g_assert_null (ml_project_lookup (project, "r1"));
  g_assert_null (ml_element_get_string (ml_project_lookup (project, "a1"), ML_ACTIVITY_OWNER));

  ml_command_revert (remove, project);
  g_assert_nonnull (ml_project_lookup (project, "uni"));
  g_assert_nonnull (ml_project_lookup (project, "r1"));
  g_assert_cmpstr (ml_element_get_string (ml_project_lookup (project, "a1"), ML_ACTIVITY_OWNER),
                   ==, "uni");

  /* A group that fails half-way leaves nothing done. */
  g_clear_object (&remove);
  ml_value_init_string (&value, ML_ACTIVITY_NAME, "Renamed");
  commands[0] = ml_command_new_set (ml_project_lookup (project, "a1"), ML_ACTIVITY_NAME, &value);
  ml_value_clear (&value);
  remove = ml_command_new_group ("Broken", commands[0],
                                 ml_command_new_remove (ml_project_lookup (project, "uni")),
                                 NULL);
  g_assert_false (ml_command_apply (remove, project, &error));
  g_assert_cmpstr (ml_element_get_label (ml_project_lookup (project, "a1")), ==, "Study");
}

static void
test_command_delete (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(MlUndoStack) stack = ml_undo_stack_new (project);
  g_autoptr(MlCommand) delete = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *consequences = NULL;
  g_autofree char *none = NULL;
  MlElement *a2 = ml_project_lookup (project, "a2");

  /* The relation cannot exist without the university; the activity just loses its owner. */
  delete = ml_command_new_delete (project, ml_project_lookup (project, "uni"), &consequences);
  g_assert_cmpstr (consequences, ==,
                   "Referred to by Relation “City council → University” (To) and Activity “Study” (Owner). "
                   "It also deletes 1 relation. 1 reference to it is cleared.");
  g_assert_true (ml_undo_stack_push (stack, delete, &error));
  g_assert_no_error (error);
  g_assert_null (ml_project_lookup (project, "uni"));
  g_assert_null (ml_project_lookup (project, "r1"));
  g_assert_null (ml_element_get_string (ml_project_lookup (project, "a1"), ML_ACTIVITY_OWNER));
  g_assert_cmpstr (ml_undo_stack_get_undo_label (stack), ==, "Delete Stakeholder");

  g_assert_true (ml_undo_stack_undo (stack));
  g_assert_nonnull (ml_project_lookup (project, "uni"));
  g_assert_nonnull (ml_project_lookup (project, "r1"));
  g_assert_cmpstr (ml_element_get_string (ml_project_lookup (project, "a1"), ML_ACTIVITY_OWNER),
                   ==, "uni");
  g_clear_object (&delete);
  g_clear_pointer (&consequences, g_free);

  /* Deleting a predecessor deletes the dependency on it, not the successor. */
  delete = ml_command_new_delete (project, ml_project_lookup (project, "a1"), &consequences);
  g_assert_cmpstr (consequences, ==,
                   "Referred to by Dependency “After Study” (Predecessor). It also deletes 1 dependency.");
  g_assert_true (ml_undo_stack_push (stack, delete, &error));
  g_assert_cmpuint (count_children (a2, ML_KIND_DEPENDENCY), ==, 0);
  g_assert_true (ml_project_lookup (project, "a2") == a2);
  g_clear_object (&delete);

  /* Nothing refers to the journal-free relation: nothing else to say. */
  g_assert_true (ml_undo_stack_undo (stack));
  delete = ml_command_new_delete (project, ml_project_lookup (project, "r1"), &none);
  g_assert_null (none);
}

static void
test_create_every_kind (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(MlProject) empty = ml_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlElement) relation = NULL;
  MlDate today = ml_date_from_ymd (2026, 11, 27);
  struct { const char *parent; MlKind kind; } cases[] = {
    { NULL, ML_KIND_MISSION }, { "m1", ML_KIND_OBJECTIVE }, { "o1", ML_KIND_INDICATOR },
    { NULL, ML_KIND_STAKEHOLDER }, { NULL, ML_KIND_RELATION }, { NULL, ML_KIND_INSTRUMENT },
    { NULL, ML_KIND_WORKSTREAM }, { "w1", ML_KIND_ACTIVITY }, { "a2", ML_KIND_DEPENDENCY },
    { "w1", ML_KIND_MILESTONE }, { "w1", ML_KIND_DECISION_POINT },
    { NULL, ML_KIND_JOURNAL_ENTRY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MlElement *parent = cases[i].parent != NULL ? ml_project_lookup (project, cases[i].parent)
                                                  : ml_project_get_root (project);
      g_autoptr(MlElement) element = ml_element_create (project, parent, cases[i].kind, today,
                                                        &error);
      g_autoptr(MlCommand) insert = NULL;

      g_assert_no_error (error);
      insert = ml_command_new_insert (parent, element, -1);
      g_assert_true (ml_command_apply (insert, project, &error));
      g_assert_no_error (error);
      if (ml_kind_get_info (cases[i].kind)->id_policy == ML_ID_REQUIRED)
        g_assert_true (ml_project_lookup (project, ml_element_get_id (element)) == element);
      if (cases[i].kind != ML_KIND_DEPENDENCY && cases[i].kind != ML_KIND_RELATION)
        g_assert_true (g_str_has_prefix (ml_element_get_label (element), "New "));
    }

  /* A measurement starts from the latest value; a journal note is dated today. */
  {
    g_autoptr(GPtrArray) indicators = ml_project_collect (project, ML_KIND_INDICATOR);
    MlElement *indicator = g_ptr_array_index (indicators, 0);
    g_autoptr(MlElement) first = ml_element_create (project, indicator, ML_KIND_MEASUREMENT,
                                                    today, &error);
    g_autoptr(MlCommand) insert = NULL;
    g_autoptr(MlCommand) set = NULL;
    g_autoptr(MlElement) second = NULL;
    MlValue value;

    g_assert_cmpfloat (ml_element_get_number (first, ML_MEASUREMENT_VALUE), ==, 0);
    insert = ml_command_new_insert (indicator, first, -1);
    g_assert_true (ml_command_apply (insert, project, &error));
    ml_value_init_number (&value, ML_MEASUREMENT_VALUE, 42.5);
    set = ml_command_new_set (first, ML_MEASUREMENT_VALUE, &value);
    g_assert_true (ml_command_apply (set, project, &error));
    second = ml_element_create (project, indicator, ML_KIND_MEASUREMENT, today + 1, &error);
    g_assert_cmpfloat (ml_element_get_number (second, ML_MEASUREMENT_VALUE), ==, 42.5);
    g_assert_cmpuint (ml_element_get_date (second, ML_MEASUREMENT_DATE), ==, today + 1);
  }

  /* What cannot be made up is refused with the reason. */
  relation = ml_element_create (empty, ml_project_get_root (empty), ML_KIND_RELATION, today,
                                &error);
  g_assert_null (relation);
  g_assert_nonnull (strstr (error->message, "add them first"));
  g_clear_error (&error);
  g_assert_null (ml_element_create (project, ml_project_lookup (project, "a1"),
                                    ML_KIND_DEPENDENCY, today, &error));
  g_assert_nonnull (strstr (error->message, "earlier activity"));
}

static void
test_indicator_progress (void)
{
  static const char text[] =
    "<?xml version=\"1.0\"?>\n"
    "<project xmlns=\"https://example.org/ns/missionlab\" format-version=\"1.0\">\n"
    "  <title>Indicators</title>\n"
    "  <missions><mission id=\"m\"><title>M</title><objective id=\"o\"><title>O</title>\n"
    "    <indicator id=\"cost\" baseline=\"6\" target=\"2\"><name>Cost</name>\n"
    "      <measurement date=\"2023-01-01\" value=\"4\"/>\n"
    "      <measurement date=\"2022-01-01\" value=\"5\"/>\n"
    "    </indicator>\n"
    "    <indicator id=\"share\" baseline=\"10\" target=\"30\"><name>Share</name>\n"
    "      <measurement date=\"2023-01-01\" value=\"5\"/>\n"
    "    </indicator>\n"
    "    <indicator id=\"bare\" baseline=\"1\"><name>Bare</name>\n"
    "      <measurement date=\"2023-01-01\" value=\"5\"/>\n"
    "    </indicator>\n"
    "  </objective></mission></missions>\n"
    "</project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = ml_xml_read (text, strlen (text), NULL, NULL, &error);
  MlElement *cost, *latest;

  g_assert_no_error (error);
  cost = ml_project_lookup (project, "cost");

  /* The latest by date, not by position: 4, half way from 6 down to 2. */
  latest = ml_indicator_get_latest (cost);
  g_assert_cmpfloat (ml_element_get_number (latest, ML_MEASUREMENT_VALUE), ==, 4);
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_progress (cost), 0.5, 1e-9);
  /* Moving away from the target is negative progress: 5 is a quarter back from 10 to 30. */
  g_assert_cmpfloat_with_epsilon (ml_indicator_get_progress (ml_project_lookup (project, "share")),
                                  -0.25, 1e-9);
  g_assert_true (isnan (ml_indicator_get_progress (ml_project_lookup (project, "bare"))));
}

static void
test_text_matching (void)
{
  g_autofree char *folded = ml_text_fold ("Đà Nẵng Øresund Łódź Æbleskiver Straße");

  g_assert_cmpstr (folded, ==, "da nang oresund lodz aebleskiver strasse");
  g_assert_true (ml_text_matches ("da nang", "Thành phố Đà Nẵng"));
  g_assert_true (ml_text_matches ("DA NANG", "Đà Nẵng"));
  g_assert_true (ml_text_matches ("forsknings", "Forskningsrådet"));
  g_assert_true (ml_text_matches ("nang da", "Đà Nẵng"));
  g_assert_true (ml_text_matches ("", "anything"));
  g_assert_false (ml_text_matches ("ang", "Đà Nẵng"));
  g_assert_false (ml_text_matches ("hanoi", "Đà Nẵng"));
  g_assert_false (ml_text_matches ("da", NULL));
}

static void
test_undo_stack (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autoptr(MlUndoStack) stack = ml_undo_stack_new (project);
  g_autoptr(GError) error = NULL;
  MlElement *a2 = ml_project_lookup (project, "a2");
  const char *typed[] = { "P", "Pi", "Pil", "Pilo", "Pilot run" };

  g_assert_false (ml_undo_stack_get_modified (stack));
  g_assert_false (ml_undo_stack_can_undo (stack));

  /* Typing into one field is one step. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(MlCommand) command = NULL;
      MlValue value;

      ml_value_init_string (&value, ML_ACTIVITY_NAME, typed[i]);
      command = ml_command_new_set (a2, ML_ACTIVITY_NAME, &value);
      ml_value_clear (&value);
      ml_command_set_merge_key (command, 42);
      g_assert_true (ml_undo_stack_push (stack, command, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (ml_element_get_label (a2), ==, "Pilot run");
  g_assert_true (ml_undo_stack_get_modified (stack));
  g_assert_cmpstr (ml_undo_stack_get_undo_label (stack), ==, "Change Name");

  g_assert_true (ml_undo_stack_undo (stack));
  g_assert_cmpstr (ml_element_get_label (a2), ==, "Pilot");
  g_assert_false (ml_undo_stack_can_undo (stack));
  g_assert_false (ml_undo_stack_get_modified (stack));
  g_assert_true (ml_undo_stack_redo (stack));
  g_assert_cmpstr (ml_element_get_label (a2), ==, "Pilot run");

  /* Saving marks the clean point; a later edit with the same key is a new step. */
  ml_undo_stack_set_clean (stack);
  g_assert_false (ml_undo_stack_get_modified (stack));
  g_assert_true (apply_on_stack (stack, a2, "Pilot runs"));
  g_assert_true (ml_undo_stack_get_modified (stack));
  g_assert_true (ml_undo_stack_undo (stack));
  g_assert_false (ml_undo_stack_get_modified (stack));
  g_assert_cmpstr (ml_element_get_label (a2), ==, "Pilot run");

  /* A new edit forgets what could be redone. */
  g_assert_true (ml_undo_stack_can_redo (stack));
  g_assert_true (apply_on_stack (stack, a2, "Pilot"));
  g_assert_false (ml_undo_stack_can_redo (stack));

  /* A refused edit is not recorded. */
  g_assert_false (apply_on_stack (stack, a2, ""));
  g_assert_cmpstr (ml_element_get_label (a2), ==, "Pilot");
  g_assert_true (ml_undo_stack_undo (stack));
  g_assert_cmpstr (ml_element_get_label (a2), ==, "Pilot run");
}

static void
test_project_ids (void)
{
  g_autoptr(MlProject) project = load_small_project ();
  g_autofree char *id = ml_project_generate_id (project, ML_KIND_ACTIVITY);
  g_autoptr(GPtrArray) activities = ml_project_collect (project, ML_KIND_ACTIVITY);

  g_assert_true (g_str_has_prefix (id, "activity-"));
  g_assert_null (ml_project_lookup (project, id));
  g_assert_cmpuint (activities->len, ==, 2);
  g_assert_cmpstr (ml_element_get_id (g_ptr_array_index (activities, 1)), ==, "a2");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/value/numbers", test_value_numbers);
  g_test_add_func ("/model/value/dates", test_value_dates);
  g_test_add_func ("/model/value/choices", test_value_choices);
  g_test_add_func ("/model/value/ids", test_value_ids);
  g_test_add_func ("/model/element/defaults", test_element_defaults);
  g_test_add_func ("/model/project/side", test_project_side);
  g_test_add_func ("/model/project/ids", test_project_ids);
  g_test_add_func ("/model/command/set", test_command_set);
  g_test_add_func ("/model/command/insert-remove", test_command_insert_remove);
  g_test_add_func ("/model/command/delete", test_command_delete);
  g_test_add_func ("/model/create", test_create_every_kind);
  g_test_add_func ("/model/indicator-progress", test_indicator_progress);
  g_test_add_func ("/model/text-matching", test_text_matching);
  g_test_add_func ("/model/undo-stack", test_undo_stack);

  return g_test_run ();
}
