/* test-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An open document: saving marks it clean, another program's change is never overwritten
 * silently, and unsaved changes survive a crash through the recovery copy.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ml-document.h"
#include "ml-error.h"

typedef struct
{
  char *dir;
  char *recovery_dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("MISSIONLAB_SAMPLES"),
                                              "norway-pilot-e.mlab", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  fixture->dir = g_dir_make_tmp ("document-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->recovery_dir = g_build_filename (fixture->dir, "recovery", NULL);
  fixture->path = g_build_filename (fixture->dir, "pilot-e.mlab", NULL);
  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->dir);
  g_free (fixture->recovery_dir);
  g_free (fixture->path);
}

static void
rename_stakeholder (MlDocument *document,
                    const char *id,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlCommand) command = NULL;
  MlElement *element = ml_project_lookup (ml_document_get_project (document), id);
  MlValue value;

  g_assert_nonnull (element);
  ml_value_init_string (&value, ML_STAKEHOLDER_NAME, name);
  command = ml_command_new_set (element, ML_STAKEHOLDER_NAME, &value);
  ml_value_clear (&value);
  g_assert_true (ml_document_push (document, command, &error));
  g_assert_no_error (error);
}

static const char *
stakeholder_name (MlDocument *document,
                  const char *id)
{
  return ml_element_get_label (ml_project_lookup (ml_document_get_project (document), id));
}

static void
test_save_and_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlDocument) document = NULL;
  g_autoptr(MlDocument) reopened = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.mlab", NULL);
  g_autofree char *name = NULL;

  document = ml_document_load (fixture->path, fixture->recovery_dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ml_document_get_modified (document));
  name = ml_document_get_display_name (document);
  g_assert_cmpstr (name, ==, "pilot-e.mlab");

  rename_stakeholder (document, "s-rcn", "Forskningsrådet");
  g_assert_true (ml_document_get_modified (document));
  g_assert_true (ml_document_save (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (ml_document_get_modified (document));

  /* Undoing past the save point makes it modified again. */
  ml_undo_stack_undo (ml_document_get_undo_stack (document));
  g_assert_true (ml_document_get_modified (document));
  ml_undo_stack_redo (ml_document_get_undo_stack (document));
  g_assert_false (ml_document_get_modified (document));

  reopened = ml_document_load (fixture->path, fixture->recovery_dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stakeholder_name (reopened, "s-rcn"), ==, "Forskningsrådet");

  /* Save As moves the document to the new file. */
  g_assert_true (ml_document_save (document, copy, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (ml_document_get_path (document), "copy.mlab"));
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlDocument) document = NULL;
  g_autoptr(MlDocument) colleague = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;

  document = ml_document_load (fixture->path, fixture->recovery_dir, NULL, &error);
  g_assert_no_error (error);
  colleague = ml_document_load (fixture->path, fixture->recovery_dir, NULL, &error);
  g_assert_no_error (error);

  /* A colleague saves first, in the shared folder. */
  rename_stakeholder (colleague, "s-rcn", "RCN (colleague)");
  g_assert_true (ml_document_save (colleague, NULL, FALSE, &error));
  g_file_get_contents (fixture->path, &theirs, NULL, NULL);

  rename_stakeholder (document, "s-rcn", "RCN (mine)");
  g_assert_false (ml_document_save (document, NULL, FALSE, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_CHANGED_ON_DISK);
  g_assert_true (ml_document_get_modified (document));
  g_file_get_contents (fixture->path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, theirs);
  g_clear_error (&error);

  /* The user chose: reload theirs, dropping mine. */
  g_assert_true (ml_document_reload (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stakeholder_name (document, "s-rcn"), ==, "RCN (colleague)");
  g_assert_false (ml_document_get_modified (document));
  g_assert_false (ml_undo_stack_can_undo (ml_document_get_undo_stack (document)));

  /* Or keep mine, knowingly. */
  rename_stakeholder (colleague, "s-rcn", "RCN (colleague again)");
  g_assert_true (ml_document_save (colleague, NULL, FALSE, &error));
  rename_stakeholder (document, "s-rcn", "RCN (mine)");
  g_assert_true (ml_document_save (document, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&colleague);
  colleague = ml_document_load (fixture->path, fixture->recovery_dir, NULL, &error);
  g_assert_cmpstr (stakeholder_name (colleague, "s-rcn"), ==, "RCN (mine)");
}

static void
test_new_document (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlDocument) document = ml_document_new (fixture->recovery_dir);
  g_autofree char *name = ml_document_get_display_name (document);
  g_autofree char *target = g_build_filename (fixture->dir, "new.mlab", NULL);

  g_assert_null (ml_document_get_path (document));
  g_assert_cmpstr (name, ==, "Unsaved project");
  g_assert_nonnull (ml_element_get_label (ml_project_get_root (ml_document_get_project (document))));
  g_assert_true (ml_document_save (document, target, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
}

static gboolean
wait_for_file (const char *path)
{
  for (guint i = 0; i < 200; i++)
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
      g_usleep (50 * 1000);
    }

  return FALSE;
}

static void
edit_until_killed (Fixture *fixture)
{
  g_autoptr(MlDocument) document = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  document = ml_document_load (fixture->path, fixture->recovery_dir, NULL, NULL);
  if (document == NULL)
    _exit (2);
  ml_document_set_autosave_delay (document, 1);
  rename_stakeholder (document, "s-rcn", "Saved only in the recovery copy");
  g_main_loop_run (loop);
}

static void
test_recovery_after_kill (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recoveries = NULL;
  g_autoptr(MlDocument) restored = NULL;
  g_autoptr(MlDocument) reopened = NULL;
  g_autofree char *info = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  MlRecovery *recovery;
  int status;
  pid_t pid;

  g_file_get_contents (fixture->path, &before, NULL, NULL);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    edit_until_killed (fixture);

  /* Wait for the copy, then kill the editor the hard way. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) found = ml_recovery_list (fixture->recovery_dir);

      if (found->len > 0)
        break;
      g_usleep (50 * 1000);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  /* The user's file was never touched. */
  g_file_get_contents (fixture->path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);

  recoveries = ml_recovery_list (fixture->recovery_dir);
  g_assert_cmpuint (recoveries->len, ==, 1);
  recovery = g_ptr_array_index (recoveries, 0);
  g_assert_cmpstr (recovery->path, ==, fixture->path);
  g_assert_nonnull (strstr (recovery->title, "Pilot-E"));
  info = g_strdup_printf ("%s/%s.ini", fixture->recovery_dir, recovery->id);
  g_assert_true (wait_for_file (info));

  restored = ml_document_restore (recovery, fixture->recovery_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stakeholder_name (restored, "s-rcn"), ==, "Saved only in the recovery copy");
  g_assert_true (ml_document_get_modified (restored));
  g_assert_cmpstr (ml_document_get_path (restored), ==, fixture->path);

  g_assert_true (ml_document_save (restored, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (ml_document_get_modified (restored));
  g_clear_pointer (&recoveries, g_ptr_array_unref);
  recoveries = ml_recovery_list (fixture->recovery_dir);
  g_assert_cmpuint (recoveries->len, ==, 0);

  reopened = ml_document_load (fixture->path, fixture->recovery_dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stakeholder_name (reopened, "s-rcn"), ==, "Saved only in the recovery copy");
}

static void
test_recovery_discarded (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlDocument) document = NULL;
  g_autoptr(GPtrArray) found = NULL;

  document = ml_document_load (fixture->path, fixture->recovery_dir, NULL, &error);
  g_assert_no_error (error);
  rename_stakeholder (document, "s-rcn", "Changed");
  g_assert_true (ml_document_write_recovery (document, &error));
  g_assert_no_error (error);
  found = ml_recovery_list (fixture->recovery_dir);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Closing with "Discard" drops the copy; a clean close leaves none either. */
  ml_document_discard_recovery (document);
  found = ml_recovery_list (fixture->recovery_dir);
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/document/save-and-reopen", Fixture, NULL, fixture_set_up, test_save_and_reopen,
              fixture_tear_down);
  g_test_add ("/document/changed-on-disk", Fixture, NULL, fixture_set_up, test_changed_on_disk,
              fixture_tear_down);
  g_test_add ("/document/new", Fixture, NULL, fixture_set_up, test_new_document,
              fixture_tear_down);
  g_test_add ("/document/recovery-after-kill", Fixture, NULL, fixture_set_up,
              test_recovery_after_kill, fixture_tear_down);
  g_test_add ("/document/recovery-discarded", Fixture, NULL, fixture_set_up,
              test_recovery_discarded, fixture_tear_down);

  return g_test_run ();
}
