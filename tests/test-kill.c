/* test-kill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Killed while saving: a child process saves, autosaves or indexes in a loop, the way the
 * application does, and is killed with SIGKILL hundreds of times, each time at a random moment.
 * After every kill the project file holds the whole old or the whole new version and its backup
 * a whole version; the recovery copy is a whole version that was written, never older than one
 * found before; and the index, opened and scanned again as the application does, answers
 * exactly as one built afresh. The children are forked, not executed: starting a program for
 * each of the six hundred kills cost more than the rest of the test under the sanitizers.
 *
 * The delays before the kills come from a GRand whose seed is printed; ML_KILL_SEED=N runs the
 * same delays again (where the kills land still depends on the machine's timing).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ml-document.h"
#include "ml-index.h"
#include "ml-project-io.h"
#include "ml-test-util.h"
#include "ml-xml-writer.h"

#define N_SAVE_KILLS     300
#define N_AUTOSAVE_KILLS 200
#define N_INDEX_KILLS    100

/* Rounds timed to choose the delays before the kills. */
#define N_TIMED_ROUNDS 8

#define TITLE_PREFIX "Kill test version "

typedef struct
{
  GRand  *rand;
  char   *dir;
  gint64  round_time; /* microseconds that a round of the loop may take */
} Fixture;

/* What a child process does until it is killed: @set_up once, then @round over and over. Both
 * run in the child only, on its copy of @state, and return FALSE with the error set on failure.
 */
typedef struct
{
  const char *name;
  gboolean  (*set_up) (gpointer   state,
                       GError   **error);
  gboolean  (*round)  (gpointer   state,
                       guint      round,
                       GError   **error);
  gpointer    state;
} Loop;

typedef struct
{
  MlProject   *projects[2];
  const char  *path;
  MlFileStamp  stamp; /* of the version at @path */
  guint        first; /* the project saved first: the one @path does not hold */
} SaveState;

typedef struct
{
  const char *path;
  const char *recovery_dir;
  MlDocument *document;
  guint       version;
} AutosaveState;

typedef struct
{
  const char *workspace;
  const char *database;
  GPtrArray  *files; /* least recently changed first */
} IndexState;

/* Helpers */

static guint
parse_version (const char *title)
{
  guint64 version = 0;

  g_assert_nonnull (title);
  g_assert_true (g_str_has_prefix (title, TITLE_PREFIX));
  g_assert_true (g_ascii_string_to_unsigned (title + strlen (TITLE_PREFIX), 10, 1, G_MAXUINT,
                                             &version, NULL));

  return (guint) version;
}

static const char *
get_title (MlProject *project)
{
  return ml_element_get_string (ml_project_get_root (project), ML_PROJECT_TITLE);
}

static MlCommand *
new_retitle (MlProject *project,
             guint      version)
{
  g_autofree char *title = g_strdup_printf (TITLE_PREFIX "%06u", version);
  MlCommand *command;
  MlValue value;

  ml_value_init_string (&value, ML_PROJECT_TITLE, title);
  command = ml_command_new_set (ml_project_get_root (project), ML_PROJECT_TITLE, &value);
  ml_value_clear (&value);

  return command;
}

static gint64
get_mtime (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));

  return (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

static int
compare_mtimes (gconstpointer a,
                gconstpointer b)
{
  gint64 ma = get_mtime (*(const char *const *) a);
  gint64 mb = get_mtime (*(const char *const *) b);

  return (ma > mb) - (ma < mb);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The project files of @workspace, sorted with @compare. */
static GPtrArray *
list_projects (const char   *workspace,
               GCompareFunc  compare)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = g_dir_open (workspace, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".mlab"))
      g_ptr_array_add (files, g_build_filename (workspace, name, NULL));
  g_ptr_array_sort (files, compare);

  return g_steal_pointer (&files);
}

/* The loops */

/* Saves the two projects in turn, starting with the one the file does not hold, each time with
 * the stamp of the version it replaces.
 */
