/* ml-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subcommands of missionlab-cli. Each takes the arguments after its name and returns the
 * process exit status.
 */

#pragma once

#include "ml-csv.h"
#include "ml-project-io.h"

G_BEGIN_DECLS

typedef enum
{
  ML_CLI_FORMAT_TABLE,
  ML_CLI_FORMAT_CSV,
  ML_CLI_FORMAT_JSON,
} MlCliFormat;

typedef enum
{
  ML_EXIT_OK = 0,       /* done; every file valid */
  ML_EXIT_INVALID = 1,  /* a file has errors, or is not canonical for `fmt --check` */
  ML_EXIT_USAGE = 2,    /* wrong command line */
  ML_EXIT_IO = 3,       /* a file could not be read or written */
} MlExitStatus;

int ml_cli_validate (int    argc,
                     char **argv);
int ml_cli_fmt      (int    argc,
                     char **argv);
int ml_cli_stats    (int    argc,
                     char **argv);
int ml_cli_export   (int    argc,
                     char **argv);
int ml_cli_indicators (int    argc,
                       char **argv);
int ml_cli_metrics  (int    argc,
                     char **argv);
int ml_cli_mix      (int    argc,
                     char **argv);
int ml_cli_portfolio (int    argc,
                      char **argv);
int ml_cli_candidates (int    argc,
                       char **argv);
int ml_cli_report   (int    argc,
                     char **argv);
int ml_cli_import   (int    argc,
                     char **argv);
int ml_cli_index    (int    argc,
                     char **argv);
int ml_cli_search   (int    argc,
                     char **argv);
int ml_cli_query    (int    argc,
                     char **argv);

int ml_cli_parse    (GOptionContext *context,
                     int            *argc,
                     char         ***argv,
                     int             min_files);
MlProject *ml_cli_load (const char  *path,
                        MlFileStamp *stamp,
                        int         *status);


int         ml_cli_parse_format       (const char  *command,
                                       const char  *name,
                                       MlCliFormat *format);
int         ml_cli_parse_date         (const char  *command,
                                       const char  *text,
                                       MlDate      *date);
const char *ml_cli_format_number      (char         buffer[G_ASCII_DTOSTR_BUF_SIZE],
                                       double       value);
void        ml_cli_append_json_string (GString     *out,
                                       const char  *text);
void        ml_cli_append_json_number (GString     *out,
                                       const char  *key,
                                       double       value);
void        ml_cli_append_json_field  (GString     *out,
                                       const char  *key,
                                       const char  *text);
void        ml_cli_format_date        (MlDate       date,
                                       char         buffer[11]);
const char *ml_cli_id_or_empty        (MlElement   *element);
const char *ml_cli_label_or_empty     (MlElement   *element);
const char *ml_cli_string_or_empty    (MlElement   *element,
                                       MlField      field);
void        ml_cli_print_padded       (const char  *text,
                                       int          width);
int         ml_cli_parse_formatted    (const char          *command,
                                       GOptionContext      *context,
                                       const GOptionEntry  *entries,
                                       int                 *argc,
                                       char              ***argv,
                                       MlCliFormat         *format);
MlProject  *ml_cli_load_formatted     (const char          *command,
                                       GOptionContext      *context,
                                       const GOptionEntry  *entries,
                                       int                 *argc,
                                       char              ***argv,
                                       MlCliFormat         *format,
                                       int                 *status);

G_END_DECLS
