/* save-helper.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves one file the way the application does, in a process of its own, so that test-save can
 * run it under the fault-injection module, a file size limit or another user. The source is
 * read completely before anything is limited or injected.
 *
 * Exit status: 0 saved, 1 the save failed (the error is printed on standard output as
 * `error: DOMAIN CODE: MESSAGE`), 2 the helper itself could not run.
 */

#define G_LOG_DOMAIN "save-helper"

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ml-error.h"
#include "ml-file.h"
#include "ml-project-io.h"

enum
{
  EXIT_SAVED = 0,
  EXIT_SAVE_FAILED = 1,
  EXIT_HELPER_FAILED = 2,
};

/* Parses `SIZE:MTIME_NS:SHA256`, or `none` for a file that did not exist. */
static gboolean
parse_stamp (const char  *text,
             MlFileStamp *stamp)
{
  g_auto(GStrv) parts = NULL;

  memset (stamp, 0, sizeof *stamp);
  if (g_strcmp0 (text, "none") == 0)
    return TRUE;

  parts = g_strsplit (text, ":", 3);
  if (g_strv_length (parts) != 3 || strlen (parts[2]) != 64)
    return FALSE;

  stamp->exists = TRUE;
  if (!g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, &stamp->size, NULL) ||
      !g_ascii_string_to_signed (parts[1], 10, G_MININT64, G_MAXINT64, &stamp->mtime_ns, NULL))
    return FALSE;
  g_strlcpy (stamp->sha256, parts[2], sizeof stamp->sha256);

  return TRUE;
}

static gboolean
become_user (gint64 uid)
{
  gid_t gid = (gid_t) uid;

  if (setgroups (0, NULL) != 0 || setgid (gid) != 0 || setuid ((uid_t) uid) != 0)
    {
      g_printerr ("save-helper: cannot become user %" G_GINT64_FORMAT ": %s\n", uid,
                  g_strerror (errno));
      return FALSE;
    }

  return geteuid () == (uid_t) uid && getegid () == gid;
}

static gboolean
limit_file_size (gint64 limit)
{
  struct rlimit rl = { (rlim_t) limit, (rlim_t) limit };

  /* Without this the kernel kills the process instead of failing the write with EFBIG. */
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
    {
      g_printerr ("save-helper: cannot limit the file size: %s\n", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autofree char *expected_text = NULL;
  MlFileStamp expected;
  gboolean as_project = FALSE;
  gboolean saved;
  gint64 uid = -1;
  gint64 size_limit = -1;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_NONE, &as_project,
      "Load SOURCE as a project and save it with ml_project_save()", NULL },
    { "expected", 0, 0, G_OPTION_ARG_STRING, &expected_text,
      "The stamp of DEST as loaded: SIZE:MTIME_NS:SHA256, or none", "STAMP" },
    { "uid", 0, 0, G_OPTION_ARG_INT64, &uid, "Save as this user and group (needs root)", "ID" },
    { "file-size-limit", 0, 0, G_OPTION_ARG_INT64, &size_limit,
      "Save with RLIMIT_FSIZE set to this many bytes", "BYTES" },
    { NULL }
  };

  context = g_option_context_new ("SOURCE DEST");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("save-helper: %s\n", error != NULL ? error->message : "SOURCE DEST expected");
      return EXIT_HELPER_FAILED;
    }
  if (expected_text != NULL && !parse_stamp (expected_text, &expected))
    {
      g_printerr ("save-helper: bad stamp “%s”\n", expected_text);
      return EXIT_HELPER_FAILED;
    }

  if (as_project)
    project = ml_project_load (argv[1], NULL, NULL, &error);
  else
    contents = ml_file_read (argv[1], ML_FILE_MAX_SIZE, NULL, &error);
  if (project == NULL && contents == NULL)
    {
      g_printerr ("save-helper: %s\n", error->message);
      return EXIT_HELPER_FAILED;
    }

  if (uid >= 0 && !become_user (uid))
    return EXIT_HELPER_FAILED;
  if (size_limit >= 0 && !limit_file_size (size_limit))
    return EXIT_HELPER_FAILED;

  if (as_project)
    saved = ml_project_save (project, argv[2], expected_text != NULL ? &expected : NULL, NULL,
                             &error);
  else
    saved = ml_file_replace (argv[2], contents, expected_text != NULL ? &expected : NULL, NULL,
                             &error);

  if (!saved)
    {
      g_print ("error: %s %d: %s\n", g_quark_to_string (error->domain), error->code,
               error->message);
      return EXIT_SAVE_FAILED;
    }

  return EXIT_SAVED;
}