static gboolean
set_up_save (gpointer   data,
             GError   **error)
{
  SaveState *state = data;
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GBytes) first = ml_xml_write (state->projects[0]);

  current = ml_file_read (state->path, ML_FILE_MAX_SIZE, &state->stamp, NULL);
  state->first = current != NULL && g_bytes_equal (current, first) ? 1 : 0;

  return TRUE;
}

static gboolean
save_round (gpointer   data,
            guint      round,
            GError   **error)
{
  SaveState *state = data;
  MlProject *project = state->projects[(state->first + round) % 2];

  return ml_project_save (project, state->path, &state->stamp, &state->stamp, error);
}

/* Restores the recovery copy, as the application offers at start-up, or opens the file if there
 * is none; then retitles the project "Kill test version N", N counting on, and writes the
 * recovery copy after each change.
 */
static gboolean
set_up_autosave (gpointer   data,
                 GError   **error)
{
  AutosaveState *state = data;
  g_autoptr(GPtrArray) recoveries = ml_recovery_list (state->recovery_dir);

  if (recoveries->len == 0)
    {
      state->document = ml_document_load (state->path, state->recovery_dir, NULL, error);
      state->version = 1;
      return state->document != NULL;
    }

  state->document = ml_document_restore (g_ptr_array_index (recoveries, 0), state->recovery_dir,
                                         error);
  if (state->document == NULL)
    return FALSE;
  state->version = parse_version (get_title (ml_document_get_project (state->document))) + 1;

  return TRUE;
}

static gboolean
autosave_round (gpointer   data,
                guint      round,
                GError   **error)
{
  AutosaveState *state = data;
  g_autoptr(MlCommand) retitle = new_retitle (ml_document_get_project (state->document),
                                              state->version + round);

  return ml_document_push (state->document, retitle, error) &&
         ml_document_write_recovery (state->document, error);
}

/* Retitles the project files in turn, least recently changed first, between two titles, so that
 * the workspace goes through few states but each save is a change; opens, scans and closes the
 * index after each.
 */
static gboolean
set_up_index (gpointer   data,
              GError   **error)
{
  IndexState *state = data;

  state->files = list_projects (state->workspace, compare_mtimes);

  return TRUE;
}

static gboolean
index_round (gpointer   data,
             guint      round,
             GError   **error)
{
  IndexState *state = data;
  const char *path = g_ptr_array_index (state->files, round % state->files->len);
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlCommand) retitle = NULL;
  g_autoptr(MlIndex) index = NULL;
  MlFileStamp stamp;

  project = ml_project_load (path, &stamp, NULL, error);
  if (project == NULL)
    return FALSE;

  retitle = new_retitle (project, g_strcmp0 (get_title (project), TITLE_PREFIX "000001") == 0
                                    ? 2 : 1);
  if (!ml_command_apply (retitle, project, error) ||
      !ml_project_save (project, path, &stamp, NULL, error))
    return FALSE;

  index = ml_index_open (state->workspace, state->database, error);

  return index != NULL && ml_index_scan (index, NULL, NULL, error);
}

/* Runs @loop in the child process: @count rounds, or until killed when @count is 0. Writes a
 * byte to @report_fd when the rounds start and, when counting, after each round.
 */
static G_GNUC_NORETURN void
run_loop (const Loop *loop,
          guint       count,
          int         report_fd)
{
  g_autoptr(GError) error = NULL;

  if (!loop->set_up (loop->state, &error))
    g_error ("%s: %s", loop->name, error->message);

  for (guint round = 0; count == 0 || round <= count; round++)
    {
      if ((round == 0 || count > 0) && write (report_fd, "r", 1) != 1)
        g_error ("%s: cannot report: %s", loop->name, g_strerror (errno));
      if (round < count || count == 0)
        if (!loop->round (loop->state, round, &error))
          g_error ("%s: %s", loop->name, error->message);
    }

  /* Not exit(): the test's own clean-up is the test's. */
  _exit (0);
}

