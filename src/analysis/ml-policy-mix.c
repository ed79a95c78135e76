/* ml-policy-mix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-policy-mix"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-exchange.h"
#include "ml-mission-focus.h"
#include "ml-policy-mix.h"
#include "ml-taxonomy.h"

#define CONCENTRATION_SHARE 0.6
#define GAP_MONTHS          12
#define SINGLE_OWNER_MIN    3

struct _MlPolicyMix
{
  GPtrArray *cells[ML_N_SIDES][ML_N_STAGES];    /* of MlElement */
  GArray    *budgets[ML_N_SIDES][ML_N_STAGES];  /* of MlBudget, by currency */
  GArray    *totals;                            /* of MlBudget: all staged budgets */
  guint     *type_counts;                       /* [type * ML_N_STAGES + stage] */
  GPtrArray *unstaged;
  GPtrArray *findings;                          /* of MlFinding */
  GPtrArray *rates;                             /* of MlElement: the exchange rates used */
  char      *currency;                          /* the project's, what rates convert into */
};

/* The budget of @instrument in the project's currency when there is a rate for its own, else
 * in its own. Notes the rate used.
 */
static const char *
get_budget (MlPolicyMix *self,
            MlProject   *project,
            MlElement   *instrument,
            double      *budget)
{
  const char *currency = ml_budget_get_currency (project, instrument, ML_INSTRUMENT_CURRENCY);
  MlElement *rate = ml_exchange_find_rate (project, currency);

  *budget = ml_element_get_number (instrument, ML_INSTRUMENT_BUDGET);
  if (rate != NULL && !isnan (*budget) && !g_ptr_array_find (self->rates, rate, NULL))
    g_ptr_array_add (self->rates, g_object_ref (rate));

  return ml_exchange_convert (project, currency, budget);
}

static void
clear_budget (gpointer data)
{
  g_free (((MlBudget *) data)->currency);
}

static GArray *
new_budgets (void)
{
  GArray *budgets = g_array_new (FALSE, FALSE, sizeof (MlBudget));

  g_array_set_clear_func (budgets, clear_budget);
  return budgets;
}

/* Sorted by currency, as ml-stats does, so outputs are stable. */
static MlBudget *
find_budget (GArray     *budgets,
             const char *currency)
{
  MlBudget budget = { NULL, 0, 0 };
  guint i;

  for (i = 0; i < budgets->len; i++)
    {
      MlBudget *b = &g_array_index (budgets, MlBudget, i);
      int order = g_strcmp0 (b->currency, currency);

      if (order == 0)
        return b;
      if (order > 0)
        break;
    }

  budget.currency = g_strdup (currency);
  g_array_insert_val (budgets, i, budget);
  return &g_array_index (budgets, MlBudget, i);
}

static void
add_budget (GArray     *budgets,
            const char *currency,
            double      amount)
{
  MlBudget *b = find_budget (budgets, currency);

  b->amount += amount;
  b->n_items++;
}

static void
free_finding (gpointer data)
{
  MlFinding *finding = data;

  g_free (finding->message);
  g_ptr_array_unref (finding->elements);
  g_free (finding);
}

static MlFinding *
add_finding (MlPolicyMix   *self,
             MlFindingKind  kind,
             char          *message)
{
  MlFinding *finding = g_new0 (MlFinding, 1);

  finding->kind = kind;
  finding->message = message;
  finding->elements = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->findings, finding);
  return finding;
}

static const char *
stage_label (MlStage stage)
{
  return _(ml_field_get_info (ML_INSTRUMENT_STAGES)->enum_info->labels[stage]);
}

static const char *
currency_or_none (const char *currency)
{
  return currency != NULL ? currency : _("(no currency)");
}

static void
find_stage_gaps (MlPolicyMix *self)
{
  gboolean demand_pull = FALSE;

  for (guint stage = 0; stage < ML_N_STAGES; stage++)
    {
      guint n = 0;

      for (guint side = 0; side < ML_N_SIDES; side++)
        n += self->cells[side][stage]->len;
      if (n == 0)
        add_finding (self, ML_FINDING_EMPTY_STAGE,
                     g_strdup_printf (_("No instrument acts at the %s stage."),
                                      stage_label (stage)));
    }

  demand_pull = self->cells[ML_SIDE_DEMAND][ML_STAGE_DEPLOYMENT]->len > 0 ||
                self->cells[ML_SIDE_DEMAND][ML_STAGE_DIFFUSION]->len > 0;
  if (!demand_pull)
    add_finding (self, ML_FINDING_NO_DEMAND_PULL,
                 g_strdup (_("No demand-side instrument acts at deployment or diffusion: "
                             "nothing pulls solutions into use.")));
}

