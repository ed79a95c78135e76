/* ml-csv-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stakeholders and relations from a spreadsheet saved as CSV. Importing happens in two steps:
 * a preview says which rows will be added, which are skipped because the project already has
 * them, and what is wrong with the others, line by line; then one command adds the valid rows,
 * so the whole import is one undo step. Nothing changes until that command is applied. The
 * preview is an #MlImport (ml-import.h), as for the GraphML import.
 *
 * The CSV follows RFC 4180 (quoted fields with doubled quotes, separators and line breaks inside
 * quotes, CRLF or LF line ends), with the habits of spreadsheets: a UTF-8 byte order mark, ";"
 * as the separator where "," is the decimal comma (chosen from the header row), and empty rows.
 * The first row names the columns, in any case and order; columns with other names are ignored
 * and reported as warnings.
 *
 * Stakeholders: name (required), id, type, level, sector, influence, interest, role, engagement,
 * x, y, description. A row whose name is that of a stakeholder of the project (ignoring case) is
 * skipped, and so is a row repeating the name of an earlier row. Type and level are required by
 * the format, so a row without them is an error. Rows without an id get a new one.
 *
 * Relations: from and to (required: ids or names of stakeholders of the project, ignoring case),
 * kind, direction, strength, description. A row repeating a relation of the project (same ends,
 * same kind) is skipped.
 */

#pragma once

#include "ml-import.h"

G_BEGIN_DECLS

/* Spreadsheets of stakeholders run to hundreds of rows; 16 MB is far beyond any of them and
 * keeps a wrong file from filling memory. */
#define ML_CSV_MAX_SIZE ((gsize) 16 * 1024 * 1024)

typedef enum
{
  ML_CSV_IMPORT_STAKEHOLDERS,
  ML_CSV_IMPORT_RELATIONS,
} MlCsvImportKind;

GPtrArray   *ml_csv_parse                 (const char      *data,
                                           gsize            length,
                                           char             separator,
                                           GArray         **lines,
                                           GError         **error);
char         ml_csv_detect_separator      (const char      *data,
                                           gsize            length);

MlImport    *ml_csv_import_preview        (MlProject       *project,
                                           MlCsvImportKind  kind,
                                           const char      *data,
                                           gsize            length,
                                           GError         **error);
MlImport    *ml_csv_import_preview_file   (MlProject       *project,
                                           MlCsvImportKind  kind,
                                           const char      *path,
                                           GError         **error);

G_END_DECLS
