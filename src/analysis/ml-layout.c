/* ml-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The force layout is Fruchterman–Reingold in its grid variant: repulsion only acts within
 * twice the ideal edge length, so bucketing the nodes in cells of that size lets each node look
 * at its own and the eight neighbouring cells only, and an iteration costs O(nodes + edges)
 * instead of O(nodes²). Each pair within the cutoff is visited once, over positions copied in
 * cell order, which is what brings 1,000 nodes under a millisecond per iteration. Without the
 * long-range repulsion, nothing pushes far components away, so the pull toward the origin that
 * keeps them from drifting apart is kept weak; repulsion is doubled against classic FR because
 * a cutoff also loses the crowd's push that spreads dense graphs. The temperature, the largest
 * step a node may take, cools geometrically, which bounds the number of iterations whatever the
 * graph (about 140 for small ones, 165 for 1,000 nodes): the layout has converged when no node
 * moved more than a small threshold.
 *
 * Everything is a function of the project and the seed only (GRand, no clock, a fixed order of
 * floating-point operations), so a layout can be reproduced exactly.
 */

#define G_LOG_DOMAIN "ml-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-enums.h"
#include "ml-layout.h"

/* The ideal distance between related nodes, the unit of the force layout. */
#define K 1.0
/* Repulsion acts within this distance; it is also the grid's cell size. */
#define CUTOFF (2.0 * K)
/* How hard nodes push each other away, relative to Fruchterman–Reingold's K²/d. */
#define REPULSION 2.0
/* The pull toward the origin, per unit of distance. */
#define GRAVITY 0.02
#define COOLING 0.96
/* Converged when no node moved farther than this in one step. */
#define THRESHOLD (0.005 * K)
/* Two nodes closer than this are pushed apart as if they were this far. */
#define MIN_DISTANCE (0.01 * K)
/* Nodes of the other layouts are spaced this far apart. */
#define SPACING 1.0

/* Angle between successive points of a sunflower spiral: evenly spread without a grid. */
#define GOLDEN_ANGLE 2.39996322972865332

typedef struct
{
  guint  a;
  guint  b;
  double weight;
} Edge;

struct _MlLayout
{
  MlLayoutKind  kind;
  GPtrArray    *nodes;       /* owned MlElement, stakeholders in document order */
  GHashTable   *indices;     /* MlElement → its index + 1 */
  double       *x;
  double       *y;
  gboolean     *pinned;
  GArray       *edges;       /* Edge */
  GArray       *regions;     /* MlLayoutRegion */
  GPtrArray    *labels;      /* owned strings the regions point to */

  /* The force layout's state. */
  double       *dx;
  double       *dy;
  guint        *cell_start;  /* counting sort of the nodes by cell: n_cells + 1 offsets */
  guint        *cell_fill;
  guint        *cell_of;     /* per node: its cell */
  guint        *cell_items;  /* per position in cell order: the node */
  double       *sx;          /* per position in cell order: position and repulsion */
  double       *sy;
  double       *sdx;
  double       *sdy;
  guint         n_cells_allocated;
  double        initial_temperature;
  double        temperature;
  gboolean      converged;
};

static guint
get_n (MlLayout *self)
{
  return self->nodes->len;
}

static int
get_enum_or_unset (MlElement *element,
                   MlField    field)
{
  return ml_element_has_value (element, field) ? ml_element_get_enum (element, field) : -1;
}

/* Influence and interest as 1…5, the middle when unset or out of range. */
static double
get_score (MlElement *element,
           MlField    field)
{
  double value = ml_element_has_value (element, field) ? ml_element_get_number (element, field)
                                                       : NAN;

  if (!isfinite (value))
    return 3.0;

  return CLAMP (value, 1.0, 5.0);
}

static const char *
add_label (MlLayout   *self,
           const char *label)
{
  char *copy = g_strdup (label);

  g_ptr_array_add (self->labels, copy);

  return copy;
}

