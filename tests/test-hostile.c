/* test-hostile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Malformed and hostile files, loaded from disk the way the application and the CLI load them:
 * each must give a clear error (its domain and code, and words a user understands), within a
 * bounded time and memory, and write nothing. Every row is loaded in a child process with an
 * address-space limit and an alarm, so a blow-up or a hang fails its row instead of the machine
 * or CI. This is the one table of bad inputs; test-xml tests the format of good ones.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "ml-diagnostic.h"
#include "ml-error.h"
#include "ml-project-io.h"
#include "ml-test-util.h"

#if defined(__SANITIZE_ADDRESS__)
#define HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif

#define NS "https://example.org/ns/missionlab"
#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define OPEN "<project xmlns=\"" NS "\" format-version=\"1.0\">\n"
#define MB (1024 * 1024)

/* Far above what a 64 MB file needs, far below what a runaway expansion takes. AddressSanitizer
 * reserves terabytes of shadow memory, so under it only the time is limited; and since CI runs
 * it with a slow unwinder on every allocation, as many times longer as CI's timeout multiplier.
 */
#define MEMORY_LIMIT ((rlim_t) 1024 * MB)
#ifdef HAVE_ASAN
#define TIME_LIMIT 100
#else
#define TIME_LIMIT 20
#endif

/* Where the parent tells the child which file to load. */
#define INPUT_VARIABLE "ML_HOSTILE_INPUT"

typedef enum
{
  HOSTILE_CLI = 1 << 0,            /* `missionlab-cli validate` must fail on it too */
  HOSTILE_MAY_LOAD = 1 << 1,       /* a race: a clean load of a consistent snapshot is right too */
  HOSTILE_SELF_CHANGING = 1 << 2,  /* the test itself changes the input while it is read */
  HOSTILE_NOT_AS_ROOT = 1 << 3,    /* root reads it anyway */
} HostileFlags;

typedef struct _Hostile Hostile;

/* A part of a generated file: @text, then @unit @count times; if @after_index is set, each
 * unit is followed by its index and @after_index, to make names and ids that differ.
 */
typedef struct
{
  const char *text;
  const char *unit;
  const char *after_index;
  gsize       count;
} Piece;

/* Creates the input at @path. */
typedef void (*HostileMake) (const Hostile *row,
                             const char    *path);

/* Runs in a thread beside the load, changing the input, until @stop is set. */
typedef void (*HostileMeddle) (const char *path,
                               const int  *stop);

struct _Hostile
{
  const char     *name;
  const char     *text;         /* the contents, or what make encodes */
  gsize           length;       /* of text, which may hold NUL bytes */
  HostileMake     make;         /* NULL: the file holds text; no text either: it does not exist */
  gsize           size;         /* for make */
  Piece           pieces[3];    /* for make_pieces */
  const char     *path;         /* a path loaded instead of a file made for the row */
  HostileMeddle   meddle;
  GQuark        (*domain) (void);
  int             code;
  const char     *message;      /* in the error or in a diagnostic */
  guint           line;         /* of that diagnostic; 0: any */
  HostileFlags    flags;
};

#define TEXT(t) .text = (t), .length = sizeof (t) - 1
#define INVALID .domain = ml_error_quark, .code = ML_ERROR_INVALID_PROJECT
#define NOT_A_FILE .domain = ml_error_quark, .code = ML_ERROR_NOT_A_FILE
#define TOO_LARGE .domain = ml_error_quark, .code = ML_ERROR_TOO_LARGE
#define IO(c) .domain = g_io_error_quark, .code = G_IO_ERROR_##c

/* Generators for inputs too big or too special to write out. */

static void
write_file (const char *path,
            const char *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
write_string (const char *path,
              GString    *text)
{
  write_file (path, text->str, text->len);
}

static void
make_pieces (const Hostile *row,
             const char    *path)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (row->pieces); i++)
    {
      const Piece *piece = &row->pieces[i];

      if (piece->text != NULL)
        g_string_append (text, piece->text);
      for (gsize k = 0; k < piece->count; k++)
        {
          g_string_append (text, piece->unit);
          if (piece->after_index != NULL)
            g_string_append_printf (text, "%" G_GSIZE_FORMAT "%s", k, piece->after_index);
        }
    }
  write_string (path, text);
}

