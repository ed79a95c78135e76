/* ml-csv-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-csv-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-csv-import.h"
#include "ml-error.h"
#include "ml-file.h"
#include "ml-import-private.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/* A column of the file: the field it fills, or the id or the name of a relation's end. */
typedef enum
{
  COLUMN_IGNORED,
  COLUMN_ID,
  COLUMN_FIELD,
} ColumnRole;

typedef struct
{
  ColumnRole role;
  MlField    field;
  char      *name; /* as the header writes it, folded to lower case */
} Column;

static void
skip_bom (const char **data,
          gsize       *length)
{
  if (*length >= 3 && memcmp (*data, UTF8_BOM, 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
}

/**
 * ml_csv_detect_separator:
 * @data: the CSV text, with or without a byte order mark
 * @length: its length in bytes
 *
 * Spreadsheets in locales with a decimal comma separate fields with ";". The header names
 * columns and holds no numbers, so whichever of the two appears more often outside quotes in
 * the first row is the separator.
 *
 * Returns: ',' or ';'
 */
char
ml_csv_detect_separator (const char *data,
                         gsize       length)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, ',');

  skip_bom (&data, &length);
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
    }

  return semicolons > commas ? ';' : ',';
}

static gboolean
row_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (((const char *) g_ptr_array_index (fields, i))[0] != '\0')
      return FALSE;

  return TRUE;
}

/**
 * ml_csv_parse:
 * @data: CSV text in UTF-8, with or without a byte order mark
 * @length: its length in bytes
 * @separator: the field separator, usually ',' or ';'
 * @lines: (out) (optional) (transfer full): the line of the file on which each row starts,
 *   counting from 1 (guint)
 * @error: return location for an error
 *
 * Splits CSV text into rows of fields, following RFC 4180. Rows whose fields are all empty
 * are left out, as spreadsheets write them for blank lines.
 *
 * Returns: (transfer full) (element-type GStrv) (nullable): the rows, or %NULL if the text is
 *   not UTF-8 or a quoted field is not closed
 */
GPtrArray *
ml_csv_parse (const char  *data,
              gsize        length,
              char         separator,
              GArray     **lines,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *end;
  guint line = 1;
  guint row_line = 1;
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  skip_bom (&data, &length);
  if (!g_utf8_validate (data, length, &end))
    {
      guint bad_line = 1;

      for (const char *p = data; p < end; p++)
        bad_line += *p == '\n';
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                   _("Line %u is not UTF-8 text; save the spreadsheet as “CSV UTF-8” and try again."),
                   bad_line);
      return NULL;
    }

  while (i <= length)
    {
      gboolean end_of_row;

      if (i < length && data[i] == '"' && field->len == 0)
        {
          guint quote_line = line;

          /* A quoted field: anything up to a quote that is not doubled. */
          for (i++;; i++)
            {
              if (i >= length)
                {
                  g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                               _("The quote opened on line %u is never closed."), quote_line);
                  return NULL;
                }
              if (data[i] == '"')
                {
                  if (i + 1 < length && data[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i++;
                      continue;
                    }
                  i++;
                  break;
                }
              if (data[i] == '\n')
                line++;
              /* Line breaks inside a field are kept as LF whatever the file uses. */
              if (data[i] == '\r' && i + 1 < length && data[i + 1] == '\n')
                continue;
              g_string_append_c (field, data[i]);
            }
          /* Text after the closing quote is kept as is, the way spreadsheets read it. */
          while (i < length && data[i] != separator && data[i] != '\n' && data[i] != '\r')
            g_string_append_c (field, data[i++]);
        }
      else
        {
          while (i < length && data[i] != separator && data[i] != '\n' && data[i] != '\r')
            g_string_append_c (field, data[i++]);
        }

      end_of_row = i >= length || data[i] != separator;
      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      g_string_truncate (field, 0);

      if (!end_of_row)
        {
          i++;
          continue;
        }

      if (!row_is_empty (fields))
        {
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
          g_array_append_val (row_lines, row_line);
        }
      else
        {
          g_ptr_array_set_size (fields, 0);
        }

      if (i >= length)
        break;
      if (data[i] == '\r' && i + 1 < length && data[i + 1] == '\n')
        i++;
      i++;
      line++;
      row_line = line;
    }

  if (lines != NULL)
    *lines = g_steal_pointer (&row_lines);

  return g_steal_pointer (&rows);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
}

