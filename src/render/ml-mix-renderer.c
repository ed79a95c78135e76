/* ml-mix-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-mix-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-element.h"
#include "ml-mix-renderer.h"

/* The strongest shade, for the cell with the largest budget: light enough for dark text. */
#define MAX_SHADE 0.45
#define MIN_SHADE 0.12

typedef struct
{
  double x, y, width, height;
} Rect;

/* Where everything goes: computed once per draw from the size and the type sizes. */
typedef struct
{
  double margin;
  double padding;
  double header_width;   /* the column of side names */
  double header_height;  /* the row of stage names */
  double caption_height; /* the line under the grid that says what the shade means */
  double cell_width;
  double cell_height;
  double chip_height;
  double chip_gap;
  double budget_height;
} Grid;

typedef struct
{
  const char *currency;  /* owned by the mix; NULL is a currency of its own */
  gboolean    found;
  double      max_amount;
} Scale;

static const char *
get_side_label (MlSide side)
{
  switch (side)
    {
    case ML_SIDE_SUPPLY:
      return _("Supply");
    case ML_SIDE_DEMAND:
      return _("Demand");
    case ML_SIDE_REGULATORY:
      return _("Regulatory");
    case ML_SIDE_SYSTEMIC:
    default:
      return _("Systemic");
    }
}

static const char *
get_stage_label (MlStage stage)
{
  switch (stage)
    {
    case ML_STAGE_RESEARCH:
      return _("Research");
    case ML_STAGE_DEVELOPMENT:
      return _("Development");
    case ML_STAGE_DEMONSTRATION:
      return _("Demonstration");
    case ML_STAGE_DEPLOYMENT:
      return _("Deployment");
    case ML_STAGE_DIFFUSION:
    default:
      return _("Diffusion");
    }
}

static double
get_text_width (PangoLayout *layout,
                const char  *text)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

static void
compute_grid (const MlStyle *style,
              PangoLayout   *header_layout,
              double         width,
              double         height,
              Grid          *grid)
{
  double widest = 0;

  g_assert (style != NULL && grid != NULL);

  for (guint side = 0; side < ML_N_SIDES; side++)
    widest = MAX (widest, get_text_width (header_layout, get_side_label (side)));

  grid->margin = style->font_size;
  grid->padding = style->font_size * 0.5;
  grid->header_width = MIN (widest + 2 * grid->padding, width * 0.25);
  grid->header_height = style->font_size * 2.2;
  grid->caption_height = style->small_font_size * 2;
  grid->cell_width = MAX (0, (width - 2 * grid->margin - grid->header_width) / ML_N_STAGES);
  grid->cell_height = MAX (0, (height - 2 * grid->margin - grid->header_height
                               - grid->caption_height) / ML_N_SIDES);
  grid->chip_height = style->small_font_size * 1.6;
  grid->chip_gap = grid->padding * 0.5;
  grid->budget_height = style->small_font_size * 1.5;
}

static Rect
get_cell_rect (const Grid *grid,
               MlSide      side,
               MlStage     stage)
{
  Rect rect = {
    grid->margin + grid->header_width + stage * grid->cell_width,
    grid->margin + grid->header_height + side * grid->cell_height,
    grid->cell_width,
    grid->cell_height,
  };

  return rect;
}

/* The currency most instruments are budgeted in sets the scale of the shading, since amounts
 * in different currencies cannot be compared; its largest cell is the darkest.
 */
static Scale
find_scale (MlPolicyMix *mix)
{
  GArray *totals = ml_policy_mix_get_totals (mix);
  Scale scale = { NULL, FALSE, 0 };
  guint most = 0;

  for (guint i = 0; totals != NULL && i < totals->len; i++)
    {
      const MlBudget *total = &g_array_index (totals, MlBudget, i);

      if (!scale.found || total->n_items > most)
        {
          scale.currency = total->currency;
          scale.found = TRUE;
          most = total->n_items;
        }
    }

  for (guint side = 0; scale.found && side < ML_N_SIDES; side++)
    for (guint stage = 0; stage < ML_N_STAGES; stage++)
      {
        GArray *budgets = ml_policy_mix_get_budgets (mix, side, stage);

        for (guint i = 0; i < budgets->len; i++)
          {
            const MlBudget *b = &g_array_index (budgets, MlBudget, i);

            if (g_strcmp0 (b->currency, scale.currency) == 0)
              scale.max_amount = MAX (scale.max_amount, b->amount);
          }
      }

  return scale;
}

static double
get_share (const Scale *scale,
           GArray      *budgets)
{
  for (guint i = 0; scale->found && scale->max_amount > 0 && i < budgets->len; i++)
    {
      const MlBudget *b = &g_array_index (budgets, MlBudget, i);

      if (g_strcmp0 (b->currency, scale->currency) == 0)
        return b->amount / scale->max_amount;
    }

  return 0;
}