static void
make_utf16 (const Hostile *row,
            const char    *path,
            gboolean       bom)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (bom ? "\xff\xfe" : "");
  g_autofree char *encoded = NULL;
  gsize length;

  encoded = g_convert (row->text, (gssize) row->length, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_string_append_len (text, encoded, (gssize) length);
  write_string (path, text);
}

static void
make_utf16_with_bom (const Hostile *row,
                     const char    *path)
{
  make_utf16 (row, path, TRUE);
}

static void
make_utf16_without_bom (const Hostile *row,
                        const char    *path)
{
  make_utf16 (row, path, FALSE);
}

/* Sparse: row->size bytes on paper, a few blocks on the disk. */
static void
make_sparse (const Hostile *row,
             const char    *path)
{
  int fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, row->text, row->length), ==, (gssize) row->length);
  g_assert_cmpint (ftruncate (fd, (off_t) row->size), ==, 0);
  close (fd);
}

static void
make_directory (const Hostile *row,
                const char    *path)
{
  g_assert_no_errno (g_mkdir (path, 0700));
}

static void
make_fifo (const Hostile *row,
           const char    *path)
{
  g_assert_no_errno (mkfifo (path, 0600));
}

static void
make_symlink_loop (const Hostile *row,
                   const char    *path)
{
  g_assert_no_errno (symlink (path, path));
}

static void
make_dangling_symlink (const Hostile *row,
                       const char    *path)
{
  g_assert_no_errno (symlink ("gone.mlab", path));
}

static void
make_socket (const Hostile *row,
             const char    *path)
{
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (path), <, sizeof address.sun_path);
  g_strlcpy (address.sun_path, path, sizeof address.sun_path);
  g_assert_no_errno (bind (fd, (struct sockaddr *) &address, sizeof address));
  close (fd);
}

static void
make_unreadable (const Hostile *row,
                 const char    *path)
{
  write_file (path, row->text, row->length);
  g_assert_no_errno (g_chmod (path, 0));
}

/* Meddlers: what another program does to the file while MissionLab reads it. */

static void
append_while_read (const char *path,
                   const int  *stop)
{
  char chunk[4096];
  gsize written = 0;
  int fd = g_open (path, O_WRONLY | O_APPEND | O_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  memset (chunk, ' ', sizeof chunk);
  chunk[sizeof chunk - 1] = '\n';

  /* Whitespace after the root element: every snapshot is the same project. Past the size
   * limit, so the reader either catches up with the writer or refuses the file.
   */
  while (!g_atomic_int_get (stop) && written < ML_FILE_MAX_SIZE + 8 * MB)
    {
      g_assert_cmpint (write (fd, chunk, sizeof chunk), ==, sizeof chunk);
      written += sizeof chunk;
    }
  close (fd);
}

static void
truncate_while_read (const char *path,
                     const int  *stop)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  for (off_t size = st.st_size; size > 0 && !g_atomic_int_get (stop); size -= size / 4 + 1)
    {
      g_assert_no_errno (truncate (path, size));
      g_usleep (200);
    }
}

