/* ml-bench-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-bench"

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/utsname.h>

#include "ml-bench-table.h"

/* The fields of a row as the child writes them, one line of tab-separated fields each. */
#define N_FIELDS 11

struct _MlBenchTable
{
  GArray *rows;   /* of MlBenchRow */
};

enum
{
  COLUMN_WHAT,
  COLUMN_SIZE,
  COLUMN_MEDIAN,
  COLUMN_P99,
  COLUMN_REFERENCE,
  COLUMN_REFERENCE_MS,
  COLUMN_RATIO,
  COLUMN_PEAK,
  COLUMN_REFERENCE_PEAK,
  COLUMN_TARGET,
  N_COLUMNS
};

static const char *const headings[N_COLUMNS] = {
  "measurement", "size", "median ms", "p99 ms", "reference", "ref. ms", "ratio", "peak MB",
  "ref. peak MB", "target",
};

static void
clear_row (gpointer data)
{
  MlBenchRow *row = data;

  g_free (row->what);
  g_free (row->size);
  g_free (row->reference);
}

/**
 * ml_bench_format_count:
 *
 * Returns: (transfer full): @n in thousands when it is a round number of them ("10k"), as the
 *   sizes of the table read best
 */
char *
ml_bench_format_count (guint n)
{
  return n >= 1000 && n % 1000 == 0 ? g_strdup_printf ("%uk", n / 1000)
                                    : g_strdup_printf ("%u", n);
}

/* Milliseconds with three significant digits or more; "–" for what was not measured. */
static char *
format_number (double value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (value < 1)
    return g_strdup_printf ("%.3f", value);
  if (value < 10)
    return g_strdup_printf ("%.2f", value);
  if (value < 100)
    return g_strdup_printf ("%.1f", value);

  return g_strdup_printf ("%.0f", value);
}

static double
compute_ratio (const MlBenchRow *row)
{
  return row->reference != NULL ? row->median / row->reference_ms : NAN;
}

/* The targets of the row and whether they are met; NULL when it has none. */
static char *
format_target (const MlBenchRow *row,
               gboolean         *met)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean all = TRUE;

  if (!isnan (row->target_ms))
    {
      g_string_append_printf (text, "≤ %g ms", row->target_ms);
      all = all && row->median <= row->target_ms;
    }
  if (!isnan (row->target_p99_ms))
    {
      g_string_append_printf (text, "%sp99 ≤ %g ms", text->len > 0 ? ", " : "",
                              row->target_p99_ms);
      all = all && row->p99 <= row->target_p99_ms;
    }
  if (!isnan (row->target_ratio))
    {
      g_string_append_printf (text, "%s≤ %g×", text->len > 0 ? ", " : "", row->target_ratio);
      all = all && compute_ratio (row) <= row->target_ratio;
    }
  if (text->len == 0)
    return NULL;

  *met = all;
  g_string_append (text, all ? " ✔" : " ✘");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_cell (const MlBenchRow *row,
             guint             column,
             gboolean         *met)
{
  switch (column)
    {
    case COLUMN_WHAT:
      return g_strdup (row->what);
    case COLUMN_SIZE:
      return g_strdup (row->size);
    case COLUMN_MEDIAN:
      return format_number (row->median);
    case COLUMN_P99:
      return format_number (row->p99);
    case COLUMN_REFERENCE:
      return g_strdup (row->reference != NULL ? row->reference : "–");
    case COLUMN_REFERENCE_MS:
      return format_number (row->reference != NULL ? row->reference_ms : NAN);
    case COLUMN_RATIO:
      return isnan (compute_ratio (row)) ? g_strdup ("–")
                                     : g_strdup_printf ("%.2f×", compute_ratio (row));
    case COLUMN_PEAK:
      return isnan (row->peak_mb) ? g_strdup ("–") : g_strdup_printf ("%.0f", row->peak_mb);
    case COLUMN_REFERENCE_PEAK:
      return isnan (row->reference_peak_mb) ? g_strdup ("–")
                                            : g_strdup_printf ("%.0f", row->reference_peak_mb);
    case COLUMN_TARGET:
      {
        char *target = format_target (row, met);

        return target != NULL ? target : g_strdup ("–");
      }
    default:
      g_assert_not_reached ();
    }
}

/* Text to the left, numbers to the right, as they read best. */
static gboolean
is_text_column (guint column)
{
  return column == COLUMN_WHAT || column == COLUMN_REFERENCE || column == COLUMN_TARGET;
}

static void
print_line (char *const *cells,
            const guint *widths)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      guint length = (guint) g_utf8_strlen (cells[c], -1);
      gboolean left = is_text_column (c);

      g_print ("| %s%*s%s ", left ? cells[c] : "", (int) (widths[c] - length), "",
               left ? "" : cells[c]);
    }
  g_print ("|\n");
}

static char *
read_first_line (const char *path,
                 const char *key)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key))
      {
        const char *colon = strchr (lines[i], ':');

        return colon != NULL ? g_strstrip (g_strdup (colon + 1)) : NULL;
      }

  return NULL;
}

MlBenchTable *
ml_bench_table_new (void)
{
  MlBenchTable *self = g_new0 (MlBenchTable, 1);

  self->rows = g_array_new (FALSE, TRUE, sizeof (MlBenchRow));
  g_array_set_clear_func (self->rows, clear_row);

  return self;
}

void
ml_bench_table_free (MlBenchTable *self)
{
  g_return_if_fail (self != NULL);

  g_array_unref (self->rows);
  g_free (self);
}

/**
 * ml_bench_table_add:
 *
 * Returns: (transfer none): the new row, without reference, percentile, peak or target; valid
 *   until the next row is added
 */
