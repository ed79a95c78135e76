/* test-save.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving under real failures. Most tests run save-helper in a child process: under the
 * fault-inject module, which fails the N-th write(), fsync(), close(), link(), rename() or
 * open() in the test folder, for every N the save reaches; under a file size limit; or as a user
 * who may not write in the folder. After every failure the file must be byte for byte what it
 * was, the backup must still hold a complete version, and no temporary file may be left behind.
 */

#define G_LOG_DOMAIN "test-save"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "ml-error.h"
#include "ml-file.h"
#include "ml-project-io.h"
#include "ml-xml-writer.h"

#define PROJECT_NAME "project.mlab"
#define NOBODY 65534

typedef struct
{
  char   *root;         /* traversable by everyone; holds the sources and the work folder */
  char   *work;         /* the folder saved in, and the only one faults are injected in */
  char   *path;         /* the project file */
  char   *backup;
  char   *source;       /* the new contents, outside the work folder */
  GBytes *original;     /* what the project file holds before each save */
  GBytes *old_backup;   /* what its backup holds before each save */
  GBytes *replacement;  /* what each save writes */
} Fixture;

/* Helpers */

static GBytes *
load_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  const char *samples = g_getenv ("MISSIONLAB_SAMPLES");
  gsize length;

  if (samples != NULL)
    path = g_build_filename (samples, name, NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
set_file (const char *path,
          GBytes     *contents,
          mode_t      mode)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  /* Not G_FILE_SET_CONTENTS_NONE: GLib 2.74 then writes over an existing file without
   * truncating it.
   */
  g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                            (int) mode, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (path, mode));
}

static void
assert_file_equals (const char *path,
                    GBytes     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gsize expected_length;
  const char *expected_data = g_bytes_get_data (expected, &expected_length);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, expected_data, expected_length);
}

static gboolean
file_equals (const char *path,
             GBytes     *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return length == g_bytes_get_size (expected) &&
         memcmp (contents, g_bytes_get_data (expected, NULL), length) == 0;
}

static void
assert_missing (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, -1);
  g_assert_cmpint (errno, ==, ENOENT);
}

static mode_t
get_mode (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));

  return st.st_mode & 07777;
}

static mode_t
get_umask (void)
{
  mode_t mask = umask (0);

  umask (mask);

  return mask;
}

/* Every name the save uses for temporary files starts with a dot. */
static void
assert_no_temp_files (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (name[0] == '.')
      g_error ("temporary file “%s” left behind in %s", name, dir);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) listing = NULL;
      const char *name;

      g_chmod (path, 0700);
      listing = g_dir_open (path, 0, NULL);
      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_assert_no_errno (g_rmdir (path));
    }
  else
    g_assert_no_errno (g_unlink (path));
}

static void
empty_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  for (guint i = 0; i < names->len; i++)
    remove_tree (g_ptr_array_index (names, i));
}

static MlFileStamp
read_stamp (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  MlFileStamp stamp = { 0 };

  contents = ml_file_read (path, ML_FILE_MAX_SIZE, &stamp, &error);
  g_assert_no_error (error);

  return stamp;
}

static char *
format_stamp (const MlFileStamp *stamp)
{
  if (!stamp->exists)
    return g_strdup ("none");

  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", stamp->size,
                          stamp->mtime_ns, stamp->sha256);
}

/* Puts the original file, with mode 0640, and an older backup in place. */
static void
put_existing (Fixture *f)
{
  empty_folder (f->work);
  set_file (f->path, f->original, 0640);
  set_file (f->backup, f->old_backup, 0600);
}

/* Puts the original file and its backup in place, and returns save-helper's option giving the
 * stamp the application keeps when it opens the file.
 */
static char *
prepare_existing (Fixture *f)
{
  MlFileStamp stamp;
  g_autofree char *stamp_text = NULL;

  put_existing (f);
  stamp = read_stamp (f->path);
  stamp_text = format_stamp (&stamp);

  return g_strconcat ("--expected=", stamp_text, NULL);
}

static const char *
get_program (const char *variable,
             const char *name)
{
  const char *path = g_getenv (variable);

  return path != NULL ? path : g_test_get_filename (G_TEST_BUILT, name, NULL);
}