static const Hostile rows[] = {
  /* Not XML, or not ours. */
  { "empty", TEXT (""), INVALID, "The file is empty", .flags = HOSTILE_CLI },
  { "whitespace-only", TEXT (" \n\t\r\n  \n"), INVALID, "The file is empty" },
  { "bom-only", TEXT ("\xef\xbb\xbf"), INVALID, "The file is empty" },
  { "not-xml", TEXT ("this is not XML"), INVALID, "the file does not hold XML text", 1 },
  { "png", TEXT ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"),
    INVALID, "the file does not hold XML text", 1, .flags = HOSTILE_CLI },
  { "gzip-truncated", TEXT ("\x1f\x8b\x08\0\0\0\0\0\0\x03\xb3\xb1\xaf\xc8\xcd"),
    INVALID, "the file does not hold XML text", 1 },
  { "truncated", TEXT (HEAD OPEN "  <title>T</title>\n  <stakeholders>\n    <stake"), INVALID, "not well-formed" },
  { "unclosed", TEXT (HEAD OPEN "  <title>T</title>\n"), INVALID, "not well-formed" },
  { "wrong-namespace", TEXT (HEAD "<project xmlns=\"urn:else\" format-version=\"1.0\"><title>T</title></project>"),
    INVALID, "is in the namespace “urn:else”, not “" NS "”", 2 },
  { "no-namespace", TEXT (HEAD "<project format-version=\"1.0\"><title>T</title></project>"),
    INVALID, "root element <project> has no namespace", 2 },
  { "other-root", TEXT (HEAD "<svg xmlns=\"" NS "\"/>"), INVALID, "root element is <svg>, not <project>", 2 },
  { "no-version", TEXT (HEAD "<project xmlns=\"" NS "\"><title>T</title></project>"), INVALID, "no format-version", 2 },
  { "bad-version", TEXT (HEAD "<project xmlns=\"" NS "\" format-version=\"one\"><title>T</title></project>"),
    INVALID, "not a format version", 2 },
  { "newer-major", TEXT (HEAD "<project xmlns=\"" NS "\" format-version=\"2.0\"><title>T</title></project>"),
    INVALID, "format version 2.0, which is newer", 2 },
  { "unsupported-encoding", TEXT ("<?xml version=\"1.0\" encoding=\"EBCDIC-XYZ\"?>\n" OPEN "  <title>T</title>\n</project>\n"),
    INVALID, "The file is in the encoding “EBCDIC-XYZ”, which MissionLab cannot read; save it as UTF-8.", 1 },

  /* Well-formed, but breaking the format's rules. */
  { "missing-title", TEXT (HEAD OPEN "</project>"), INVALID, "Title is required", 2 },
  { "unknown-element", TEXT (HEAD OPEN "  <title>T</title>\n  <colour>red</colour>\n</project>"),
    INVALID, "Unknown element <colour> in <project>", 4 },
  { "unknown-attribute", TEXT (HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission id=\"m\" size=\"9\"><title>M</title></mission>\n  </missions>\n</project>"),
    INVALID, "Unknown attribute “size” on <mission>", 5 },
  { "duplicate-attribute", TEXT (HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission id=\"m\" id=\"n\"><title>M</title></mission>\n  </missions>\n</project>"),
    INVALID, "redefined", 5 },
  { "missing-id", TEXT (HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission><title>M</title></mission>\n  </missions>\n</project>"),
    INVALID, "<mission> has no id", 5 },
  { "bad-id", TEXT (HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission id=\"1 2\"><title>M</title></mission>\n  </missions>\n</project>"),
    INVALID, "“1 2” is not a valid id", 5 },
  { "duplicate-id", TEXT (HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission id=\"x\"><title>M</title></mission>\n"
    "    <mission id=\"x\"><title>N</title></mission>\n  </missions>\n</project>"),
    INVALID, "The id “x” is already used, by the <mission> on line 5", 6, .flags = HOSTILE_CLI },
  { "dangling-reference", TEXT (HEAD OPEN "  <title>T</title>\n  <relations>\n    <relation id=\"r\" from=\"a\" to=\"b\" kind=\"funding\"/>\n  </relations>\n</project>"),
    INVALID, "From refers to “a”, but there is no stakeholder with that id", 5 },
  { "wrong-kind-reference", TEXT (HEAD OPEN "  <title>T</title>\n  <missions>\n    <mission id=\"m\" lead=\"o\">\n"
    "      <title>M</title>\n      <objective id=\"o\"><title>O</title></objective>\n    </mission>\n  </missions>\n</project>"),
    INVALID, "which is Objective “O” (o), not a stakeholder", 5 },
  { "end-before-start", TEXT (HEAD OPEN "  <title>T</title>\n  <roadmap>\n    <workstream id=\"w\"><name>W</name>\n"
    "      <activity id=\"a\" start=\"2025-05-01\" end=\"2025-01-01\"><name>A</name></activity>\n    </workstream>\n  </roadmap>\n</project>"),
    INVALID, "End (2025-01-01) is before start (2025-05-01)", 6 },
  { "bad-date", TEXT (HEAD OPEN "  <title>T</title>\n  <journal>\n    <entry id=\"j\" date=\"2025-02-30\"><text>x</text></entry>\n  </journal>\n</project>"),
    INVALID, "Date: “2025-02-30” is not a date; write dates as YYYY-MM-DD", 5 },
  { "unknown-enum", TEXT (HEAD OPEN "  <title>T</title>\n  <stakeholders>\n    <stakeholder id=\"s\" type=\"alien\" level=\"global\"><name>S</name></stakeholder>\n  </stakeholders>\n</project>"),
    INVALID, "“alien” is not a valid value for Type; use one of: government, agency", 5 },
  { "bad-number", TEXT (HEAD OPEN "  <title>T</title>\n  <instruments>\n    <instrument id=\"i\" type=\"PI008\" budget=\"1,5\"><name>I</name></instrument>\n  </instruments>\n</project>"),
    INVALID, "Budget: “1,5” is not a number", 5 },
  { "out-of-range", TEXT (HEAD OPEN "  <title>T</title>\n  <stakeholders>\n    <stakeholder id=\"s\" type=\"agency\" level=\"global\" influence=\"9\"><name>S</name></stakeholder>\n  </stakeholders>\n</project>"),
    INVALID, "Influence must be between 1 and 5, not 9", 5 },
  { "self-relation", TEXT (HEAD OPEN "  <title>T</title>\n  <stakeholders>\n    <stakeholder id=\"s\" type=\"agency\" level=\"global\"><name>S</name></stakeholder>\n  </stakeholders>\n"
    "  <relations>\n    <relation id=\"r\" from=\"s\" to=\"s\" kind=\"conflict\"/>\n  </relations>\n</project>"),
    INVALID, "two different stakeholders", 8 },
  { "text-in-container", TEXT (HEAD OPEN "  <title>T</title>\n  <missions>hello</missions>\n</project>"),
    INVALID, "Unexpected text in <missions>", 4 },
  { "cdata-in-container", TEXT (HEAD OPEN "  <title>T</title>\n  <missions><![CDATA[<mission id=\"m\"/>]]></missions>\n</project>"),
    INVALID, "Unexpected text in <missions>", 4 },
  { "element-in-text", TEXT (HEAD OPEN "  <title>T <b>bold</b></title>\n</project>"), INVALID, "<title> holds text only", 3 },
  { "xinclude", TEXT (HEAD OPEN "  <title><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/hostname\" parse=\"text\"/></title>\n</project>"),
    INVALID, "<title> holds text only, not the element <include>", 3 },
  { "twice", TEXT (HEAD OPEN "  <title>T</title>\n  <title>U</title>\n</project>"), INVALID, "<title> appears more than once", 4 },
  /* Skipped, and the line of the error after them is still right. */
  { "comments-and-pis-everywhere", TEXT ("<!--a--><?pi a?>\n" OPEN "<!--b--><?pi b?><title><!--c-->T<?pi c?></title><!--d-->\n"
    "<missions><!--e--><?pi e?></missions>\n<!--\n\n--><?pi\n\n?><colour/>\n</project><!--f--><?pi f?>\n"),
    INVALID, "Unknown element <colour> in <project>", 9 },
  { "misplaced-xml-declaration", TEXT (OPEN "  <title>T</title>\n  " HEAD "</project>\n"), INVALID, "not well-formed", 3 },

  /* DTDs and entities: refused before anything is declared, read or expanded. */
  { "xxe-file", TEXT (HEAD "<!DOCTYPE project [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" OPEN "  <title>&xxe;</title>\n</project>"),
    INVALID, "DOCTYPE", .flags = HOSTILE_CLI },
  { "xxe-http", TEXT (HEAD "<!DOCTYPE project [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/secret\">]>\n" OPEN "  <title>&xxe;</title>\n</project>"),
    INVALID, "DOCTYPE" },
  { "external-dtd", TEXT (HEAD "<!DOCTYPE project SYSTEM \"http://example.org/evil.dtd\">\n" OPEN "  <title>T</title>\n</project>"),
    INVALID, "DOCTYPE" },
  { "parameter-entities", TEXT (HEAD "<!DOCTYPE project [<!ENTITY % remote SYSTEM \"file:///etc/passwd\"> %remote;]>\n" OPEN "  <title>T</title>\n</project>"),
    INVALID, "DOCTYPE" },
  { "billion-laughs", TEXT (HEAD "<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n" OPEN "  <title>&lol9;</title>\n</project>"),
    INVALID, "DOCTYPE" },
  { "quadratic-blowup", .make = make_pieces,
    .pieces = { { HEAD "<!DOCTYPE project [<!ENTITY a \"", "a", .count = 100000 },
                { "\">]>\n" OPEN "  <title>", "&a;", .count = 10000 },
                { "</title>\n</project>\n" } },
    INVALID, "DOCTYPE", 2 },
  { "undefined-entity", TEXT (HEAD OPEN "  <title>&nope;</title>\n</project>"), INVALID, "not well-formed", 3 },
  { "control-character", TEXT (HEAD OPEN "  <title>bell &#7;</title>\n</project>"), INVALID,
    "it holds the character U+0007, which XML does not allow", 3 },

  /* Encodings. */
  { "invalid-utf8", TEXT (HEAD OPEN "  <title>caf\xc3\x28</title>\n</project>"), INVALID, "not UTF-8 text", 3, .flags = HOSTILE_CLI },
  { "overlong-utf8", TEXT (HEAD OPEN "  <title>\xc0\xaf</title>\n</project>"), INVALID, "not UTF-8 text", 3 },
  { "utf8-surrogate", TEXT (HEAD OPEN "  <title>\xed\xa0\x80</title>\n</project>"), INVALID,
    "it holds the character U+D800, which XML does not allow", 3 },
  { "latin1-declared-wrongly", TEXT (HEAD OPEN "  <title>Caf\xe9</title>\n</project>"), INVALID, "not UTF-8 text", 3 },
  { "bom-then-latin1", TEXT ("\xef\xbb\xbf" OPEN "  <title>Caf\xe9</title>\n</project>"), INVALID, "not UTF-8 text", 2 },
  /* UTF-16 is XML too: read, then judged on its contents like any file. */
  { "utf16-with-bom", TEXT ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" OPEN "  <colour/>\n</project>\n"),
    .make = make_utf16_with_bom, INVALID, "Unknown element <colour> in <project>", 3 },
  { "utf16-without-bom", TEXT ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" OPEN "  <colour/>\n</project>\n"),
    .make = make_utf16_without_bom, INVALID, "Unknown element <colour> in <project>", 3 },
  { "nul-bytes", TEXT (HEAD OPEN "  <title>a\0b</title>\n</project>\n"), INVALID, "not well-formed", 3, .flags = HOSTILE_CLI },
  { "nul-bytes-only", TEXT ("\0\0\0\0\0\0\0\0"), INVALID, "the file does not hold XML text", 1 },

  /* Sizes and counts. */
  { "nesting-10k", .make = make_pieces,
    .pieces = { { HEAD OPEN "  <title>T</title>\n", "<x>", .count = 10000 }, { NULL, "</x>", .count = 10000 }, { "</project>\n" } },
    INVALID, "Elements are nested more than 256 deep", 4 },
  { "nesting-100k", .make = make_pieces,
    .pieces = { { HEAD OPEN "  <title>T</title>\n", "<x>", .count = 100000 }, { NULL, "</x>", .count = 100000 }, { "</project>\n" } },
    INVALID, "Elements are nested more than 256 deep", 4 },
  { "attribute-10mb", .make = make_pieces,
    .pieces = { { HEAD OPEN "  <title>T</title>\n" "  <missions>\n    <mission id=\"m\" scale=\"", "a", .count = 10 * MB },
                { "\"><title>M</title></mission>\n  </missions>\n</project>\n" } },
    INVALID, "MissionLab accepts texts of at most", 5 },
  { "attributes-100k", .make = make_pieces,
    .pieces = { { HEAD "<project xmlns=\"" NS "\" format-version=\"1.0\"", " a", "=\"\"", 100000 },
                { ">\n  <title>T</title>\n</project>\n" } },
    INVALID, "An element has more than 1000 attributes", 2 },
  { "text-20mb", .make = make_pieces,
    .pieces = { { HEAD OPEN "  <title>", "a", .count = 20 * MB }, { "</title>\n</project>\n" } },
    INVALID, "“title” is 20971520 bytes long; MissionLab accepts texts of at most", 3 },
  { "unknown-elements-1m", .make = make_pieces,
    .pieces = { { HEAD OPEN "  <title>T</title>\n", "<x/>\n", .count = 1000000 }, { "</project>\n" } },
    INVALID, "stopped reading the file after 100", 104 },
  /* Many ids, all different but the last, which repeats the first. */
  { "ids-50k", .make = make_pieces,
    .pieces = { { HEAD OPEN "  <title>T</title>\n" "  <journal>\n", "<entry id=\"e", "\" date=\"2025-01-01\"><text>x</text></entry>\n", 50000 },
                { "<entry id=\"e0\" date=\"2025-01-01\"><text>x</text></entry>\n  </journal>\n</project>\n" } },
    INVALID, "The id “e0” is already used, by the <entry> on line 5", 50005 },
  { "id-100k-long", .make = make_pieces,
    .pieces = { { HEAD OPEN "  <title>T</title>\n" "  <missions>\n    <mission id=\"", "m", .count = 100000 },
                { "\"><title>M</title></mission>\n  </missions>\n</project>\n" } },
    INVALID, "is not a valid id", 5 },
  /* One byte too many. */
  { "larger-than-limit", TEXT (HEAD OPEN), .make = make_sparse, .size = ML_FILE_MAX_SIZE + 1, TOO_LARGE,
    "larger than 64 MB, the most MissionLab opens", .flags = HOSTILE_CLI },

  /* Not a regular file. */
  { "missing", IO (NOT_FOUND), "No such file" },
  { "directory", .make = make_directory, NOT_A_FILE, "is a folder, not a project file", .flags = HOSTILE_CLI },
  { "fifo", .make = make_fifo, NOT_A_FILE, "is not a regular file", .flags = HOSTILE_CLI },
  { "socket", .make = make_socket, NOT_A_FILE, "is not a regular file" },
  { "symlink-loop", .make = make_symlink_loop, IO (TOO_MANY_LINKS), "symbolic links" },
  { "dangling-symlink", .make = make_dangling_symlink, IO (NOT_FOUND), "No such file" },
  { "dev-zero", .path = "/dev/zero", NOT_A_FILE, "is not a regular file", .flags = HOSTILE_CLI },
  { "dev-urandom", .path = "/dev/urandom", NOT_A_FILE, "is not a regular file" },
  { "unreadable", TEXT (HEAD OPEN "  <title>T</title>\n</project>\n"), .make = make_unreadable,
    IO (PERMISSION_DENIED), "Permission denied", .flags = HOSTILE_NOT_AS_ROOT },

  /* Changed by another program while it is read. */
  { "grows-while-read", TEXT (HEAD OPEN "  <title>T</title>\n</project>\n"), .meddle = append_while_read,
    TOO_LARGE, "larger than 64 MB", .flags = HOSTILE_MAY_LOAD | HOSTILE_SELF_CHANGING },
  { "truncated-while-read", .make = make_pieces,
    .pieces = { { HEAD OPEN "  <title>T</title>\n", "<!-- padding padding padding padding padding padding -->\n", .count = 600000 },
                { "</project>\n" } },
    .meddle = truncate_while_read, INVALID, "not well-formed",
    .flags = HOSTILE_MAY_LOAD | HOSTILE_SELF_CHANGING },
};

/* What is in @dir, recursively: names, types, sizes, times and, with @contents, checksums. */
static void
describe_dir (GString    *out,
              const char *dir,
              gboolean    contents)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      struct stat st;

      g_assert_no_errno (lstat (path, &st));
      g_string_append_printf (out, "%s\n", path);
      if (!contents)
        continue;

      g_string_append_printf (out, "  mode %o size %" G_GINT64_FORMAT " mtime %" G_GINT64_FORMAT ".%09ld\n",
                              st.st_mode, (gint64) st.st_size, (gint64) st.st_mtim.tv_sec,
                              st.st_mtim.tv_nsec);
      if (S_ISDIR (st.st_mode))
        describe_dir (out, path, contents);
      else if (S_ISREG (st.st_mode))
        {
          g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
          guint8 buffer[64 * 1024];
          gssize n;
          int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

          if (fd < 0)
            continue;
          while ((n = read (fd, buffer, sizeof buffer)) > 0)
            g_checksum_update (checksum, buffer, n);
          close (fd);
          g_string_append_printf (out, "  sha256 %s\n", g_checksum_get_string (checksum));
        }
    }
}