/* The elements of @kind in @project, or only those of @mission (itself, for a mission). */
static GPtrArray *
collect_in_mission (MlProject *project,
                    MlElement *mission,
                    MlKind     kind)
{
  GPtrArray *found;
  GPtrArray *children;

  if (mission == NULL)
    return ml_project_collect (project, kind);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  if (kind == ML_KIND_MISSION)
    {
      g_ptr_array_add (found, g_object_ref (mission));
      return found;
    }
  children = ml_element_get_children (mission, kind);
  for (guint i = 0; children != NULL && i < children->len; i++)
    g_ptr_array_add (found, g_object_ref (g_ptr_array_index (children, i)));

  return found;
}

static void
find_objective_links (MlPolicyMix *self,
                      MlProject   *project,
                      MlElement   *mission,
                      GPtrArray   *instruments)
{
  g_autoptr(GPtrArray) objectives = collect_in_mission (project, mission, ML_KIND_OBJECTIVE);
  g_autoptr(GHashTable) served = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < instruments->len; i++)
    {
      MlElement *instrument = g_ptr_array_index (instruments, i);
      const char *const *refs = ml_element_get_refs (instrument, ML_INSTRUMENT_SERVES);

      if (refs == NULL || refs[0] == NULL)
        {
          MlFinding *finding = add_finding (self, ML_FINDING_UNANCHORED_INSTRUMENT,
                                            g_strdup_printf (_("The instrument “%s” serves no objective."),
                                                             ml_element_get_label (instrument)));

          g_ptr_array_add (finding->elements, g_object_ref (instrument));
          continue;
        }
      for (guint j = 0; refs[j] != NULL; j++)
        g_hash_table_add (served, (gpointer) refs[j]);
    }

  for (guint i = 0; i < objectives->len; i++)
    {
      MlElement *objective = g_ptr_array_index (objectives, i);
      const char *id = ml_element_get_id (objective);
      MlFinding *finding;

      if (id != NULL && g_hash_table_contains (served, id))
        continue;
      finding = add_finding (self, ML_FINDING_UNSERVED_OBJECTIVE,
                             g_strdup_printf (_("No instrument serves the objective “%s”."),
                                              ml_element_get_label (objective)));
      g_ptr_array_add (finding->elements, g_object_ref (objective));
    }
}

static void
find_single_owner (MlPolicyMix *self,
                   MlProject   *project,
                   GPtrArray   *instruments)
{
  const char *owner = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new ();
  MlElement *stakeholder;
  MlFinding *finding;

  for (guint i = 0; i < instruments->len; i++)
    {
      MlElement *instrument = g_ptr_array_index (instruments, i);
      const char *responsible = ml_element_get_string (instrument, ML_INSTRUMENT_RESPONSIBLE);

      if (responsible == NULL)
        continue;
      if (owner != NULL && g_strcmp0 (owner, responsible) != 0)
        return;
      owner = responsible;
      g_ptr_array_add (owned, instrument);
    }

  if (owned->len < SINGLE_OWNER_MIN)
    return;

  stakeholder = ml_project_lookup (project, owner);
  finding = add_finding (self, ML_FINDING_SINGLE_OWNER,
                         g_strdup_printf (_("All %u instruments with a responsible body are run by “%s”: the mix rests on a single organisation."),
                                          owned->len,
                                          stakeholder != NULL ? ml_element_get_label (stakeholder)
                                                              : owner));
  if (stakeholder != NULL)
    g_ptr_array_add (finding->elements, g_object_ref (stakeholder));
  for (guint i = 0; i < owned->len; i++)
    g_ptr_array_add (finding->elements, g_object_ref (g_ptr_array_index (owned, i)));
}

