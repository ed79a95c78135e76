/* ml-mix-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-mix-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ml-element.h"
#include "ml-mix-renderer.h"

/* The strongest shade, for the cell with the largest budget: light enough for dark text. */
#define MAX_SHADE 0.45
#define MIN_SHADE 0.12

/* Chips leave out the words all names of their cell start with, when there are this many. */
#define MIN_SHARED_WORDS 2

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
  gboolean upright;      /* side names read upwards, in a narrow column */
  double header_height;  /* the row of stage names */
  double caption_height; /* the line under the grid that says what the shade means */
  double cell_width;
  double cell_height;
  double chip_height;
  double chip_line;      /* what a second line of text adds to a chip */
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

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* Shows @text on one line of @layout, in a smaller font if that makes it fit into @width,
 * down to @min_size pixels; what still does not fit is elided. The layout keeps its font.
 */
static void
show_shrunk_text (cairo_t       *cr,
                  PangoLayout   *layout,
                  const char    *text,
                  double         min_size,
                  double         x,
                  double         center_y,
                  double         width,
                  const MlColor *color)
{
  PangoFontDescription *original =
    pango_font_description_copy (pango_layout_get_font_description (layout));
  PangoFontDescription *font = pango_font_description_copy (original);
  double size = (double) pango_font_description_get_size (original) / PANGO_SCALE;
  double natural = get_text_width (layout, text);

  if (natural > width && natural > 0)
    {
      pango_font_description_set_absolute_size (font, MAX (min_size, size * width / natural) *
                                                        PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
    }
  ml_style_show_text (cr, layout, text, x, center_y, width, color);
  pango_layout_set_font_description (layout, original);
  pango_font_description_free (font);
  pango_font_description_free (original);
}

/* The smallest type the names in the headers may shrink to: a little under the small font,
 * 20 pixels in the projector style, the least that reads from the back of a room.
 */
static double
get_min_header_size (const MlStyle *style)
{
  return style->small_font_size * 10 / 11;
}

/* Shows @text on one line of @layout when it fits into @width, else on up to two lines of
 * @wrapped, a smaller font: stage names and gaps in narrow cells stay whole words.
 */
static void
show_fitted_text (cairo_t       *cr,
                  PangoLayout   *layout,
                  PangoLayout   *wrapped,
                  const char    *text,
                  double         x,
                  double         center_y,
                  double         width,
                  const MlColor *color)
{
  ml_style_show_text (cr, get_text_width (layout, text) <= width ? layout : wrapped, text, x,
                      center_y, width, color);
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
  /* Where the names would take a sixth of the width, as in large type on a small screen,
   * they read upwards and leave the cells room for the instruments' names.
   */
  grid->upright = grid->header_width > width / 6;
  if (grid->upright)
    grid->header_width = style->font_size * 1.4 + 2 * grid->padding;
  grid->header_height = style->font_size * 2.2;
  grid->caption_height = style->small_font_size * 2;
  grid->cell_width = MAX (0, (width - 2 * grid->margin - grid->header_width) / ML_N_STAGES);
  grid->cell_height = MAX (0, (height - 2 * grid->margin - grid->header_height
                               - grid->caption_height) / ML_N_SIDES);
  grid->chip_height = style->small_font_size * 1.6;
  grid->chip_line = style->small_font_size * 1.2;
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

typedef enum
{
  CHIP_PLAIN,
  CHIP_SELECTED,  /* filled with the accent colour, in every cell the instrument is in */
  CHIP_MORE,      /* "+N more" */
} ChipKind;

static void
draw_chip (cairo_t       *cr,
           const MlStyle *style,
           PangoLayout   *layout,
           const Grid    *grid,
           const char    *text,
           double         x,
           double         y,
           double         width,
           double         height,
           ChipKind       kind)
{
  double inset = grid->chip_height * 0.4;
  const MlColor *fill = kind == CHIP_MORE ? &style->lane
                        : kind == CHIP_SELECTED ? &style->accent : &style->background;
  const MlColor *line = kind == CHIP_MORE ? &style->dim : &style->accent;
  const MlColor *ink = kind == CHIP_MORE ? &style->dim
                       : kind == CHIP_SELECTED ? &style->background : &style->foreground;

  pill (cr, x, y, width, height);
  ml_style_set_source (cr, fill);
  cairo_fill_preserve (cr);
  ml_style_set_source (cr, line);
  cairo_set_line_width (cr, style->line_width * (kind == CHIP_SELECTED ? 2 : 1));
  cairo_stroke (cr);
  ml_style_show_text (cr, layout, text, x + inset, y + height / 2, width - 2 * inset, ink);
}

/* An empty cell is a gap in the mix: hatched, and said in words, in the warning colour. */
static void
draw_gap (cairo_t       *cr,
          const MlStyle *style,
          PangoLayout   *layout,
          PangoLayout   *wrapped,
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
  pango_layout_set_alignment (wrapped, PANGO_ALIGN_CENTER);
  show_fitted_text (cr, layout, wrapped, _("No instrument"), cell->x + grid->padding / 2,
                    cell->y + cell->height / 2, cell->width - grid->padding, &style->critical);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_alignment (wrapped, PANGO_ALIGN_LEFT);
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

/* How many chips a cell shows: all of its instruments when they fit, else as many as fit less
 * one, the last place going to a "+N more" chip.
 */
typedef struct
{
  double x, y, width;   /* of the first chip */
  double height;        /* of each chip */
  gboolean two_lines;   /* whether names take two lines */
  guint  n_shown;       /* instruments shown as their own chip */
  gboolean more;        /* whether a "+N more" chip follows them */
} Chips;

static guint
count_fitting (const Grid *grid,
               double      room,
               double      chip_height)
{
  return (guint) MAX (0, floor ((room + grid->chip_gap) / (chip_height + grid->chip_gap)));
}

/* The bytes of the words that every name of @instruments starts with, when there are at
 * least MIN_SHARED_WORDS of them and every name goes on after them; else 0. */
static gsize
get_shared_prefix (GPtrArray *instruments)
{
  const char *first;
  gsize prefix = 0;
  guint n_words = 0;

  if (instruments->len < 2)
    return 0;

  first = ml_element_get_label (g_ptr_array_index (instruments, 0));
  for (gsize i = 0; first != NULL && first[i] != '\0'; i++)
    {
      gboolean shared = TRUE;

      for (guint k = 1; k < instruments->len && shared; k++)
        {
          const char *name = ml_element_get_label (g_ptr_array_index (instruments, k));

          shared = name != NULL && strncmp (name, first, i + 1) == 0 && name[i + 1] != '\0';
        }
      if (!shared)
        break;
      /* A word ends at a space: the prefix keeps whole words only. */
      if (first[i] == ' ')
        {
          prefix = i + 1;
          n_words++;
        }
    }

  return n_words >= MIN_SHARED_WORDS ? prefix : 0;
}

/**
 * ml_mix_renderer_get_chip_text:
 * @mix: a policy mix
 * @side: a side
 * @stage: a stage
 * @index: the position of an instrument of the cell
 *
 * What a chip shows: the instrument's name, less the words it shares with every other
 * instrument of the cell (“Mission grant: Power-to-X”, “Mission grant: carbon capture” show
 * as “…Power-to-X” and “…carbon capture”), so that narrow chips keep the words that tell
 * them apart.
 *
 * Returns: (transfer full): the text of the chip
 */
char *
ml_mix_renderer_get_chip_text (MlPolicyMix *mix,
                               MlSide       side,
                               MlStage      stage,
                               guint        index)
{
  GPtrArray *instruments = ml_policy_mix_get_instruments (mix, side, stage);
  const char *name;
  gsize prefix;

  g_return_val_if_fail (index < instruments->len, NULL);

  name = ml_element_get_label (g_ptr_array_index (instruments, index));
  prefix = get_shared_prefix (instruments);
  if (name == NULL)
    return g_strdup ("");
  if (prefix == 0)
    return g_strdup (name);

  return g_strconcat ("…", name + prefix, NULL);
}

/* Whether the name of one of @instruments is too long for one line of a chip @width wide. */
static gboolean
has_long_name (const Grid  *grid,
               PangoLayout *layout,
               MlPolicyMix *mix,
               MlSide       side,
               MlStage      stage,
               double       width)
{
  GPtrArray *instruments = ml_policy_mix_get_instruments (mix, side, stage);

  for (guint i = 0; i < instruments->len; i++)
    {
      g_autofree char *text = ml_mix_renderer_get_chip_text (mix, side, stage, i);

      if (get_text_width (layout, text) > width - 2 * grid->chip_height * 0.4)
        return TRUE;
    }

  return FALSE;
}

/* Names too long for a chip take two lines when every chip of the cell still fits, as in a
 * cell of one or two instruments: fewer letters cut off, on a projector above all.
 */
static Chips
arrange_chips (const Grid  *grid,
               PangoLayout *layout,
               const Rect  *cell,
               MlPolicyMix *mix,
               MlSide       side,
               MlStage      stage,
               gboolean     has_budget)
{
  GPtrArray *instruments = ml_policy_mix_get_instruments (mix, side, stage);
  double chips_height = cell->height - 2 * grid->padding
                        - (has_budget ? grid->budget_height + grid->chip_gap : 0);
  guint n_instruments = instruments->len;
  guint n_fit = count_fitting (grid, chips_height, grid->chip_height);
  Chips chips = { cell->x + grid->padding, cell->y + grid->padding,
                  cell->width - 2 * grid->padding, grid->chip_height, FALSE, 0, FALSE };

  if (n_instruments > 0 &&
      count_fitting (grid, chips_height, grid->chip_height + grid->chip_line) >= n_instruments &&
      has_long_name (grid, layout, mix, side, stage, chips.width))
    {
      chips.height = grid->chip_height + grid->chip_line;
      chips.two_lines = TRUE;
      n_fit = n_instruments;
    }
  chips.n_shown = n_instruments <= n_fit ? n_instruments : (n_fit > 0 ? n_fit - 1 : 0);
  chips.more = chips.n_shown < n_instruments && n_fit > 0;

  return chips;
}

static void
draw_cell (cairo_t       *cr,
           const MlStyle *style,
           PangoLayout   *chip_layout,
           PangoLayout   *wrapped_chip_layout,
           PangoLayout   *gap_layout,
           PangoLayout   *wrapped_gap_layout,
           const Grid    *grid,
           const Scale   *scale,
           MlPolicyMix   *mix,
           MlElement     *selected,
           MlSide         side,
           MlStage        stage)
{
  GPtrArray *instruments = ml_policy_mix_get_instruments (mix, side, stage);
  GArray *budgets = ml_policy_mix_get_budgets (mix, side, stage);
  Rect cell = get_cell_rect (grid, side, stage);
  double share = get_share (scale, budgets);
  Chips chips = arrange_chips (grid, chip_layout, &cell, mix, side, stage, budgets->len > 0);
  double y = chips.y;

  if (share > 0)
    {
      MlColor shade = ml_color_mix (&style->background, &style->accent,
                                    MIN_SHADE + (MAX_SHADE - MIN_SHADE) * share);

      cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
      ml_style_set_source (cr, &shade);
      cairo_fill (cr);
    }

  if (instruments->len == 0)
    draw_gap (cr, style, gap_layout, wrapped_gap_layout, grid, &cell);

  for (guint i = 0; i < chips.n_shown; i++)
    {
      MlElement *instrument = g_ptr_array_index (instruments, i);
      g_autofree char *text = ml_mix_renderer_get_chip_text (mix, side, stage, i);

      draw_chip (cr, style, chips.two_lines ? wrapped_chip_layout : chip_layout, grid, text,
                 chips.x, y, chips.width, chips.height,
                 instrument == selected ? CHIP_SELECTED : CHIP_PLAIN);
      y += chips.height + grid->chip_gap;
    }
  if (chips.more)
    {
      g_autofree char *more = g_strdup_printf (_("+%u more"), instruments->len - chips.n_shown);

      draw_chip (cr, style, chip_layout, grid, more, chips.x, y, chips.width, grid->chip_height,
                 CHIP_MORE);
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
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  for (guint stage = 0; stage < ML_N_STAGES; stage++)
    {
      Rect cell = get_cell_rect (grid, 0, stage);

      show_shrunk_text (cr, layout, get_stage_label (stage), get_min_header_size (style),
                        cell.x + grid->padding / 2, grid->margin + grid->header_height / 2,
                        cell.width - grid->padding, &style->foreground);
    }
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  for (guint side = 0; side < ML_N_SIDES; side++)
    {
      Rect cell = get_cell_rect (grid, side, 0);

      if (!grid->upright)
        {
          ml_style_show_text (cr, layout, get_side_label (side), grid->margin + grid->padding,
                              cell.y + cell.height / 2, grid->header_width - 2 * grid->padding,
                              &style->foreground);
          continue;
        }
      /* Turned a quarter to the left about the middle of the column: the text's line runs
       * up the side of the row, centred on it.
       */
      cairo_save (cr);
      cairo_translate (cr, grid->margin + grid->header_width / 2, cell.y + cell.height);
      cairo_rotate (cr, -G_PI / 2);
      pango_cairo_update_layout (cr, layout);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      show_shrunk_text (cr, layout, get_side_label (side), get_min_header_size (style),
                        grid->padding / 2, 0, cell.height - grid->padding, &style->foreground);
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      cairo_restore (cr);
      pango_cairo_update_layout (cr, layout);
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

/* Under the grid: the selected instrument's whole name, which its chips may cut short (on a
 * projector above all), or else what the shade means.
 */
static void
draw_caption (cairo_t       *cr,
              const MlStyle *style,
              PangoLayout   *layout,
              MlPolicyMix   *mix,
              MlElement     *selected,
              const Grid    *grid,
              const Scale   *scale,
              double         width,
              double         height)
{
  g_autofree char *conversion = NULL;
  g_autofree char *text = NULL;
  double y = height - grid->margin - grid->caption_height / 2;

  if (selected != NULL && ml_element_get_label (selected) != NULL)
    {
      text = g_strdup_printf ("%s %s", _("Selected:"), ml_element_get_label (selected));
      ml_style_show_text (cr, layout, text, grid->margin, y, width - 2 * grid->margin,
                          &style->foreground);
      return;
    }
  if (!scale->found || scale->max_amount <= 0)
    return;

  conversion = ml_policy_mix_dup_conversion (mix);
  text = g_strdup_printf (_("Shade: budget in %s relative to the largest cell; other currencies are not compared"),
                          scale->currency != NULL ? scale->currency : _("no currency"));
  if (conversion != NULL)
    {
      char *both = g_strdup_printf ("%s. %s", text, conversion);

      g_free (text);
      text = both;
    }
  ml_style_show_text (cr, layout, text, grid->margin, y, width - 2 * grid->margin, &style->dim);
}

/* The layouts and geometry of one size in one style: what drawing and hit-testing share. */
typedef struct
{
  PangoLayout *header_layout;
  PangoLayout *wrapped_header_layout;  /* two lines of the small font, bold */
  PangoLayout *chip_layout;
  PangoLayout *wrapped_chip_layout;    /* two lines */
  PangoLayout *gap_layout;
  Grid         grid;
} Painter;

static PangoLayout *
create_wrapped_layout (PangoContext  *context,
                       const MlStyle *style,
                       PangoWeight    weight)
{
  PangoLayout *layout = ml_style_create_layout (context, style->font_family,
                                                style->small_font_size, weight);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -2);

  return layout;
}

static void
painter_init (Painter       *painter,
              const MlStyle *style,
              double         width,
              double         height)
{
  PangoContext *context = ml_style_create_pango_context ();

  painter->header_layout = ml_style_create_layout (context, style->font_family, style->font_size,
                                                   PANGO_WEIGHT_BOLD);
  painter->chip_layout = ml_style_create_layout (context, style->font_family,
                                                 style->small_font_size, PANGO_WEIGHT_NORMAL);
  painter->gap_layout = ml_style_create_layout (context, style->font_family, style->font_size,
                                                PANGO_WEIGHT_BOLD);
  painter->wrapped_header_layout = create_wrapped_layout (context, style, PANGO_WEIGHT_BOLD);
  painter->wrapped_chip_layout = create_wrapped_layout (context, style, PANGO_WEIGHT_NORMAL);
  /* The layouts keep the context alive. */
  g_object_unref (context);

  compute_grid (style, painter->header_layout, width, height, &painter->grid);
}

static void
painter_clear (Painter *painter)
{
  g_clear_object (&painter->header_layout);
  g_clear_object (&painter->chip_layout);
  g_clear_object (&painter->gap_layout);
  g_clear_object (&painter->wrapped_header_layout);
  g_clear_object (&painter->wrapped_chip_layout);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Painter, painter_clear)

/**
 * ml_mix_renderer_draw:
 * @mix: the policy mix of a project
 * @style: how to draw
 * @selected: (nullable): an instrument whose chips are drawn selected
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
                      MlElement     *selected,
                      cairo_t       *cr,
                      double         width,
                      double         height)
{
  g_auto(Painter) painter = { NULL };
  Scale scale;

  g_return_if_fail (mix != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  painter_init (&painter, style, width, height);
  scale = find_scale (mix);

  cairo_save (cr);
  ml_style_set_source (cr, &style->background);
  cairo_paint (cr);

  for (guint side = 0; side < ML_N_SIDES; side++)
    for (guint stage = 0; stage < ML_N_STAGES; stage++)
      draw_cell (cr, style, painter.chip_layout, painter.wrapped_chip_layout, painter.gap_layout,
                 painter.wrapped_header_layout, &painter.grid, &scale, mix, selected, side,
                 stage);

  draw_lines (cr, style, &painter.grid);
  draw_headers (cr, style, painter.header_layout, &painter.grid);
  draw_caption (cr, style, painter.chip_layout, mix, selected, &painter.grid, &scale, width,
                height);
  cairo_restore (cr);
}

/**
 * ml_mix_renderer_pick:
 * @mix: the policy mix drawn
 * @style: the style it was drawn in
 * @width: the width it was drawn at
 * @height: the height it was drawn at
 * @x: a point, in the unit of drawing
 * @y: a point
 * @hit: (out): the cell at the point and the instrument of the chip there
 *
 * Finds what ml_mix_renderer_draw() drew at a point with the same size and style. A "+N
 * more" chip and the space between chips have no instrument.
 *
 * Returns: whether the point is in a cell
 */
gboolean
ml_mix_renderer_pick (MlPolicyMix   *mix,
                      const MlStyle *style,
                      double         width,
                      double         height,
                      double         x,
                      double         y,
                      MlMixHit      *hit)
{
  g_auto(Painter) painter = { NULL };
  const Grid *grid;
  GPtrArray *instruments;
  Rect cell;
  Chips chips;
  double column, row, offset;
  guint index;

  g_return_val_if_fail (mix != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  painter_init (&painter, style, width, height);
  grid = &painter.grid;
  *hit = (MlMixHit) { NULL, 0, 0 };
  if (grid->cell_width <= 0 || grid->cell_height <= 0)
    return FALSE;

  column = floor ((x - grid->margin - grid->header_width) / grid->cell_width);
  row = floor ((y - grid->margin - grid->header_height) / grid->cell_height);
  if (column < 0 || column >= ML_N_STAGES || row < 0 || row >= ML_N_SIDES)
    return FALSE;

  hit->side = (MlSide) row;
  hit->stage = (MlStage) column;
  instruments = ml_policy_mix_get_instruments (mix, hit->side, hit->stage);
  cell = get_cell_rect (grid, hit->side, hit->stage);
  chips = arrange_chips (grid, painter.chip_layout, &cell, mix, hit->side, hit->stage,
                         ml_policy_mix_get_budgets (mix, hit->side, hit->stage)->len > 0);

  offset = y - chips.y;
  if (x < chips.x || x > chips.x + chips.width || offset < 0)
    return TRUE;
  index = (guint) (offset / (chips.height + grid->chip_gap));
  if (index < chips.n_shown && offset - index * (chips.height + grid->chip_gap) <= chips.height)
    hit->instrument = g_ptr_array_index (instruments, index);

  return TRUE;
}

/**
 * ml_mix_renderer_get_cell_area:
 * @style: the style the matrix is drawn in
 * @width: the width it is drawn at
 * @height: the height it is drawn at
 * @side: a row
 * @stage: a column
 * @area: (out): the rectangle of the cell
 */
void
ml_mix_renderer_get_cell_area (const MlStyle     *style,
                               double             width,
                               double             height,
                               MlSide             side,
                               MlStage            stage,
                               cairo_rectangle_t *area)
{
  g_auto(Painter) painter = { NULL };
  Rect cell;

  g_return_if_fail (style != NULL);
  g_return_if_fail (area != NULL);

  painter_init (&painter, style, width, height);
  cell = get_cell_rect (&painter.grid, side, stage);
  *area = (cairo_rectangle_t) { cell.x, cell.y, cell.width, cell.height };
}