static void
add_rectangle (MlLayout   *self,
               double      x,
               double      y,
               double      width,
               double      height,
               double      label_x,
               double      label_y,
               const char *label)
{
  MlLayoutRegion region = { 0 };

  region.shape = ML_LAYOUT_REGION_RECTANGLE;
  region.x = x;
  region.y = y;
  region.width = width;
  region.height = height;
  region.label_x = label_x;
  region.label_y = label_y;
  region.label = add_label (self, label);
  g_array_append_val (self->regions, region);
}

/* Orders stakeholders by name, then id, so that equal names still give one order. */
static int
compare_names (MlElement *a,
               MlElement *b)
{
  int result = g_strcmp0 (ml_element_get_label (a), ml_element_get_label (b));

  if (result != 0)
    return result;

  return g_strcmp0 (ml_element_get_id (a), ml_element_get_id (b));
}

static int
compare_type_then_name (gconstpointer a,
                        gconstpointer b)
{
  MlElement *element_a = *(MlElement *const *) a;
  MlElement *element_b = *(MlElement *const *) b;
  /* Unset types (as unsigned, the largest) sort last. */
  guint type_a = (guint) get_enum_or_unset (element_a, ML_STAKEHOLDER_TYPE);
  guint type_b = (guint) get_enum_or_unset (element_b, ML_STAKEHOLDER_TYPE);

  if (type_a != type_b)
    return type_a < type_b ? -1 : 1;

  return compare_names (element_a, element_b);
}

/* The nodes sorted by type then name, as indices. */
static guint *
sort_by_type (MlLayout *self)
{
  /* Borrowed pointers: a copy of nodes would share its free function without the refs. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (get_n (self));
  guint *order = g_new (guint, MAX (get_n (self), 1));

  for (guint i = 0; i < get_n (self); i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->nodes, i));
  g_ptr_array_sort (sorted, compare_type_then_name);
  for (guint i = 0; i < sorted->len; i++)
    {
      guint index = 0;

      ml_layout_lookup (self, g_ptr_array_index (sorted, i), &index);
      order[i] = index;
    }

  return order;
}

static void
layout_power_interest (MlLayout *self)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char **keys = g_new0 (char *, MAX (get_n (self), 1));
  guint max_count = 1;
  double cell;
  double half;

  /* Count the nodes on each cell first, so that the spiral of a cell fills its share. Keys
   * round to hundredths: fractional scores are allowed and get cells of their own.
   */
  for (guint i = 0; i < get_n (self); i++)
    {
      MlElement *node = g_ptr_array_index (self->nodes, i);
      double interest = get_score (node, ML_STAKEHOLDER_INTEREST);
      double influence = get_score (node, ML_STAKEHOLDER_INFLUENCE);
      guint count;

      keys[i] = g_strdup_printf ("%d:%d", (int) lround (interest * 100),
                                 (int) lround (influence * 100));
      count = GPOINTER_TO_UINT (g_hash_table_lookup (cells, keys[i])) + 1;
      g_hash_table_insert (cells, g_strdup (keys[i]), GUINT_TO_POINTER (count));
      max_count = MAX (max_count, count);
    }

  /* A cell grows with its most crowded occupant so that nodes stay about half a unit apart. */
  cell = MAX (2.0 * SPACING, 1.2 * SPACING * sqrt (max_count));

  {
    g_autoptr(GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < get_n (self); i++)
      {
        MlElement *node = g_ptr_array_index (self->nodes, i);
        double interest = get_score (node, ML_STAKEHOLDER_INTEREST);
        double influence = get_score (node, ML_STAKEHOLDER_INFLUENCE);
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (cells, keys[i]));
        guint k = GPOINTER_TO_UINT (g_hash_table_lookup (placed, keys[i]));
        double radius = count > 1 ? 0.4 * cell * sqrt ((k + 0.5) / count) : 0.0;

        g_hash_table_insert (placed, g_strdup (keys[i]), GUINT_TO_POINTER (k + 1));
        self->x[i] = (interest - 0.5) * cell + radius * cos (k * GOLDEN_ANGLE);
        self->y[i] = (5.5 - influence) * cell + radius * sin (k * GOLDEN_ANGLE);
      }
  }

  for (guint i = 0; i < get_n (self); i++)
    g_free (keys[i]);

  /* The grid spans 0…5 cells; the quadrant lines lie at score 3, 2.5 cells in. */
  half = 2.5 * cell;
  add_rectangle (self, 0, 0, half, half, half / 2, half / 2, _("Keep satisfied"));
  add_rectangle (self, half, 0, half, half, 3 * half / 2, half / 2, _("Manage closely"));
  add_rectangle (self, 0, half, half, half, half / 2, 3 * half / 2, _("Monitor"));
  add_rectangle (self, half, half, half, half, 3 * half / 2, 3 * half / 2, _("Keep informed"));
}

