/* ml-portfolio-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the Portfolio page's table: the core's portfolio row and the texts shown for it,
 * with names instead of ids, in the user's language and locale.
 */

#pragma once

#include <glib-object.h>

#include "ml-portfolio.h"
#include "ml-project.h"

G_BEGIN_DECLS

/* The texts of an item, one for each column of the Portfolio page's table, in the table's order. */
typedef enum
{
  ML_PORTFOLIO_TEXT_NAME,
  ML_PORTFOLIO_TEXT_KIND,
  ML_PORTFOLIO_TEXT_MISSION,
  ML_PORTFOLIO_TEXT_WORKSTREAM,
  ML_PORTFOLIO_TEXT_STATUS,
  ML_PORTFOLIO_TEXT_OWNER,
  ML_PORTFOLIO_TEXT_FUNDING,
  ML_PORTFOLIO_TEXT_BUDGET,
  ML_PORTFOLIO_TEXT_DECISION,
  ML_PORTFOLIO_N_TEXTS
} MlPortfolioText;

#define ML_TYPE_PORTFOLIO_ITEM (ml_portfolio_item_get_type ())

G_DECLARE_FINAL_TYPE (MlPortfolioItem, ml_portfolio_item, ML, PORTFOLIO_ITEM, GObject)

MlPortfolioItem   *ml_portfolio_item_new              (MlProject       *project,
                                                       MlPortfolioRow  *row);
MlPortfolioRow    *ml_portfolio_item_get_row          (MlPortfolioItem *self);
const char        *ml_portfolio_item_get_text         (MlPortfolioItem *self,
                                                       MlPortfolioText  text);
const char *const *ml_portfolio_item_get_funder_names (MlPortfolioItem *self);
gboolean           ml_portfolio_item_matches          (MlPortfolioItem *self,
                                                       const char      *query);
int                ml_portfolio_item_compare          (MlPortfolioItem *a,
                                                       MlPortfolioItem *b,
                                                       MlPortfolioText  text);

G_END_DECLS
