/* ml-graph-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layers from the bottom: background, regions and their labels, relations (lines, then
 * arrowheads), discs, the selection ring, names, the legend. Sizes follow the style, so the
 * projector style gets large type and thick lines without special cases here; disc radii also
 * follow the viewport's scale, so that neighbouring discs do not merge when zoomed out.
 */

#define G_LOG_DOMAIN "ml-graph-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ml-enums.h"
#include "ml-graph-renderer.h"
#include "ml-kind.h"

#define N_TYPES 10
#define N_KINDS 6
/* How wide a name may be, in ems of its font: about 28 characters. */
#define MAX_LABEL_EMS 15
/* How strongly what lies outside the selection's ego network shows. */
#define FADED_ALPHA 0.25

typedef struct
{
  guint  from;           /* node indices in the layout */
  guint  to;
  int    kind;           /* MlRelationKind, or -1 */
  double strength;       /* 1 … 3 */
  double bend;           /* sideways offset, in multiples of the spacing, for parallel pairs */
  guint8 directed;
} Edge;

struct _MlGraphRenderer
{
  GObject        parent_instance;

  guint32          hidden_kinds;   /* relation kinds filtered out, by bit */

  /* Owned references */
  MlProject     *project;
  MlElement     *selected;
  PangoContext  *pango;
  PangoLayout   *body;
  PangoLayout   *small;
  PangoLayout   *bold;

  /* Borrowed: the caller keeps the layout alive while it is set. */
  MlLayout      *layout;
  const MlStyle *style;      /* points to own_style */
  MlStyle        own_style;  /* a copy: callers may pass styles they built */

  GArray        *edges;      /* Edge */
  gboolean       edges_valid;
  gboolean       show_legend;
};

G_DEFINE_FINAL_TYPE (MlGraphRenderer, ml_graph_renderer, G_TYPE_OBJECT)

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Paul Tol's "muted" scheme, whose nine hues were chosen to stay distinguishable under the
 * common colour-vision deficiencies and in greyscale print, plus orange from his "vibrant"
 * scheme for the tenth type. Colour never carries the type alone: the legend names it and
 * every disc has a name beside it.
 */
static const MlColor type_colors[N_TYPES] = {
  [ML_STAKEHOLDER_GOVERNMENT] = RGB (0x332288),       /* indigo */
  [ML_STAKEHOLDER_AGENCY] = RGB (0x88ccee),           /* cyan */
  [ML_STAKEHOLDER_RESEARCH] = RGB (0x44aa99),         /* teal */
  [ML_STAKEHOLDER_INDUSTRY] = RGB (0x117733),         /* green */
  [ML_STAKEHOLDER_SME] = RGB (0x999933),              /* olive */
  [ML_STAKEHOLDER_CIVIL_SOCIETY] = RGB (0xddcc77),    /* sand */
  [ML_STAKEHOLDER_CITIZENS] = RGB (0xcc6677),         /* rose */
  [ML_STAKEHOLDER_SOCIAL_MOVEMENT] = RGB (0x882255),  /* wine */
  [ML_STAKEHOLDER_INTERNATIONAL] = RGB (0xaa4499),    /* purple */
  [ML_STAKEHOLDER_FUNDER] = RGB (0xee7733),           /* orange */
};
static const MlColor untyped_color = RGB (0xbbbbbb);

static const char *const type_labels[N_TYPES] = {
  [ML_STAKEHOLDER_GOVERNMENT] = N_("Government"),
  [ML_STAKEHOLDER_AGENCY] = N_("Agency"),
  [ML_STAKEHOLDER_RESEARCH] = N_("Research"),
  [ML_STAKEHOLDER_INDUSTRY] = N_("Industry"),
  [ML_STAKEHOLDER_SME] = N_("SME"),
  [ML_STAKEHOLDER_CIVIL_SOCIETY] = N_("Civil society"),
  [ML_STAKEHOLDER_CITIZENS] = N_("Citizens"),
  [ML_STAKEHOLDER_SOCIAL_MOVEMENT] = N_("Social movement"),
  [ML_STAKEHOLDER_INTERNATIONAL] = N_("International"),
  [ML_STAKEHOLDER_FUNDER] = N_("Funder"),
};

static const char *const kind_labels[N_KINDS] = {
  [ML_RELATION_COORDINATION] = N_("Coordination"),
  [ML_RELATION_FUNDING] = N_("Funding"),
  [ML_RELATION_REPORTING] = N_("Reporting"),
  [ML_RELATION_INFORMATION] = N_("Information"),
  [ML_RELATION_PARTNERSHIP] = N_("Partnership"),
  [ML_RELATION_CONFLICT] = N_("Conflict"),
};

/* Static helpers */

static gboolean
is_dark (const MlStyle *style)
{
  const MlColor *bg = &style->background;

  return bg->red + bg->green + bg->blue < 1.5;
}

static MlColor
get_type_color (int type)
{
  return type >= 0 && type < N_TYPES ? type_colors[type] : untyped_color;
}

static int
get_enum (MlElement *element,
          MlField    field)
{
  return ml_element_has_value (element, field) ? ml_element_get_enum (element, field) : -1;
}

/* Unset or out-of-range values count as @fallback, as the layouts do. */
static double
get_number (MlElement *element,
            MlField    field,
            double     low,
            double     high,
            double     fallback)
{
  double value;

  if (!ml_element_has_value (element, field))
    return fallback;
  value = ml_element_get_number (element, field);
  if (!isfinite (value))
    return fallback;

  return CLAMP (value, low, high);
}