static void
layout_level_bands (MlLayout *self)
{
  const MlEnumInfo *info = ml_field_get_info (ML_STAKEHOLDER_LEVEL)->enum_info;
  g_autofree guint *order = sort_by_type (self);
  guint n_levels = info->n_values;
  g_autofree guint *counts = g_new0 (guint, n_levels + 1);
  g_autofree guint *placed = g_new0 (guint, n_levels + 1);
  g_autofree double *band_top = g_new0 (double, n_levels + 1);
  guint columns = MAX (8, (guint) ceil (2.0 * sqrt (get_n (self))));
  double width = columns * SPACING;
  double top = 0.0;

  /* The last slot counts nodes without a level. */
  for (guint i = 0; i < get_n (self); i++)
    {
      int level = get_enum_or_unset (g_ptr_array_index (self->nodes, i), ML_STAKEHOLDER_LEVEL);

      counts[level >= 0 && (guint) level < n_levels ? (guint) level : n_levels]++;
    }

  /* Global first: bands go from the highest level down. */
  for (guint b = 0; b <= n_levels; b++)
    {
      guint level = b < n_levels ? n_levels - 1 - b : n_levels;
      guint rows = MAX (1, (counts[level] + columns - 1) / columns);
      double height = (rows + 1) * SPACING;

      if (level == n_levels && counts[level] == 0)
        break;

      band_top[level] = top;
      add_rectangle (self, 0, top, width, height, 0, top + height / 2,
                     level < n_levels ? _(info->labels[level]) : _("Level not set"));
      top += height;
    }

  for (guint k = 0; k < get_n (self); k++)
    {
      guint i = order[k];
      int value = get_enum_or_unset (g_ptr_array_index (self->nodes, i), ML_STAKEHOLDER_LEVEL);
      guint level = value >= 0 && (guint) value < n_levels ? (guint) value : n_levels;
      guint slot = placed[level]++;
      guint row = slot / columns;
      guint in_row = MIN (columns, counts[level] - row * columns);

      /* Spread a short row over the whole width rather than bunching it on the left. */
      self->x[i] = (slot % columns + 0.5) * width / in_row;
      self->y[i] = band_top[level] + (row + 1) * SPACING;
    }
}

