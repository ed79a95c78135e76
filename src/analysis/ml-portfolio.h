/* ml-portfolio.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The portfolio: every activity and instrument of a project as one row, with its mission,
 * workstream, status, owner, funders, period, budget and the next decision point of its
 * workstream; budget totals per currency; the CSV that `missionlab-cli portfolio` prints and
 * the Portfolio page exports.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

/* The columns, in the order of the CSV header. */
typedef enum
{
  ML_PORTFOLIO_KIND,
  ML_PORTFOLIO_ID,
  ML_PORTFOLIO_NAME,
  ML_PORTFOLIO_MISSION,
  ML_PORTFOLIO_WORKSTREAM,
  ML_PORTFOLIO_STATUS,
  ML_PORTFOLIO_OWNER,
  ML_PORTFOLIO_FUNDERS,
  ML_PORTFOLIO_START,
  ML_PORTFOLIO_END,
  ML_PORTFOLIO_BUDGET,
  ML_PORTFOLIO_CURRENCY,
  ML_PORTFOLIO_DECISION,
  ML_PORTFOLIO_DECISION_DATE,
  ML_PORTFOLIO_N_COLUMNS
} MlPortfolioColumn;

/* One activity or instrument. The cells are the text written to files: ids, not names; dates
 * as YYYY-MM-DD; the budget with a point and two decimals; "" for what is missing. The typed
 * values beside them are for sorting and filtering.
 */
typedef struct
{
  char   *cells[ML_PORTFOLIO_N_COLUMNS];
  MlKind  kind;            /* ML_KIND_ACTIVITY or ML_KIND_INSTRUMENT */
  int     status;          /* an MlStatus for an activity, -1 for an instrument */
  char  **funders;         /* ids, never NULL */
  double  budget;          /* NAN when not given */
  MlDate  start;
  MlDate  end;
  MlDate  decision_date;   /* ML_DATE_NONE when no decision is pending */
} MlPortfolioRow;

MlPortfolioRow *ml_portfolio_row_ref       (MlPortfolioRow    *row);
void            ml_portfolio_row_unref     (MlPortfolioRow    *row);

GPtrArray      *ml_portfolio_compute       (MlProject         *project,
                                            MlDate             today);
GArray         *ml_portfolio_total         (GPtrArray         *rows);
const char     *ml_portfolio_column_key    (MlPortfolioColumn  column);
const char     *ml_portfolio_format_amount (char               buffer[G_ASCII_DTOSTR_BUF_SIZE],
                                            double             amount);
void            ml_portfolio_write_csv     (GPtrArray         *rows,
                                            GString           *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlPortfolioRow, ml_portfolio_row_unref)

G_END_DECLS