typedef struct
{
  int   exit_status;  /* -1 if the helper did not exit normally */
  char *out;
  char *err;
} HelperRun;

static void
run_clear (HelperRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HelperRun, run_clear)

/* Runs save-helper with @args; with @fault, under the fault module watching @fault_dir. */
static void
run_helper (HelperRun         *run,
            const char        *fault,
            const char        *fault_dir,
            const char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) get_program ("ML_SAVE_HELPER", "save-helper"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (fault != NULL)
    {
      const char *asan = g_environ_getenv (envp, "ASAN_OPTIONS");
      g_autofree char *asan_options = NULL;

      /* ASan insists on coming first in the list of libraries, before any preloaded one. */
      asan_options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                  "verify_asan_link_order=0", NULL);
      envp = g_environ_setenv (envp, "ASAN_OPTIONS", asan_options, TRUE);
      envp = g_environ_setenv (envp, "LD_PRELOAD",
                               get_program ("ML_FAULT_INJECT", "libfault-inject.so"), TRUE);
      envp = g_environ_setenv (envp, "ML_FAULT", fault, TRUE);
      envp = g_environ_setenv (envp, "ML_FAULT_DIR", fault_dir, TRUE);
    }

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);

  run->exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (run->exit_status != 0 && run->exit_status != 1)
    g_error ("save-helper %s under “%s” ended with status %d:\n%s%s", args[0],
             fault != NULL ? fault : "no fault", wait_status, run->out, run->err);
}

/* A failed save explains itself: it names the file and the system's reason. */
static void
assert_clear_error (const HelperRun *run,
                    const char      *path,
                    int              reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_assert_cmpint (run->exit_status, ==, 1);
  g_assert_true (g_str_has_prefix (run->out, "error: "));
  if (strstr (run->out, display) == NULL || strstr (run->out, g_strerror (reason)) == NULL)
    g_error ("the error “%s” should name %s and say “%s”", g_strchomp (run->out), display,
             g_strerror (reason));
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("test-save-XXXXXX", &error);

  g_assert_no_error (error);

  /* The fault module compares the paths behind descriptors, which have no symbolic links. */
  f->root = realpath (tmp, NULL);
  g_assert_nonnull (f->root);
  g_assert_no_errno (g_chmod (f->root, 0755));

  f->work = g_build_filename (f->root, "work", NULL);
  g_assert_no_errno (g_mkdir (f->work, 0755));
  g_assert_no_errno (g_chmod (f->work, 0755));
  f->path = g_build_filename (f->work, PROJECT_NAME, NULL);
  f->backup = ml_file_backup_path (f->path);

  f->original = load_sample ("csiro-drought.mlab");
  f->replacement = load_sample ("csiro-hydrogen.mlab");
  f->old_backup = load_sample ("norway-pilot-e.mlab");

  f->source = g_build_filename (f->root, "new.mlab", NULL);
  set_file (f->source, f->replacement, 0644);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->root);

  g_free (f->root);
  g_free (f->work);
  g_free (f->path);
  g_free (f->backup);
  g_free (f->source);
  g_bytes_unref (f->original);
  g_bytes_unref (f->old_backup);
  g_bytes_unref (f->replacement);
}

/* Saving in the test process */

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *project_path = g_build_filename (f->work, "second.mlab", NULL);
  g_autofree char *project_backup = ml_file_backup_path (project_path);
  const MlFileStamp none = { 0 };
  MlFileStamp stamp = { 0 };
  MlFileStamp reread;
  gboolean saved_ok;

  saved_ok = ml_file_replace (f->path, f->replacement, NULL, &stamp, &error);
  g_assert_no_error (error);
  g_assert_true (saved_ok);

  assert_file_equals (f->path, f->replacement);
  assert_missing (f->backup);
  assert_no_temp_files (f->work);
  g_assert_cmpuint (get_mode (f->path), ==, 0666 & ~get_umask ());

  /* The stamp returned is the one a fresh load would give. */
  reread = read_stamp (f->path);
  g_assert_true (stamp.exists);
  g_assert_cmpuint (stamp.size, ==, reread.size);
  g_assert_cmpint (stamp.mtime_ns, ==, reread.mtime_ns);
  g_assert_cmpstr (stamp.sha256, ==, reread.sha256);

  /* A project saved for the first time expects that nothing is there yet. */
  project = ml_project_load (f->source, NULL, NULL, &error);
  g_assert_no_error (error);
  saved_ok = ml_project_save (project, project_path, &none, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (saved_ok);
  written = ml_xml_write (project);
  assert_file_equals (project_path, written);
  assert_missing (project_backup);
  assert_no_temp_files (f->work);
}