static void
layout_type_circle (MlLayout *self)
{
  const MlEnumInfo *info = ml_field_get_info (ML_STAKEHOLDER_TYPE)->enum_info;
  g_autofree guint *order = sort_by_type (self);
  guint n = get_n (self);
  guint n_groups = 0;
  guint n_slots;
  double radius;
  double step;
  guint slot = 0;

  for (guint k = 0; k < n; k++)
    if (k == 0 ||
        get_enum_or_unset (g_ptr_array_index (self->nodes, order[k]), ML_STAKEHOLDER_TYPE) !=
        get_enum_or_unset (g_ptr_array_index (self->nodes, order[k - 1]), ML_STAKEHOLDER_TYPE))
      n_groups++;

  /* One slot per node and an empty one between sectors, one unit of arc each. */
  n_slots = n + (n_groups > 1 ? n_groups : 0);
  radius = MAX (2.0 * SPACING, n_slots * SPACING / (2 * G_PI));
  step = n_slots > 0 ? 2 * G_PI / n_slots : 0;

  for (guint k = 0; k < n;)
    {
      MlElement *first = g_ptr_array_index (self->nodes, order[k]);
      int type = get_enum_or_unset (first, ML_STAKEHOLDER_TYPE);
      guint start_slot = slot;
      MlLayoutRegion region = { 0 };
      double middle;

      for (; k < n &&
             get_enum_or_unset (g_ptr_array_index (self->nodes, order[k]), ML_STAKEHOLDER_TYPE) ==
             type;
           k++, slot++)
        {
          double angle = -G_PI / 2 + (slot + 0.5) * step;

          self->x[order[k]] = radius * cos (angle);
          self->y[order[k]] = radius * sin (angle);
        }

      region.shape = ML_LAYOUT_REGION_SECTOR;
      region.radius = radius;
      region.start_angle = -G_PI / 2 + start_slot * step;
      region.end_angle = -G_PI / 2 + slot * step;
      middle = (region.start_angle + region.end_angle) / 2;
      region.x = -radius;
      region.y = -radius;
      region.width = region.height = 2 * radius;
      region.label_x = (radius + 1.5 * SPACING) * cos (middle);
      region.label_y = (radius + 1.5 * SPACING) * sin (middle);
      region.label = add_label (self, type >= 0 && (guint) type < info->n_values
                                        ? _(info->labels[type])
                                        : _("Type not set"));
      g_array_append_val (self->regions, region);

      if (n_groups > 1)
        slot++;
    }
}

static void
collect_edges (MlLayout  *self,
               MlProject *project)
{
  g_autoptr(GPtrArray) relations = ml_project_collect (project, ML_KIND_RELATION);

  for (guint i = 0; i < relations->len; i++)
    {
      MlElement *relation = g_ptr_array_index (relations, i);
      MlElement *from = ml_project_lookup (project,
                                           ml_element_get_string (relation, ML_RELATION_FROM));
      MlElement *to = ml_project_lookup (project, ml_element_get_string (relation, ML_RELATION_TO));
      double strength = 2.0;
      Edge edge;

      /* Dangling or self relations are invalid; skip them rather than fail the drawing. */
      if (from == NULL || to == NULL || from == to ||
          !ml_layout_lookup (self, from, &edge.a) || !ml_layout_lookup (self, to, &edge.b))
        continue;

      if (ml_element_has_value (relation, ML_RELATION_STRENGTH))
        strength = ml_element_get_number (relation, ML_RELATION_STRENGTH);
      if (!isfinite (strength))
        strength = 2.0;
      edge.weight = CLAMP (strength, 1.0, 3.0) / 2.0;
      g_array_append_val (self->edges, edge);
    }
}

static void
layout_force_initial (MlLayout *self,
                      guint32   seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n = get_n (self);
  /* About one node per square unit, the density the forces settle at. */
  double side = MAX (1.0, sqrt (n)) * K;

  for (guint i = 0; i < n; i++)
    {
      self->x[i] = g_rand_double_range (rand, -side / 2, side / 2);
      self->y[i] = g_rand_double_range (rand, -side / 2, side / 2);
    }

  self->dx = g_new0 (double, MAX (n, 1));
  self->dy = g_new0 (double, MAX (n, 1));
  self->cell_items = g_new0 (guint, MAX (n, 1));
  self->cell_of = g_new0 (guint, MAX (n, 1));
  self->sx = g_new0 (double, MAX (n, 1));
  self->sy = g_new0 (double, MAX (n, 1));
  self->sdx = g_new0 (double, MAX (n, 1));
  self->sdy = g_new0 (double, MAX (n, 1));
  self->initial_temperature = 0.1 * side + K;
  self->temperature = self->initial_temperature;
}