/* Starts @loop in a child process, and returns once its rounds have started; with @report_fd,
 * the end of the pipe that the child reports on.
 */
static pid_t
start_loop (const Loop *loop,
            guint       count,
            int        *report_fd)
{
  int fds[2];
  char report;
  pid_t pid;

  g_assert_no_errno (pipe (fds));
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      run_loop (loop, count, fds[1]);
    }

  close (fds[1]);
  g_assert_cmpint (read (fds[0], &report, 1), ==, 1);
  if (report_fd != NULL)
    *report_fd = fds[0];
  else
    close (fds[0]);

  return pid;
}

/* Times the rounds of @loop, so that the kills spread over one whatever the build's speed: the
 * longest, as the first one of a process may be slower than the next.
 */
static void
time_rounds (Fixture    *f,
             const Loop *loop)
{
  gint64 last;
  int report_fd;
  int status;
  pid_t pid;

  pid = start_loop (loop, N_TIMED_ROUNDS, &report_fd);
  last = g_get_monotonic_time ();
  f->round_time = 1;
  for (guint i = 0; i < N_TIMED_ROUNDS; i++)
    {
      char report;
      gint64 now;

      g_assert_cmpint (read (report_fd, &report, 1), ==, 1);
      now = g_get_monotonic_time ();
      f->round_time = MAX (f->round_time, now - last);
      last = now;
    }
  close (report_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_test_message ("%s: the longest of %u rounds takes %" G_GINT64_FORMAT " µs", loop->name,
                  N_TIMED_ROUNDS, f->round_time);
}

/* Starts @loop and kills it at a random moment of its first round or a little after. */
static void
kill_loop (Fixture    *f,
           const Loop *loop)
{
  pid_t pid = start_loop (loop, 0, NULL);
  int status;

  g_usleep ((gulong) g_rand_int_range (f->rand, 0,
                                       (gint32) MIN (f->round_time * 5 / 4, G_MAXINT32)));
  g_assert_no_errno (kill (pid, SIGKILL));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  /* Not ended by itself: it would have said why. */
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

static void
write_bytes (const char *path,
             GBytes     *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (contents, NULL),
                       (gssize) g_bytes_get_size (contents), &error);
  g_assert_no_error (error);
}

static MlProject *
load_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("MISSIONLAB_SAMPLES"), name, NULL);
  MlProject *project = ml_project_load (path, NULL, NULL, &error);

  g_assert_no_error (error);

  return project;
}

/* Which of the @n_versions @versions the file at @path holds, -1 if it is missing; any other
 * content fails.
 */
static int
find_version (const char *path,
              GBytes     *versions[],
              guint       n_versions)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return -1;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  contents = g_bytes_new_take (g_steal_pointer (&data), length);
  for (guint i = 0; i < n_versions; i++)
    if (g_bytes_equal (contents, versions[i]))
      return (int) i;

  g_error ("%s holds neither version but %" G_GSIZE_FORMAT " other bytes", path, length);
}

/* Adds to @known the names in @dir that it does not hold yet, and returns how many of them
 * start with @prefix.
 */
static guint
count_new_names (const char *dir,
                 GHashTable *known,
                 const char *prefix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_hash_table_add (known, g_strdup (name)))
      n++;

  return n;
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint32 seed = GPOINTER_TO_UINT (data);

  f->rand = g_rand_new_with_seed (seed);
  g_test_message ("kill delays from seed %" G_GUINT32_FORMAT
                  " (ML_KILL_SEED=%" G_GUINT32_FORMAT " repeats them)", seed, seed);

  /* G_TEST_OPTION_ISOLATE_DIRS removes it after the test. */
  f->dir = g_build_filename (g_get_user_data_dir (), "kill", NULL);
  g_assert_no_errno (g_mkdir_with_parents (f->dir, 0700));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_rand_free (f->rand);
  g_free (f->dir);
}

/* Tests */

