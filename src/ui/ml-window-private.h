/* ml-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by ml-window.c (the window and its state) and ml-window-actions.c (its commands).
 */

#pragma once

#include "ml-candidates-page.h"
#include "ml-csv-import.h"
#include "ml-element-list.h"
#include "ml-indicators-page.h"
#include "ml-inspector.h"
#include "ml-library-page.h"
#include "ml-mix-page.h"
#include "ml-overview-page.h"
#include "ml-portfolio-page.h"
#include "ml-roadmap-page.h"
#include "ml-stakeholder-page.h"
#include "ml-window.h"

G_BEGIN_DECLS

struct _MlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkRevealer          *sidebar_revealer;
  AdwViewStack         *view_stack;
  GtkRevealer          *inspector_revealer;
  MlElementList        *element_list;
  MlInspector          *inspector;
  MlOverviewPage       *overview_page;
  MlRoadmapPage        *roadmap_page;
  MlStakeholderPage    *stakeholder_page;
  MlMixPage            *mix_page;
  MlPortfolioPage      *portfolio_page;
  MlIndicatorsPage     *indicators_page;
  MlCandidatesPage     *candidates_page;
  MlLibraryPage        *library_page;
  GtkListBox           *samples_list;
  GMenu                *recent_menu;
  GtkWidget            *header_bar;
  GtkOverlay           *present_overlay;

  /* Presentation mode (ml-window-present.c) */
  GtkWidget            *present_bar;
  GtkLabel             *present_label;
  GMenu                *present_missions;
  GtkWidget            *capture_box;
  GtkEntry             *capture_entry;
  GtkLabel             *capture_error;
  char                 *view_before;
  GPtrArray            *hidden_tools;    /* the pages' tools hidden while presenting */
  MlElement            *present_mission;
  guint                 bar_timeout;
  gboolean              presenting;

  /* Owned references */
  MlDocument           *document;
  MlElement            *selected;
  GSettings            *settings;

  gboolean              show_inspector;
  gboolean              close_confirmed;
  gboolean              samples_filled;
};

typedef void (*MlSaveDone) (MlWindow *self,
                            gboolean  saved);

void ml_window_class_actions_init  (MlWindowClass *klass);
void ml_window_class_import_init   (MlWindowClass *klass);
void ml_window_class_present_init  (MlWindowClass *klass);
void ml_window_present_init        (MlWindow      *self);
void ml_window_present_dispose     (MlWindow      *self);
void ml_window_preview_import      (MlWindow        *self,
                                    MlCsvImportKind  kind,
                                    const char      *path);
void ml_window_preview_graphml_import (MlWindow   *self,
                                       const char *path);
void ml_window_update_actions      (MlWindow      *self);
void ml_window_save                (MlWindow      *self,
                                    gboolean       save_as,
                                    MlSaveDone     done);

G_END_DECLS