/* The kinds are told apart by colour and, for the two that matter most in a workshop, by
 * pattern too: information is dotted (weak ties), conflict is dashed, red and thicker.
 */
static MlColor
get_kind_color (const MlStyle *style,
                int            kind)
{
  gboolean dark = is_dark (style);
  gboolean light_high_contrast = style->high_contrast && !dark;

  switch (kind)
    {
    case ML_RELATION_FUNDING:
      return dark ? (MlColor) RGB (0x57e389)
                  : light_high_contrast ? (MlColor) RGB (0x0f5a34) : (MlColor) RGB (0x228833);
    case ML_RELATION_REPORTING:
      return dark ? (MlColor) RGB (0x78aeed)
                  : light_high_contrast ? (MlColor) RGB (0x154a96) : (MlColor) RGB (0x3467b0);
    case ML_RELATION_INFORMATION:
      if (style->high_contrast)
        return style->dim;
      return dark ? (MlColor) RGB (0x9a9996) : (MlColor) RGB (0x77767b);
    case ML_RELATION_PARTNERSHIP:
      return dark ? (MlColor) RGB (0xdc8add)
                  : light_high_contrast ? (MlColor) RGB (0x613583) : (MlColor) RGB (0x9141ac);
    case ML_RELATION_CONFLICT:
      return style->critical;
    case ML_RELATION_COORDINATION:
    default:
      return ml_color_mix (&style->foreground, &style->background, 0.3);
    }
}

static double
get_edge_width (const MlStyle *style,
                int            kind,
                double         strength)
{
  double width = style->line_width * (0.5 + 0.75 * strength);

  return kind == ML_RELATION_CONFLICT ? width * 1.5 : width;
}

static void
set_kind_dash (cairo_t       *cr,
               const MlStyle *style,
               int            kind,
               double         width)
{
  if (kind == ML_RELATION_CONFLICT)
    {
      double dashes[] = { 4 * width, 2.5 * width };

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dashes, 2, 0);
    }
  else if (kind == ML_RELATION_INFORMATION)
    {
      /* Round caps on zero-length dashes make dots. */
      double dashes[] = { 0, 2.2 * width };

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dashes, 2, 0);
    }
  else
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  (void) style;
}