/* Where a kill landed in a save, told by what it left. */
enum
{
  MOMENT_BEFORE_FIRST,   /* the file was never written */
  MOMENT_WRITING,        /* a new copy was left behind, the backup was not kept yet */
  MOMENT_KEEPING_BACKUP, /* a link or copy for the backup was left behind */
  MOMENT_BEFORE_RENAME,  /* the backup was kept, the new copy not renamed yet */
  MOMENT_ELSEWHERE,      /* serialising, checking the file, or after the rename */
  N_MOMENTS
};

static void
test_kill_save (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GHashTable) left = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *work = g_build_filename (f->dir, "work", NULL);
  g_autofree char *path = g_build_filename (work, "project.mlab", NULL);
  g_autofree char *backup = ml_file_backup_path (path);
  g_autofree char *timed = g_build_filename (f->dir, "timed.mlab", NULL);
  g_autoptr(MlProject) first = load_sample ("csiro-drought.mlab");
  g_autoptr(MlProject) second = load_sample ("csiro-hydrogen.mlab");
  g_autoptr(GBytes) first_bytes = ml_xml_write (first);
  g_autoptr(GBytes) second_bytes = ml_xml_write (second);
  GBytes *versions[] = { first_bytes, second_bytes };
  SaveState save = { { first, second }, path };
  SaveState timed_save = { { first, second }, timed };
  const Loop loop = { "save", set_up_save, save_round, &save };
  const Loop timed_loop = { "save", set_up_save, save_round, &timed_save };
  guint moments[N_MOMENTS] = { 0 };
  gboolean written = FALSE;
  gboolean backed_up = FALSE;

  g_assert_no_errno (g_mkdir (work, 0700));
  time_rounds (f, &timed_loop);

  for (guint i = 0; i < N_SAVE_KILLS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MlProject) project = NULL;
      guint n_copies, n_links;
      int version, backup_version;

      kill_loop (f, &loop);

      /* Once written, the file is always there, whole, and so is its backup. */
      version = find_version (path, versions, G_N_ELEMENTS (versions));
      backup_version = find_version (backup, versions, G_N_ELEMENTS (versions));
      g_assert_true (version >= 0 || !written);
      g_assert_true (backup_version >= 0 || !backed_up);
      g_assert_true (backup_version < 0 || version >= 0);
      written = version >= 0;
      backed_up = backup_version >= 0;

      if (written)
        {
          project = ml_project_load (path, NULL, NULL, &error);
          g_assert_no_error (error);
        }

      /* Temporary files are hidden: a new copy .NAME.XXXXXX and a backup .NAME~.XXXXXX. */
      n_links = count_new_names (work, left, ".project.mlab~.");
      n_copies = count_new_names (work, left, ".project.mlab.");
      if (!written)
        moments[MOMENT_BEFORE_FIRST]++;
      else if (n_links > 0)
        moments[MOMENT_KEEPING_BACKUP]++;
      else if (n_copies > 0 && version == backup_version)
        moments[MOMENT_BEFORE_RENAME]++;
      else if (n_copies > 0)
        moments[MOMENT_WRITING]++;
      else
        moments[MOMENT_ELSEWHERE]++;
    }

  /* Every name in the folder is the file, its backup or a hidden temporary file. */
  g_assert_cmpuint (count_new_names (work, left, ""), ==, 2);
  g_test_message ("%u kills: %u before the first save, %u writing the new copy, %u keeping the "
                  "backup, %u between the backup and the rename, %u elsewhere; %u hidden "
                  "temporary files left behind",
                  N_SAVE_KILLS, moments[MOMENT_BEFORE_FIRST], moments[MOMENT_WRITING],
                  moments[MOMENT_KEEPING_BACKUP], moments[MOMENT_BEFORE_RENAME],
                  moments[MOMENT_ELSEWHERE], g_hash_table_size (left) - 2);
}

