/* ml-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions for the stakeholders of a project, for drawing the stakeholder map. Positions are
 * in abstract units, about one unit between neighbouring nodes; a renderer scales them to fit
 * (ml_layout_get_bounds). The y axis points down, as in Cairo, so "top" means small y.
 *
 * The kinds:
 *  - FORCE: Fruchterman–Reingold, with a uniform grid for the repulsion so that an iteration
 *    costs O(nodes + relations). Relations attract in proportion to their strength (unset
 *    counts as 2); a weak pull toward the origin keeps disconnected parts together. Nodes
 *    start at seeded random positions; the same project and seed give the same positions,
 *    bit for bit. ml_layout_new() only places the nodes: call ml_layout_step() (e.g. from a
 *    tick callback, to animate) or ml_layout_run().
 *  - POWER_INTEREST: Mendelow's grid. x grows with interest, y with influence upward (high
 *    influence at the top); unset values count as 3. Nodes on the same cell are spread on a
 *    small sunflower spiral around its centre, in document order. The quadrant lines lie at
 *    3, so a node of value 3 sits on a line: it is neither high nor low.
 *  - LEVEL_BANDS: horizontal bands, global at the top down to local at the bottom (a band for
 *    an unset level, at the very bottom, only when needed). Inside a band, nodes go left to
 *    right, ordered by type, then name, then id, wrapping onto more rows when there are many.
 *  - TYPE_CIRCLE: one circle, clockwise from the top, one sector per stakeholder type in the
 *    order of the format (unset type last), nodes ordered by name then id inside a sector.
 *
 * Only FORCE moves under ml_layout_step(); for the others the positions are final at once,
 * and ml_layout_step() returns FALSE. ml_layout_set_position() works for every kind.
 *
 * Positions are not saved in the project file (yet): the layout holds them only.
 *
 * A layout holds references to the stakeholders but does not follow edits: make a new one.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

typedef enum
{
  ML_LAYOUT_FORCE,
  ML_LAYOUT_POWER_INTEREST,
  ML_LAYOUT_LEVEL_BANDS,
  ML_LAYOUT_TYPE_CIRCLE,
} MlLayoutKind;

typedef enum
{
  ML_LAYOUT_REGION_RECTANGLE,  /* x, y, width, height */
  ML_LAYOUT_REGION_SECTOR,     /* cx, cy, radius, start_angle, end_angle */
} MlLayoutRegionShape;

/* A labelled area a renderer may draw behind the nodes: a quadrant of the power–interest
 * grid, a level band, or a type sector. Angles are in radians, measured as cairo_arc() does
 * (from the +x axis toward +y, which is clockwise on screen).
 */
typedef struct
{
  MlLayoutRegionShape  shape;
  /* A rectangle, or the bounding box of a sector's circle. */
  double               x;
  double               y;
  double               width;
  double               height;
  double               cx;
  double               cy;
  double               radius;
  double               start_angle;
  double               end_angle;
  double               label_x;    /* where the label belongs */
  double               label_y;
  const char          *label;      /* translated */
} MlLayoutRegion;

typedef struct _MlLayout MlLayout;

typedef gboolean (*MlLayoutFilter) (MlElement *stakeholder,
                                    gpointer   user_data);

MlLayout             *ml_layout_new            (MlProject    *project,
                                                MlLayoutKind  kind,
                                                guint32       seed);
MlLayout             *ml_layout_new_filtered   (MlProject     *project,
                                                MlLayoutKind   kind,
                                                guint32        seed,
                                                MlLayoutFilter filter,
                                                gpointer       user_data);
void                  ml_layout_free           (MlLayout     *self);
MlLayoutKind          ml_layout_get_kind       (MlLayout     *self);
guint                 ml_layout_get_n_nodes    (MlLayout     *self);
MlElement            *ml_layout_get_node       (MlLayout     *self,
                                                guint         index);
gboolean              ml_layout_lookup         (MlLayout     *self,
                                                MlElement    *stakeholder,
                                                guint        *index);
void                  ml_layout_get_position   (MlLayout     *self,
                                                guint         index,
                                                double       *x,
                                                double       *y);
void                  ml_layout_set_position   (MlLayout     *self,
                                                MlElement    *stakeholder,
                                                double        x,
                                                double        y);
void                  ml_layout_set_pinned     (MlLayout     *self,
                                                MlElement    *stakeholder,
                                                gboolean      pinned);
gboolean              ml_layout_get_pinned     (MlLayout     *self,
                                                guint         index);
gboolean              ml_layout_step           (MlLayout     *self);
guint                 ml_layout_run            (MlLayout     *self,
                                                guint         max_iterations);
void                  ml_layout_reheat         (MlLayout     *self);
void                  ml_layout_get_bounds     (MlLayout     *self,
                                                double       *x,
                                                double       *y,
                                                double       *width,
                                                double       *height);
guint                 ml_layout_get_n_regions  (MlLayout     *self);
const MlLayoutRegion *ml_layout_get_region     (MlLayout     *self,
                                                guint         index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlLayout, ml_layout_free)

G_END_DECLS
