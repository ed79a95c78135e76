/* ml-cli-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace index from the command line: `index` scans a folder of projects and says what
 * it did, `search` and `query` scan it quietly (so that they answer from the files as they are
 * now) and print hits or the rows of a cross-project question as a table, CSV or JSON.
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-cli.h"
#include "ml-index.h"

#define DEFAULT_LIMIT 20
#define DEFAULT_DAYS  90

/* Results as columns, the same for hits and for the rows of a question: keys name the
 * columns for programs (the CSV header, the JSON members), titles for people (the table).
 */
typedef struct
{
  guint              n_columns;
  const char *const *keys;
  const char *const *titles;
  GPtrArray         *rows;      /* of const char *const *, n_columns cells each */
} Grid;

/* Opens the index of @workspace and brings it up to date with the files. */
static MlIndex *
open_scanned (const char       *command,
              const char       *workspace,
              MlIndexScanStats *stats,
              int              *status)
{
  g_autoptr(MlIndex) index = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (status != NULL);

  index = ml_index_open (workspace, NULL, &error);
  if (index == NULL || !ml_index_scan (index, stats, NULL, &error))
    {
      g_printerr ("missionlab-cli %s: %s\n", command, error->message);
      *status = ML_EXIT_IO;
      return NULL;
    }

  *status = ML_EXIT_OK;
  return g_steal_pointer (&index);
}

static void
print_count (const char *label,
             guint       value)
{
  g_print ("  ");
  ml_cli_print_padded (label, 24);
  g_print ("%6u\n", value);
}

/* The files of the workspace that do not load. From the index rather than from the scan's
 * counts, so that a file that failed before and has not changed since is still named. */
static GPtrArray *
list_failed (MlIndex  *index,
             GError  **error)
{
  GPtrArray *files = ml_index_list_files (index, error);

  for (guint i = files != NULL ? files->len : 0; i > 0; i--)
    {
      const MlIndexFile *file = g_ptr_array_index (files, i - 1);

      if (file->error == NULL)
        g_ptr_array_remove_index (files, i - 1);
    }

  return files;
}

/* As a compiler would, with the path as the user can reach it. */
static void
print_failed (GPtrArray  *failed,
              const char *workspace)
{
  for (guint i = 0; i < failed->len; i++)
    {
      const MlIndexFile *file = g_ptr_array_index (failed, i);
      g_autofree char *path = g_build_filename (workspace, file->path, NULL);
      g_autofree char *display = g_filename_display_name (path);

      /* The index keeps the error as "LINE: error: MESSAGE" or "error: MESSAGE". */
      g_printerr ("%s:%s%s\n", display, g_ascii_isdigit (file->error[0]) ? "" : " ", file->error);
    }
}

static void
print_table (const Grid *grid)
{
  g_autofree int *widths = NULL;
  guint last;

  if (grid->rows->len == 0)
    {
      g_print ("%s\n", _("Nothing found."));
      return;
    }

  widths = g_new0 (int, grid->n_columns);
  last = grid->n_columns - 1;

  for (guint j = 0; j < grid->n_columns; j++)
    {
      widths[j] = g_utf8_strlen (grid->titles[j], -1);
      for (guint i = 0; i < grid->rows->len; i++)
        {
          const char *const *cells = g_ptr_array_index (grid->rows, i);

          widths[j] = MAX (widths[j], g_utf8_strlen (cells[j], -1));
        }
    }

  /* The last column, the longest text, is not padded. */
  for (guint j = 0; j < last; j++)
    ml_cli_print_padded (grid->titles[j], widths[j]);
  g_print ("%s\n", grid->titles[last]);
  for (guint i = 0; i < grid->rows->len; i++)
    {
      const char *const *cells = g_ptr_array_index (grid->rows, i);

      for (guint j = 0; j < last; j++)
        ml_cli_print_padded (cells[j], widths[j]);
      g_print ("%s\n", cells[last]);
    }
}