static void
find_concentration (MlPolicyMix *self)
{
  for (guint c = 0; c < self->totals->len; c++)
    {
      const MlBudget *total = &g_array_index (self->totals, MlBudget, c);
      guint n_cells = 0;
      guint best_side = 0, best_stage = 0;
      double best = -1;

      if (!(total->amount > 0))
        continue;
      for (guint side = 0; side < ML_N_SIDES; side++)
        for (guint stage = 0; stage < ML_N_STAGES; stage++)
          {
            GArray *budgets = self->budgets[side][stage];

            for (guint i = 0; i < budgets->len; i++)
              {
                const MlBudget *b = &g_array_index (budgets, MlBudget, i);

                if (g_strcmp0 (b->currency, total->currency) != 0 || !(b->amount > 0))
                  continue;
                n_cells++;
                if (b->amount > best)
                  {
                    best = b->amount;
                    best_side = side;
                    best_stage = stage;
                  }
              }
          }

      if (n_cells >= 2 && best >= CONCENTRATION_SHARE * total->amount)
        {
          const MlEnumInfo *sides = ml_field_get_info (ML_INSTRUMENT_SIDE)->enum_info;
          GPtrArray *cell = self->cells[best_side][best_stage];
          MlFinding *finding;

          finding = add_finding (self, ML_FINDING_BUDGET_CONCENTRATION,
                                 g_strdup_printf (_("%.0f%% of the %s budget goes to %s instruments at the %s stage."),
                                                  100 * best / total->amount,
                                                  currency_or_none (total->currency),
                                                  _(sides->labels[best_side]),
                                                  stage_label (best_stage)));
          for (guint i = 0; i < cell->len; i++)
            g_ptr_array_add (finding->elements, g_object_ref (g_ptr_array_index (cell, i)));
        }
    }
}

/* Whole months from @a to the later @b; a month counts once its day of the month is reached. */
static int
months_between (MlDate a,
                MlDate b)
{
  GDate da, db;
  int months;

  g_date_clear (&da, 1);
  g_date_clear (&db, 1);
  g_date_set_julian (&da, a);
  g_date_set_julian (&db, b);
  months = (g_date_get_year (&db) - g_date_get_year (&da)) * 12 +
           (int) g_date_get_month (&db) - (int) g_date_get_month (&da);
  if (g_date_get_day (&db) < g_date_get_day (&da))
    months--;
  return months;
}

static void
find_funding_gap (MlPolicyMix *self,
                  MlProject   *project,
                  MlElement   *focus,
                  GPtrArray   *instruments)
{
  g_autoptr(GPtrArray) missions = collect_in_mission (project, focus, ML_KIND_MISSION);
  MlElement *last_instrument = NULL, *last_mission = NULL;
  MlDate last_end = ML_DATE_NONE, target = ML_DATE_NONE;
  g_autofree char *years_text = NULL;
  g_autofree char *months_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *target_text = NULL;
  MlFinding *finding;
  int months;

  for (guint i = 0; i < instruments->len; i++)
    {
      MlElement *instrument = g_ptr_array_index (instruments, i);
      MlDate end = ml_element_get_date (instrument, ML_INSTRUMENT_END);

      if (end != ML_DATE_NONE && end > last_end)
        {
          last_end = end;
          last_instrument = instrument;
        }
    }
  for (guint i = 0; i < missions->len; i++)
    {
      MlElement *mission = g_ptr_array_index (missions, i);
      MlDate date = ml_element_get_date (mission, ML_MISSION_TARGET_DATE);

      if (date != ML_DATE_NONE && date > target)
        {
          target = date;
          last_mission = mission;
        }
    }

  if (last_end == ML_DATE_NONE || target == ML_DATE_NONE || target <= last_end)
    return;
  months = months_between (last_end, target);
  if (months <= GAP_MONTHS)
    return;

  years_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", months / 12),
                                months / 12);
  months_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months",
                                              months % 12),
                                 months % 12);
  end_text = ml_date_format (last_end);
  target_text = ml_date_format (target);
  finding = add_finding (self, ML_FINDING_FUNDING_GAP,
                         months % 12 == 0
                           ? g_strdup_printf (_("Funding ends on %s, %s before the mission target date %s of “%s”."),
                                              end_text, years_text, target_text,
                                              ml_element_get_label (last_mission))
                           : g_strdup_printf (_("Funding ends on %s, %s and %s before the mission target date %s of “%s”."),
                                              end_text, years_text, months_text, target_text,
                                              ml_element_get_label (last_mission)));
  g_ptr_array_add (finding->elements, g_object_ref (last_instrument));
  g_ptr_array_add (finding->elements, g_object_ref (last_mission));
}

/* Which side of the public/private split a responsible body is on: 1 private, -1 public, 0 other
 * (citizens and social movements run instruments too, but neither lend nor crowd in capital). */