MlBenchRow *
ml_bench_table_add (MlBenchTable *self,
                    const char   *what,
                    const char   *size,
                    double        median)
{
  MlBenchRow row = {
    .what = g_strdup (what),
    .size = g_strdup (size),
    .median = median,
    .p99 = NAN,
    .reference_ms = NAN,
    .peak_mb = NAN,
    .reference_peak_mb = NAN,
    .target_ms = NAN,
    .target_p99_ms = NAN,
    .target_ratio = NAN,
  };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (what != NULL && size != NULL, NULL);

  g_array_append_val (self->rows, row);

  return &g_array_index (self->rows, MlBenchRow, self->rows->len - 1);
}

void
ml_bench_row_set_reference (MlBenchRow *row,
                            const char *reference,
                            double      reference_ms,
                            double      reference_peak_mb)
{
  g_return_if_fail (row != NULL && reference != NULL);

  g_free (row->reference);
  row->reference = g_strdup (reference);
  row->reference_ms = reference_ms;
  row->reference_peak_mb = reference_peak_mb;
}

/* Writes the rows on the standard output for the parent process to read. */
void
ml_bench_table_write (MlBenchTable *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const MlBenchRow *row = &g_array_index (self->rows, MlBenchRow, i);
      const double numbers[] = {
        row->median, row->p99, row->reference_ms, row->peak_mb, row->reference_peak_mb,
        row->target_ms, row->target_p99_ms, row->target_ratio,
      };

      g_assert (strpbrk (row->what, "\t\n") == NULL && strpbrk (row->size, "\t\n") == NULL);
      g_print ("%s\t%s\t%s", row->what, row->size, row->reference != NULL ? row->reference : "");
      for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_print ("\t%s", g_ascii_dtostr (buffer, sizeof buffer, numbers[n]));
        }
      g_print ("\n");
    }
}

/* Adds the rows a child wrote; those without a peak of their own get the child's. */
gboolean
ml_bench_table_read (MlBenchTable *self,
                     const char   *text,
                     double        process_peak_mb)
{
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (self != NULL && text != NULL, FALSE);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      MlBenchRow *row;
      double numbers[N_FIELDS - 3];

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != N_FIELDS)
        return FALSE;
      for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
        numbers[n] = g_ascii_strtod (fields[3 + n], NULL);

      row = ml_bench_table_add (self, fields[0], fields[1], numbers[0]);
      if (fields[2][0] != '\0')
        ml_bench_row_set_reference (row, fields[2], numbers[2], numbers[4]);
      row->p99 = numbers[1];
      row->peak_mb = isnan (numbers[3]) ? process_peak_mb : numbers[3];
      row->target_ms = numbers[5];
      row->target_p99_ms = numbers[6];
      row->target_ratio = numbers[7];
    }

  return TRUE;
}

/**
 * ml_bench_table_print:
 *
 * Prints the table in Markdown, so that it can be quoted as it is.
 *
 * Returns: whether every target was met
 */
gboolean
ml_bench_table_print (MlBenchTable *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[N_COLUMNS];
  gboolean all_met = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = (guint) g_utf8_strlen (headings[c], -1);
  for (guint i = 0; i < self->rows->len; i++)
    {
      char **cells = g_new0 (char *, N_COLUMNS + 1);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          gboolean met = TRUE;

          cells[c] = format_cell (&g_array_index (self->rows, MlBenchRow, i), c, &met);
          all_met = all_met && met;
          widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cells[c], -1));
        }
      g_ptr_array_add (lines, cells);
    }

  print_line ((char *const *) headings, widths);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autofree char *dashes = g_strnfill (widths[c], '-');

      g_print ("|-%s%s", dashes, is_text_column (c) ? "-" : ":");
    }
  g_print ("|\n");
  for (guint i = 0; i < lines->len; i++)
    print_line (g_ptr_array_index (lines, i), widths);

  return all_met;
}

/**
 * ml_bench_load_average:
 *
 * Returns: (transfer full): the load averages over 1, 5 and 15 minutes, as /proc/loadavg
 *   gives them
 */
char *
ml_bench_load_average (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return g_strdup ("unknown");
  fields = g_strsplit (contents, " ", 4);
  if (g_strv_length (fields) < 3)
    return g_strdup ("unknown");

  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

/* The machine the numbers come from, so that they are always quoted with it. */
void
ml_bench_print_machine (void)
{
  g_autofree char *cpu = read_first_line ("/proc/cpuinfo", "model name");
  g_autofree char *family = read_first_line ("/proc/cpuinfo", "cpu family");
  g_autofree char *model = read_first_line ("/proc/cpuinfo", "model\t");
  g_autofree char *memory = read_first_line ("/proc/meminfo", "MemTotal");
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  g_autofree char *load = ml_bench_load_average ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  struct utsname name;

  if (uname (&name) != 0)
    g_strlcpy (name.release, "unknown", sizeof name.release);

  /* Virtual machines often name the CPU by its brand only; its family and model tell more. */
  g_print ("Machine: %s (family %s, model %s), %u CPUs online, %.1f GB RAM; %s, Linux %s\n",
           cpu != NULL ? cpu : "unknown CPU", family != NULL ? family : "?",
           model != NULL ? model : "?", g_get_num_processors (),
           memory != NULL ? g_ascii_strtod (memory, NULL) / (1024.0 * 1024.0) : 0.0,
           os != NULL ? os : "unknown OS", name.release);
  g_print ("Build: %s; %s; load average at the start %s\n\n", ML_BENCH_BUILD_TYPE, date, load);
}