static GArray *
map_columns (MlImport         *self,
             MlCsvImportKind   import_kind,
             char            **header,
             GError          **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  MlKind kind = import_kind == ML_CSV_IMPORT_STAKEHOLDERS ? ML_KIND_STAKEHOLDER : ML_KIND_RELATION;
  MlField required = import_kind == ML_CSV_IMPORT_STAKEHOLDERS ? ML_STAKEHOLDER_NAME
                                                               : ML_RELATION_FROM;
  gboolean has_required = FALSE, has_to = FALSE;

  g_array_set_clear_func (columns, column_clear);

  for (guint c = 0; header[c] != NULL; c++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (header[c]));
      Column column = { COLUMN_IGNORED, ML_NO_FIELD, g_ascii_strdown (trimmed, -1) };

      if (import_kind == ML_CSV_IMPORT_STAKEHOLDERS && strcmp (column.name, "id") == 0)
        column.role = COLUMN_ID;
      ML_KIND_FOREACH_FIELD (kind, field)
        {
          if (strcmp (ml_field_get_info (field)->name, column.name) == 0)
            {
              column.role = COLUMN_FIELD;
              column.field = field;
            }
        }

      for (guint k = 0; k < columns->len; k++)
        {
          const Column *other = &g_array_index (columns, Column, k);

          if (column.role != COLUMN_IGNORED && strcmp (other->name, column.name) == 0)
            {
              g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("Line 1: the column “%s” appears twice; keep one."), trimmed);
              g_free (column.name);
              return NULL;
            }
        }

      if (column.role == COLUMN_IGNORED && column.name[0] != '\0')
        g_ptr_array_add (ml_import_get_warnings (self),
                         g_strdup_printf (_("line 1: the column “%s” is not one MissionLab knows; it is ignored."),
                                          trimmed));
      has_required |= column.field == required;
      has_to |= column.field == ML_RELATION_TO;
      g_array_append_val (columns, column);
    }

  if (import_kind == ML_CSV_IMPORT_STAKEHOLDERS && !has_required)
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("Line 1 must name the columns, and one of them must be “name”."));
      return NULL;
    }
  if (import_kind == ML_CSV_IMPORT_RELATIONS && (!has_required || !has_to))
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("Line 1 must name the columns, and two of them must be “from” and “to”."));
      return NULL;
    }

  return g_steal_pointer (&columns);
}

static const char *
cell (char   **row,
      guint    c)
{
  for (guint i = 0; i <= c; i++)
    if (row[i] == NULL)
      return "";

  return row[c];
}