static void
test_kill_autosave (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) sample = load_sample ("norway-pilot-e.mlab");
  g_autoptr(GBytes) original = ml_xml_write (sample);
  g_autoptr(GPtrArray) recoveries = NULL;
  g_autoptr(GHashTable) left = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(MlDocument) document = NULL;
  g_autoptr(MlDocument) saved = NULL;
  g_autofree char *path = g_build_filename (f->dir, "pilot-e.mlab", NULL);
  g_autofree char *recovery_dir = ml_recovery_default_dir ();
  g_autofree char *timed_dir = g_build_filename (f->dir, "timed-recovery", NULL);
  AutosaveState autosave = { path, recovery_dir };
  AutosaveState timed_autosave = { path, timed_dir };
  const Loop loop = { "autosave", set_up_autosave, autosave_round, &autosave };
  const Loop timed_loop = { "autosave", set_up_autosave, autosave_round, &timed_autosave };
  guint seen = 0;
  guint seen_described = 0;
  guint n_none = 0;
  guint n_behind = 0;

  write_bytes (path, original);
  time_rounds (f, &timed_loop);

  for (guint i = 0; i < N_AUTOSAVE_KILLS; i++)
    {
      g_autoptr(MlDocument) restored = NULL;
      MlRecovery *recovery;
      guint version, described;

      kill_loop (f, &loop);

      /* The user's file is never written by autosaving. */
      g_assert_cmpint (find_version (path, &original, 1), ==, 0);

      recoveries = ml_recovery_list (recovery_dir);
      g_assert_cmpuint (recoveries->len, <=, 1);
      if (recoveries->len == 0)
        {
          g_assert_cmpuint (seen, ==, 0);
          n_none++;
          g_clear_pointer (&recoveries, g_ptr_array_unref);
          continue;
        }

      recovery = g_ptr_array_index (recoveries, 0);
      g_assert_cmpstr (recovery->path, ==, path);
      restored = ml_document_restore (recovery, recovery_dir, &error);
      g_assert_no_error (error);
      g_assert_true (ml_document_get_modified (restored));

      /* The copy is the last one written: never one older than found before. The description
       * beside it is written after it, so when kills land between the two it may name an older
       * version, but never one older than it named before.
       */
      version = parse_version (get_title (ml_document_get_project (restored)));
      described = parse_version (recovery->title);
      g_assert_cmpuint (version, >=, seen);
      g_assert_cmpuint (described, <=, version);
      g_assert_cmpuint (described, >=, seen_described);
      n_behind += described < version;
      seen = version;
      seen_described = described;
      g_clear_pointer (&recoveries, g_ptr_array_unref);
    }

  /* Left behind: temporary files of g_file_set_contents(), and copies of the first version
   * killed before their description; ml_recovery_list() ignores both.
   */
  g_test_message ("%u kills: %u before the first copy; %u versions written; the description "
                  "named an older version %u times; %u other files left in the recovery folder",
                  N_AUTOSAVE_KILLS, n_none, seen, n_behind,
                  count_new_names (recovery_dir, left, "") - 2);
  g_assert_cmpuint (seen, >, 0);

  /* What was recovered saves over the file it belongs to, which nothing changed. */
  recoveries = ml_recovery_list (recovery_dir);
  document = ml_document_restore (g_ptr_array_index (recoveries, 0), recovery_dir, &error);
  g_assert_no_error (error);
  g_assert_true (ml_document_save (document, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&recoveries, g_ptr_array_unref);
  recoveries = ml_recovery_list (recovery_dir);
  g_assert_cmpuint (recoveries->len, ==, 0);
  saved = ml_document_load (path, recovery_dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parse_version (get_title (ml_document_get_project (saved))), ==, seen);
}

/* The SHA-256 of the project files of @workspace and their names, as the key of what it should
 * answer.
 */
static char *
hash_workspace (const char *workspace)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) files = list_projects (workspace, compare_names);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      g_checksum_update (checksum, (const guchar *) file, (gssize) strlen (file) + 1);
      g_checksum_update (checksum, (const guchar *) contents, (gssize) length);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* What an index built afresh from @workspace answers. */