static void
apply_style (MlGraphRenderer *self)
{
  const MlStyle *style = self->style;

  g_clear_object (&self->body);
  g_clear_object (&self->small);
  g_clear_object (&self->bold);
  self->body = ml_style_create_layout (self->pango, style->font_family, style->font_size,
                              PANGO_WEIGHT_NORMAL);
  /* A longer name is elided; in the projector style it takes two lines first, as a room
   * cannot point at a node to read the rest of its name.
   */
  pango_layout_set_width (self->body, (int) (style->font_size * MAX_LABEL_EMS * PANGO_SCALE));
  pango_layout_set_wrap (self->body, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (self->body, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (self->body, style->kind == ML_STYLE_PROJECTOR ? -2 : -1);
  self->small = ml_style_create_layout (self->pango, style->font_family, style->small_font_size,
                               PANGO_WEIGHT_NORMAL);
  self->bold = ml_style_create_layout (self->pango, style->font_family, style->small_font_size,
                              PANGO_WEIGHT_BOLD);
}

/* Sets the text and returns its logical size. */
static void
set_text (PangoLayout *layout,
          const char  *text,
          double      *width,
          double      *height)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* Draws the layout's text with its top-left corner at (@x, @y), over a rim of @halo so that
 * it stays readable where it crosses a relation.
 */
static void
show_layout (cairo_t       *cr,
             PangoLayout   *layout,
             double         x,
             double         y,
             const MlColor *color,
             const MlColor *halo,
             double         halo_width)
{
  if (halo != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      ml_style_set_source (cr, halo);
      cairo_set_line_width (cr, halo_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  /* The letters stay text, so that PDF readers can select and search them. */
  cairo_move_to (cr, x, y);
  ml_style_set_source (cr, color);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}


static void
ensure_edges (MlGraphRenderer *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GHashTable) pairs = NULL;

  if (self->edges_valid)
    return;
  self->edges_valid = TRUE;
  g_array_set_size (self->edges, 0);
  if (self->layout == NULL || self->project == NULL)
    return;

  relations = ml_project_collect (self->project, ML_KIND_RELATION);
  /* Counts the relations per unordered pair, so that parallel ones can bend apart. */
  pairs = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < relations->len; i++)
    {
      MlElement *relation = g_ptr_array_index (relations, i);
      MlElement *from, *to;
      Edge edge = { 0 };

      if (!ml_element_has_value (relation, ML_RELATION_FROM) ||
          !ml_element_has_value (relation, ML_RELATION_TO))
        continue;
      from = ml_project_lookup (self->project,
                                ml_element_get_string (relation, ML_RELATION_FROM));
      to = ml_project_lookup (self->project, ml_element_get_string (relation, ML_RELATION_TO));
      if (from == NULL || to == NULL || from == to ||
          !ml_layout_lookup (self->layout, from, &edge.from) ||
          !ml_layout_lookup (self->layout, to, &edge.to))
        continue;
      edge.kind = get_enum (relation, ML_RELATION_KIND);
      if (edge.kind >= 0 && (self->hidden_kinds & (1u << edge.kind)) != 0)
        continue;
      edge.directed = get_enum (relation, ML_RELATION_DIRECTION) == ML_RELATION_DIRECTED;
      edge.strength = get_number (relation, ML_RELATION_STRENGTH, 1, 3, 2);
      g_array_append_val (self->edges, edge);
    }

  {
    g_autofree guint *count = g_new0 (guint, self->edges->len);
    g_autofree guint *rank = g_new0 (guint, self->edges->len);
    g_autofree gint64 *keys = g_new0 (gint64, self->edges->len);

    /* The key points at the first edge of each pair; count and rank live there. */
    for (guint i = 0; i < self->edges->len; i++)
      {
        Edge *edge = &g_array_index (self->edges, Edge, i);
        gpointer first;

        keys[i] = (gint64) MIN (edge->from, edge->to) << 32 | MAX (edge->from, edge->to);
        if (g_hash_table_lookup_extended (pairs, &keys[i], NULL, &first))
          {
            guint f = GPOINTER_TO_UINT (first);

            rank[i] = count[f]++;
          }
        else
          {
            g_hash_table_insert (pairs, &keys[i], GUINT_TO_POINTER (i));
            rank[i] = 0;
            count[i] = 1;
          }
      }
    for (guint i = 0; i < self->edges->len; i++)
      {
        Edge *edge = &g_array_index (self->edges, Edge, i);
        guint n = count[GPOINTER_TO_UINT (g_hash_table_lookup (pairs, &keys[i]))];

        edge->bend = n > 1 ? rank[i] - (n - 1) / 2.0 : 0;
      }
  }
}

static void
to_screen (const MlGraphViewport *viewport,
           double                 x,
           double                 y,
           double                *sx,
           double                *sy)
{
  *sx = (x - viewport->offset_x) * viewport->scale;
  *sy = (y - viewport->offset_y) * viewport->scale;
}

static void
get_node_center (MlGraphRenderer       *self,
                 const MlGraphViewport *viewport,
                 guint                  index,
                 double                *sx,
                 double                *sy)
{
  double x, y;

  ml_layout_get_position (self->layout, index, &x, &y);
  to_screen (viewport, x, y, sx, sy);
}

/* Area, not radius, grows with influence, as readers judge discs by area; the radius is
 * bounded by the type size (so projector discs are large) and by the scale (so that
 * neighbours about one unit apart do not merge when the map is zoomed out).
 */
static double
get_node_radius (MlGraphRenderer       *self,
                 const MlGraphViewport *viewport,
                 guint                  index)
{
  MlElement *node = ml_layout_get_node (self->layout, index);
  double influence = get_number (node, ML_STAKEHOLDER_INFLUENCE, 1, 5, 3);
  double factor = sqrt (influence / 5.0);
  double by_font = self->style->font_size * 1.9 * factor;
  double by_scale = viewport->scale * 0.36 * factor;
  double minimum = self->style->line_width * 3 + 2;

  return MAX (MIN (by_font, by_scale), minimum);
}

/* Draw order: document order, the selection last, on top. Hit testing walks it backwards. */
static guint
get_draw_index (MlGraphRenderer *self,
                guint            position,
                guint            n_nodes,
                gint             selected)
{
  if (selected < 0)
    return position;
  if (position == n_nodes - 1)
    return (guint) selected;

  return position >= (guint) selected ? position + 1 : position;
}

static gint
get_selected_index (MlGraphRenderer *self)
{
  guint index;

  if (self->selected != NULL && self->layout != NULL &&
      ml_layout_lookup (self->layout, self->selected, &index))
    return (gint) index;

  return -1;
}

typedef struct
{
  double x, y, width, height;
} Box;

/* Where a region's label goes, kept inside the viewport: sector labels lie outside the
 * circle and could otherwise be cut off at the edge.
 */
static void
get_region_label_box (MlGraphRenderer       *self,
                      const MlGraphViewport *viewport,
                      const MlLayoutRegion  *region,
                      Box                   *box)
{
  double x, y, pad = self->style->small_font_size * 0.5;

  to_screen (viewport, region->label_x, region->label_y, &x, &y);
  set_text (self->bold, region->label, &box->width, &box->height);
  box->x = round (CLAMP (x - box->width / 2, pad, viewport->width - box->width - pad));
  box->y = round (CLAMP (y - box->height / 2, pad, viewport->height - box->height - pad));
}

static void
draw_regions (MlGraphRenderer       *self,
              cairo_t               *cr,
              const MlGraphViewport *viewport)
{
  const MlStyle *style = self->style;
  guint n = ml_layout_get_n_regions (self->layout);
  double s = viewport->scale;

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, MAX (1, style->line_width));
  for (guint i = 0; i < n; i++)
    {
      const MlLayoutRegion *region = ml_layout_get_region (self->layout, i);
      double x, y;

      if (region->shape == ML_LAYOUT_REGION_SECTOR)
        {
          to_screen (viewport, region->cx, region->cy, &x, &y);
          cairo_move_to (cr, x, y);
          cairo_arc (cr, x, y, region->radius * s, region->start_angle, region->end_angle);
          cairo_close_path (cr);
        }
      else
        {
          to_screen (viewport, region->x, region->y, &x, &y);
          cairo_rectangle (cr, x, y, region->width * s, region->height * s);
        }
      /* Alternate shading tells neighbouring regions apart without any strong colour. */
      if (i % 2 == 0)
        {
          ml_style_set_source (cr, &style->lane);
          cairo_fill_preserve (cr);
        }
      ml_style_set_source (cr, &style->grid);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      const MlLayoutRegion *region = ml_layout_get_region (self->layout, i);
      Box box;

      if (region->label == NULL)
        continue;
      get_region_label_box (self, viewport, region, &box);
      pango_layout_set_text (self->bold, region->label, -1);
      show_layout (cr, self->bold, box.x, box.y, &style->dim, &style->background,
                   style->line_width * 3 + 2);
    }
}

/* Where an edge leaves and enters its discs, and its control point. */
typedef struct
{
  double x0, y0, x1, y1;
  double cx, cy;            /* quadratic control point; the midpoint for straight lines */
  double mx, my;            /* the point halfway along */
  double ex, ey;            /* unit tangent at the end */
} EdgeGeometry;

static gboolean
get_edge_geometry (MlGraphRenderer       *self,
                   const MlGraphViewport *viewport,
                   const Edge            *edge,
                   EdgeGeometry          *g)
{
  double ax, ay, bx, by, ra, rb, dx, dy, length, nx, ny, spacing;
  double sx, sy, tx, ty, l;

  get_node_center (self, viewport, edge->from, &ax, &ay);
  get_node_center (self, viewport, edge->to, &bx, &by);
  ra = get_node_radius (self, viewport, edge->from);
  rb = get_node_radius (self, viewport, edge->to);
  dx = bx - ax;
  dy = by - ay;
  length = hypot (dx, dy);
  if (length <= ra + rb + 1)
    return FALSE;

  /* The normal points the same way for both directions of a pair, so that A→B and B→A with
   * opposite bends separate instead of coinciding.
   */
  if (edge->from < edge->to)
    nx = -dy / length, ny = dx / length;
  else
    nx = dy / length, ny = -dx / length;
  spacing = MAX (self->style->line_width * 8, self->style->font_size * 0.9);
  g->cx = (ax + bx) / 2 + nx * spacing * edge->bend * 2;
  g->cy = (ay + by) / 2 + ny * spacing * edge->bend * 2;

  /* The ends sit on the disc edges, along the tangents of the curve toward the control. */
  sx = g->cx - ax, sy = g->cy - ay, l = hypot (sx, sy);
  g->x0 = ax + sx / l * ra;
  g->y0 = ay + sy / l * ra;
  tx = bx - g->cx, ty = by - g->cy, l = hypot (tx, ty);
  g->ex = tx / l;
  g->ey = ty / l;
  g->x1 = bx - g->ex * rb;
  g->y1 = by - g->ey * rb;
  g->mx = 0.25 * g->x0 + 0.5 * g->cx + 0.25 * g->x1;
  g->my = 0.25 * g->y0 + 0.5 * g->cy + 0.25 * g->y1;

  return TRUE;
}

static void
draw_edges (MlGraphRenderer       *self,
            cairo_t               *cr,
            const MlGraphViewport *viewport,
            gint                   selected)
{
  const MlStyle *style = self->style;

  /* Faded edges first, so that the ego network is never painted over. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->edges->len; i++)
      {
        const Edge *edge = &g_array_index (self->edges, Edge, i);
        gboolean strong = selected < 0 || edge->from == (guint) selected ||
                          edge->to == (guint) selected;
        MlColor color = get_kind_color (style, edge->kind);
        double width = get_edge_width (style, edge->kind, edge->strength);
        double arrow = edge->directed ? MAX (width * 2.6, style->font_size * 0.6) : 0;
        double x1, y1;
        EdgeGeometry g;

        if (strong != (pass == 1))
          continue;
        if (!get_edge_geometry (self, viewport, edge, &g))
          continue;
        if (!strong)
          color.alpha *= FADED_ALPHA;

        /* The line stops at the arrowhead's base so that its end does not poke through. */
        x1 = g.x1 - g.ex * arrow * 0.8;
        y1 = g.y1 - g.ey * arrow * 0.8;
        cairo_set_line_width (cr, width);
        set_kind_dash (cr, style, edge->kind, width);
        ml_style_set_source (cr, &color);
        cairo_move_to (cr, g.x0, g.y0);
        if (edge->bend != 0)
          cairo_curve_to (cr, g.x0 + (g.cx - g.x0) * 2 / 3, g.y0 + (g.cy - g.y0) * 2 / 3,
                          x1 + (g.cx - x1) * 2 / 3, y1 + (g.cy - y1) * 2 / 3, x1, y1);
        else
          cairo_line_to (cr, x1, y1);
        cairo_stroke (cr);

        if (edge->directed)
          {
            double px = -g.ey, py = g.ex;

            cairo_move_to (cr, g.x1, g.y1);
            cairo_line_to (cr, g.x1 - g.ex * arrow + px * arrow * 0.5,
                           g.y1 - g.ey * arrow + py * arrow * 0.5);
            cairo_line_to (cr, g.x1 - g.ex * arrow - px * arrow * 0.5,
                           g.y1 - g.ey * arrow - py * arrow * 0.5);
            cairo_close_path (cr);
            cairo_fill (cr);
          }
      }
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
get_neighbours (MlGraphRenderer *self,
                gint             selected,
                guint8          *strong,
                guint            n_nodes)
{
  memset (strong, selected < 0, n_nodes);
  if (selected < 0)
    return;
  strong[selected] = 1;
  for (guint i = 0; i < self->edges->len; i++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, i);

      if (edge->from == (guint) selected)
        strong[edge->to] = 1;
      else if (edge->to == (guint) selected)
        strong[edge->from] = 1;
    }
}