/* The repulsion between the nodes at positions p and q of the cell order, added to both.
 * RK²/d, faded to nothing at the cutoff: along the unit vector that is
 * (ddx, ddy)·RK²·(1/d² − 1/cutoff²), with no square root.
 */
static inline void
repel_pair (MlLayout *self,
            guint     p,
            guint     q)
{
  double ddx = self->sx[p] - self->sx[q];
  double ddy = self->sy[p] - self->sy[q];
  double d2 = ddx * ddx + ddy * ddy;
  double factor;

  if (d2 >= CUTOFF * CUTOFF)
    return;

  if (d2 < MIN_DISTANCE * MIN_DISTANCE)
    {
      /* Coincident nodes: push apart along a direction fixed by the pair, so that the
       * result is deterministic and the two go opposite ways.
       */
      guint i = self->cell_items[p];
      guint j = self->cell_items[q];
      double angle = (MIN (i, j) * 7 + MAX (i, j) * 13) * GOLDEN_ANGLE;
      double sign = i < j ? 1.0 : -1.0;

      ddx = sign * MIN_DISTANCE * cos (angle);
      ddy = sign * MIN_DISTANCE * sin (angle);
      d2 = MIN_DISTANCE * MIN_DISTANCE;
    }

  factor = REPULSION * K * K * (1.0 / d2 - 1.0 / (CUTOFF * CUTOFF));
  self->sdx[p] += ddx * factor;
  self->sdy[p] += ddy * factor;
  self->sdx[q] -= ddx * factor;
  self->sdy[q] -= ddy * factor;
}

/* Buckets the nodes in a grid of cells the size of the cutoff and adds the repulsion of every
 * pair within the cutoff to dx, dy. Each pair is visited once: a cell meets itself and the
 * four neighbours after it (right, and the three below). Positions are copied in cell order
 * first, so the inner loops read memory in sequence.
 */