static int
classify_responsible (MlProject *project,
                      MlElement *instrument)
{
  const char *id = ml_element_get_string (instrument, ML_INSTRUMENT_RESPONSIBLE);
  MlElement *stakeholder = id != NULL ? ml_project_lookup (project, id) : NULL;

  if (stakeholder == NULL || ml_element_get_kind (stakeholder) != ML_KIND_STAKEHOLDER)
    return 0;
  switch (ml_element_get_enum (stakeholder, ML_STAKEHOLDER_TYPE))
    {
    case ML_STAKEHOLDER_INDUSTRY:
    case ML_STAKEHOLDER_SME:
    case ML_STAKEHOLDER_RESEARCH:
    case ML_STAKEHOLDER_CIVIL_SOCIETY:
      return 1;
    case ML_STAKEHOLDER_GOVERNMENT:
    case ML_STAKEHOLDER_AGENCY:
    case ML_STAKEHOLDER_FUNDER:
    case ML_STAKEHOLDER_INTERNATIONAL:
      return -1;
    default:
      return 0;
    }
}

static void
find_crowding_in (MlPolicyMix *self,
                  MlProject   *project,
                  GPtrArray   *instruments)
{
  g_autoptr(GArray) public_budgets = new_budgets ();
  g_autoptr(GArray) private_budgets = new_budgets ();

  for (guint i = 0; i < instruments->len; i++)
    {
      MlElement *instrument = g_ptr_array_index (instruments, i);
      double budget;
      const char *currency = get_budget (self, project, instrument, &budget);
      int side;

      if (isnan (budget))
        continue;
      side = classify_responsible (project, instrument);
      if (side != 0)
        add_budget (side > 0 ? private_budgets : public_budgets, currency, budget);
    }

  for (guint c = 0; c < public_budgets->len; c++)
    {
      const MlBudget *pub = &g_array_index (public_budgets, MlBudget, c);
      const MlBudget *priv = find_budget (private_budgets, pub->currency);
      const char *currency = currency_or_none (pub->currency);
      MlFinding *finding;

      if (!(pub->amount > 0))
        continue;
      finding = add_finding (self, ML_FINDING_CROWDING_IN,
                             g_strdup_printf (_("%s %.2f crowded in per %s 1 of public money."),
                                              currency, priv->amount / pub->amount, currency));
      for (guint i = 0; i < instruments->len; i++)
        {
          MlElement *instrument = g_ptr_array_index (instruments, i);
          double budget;

          if (g_strcmp0 (get_budget (self, project, instrument, &budget), pub->currency) == 0 &&
              !isnan (budget) && classify_responsible (project, instrument) != 0)
            g_ptr_array_add (finding->elements, g_object_ref (instrument));
        }
    }
}

/**
 * ml_policy_mix_compute:
 *
 * Returns: (transfer full): the policy mix of @project and its findings: unstaged instruments
 *   first, then the other kinds in the order of #MlFindingKind
 */
MlPolicyMix *
ml_policy_mix_compute (MlProject *project)
{
  return ml_policy_mix_compute_for_mission (project, NULL);
}

/**
 * ml_policy_mix_compute_for_mission:
 * @mission: (nullable): the mission whose mix to compute, or %NULL for the whole project
 *
 * The mix of the instruments that serve @mission's objectives (ml_mission_has_instrument()),
 * checked against its objectives and its target date only.
 *
 * Returns: (transfer full): the policy mix and its findings, as ml_policy_mix_compute()
 */
