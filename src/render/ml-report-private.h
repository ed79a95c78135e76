/* ml-report-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the report's document (ml-report.c) offers its sections (ml-report-sections.c for the
 * charts, ml-report-tables.c for the lists): a page cursor that flows text and blocks down the
 * page and starts a new page when one is full.
 */

#pragma once

#include <pango/pangocairo.h>

#include "ml-report.h"
#include "ml-style.h"

G_BEGIN_DECLS

/* A4 landscape, in points. */
#define ML_REPORT_PAGE_WIDTH 841.89
#define ML_REPORT_PAGE_HEIGHT 595.28
#define ML_REPORT_MARGIN 40.0
#define ML_REPORT_BODY_SIZE 10.0
#define ML_REPORT_HEADING_SIZE 20.0
#define ML_REPORT_SUBHEADING_SIZE 13.0
/* The room a heading needs below it to stay on its page: itself and a few lines. */
#define ML_REPORT_HEADING_KEEP (ML_REPORT_SUBHEADING_SIZE * 1.5 + ML_REPORT_BODY_SIZE * 5)

typedef enum
{
  ML_REPORT_MISSIONS,
  ML_REPORT_INDICATORS,
  ML_REPORT_ROADMAP,
  ML_REPORT_STAKEHOLDERS,
  ML_REPORT_MIX,
  ML_REPORT_PORTFOLIO,
  ML_REPORT_DECISIONS,
  ML_REPORT_N_SECTIONS
} MlReportSection;

typedef struct
{
  MlProject     *project;
  MlDate         today;
  const MlStyle *style;     /* print */
  cairo_t       *cr;
  char          *title;
  double         y;         /* the top of the next block on the current page */
  guint          page;      /* the current page, from 1; 0 before the first */
  guint          n_pages;   /* known in the second pass; 0 in the first */
  guint          section_pages[ML_REPORT_N_SECTIONS];
} MlReport;

typedef void (*MlReportSectionFunc) (MlReport *report);
typedef void (*MlReportBlockFunc)   (MlReport *report,
                                     gpointer  user_data);

/* ml-report.c */
const char  *ml_report_section_title (MlReportSection  section);
void         ml_report_new_page      (MlReport        *report);
void         ml_report_begin_section (MlReport        *report,
                                      MlReportSection  section);
double       ml_report_content_width (void);
double       ml_report_bottom        (void);
double       ml_report_measure       (MlReport          *report,
                                      MlReportBlockFunc  draw,
                                      gpointer           user_data);
gboolean     ml_report_ensure        (MlReport        *report,
                                      double           height);
PangoLayout *ml_report_create_layout (MlReport        *report,
                                      double           size,
                                      PangoWeight      weight,
                                      double           width);
void         ml_report_text          (MlReport        *report,
                                      const char      *text,
                                      double           size,
                                      PangoWeight      weight,
                                      double           indent,
                                      const MlColor   *color);
void         ml_report_bullet        (MlReport        *report,
                                      const char      *text,
                                      double           indent);
void         ml_report_heading       (MlReport        *report,
                                      const char      *text);
void         ml_report_space         (MlReport        *report,
                                      double           height);

/* ml-report-sections.c */
void ml_report_draw_missions     (MlReport *report);
void ml_report_draw_indicators   (MlReport *report);
void ml_report_draw_roadmap      (MlReport *report);
void ml_report_draw_stakeholders (MlReport *report);
void ml_report_draw_mix          (MlReport *report);

/* ml-report-tables.c */
void ml_report_draw_portfolio    (MlReport *report);
void ml_report_draw_decisions    (MlReport *report);

G_END_DECLS