static char *
snapshot (const char *dir,
          gboolean    contents)
{
  GString *out = g_string_new (NULL);

  describe_dir (out, dir, contents);

  return g_string_free (out, FALSE);
}

static void
limit_resources (void)
{
#ifndef HAVE_ASAN
  struct rlimit limit = { MEMORY_LIMIT, MEMORY_LIMIT };

  g_assert_no_errno (setrlimit (RLIMIT_AS, &limit));
#endif
  alarm (TIME_LIMIT);
}

typedef struct
{
  const Hostile *row;
  const char    *path;
  int            stop;
} Meddling;

static gpointer
meddle_thread (gpointer data)
{
  Meddling *meddling = data;

  meddling->row->meddle (meddling->path, &meddling->stop);

  return NULL;
}

static gboolean
has_message (const Hostile *row,
             const GError  *error,
             GPtrArray     *diagnostics)
{
  if (row->line == 0 && strstr (error->message, row->message) != NULL)
    return TRUE;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      MlDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (strstr (diagnostic->message, row->message) != NULL &&
          (row->line == 0 || diagnostic->line == row->line))
        return TRUE;
    }

  return FALSE;
}

static void
report_failure (const Hostile *row,
                const GError  *error,
                GPtrArray     *diagnostics)
{
  g_autoptr(GString) got = g_string_new (NULL);

  if (error != NULL)
    g_string_append_printf (got, "%s %d: %s\n", g_quark_to_string (error->domain), error->code,
                            error->message);
  for (guint i = 0; i < MIN (diagnostics->len, 5); i++)
    {
      g_autofree char *line = ml_diagnostic_format (g_ptr_array_index (diagnostics, i), row->name);

      g_string_append_printf (got, "%s\n", line);
    }
  g_error ("%s: expected %s %d and “%s” (line %u), got %s", row->name,
           g_quark_to_string (row->domain ()), row->code, row->message, row->line,
           error != NULL ? got->str : "a project");
}