static void
draw_nodes (MlGraphRenderer       *self,
            cairo_t               *cr,
            const MlGraphViewport *viewport,
            gint                   selected,
            const guint8          *strong)
{
  const MlStyle *style = self->style;
  guint n = ml_layout_get_n_nodes (self->layout);

  cairo_set_dash (cr, NULL, 0, 0);
  for (guint p = 0; p < n; p++)
    {
      guint i = get_draw_index (self, p, n, selected);
      MlElement *node = ml_layout_get_node (self->layout, i);
      MlColor fill = get_type_color (get_enum (node, ML_STAKEHOLDER_TYPE));
      MlColor outline = style->foreground;
      double x, y, r;

      get_node_center (self, viewport, i, &x, &y);
      r = get_node_radius (self, viewport, i);
      if (!strong[i])
        {
          /* Mixed, not translucent: a faded disc still hides the lines behind it. */
          fill = ml_color_mix (&fill, &style->background, 1 - FADED_ALPHA);
          outline = ml_color_mix (&outline, &style->background, 1 - FADED_ALPHA);
        }
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      ml_style_set_source (cr, &fill);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, MAX (1, style->line_width));
      ml_style_set_source (cr, &outline);
      cairo_stroke (cr);

      if ((gint) i == selected)
        {
          double ring = MAX (3, style->line_width * 2.5);

          cairo_arc (cr, x, y, r + ring / 2 + MAX (1, style->line_width), 0, 2 * G_PI);
          cairo_set_line_width (cr, ring);
          ml_style_set_source (cr, &style->accent);
          cairo_stroke (cr);
        }
    }
}

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
is_type_present (MlGraphRenderer *self,
                 int              type)
{
  guint n = ml_layout_get_n_nodes (self->layout);

  for (guint i = 0; i < n; i++)
    if (get_enum (ml_layout_get_node (self->layout, i), ML_STAKEHOLDER_TYPE) == type)
      return TRUE;

  return FALSE;
}