static void
test_replace_keeps_backup (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  MlFileStamp loaded;
  MlFileStamp saved = { 0 };
  MlFileStamp saved_again = { 0 };
  gboolean saved_ok;

  put_existing (f);
  loaded = read_stamp (f->path);
  saved_ok = ml_file_replace (f->path, f->replacement, &loaded, &saved, &error);
  g_assert_no_error (error);
  g_assert_true (saved_ok);

  assert_file_equals (f->path, f->replacement);
  assert_file_equals (f->backup, f->original);
  g_assert_cmpuint (get_mode (f->path), ==, 0640);
  g_assert_cmpuint (get_mode (f->backup), ==, 0640);
  assert_no_temp_files (f->work);

  /* Saving again with the stamp of the last save works, and moves the backup along. */
  project = ml_project_load (f->path, &loaded, NULL, &error);
  g_assert_no_error (error);
  saved_ok = ml_project_save (project, f->path, &saved, &saved_again, &error);
  g_assert_no_error (error);
  g_assert_true (saved_ok);

  written = ml_xml_write (project);
  assert_file_equals (f->path, written);
  assert_file_equals (f->backup, f->replacement);
  g_assert_cmpuint (get_mode (f->path), ==, 0640);
  assert_no_temp_files (f->work);

  /* The project read back is the one saved. */
  g_clear_object (&project);
  project = ml_project_load (f->path, NULL, NULL, &error);
  g_assert_no_error (error);
  on_disk = ml_xml_write (project);
  g_assert_true (g_bytes_equal (on_disk, written));
  g_assert_cmpstr (saved_again.sha256, ==, read_stamp (f->path).sha256);
}

static void
test_mode_preserved (Fixture       *f,
                     gconstpointer  data)
{
  static const mode_t modes[] = { 0600, 0660, 0755, 0444, 0000 };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean saved_ok;

      empty_folder (f->work);
      set_file (f->path, f->original, modes[i]);

      saved_ok = ml_file_replace (f->path, f->replacement, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (saved_ok);
      g_assert_cmpuint (get_mode (f->path), ==, modes[i]);
      g_assert_cmpuint (get_mode (f->backup), ==, modes[i]);

      g_assert_no_errno (g_chmod (f->path, 0600));
      g_assert_no_errno (g_chmod (f->backup, 0600));
      assert_file_equals (f->path, f->replacement);
      assert_file_equals (f->backup, f->original);
      assert_no_temp_files (f->work);
    }
}

