/* ml-bench-generate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generated project is shaped like the samples, only larger: five missions (or as many as
 * asked) with three objectives of two indicators each (or the indicators asked, spread over
 * them), stakeholders of every type and level, random relations, instruments (or as many as
 * asked), workstreams of fifty activities chained by finish-start dependencies, with milestones
 * and decision points, and a journal. Texts mix non-ASCII letters with the
 * characters XML must escape. Everything is written in canonical order and form, so a
 * generated file should come back unchanged from a load and a save.
 */

#define G_LOG_DOMAIN "ml-bench"

#include "config.h"

#include "ml-bench-generate.h"
#include "ml-taxonomy.h"

#define N_MISSIONS                5   /* unless the size says otherwise */
#define OBJECTIVES_PER_MISSION    3
#define INDICATORS_PER_OBJECTIVE  2   /* unless the size says otherwise */
#define MEASUREMENTS_PER_INDICATOR 5
#define ACTIVITIES_PER_WORKSTREAM 50
#define ACTIVITIES_PER_MARKER     25   /* one milestone and one decision point each */
#define ACTIVITIES_PER_ENTRY      100  /* one journal entry each */
#define STAKEHOLDERS_PER_INSTRUMENT 10

typedef struct
{
  const MlBenchSize *size;
  GRand             *rand;
  GString           *out;
  guint              n_missions;
  guint              n_objectives;
  guint32            first_day;   /* Julian days of 2020-01-01 and 2035-12-31 */
  guint32            last_day;
} Generator;

static const char *const places[] = {
  "Đà Nẵng", "Tromsø", "Århus", "Québec", "Kraków", "São Paulo", "Brisbane", "Genève",
  "Reykjavík", "Gladstone",
};

static const char *const topics[] = {
  "green hydrogen", "heat pumps", "circular plastics", "drought resilience",
  "zero-emission ferries", "urban cooling", "soil carbon", "battery recycling",
};

static const char *const verbs[] = {
  "Pilot", "Scale up", "Evaluate", "Co-design", "Procure", "Demonstrate", "Map", "Regulate",
};

static const char *const sectors[] = {
  "energy", "R&D", "water", "agriculture", "transport", "health & care", "finance", "digital",
};

static const char *const units[] = { "%", "t/year", "€/MWh", "AUD/kg", "km", "households" };

static const char *const currencies[] = { "NOK", "VND", "DKK", "AUD", "USD" };

static const char *const authors[] = {
  "Mission office", "Søren Ødegård", "Nguyễn Thị Hoa", "Zoë Lefèvre", "Jo \"JJ\" Jensen",
};

/* The enumerations, in the order of docs/format.md. */
static const char *const mission_kinds[] = { "complicated", "complex" };
static const char *const scales[] = { "city", "regional", "national", "supranational", "global" };
static const char *const directions[] = { "increase", "decrease" };
static const char *const stakeholder_types[] = {
  "government", "agency", "research", "industry", "sme", "civil-society", "citizens",
  "social-movement", "international", "funder",
};
static const char *const levels[] = { "local", "regional", "national", "supranational", "global" };
static const char *const roles[] = { "lead", "partner", "funder", "beneficiary", "observer" };
static const char *const engagements[] = {
  "identified", "informed", "consulted", "involved", "collaborating", "empowered",
};
static const char *const relation_kinds[] = {
  "coordination", "funding", "reporting", "information", "partnership", "conflict",
};
static const char *const relation_directions[] = { "directed", "mutual" };
static const char *const sides[] = { "supply", "demand", "regulatory", "systemic" };
static const char *const stages[] = {
  "research", "development", "demonstration", "deployment", "diffusion",
};
static const char *const statuses[] = { "planned", "active", "at-risk", "stopped", "done" };
static const char *const milestone_statuses[] = { "pending", "reached", "missed" };
static const char *const outcomes[] = { "pending", "continue", "pivot", "stop" };
static const char *const entry_kinds[] = { "note", "decision", "session" };

#define PICK(gen, array) ((array)[pick ((gen), G_N_ELEMENTS (array))])

/* A number in [0, n). */
static guint
pick (Generator *gen,
      guint      n)
{
  g_assert (n > 0 && n <= G_MAXINT32);

  return (guint) g_rand_int_range (gen->rand, 0, (gint32) n);
}