static void
import_stakeholders (MlImport    *self,
                     GPtrArray   *rows,
                     GArray      *lines,
                     GArray      *columns)
{
  /* Folded names: of the project's stakeholders, to their element; of the file's rows, to
   * their line. */
  g_autoptr(GHashTable) known = ml_import_index_names (self);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      guint line = g_array_index (lines, guint, r);
      g_autoptr(MlElement) element = NULL;
      g_autofree char *name = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *id = NULL;
      MlElement *same;
      gboolean given[ML_N_FIELDS] = { FALSE };
      gboolean ok = TRUE;

      for (guint c = 0; c < columns->len; c++)
        {
          const Column *column = &g_array_index (columns, Column, c);

          if (column->field == ML_STAKEHOLDER_NAME)
            name = g_strstrip (g_strdup (cell (row, c)));
          else if (column->role == COLUMN_ID)
            id = g_strstrip (g_strdup (cell (row, c)));
        }

      if (name == NULL || name[0] == '\0')
        {
          ml_import_add_error (self, line, _("the name is missing."));
          continue;
        }

      folded = ml_import_fold_name (name);
      if ((same = g_hash_table_lookup (known, folded)) != NULL)
        {
          g_ptr_array_add (ml_import_get_skipped (self),
                           g_strdup_printf (_("line %u: “%s” is already a stakeholder (%s); skipped."),
                                            line, name, ml_element_get_id (same)));
          continue;
        }
      if (g_hash_table_contains (seen, folded))
        {
          g_ptr_array_add (ml_import_get_skipped (self),
                           g_strdup_printf (_("line %u: “%s” already appears on line %u; skipped."),
                                            line, name,
                                            GPOINTER_TO_UINT (g_hash_table_lookup (seen, folded))));
          continue;
        }
      /* Later rows with this name are repeats even when this one has errors: the problem is
       * reported once, on this row. */
      g_hash_table_insert (seen, g_strdup (folded), GUINT_TO_POINTER (line));

      if (id != NULL && id[0] != '\0')
        {
          g_autofree char *message = ml_import_check_id (self, id, ids);

          if (message != NULL)
            {
              ml_import_add_error (self, line, message);
              continue;
            }
        }
      else
        {
          g_clear_pointer (&id, g_free);
          id = ml_import_generate_id (self, ML_KIND_STAKEHOLDER, ids);
        }

      element = ml_element_new (ML_KIND_STAKEHOLDER, id);
      for (guint c = 0; c < columns->len; c++)
        {
          const Column *column = &g_array_index (columns, Column, c);
          g_autofree char *text = NULL;

          if (column->role != COLUMN_FIELD)
            continue;
          text = g_strstrip (g_strdup (cell (row, c)));
          if (text[0] == '\0')
            continue;
          given[column->field] = TRUE;
          ok &= ml_import_set_field (self, element, column->field, text, line);
        }
      ok &= ml_import_check_required (self, element, given, line);
      if (!ok)
        continue;

      g_hash_table_add (ids, g_steal_pointer (&id));
      ml_import_add (self, element, line);
    }
}

/* A stakeholder of the project by id, or else by name ignoring case. */
static MlElement *
resolve_stakeholder (MlImport    *self,
                     GHashTable  *names,
                     const char  *text,
                     guint        line)
{
  MlElement *element = ml_project_lookup (ml_import_get_project (self), text);
  g_autofree char *folded = NULL;
  g_autofree char *message = NULL;
  gpointer found;

  if (element != NULL && ml_element_get_kind (element) == ML_KIND_STAKEHOLDER)
    return element;

  folded = ml_import_fold_name (text);
  if (g_hash_table_lookup_extended (names, folded, NULL, &found))
    {
      if (found != NULL)
        return found;
      message = g_strdup_printf (_("several stakeholders are called “%s”; use the id of one of them."),
                                 text);
    }
  else
    {
      message = g_strdup_printf (_("no stakeholder of the project is called “%s” or has that id."),
                                 text);
    }

  ml_import_add_error (self, line, message);
  return NULL;
}

