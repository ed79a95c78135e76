/* ml-stakeholder-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ml-document.h"
#include "ml-graph-renderer.h"
#include "ml-layout.h"

G_BEGIN_DECLS

#define ML_TYPE_STAKEHOLDER_VIEW (ml_stakeholder_view_get_type ())

G_DECLARE_FINAL_TYPE (MlStakeholderView, ml_stakeholder_view, ML, STAKEHOLDER_VIEW, GtkWidget)

void          ml_stakeholder_view_set_document     (MlStakeholderView *self,
                                                    MlDocument        *document);
void          ml_stakeholder_view_set_selected     (MlStakeholderView *self,
                                                    MlElement         *element);
MlLayoutKind  ml_stakeholder_view_get_layout_kind  (MlStakeholderView *self);
void          ml_stakeholder_view_set_layout_kind  (MlStakeholderView *self,
                                                    MlLayoutKind       kind);
void          ml_stakeholder_view_set_show_legend  (MlStakeholderView *self,
                                                    gboolean           show);
void          ml_stakeholder_view_set_presenting   (MlStakeholderView *self,
                                                    gboolean           presenting);
void          ml_stakeholder_view_set_filter       (MlStakeholderView *self,
                                                    guint32            hidden_types,
                                                    guint32            hidden_levels,
                                                    guint32            hidden_kinds,
                                                    const char        *sector);
void          ml_stakeholder_view_set_mission      (MlStakeholderView *self,
                                                    MlElement         *mission);
void          ml_stakeholder_view_zoom             (MlStakeholderView *self,
                                                    double             factor);
void          ml_stakeholder_view_fit              (MlStakeholderView *self);
void          ml_stakeholder_view_arrange_again    (MlStakeholderView *self);
MlLayout     *ml_stakeholder_view_get_layout       (MlStakeholderView *self);
void          ml_stakeholder_view_get_viewport     (MlStakeholderView *self,
                                                    MlGraphViewport   *viewport);

G_END_DECLS
