/* fault-inject.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An LD_PRELOAD module that makes chosen system calls fail, to test what saving does when the
 * disk fills up or breaks halfway. It reads two variables:
 *
 *   ML_FAULT      CALL:N:ERRNO[,CALL:N:ERRNO…], e.g. `write:1:ENOSPC` or `rename:2:EIO`: the
 *                 N-th call of CALL fails with ERRNO. CALL is one of open, write, fsync, close,
 *                 link, rename. ERRNO is a name from the table below or a number; the special
 *                 name SHORT makes the N-th write succeed but write only part of its buffer.
 *   ML_FAULT_DIR  only calls on files under this folder are counted and failed: the path
 *                 opened, the new name given by link or rename, the file behind a descriptor.
 *
 * Every injected fault is announced on standard error as a line starting with `ml-fault:`, so
 * that a test knows whether its fault point was reached at all. A failing close() really closes
 * the descriptor first, as Linux does.
 */

/* The wrappers must keep their own names: with 64-bit file offsets the headers would rename
 * open() to open64(), and the module defines both.
 */
#undef _FILE_OFFSET_BITS
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

typedef enum
{
  CALL_OPEN,
  CALL_WRITE,
  CALL_FSYNC,
  CALL_CLOSE,
  CALL_LINK,
  CALL_RENAME,
  N_CALLS
} Call;

#define SHORT_WRITE (-1)
#define MAX_FAULTS 8

static const char *const call_names[N_CALLS] = {
  "open", "write", "fsync", "close", "link", "rename",
};

static const struct
{
  const char *name;
  int         value;
} errno_names[] = {
  { "ENOSPC", ENOSPC }, { "EIO", EIO },       { "EDQUOT", EDQUOT }, { "EFBIG", EFBIG },
  { "EACCES", EACCES }, { "EPERM", EPERM },   { "EROFS", EROFS },   { "EXDEV", EXDEV },
  { "EMLINK", EMLINK }, { "EINTR", EINTR },   { "ENOENT", ENOENT }, { "EEXIST", EEXIST },
  { "SHORT", SHORT_WRITE },
};

typedef struct
{
  Call          call;
  unsigned long nth;
  int           error;
} Fault;

static Fault faults[MAX_FAULTS];
static int n_faults = -1;
static unsigned long counts[N_CALLS];

/* Pointers to the next definitions, normally the C library's. */
static int (*real_open) (const char *, int, ...);
static int (*real_open64) (const char *, int, ...);
static int (*real_openat) (int, const char *, int, ...);
static int (*real_openat64) (int, const char *, int, ...);
static int (*real_open_2) (const char *, int);
static int (*real_open64_2) (const char *, int);
static ssize_t (*real_write) (int, const void *, size_t);
static int (*real_fsync) (int);
static int (*real_close) (int);
static int (*real_link) (const char *, const char *);
static int (*real_linkat) (int, const char *, int, const char *, int);
static int (*real_rename) (const char *, const char *);
static int (*real_renameat) (int, const char *, int, const char *);
static int (*real_renameat2) (int, const char *, int, const char *, unsigned int);

#define RESOLVE(var, name)                                                                   \
  do                                                                                         \
    {                                                                                        \
      if (var == NULL)                                                                       \
        *(void **) (&var) = dlsym (RTLD_NEXT, name);                                         \
      if (var == NULL)                                                                       \
        abort ();                                                                            \
    }                                                                                        \
  while (0)

static void
say (const char *message)
{
  size_t length = strlen (message);

  RESOLVE (real_write, "write");
  while (length > 0)
    {
      ssize_t n = real_write (STDERR_FILENO, message, length);

      if (n <= 0)
        break;
      message += n;
      length -= (size_t) n;
    }
}

static int
parse_errno (const char *text)
{
  char *end = NULL;
  long value;

  for (size_t i = 0; i < sizeof errno_names / sizeof errno_names[0]; i++)
    if (strcmp (text, errno_names[i].name) == 0)
      return errno_names[i].value;

  value = strtol (text, &end, 10);
  if (end != text && *end == '\0' && value > 0)
    return (int) value;

  return 0;
}

/* Parses ML_FAULT once; a malformed value aborts, so that a typo cannot pass for a test that
 * injected nothing.
 */