static void
import_relations (MlImport    *self,
                  GPtrArray   *rows,
                  GArray      *lines,
                  GArray      *columns)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) stakeholders = ml_project_collect (ml_import_get_project (self),
                                                         ML_KIND_STAKEHOLDER);

  /* Two stakeholders with one name make the name ambiguous: NULL marks it. */
  for (guint i = 0; i < stakeholders->len; i++)
    {
      MlElement *stakeholder = g_ptr_array_index (stakeholders, i);
      const char *name = ml_element_get_string (stakeholder, ML_STAKEHOLDER_NAME);
      char *folded;

      if (name == NULL)
        continue;
      folded = ml_import_fold_name (name);
      if (g_hash_table_contains (names, folded))
        g_hash_table_insert (names, folded, NULL);
      else
        g_hash_table_insert (names, folded, stakeholder);
    }

  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      guint line = g_array_index (lines, guint, r);
      g_autoptr(MlElement) element = NULL;
      g_autofree char *id = NULL;
      MlElement *ends[2] = { NULL, NULL };
      gboolean given[ML_N_FIELDS] = { FALSE };
      gboolean ok = TRUE;

      for (guint c = 0; c < columns->len; c++)
        {
          const Column *column = &g_array_index (columns, Column, c);
          g_autofree char *text = NULL;
          guint end;

          if (column->field != ML_RELATION_FROM && column->field != ML_RELATION_TO)
            continue;
          end = column->field == ML_RELATION_TO;
          text = g_strstrip (g_strdup (cell (row, c)));
          if (text[0] == '\0')
            {
              g_autofree char *message = g_strdup_printf (_("the “%s” stakeholder is missing."),
                                                          column->name);

              ml_import_add_error (self, line, message);
              ok = FALSE;
            }
          else if ((ends[end] = resolve_stakeholder (self, names, text, line)) == NULL)
            {
              ok = FALSE;
            }
        }
      if (!ok)
        continue;
      if (ends[0] == ends[1])
        {
          ml_import_add_error (self, line, _("a relation joins two different stakeholders, not one to itself."));
          continue;
        }

      id = ml_import_generate_id (self, ML_KIND_RELATION, ids);
      element = ml_element_new (ML_KIND_RELATION, id);
      for (guint c = 0; c < columns->len; c++)
        {
          const Column *column = &g_array_index (columns, Column, c);
          g_autofree char *text = NULL;

          if (column->role != COLUMN_FIELD)
            continue;
          if (column->field == ML_RELATION_FROM || column->field == ML_RELATION_TO)
            {
              given[column->field] = TRUE;
              ok &= ml_import_set_field (self, element, column->field,
                               ml_element_get_id (ends[column->field == ML_RELATION_TO]), line);
              continue;
            }
          text = g_strstrip (g_strdup (cell (row, c)));
          if (text[0] == '\0')
            continue;
          given[column->field] = TRUE;
          ok &= ml_import_set_field (self, element, column->field, text, line);
        }
      ok &= ml_import_check_required (self, element, given, line);
      if (!ok)
        continue;

      if (ml_import_has_relation (self, ml_element_get_id (ends[0]), ml_element_get_id (ends[1]),
                                  ml_element_get_enum (element, ML_RELATION_KIND)))
        {
          g_ptr_array_add (ml_import_get_skipped (self),
                           g_strdup_printf (_("line %u: the project already has this relation from “%s” to “%s”; skipped."),
                                            line, ml_element_get_label (ends[0]),
                                            ml_element_get_label (ends[1])));
          continue;
        }

      g_hash_table_add (ids, g_steal_pointer (&id));
      ml_import_add (self, element, line);
    }
}

/**
 * ml_csv_import_preview:
 * @project: the project to import into; it is not changed
 * @kind: what the rows describe
 * @data: the CSV text
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Reads CSV text and says what importing it would do. Problems with single rows are reported
 * in the preview (ml_import_get_errors()); @error is set only when the file as a whole
 * cannot be read: not UTF-8, an unclosed quote, no header, or a required column missing.
 *
 * Returns: (transfer full) (nullable): the preview
 */
MlImport *
ml_csv_import_preview (MlProject        *project,
                       MlCsvImportKind   kind,
                       const char       *data,
                       gsize             length,
                       GError          **error)
{
  g_autoptr(MlImport) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) columns = NULL;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = ml_import_new (project, ML_IMPORT_SOURCE_CSV);

  rows = ml_csv_parse (data, length, ml_csv_detect_separator (data, length), &lines, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("The file is empty; its first line must name the columns."));
      return NULL;
    }

  columns = map_columns (self, kind, g_ptr_array_index (rows, 0), error);
  if (columns == NULL)
    return NULL;

  if (kind == ML_CSV_IMPORT_STAKEHOLDERS)
    import_stakeholders (self, rows, lines, columns);
  else
    import_relations (self, rows, lines, columns);

  return g_steal_pointer (&self);
}

/**
 * ml_csv_import_preview_file:
 * @project: the project to import into; it is not changed
 * @kind: what the rows describe
 * @path: a CSV file of at most %ML_CSV_MAX_SIZE bytes
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the preview, as ml_csv_import_preview()
 */
MlImport *
ml_csv_import_preview_file (MlProject        *project,
                            MlCsvImportKind   kind,
                            const char       *path,
                            GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  bytes = ml_file_read (path, ML_CSV_MAX_SIZE, NULL, error);
  if (bytes == NULL)
    return NULL;

  /* An empty file has no data at all: it previews as an empty spreadsheet. */
  return ml_csv_import_preview (project, kind,
                                g_bytes_get_size (bytes) > 0 ? g_bytes_get_data (bytes, NULL) : "",
                                g_bytes_get_size (bytes), error);
}