static void
compute_repulsion (MlLayout *self)
{
  guint n = get_n (self);
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double cell_size = CUTOFF;
  guint columns, rows, n_cells;

  for (guint i = 0; i < n; i++)
    {
      min_x = MIN (min_x, self->x[i]);
      min_y = MIN (min_y, self->y[i]);
      max_x = MAX (max_x, self->x[i]);
      max_y = MAX (max_y, self->y[i]);
    }

  /* Far-flung nodes (placed by hand, say) must not make the grid huge: beyond 4n cells,
   * grow the cells instead. Repulsion still checks the true distance, so this costs time on
   * dense areas, never correctness.
   */
  while (((max_x - min_x) / cell_size + 1) * ((max_y - min_y) / cell_size + 1) > 4.0 * n + 16)
    cell_size *= 2;
  columns = (guint) ((max_x - min_x) / cell_size) + 1;
  rows = (guint) ((max_y - min_y) / cell_size) + 1;
  n_cells = columns * rows;

  if (n_cells + 1 > self->n_cells_allocated)
    {
      g_free (self->cell_start);
      g_free (self->cell_fill);
      self->n_cells_allocated = n_cells + 1;
      self->cell_start = g_new (guint, self->n_cells_allocated);
      self->cell_fill = g_new (guint, self->n_cells_allocated);
    }
  memset (self->cell_start, 0, (n_cells + 1) * sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      guint column = MIN (columns - 1, (guint) ((self->x[i] - min_x) / cell_size));
      guint row = MIN (rows - 1, (guint) ((self->y[i] - min_y) / cell_size));

      self->cell_of[i] = row * columns + column;
      self->cell_start[self->cell_of[i] + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    self->cell_start[c + 1] += self->cell_start[c];
  memcpy (self->cell_fill, self->cell_start, n_cells * sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      guint p = self->cell_fill[self->cell_of[i]]++;

      self->cell_items[p] = i;
      self->sx[p] = self->x[i];
      self->sy[p] = self->y[i];
      self->sdx[p] = 0.0;
      self->sdy[p] = 0.0;
    }

  for (guint row = 0; row < rows; row++)
    for (guint column = 0; column < columns; column++)
      {
        guint cell = row * columns + column;
        guint begin = self->cell_start[cell];
        guint end = self->cell_start[cell + 1];
        guint neighbours[4];
        guint n_neighbours = 0;

        if (begin == end)
          continue;

        if (column + 1 < columns)
          neighbours[n_neighbours++] = cell + 1;
        if (row + 1 < rows)
          {
            if (column > 0)
              neighbours[n_neighbours++] = cell + columns - 1;
            neighbours[n_neighbours++] = cell + columns;
            if (column + 1 < columns)
              neighbours[n_neighbours++] = cell + columns + 1;
          }

        for (guint p = begin; p < end; p++)
          {
            for (guint q = p + 1; q < end; q++)
              repel_pair (self, p, q);
            for (guint k = 0; k < n_neighbours; k++)
              for (guint q = self->cell_start[neighbours[k]];
                   q < self->cell_start[neighbours[k] + 1]; q++)
                repel_pair (self, p, q);
          }
      }

  for (guint p = 0; p < n; p++)
    {
      self->dx[self->cell_items[p]] += self->sdx[p];
      self->dy[self->cell_items[p]] += self->sdy[p];
    }
}

static gboolean
step_force (MlLayout *self)
{
  guint n = get_n (self);
  double max_move = 0.0;

  if (self->converged || n == 0)
    return FALSE;

  memset (self->dx, 0, n * sizeof (double));
  memset (self->dy, 0, n * sizeof (double));

  compute_repulsion (self);

  for (guint e = 0; e < self->edges->len; e++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, e);
      double ddx = self->x[edge->a] - self->x[edge->b];
      double ddy = self->y[edge->a] - self->y[edge->b];
      /* d²/K along the unit vector is d·(ddx, ddy)/K. */
      double factor = sqrt (ddx * ddx + ddy * ddy) / K * edge->weight;

      self->dx[edge->a] -= ddx * factor;
      self->dy[edge->a] -= ddy * factor;
      self->dx[edge->b] += ddx * factor;
      self->dy[edge->b] += ddy * factor;
    }

  for (guint i = 0; i < n; i++)
    {
      double length;
      double move;

      if (self->pinned[i])
        continue;

      self->dx[i] -= GRAVITY * self->x[i];
      self->dy[i] -= GRAVITY * self->y[i];

      length = sqrt (self->dx[i] * self->dx[i] + self->dy[i] * self->dy[i]);
      if (!(length > 0.0) || !isfinite (length))
        continue;

      move = MIN (length, self->temperature);
      self->x[i] += self->dx[i] / length * move;
      self->y[i] += self->dy[i] / length * move;
      max_move = MAX (max_move, move);
    }

  self->temperature *= COOLING;
  if (max_move < THRESHOLD)
    self->converged = TRUE;

  return !self->converged;
}

/**
 * ml_layout_new:
 * @project: a project
 * @kind: how to arrange the stakeholders
 * @seed: the seed of the force layout's initial positions; ignored by the other kinds
 *
 * Returns: (transfer full): the layout of the stakeholders of @project
 */
MlLayout *
ml_layout_new (MlProject    *project,
               MlLayoutKind  kind,
               guint32       seed)
{
  return ml_layout_new_filtered (project, kind, seed, NULL, NULL);
}

/**
 * ml_layout_new_filtered:
 * @filter: (nullable): which stakeholders to lay out; the others, and their relations, are left
 *   out as if they were not in the project
 *
 * Returns: (transfer full): the layout of the stakeholders of @project that @filter keeps
 */
MlLayout *
ml_layout_new_filtered (MlProject      *project,
                        MlLayoutKind    kind,
                        guint32         seed,
                        MlLayoutFilter  filter,
                        gpointer        user_data)
{
  MlLayout *self;
  guint n;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (kind <= ML_LAYOUT_TYPE_CIRCLE, NULL);

  self = g_new0 (MlLayout, 1);
  self->kind = kind;
  self->nodes = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  for (guint i = self->nodes->len; filter != NULL && i-- > 0;)
    if (!filter (g_ptr_array_index (self->nodes, i), user_data))
      g_ptr_array_remove_index (self->nodes, i);
  self->indices = g_hash_table_new (NULL, NULL);
  n = get_n (self);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->indices, g_ptr_array_index (self->nodes, i),
                         GUINT_TO_POINTER (i + 1));
  self->x = g_new0 (double, MAX (n, 1));
  self->y = g_new0 (double, MAX (n, 1));
  self->pinned = g_new0 (gboolean, MAX (n, 1));
  self->edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  self->regions = g_array_new (FALSE, TRUE, sizeof (MlLayoutRegion));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  /* Only the force layout moves; the others are final from the start. */
  self->converged = kind != ML_LAYOUT_FORCE;

  switch (kind)
    {
    case ML_LAYOUT_FORCE:
      collect_edges (self, project);
      layout_force_initial (self, seed);
      break;
    case ML_LAYOUT_POWER_INTEREST:
      layout_power_interest (self);
      break;
    case ML_LAYOUT_LEVEL_BANDS:
      layout_level_bands (self);
      break;
    case ML_LAYOUT_TYPE_CIRCLE:
      layout_type_circle (self);
      break;
    default:
      g_assert_not_reached ();
    }

  return self;
}

