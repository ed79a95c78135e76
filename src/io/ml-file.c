/* ml-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving never writes into the user's file. It writes a new file beside it, flushes it to the
 * disk, keeps the previous version as `FILE~`, and renames the new file over the old one, so at
 * every instant the path holds either the whole old version or the whole new one. Any failure
 * leaves the original untouched and removes what was written. GIO's g_file_replace() is not
 * used because, when it cannot create a temporary file (a folder the user may not write in), it
 * falls back to truncating and rewriting the original in place.
 */

#define G_LOG_DOMAIN "ml-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ml-error.h"
#include "ml-file.h"

/* Not a permission: a file with mode 0000 keeps it. */
#define NO_MODE ((mode_t) -1)

/* A temporary file of a save this old was left by a save that was killed: no save takes an
 * hour, so one of another process saving the same file at this moment is never this old. */
#define STALE_TEMPORARY_SECONDS (60 * 60)

static void G_GNUC_PRINTF (3, 4)
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s",
               message, g_strerror (saved_errno));
}

static void
set_not_a_file_error (GError            **error,
                      const struct stat  *st,
                      const char         *display)
{
  g_set_error (error, ML_ERROR, ML_ERROR_NOT_A_FILE,
               S_ISDIR (st->st_mode) ? _("“%s” is a folder, not a project file.")
                                     : _("“%s” is not a regular file."), display);
}

static void
set_too_large_error (GError     **error,
                     gsize        max_size,
                     const char  *display)
{
  g_set_error (error, ML_ERROR, ML_ERROR_TOO_LARGE,
               _("“%s” is larger than %lu MB, the most MissionLab opens."),
               display, (unsigned long) (max_size / (1024 * 1024)));
}

static void
fill_stamp (MlFileStamp       *stamp,
            const struct stat *st,
            const void        *data,
            gsize              length)
{
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);

  stamp->exists = TRUE;
  stamp->size = (guint64) st->st_size;
  stamp->mtime_ns = (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                    st->st_mtim.tv_nsec;
  g_strlcpy (stamp->sha256, hash, sizeof stamp->sha256);
}

/**
 * ml_file_read:
 * @path: a file
 * @max_size: the largest size accepted
 * @stamp: (out) (optional): what identifies this version of the file
 * @error: return location for an error
 *
 * Reads a regular file whole. Folders, FIFOs, sockets and devices are refused without blocking,
 * and so is a file larger than @max_size, even one that grows while it is read.
 *
 * Returns: (transfer full) (nullable): the contents
 */
GBytes *
ml_file_read (const char   *path,
              gsize         max_size,
              MlFileStamp  *stamp,
              GError      **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autofree char *display = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      /* A socket cannot be opened at all: say what it is rather than “No such device”. */
      if (saved_errno == ENXIO && g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
        set_not_a_file_error (error, &st, display);
      else
        set_errno_error (error, saved_errno, _("Could not open “%s”"), display);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, _("Could not read “%s”"), display);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_not_a_file_error (error, &st, display);
      close (fd);
      return NULL;
    }

  /* Refused at once when it is already too large; while reading if it grows past the limit. */
  if ((guint64) st.st_size > max_size)
    {
      set_too_large_error (error, max_size, display);
      close (fd);
      return NULL;
    }

  data = g_byte_array_sized_new ((gsize) st.st_size + 1);
  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, _("Could not read “%s”"), display);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > max_size)
        {
          set_too_large_error (error, max_size, display);
          close (fd);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }

  if (stamp != NULL)
    {
      if (fstat (fd, &st) != 0)
        memset (&st, 0, sizeof st);
      fill_stamp (stamp, &st, data->data, data->len);
    }
  close (fd);

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * ml_file_backup_path:
 *
 * Returns: (transfer full): where the previous version of @path is kept
 */
char *
ml_file_backup_path (const char *path)
{
  return g_strconcat (path, "~", NULL);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }

  return TRUE;
}

/* Writes a complete, flushed file at a new name in @dir, with permissions @mode, or the default
 * ones if @mode is NO_MODE. Returns the name, or NULL with errno.
 */
static char *
write_new_file (const char *dir,
                const char *base,
                const char *data,
                gsize       length,
                mode_t      mode)
{
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd;
  int saved_errno;

  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return NULL;

  if ((mode == NO_MODE || fchmod (fd, mode) == 0) && write_all (fd, data, length) &&
      fsync (fd) == 0)
    {
      if (close (fd) == 0)
        return g_steal_pointer (&tmpl);
      fd = -1;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmpl);
  errno = saved_errno;

  return NULL;
}

/* Keeps the file at @path as @backup: a hard link where the file system has them, a copy
 * otherwise; either way the old backup is replaced only by a complete new one.
 */
static gboolean
keep_backup (const char *path,
             const char *dir,
             const char *base,
             const char *backup,
             mode_t      mode)
{
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s~.XXXXXX", dir, base);
  g_autofree char *copy = NULL;
  int fd;

  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return FALSE;
  close (fd);
  g_unlink (tmpl);

  if (link (path, tmpl) != 0)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        return FALSE;
      copy = write_new_file (dir, base, contents, length, mode);
      if (copy == NULL)
        return FALSE;
      g_free (tmpl);
      tmpl = g_steal_pointer (&copy);
    }

  if (g_rename (tmpl, backup) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmpl);
      errno = saved_errno;
      return FALSE;
    }

  return TRUE;
}