/* A number in [low, high]. */
static guint
between (Generator *gen,
         guint      low,
         guint      high)
{
  g_assert (low <= high && high < G_MAXINT32);

  return (guint) g_rand_int_range (gen->rand, (gint32) low, (gint32) high + 1);
}

/* A stakeholder other than @other, or any when @other is G_MAXUINT. */
static guint
pick_other (Generator *gen,
            guint      n,
            guint      other)
{
  if (other == G_MAXUINT)
    return pick (gen, n);

  return (other + 1 + pick (gen, n - 1)) % n;
}

/* The escapes of the writer, so that generated files are canonical. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '"': g_string_append (out, attribute ? "&quot;" : "\""); break;
        case '\n': g_string_append (out, attribute ? "&#10;" : "\n"); break;
        case '\t': g_string_append (out, attribute ? "&#9;" : "\t"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
indent (Generator *gen,
        guint      depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (gen->out, "  ");
}

static void
open_element (Generator  *gen,
              guint       depth,
              const char *name)
{
  indent (gen, depth);
  g_string_append_c (gen->out, '<');
  g_string_append (gen->out, name);
}

/* Ends a start tag: `/>` for an element without content, `>` otherwise. */
static void
end_start_tag (Generator *gen,
               gboolean   empty)
{
  g_string_append (gen->out, empty ? "/>\n" : ">\n");
}

static void
close_element (Generator  *gen,
               guint       depth,
               const char *name)
{
  indent (gen, depth);
  g_string_append_printf (gen->out, "</%s>\n", name);
}

static void
add_attribute (Generator  *gen,
               const char *name,
               const char *value)
{
  g_string_append_printf (gen->out, " %s=\"", name);
  append_escaped (gen->out, value, TRUE);
  g_string_append_c (gen->out, '"');
}

static void G_GNUC_PRINTF (3, 4)
add_attribute_printf (Generator  *gen,
                      const char *name,
                      const char *format,
                      ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);

  add_attribute (gen, name, value);
}

/* A number with at most one decimal, written as the writer writes it: 12.5, 40, 0.3. */
static void
add_tenths (Generator  *gen,
            const char *name,
            guint       tenths)
{
  if (tenths % 10 == 0)
    add_attribute_printf (gen, name, "%u", tenths / 10);
  else
    add_attribute_printf (gen, name, "%u.%u", tenths / 10, tenths % 10);
}