void
ml_layout_free (MlLayout *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->nodes);
  g_hash_table_unref (self->indices);
  g_free (self->x);
  g_free (self->y);
  g_free (self->pinned);
  g_array_unref (self->edges);
  g_array_unref (self->regions);
  g_ptr_array_unref (self->labels);
  g_free (self->dx);
  g_free (self->dy);
  g_free (self->cell_start);
  g_free (self->cell_fill);
  g_free (self->cell_of);
  g_free (self->cell_items);
  g_free (self->sx);
  g_free (self->sy);
  g_free (self->sdx);
  g_free (self->sdy);
  g_free (self);
}

MlLayoutKind
ml_layout_get_kind (MlLayout *self)
{
  g_return_val_if_fail (self != NULL, ML_LAYOUT_FORCE);

  return self->kind;
}

guint
ml_layout_get_n_nodes (MlLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return get_n (self);
}

/**
 * ml_layout_get_node:
 *
 * Returns: (transfer none): the stakeholder at @index, in document order
 */
MlElement *
ml_layout_get_node (MlLayout *self,
                    guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < get_n (self), NULL);

  return g_ptr_array_index (self->nodes, index);
}

/**
 * ml_layout_lookup:
 * @index: (out) (optional): the index of @stakeholder
 *
 * Returns: whether @stakeholder is a node of the layout
 */
gboolean
ml_layout_lookup (MlLayout  *self,
                  MlElement *stakeholder,
                  guint     *index)
{
  guint position;

  g_return_val_if_fail (self != NULL, FALSE);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->indices, stakeholder));
  if (position == 0)
    return FALSE;
  if (index != NULL)
    *index = position - 1;

  return TRUE;
}

void
ml_layout_get_position (MlLayout *self,
                        guint     index,
                        double   *x,
                        double   *y)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < get_n (self));

  if (x != NULL)
    *x = self->x[index];
  if (y != NULL)
    *y = self->y[index];
}

/**
 * ml_layout_set_position:
 *
 * Moves a node, typically where the user dragged it. The force layout does not restart by
 * itself: call ml_layout_reheat() for the others to make room.
 */