static void
append_csv_line (GString           *out,
                 const char *const *fields,
                 guint              n_fields)
{
  for (guint j = 0; j < n_fields; j++)
    {
      if (j > 0)
        g_string_append_c (out, ',');
      ml_csv_append_field (out, fields[j]);
    }
  g_string_append_c (out, '\n');
}

/* The header is data, read by programs: the keys, not translated. */
static void
print_csv (const Grid *grid)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (grid->n_columns > 0)
    append_csv_line (out, grid->keys, grid->n_columns);
  for (guint i = 0; i < grid->rows->len; i++)
    append_csv_line (out, g_ptr_array_index (grid->rows, i), grid->n_columns);
  g_print ("%s", out->str);
}

/* The columns of the questions whose cells are numbers (written with a '.'), which JSON
 * readers should get as numbers; an id or a name is text even when it looks like one. */
static const char *const number_keys[] = { "count", "amount", "value", "target", "share", NULL };

static gboolean
is_number_cell (const char *key,
                const char *text)
{
  const char *digits = text[0] == '-' ? text + 1 : text;
  char *end = NULL;

  if (!g_strv_contains (number_keys, key) || !g_ascii_isdigit (digits[0]))
    return FALSE;
  g_ascii_strtod (text, &end);

  /* JSON has no hexadecimal numbers. */
  return *end == '\0' && strpbrk (text, "xX") == NULL;
}

/* { HEAD, "ITEMS": [ {KEY: CELL, …}, … ] } with every cell a number or a string, or null when
 * it is empty. */