static void
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* The rename is done; syncing the folder only hastens its way to the disk. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
check_unchanged (const char         *path,
                 const MlFileStamp  *expected,
                 GError            **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GBytes) current = NULL;
  g_autofree char *display = g_filename_display_name (path);
  MlFileStamp stamp = { 0 };
  struct stat st;

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT && !expected->exists)
        return TRUE;
      if (errno != ENOENT)
        {
          set_errno_error (error, errno, _("Could not check “%s” before saving"), display);
          return FALSE;
        }
      g_set_error (error, ML_ERROR, ML_ERROR_CHANGED_ON_DISK,
                   _("“%s” was deleted or moved since it was opened."), display);
      return FALSE;
    }

  if (expected->exists && (guint64) st.st_size == expected->size &&
      (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec ==
      expected->mtime_ns)
    return TRUE;

  /* Synced folders and version control touch files without changing them: compare contents. */
  current = ml_file_read (path, G_MAXSIZE, &stamp, &read_error);
  if (current != NULL && expected->exists && strcmp (stamp.sha256, expected->sha256) == 0)
    return TRUE;

  g_set_error (error, ML_ERROR, ML_ERROR_CHANGED_ON_DISK,
               _("“%s” was changed by another program since it was opened."), display);
  return FALSE;
}

/* Whether @name is a temporary file of a save of @base: `.BASE.XXXXXX` or `.BASE~.XXXXXX`. */
static gboolean
is_temporary_of (const char *name,
                 const char *base)
{
  gsize base_length = strlen (base);
  const char *rest;

  if (name[0] != '.' || strncmp (name + 1, base, base_length) != 0)
    return FALSE;
  rest = name + 1 + base_length;
  if (rest[0] == '~')
    rest++;

  return rest[0] == '.' && strlen (rest + 1) == 6;
}

/* Removes what saves of @base killed half-way left beside it (hidden, but they add up). */
static void
remove_stale_temporaries (const char *dir,
                          const char *base)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;

      if (!is_temporary_of (name, base))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) &&
          now - st.st_mtime >= STALE_TEMPORARY_SECONDS)
        g_unlink (path);
    }
}

/**
 * ml_file_replace:
 * @path: the file to write
 * @contents: its new contents
 * @expected: (nullable): the stamp of the version this replaces, or %NULL to overwrite
 *   whatever is there
 * @stamp: (out) (optional): the stamp of the new version
 * @error: return location for an error
 *
 * Replaces @path atomically, keeping its previous version as `@path~`. When @expected is given
 * and the file changed since, nothing is written and the error is %ML_ERROR_CHANGED_ON_DISK.
 * If @path is a symbolic link, the file it points to is replaced, and its backup kept beside it.
 *
 * Returns: whether the file now holds @contents
 */
gboolean
ml_file_replace (const char         *path,
                 GBytes             *contents,
                 const MlFileStamp  *expected,
                 MlFileStamp        *stamp,
                 GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *written = NULL;
  g_autofree char *display = NULL;
  g_autofree char *real_path = NULL;
  const char *data;
  gsize length;
  struct stat st;
  gboolean exists;
  mode_t mode = NO_MODE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  display = g_filename_display_name (path);

  if (expected != NULL && !check_unchanged (path, expected, error))
    return FALSE;

  exists = g_stat (path, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_NOT_A_FILE,
                   _("“%s” is not a regular file; it was not replaced."), display);
      return FALSE;
    }
  if (exists)
    mode = st.st_mode & 07777;

  /* Saving through a symbolic link must update the file it points to, not turn the link into
   * a file of its own.
   */
  if (exists && (real_path = realpath (path, NULL)) != NULL)
    path = real_path;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  backup = ml_file_backup_path (path);
  data = g_bytes_get_data (contents, &length);

  written = write_new_file (dir, base, data != NULL ? data : "", length, mode);
  if (written == NULL)
    {
      set_errno_error (error, errno, _("Could not save “%s”; the file on disk was not changed"),
                       display);
      return FALSE;
    }

  if (exists && !keep_backup (path, dir, base, backup, mode))
    {
      int saved_errno = errno;

      g_unlink (written);
      set_errno_error (error, saved_errno,
                       _("Could not keep a backup of “%s”, so it was not saved; the file on disk was not changed"),
                       display);
      return FALSE;
    }

  if (g_rename (written, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (written);
      set_errno_error (error, saved_errno,
                       _("Could not save “%s”; the file on disk was not changed"), display);
      return FALSE;
    }

  sync_dir (dir);
  remove_stale_temporaries (dir, base);

  if (stamp != NULL)
    {
      if (g_stat (path, &st) != 0)
        memset (&st, 0, sizeof st);
      fill_stamp (stamp, &st, data != NULL ? data : "", length);
    }

  return TRUE;
}