void
ml_layout_set_position (MlLayout  *self,
                        MlElement *stakeholder,
                        double     x,
                        double     y)
{
  guint index;

  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (x) && isfinite (y));

  if (!ml_layout_lookup (self, stakeholder, &index))
    g_return_if_reached ();

  self->x[index] = x;
  self->y[index] = y;
}

/**
 * ml_layout_set_pinned:
 *
 * A pinned node never moves under the force layout, but still pushes and pulls the others.
 */
void
ml_layout_set_pinned (MlLayout  *self,
                      MlElement *stakeholder,
                      gboolean   pinned)
{
  guint index;

  g_return_if_fail (self != NULL);

  if (!ml_layout_lookup (self, stakeholder, &index))
    g_return_if_reached ();

  self->pinned[index] = !!pinned;
}

gboolean
ml_layout_get_pinned (MlLayout *self,
                      guint     index)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < get_n (self), FALSE);

  return self->pinned[index];
}

/**
 * ml_layout_step:
 *
 * One iteration of the force layout, cheap enough to call once per frame.
 *
 * Returns: FALSE when the layout has converged (or is not a force layout): further steps
 *   would change nothing
 */
gboolean
ml_layout_step (MlLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->kind != ML_LAYOUT_FORCE)
    return FALSE;

  return step_force (self);
}

/**
 * ml_layout_run:
 * @max_iterations: a bound on the iterations; the cooling makes any graph converge within
 *   a few hundred
 *
 * Returns: the number of iterations done
 */
guint
ml_layout_run (MlLayout *self,
               guint     max_iterations)
{
  guint iterations = 0;

  g_return_val_if_fail (self != NULL, 0);

  while (iterations < max_iterations && ml_layout_step (self))
    iterations++;

  return iterations;
}

/**
 * ml_layout_reheat:
 *
 * Lets a converged force layout move again, less than at first, e.g. after the user moved or
 * pinned nodes.
 */
void
ml_layout_reheat (MlLayout *self)
{
  g_return_if_fail (self != NULL);

  if (self->kind != ML_LAYOUT_FORCE)
    return;

  self->temperature = MAX (self->temperature, self->initial_temperature / 4);
  self->converged = FALSE;
}

/**
 * ml_layout_get_bounds:
 *
 * The smallest rectangle holding every node and region, for a renderer to scale to its
 * viewport. Empty layouts have an empty rectangle at the origin.
 */
void
ml_layout_get_bounds (MlLayout *self,
                      double   *x,
                      double   *y,
                      double   *width,
                      double   *height)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < get_n (self); i++)
    {
      min_x = MIN (min_x, self->x[i]);
      min_y = MIN (min_y, self->y[i]);
      max_x = MAX (max_x, self->x[i]);
      max_y = MAX (max_y, self->y[i]);
    }
  for (guint r = 0; r < self->regions->len; r++)
    {
      const MlLayoutRegion *region = &g_array_index (self->regions, MlLayoutRegion, r);

      min_x = MIN (min_x, region->x);
      min_y = MIN (min_y, region->y);
      max_x = MAX (max_x, region->x + region->width);
      max_y = MAX (max_y, region->y + region->height);
    }
  if (min_x > max_x)
    min_x = min_y = max_x = max_y = 0.0;

  if (x != NULL)
    *x = min_x;
  if (y != NULL)
    *y = min_y;
  if (width != NULL)
    *width = max_x - min_x;
  if (height != NULL)
    *height = max_y - min_y;
}

guint
ml_layout_get_n_regions (MlLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->regions->len;
}

/**
 * ml_layout_get_region:
 *
 * Returns: (transfer none): a region to draw behind the nodes: the four quadrants of the
 *   power–interest grid (in the order keep satisfied, manage closely, monitor, keep
 *   informed), the level bands from top to bottom, or the type sectors clockwise from the top
 */
const MlLayoutRegion *
ml_layout_get_region (MlLayout *self,
                      guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return &g_array_index (self->regions, MlLayoutRegion, index);
}