static void
print_json (const Grid *grid,
            const char *head,
            const char *items)
{
  g_autoptr(GString) out = g_string_new ("{\n  ");

  g_string_append_printf (out, "%s,\n  \"%s\": [", head, items);
  for (guint i = 0; i < grid->rows->len; i++)
    {
      const char *const *cells = g_ptr_array_index (grid->rows, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      for (guint j = 0; j < grid->n_columns; j++)
        {
          if (j > 0)
            g_string_append (out, ", ");
          if (is_number_cell (grid->keys[j], cells[j]))
            g_string_append_printf (out, "\"%s\": %s", grid->keys[j], cells[j]);
          else
            ml_cli_append_json_field (out, grid->keys[j], cells[j]);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, grid->rows->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  g_print ("%s", out->str);
}

static void
print_grid (const Grid  *grid,
            MlCliFormat  format,
            const char  *json_head,
            const char  *json_items)
{
  switch (format)
    {
    case ML_CLI_FORMAT_TABLE:
      print_table (grid);
      break;
    case ML_CLI_FORMAT_CSV:
      print_csv (grid);
      break;
    case ML_CLI_FORMAT_JSON:
      print_json (grid, json_head, json_items);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The cells of @row for the table, which is for people: the STIP type name in their language.
 * CSV and JSON, for programs, keep the English name the index answers with, beside the code.
 */
static const char **
dup_cells_for_people (const MlIndexRow *row)
{
  guint n_cells = g_strv_length (row->keys);
  const char **cells = g_new (const char *, n_cells);

  /* _("") would be the catalogue's header. */
  for (guint j = 0; j < n_cells; j++)
    cells[j] = g_str_equal (row->keys[j], "type_name") && row->values[j][0] != '\0'
                 ? _(row->values[j])
                 : row->values[j];

  return cells;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/**
 * ml_cli_index:
 *
 * `missionlab-cli index DIR`: brings the index of a workspace up to date and says what it did.
 *
 * Returns: %ML_EXIT_OK; %ML_EXIT_INVALID when a project file of the workspace does not load
 *   (each is named on standard error); %ML_EXIT_IO when the index cannot be opened or written
 */
int
ml_cli_index (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlIndex) index = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GError) error = NULL;
  MlIndexScanStats stats = { 0 };
  int status;

  context = g_option_context_new (_("FOLDER — index a workspace of projects"));
  g_option_context_set_summary (context,
                                _("Reads the project files of FOLDER and its subfolders into the index of the workspace, in your cache folder; only files that changed are read again. Prints what it did, and each file that could not be loaded with its error. Exit status 1 when a file could not be loaded, 3 when the index could not be opened or written."));
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;
  if (argc > 2)
    {
      g_printerr ("missionlab-cli index: %s\n", _("one folder at a time"));
      return ML_EXIT_USAGE;
    }

  index = open_scanned ("index", argv[1], &stats, &status);
  if (index == NULL)
    return status;
  failed = list_failed (index, &error);
  if (failed == NULL)
    {
      g_printerr ("missionlab-cli index: %s\n", error->message);
      return ML_EXIT_IO;
    }

  g_print ("%s\n", ml_index_get_workspace (index));
  print_count (_("Project files"), stats.n_files);
  print_count (_("Indexed"), stats.n_indexed);
  print_count (_("Unchanged"), stats.n_unchanged);
  print_count (_("Removed"), stats.n_removed);
  print_count (_("Failed to load"), failed->len);
  if (stats.rebuilt)
    g_print ("%s\n", _("The index was damaged, foreign or of an older version: it was rebuilt from the files."));
  print_failed (failed, argv[1]);

  return failed->len > 0 ? ML_EXIT_INVALID : ML_EXIT_OK;
}

/**
 * ml_cli_search:
 *
 * `missionlab-cli search DIR QUERY`: full-text search over the projects of a workspace.
 *
 * Returns: %ML_EXIT_OK, also when nothing matches; %ML_EXIT_USAGE when the query cannot be
 *   understood; %ML_EXIT_IO when the index cannot be opened or written
 */
int
ml_cli_search (int    argc,
               char **argv)
{
  static const char *const keys[] = { "project", "path", "kind", "id", "label", "snippet" };
  const char *const titles[] = {
    _("Project"), _("Path"), _("Kind"), _("Id"), _("Label"), _("Snippet"),
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlIndex) index = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) head = g_string_new ("\"query\": ");
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  MlCliFormat format;
  int limit = DEFAULT_LIMIT;
  int status;
  Grid grid = { G_N_ELEMENTS (keys), keys, titles, NULL };
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N results (20)"), N_("N") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("table, csv or json (table)"),
      N_("FORMAT") },
    { NULL }
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (titles));

  context = g_option_context_new (_("FOLDER QUERY… — search the projects of a workspace"));
  g_option_context_set_summary (context,
                                _("Updates the index of FOLDER, then prints the elements that match QUERY, best first: project, file, kind, id, name, and the matching text with the matches [between brackets]. Words match whatever their accents and case; word* matches a prefix, \"two words\" a phrase."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 2)) != ML_EXIT_OK)
    return status;
  if (limit < 1)
    {
      g_printerr ("missionlab-cli search: %s\n", _("--limit must be at least 1"));
      return ML_EXIT_USAGE;
    }
  if ((status = ml_cli_parse_format ("search", format_name, &format)) != ML_EXIT_OK)
    return status;

  index = open_scanned ("search", argv[1], NULL, &status);
  if (index == NULL)
    return status;

  /* Words given as separate arguments are one query, as if quoted together. */
  for (int i = 2; i < argc; i++)
    g_string_append_printf (query, i > 2 ? " %s" : "%s", argv[i]);
  hits = ml_index_search (index, query->str, (guint) limit, &error);
  if (hits == NULL)
    {
      g_printerr ("missionlab-cli search: %s\n", error->message);
      return g_error_matches (error, ML_INDEX_ERROR, ML_INDEX_ERROR_QUERY) ? ML_EXIT_USAGE
                                                                         : ML_EXIT_IO;
    }

  rows = g_ptr_array_new_full (hits->len, g_free);
  for (guint i = 0; i < hits->len; i++)
    {
      const MlIndexHit *hit = g_ptr_array_index (hits, i);
      const char **cells = g_new (const char *, G_N_ELEMENTS (keys));

      cells[0] = or_empty (hit->project_title);
      cells[1] = or_empty (hit->path);
      cells[2] = or_empty (hit->kind);
      cells[3] = or_empty (hit->element_id);
      cells[4] = or_empty (hit->label);
      cells[5] = or_empty (hit->snippet);
      g_ptr_array_add (rows, cells);
    }
  grid.rows = rows;

  ml_cli_append_json_string (head, query->str);
  print_grid (&grid, format, head->str, "hits");

  return ML_EXIT_OK;
}