static gboolean
is_kind_present (MlGraphRenderer *self,
                 int              kind)
{
  for (guint i = 0; i < self->edges->len; i++)
    if (g_array_index (self->edges, Edge, i).kind == kind)
      return TRUE;

  return FALSE;
}

typedef struct
{
  const char *label;
  int         value;
  gboolean    is_kind;
} LegendItem;

/* Only what the map shows is explained, so the box stays small: the types present, then the
 * relation kinds present.
 */
static guint
collect_legend_items (MlGraphRenderer *self,
                      LegendItem      *items)
{
  guint n_items = 0;

  for (int t = 0; t < N_TYPES; t++)
    if (is_type_present (self, t))
      items[n_items++] = (LegendItem) { _(type_labels[t]), t, FALSE };
  if (is_type_present (self, -1))
    items[n_items++] = (LegendItem) { _("No type"), -1, FALSE };
  for (int k = 0; k < N_KINDS; k++)
    if (is_kind_present (self, k))
      items[n_items++] = (LegendItem) { _(kind_labels[k]), k, TRUE };

  return n_items;
}

typedef struct
{
  double line, swatch, gap, padding;
} LegendMetrics;

static void
get_legend_metrics (const MlStyle *style,
                    LegendMetrics *m)
{
  m->line = ceil (style->small_font_size * 1.5);
  m->swatch = ceil (style->small_font_size * 2.2);
  m->gap = ceil (style->small_font_size * 0.5);
  m->padding = ceil (style->small_font_size * 0.7);
}

/* The size of the legend, without its place; FALSE when there is nothing to explain. */
static gboolean
get_legend_size (MlGraphRenderer *self,
                 Box             *box)
{
  LegendItem items[N_TYPES + 1 + N_KINDS];
  guint n_items = collect_legend_items (self, items);
  LegendMetrics m;
  double text_width = 0;

  if (n_items == 0)
    return FALSE;
  get_legend_metrics (self->style, &m);
  for (guint i = 0; i < n_items; i++)
    {
      double w, h;

      set_text (self->small, items[i].label, &w, &h);
      text_width = MAX (text_width, w);
    }
  box->width = m.padding * 2 + m.swatch + m.gap + text_width;
  box->height = m.padding * 2 + m.line * n_items;

  return TRUE;
}

/* In a corner, as the roadmap's legend is. */
static gboolean
get_legend_box (MlGraphRenderer       *self,
                const MlGraphViewport *viewport,
                Box                   *box)
{
  LegendMetrics m;

  if (!get_legend_size (self, box))
    return FALSE;
  get_legend_metrics (self->style, &m);
  box->y = m.padding;

  /* The corner that hides the fewest discs, top right first. */
  {
    double xs[] = { viewport->width - box->width - m.padding, m.padding };
    double ys[] = { m.padding, viewport->height - box->height - m.padding };
    guint best = G_MAXUINT;
    Box corner = *box;

    for (guint c = 0; c < 4 && best > 0; c++)
      {
        guint hidden = 0;

        corner.x = xs[c % 2];
        corner.y = ys[c / 2];
        for (guint i = 0; i < ml_layout_get_n_nodes (self->layout); i++)
          {
            double cx, cy, r;
            Box disc;

            get_node_center (self, viewport, i, &cx, &cy);
            r = get_node_radius (self, viewport, i);
            disc = (Box) { cx - r, cy - r, 2 * r, 2 * r };
            hidden += boxes_overlap (&corner, &disc);
          }
        if (hidden < best)
          {
            best = hidden;
            box->x = corner.x;
            box->y = corner.y;
          }
      }
  }

  return TRUE;
}

