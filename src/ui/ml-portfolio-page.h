/* ml-portfolio-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ml-project.h"

G_BEGIN_DECLS

#define ML_TYPE_PORTFOLIO_PAGE (ml_portfolio_page_get_type ())

G_DECLARE_FINAL_TYPE (MlPortfolioPage, ml_portfolio_page, ML, PORTFOLIO_PAGE, AdwBin)

void        ml_portfolio_page_set_project  (MlPortfolioPage  *self,
                                            MlProject        *project);
GListModel *ml_portfolio_page_get_shown    (MlPortfolioPage  *self);
gboolean    ml_portfolio_page_export_csv   (MlPortfolioPage  *self,
                                            const char       *path,
                                            GError          **error);

G_END_DECLS