/* Saving through a symbolic link writes the file it points to and keeps the link. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (f->work, "real.mlab", NULL);
  g_autofree char *target_backup = ml_file_backup_path (target);
  g_autofree char *link_target = NULL;
  MlFileStamp loaded;
  gboolean saved_ok;

  set_file (target, f->original, 0640);
  g_assert_no_errno (symlink ("real.mlab", f->path));
  loaded = read_stamp (f->path);

  saved_ok = ml_file_replace (f->path, f->replacement, &loaded, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (saved_ok);

  link_target = g_file_read_link (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link_target, ==, "real.mlab");
  assert_file_equals (target, f->replacement);
  assert_file_equals (target_backup, f->original);
  g_assert_cmpuint (get_mode (target), ==, 0640);
  assert_no_temp_files (f->work);
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const MlFileStamp none = { 0 };
  MlFileStamp loaded;
  struct timespec times[2] = { { 0, UTIME_OMIT }, { 0, 0 } };
  gboolean saved_ok;

  put_existing (f);
  loaded = read_stamp (f->path);

  /* Another program wrote something else: nothing is written. */
  set_file (f->path, f->old_backup, 0640);
  g_assert_false (ml_file_replace (f->path, f->replacement, &loaded, NULL, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);
  assert_file_equals (f->path, f->old_backup);
  assert_file_equals (f->backup, f->old_backup);
  assert_no_temp_files (f->work);

  /* Another program only touched it: the contents decide, and they are the same. */
  set_file (f->path, f->original, 0640);
  times[1].tv_sec = (time_t) (loaded.mtime_ns / G_GINT64_CONSTANT (1000000000)) + 3600;
  g_assert_no_errno (utimensat (AT_FDCWD, f->path, times, 0));
  g_assert_cmpint (read_stamp (f->path).mtime_ns, !=, loaded.mtime_ns);
  saved_ok = ml_file_replace (f->path, f->replacement, &loaded, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (saved_ok);
  assert_file_equals (f->path, f->replacement);
  assert_file_equals (f->backup, f->original);
  assert_no_temp_files (f->work);

  /* Another program deleted it: saving would silently bring it back. */
  loaded = read_stamp (f->path);
  g_assert_no_errno (g_unlink (f->path));
  g_assert_false (ml_file_replace (f->path, f->original, &loaded, NULL, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  assert_missing (f->path);
  assert_file_equals (f->backup, f->original);
  assert_no_temp_files (f->work);

  /* A new project's file was created by someone else meanwhile. */
  set_file (f->path, f->old_backup, 0644);
  g_assert_false (ml_file_replace (f->path, f->original, &none, NULL, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  assert_file_equals (f->path, f->old_backup);
  assert_no_temp_files (f->work);

  /* Without a stamp the user chose to overwrite. */
  saved_ok = ml_file_replace (f->path, f->original, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (saved_ok);
  assert_file_equals (f->path, f->original);
  assert_file_equals (f->backup, f->old_backup);
  assert_no_temp_files (f->work);
}

static void
test_not_a_regular_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *folder = g_build_filename (f->work, "folder.mlab", NULL);
  g_autofree char *fifo = g_build_filename (f->work, "fifo.mlab", NULL);
  MlFileStamp loaded;
  GStatBuf st;

  g_assert_no_errno (g_mkdir (folder, 0755));
  g_assert_false (ml_file_replace (folder, f->replacement, NULL, NULL, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, folder));
  g_clear_error (&error);
  g_assert_no_errno (g_lstat (folder, &st));
  g_assert_true (S_ISDIR (st.st_mode));
  assert_no_temp_files (f->work);
  assert_no_temp_files (folder);

  /* Neither loading nor saving may block on a FIFO waiting for a writer. */
  g_assert_no_errno (mkfifo (fifo, 0644));
  contents = ml_file_read (fifo, ML_FILE_MAX_SIZE, NULL, &error);
  g_assert_null (contents);
  g_assert_error (error, ML_ERROR, ML_ERROR_NOT_A_FILE);
  g_clear_error (&error);
  g_assert_false (ml_file_replace (fifo, f->replacement, NULL, NULL, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, fifo));
  g_clear_error (&error);
  g_assert_no_errno (g_lstat (fifo, &st));
  g_assert_true (S_ISFIFO (st.st_mode));
  assert_no_temp_files (f->work);

  /* A FIFO put where the project was opened from. */
  g_assert_no_errno (g_unlink (fifo));
  set_file (fifo, f->original, 0644);
  loaded = read_stamp (fifo);
  g_assert_no_errno (g_unlink (fifo));
  g_assert_no_errno (mkfifo (fifo, 0644));
  g_assert_false (ml_file_replace (fifo, f->replacement, &loaded, NULL, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_no_errno (g_lstat (fifo, &st));
  g_assert_true (S_ISFIFO (st.st_mode));
  assert_no_temp_files (f->work);
}

static void
test_backup_is_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  MlFileStamp loaded;
  GStatBuf st;

  put_existing (f);
  loaded = read_stamp (f->path);

  g_assert_no_errno (g_unlink (f->backup));
  g_assert_no_errno (g_mkdir (f->backup, 0755));

  g_assert_false (ml_file_replace (f->path, f->replacement, &loaded, NULL, &error));
  g_assert_error (error, G_IO_ERROR, (int) g_io_error_from_errno (EISDIR));
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, g_strerror (EISDIR)));
  assert_file_equals (f->path, f->original);
  g_assert_no_errno (g_lstat (f->backup, &st));
  g_assert_true (S_ISDIR (st.st_mode));
  assert_no_temp_files (f->work);
  assert_no_temp_files (f->backup);
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->work, "gone", PROJECT_NAME, NULL);

  g_assert_false (ml_file_replace (path, f->replacement, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  assert_no_temp_files (f->work);
}

/* Real failures from the kernel, in a child process */

static void
test_file_size_limit (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *expected = prepare_existing (f);
  g_auto(HelperRun) run = { 0 };
  const char *limited[] = {
    "--project", "--file-size-limit=4096", expected, f->source, f->path, NULL
  };
  const char *unlimited[] = { "--project", expected, f->source, f->path, NULL };

  g_assert_cmpuint (g_bytes_get_size (f->replacement), >, 4096);

  run_helper (&run, NULL, NULL, limited);
  assert_clear_error (&run, f->path, EFBIG);
  assert_file_equals (f->path, f->original);
  assert_file_equals (f->backup, f->old_backup);
  g_assert_cmpuint (get_mode (f->path), ==, 0640);
  assert_no_temp_files (f->work);
  run_clear (&run);

  /* The same save without the limit goes through. */
  run_helper (&run, NULL, NULL, unlimited);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.exit_status, ==, 0);
  project = ml_project_load (f->source, NULL, NULL, &error);
  g_assert_no_error (error);
  written = ml_xml_write (project);
  assert_file_equals (f->path, written);
  assert_file_equals (f->backup, f->original);
  assert_no_temp_files (f->work);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *expected = prepare_existing (f);
  g_autofree char *open_folder = g_build_filename (f->root, "open", NULL);
  g_autofree char *open_path = g_build_filename (open_folder, PROJECT_NAME, NULL);
  g_autofree char *uid_option = NULL;
  g_autoptr(GPtrArray) control = g_ptr_array_new ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(HelperRun) run = { 0 };
  gboolean root = geteuid () == 0;

  /* A file anyone may write, so that only the folder stands in the way; replacing the file in
   * place, as GIO does when it cannot create a temporary file, would succeed here.
   */
  g_assert_no_errno (g_chmod (f->path, 0666));
  g_assert_no_errno (g_mkdir (open_folder, 0777));
  g_assert_no_errno (g_chmod (open_folder, 0777));
  set_file (open_path, f->original, 0666);

  if (root)
    {
      /* Root may write anywhere: save as nobody, in a folder that belongs to root. */
      g_test_message ("running as root: saving as user %d", NOBODY);
      uid_option = g_strdup_printf ("--uid=%d", NOBODY);
      g_ptr_array_add (control, uid_option);
      g_ptr_array_add (args, uid_option);
    }
  else
    {
      g_assert_no_errno (g_chmod (f->work, 0555));
    }
  g_ptr_array_add (control, f->source);
  g_ptr_array_add (control, open_path);
  g_ptr_array_add (control, NULL);
  g_ptr_array_add (args, expected);
  g_ptr_array_add (args, f->source);
  g_ptr_array_add (args, f->path);
  g_ptr_array_add (args, NULL);

  /* The same user can save in a folder open to everyone, so the failure below is the folder's
   * doing, not that of a parent folder the user cannot enter.
   */
  run_helper (&run, NULL, NULL, (const char *const *) control->pdata);
  if (run.exit_status != 0)
    g_error ("saving in a writable folder failed: %s", run.out);
  assert_file_equals (open_path, f->replacement);
  run_clear (&run);

  run_helper (&run, NULL, NULL, (const char *const *) args->pdata);
  assert_clear_error (&run, f->path, EACCES);

  g_assert_no_errno (g_chmod (f->work, 0755));
  assert_file_equals (f->path, f->original);
  g_assert_cmpuint (get_mode (f->path), ==, 0666);
  assert_file_equals (f->backup, f->old_backup);
  assert_no_temp_files (f->work);
}

/* Injected faults */

typedef enum
{
  SCENARIO_REPLACE,        /* an existing file with an older backup */
  SCENARIO_NEW_FILE,       /* no file yet */
  SCENARIO_NO_HARD_LINKS,  /* as replace, but link() fails and the backup is copied */
  N_SCENARIOS
} Scenario;

static const char *const scenario_names[N_SCENARIOS] = { "replace", "new file", "no hard links" };

static const struct
{
  const char *name;
  int         value;
} fault_errnos[] = {
  { "ENOSPC", ENOSPC },
  { "EIO", EIO },
};

static guint n_fault_points;
static guint n_failed_saves;
static guint n_absorbed_faults;

/* Returns the file the fault module says it failed @call #@nth on, or NULL if that call never
 * happened.
 */
static char *
find_injected (const char *err,
               const char *call,
               guint       nth)
{
  g_autofree char *prefix = g_strdup_printf ("ml-fault: injected %s #%u on ", call, nth);
  const char *start = strstr (err, prefix);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (prefix);
  end = strstr (start, ": ");
  g_assert_nonnull (end);

  return g_strndup (start, (gsize) (end - start));
}

/* Some failures do not endanger the save, which may then go on. */
static gboolean
fault_may_be_absorbed (Fixture    *f,
                       const char *call,
                       const char *target)
{
  g_autofree char *base = g_path_get_basename (target);

  /* Syncing the folder only hastens a rename that is already done. */
  if (strcmp (target, f->work) == 0)
    return TRUE;

  /* Where hard links fail, the backup is copied instead. */
  if (strcmp (call, "link") == 0)
    return TRUE;

  /* The empty file that reserves a name for the backup link is never read, and closing the
   * original after reading it for a backup copy loses nothing.
   */
  if (strcmp (call, "close") == 0 &&
      (g_str_has_prefix (base, "." PROJECT_NAME "~.") || strcmp (target, f->path) == 0))
    return TRUE;

  return FALSE;
}

static void
check_saved (Fixture  *f,
             Scenario  scenario)
{
  assert_file_equals (f->path, f->replacement);
  if (scenario == SCENARIO_NEW_FILE)
    {
      assert_missing (f->backup);
      g_assert_cmpuint (get_mode (f->path), ==, 0666 & ~get_umask ());
    }
  else
    {
      assert_file_equals (f->backup, f->original);
      g_assert_cmpuint (get_mode (f->path), ==, 0640);
      g_assert_cmpuint (get_mode (f->backup), ==, 0640);
    }
  assert_no_temp_files (f->work);
}

static void
check_not_saved (Fixture  *f,
                 Scenario  scenario)
{
  if (scenario == SCENARIO_NEW_FILE)
    {
      assert_missing (f->path);
      assert_missing (f->backup);
    }
  else
    {
      assert_file_equals (f->path, f->original);
      g_assert_cmpuint (get_mode (f->path), ==, 0640);

      /* The backup is replaced, by a complete copy of the file, before the file itself. */
      if (!file_equals (f->backup, f->old_backup) && !file_equals (f->backup, f->original))
        g_error ("the backup holds neither the old backup nor the file");
    }
  assert_no_temp_files (f->work);
}

/* Fails the first, second, … call of @call until the save no longer reaches the fault. */
static void
test_fault (Fixture       *f,
            gconstpointer  data)
{
  const char *call = data;

  for (Scenario scenario = 0; scenario < N_SCENARIOS; scenario++)
    for (guint e = 0; e < G_N_ELEMENTS (fault_errnos); e++)
      for (guint nth = 1;; nth++)
        {
          g_auto(HelperRun) run = { 0 };
          g_autofree char *expected = NULL;
          g_autofree char *fault = NULL;
          g_autofree char *target = NULL;
          const char *args[4];

          g_assert_cmpuint (nth, <, 20);

          /* That scenario already fails the only link(). */
          if (scenario == SCENARIO_NO_HARD_LINKS && strcmp (call, "link") == 0)
            break;

          if (scenario == SCENARIO_NEW_FILE)
            {
              empty_folder (f->work);
              expected = g_strdup ("--expected=none");
            }
          else
            expected = prepare_existing (f);

          fault = g_strdup_printf ("%s%s:%u:%s",
                                   scenario == SCENARIO_NO_HARD_LINKS ? "link:1:EPERM," : "",
                                   call, nth, fault_errnos[e].name);
          args[0] = expected;
          args[1] = f->source;
          args[2] = f->path;
          args[3] = NULL;

          run_helper (&run, fault, f->work, args);
          target = find_injected (run.err, call, nth);

          if (target == NULL)
            {
              /* The save no longer reaches the fault: it must succeed. */
              if (run.exit_status != 0)
                g_error ("%s, %s: failed without a fault: %s%s", scenario_names[scenario], fault,
                         run.out, run.err);
              check_saved (f, scenario);
              break;
            }

          n_fault_points++;
          g_test_message ("%s, %s on %s: %s", scenario_names[scenario], fault, target,
                          run.exit_status == 0 ? "saved" : g_strchomp (run.out));

          if (run.exit_status == 0)
            {
              if (!fault_may_be_absorbed (f, call, target))
                g_error ("%s, %s: saved although %s failed on %s", scenario_names[scenario],
                         fault, call, target);
              n_absorbed_faults++;
              check_saved (f, scenario);
            }
          else
            {
              n_failed_saves++;
              assert_clear_error (&run, f->path, fault_errnos[e].value);
              check_not_saved (f, scenario);
            }
        }

  g_test_message ("so far %u fault points: %u failed saves, %u faults absorbed", n_fault_points,
                  n_failed_saves, n_absorbed_faults);
}

/* Faults the save must ride out. */
static void
test_fault_survived (Fixture       *f,
                     gconstpointer  data)
{
  const char *fault = data;
  g_autofree char *expected = prepare_existing (f);
  const char *args[] = { expected, f->source, f->path, NULL };
  g_auto(HelperRun) run = { 0 };

  run_helper (&run, fault, f->work, args);
  g_assert_nonnull (strstr (run.err, "ml-fault: injected"));
  g_assert_cmpint (run.exit_status, ==, 0);
  check_saved (f, SCENARIO_REPLACE);
}

/* A save killed half-way leaves its hidden temporary files; the next save removes those that
 * are more than an hour old, and leaves a fresh one (another process may be saving) and files
 * that only look alike.
 */
static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *stale[] = { "." PROJECT_NAME ".Ab12Cd", "." PROJECT_NAME "~.Ef34Gh" };
  const char *kept[] = { "." PROJECT_NAME ".Ij56Kl", "." PROJECT_NAME ".notes", PROJECT_NAME ".Mn78Op" };
  struct utimbuf two_hours_ago;

  two_hours_ago.actime = two_hours_ago.modtime = time (NULL) - 2 * 60 * 60;
  put_existing (f);
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (f->work, stale[i], NULL);

      g_assert_true (g_file_set_contents (path, "half a project", -1, &error));
      g_assert_no_errno (g_utime (path, &two_hours_ago));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (f->work, kept[i], NULL);

      g_assert_true (g_file_set_contents (path, "keep me", -1, &error));
      /* Old, but not a temporary file of a save, except the first, which is fresh. */
      if (i > 0)
        g_assert_no_errno (g_utime (path, &two_hours_ago));
    }

  g_assert_true (ml_file_replace (f->path, f->replacement, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (f->work, stale[i], NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (f->work, kept[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  assert_file_equals (f->path, f->replacement);
}

static void
add_test (const char    *path,
          gconstpointer  data,
          void         (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const calls[] = { "open", "write", "fsync", "close", "link", "rename" };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/save/new-file", NULL, test_new_file);
  add_test ("/save/replace-keeps-backup", NULL, test_replace_keeps_backup);
  add_test ("/save/mode-preserved", NULL, test_mode_preserved);
  add_test ("/save/symlink", NULL, test_symlink);
  add_test ("/save/stale-temporaries", NULL, test_stale_temporaries);
  add_test ("/save/changed-on-disk", NULL, test_changed_on_disk);
  add_test ("/save/not-a-regular-file", NULL, test_not_a_regular_file);
  add_test ("/save/real/backup-is-folder", NULL, test_backup_is_folder);
  add_test ("/save/real/missing-folder", NULL, test_missing_folder);
  add_test ("/save/real/file-size-limit", NULL, test_file_size_limit);
  add_test ("/save/real/read-only-folder", NULL, test_read_only_folder);

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autofree char *path = g_strconcat ("/save/fault/", calls[i], NULL);

      add_test (path, calls[i], test_fault);
    }
  add_test ("/save/fault/short-write", "write:1:SHORT", test_fault_survived);
  add_test ("/save/fault/interrupted-write", "write:1:EINTR", test_fault_survived);

  return g_test_run ();
}
