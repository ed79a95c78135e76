/* ml-portfolio-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-portfolio-item"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ml-format.h"
#include "ml-portfolio-item.h"
#include "ml-text.h"

struct _MlPortfolioItem
{
  GObject         parent_instance;

  MlPortfolioRow *row;
  char           *texts[ML_PORTFOLIO_N_TEXTS];
  char          **funder_names;
  char           *haystack;      /* every text, for the search */
};

G_DEFINE_FINAL_TYPE (MlPortfolioItem, ml_portfolio_item, G_TYPE_OBJECT)

/* The name of the element @id, or @id itself when the project has no such element. */
static char *
dup_title (MlProject  *project,
           const char *id)
{
  MlElement *element = ml_project_lookup (project, id);

  if (*id == '\0' || element == NULL)
    return g_strdup (id);
  return ml_project_dup_title (project, element);
}

static int
compare_amounts (double a,
                 double b)
{
  /* Rows without a budget come last. */
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

static int
compare_dates (MlDate a,
               MlDate b)
{
  /* Rows without a decision to come come last. */
  a = a != ML_DATE_NONE ? a : G_MAXUINT32;
  b = b != ML_DATE_NONE ? b : G_MAXUINT32;
  return (a > b) - (a < b);
}

static void
ml_portfolio_item_finalize (GObject *object)
{
  MlPortfolioItem *self = ML_PORTFOLIO_ITEM (object);

  g_clear_pointer (&self->row, ml_portfolio_row_unref);
  for (guint i = 0; i < ML_PORTFOLIO_N_TEXTS; i++)
    g_free (self->texts[i]);
  g_strfreev (self->funder_names);
  g_free (self->haystack);

  G_OBJECT_CLASS (ml_portfolio_item_parent_class)->finalize (object);
}

static void
ml_portfolio_item_class_init (MlPortfolioItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ml_portfolio_item_finalize;
}

static void
ml_portfolio_item_init (MlPortfolioItem *self)
{
}

/**
 * ml_portfolio_item_new:
 * @project: the project @row comes from, for the names of the elements it refers to
 * @row: a row of the project's portfolio
 *
 * Returns: (transfer full): an item that holds @row and the texts the table shows for it
 */
MlPortfolioItem *
ml_portfolio_item_new (MlProject      *project,
                       MlPortfolioRow *row)
{
  MlPortfolioItem *item;
  char *const *cells;
  g_autoptr(GStrvBuilder) funders = NULL;
  GString *haystack;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  item = g_object_new (ML_TYPE_PORTFOLIO_ITEM, NULL);
  cells = row->cells;
  funders = g_strv_builder_new ();
  haystack = g_string_new (NULL);

  item->row = ml_portfolio_row_ref (row);
  item->texts[ML_PORTFOLIO_TEXT_NAME] = g_strdup (cells[ML_PORTFOLIO_NAME]);
  item->texts[ML_PORTFOLIO_TEXT_KIND] = g_strdup (_(ml_kind_get_info (row->kind)->label));
  item->texts[ML_PORTFOLIO_TEXT_MISSION] = dup_title (project, cells[ML_PORTFOLIO_MISSION]);
  item->texts[ML_PORTFOLIO_TEXT_WORKSTREAM] = dup_title (project, cells[ML_PORTFOLIO_WORKSTREAM]);
  item->texts[ML_PORTFOLIO_TEXT_STATUS] =
    g_strdup (row->status >= 0
                ? _(ml_field_get_info (ML_ACTIVITY_STATUS)->enum_info->labels[row->status])
                : "");
  item->texts[ML_PORTFOLIO_TEXT_OWNER] = dup_title (project, cells[ML_PORTFOLIO_OWNER]);
  for (guint i = 0; row->funders[i] != NULL; i++)
    {
      g_autofree char *funder = dup_title (project, row->funders[i]);

      g_strv_builder_add (funders, funder);
    }
  item->funder_names = g_strv_builder_end (funders);
  item->texts[ML_PORTFOLIO_TEXT_FUNDING] = g_strjoinv (", ", item->funder_names);
  item->texts[ML_PORTFOLIO_TEXT_BUDGET] =
    isnan (row->budget) ? g_strdup ("")
                        : ml_format_money (row->budget, cells[ML_PORTFOLIO_CURRENCY]);
  if (row->decision_date != ML_DATE_NONE)
    {
      g_autofree char *decision = dup_title (project, cells[ML_PORTFOLIO_DECISION]);
      g_autofree char *date = ml_format_date (row->decision_date);

      /* Translators: the date the next decision point of a workstream is due, and its name;
       * the date comes first so that it stays visible when the name is cut short.
       */
      item->texts[ML_PORTFOLIO_TEXT_DECISION] = g_strdup_printf (_("%s · %s"), date, decision);
    }
  else
    {
      item->texts[ML_PORTFOLIO_TEXT_DECISION] = g_strdup ("");
    }

  for (guint i = 0; i < ML_PORTFOLIO_N_TEXTS; i++)
    g_string_append_printf (haystack, "%s\n", item->texts[i]);
  item->haystack = g_string_free (haystack, FALSE);

  return item;
}

/**
 * ml_portfolio_item_get_row:
 *
 * Returns: (transfer none): the core's row the item shows
 */
MlPortfolioRow *
ml_portfolio_item_get_row (MlPortfolioItem *self)
{
  g_return_val_if_fail (ML_IS_PORTFOLIO_ITEM (self), NULL);

  return self->row;
}

/**
 * ml_portfolio_item_get_text:
 * @text: which text
 *
 * Returns: (transfer none): the text shown in the column @text, "" when there is none
 */
const char *
ml_portfolio_item_get_text (MlPortfolioItem *self,
                            MlPortfolioText  text)
{
  g_return_val_if_fail (ML_IS_PORTFOLIO_ITEM (self), NULL);
  g_return_val_if_fail (text < ML_PORTFOLIO_N_TEXTS, NULL);

  return self->texts[text];
}

/**
 * ml_portfolio_item_get_funder_names:
 *
 * Returns: (transfer none): the names of the row's funders, never %NULL; the Funding text
 *   joins them
 */
const char *const *
ml_portfolio_item_get_funder_names (MlPortfolioItem *self)
{
  g_return_val_if_fail (ML_IS_PORTFOLIO_ITEM (self), NULL);

  return (const char *const *) self->funder_names;
}

/**
 * ml_portfolio_item_matches:
 * @query: what the user searches for
 *
 * Returns: whether any of the item's texts matches @query, as ml_text_matches() matches
 */
gboolean
ml_portfolio_item_matches (MlPortfolioItem *self,
                           const char      *query)
{
  g_return_val_if_fail (ML_IS_PORTFOLIO_ITEM (self), FALSE);

  return ml_text_matches (query, self->haystack);
}

/**
 * ml_portfolio_item_compare:
 * @text: the column to sort by
 *
 * Orders statuses from planned to done, budgets and decision dates by value with the missing
 * ones last, and the other columns alphabetically.
 *
 * Returns: a negative number, zero or a positive number as @a sorts before, with or after @b
 */
int
ml_portfolio_item_compare (MlPortfolioItem *a,
                           MlPortfolioItem *b,
                           MlPortfolioText  text)
{
  int order;

  g_return_val_if_fail (ML_IS_PORTFOLIO_ITEM (a), 0);
  g_return_val_if_fail (ML_IS_PORTFOLIO_ITEM (b), 0);
  g_return_val_if_fail (text < ML_PORTFOLIO_N_TEXTS, 0);

  switch (text)
    {
    case ML_PORTFOLIO_TEXT_STATUS:
      /* From planned to done, not alphabetically. */
      order = a->row->status - b->row->status;
      break;
    case ML_PORTFOLIO_TEXT_BUDGET:
      order = compare_amounts (a->row->budget, b->row->budget);
      if (order == 0)
        order = g_strcmp0 (a->row->cells[ML_PORTFOLIO_CURRENCY],
                           b->row->cells[ML_PORTFOLIO_CURRENCY]);
      break;
    case ML_PORTFOLIO_TEXT_DECISION:
      order = compare_dates (a->row->decision_date, b->row->decision_date);
      break;
    default:
      order = g_utf8_collate (a->texts[text], b->texts[text]);
      break;
    }

  return order;
}