/* In the child: load the file as the application does, then as the CLI does. */
static void
load_input (const Hostile *row,
            const char    *path)
{
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;
  Meddling meddling = { row, path, 0 };
  GThread *thread = NULL;

  limit_resources ();
  if (row->meddle != NULL)
    thread = g_thread_new ("meddle", meddle_thread, &meddling);

  project = ml_project_load (path, NULL, diagnostics, &error);

  if (thread != NULL)
    {
      g_atomic_int_set (&meddling.stop, 1);
      g_thread_join (thread);
    }

  if (project != NULL && (row->flags & HOSTILE_MAY_LOAD) != 0)
    return;
  if (project != NULL || !g_error_matches (error, row->domain (), row->code) ||
      !has_message (row, error, diagnostics))
    report_failure (row, error, diagnostics);

  if ((row->flags & HOSTILE_CLI) != 0)
    {
      g_auto(MlTestRun) run = { 0 };

      ml_test_run_cli (&run, "validate", path, NULL);
      g_assert_cmpint (run.status, ==, row->code == ML_ERROR_INVALID_PROJECT &&
                                       row->domain () == ML_ERROR ? 1 : 3);
      g_assert_nonnull (strstr (run.err, row->message));
    }
}

static void
test_hostile (gconstpointer data)
{
  const Hostile *row = data;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean contents = (row->flags & HOSTILE_SELF_CHANGING) == 0;
  gint64 start;

  if (g_test_subprocess ())
    {
      load_input (row, g_getenv (INPUT_VARIABLE));
      return;
    }

  if ((row->flags & HOSTILE_NOT_AS_ROOT) != 0 && geteuid () == 0)
    {
      g_test_skip ("Running as root, which reads a file whatever its permissions");
      return;
    }

  dir = g_dir_make_tmp ("hostile-XXXXXX", NULL);
  g_assert_nonnull (dir);
  name = g_strconcat (row->name, ".mlab", NULL);
  path = g_build_filename (dir, name, NULL);
  if (row->make != NULL)
    row->make (row, path);
  else if (row->text != NULL)
    write_file (path, row->text, row->length);

  before = snapshot (dir, contents);
  g_setenv (INPUT_VARIABLE, row->path != NULL ? row->path : path, TRUE);
  start = g_get_monotonic_time ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_message ("%s: %.0f ms", row->name, (g_get_monotonic_time () - start) / 1000.0);
  g_test_trap_assert_passed ();

  /* Nothing created, changed or removed: no backup, no autosave, no temporary file. */
  after = snapshot (dir, contents);
  g_assert_cmpstr (after, ==, before);

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    g_assert_no_errno (g_rmdir (path));
  else
    g_unlink (path);
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *test_path = g_strconcat ("/hostile/", rows[i].name, NULL);

      g_test_add_data_func (test_path, &rows[i], test_hostile);
    }

  return g_test_run ();
}