static void
draw_legend (MlGraphRenderer       *self,
             cairo_t               *cr,
             const MlGraphViewport *viewport)
{
  const MlStyle *style = self->style;
  LegendItem items[N_TYPES + 1 + N_KINDS];
  guint n_items = collect_legend_items (self, items);
  LegendMetrics m;
  MlColor fill = style->background;
  Box box;

  if (!get_legend_box (self, viewport, &box))
    return;
  get_legend_metrics (style, &m);

  fill.alpha = 0.92;
  cairo_rectangle (cr, box.x, box.y, box.width, box.height);
  ml_style_set_source (cr, &fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (1, style->line_width));
  cairo_set_dash (cr, NULL, 0, 0);
  ml_style_set_source (cr, &style->grid);
  cairo_stroke (cr);

  for (guint i = 0; i < n_items; i++)
    {
      double cy = box.y + m.padding + m.line * (i + 0.5);
      double sx = box.x + m.padding, w, h;

      if (items[i].is_kind)
        {
          MlColor color = get_kind_color (style, items[i].value);
          double lw = get_edge_width (style, items[i].value, 2);

          cairo_set_line_width (cr, lw);
          set_kind_dash (cr, style, items[i].value, lw);
          ml_style_set_source (cr, &color);
          cairo_move_to (cr, sx + lw / 2, cy);
          cairo_line_to (cr, sx + m.swatch - lw / 2, cy);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          MlColor swatch = get_type_color (items[i].value);

          cairo_arc (cr, sx + m.swatch / 2, cy, m.line * 0.36, 0, 2 * G_PI);
          ml_style_set_source (cr, &swatch);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, MAX (1, style->line_width * 0.75));
          ml_style_set_source (cr, &style->foreground);
          cairo_stroke (cr);
        }
      set_text (self->small, items[i].label, &w, &h);
      show_layout (cr, self->small, sx + m.swatch + m.gap, round (cy - h / 2),
                   &style->foreground, NULL, 0);
    }
}

typedef struct
{
  guint  index;
  double influence;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->influence != y->influence)
    return x->influence < y->influence ? 1 : -1;

  return (x->index > y->index) - (x->index < y->index);
}

/* Greedy placement: the most influential first, each at the first of below, above, right and
 * left that overlaps no name placed so far and no other disc; failing that, one that overlaps
 * only discs; failing that, none (the name is skipped: on a crowded map, a pile of names over
 * each other helps nobody). The selection's name is always shown.
 */
static void
draw_labels (MlGraphRenderer       *self,
             cairo_t               *cr,
             const MlGraphViewport *viewport,
             gint                   selected,
             const guint8          *strong)
{
  const MlStyle *style = self->style;
  guint n = ml_layout_get_n_nodes (self->layout);
  g_autofree Ranked *order = g_new (Ranked, n);
  g_autofree Box *discs = g_new (Box, n);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Box));
  double gap = MAX (2, style->line_width * 1.5);
  double halo = style->line_width * 3 + 2;
  double ring = MAX (3, style->line_width * 2.5) + MAX (1, style->line_width);
  int max_lines = MAX (1, -pango_layout_get_height (self->body));
  Box legend;

  /* Names stay out of the legend box, which would hide them. */
  if (self->show_legend && get_legend_box (self, viewport, &legend))
    g_array_append_val (placed, legend);
  /* Nor over the region labels, which say what a position on the map means. */
  for (guint r = 0; r < ml_layout_get_n_regions (self->layout); r++)
    {
      const MlLayoutRegion *region = ml_layout_get_region (self->layout, r);
      Box box;

      if (region->label == NULL)
        continue;
      get_region_label_box (self, viewport, region, &box);
      g_array_append_val (placed, box);
    }

  for (guint i = 0; i < n; i++)
    {
      double x, y, r;

      get_node_center (self, viewport, i, &x, &y);
      r = get_node_radius (self, viewport, i);
      discs[i] = (Box) { x - r, y - r, 2 * r, 2 * r };
      order[i].index = i;
      order[i].influence = (gint) i == selected ? 100
        : get_number (ml_layout_get_node (self->layout, i), ML_STAKEHOLDER_INFLUENCE, 1, 5, 3);
    }
  qsort (order, n, sizeof (Ranked), compare_ranked);

  for (guint k = 0; k < n; k++)
    {
      guint i = order[k].index;
      MlElement *node = ml_layout_get_node (self->layout, i);
      const char *name = ml_element_get_label (node);
      const char *text = name != NULL ? name : ml_element_get_id (node);
      const Box *d = &discs[i];
      double cx = d->x + d->width / 2, cy = d->y + d->height / 2;
      double width, height;
      Box candidates[4];
      Box *chosen = NULL;
      MlColor color = style->foreground;

      /* A name with no room on two lines may find some on one, elided. */
      for (int lines = max_lines; lines >= 1 && chosen == NULL; lines--)
        {
          pango_layout_set_height (self->body, -lines);
          set_text (self->body, text, &width, &height);
          candidates[0] = (Box) { cx - width / 2, d->y + d->height + gap, width, height };
          candidates[1] = (Box) { cx - width / 2, d->y - gap - height, width, height };
          candidates[2] = (Box) { d->x + d->width + gap * 2, cy - height / 2, width, height };
          candidates[3] = (Box) { d->x - gap * 2 - width, cy - height / 2, width, height };

          for (int pass = 0; pass < 2 && chosen == NULL; pass++)
            for (guint c = 0; c < G_N_ELEMENTS (candidates) && chosen == NULL; c++)
              {
                Box *box = &candidates[c];
                gboolean ok = box->x >= 0 && box->y >= 0 &&
                              box->x + box->width <= viewport->width &&
                              box->y + box->height <= viewport->height;

                for (guint j = 0; ok && j < placed->len; j++)
                  ok = !boxes_overlap (box, &g_array_index (placed, Box, j));
                /* The second pass lets a name touch a disc's rim, never its middle, nor the
                 * selection with its ring.
                 */
                for (guint j = 0; ok && j < n; j++)
                  {
                    Box core = discs[j];

                    if (pass == 1 && (gint) j != selected)
                      core = (Box) { core.x + core.width / 4, core.y + core.height / 4,
                                     core.width / 2, core.height / 2 };
                    else if ((gint) j == selected)
                      core = (Box) { core.x - ring, core.y - ring, core.width + 2 * ring,
                                     core.height + 2 * ring };
                    ok = j == i || !boxes_overlap (box, &core);
                  }
                if (ok)
                  chosen = box;
              }
        }
      if (chosen == NULL && (gint) i == selected)
        chosen = &candidates[0];
      if (chosen == NULL)
        continue;
      g_array_append_val (placed, *chosen);

      if (!strong[i])
        color = ml_color_mix (&color, &style->background, 1 - FADED_ALPHA);
      pango_layout_set_text (self->body, text, -1);
      show_layout (cr, self->body, round (chosen->x), round (chosen->y), &color,
                   &style->background, halo);
    }
  pango_layout_set_height (self->body, -max_lines);
}