/**
 * ml_cli_query:
 *
 * `missionlab-cli query DIR QUESTION`: a question across the projects of a workspace.
 *
 * Returns: %ML_EXIT_OK; %ML_EXIT_USAGE for an unknown question; %ML_EXIT_IO when the index
 *   cannot be opened or written
 */
int
ml_cli_query (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlIndex) index = NULL;
  g_autoptr(GPtrArray) answer = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) head = g_string_new ("\"question\": ");
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *today_text = NULL;
  MlIndexQuestion question;
  MlCliFormat format;
  MlDate today = ml_date_today ();
  char today_buffer[11];
  int days = DEFAULT_DAYS;
  int status;
  Grid grid = { 0 };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("table, csv or json (table)"),
      N_("FORMAT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day to answer for, YYYY-MM-DD; by default today"), N_("DATE") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days,
      N_("For upcoming: decision points due in the next N days (90)"), N_("N") },
    { NULL }
  };

  context = g_option_context_new (_("FOLDER QUESTION — ask across the projects of a workspace"));
  g_option_context_set_summary (context,
                                _("Updates the index of FOLDER, then answers QUESTION:\n"
                                  "  stakeholders  stakeholders that appear in several projects\n"
                                  "  budget        instrument budgets by side and type, per currency\n"
                                  "  upcoming      pending decision points due in the next --days days\n"
                                  "  off-track     indicators off track on --today\n"
                                  "  at-risk       activities at risk, or past their end and not done"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 2)) != ML_EXIT_OK)
    return status;
  if (argc > 3)
    {
      g_printerr ("missionlab-cli query: %s\n", _("one folder and one question"));
      return ML_EXIT_USAGE;
    }
  if (!ml_index_question_parse (argv[2], &question))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("unknown question “%s”: stakeholders, budget, upcoming, off-track or at-risk"),
                                 argv[2]);

      g_printerr ("missionlab-cli query: %s\n", message);
      return ML_EXIT_USAGE;
    }
  if (days < 0)
    {
      g_printerr ("missionlab-cli query: %s\n", _("--days cannot be negative"));
      return ML_EXIT_USAGE;
    }
  if ((status = ml_cli_parse_format ("query", format_name, &format)) != ML_EXIT_OK)
    return status;
  if ((status = ml_cli_parse_date ("query", today_text, &today)) != ML_EXIT_OK)
    return status;

  index = open_scanned ("query", argv[1], NULL, &status);
  if (index == NULL)
    return status;

  answer = ml_index_ask (index, question, today, (guint) days, &error);
  if (answer == NULL)
    {
      g_printerr ("missionlab-cli query: %s\n", error->message);
      return ML_EXIT_IO;
    }

  /* The columns are the keys of the rows, the same in every row of an answer. */
  rows = g_ptr_array_new_full (answer->len, format == ML_CLI_FORMAT_TABLE ? g_free : NULL);
  for (guint i = 0; i < answer->len; i++)
    {
      const MlIndexRow *row = g_ptr_array_index (answer, i);

      g_ptr_array_add (rows, format == ML_CLI_FORMAT_TABLE ? dup_cells_for_people (row)
                                                           : (gpointer) row->values);
    }
  if (answer->len > 0)
    {
      const MlIndexRow *first = g_ptr_array_index (answer, 0);

      grid.n_columns = g_strv_length (first->keys);
      grid.keys = (const char *const *) first->keys;
      grid.titles = grid.keys;
    }
  grid.rows = rows;

  ml_cli_append_json_string (head, argv[2]);
  ml_cli_format_date (today, today_buffer);
  g_string_append_printf (head, ",\n  \"today\": \"%s\"", today_buffer);
  if (question == ML_INDEX_QUESTION_UPCOMING)
    g_string_append_printf (head, ",\n  \"days\": %d", days);
  print_grid (&grid, format, head->str, "rows");

  return ML_EXIT_OK;
}