static void
parse_faults (void)
{
  const char *spec;
  char buffer[512];
  char *saveptr = NULL;

  if (n_faults >= 0)
    return;
  n_faults = 0;

  spec = getenv ("ML_FAULT");
  if (spec == NULL || *spec == '\0')
    return;
  if (strlen (spec) >= sizeof buffer)
    {
      say ("ml-fault: ML_FAULT is too long\n");
      abort ();
    }
  strcpy (buffer, spec);

  for (char *item = strtok_r (buffer, ",", &saveptr); item != NULL;
       item = strtok_r (NULL, ",", &saveptr))
    {
      char *nth = strchr (item, ':');
      char *error = nth != NULL ? strchr (nth + 1, ':') : NULL;
      Fault *fault = &faults[n_faults];
      int found = 0;

      if (n_faults == MAX_FAULTS || error == NULL)
        {
          say ("ml-fault: cannot parse ML_FAULT\n");
          abort ();
        }
      *nth++ = '\0';
      *error++ = '\0';

      for (int c = 0; c < N_CALLS; c++)
        if (strcmp (item, call_names[c]) == 0)
          {
            fault->call = (Call) c;
            found = 1;
          }
      fault->nth = strtoul (nth, NULL, 10);
      fault->error = parse_errno (error);
      if (!found || fault->nth == 0 || fault->error == 0 ||
          (fault->error == SHORT_WRITE && fault->call != CALL_WRITE))
        {
          say ("ml-fault: cannot parse ML_FAULT\n");
          abort ();
        }
      n_faults++;
    }
}

static int
path_is_watched (const char *path)
{
  const char *dir = getenv ("ML_FAULT_DIR");
  size_t length;

  if (dir == NULL || *dir == '\0' || path == NULL)
    return 0;

  length = strlen (dir);
  while (length > 1 && dir[length - 1] == '/')
    length--;

  return strncmp (path, dir, length) == 0 && (path[length] == '\0' || path[length] == '/');
}

/* Turns a path relative to @dirfd into an absolute one in @buffer, as far as needed to decide
 * whether it lies in the watched folder.
 */
static const char *
absolute_path (int         dirfd,
               const char *path,
               char       *buffer,
               size_t      size)
{
  char dir[4096];

  if (path == NULL || path[0] == '/')
    return path;

  if (dirfd == AT_FDCWD)
    {
      if (getcwd (dir, sizeof dir) == NULL)
        return path;
    }
  else
    {
      char proc[64];
      ssize_t n;

      snprintf (proc, sizeof proc, "/proc/self/fd/%d", dirfd);
      n = readlink (proc, dir, sizeof dir - 1);
      if (n < 0)
        return path;
      dir[n] = '\0';
    }

  /* A path too long to join cannot be under the watched folder: leave it alone. */
  if ((size_t) snprintf (buffer, size, "%s/%s", dir, path) >= size)
    return path;

  return buffer;
}

/* Counts one call of @call on the watched file @target. Returns the errno to fail it with,
 * SHORT_WRITE, or 0 to let it run.
 */
static int
check_fault (Call        call,
             const char *target)
{
  unsigned long nth;
  char message[4352];

  parse_faults ();
  nth = __atomic_add_fetch (&counts[call], 1, __ATOMIC_SEQ_CST);

  for (int i = 0; i < n_faults; i++)
    if (faults[i].call == call && faults[i].nth == nth)
      {
        snprintf (message, sizeof message, "ml-fault: injected %s #%lu on %s: %s\n",
                  call_names[call], nth, target,
                  faults[i].error == SHORT_WRITE ? "short write" : strerror (faults[i].error));
        say (message);
        return faults[i].error;
      }

  return 0;
}

static int
check_path (Call        call,
            int         dirfd,
            const char *path)
{
  char buffer[4096];
  const char *target = absolute_path (dirfd, path, buffer, sizeof buffer);

  if (!path_is_watched (target))
    return 0;

  return check_fault (call, target);
}

static int
check_fd (Call call,
          int  fd)
{
  char proc[64];
  char target[4096];
  ssize_t n;

  /* Without a folder to watch, spare every write() a readlink(). */
  if (fd < 0 || getenv ("ML_FAULT_DIR") == NULL)
    return 0;

  snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  n = readlink (proc, target, sizeof target - 1);
  if (n < 0)
    return 0;
  target[n] = '\0';

  if (!path_is_watched (target))
    return 0;

  return check_fault (call, target);
}

static int
fail (int error)
{
  errno = error;
  return -1;
}

static mode_t
get_mode (int     flags,
          va_list args)
{
  if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE)
    return (mode_t) va_arg (args, int);

  return 0;
}

int
open (const char *path,
      int         flags,
      ...)
{
  va_list args;
  mode_t mode;
  int error;

  va_start (args, flags);
  mode = get_mode (flags, args);
  va_end (args);

  RESOLVE (real_open, "open");
  if ((error = check_path (CALL_OPEN, AT_FDCWD, path)) != 0)
    return fail (error);

  return real_open (path, flags, mode);
}