MlPolicyMix *
ml_policy_mix_compute_for_mission (MlProject *project,
                                   MlElement *mission)
{
  g_autoptr(GPtrArray) instruments = NULL;
  MlPolicyMix *self;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (mission == NULL || ML_IS_ELEMENT (mission), NULL);

  self = g_new0 (MlPolicyMix, 1);
  for (guint side = 0; side < ML_N_SIDES; side++)
    for (guint stage = 0; stage < ML_N_STAGES; stage++)
      {
        self->cells[side][stage] = g_ptr_array_new_with_free_func (g_object_unref);
        self->budgets[side][stage] = new_budgets ();
      }
  self->totals = new_budgets ();
  self->type_counts = g_new0 (guint, ml_n_instrument_types * ML_N_STAGES);
  self->unstaged = g_ptr_array_new_with_free_func (g_object_unref);
  self->findings = g_ptr_array_new_with_free_func (free_finding);
  self->rates = g_ptr_array_new_with_free_func (g_object_unref);
  self->currency = g_strdup (ml_element_get_string (ml_project_get_root (project),
                                                    ML_PROJECT_CURRENCY));

  instruments = ml_project_collect (project, ML_KIND_INSTRUMENT);
  for (guint i = instruments->len; mission != NULL && i > 0; i--)
    if (!ml_mission_has_instrument (mission, g_ptr_array_index (instruments, i - 1)))
      g_ptr_array_remove_index (instruments, i - 1);
  for (guint i = 0; i < instruments->len; i++)
    {
      MlElement *instrument = g_ptr_array_index (instruments, i);
      guint64 stages = ml_element_get_flags (instrument, ML_INSTRUMENT_STAGES);
      MlSide side = ml_instrument_get_side (instrument);
      int type = ml_element_get_enum (instrument, ML_INSTRUMENT_TYPE);
      double budget;
      const char *currency = get_budget (self, project, instrument, &budget);
      guint n_stages = 0;

      for (guint stage = 0; stage < ML_N_STAGES; stage++)
        if (stages & (G_GUINT64_CONSTANT (1) << stage))
          n_stages++;

      if (n_stages == 0)
        {
          MlFinding *finding;

          g_ptr_array_add (self->unstaged, g_object_ref (instrument));
          finding = add_finding (self, ML_FINDING_UNSTAGED_INSTRUMENT,
                                 g_strdup_printf (_("The instrument “%s” names no stage and is left out of the matrix."),
                                                  ml_element_get_label (instrument)));
          g_ptr_array_add (finding->elements, g_object_ref (instrument));
          continue;
        }

      if (!isnan (budget))
        add_budget (self->totals, currency, budget);
      for (guint stage = 0; stage < ML_N_STAGES; stage++)
        {
          if ((stages & (G_GUINT64_CONSTANT (1) << stage)) == 0)
            continue;
          g_ptr_array_add (self->cells[side][stage], g_object_ref (instrument));
          if (!isnan (budget))
            add_budget (self->budgets[side][stage], currency, budget / n_stages);
          if (type >= 0 && (guint) type < ml_n_instrument_types)
            self->type_counts[type * ML_N_STAGES + stage]++;
        }
    }

  find_stage_gaps (self);
  find_objective_links (self, project, mission, instruments);
  find_single_owner (self, project, instruments);
  find_concentration (self);
  find_funding_gap (self, project, mission, instruments);
  find_crowding_in (self, project, instruments);

  return self;
}

void
ml_policy_mix_free (MlPolicyMix *self)
{
  if (self == NULL)
    return;

  for (guint side = 0; side < ML_N_SIDES; side++)
    for (guint stage = 0; stage < ML_N_STAGES; stage++)
      {
        g_ptr_array_unref (self->cells[side][stage]);
        g_array_unref (self->budgets[side][stage]);
      }
  g_array_unref (self->totals);
  g_free (self->type_counts);
  g_ptr_array_unref (self->unstaged);
  g_ptr_array_unref (self->findings);
  g_ptr_array_unref (self->rates);
  g_free (self->currency);
  g_free (self);
}

/**
 * ml_policy_mix_get_instruments:
 *
 * Returns: (transfer none) (element-type MlElement): the instruments of a cell, in document order
 */
GPtrArray *
ml_policy_mix_get_instruments (MlPolicyMix *self,
                               MlSide       side,
                               MlStage      stage)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) side < ML_N_SIDES && (guint) stage < ML_N_STAGES, NULL);

  return self->cells[side][stage];
}

/**
 * ml_policy_mix_get_budgets:
 *
 * Returns: (transfer none) (element-type MlBudget): the budgets of a cell by currency; n_items
 *   counts the instruments with a budget there
 */
GArray *
ml_policy_mix_get_budgets (MlPolicyMix *self,
                           MlSide       side,
                           MlStage      stage)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) side < ML_N_SIDES && (guint) stage < ML_N_STAGES, NULL);

  return self->budgets[side][stage];
}

/**
 * ml_policy_mix_get_totals:
 *
 * Returns: (transfer none) (element-type MlBudget): the budgets of the staged instruments by
 *   currency, what the cells of each currency add up to
 */
GArray *
ml_policy_mix_get_totals (MlPolicyMix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->totals;
}

/**
 * ml_policy_mix_get_type_count:
 * @type: an index into ml_instrument_types
 *
 * Returns: how many instruments of @type act at @stage
 */