/* Callbacks and vfuncs */

static void
ml_graph_renderer_dispose (GObject *object)
{
  MlGraphRenderer *self = ML_GRAPH_RENDERER (object);

  g_clear_object (&self->project);
  g_clear_object (&self->selected);
  g_clear_object (&self->body);
  g_clear_object (&self->small);
  g_clear_object (&self->bold);
  g_clear_object (&self->pango);
  self->layout = NULL;

  G_OBJECT_CLASS (ml_graph_renderer_parent_class)->dispose (object);
}

static void
ml_graph_renderer_finalize (GObject *object)
{
  MlGraphRenderer *self = ML_GRAPH_RENDERER (object);

  g_clear_pointer (&self->edges, g_array_unref);

  G_OBJECT_CLASS (ml_graph_renderer_parent_class)->finalize (object);
}

static void
ml_graph_renderer_class_init (MlGraphRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_graph_renderer_dispose;
  object_class->finalize = ml_graph_renderer_finalize;
}

static void
ml_graph_renderer_init (MlGraphRenderer *self)
{
  self->edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  self->show_legend = TRUE;
  self->pango = ml_style_create_pango_context ();
}

/* Public API */

/**
 * ml_graph_renderer_set_hidden_kinds:
 * @kinds: the relation kinds not to draw, bit n for MlRelationKind n
 */
void
ml_graph_renderer_set_hidden_kinds (MlGraphRenderer *self,
                                    guint32          kinds)
{
  g_return_if_fail (ML_IS_GRAPH_RENDERER (self));

  self->hidden_kinds = kinds;
  self->edges_valid = FALSE;
}

/**
 * ml_graph_renderer_new:
 * @project: the project whose stakeholders to draw
 * @style: (nullable): how to draw them; %NULL for the light screen style
 *
 * Nothing is drawn until a layout is set with ml_graph_renderer_set_layout().
 *
 * Returns: (transfer full): a new renderer
 */
MlGraphRenderer *
ml_graph_renderer_new (MlProject     *project,
                       const MlStyle *style)
{
  MlGraphRenderer *self;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  self = g_object_new (ML_TYPE_GRAPH_RENDERER, NULL);
  self->project = g_object_ref (project);
  self->own_style = *(style != NULL ? style : ml_style_get (ML_STYLE_SCREEN));
  self->style = &self->own_style;
  apply_style (self);

  return self;
}

void
ml_graph_renderer_set_style (MlGraphRenderer *self,
                             const MlStyle   *style)
{
  g_return_if_fail (ML_IS_GRAPH_RENDERER (self));

  self->own_style = *(style != NULL ? style : ml_style_get (ML_STYLE_SCREEN));
  apply_style (self);
}

/**
 * ml_graph_renderer_set_layout:
 * @layout: (nullable) (transfer none): the positions; the caller keeps it alive while set
 */
void
ml_graph_renderer_set_layout (MlGraphRenderer *self,
                              MlLayout        *layout)
{
  g_return_if_fail (ML_IS_GRAPH_RENDERER (self));

  self->layout = layout;
  self->edges_valid = FALSE;
}

/**
 * ml_graph_renderer_set_selected:
 * @element: (nullable): the stakeholder whose ego network to highlight
 */
void
ml_graph_renderer_set_selected (MlGraphRenderer *self,
                                MlElement       *element)
{
  g_return_if_fail (ML_IS_GRAPH_RENDERER (self));
  g_return_if_fail (element == NULL || ML_IS_ELEMENT (element));

  g_set_object (&self->selected, element);
}

void
ml_graph_renderer_set_show_legend (MlGraphRenderer *self,
                                   gboolean         show)
{
  g_return_if_fail (ML_IS_GRAPH_RENDERER (self));

  self->show_legend = !!show;
}

/* Call after the project's relations changed; positions are read from the layout anew on
 * every frame anyway.
 */
void
ml_graph_renderer_invalidate (MlGraphRenderer *self)
{
  g_return_if_fail (ML_IS_GRAPH_RENDERER (self));

  self->edges_valid = FALSE;
}