static void
add_date (Generator  *gen,
          const char *name,
          guint32     day)
{
  GDate date;

  g_assert (day >= gen->first_day && day <= gen->last_day);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  add_attribute_printf (gen, name, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
                        (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

static void G_GNUC_PRINTF (4, 5)
add_text (Generator  *gen,
          guint       depth,
          const char *name,
          const char *format,
          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  indent (gen, depth);
  g_string_append_printf (gen->out, "<%s>", name);
  append_escaped (gen->out, text, FALSE);
  g_string_append_printf (gen->out, "</%s>\n", name);
}

/* Objectives are numbered 0 … n_objectives - 1 across missions. */
static void
append_objective_id (GString *out,
                     guint    objective)
{
  g_string_append_printf (out, "o-%u-%u", objective / OBJECTIVES_PER_MISSION + 1,
                          objective % OBJECTIVES_PER_MISSION + 1);
}

/* Between @min and @max distinct objectives, in the order drawn. */
static void
add_serves (Generator *gen,
            guint      min,
            guint      max)
{
  g_autoptr(GString) value = g_string_new (NULL);
  guint n = between (gen, min, MIN (max, gen->n_objectives));
  guint used = 0;

  for (guint i = 0; i < n; i++)
    {
      guint objective;

      do
        objective = pick (gen, gen->n_objectives);
      while (used & (1u << objective));
      used |= 1u << objective;

      if (i > 0)
        g_string_append_c (value, ' ');
      append_objective_id (value, objective);
    }

  add_attribute (gen, "serves", value->str);
}

/* A set of enumeration values, written in the order of the enumeration as the writer does. */
static void
add_set (Generator          *gen,
         const char         *name,
         const char *const  *nicks,
         guint               n_nicks,
         guint64             flags)
{
  g_autoptr(GString) value = g_string_new (NULL);

  for (guint i = 0; i < n_nicks; i++)
    {
      if ((flags & (G_GUINT64_CONSTANT (1) << i)) == 0)
        continue;
      if (value->len > 0)
        g_string_append_c (value, ' ');
      g_string_append (value, nicks[i]);
    }

  add_attribute (gen, name, value->str);
}

/* The indicators asked for, spread over the objectives: the first ones get one more. */
static guint
count_indicators (Generator *gen,
                  guint      m,
                  guint      o)
{
  guint total = gen->size->n_indicators > 0 ? gen->size->n_indicators
                                            : gen->n_objectives * INDICATORS_PER_OBJECTIVE;
  guint objective = (m - 1) * OBJECTIVES_PER_MISSION + (o - 1);

  return total / gen->n_objectives + (objective < total % gen->n_objectives ? 1 : 0);
}

static void
generate_missions (Generator *gen)
{
  const MlBenchSize *size = gen->size;

  open_element (gen, 1, "missions");
  end_start_tag (gen, FALSE);

  for (guint m = 1; m <= gen->n_missions; m++)
    {
      const char *topic = topics[(m - 1) % G_N_ELEMENTS (topics)];
      const char *place = places[(m - 1) % G_N_ELEMENTS (places)];

      open_element (gen, 2, "mission");
      add_attribute_printf (gen, "id", "m-%u", m);
      add_attribute (gen, "kind", mission_kinds[(m - 1) % G_N_ELEMENTS (mission_kinds)]);
      add_attribute (gen, "scale", scales[(m - 1) % G_N_ELEMENTS (scales)]);
      add_attribute_printf (gen, "lead", "s-%u", pick (gen, size->n_stakeholders) + 1);
      add_date (gen, "target-date", gen->last_day - pick (gen, 5 * 365));
      end_start_tag (gen, FALSE);

      add_text (gen, 3, "title", "Mission %u: %s for %s", m, topic, place);
      add_text (gen, 3, "statement",
                "By 2035, %s cuts emissions by 55 %% & costs < 2 € per kilo — wherever "
                "the “%s” model fits.", place, topic);
      add_text (gen, 3, "description",
                "A coordinated package of projects on %s, co-designed with municipalities, "
                "firms & citizens in %s.", topic, place);

      for (guint o = 1; o <= OBJECTIVES_PER_MISSION; o++)
        {
          guint n_indicators = count_indicators (gen, m, o);

          open_element (gen, 3, "objective");
          add_attribute_printf (gen, "id", "o-%u-%u", m, o);
          end_start_tag (gen, FALSE);
          add_text (gen, 4, "title", "Objective %u.%u: %s at scale", m, o, topic);
          add_text (gen, 4, "description",
                    "Measurable progress on %s in %s; see indicators below.", topic, place);

          for (guint i = 1; i <= n_indicators; i++)
            {
              guint32 baseline_day = gen->first_day + pick (gen, 365);
              guint32 target_day = baseline_day + between (gen, 5 * 365, 10 * 365);
              guint baseline = between (gen, 0, 1000);
              gboolean decrease = (m + o + i) % 2 == 1;

              open_element (gen, 4, "indicator");
              add_attribute_printf (gen, "id", "i-%u-%u-%u", m, o, i);
              add_attribute (gen, "unit", PICK (gen, units));
              add_attribute (gen, "direction", directions[decrease ? 1 : 0]);
              add_tenths (gen, "baseline", baseline);
              add_date (gen, "baseline-date", baseline_day);
              add_tenths (gen, "target", decrease ? baseline / 4 : baseline * 3 + 10);
              add_date (gen, "target-date", target_day);
              end_start_tag (gen, FALSE);
              add_text (gen, 5, "name", "Indicator %u.%u.%u for %s", m, o, i, topic);
              if (i == 1)
                add_text (gen, 5, "description",
                          "Measured yearly by the statistics office of %s & partners.", place);

              for (guint k = 1; k <= MEASUREMENTS_PER_INDICATOR; k++)
                {
                  guint32 day = baseline_day + (target_day - baseline_day) * k /
                                (MEASUREMENTS_PER_INDICATOR + 1);
                  gboolean has_note = k == 3;

                  open_element (gen, 5, "measurement");
                  /* The id of a measurement is optional: leave some out. */
                  if (k < MEASUREMENTS_PER_INDICATOR)
                    add_attribute_printf (gen, "id", "me-%u-%u-%u-%u", m, o, i, k);
                  add_date (gen, "date", day);
                  add_tenths (gen, "value", between (gen, 0, 5000));
                  add_attribute_printf (gen, "source", "Survey \"%s\" wave %u (R&D <draft>)",
                                        place, k);
                  end_start_tag (gen, !has_note);
                  if (has_note)
                    {
                      add_text (gen, 6, "note", "Revised after review in %s; < 5 %% change.",
                                place);
                      close_element (gen, 5, "measurement");
                    }
                }

              close_element (gen, 4, "indicator");
            }

          close_element (gen, 3, "objective");
        }

      close_element (gen, 2, "mission");
    }

  close_element (gen, 1, "missions");
}

static void
generate_stakeholders (Generator *gen)
{
  open_element (gen, 1, "stakeholders");
  end_start_tag (gen, FALSE);

  for (guint s = 1; s <= gen->size->n_stakeholders; s++)
    {
      const char *type = stakeholder_types[(s - 1) % G_N_ELEMENTS (stakeholder_types)];
      const char *place = PICK (gen, places);

      open_element (gen, 2, "stakeholder");
      add_attribute_printf (gen, "id", "s-%u", s);
      add_attribute (gen, "type", type);
      add_attribute (gen, "level",
                     levels[(s - 1) / G_N_ELEMENTS (stakeholder_types) % G_N_ELEMENTS (levels)]);
      if (s % 7 != 0)
        add_attribute (gen, "sector", PICK (gen, sectors));
      add_attribute_printf (gen, "influence", "%u", between (gen, 1, 5));
      add_attribute_printf (gen, "interest", "%u", between (gen, 1, 5));
      add_attribute (gen, "role", PICK (gen, roles));
      add_attribute (gen, "engagement", PICK (gen, engagements));
      end_start_tag (gen, FALSE);

      add_text (gen, 3, "name", "%s office %u, %s", type, s, place);
      switch (s % 3)
        {
        case 0:
          add_text (gen, 3, "description", "Works on %s in %s; budget < 1 %% of GDP & growing.",
                    PICK (gen, topics), place);
          break;
        case 1:
          add_text (gen, 3, "description",
                    "Représentant régional pour %s à %s.", PICK (gen, topics), place);
          break;
        default:
          break;
        }

      close_element (gen, 2, "stakeholder");
    }

  close_element (gen, 1, "stakeholders");
}

static void
generate_relations (Generator *gen)
{
  guint n_stakeholders = gen->size->n_stakeholders;

  if (gen->size->n_relations == 0)
    return;

  open_element (gen, 1, "relations");
  end_start_tag (gen, FALSE);

  for (guint r = 1; r <= gen->size->n_relations; r++)
    {
      guint from = pick (gen, n_stakeholders);
      guint to = pick_other (gen, n_stakeholders, from);
      gboolean has_description = r % 2 == 0;

      open_element (gen, 2, "relation");
      add_attribute_printf (gen, "id", "r-%u", r);
      add_attribute_printf (gen, "from", "s-%u", from + 1);
      add_attribute_printf (gen, "to", "s-%u", to + 1);
      add_attribute (gen, "kind", PICK (gen, relation_kinds));
      add_attribute (gen, "direction", PICK (gen, relation_directions));
      if (r % 5 != 0)
        add_attribute_printf (gen, "strength", "%u", between (gen, 1, 3));
      end_start_tag (gen, !has_description);
      if (has_description)
        {
          add_text (gen, 3, "description", "Joint work on %s since %u; see minutes <%u>.",
                    PICK (gen, topics), 2020 + r % 10, r);
          close_element (gen, 2, "relation");
        }
    }

  close_element (gen, 1, "relations");
}

static void
generate_instruments (Generator *gen)
{
  guint n = gen->size->n_instruments > 0
              ? gen->size->n_instruments
              : MAX (1, gen->size->n_stakeholders / STAKEHOLDERS_PER_INSTRUMENT);

  open_element (gen, 1, "instruments");
  end_start_tag (gen, FALSE);

  for (guint i = 1; i <= n; i++)
    {
      guint32 start = gen->first_day + pick (gen, 8 * 365);
      guint32 end = MIN (start + between (gen, 365, 6 * 365), gen->last_day);
      const char *topic = PICK (gen, topics);
      guint64 groups = 0;
      guint n_groups = between (gen, 1, 3);

      open_element (gen, 2, "instrument");
      add_attribute_printf (gen, "id", "in-%u", i);
      add_attribute (gen, "type",
                     ml_instrument_type_enum.nicks[(i - 1) % ml_instrument_type_enum.n_values]);
      /* Without a side, the usual side of the type applies. */
      if (i % 5 != 0)
        add_attribute (gen, "side", sides[i % G_N_ELEMENTS (sides)]);
      add_set (gen, "stages", stages, G_N_ELEMENTS (stages),
               between (gen, 1, (1u << G_N_ELEMENTS (stages)) - 1));
      add_attribute (gen, "field", PICK (gen, sectors));
      add_attribute_printf (gen, "responsible", "s-%u", pick (gen, gen->size->n_stakeholders) + 1);
      add_attribute_printf (gen, "budget", "%u", between (gen, 1, 400) * 25000);
      if (i % 3 == 0)
        add_attribute (gen, "currency", PICK (gen, currencies));
      add_date (gen, "start", start);
      add_date (gen, "end", end);
      add_serves (gen, 1, 3);
      for (guint g = 0; g < n_groups; g++)
        {
          guint64 bit;

          do
            bit = G_GUINT64_CONSTANT (1) << pick (gen, ml_target_group_enum.n_values);
          while (groups & bit);
          groups |= bit;
        }
      add_set (gen, "target-groups", ml_target_group_enum.nicks, ml_target_group_enum.n_values,
               groups);
      end_start_tag (gen, FALSE);

      add_text (gen, 3, "name", "Programme %u for %s", i, topic);
      add_text (gen, 3, "description",
                "Grants & loans for %s; projects < 5 M€ in %s get fast-track review.", topic,
                PICK (gen, places));
      close_element (gen, 2, "instrument");
    }

  close_element (gen, 1, "instruments");
}

static void
generate_activity (Generator *gen,
                   guint      id,
                   guint32    start,
                   guint32    end,
                   guint      predecessor,   /* 0 for none */
                   guint      lag)
{
  guint n_stakeholders = gen->size->n_stakeholders;
  guint status = pick (gen, G_N_ELEMENTS (statuses));
  guint funder = pick (gen, n_stakeholders);
  const char *topic = PICK (gen, topics);
  const char *place = PICK (gen, places);

  open_element (gen, 3, "activity");
  add_attribute_printf (gen, "id", "a-%u", id);
  add_date (gen, "start", start);
  add_date (gen, "end", end);
  add_attribute_printf (gen, "owner", "s-%u", pick (gen, n_stakeholders) + 1);
  add_attribute (gen, "status", statuses[status]);
  add_attribute_printf (gen, "progress", "%u",
                        status == 0 ? 0 : status == 4 ? 100 : between (gen, 5, 95));
  add_attribute_printf (gen, "budget", "%u", between (gen, 1, 2000) * 5000);
  if (id % 4 == 0)
    add_attribute (gen, "currency", PICK (gen, currencies));
  if (id % 3 == 0)
    add_attribute_printf (gen, "funders", "s-%u s-%u", funder + 1,
                          pick_other (gen, n_stakeholders, funder) + 1);
  else
    add_attribute_printf (gen, "funders", "s-%u", funder + 1);
  add_serves (gen, 1, 2);
  end_start_tag (gen, FALSE);

  add_text (gen, 4, "name", "%s %s in %s (#%u)", PICK (gen, verbs), topic, place, id);
  switch (id % 3)
    {
    case 0:
      add_text (gen, 4, "description",
                "Phase %u: cost < %u €/MWh & emissions down %u %%; coordinated from %s.",
                id % 7 + 1, between (gen, 20, 90), between (gen, 5, 60), place);
      break;
    case 1:
      add_text (gen, 4, "description",
                "Work package on %s with partners in %s and the regional agency.", topic, place);
      break;
    default:
      break;
    }

  if (predecessor > 0)
    {
      open_element (gen, 4, "depends-on");
      add_attribute_printf (gen, "activity", "a-%u", predecessor);
      add_attribute (gen, "type", "finish-start");
      add_attribute_printf (gen, "lag", "%u", lag);
      end_start_tag (gen, TRUE);
    }

  close_element (gen, 3, "activity");
}

static void
generate_workstream (Generator *gen,
                     guint      w,
                     guint      first_activity,
                     guint      n_activities)
{
  g_autofree guint32 *ends = g_new (guint32, n_activities);
  /* A predecessor must end early enough to leave room for its successor before last_day. */
  guint32 latest_predecessor_end = gen->last_day - 3 * 365;
  guint earliest = 0;   /* the activity that ends first so far */
  guint n_markers = MAX (1, n_activities / ACTIVITIES_PER_MARKER);
  const char *place = PICK (gen, places);

  open_element (gen, 2, "workstream");
  add_attribute_printf (gen, "id", "ws-%u", w);
  add_attribute_printf (gen, "mission", "m-%u", (w - 1) % gen->n_missions + 1);
  add_attribute_printf (gen, "lead", "s-%u", pick (gen, gen->size->n_stakeholders) + 1);
  end_start_tag (gen, FALSE);
  add_text (gen, 3, "name", "Workstream %u: %s", w, place);
  add_text (gen, 3, "description", "Delivery & learning loop for %s (ø %u activities).",
            place, n_activities);

  for (guint j = 0; j < n_activities; j++)
    {
      guint predecessor = 0;
      guint lag = 0;
      guint32 start;

      if (j == 0)
        {
          start = gen->first_day + pick (gen, 120);
        }
      else
        {
          guint p = pick (gen, j);

          if (ends[p] > latest_predecessor_end)
            p = earliest;
          predecessor = first_activity + p;
          lag = pick (gen, 31);
          start = ends[p] + lag + 1 + pick (gen, 30);
        }

      ends[j] = MIN (start + between (gen, 30, 270), gen->last_day);
      if (ends[j] < ends[earliest])
        earliest = j;
      generate_activity (gen, first_activity + j, start, ends[j], predecessor, lag);
    }

  for (guint k = 0; k < n_markers; k++)
    {
      guint j = MIN ((k + 1) * ACTIVITIES_PER_MARKER, n_activities) - 1;
      gboolean has_description = k % 2 == 0;

      open_element (gen, 3, "milestone");
      add_attribute_printf (gen, "id", "ms-%u", first_activity + j);
      add_date (gen, "date", ends[j]);
      add_attribute (gen, "status", PICK (gen, milestone_statuses));
      end_start_tag (gen, FALSE);
      add_text (gen, 4, "name", "Milestone: a-%u delivered in %s", first_activity + j, place);
      if (has_description)
        add_text (gen, 4, "description", "Acceptance < 90 days & report signed.");
      close_element (gen, 3, "milestone");
    }

  for (guint k = 0; k < n_markers; k++)
    {
      guint j = MIN ((k + 1) * ACTIVITIES_PER_MARKER, n_activities) - 1;
      guint outcome = pick (gen, G_N_ELEMENTS (outcomes));

      open_element (gen, 3, "decision-point");
      add_attribute_printf (gen, "id", "dp-%u", first_activity + j);
      add_date (gen, "date", ends[j]);
      add_attribute (gen, "outcome", outcomes[outcome]);
      if (outcome != 0)
        add_date (gen, "decided", MIN (ends[j] + pick (gen, 30), gen->last_day));
      if (j > 0)
        add_attribute_printf (gen, "about", "a-%u a-%u", first_activity + j - 1,
                              first_activity + j);
      else
        add_attribute_printf (gen, "about", "a-%u", first_activity + j);
      end_start_tag (gen, FALSE);
      add_text (gen, 4, "name", "Continue workstream %u after a-%u?", w, first_activity + j);
      add_text (gen, 4, "criteria", "Cost < target & community support ≥ 60 %% in %s.", place);
      if (outcome != 0)
        add_text (gen, 4, "rationale", "Decided by the board; see journal.");
      close_element (gen, 3, "decision-point");
    }

  close_element (gen, 2, "workstream");
}

static void
generate_roadmap (Generator *gen)
{
  guint n_activities = gen->size->n_activities;
  guint n_workstreams = MAX (1, n_activities / ACTIVITIES_PER_WORKSTREAM);
  guint next = 1;

  if (n_activities == 0)
    return;

  open_element (gen, 1, "roadmap");
  end_start_tag (gen, FALSE);

  for (guint w = 1; w <= n_workstreams; w++)
    {
      guint n = n_activities / n_workstreams + (w <= n_activities % n_workstreams ? 1 : 0);

      generate_workstream (gen, w, next, n);
      next += n;
    }

  close_element (gen, 1, "roadmap");
}

static void
generate_journal (Generator *gen)
{
  guint n = MAX (1, gen->size->n_activities / ACTIVITIES_PER_ENTRY);
  guint32 span = gen->last_day - gen->first_day;

  open_element (gen, 1, "journal");
  end_start_tag (gen, FALSE);

  for (guint e = 1; e <= n; e++)
    {
      guint32 day = gen->first_day + (guint32) ((guint64) (e - 1) * span / n);

      open_element (gen, 2, "entry");
      add_attribute_printf (gen, "id", "j-%u", e);
      add_date (gen, "date", day);
      add_attribute (gen, "kind", entry_kinds[e % G_N_ELEMENTS (entry_kinds)]);
      add_attribute (gen, "author", PICK (gen, authors));
      end_start_tag (gen, FALSE);
      if (e % 4 != 0)
        add_text (gen, 3, "title", "Session %u in %s", e, PICK (gen, places));
      add_text (gen, 3, "text",
                "Discussed %s: partners agreed on next steps & budgets < last year's. "
                "Follow-up with Ådne, Chloé and Trần.", PICK (gen, topics));
      close_element (gen, 2, "entry");
    }

  close_element (gen, 1, "journal");
}

/**
 * ml_bench_generate:
 * @size: how many activities, stakeholders and relations
 * @seed: the seed of the random choices; the same seed gives the same bytes
 *
 * Returns: (transfer full): a valid project in canonical form
 */
GBytes *
ml_bench_generate (const MlBenchSize *size,
                   guint32            seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Generator gen = { size, rand, NULL, 0, 0, 0, 0 };
  GDate date;

  g_return_val_if_fail (size != NULL, NULL);
  g_return_val_if_fail (size->n_stakeholders >= 2, NULL);

  gen.n_missions = size->n_missions > 0 ? size->n_missions : N_MISSIONS;
  gen.n_objectives = gen.n_missions * OBJECTIVES_PER_MISSION;
  /* Objectives served are drawn as bits of a guint. */
  g_return_val_if_fail (gen.n_objectives <= 32, NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2020);
  gen.first_day = g_date_get_julian (&date);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 2035);
  gen.last_day = g_date_get_julian (&date);

  /* About 470 bytes per activity and 300 per stakeholder: allocate once. */
  gen.out = g_string_sized_new ((gsize) size->n_activities * 480 + size->n_stakeholders * 320 +
                                size->n_relations * 180 + 64 * 1024);

  g_string_append (gen.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  open_element (&gen, 0, "project");
  add_attribute (&gen, "xmlns", "https://example.org/ns/missionlab");
  add_attribute (&gen, "format-version", "1.0");
  add_attribute_printf (&gen, "id", "bench-%u", size->n_activities);
  add_date (&gen, "start", gen.first_day);
  add_date (&gen, "end", gen.last_day);
  add_attribute (&gen, "currency", "EUR");
  end_start_tag (&gen, FALSE);

  add_text (&gen, 1, "title", "Benchmark portfolio: %u activities & %u stakeholders",
            size->n_activities, size->n_stakeholders);
  add_text (&gen, 1, "owner", "Ministère de la Transition écologique");
  add_text (&gen, 1, "challenge",
            "Net-zero, climate-resilient regions from Tromsø to Đà Nẵng by 2035.");
  add_text (&gen, 1, "description",
            "Generated by missionlab-bench with seed %u. Budgets < 1 %% of GDP & rising; "
            "“quotes”, <tags> and ampersands must survive.", seed);

  generate_missions (&gen);
  generate_stakeholders (&gen);
  generate_relations (&gen);
  generate_instruments (&gen);
  generate_roadmap (&gen);
  generate_journal (&gen);

  close_element (&gen, 0, "project");

  return g_string_free_to_bytes (gen.out);
}