int
open64 (const char *path,
        int         flags,
        ...)
{
  va_list args;
  mode_t mode;
  int error;

  va_start (args, flags);
  mode = get_mode (flags, args);
  va_end (args);

  RESOLVE (real_open64, "open64");
  if ((error = check_path (CALL_OPEN, AT_FDCWD, path)) != 0)
    return fail (error);

  return real_open64 (path, flags, mode);
}

int
openat (int         dirfd,
        const char *path,
        int         flags,
        ...)
{
  va_list args;
  mode_t mode;
  int error;

  va_start (args, flags);
  mode = get_mode (flags, args);
  va_end (args);

  RESOLVE (real_openat, "openat");
  if ((error = check_path (CALL_OPEN, dirfd, path)) != 0)
    return fail (error);

  return real_openat (dirfd, path, flags, mode);
}

int
openat64 (int         dirfd,
          const char *path,
          int         flags,
          ...)
{
  va_list args;
  mode_t mode;
  int error;

  va_start (args, flags);
  mode = get_mode (flags, args);
  va_end (args);

  RESOLVE (real_openat64, "openat64");
  if ((error = check_path (CALL_OPEN, dirfd, path)) != 0)
    return fail (error);

  return real_openat64 (dirfd, path, flags, mode);
}

/* What _FORTIFY_SOURCE turns a two-argument open() into. */
int __open_2 (const char *path, int flags);
int __open64_2 (const char *path, int flags);

int
__open_2 (const char *path,
          int         flags)
{
  int error;

  RESOLVE (real_open_2, "__open_2");
  if ((error = check_path (CALL_OPEN, AT_FDCWD, path)) != 0)
    return fail (error);

  return real_open_2 (path, flags);
}

int
__open64_2 (const char *path,
            int         flags)
{
  int error;

  RESOLVE (real_open64_2, "__open64_2");
  if ((error = check_path (CALL_OPEN, AT_FDCWD, path)) != 0)
    return fail (error);

  return real_open64_2 (path, flags);
}

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  int error;

  RESOLVE (real_write, "write");
  if ((error = check_fd (CALL_WRITE, fd)) == SHORT_WRITE)
    return real_write (fd, buffer, count > 1 ? count / 2 : count);
  if (error != 0)
    return fail (error);

  return real_write (fd, buffer, count);
}

int
fsync (int fd)
{
  int error;

  RESOLVE (real_fsync, "fsync");
  if ((error = check_fd (CALL_FSYNC, fd)) != 0)
    return fail (error);

  return real_fsync (fd);
}

int
close (int fd)
{
  int error;
  int result;

  RESOLVE (real_close, "close");
  error = check_fd (CALL_CLOSE, fd);
  result = real_close (fd);
  if (error != 0)
    return fail (error);

  return result;
}

int
link (const char *oldpath,
      const char *newpath)
{
  int error;

  RESOLVE (real_link, "link");
  if ((error = check_path (CALL_LINK, AT_FDCWD, newpath)) != 0)
    return fail (error);

  return real_link (oldpath, newpath);
}

int
linkat (int         olddirfd,
        const char *oldpath,
        int         newdirfd,
        const char *newpath,
        int         flags)
{
  int error;

  RESOLVE (real_linkat, "linkat");
  if ((error = check_path (CALL_LINK, newdirfd, newpath)) != 0)
    return fail (error);

  return real_linkat (olddirfd, oldpath, newdirfd, newpath, flags);
}

int
rename (const char *oldpath,
        const char *newpath)
{
  int error;

  RESOLVE (real_rename, "rename");
  if ((error = check_path (CALL_RENAME, AT_FDCWD, newpath)) != 0)
    return fail (error);

  return real_rename (oldpath, newpath);
}

int
renameat (int         olddirfd,
          const char *oldpath,
          int         newdirfd,
          const char *newpath)
{
  int error;

  RESOLVE (real_renameat, "renameat");
  if ((error = check_path (CALL_RENAME, newdirfd, newpath)) != 0)
    return fail (error);

  return real_renameat (olddirfd, oldpath, newdirfd, newpath);
}

int
renameat2 (int           olddirfd,
           const char   *oldpath,
           int           newdirfd,
           const char   *newpath,
           unsigned int  flags)
{
  int error;

  RESOLVE (real_renameat2, "renameat2");
  if ((error = check_path (CALL_RENAME, newdirfd, newpath)) != 0)
    return fail (error);

  return real_renameat2 (olddirfd, oldpath, newdirfd, newpath, flags);
}