guint
ml_policy_mix_get_type_count (MlPolicyMix *self,
                              guint        type,
                              MlStage      stage)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (type < ml_n_instrument_types && (guint) stage < ML_N_STAGES, 0);

  return self->type_counts[type * ML_N_STAGES + stage];
}

/**
 * ml_policy_mix_get_unstaged:
 *
 * Returns: (transfer none) (element-type MlElement): the instruments without stages
 */
GPtrArray *
ml_policy_mix_get_unstaged (MlPolicyMix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->unstaged;
}

/**
 * ml_policy_mix_get_findings:
 *
 * Returns: (transfer none) (element-type MlFinding): the findings
 */
GPtrArray *
ml_policy_mix_get_findings (MlPolicyMix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->findings;
}

/**
 * ml_policy_mix_get_rates:
 *
 * Returns: (transfer none) (element-type MlElement): the exchange rates that converted a budget
 *   into the project's currency, in the order they were first used
 */
GPtrArray *
ml_policy_mix_get_rates (MlPolicyMix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->rates;
}

/**
 * ml_policy_mix_move_command:
 * @instrument: an instrument
 * @from: the stage of the cell it is moved from, one of its stages
 * @side: the side of the cell it is moved to
 * @stage: the stage of the cell it is moved to
 *
 * Moving an instrument's chip to another cell: a new row gives the instrument that side (in
 * every cell it is in, as the side is the instrument's); a new column replaces the stage
 * @from by @stage (a stage it already has is kept once).
 *
 * Returns: (transfer full) (nullable): one command for the move, %NULL when it changes nothing
 */
MlCommand *
ml_policy_mix_move_command (MlElement *instrument,
                            MlStage    from,
                            MlSide     side,
                            MlStage    stage)
{
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  guint64 stages, moved;
  MlValue value;

  g_return_val_if_fail (ML_IS_ELEMENT (instrument), NULL);
  g_return_val_if_fail (ml_element_get_kind (instrument) == ML_KIND_INSTRUMENT, NULL);
  g_return_val_if_fail ((guint) side < ML_N_SIDES && (guint) stage < ML_N_STAGES, NULL);
  g_return_val_if_fail ((guint) from < ML_N_STAGES, NULL);

  if (side != ml_instrument_get_side (instrument))
    {
      ml_value_init_enum (&value, ML_INSTRUMENT_SIDE, side);
      g_ptr_array_add (commands, ml_command_new_set (instrument, ML_INSTRUMENT_SIDE, &value));
      ml_value_clear (&value);
    }

  stages = ml_element_get_flags (instrument, ML_INSTRUMENT_STAGES);
  moved = (stages & ~(G_GUINT64_CONSTANT (1) << from)) | (G_GUINT64_CONSTANT (1) << stage);
  if (moved != stages)
    {
      ml_value_init_flags (&value, ML_INSTRUMENT_STAGES, moved);
      g_ptr_array_add (commands, ml_command_new_set (instrument, ML_INSTRUMENT_STAGES, &value));
      ml_value_clear (&value);
    }

  if (commands->len == 0)
    return NULL;

  return ml_command_new_group_from_array (_("Move Instrument"), commands);
}

/**
 * ml_policy_mix_dup_conversion:
 *
 * Returns: (transfer full) (nullable): a sentence saying which budgets were converted at which
 *   rates, such as “Converted at the project’s exchange rates: 1 EUR = 7.46 DKK.”; %NULL when
 *   none was
 */
char *
ml_policy_mix_dup_conversion (MlPolicyMix *self)
{
  g_autoptr(GString) rates = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (self->rates->len == 0)
    return NULL;

  for (guint i = 0; i < self->rates->len; i++)
    {
      g_autofree char *rate = ml_exchange_describe_rate (g_ptr_array_index (self->rates, i),
                                                         self->currency);

      g_string_append_printf (rates, "%s%s", i > 0 ? ", " : "", rate);
    }

  return g_strdup_printf (_("Converted at the project’s exchange rates: %s."), rates->str);
}

/**
 * ml_finding_kind_to_string:
 *
 * Returns: a stable name of @kind for CSV and JSON
 */
const char *
ml_finding_kind_to_string (MlFindingKind kind)
{
  static const char *const names[] = {
    "empty-stage", "no-demand-pull", "unserved-objective", "unanchored-instrument",
    "unstaged-instrument", "single-owner", "budget-concentration", "funding-gap", "crowding-in",
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), "");

  return names[kind];
}