void
ml_graph_renderer_draw (MlGraphRenderer       *self,
                        cairo_t               *cr,
                        const MlGraphViewport *viewport)
{
  g_autofree guint8 *strong = NULL;
  guint n;
  gint selected;

  g_return_if_fail (ML_IS_GRAPH_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  cairo_save (cr);
  pango_cairo_update_context (cr, self->pango);
  pango_layout_context_changed (self->body);
  pango_layout_context_changed (self->small);
  pango_layout_context_changed (self->bold);

  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  ml_style_set_source (cr, &self->style->background);
  cairo_fill (cr);

  if (self->layout != NULL && viewport->scale > 0)
    {
      ensure_edges (self);
      n = ml_layout_get_n_nodes (self->layout);
      selected = get_selected_index (self);
      strong = g_new (guint8, MAX (n, 1));
      get_neighbours (self, selected, strong, n);

      draw_regions (self, cr, viewport);
      draw_edges (self, cr, viewport, selected);
      if (n > 0)
        {
          draw_nodes (self, cr, viewport, selected, strong);
          draw_labels (self, cr, viewport, selected, strong);
        }
      if (self->show_legend)
        draw_legend (self, cr, viewport);
    }
  cairo_restore (cr);
}

/**
 * ml_graph_renderer_hit_test:
 *
 * Returns: (transfer none) (nullable): the topmost stakeholder whose disc contains (@x, @y)
 */
MlElement *
ml_graph_renderer_hit_test (MlGraphRenderer       *self,
                            const MlGraphViewport *viewport,
                            double                 x,
                            double                 y)
{
  guint n;
  gint selected;

  g_return_val_if_fail (ML_IS_GRAPH_RENDERER (self), NULL);
  g_return_val_if_fail (viewport != NULL, NULL);

  if (self->layout == NULL || viewport->scale <= 0)
    return NULL;
  n = ml_layout_get_n_nodes (self->layout);
  selected = get_selected_index (self);
  for (guint p = n; p-- > 0;)
    {
      guint i = get_draw_index (self, p, n, selected);
      double cx, cy;

      get_node_center (self, viewport, i, &cx, &cy);
      if (hypot (x - cx, y - cy) <= get_node_radius (self, viewport, i))
        return ml_layout_get_node (self->layout, i);
    }

  return NULL;
}

gboolean
ml_graph_renderer_get_node_rect (MlGraphRenderer       *self,
                                 const MlGraphViewport *viewport,
                                 MlElement             *stakeholder,
                                 cairo_rectangle_t     *rect)
{
  guint index;
  double cx, cy, r;

  g_return_val_if_fail (ML_IS_GRAPH_RENDERER (self), FALSE);
  g_return_val_if_fail (viewport != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (self->layout == NULL || stakeholder == NULL ||
      !ml_layout_lookup (self->layout, stakeholder, &index))
    return FALSE;
  get_node_center (self, viewport, index, &cx, &cy);
  r = get_node_radius (self, viewport, index);
  *rect = (cairo_rectangle_t) { cx - r, cy - r, 2 * r, 2 * r };

  return TRUE;
}

/**
 * ml_graph_viewport_fit:
 *
 * Sets @viewport so that the layout's bounds, with a margin for the discs and names at the
 * edge, fill @width × @height, centred.
 */
/* Fits the layout into the @width × @height viewport less @right pixels on its right. */
static void
fit_beside (MlGraphViewport *viewport,
            MlLayout        *layout,
            int              width,
            int              height,
            double           right)
{
  double bx, by, bw, bh, margin, sx, sy;
  double room = width - right;

  viewport->width = width;
  viewport->height = height;
  ml_layout_get_bounds (layout, &bx, &by, &bw, &bh);
  /* Room for the largest projector disc and a line of name text below it. */
  margin = MAX (56, 0.09 * MIN (room, height));
  sx = bw > 1e-9 ? (room - 2 * margin) / bw : G_MAXDOUBLE;
  sy = bh > 1e-9 ? (height - 2 * margin) / bh : G_MAXDOUBLE;
  viewport->scale = MIN (sx, sy);
  if (viewport->scale == G_MAXDOUBLE || viewport->scale <= 0)
    viewport->scale = MAX (1, MIN (room, height) / 4.0);
  viewport->offset_x = bx + bw / 2 - room / 2.0 / viewport->scale;
  viewport->offset_y = by + bh / 2 - height / 2.0 / viewport->scale;
}

void
ml_graph_viewport_fit (MlGraphViewport *viewport,
                       MlLayout        *layout,
                       int              width,
                       int              height)
{
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (layout != NULL);

  fit_beside (viewport, layout, width, height, 0);
}

/**
 * ml_graph_renderer_fit:
 * @viewport: (out): the viewport
 *
 * As ml_graph_viewport_fit() for the renderer's layout, but beside the legend when it shows:
 * the map keeps to the left of the legend's column rather than disappearing under it, unless
 * that column would take more than two fifths of the width.
 */
void
ml_graph_renderer_fit (MlGraphRenderer *self,
                       MlGraphViewport *viewport,
                       int              width,
                       int              height)
{
  LegendMetrics m;
  Box legend;
  double right = 0;

  g_return_if_fail (ML_IS_GRAPH_RENDERER (self));
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (self->layout != NULL);

  get_legend_metrics (self->style, &m);
  if (self->show_legend && get_legend_size (self, &legend) &&
      legend.width + 2 * m.padding <= 0.4 * width)
    right = legend.width + 2 * m.padding;
  fit_beside (viewport, self->layout, width, height, right);
}