static char *
format_amount (const char *currency,
               double      amount)
{
  const char *prefix = currency != NULL ? currency : "";
  const char *space = currency != NULL ? " " : "";

  if (fabs (amount) >= 1e9)
    return g_strdup_printf (_("%s%s%.1f bn"), prefix, space, amount / 1e9);
  if (fabs (amount) >= 1e6)
    return g_strdup_printf (_("%s%s%.1f M"), prefix, space, amount / 1e6);
  if (fabs (amount) >= 1e4)
    return g_strdup_printf (_("%s%s%.0f k"), prefix, space, amount / 1e3);

  return g_strdup_printf ("%s%s%.0f", prefix, space, amount);
}

/* A chip is a pill: a rectangle whose short sides are half circles. */
static void
pill (cairo_t *cr,
      double   x,
      double   y,
      double   width,
      double   height)
{
  double radius = MIN (width, height) / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + height / 2, radius, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, x + radius, y + height / 2, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_chip (cairo_t       *cr,
           const MlStyle *style,
           PangoLayout   *layout,
           const Grid    *grid,
           const char    *text,
           double         x,
           double         y,
           double         width,
           gboolean       more)
{
  double inset = grid->chip_height * 0.4;

  pill (cr, x, y, width, grid->chip_height);
  ml_style_set_source (cr, more ? &style->lane : &style->background);
  cairo_fill_preserve (cr);
  ml_style_set_source (cr, more ? &style->dim : &style->accent);
  cairo_set_line_width (cr, style->line_width);
  cairo_stroke (cr);
  ml_style_show_text (cr, layout, text, x + inset, y + grid->chip_height / 2, width - 2 * inset,
                      more ? &style->dim : &style->foreground);
}

/* An empty cell is a gap in the mix: hatched, and said in words, in the warning colour. */
static void
draw_gap (cairo_t       *cr,
          const MlStyle *style,
          PangoLayout   *layout,
          const Grid    *grid,
          const Rect    *cell)
{
  double step = style->font_size;
  MlColor hatch = style->critical;

  cairo_save (cr);
  cairo_rectangle (cr, cell->x, cell->y, cell->width, cell->height);
  cairo_clip (cr);
  hatch.alpha = 0.25;
  ml_style_set_source (cr, &hatch);
  cairo_set_line_width (cr, style->line_width);
  for (double d = -cell->height; d < cell->width; d += step)
    {
      cairo_move_to (cr, cell->x + d, cell->y + cell->height);
      cairo_line_to (cr, cell->x + d + cell->height, cell->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  ml_style_show_text (cr, layout, _("No instrument"), cell->x + grid->padding,
                      cell->y + cell->height / 2, cell->width - 2 * grid->padding, &style->critical);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
}

static void
draw_budgets (cairo_t       *cr,
              const MlStyle *style,
              PangoLayout   *layout,
              const Grid    *grid,
              const Rect    *cell,
              GArray        *budgets)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < budgets->len; i++)
    {
      const MlBudget *b = &g_array_index (budgets, MlBudget, i);
      g_autofree char *amount = format_amount (b->currency, b->amount);

      g_string_append_printf (text, "%s%s", i > 0 ? " · " : "", amount);
    }

  ml_style_show_text (cr, layout, text->str, cell->x + grid->padding,
                      cell->y + cell->height - grid->padding - grid->budget_height / 2,
                      cell->width - 2 * grid->padding, &style->foreground);
}

static void
draw_cell (cairo_t       *cr,
           const MlStyle *style,
           PangoLayout   *chip_layout,
           PangoLayout   *gap_layout,
           const Grid    *grid,
           const Scale   *scale,
           MlPolicyMix   *mix,
           MlSide         side,
           MlStage        stage)
{
  GPtrArray *instruments = ml_policy_mix_get_instruments (mix, side, stage);
  GArray *budgets = ml_policy_mix_get_budgets (mix, side, stage);
  Rect cell = get_cell_rect (grid, side, stage);
  double share = get_share (scale, budgets);
  double chips_height, chip_width, y;
  guint n_fit, n_shown;

  if (share > 0)
    {
      MlColor shade = ml_color_mix (&style->background, &style->accent,
                                    MIN_SHADE + (MAX_SHADE - MIN_SHADE) * share);

      cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
      ml_style_set_source (cr, &shade);
      cairo_fill (cr);
    }

  if (instruments->len == 0)
    draw_gap (cr, style, gap_layout, grid, &cell);

  chips_height = cell.height - 2 * grid->padding
                 - (budgets->len > 0 ? grid->budget_height + grid->chip_gap : 0);
  n_fit = (guint) MAX (0, floor ((chips_height + grid->chip_gap)
                                 / (grid->chip_height + grid->chip_gap)));
  n_shown = instruments->len <= n_fit ? instruments->len : (n_fit > 0 ? n_fit - 1 : 0);
  chip_width = cell.width - 2 * grid->padding;
  y = cell.y + grid->padding;

  for (guint i = 0; i < n_shown; i++)
    {
      MlElement *instrument = g_ptr_array_index (instruments, i);

      draw_chip (cr, style, chip_layout, grid, ml_element_get_label (instrument),
                 cell.x + grid->padding, y, chip_width, FALSE);
      y += grid->chip_height + grid->chip_gap;
    }
  if (n_shown < instruments->len && n_fit > 0)
    {
      g_autofree char *more = g_strdup_printf (_("+%u more"), instruments->len - n_shown);

      draw_chip (cr, style, chip_layout, grid, more, cell.x + grid->padding, y, chip_width, TRUE);
    }

  if (budgets->len > 0)
    draw_budgets (cr, style, chip_layout, grid, &cell, budgets);
}

static void
draw_headers (cairo_t       *cr,
              const MlStyle *style,
              PangoLayout   *layout,
              const Grid    *grid)
{
  for (guint stage = 0; stage < ML_N_STAGES; stage++)
    {
      Rect cell = get_cell_rect (grid, 0, stage);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      ml_style_show_text (cr, layout, get_stage_label (stage), cell.x + grid->padding,
                          grid->margin + grid->header_height / 2, cell.width - 2 * grid->padding,
                          &style->foreground);
    }
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  for (guint side = 0; side < ML_N_SIDES; side++)
    {
      Rect cell = get_cell_rect (grid, side, 0);

      ml_style_show_text (cr, layout, get_side_label (side), grid->margin + grid->padding,
                          cell.y + cell.height / 2, grid->header_width - 2 * grid->padding,
                          &style->foreground);
    }
}

static void
draw_lines (cairo_t       *cr,
            const MlStyle *style,
            const Grid    *grid)
{
  double left = grid->margin + grid->header_width;
  double top = grid->margin + grid->header_height;

  ml_style_set_source (cr, &style->grid);
  cairo_set_line_width (cr, style->line_width);
  for (guint stage = 0; stage <= ML_N_STAGES; stage++)
    {
      cairo_move_to (cr, left + stage * grid->cell_width, grid->margin);
      cairo_line_to (cr, left + stage * grid->cell_width, top + ML_N_SIDES * grid->cell_height);
    }
  for (guint side = 0; side <= ML_N_SIDES; side++)
    {
      cairo_move_to (cr, grid->margin, top + side * grid->cell_height);
      cairo_line_to (cr, left + ML_N_STAGES * grid->cell_width, top + side * grid->cell_height);
    }
  cairo_stroke (cr);
}

static void
draw_caption (cairo_t       *cr,
              const MlStyle *style,
              PangoLayout   *layout,
              const Grid    *grid,
              const Scale   *scale,
              double         width,
              double         height)
{
  g_autofree char *text = NULL;

  if (!scale->found || scale->max_amount <= 0)
    return;

  text = g_strdup_printf (_("Shade: budget in %s relative to the largest cell; other currencies are not compared"),
                          scale->currency != NULL ? scale->currency : _("no currency"));
  ml_style_show_text (cr, layout, text, grid->margin, height - grid->margin - grid->caption_height / 2,
                      width - 2 * grid->margin, &style->dim);
}

/**
 * ml_mix_renderer_draw:
 * @mix: the policy mix of a project
 * @style: how to draw
 * @cr: where to draw, with the matrix's top-left corner at the origin
 * @width: the width to fill, in the unit of @cr
 * @height: the height to fill
 *
 * Draws the policy-mix matrix: the four sides down, the five stages across, each cell shaded
 * by its budget in the most-used currency relative to the largest cell in that currency, its
 * instruments as chips ("+N more" when they do not fit), its budget per currency at the
 * bottom, and a cell without instruments hatched and marked as a gap.
 */
void
ml_mix_renderer_draw (MlPolicyMix   *mix,
                      const MlStyle *style,
                      cairo_t       *cr,
                      double         width,
                      double         height)
{
  PangoContext *context;
  g_autoptr(PangoLayout) header_layout = NULL;
  g_autoptr(PangoLayout) chip_layout = NULL;
  g_autoptr(PangoLayout) gap_layout = NULL;
  Grid grid;
  Scale scale;

  g_return_if_fail (mix != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  context = ml_style_create_pango_context ();
  header_layout = ml_style_create_layout (context, style->font_family, style->font_size,
                                          PANGO_WEIGHT_BOLD);
  chip_layout = ml_style_create_layout (context, style->font_family, style->small_font_size,
                                        PANGO_WEIGHT_NORMAL);
  gap_layout = ml_style_create_layout (context, style->font_family, style->font_size,
                                       PANGO_WEIGHT_BOLD);
  /* The layouts keep the context alive. */
  g_object_unref (context);

  compute_grid (style, header_layout, width, height, &grid);
  scale = find_scale (mix);

  cairo_save (cr);
  ml_style_set_source (cr, &style->background);
  cairo_paint (cr);

  for (guint side = 0; side < ML_N_SIDES; side++)
    for (guint stage = 0; stage < ML_N_STAGES; stage++)
      draw_cell (cr, style, chip_layout, gap_layout, &grid, &scale, mix, side, stage);

  draw_lines (cr, style, &grid);
  draw_headers (cr, style, header_layout, &grid);
  draw_caption (cr, style, chip_layout, &grid, &scale, width, height);
  cairo_restore (cr);
}