static char *
describe_fresh (const char *workspace,
                const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlIndex) index = NULL;

  g_assert_true (g_remove (database) == 0 || errno == ENOENT);
  index = ml_index_open (workspace, database, &error);
  g_assert_no_error (error);
  g_assert_true (ml_index_scan (index, NULL, NULL, &error));
  g_assert_no_error (error);

  return ml_test_describe_index (index);
}

static void
test_kill_index (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) samples = g_dir_open (g_getenv ("MISSIONLAB_SAMPLES"), 0, NULL);
  g_autofree char *workspace = g_build_filename (f->dir, "workspace", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.sqlite", NULL);
  g_autofree char *timed = g_build_filename (f->dir, "timed.sqlite", NULL);
  g_autofree char *database = NULL;
  g_autofree char *wal = NULL;
  IndexState index_state = { workspace };
  IndexState timed_index = { workspace, timed };
  const Loop loop = { "index", set_up_index, index_round, &index_state };
  const Loop timed_loop = { "index", set_up_index, index_round, &timed_index };
  const char *name;
  guint n_rebuilt = 0;
  guint n_log = 0;

  g_assert_no_errno (g_mkdir (workspace, 0700));
  g_assert_nonnull (samples);
  while ((name = g_dir_read_name (samples)) != NULL)
    if (g_str_has_suffix (name, ".mlab"))
      {
        g_autofree char *to = g_build_filename (workspace, name, NULL);
        g_autoptr(MlProject) project = load_sample (name);
        g_autoptr(GBytes) contents = ml_xml_write (project);

        write_bytes (to, contents);
      }

  /* Where the application keeps it. */
  database = ml_index_default_path (workspace, NULL);
  wal = g_strconcat (database, "-wal", NULL);
  index_state.database = database;
  time_rounds (f, &timed_loop);

  for (guint i = 0; i < N_INDEX_KILLS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MlIndex) index = NULL;
      g_autofree char *key = NULL;
      g_autofree char *answer = NULL;
      const char *expected;
      MlIndexScanStats stats;

      kill_loop (f, &loop);
      n_log += g_file_test (wal, G_FILE_TEST_EXISTS);

      /* Used or rebuilt, never an error and never a wrong answer. */
      index = ml_index_open (workspace, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (ml_index_scan (index, &stats, NULL, &error));
      g_assert_no_error (error);
      n_rebuilt += stats.rebuilt;
      answer = ml_test_describe_index (index);

      key = hash_workspace (workspace);
      expected = g_hash_table_lookup (answers, key);
      if (expected == NULL)
        {
          expected = describe_fresh (workspace, fresh);
          g_hash_table_insert (answers, g_steal_pointer (&key), (char *) expected);
        }
      g_assert_cmpstr (answer, ==, expected);
    }

  g_test_message ("%u kills: the log was left %u times, the index rebuilt %u times; %u states "
                  "of the workspace",
                  N_INDEX_KILLS, n_log, n_rebuilt, g_hash_table_size (answers));
}

int
main (int   argc,
      char *argv[])
{
  const char *seed_text = g_getenv ("ML_KILL_SEED");
  guint64 seed;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (seed_text == NULL)
    seed = g_random_int ();
  else if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    g_error ("ML_KILL_SEED must be a number below 2³², not “%s”", seed_text);

  g_test_add ("/kill/save", Fixture, GUINT_TO_POINTER ((guint32) seed), fixture_set_up,
              test_kill_save, fixture_tear_down);
  g_test_add ("/kill/autosave", Fixture, GUINT_TO_POINTER ((guint32) seed), fixture_set_up,
              test_kill_autosave, fixture_tear_down);
  g_test_add ("/kill/index", Fixture, GUINT_TO_POINTER ((guint32) seed), fixture_set_up,
              test_kill_index, fixture_tear_down);

  return g_test_run ();
}
