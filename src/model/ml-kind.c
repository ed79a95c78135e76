/* ml-kind.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-kind"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-kind.h"
#include "ml-taxonomy.h"

#define ENUM(name, default_value, ...)                                                       \
  static const char *const name##_nicks[] = { __VA_ARGS__ };                                \
  static const MlEnumInfo name = { name##_nicks, name##_labels, G_N_ELEMENTS (name##_nicks), \
                                   default_value }

static const char *const mission_kind_labels[] = { N_("Complicated"), N_("Complex") };
ENUM (mission_kind, 0, "complicated", "complex");

static const char *const scale_labels[] = {
  N_("City"), N_("Regional"), N_("National"), N_("Supranational"), N_("Global"),
};
ENUM (scale, 2, "city", "regional", "national", "supranational", "global");

static const char *const direction_labels[] = { N_("Increase"), N_("Decrease") };
ENUM (direction, 0, "increase", "decrease");

static const char *const stakeholder_type_labels[] = {
  N_("Ministry or government"), N_("Agency"), N_("Research"), N_("Industry"), N_("SME"),
  N_("Civil society"), N_("Citizens"), N_("Social movement"),
  N_("International or multilateral body"), N_("Funder"),
};
ENUM (stakeholder_type, -1, "government", "agency", "research", "industry", "sme",
      "civil-society", "citizens", "social-movement", "international", "funder");

static const char *const level_labels[] = {
  N_("Local"), N_("Regional"), N_("National"), N_("Supranational"), N_("Global"),
};
ENUM (level, -1, "local", "regional", "national", "supranational", "global");

static const char *const role_labels[] = {
  N_("Lead"), N_("Partner"), N_("Funder"), N_("Beneficiary"), N_("Observer"),
};
ENUM (role, 1, "lead", "partner", "funder", "beneficiary", "observer");

static const char *const engagement_labels[] = {
  N_("Identified"), N_("Informed"), N_("Consulted"), N_("Involved"), N_("Collaborating"),
  N_("Empowered"),
};
ENUM (engagement, 0, "identified", "informed", "consulted", "involved", "collaborating",
      "empowered");

static const char *const relation_kind_labels[] = {
  N_("Coordination"), N_("Funding"), N_("Reporting"), N_("Information"), N_("Partnership"),
  N_("Conflict"),
};
ENUM (relation_kind, -1, "coordination", "funding", "reporting", "information", "partnership",
      "conflict");

static const char *const relation_direction_labels[] = { N_("Directed"), N_("Mutual") };
ENUM (relation_direction, 0, "directed", "mutual");

static const char *const side_labels[] = {
  N_("Supply"), N_("Demand"), N_("Regulatory"), N_("Systemic"),
};
ENUM (side, -1, "supply", "demand", "regulatory", "systemic");

static const char *const stage_labels[] = {
  N_("Research"), N_("Development"), N_("Demonstration"), N_("Deployment"), N_("Diffusion"),
};
ENUM (stage, -1, "research", "development", "demonstration", "deployment", "diffusion");

static const char *const status_labels[] = {
  N_("Planned"), N_("Active"), N_("At risk"), N_("Stopped"), N_("Done"),
};
ENUM (status, 0, "planned", "active", "at-risk", "stopped", "done");

static const char *const dependency_type_labels[] = {
  N_("Finish to start"), N_("Start to start"), N_("Finish to finish"), N_("Start to finish"),
};
ENUM (dependency_type, 0, "finish-start", "start-start", "finish-finish", "start-finish");

static const char *const milestone_status_labels[] = {
  N_("Pending"), N_("Reached"), N_("Missed"),
};
ENUM (milestone_status, 0, "pending", "reached", "missed");

static const char *const outcome_labels[] = {
  N_("Pending"), N_("Continue"), N_("Pivot"), N_("Stop"),
};
ENUM (outcome, 0, "pending", "continue", "pivot", "stop");

static const char *const entry_kind_labels[] = { N_("Note"), N_("Decision"), N_("Session") };
ENUM (entry_kind, 0, "note", "decision", "session");

#define KIND(k, elem, cont, par, idp, first, last, lab, plur) \
  [k] = { elem, cont, par, idp, first, last - first + 1, lab, plur }

static const MlKindInfo kinds[ML_N_KINDS] = {
  KIND (ML_KIND_PROJECT, "project", NULL, ML_KIND_PROJECT, ML_ID_OPTIONAL,
        ML_PROJECT_START, ML_PROJECT_DESCRIPTION, N_("Project"), N_("Projects")),
  KIND (ML_KIND_MISSION, "mission", "missions", ML_KIND_PROJECT, ML_ID_REQUIRED,
        ML_MISSION_KIND, ML_MISSION_DESCRIPTION, N_("Mission"), N_("Missions")),
  KIND (ML_KIND_OBJECTIVE, "objective", NULL, ML_KIND_MISSION, ML_ID_REQUIRED,
        ML_OBJECTIVE_TITLE, ML_OBJECTIVE_DESCRIPTION, N_("Objective"), N_("Objectives")),
  KIND (ML_KIND_INDICATOR, "indicator", NULL, ML_KIND_OBJECTIVE, ML_ID_REQUIRED,
        ML_INDICATOR_UNIT, ML_INDICATOR_DESCRIPTION, N_("Indicator"), N_("Indicators")),
  KIND (ML_KIND_MEASUREMENT, "measurement", NULL, ML_KIND_INDICATOR, ML_ID_OPTIONAL,
        ML_MEASUREMENT_DATE, ML_MEASUREMENT_NOTE, N_("Measurement"), N_("Measurements")),
  KIND (ML_KIND_STAKEHOLDER, "stakeholder", "stakeholders", ML_KIND_PROJECT, ML_ID_REQUIRED,
        ML_STAKEHOLDER_TYPE, ML_STAKEHOLDER_DESCRIPTION, N_("Stakeholder"), N_("Stakeholders")),
  KIND (ML_KIND_RELATION, "relation", "relations", ML_KIND_PROJECT, ML_ID_REQUIRED,
        ML_RELATION_FROM, ML_RELATION_DESCRIPTION, N_("Relation"), N_("Relations")),
  KIND (ML_KIND_INSTRUMENT, "instrument", "instruments", ML_KIND_PROJECT, ML_ID_REQUIRED,
        ML_INSTRUMENT_TYPE, ML_INSTRUMENT_DESCRIPTION, N_("Instrument"), N_("Instruments")),
  KIND (ML_KIND_WORKSTREAM, "workstream", "roadmap", ML_KIND_PROJECT, ML_ID_REQUIRED,
        ML_WORKSTREAM_MISSION, ML_WORKSTREAM_DESCRIPTION, N_("Workstream"), N_("Workstreams")),
  KIND (ML_KIND_ACTIVITY, "activity", NULL, ML_KIND_WORKSTREAM, ML_ID_REQUIRED,
        ML_ACTIVITY_START, ML_ACTIVITY_DESCRIPTION, N_("Activity"), N_("Activities")),
  KIND (ML_KIND_DEPENDENCY, "depends-on", NULL, ML_KIND_ACTIVITY, ML_ID_NONE,
        ML_DEPENDENCY_ACTIVITY, ML_DEPENDENCY_LAG, N_("Dependency"), N_("Dependencies")),
  KIND (ML_KIND_MILESTONE, "milestone", NULL, ML_KIND_WORKSTREAM, ML_ID_REQUIRED,
        ML_MILESTONE_DATE, ML_MILESTONE_DESCRIPTION, N_("Milestone"), N_("Milestones")),
  KIND (ML_KIND_DECISION_POINT, "decision-point", NULL, ML_KIND_WORKSTREAM, ML_ID_REQUIRED,
        ML_DECISION_DATE, ML_DECISION_RATIONALE, N_("Decision point"), N_("Decision points")),
  KIND (ML_KIND_JOURNAL_ENTRY, "entry", "journal", ML_KIND_PROJECT, ML_ID_REQUIRED,
        ML_ENTRY_DATE, ML_ENTRY_TEXT, N_("Journal entry"), N_("Journal")),
  KIND (ML_KIND_EXCHANGE_RATE, "rate", "exchange-rates", ML_KIND_PROJECT, ML_ID_NONE,
        ML_RATE_CURRENCY, ML_RATE_SOURCE, N_("Exchange rate"), N_("Exchange rates")),
  /* Criteria and candidates share one container: <candidates> holds both. */
  KIND (ML_KIND_CRITERION, "criterion", "candidates", ML_KIND_PROJECT, ML_ID_REQUIRED,
        ML_CRITERION_WEIGHT, ML_CRITERION_DESCRIPTION, N_("Criterion"), N_("Criteria")),
  KIND (ML_KIND_CANDIDATE, "candidate", "candidates", ML_KIND_PROJECT, ML_ID_REQUIRED,
        ML_CANDIDATE_MISSION, ML_CANDIDATE_STATEMENT, N_("Candidate mission"),
        N_("Candidate missions")),
  KIND (ML_KIND_SCORE, "score", NULL, ML_KIND_CANDIDATE, ML_ID_NONE,
        ML_SCORE_CRITERION, ML_SCORE_VALUE, N_("Score"), N_("Scores")),
};

#define F(f, k, nm, ty, req, lab) \
  [f] = { k, nm, ML_FIELD_TYPE_##ty, req, NULL, 0, NAN, NAN, ML_NO_FIELD, lab }
#define TEXT(f, k, nm, req, lab) F (f, k, nm, TEXT, req, lab)
#define DATE(f, k, nm, req, after, lab) \
  [f] = { k, nm, ML_FIELD_TYPE_DATE, req, NULL, 0, NAN, NAN, after, lab }
#define NUM(f, k, nm, req, lo, hi, lab) \
  [f] = { k, nm, ML_FIELD_TYPE_NUMBER, req, NULL, 0, lo, hi, ML_NO_FIELD, lab }
#define CHOICE(f, k, nm, ty, req, info, lab) \
  [f] = { k, nm, ML_FIELD_TYPE_##ty, req, &info, 0, NAN, NAN, ML_NO_FIELD, lab }
#define REF(f, k, nm, ty, req, target, lab) \
  [f] = { k, nm, ML_FIELD_TYPE_##ty, req, NULL, target, NAN, NAN, ML_NO_FIELD, lab }

static const MlFieldInfo fields[ML_N_FIELDS] = {
  DATE (ML_PROJECT_START, ML_KIND_PROJECT, "start", FALSE, ML_NO_FIELD, N_("Start")),
  DATE (ML_PROJECT_END, ML_KIND_PROJECT, "end", FALSE, ML_PROJECT_START, N_("End")),
  F (ML_PROJECT_CURRENCY, ML_KIND_PROJECT, "currency", CURRENCY, FALSE, N_("Currency")),
  TEXT (ML_PROJECT_TITLE, ML_KIND_PROJECT, "title", TRUE, N_("Title")),
  TEXT (ML_PROJECT_OWNER, ML_KIND_PROJECT, "owner", FALSE, N_("Owner")),
  TEXT (ML_PROJECT_CHALLENGE, ML_KIND_PROJECT, "challenge", FALSE, N_("Societal challenge")),
  TEXT (ML_PROJECT_DESCRIPTION, ML_KIND_PROJECT, "description", FALSE, N_("Description")),

  CHOICE (ML_MISSION_KIND, ML_KIND_MISSION, "kind", ENUM, FALSE, mission_kind, N_("Kind")),
  CHOICE (ML_MISSION_SCALE, ML_KIND_MISSION, "scale", ENUM, FALSE, scale, N_("Scale")),
  REF (ML_MISSION_LEAD, ML_KIND_MISSION, "lead", REF, FALSE, ML_KIND_STAKEHOLDER, N_("Lead")),
  DATE (ML_MISSION_TARGET_DATE, ML_KIND_MISSION, "target-date", FALSE, ML_NO_FIELD,
        N_("Target date")),
  TEXT (ML_MISSION_TITLE, ML_KIND_MISSION, "title", TRUE, N_("Title")),
  TEXT (ML_MISSION_STATEMENT, ML_KIND_MISSION, "statement", FALSE, N_("Mission statement")),
  TEXT (ML_MISSION_DESCRIPTION, ML_KIND_MISSION, "description", FALSE, N_("Description")),

  TEXT (ML_OBJECTIVE_TITLE, ML_KIND_OBJECTIVE, "title", TRUE, N_("Title")),
  TEXT (ML_OBJECTIVE_DESCRIPTION, ML_KIND_OBJECTIVE, "description", FALSE, N_("Description")),

  F (ML_INDICATOR_UNIT, ML_KIND_INDICATOR, "unit", STRING, FALSE, N_("Unit")),
  CHOICE (ML_INDICATOR_DIRECTION, ML_KIND_INDICATOR, "direction", ENUM, FALSE, direction,
          N_("Direction")),
  NUM (ML_INDICATOR_BASELINE, ML_KIND_INDICATOR, "baseline", FALSE, NAN, NAN, N_("Baseline")),
  DATE (ML_INDICATOR_BASELINE_DATE, ML_KIND_INDICATOR, "baseline-date", FALSE, ML_NO_FIELD,
        N_("Baseline date")),
  NUM (ML_INDICATOR_TARGET, ML_KIND_INDICATOR, "target", FALSE, NAN, NAN, N_("Target")),
  DATE (ML_INDICATOR_TARGET_DATE, ML_KIND_INDICATOR, "target-date", FALSE,
        ML_INDICATOR_BASELINE_DATE, N_("Target date")),
  TEXT (ML_INDICATOR_NAME, ML_KIND_INDICATOR, "name", TRUE, N_("Name")),
  TEXT (ML_INDICATOR_DESCRIPTION, ML_KIND_INDICATOR, "description", FALSE, N_("Description")),

  DATE (ML_MEASUREMENT_DATE, ML_KIND_MEASUREMENT, "date", TRUE, ML_NO_FIELD, N_("Date")),
  NUM (ML_MEASUREMENT_VALUE, ML_KIND_MEASUREMENT, "value", TRUE, NAN, NAN, N_("Value")),
  F (ML_MEASUREMENT_SOURCE, ML_KIND_MEASUREMENT, "source", STRING, FALSE, N_("Source")),
  TEXT (ML_MEASUREMENT_NOTE, ML_KIND_MEASUREMENT, "note", FALSE, N_("Note")),

  CHOICE (ML_STAKEHOLDER_TYPE, ML_KIND_STAKEHOLDER, "type", ENUM, TRUE, stakeholder_type,
          N_("Type")),
  CHOICE (ML_STAKEHOLDER_LEVEL, ML_KIND_STAKEHOLDER, "level", ENUM, TRUE, level,
          N_("Level of governance")),
  F (ML_STAKEHOLDER_SECTOR, ML_KIND_STAKEHOLDER, "sector", STRING, FALSE,
     N_("Sector or policy field")),
  NUM (ML_STAKEHOLDER_INFLUENCE, ML_KIND_STAKEHOLDER, "influence", FALSE, 1, 5, N_("Influence")),
  NUM (ML_STAKEHOLDER_INTEREST, ML_KIND_STAKEHOLDER, "interest", FALSE, 1, 5, N_("Interest")),
  CHOICE (ML_STAKEHOLDER_ROLE, ML_KIND_STAKEHOLDER, "role", ENUM, FALSE, role, N_("Role")),
  CHOICE (ML_STAKEHOLDER_ENGAGEMENT, ML_KIND_STAKEHOLDER, "engagement", ENUM, FALSE, engagement,
          N_("Engagement")),
  NUM (ML_STAKEHOLDER_X, ML_KIND_STAKEHOLDER, "x", FALSE, NAN, NAN, N_("Position on the map, across")),
  NUM (ML_STAKEHOLDER_Y, ML_KIND_STAKEHOLDER, "y", FALSE, NAN, NAN, N_("Position on the map, down")),
  TEXT (ML_STAKEHOLDER_NAME, ML_KIND_STAKEHOLDER, "name", TRUE, N_("Name")),
  TEXT (ML_STAKEHOLDER_DESCRIPTION, ML_KIND_STAKEHOLDER, "description", FALSE,
        N_("Description")),

  REF (ML_RELATION_FROM, ML_KIND_RELATION, "from", REF, TRUE, ML_KIND_STAKEHOLDER, N_("From")),
  REF (ML_RELATION_TO, ML_KIND_RELATION, "to", REF, TRUE, ML_KIND_STAKEHOLDER, N_("To")),
  CHOICE (ML_RELATION_KIND, ML_KIND_RELATION, "kind", ENUM, TRUE, relation_kind, N_("Kind")),
  CHOICE (ML_RELATION_DIRECTION, ML_KIND_RELATION, "direction", ENUM, FALSE, relation_direction,
          N_("Direction")),
  NUM (ML_RELATION_STRENGTH, ML_KIND_RELATION, "strength", FALSE, 1, 3, N_("Strength")),
  TEXT (ML_RELATION_DESCRIPTION, ML_KIND_RELATION, "description", FALSE, N_("Description")),

  CHOICE (ML_INSTRUMENT_TYPE, ML_KIND_INSTRUMENT, "type", ENUM, TRUE, ml_instrument_type_enum,
          N_("Instrument type")),
  CHOICE (ML_INSTRUMENT_SIDE, ML_KIND_INSTRUMENT, "side", ENUM, FALSE, side, N_("Side")),
  CHOICE (ML_INSTRUMENT_STAGES, ML_KIND_INSTRUMENT, "stages", ENUM_SET, FALSE, stage,
          N_("Innovation stages")),
  F (ML_INSTRUMENT_FIELD, ML_KIND_INSTRUMENT, "field", STRING, FALSE, N_("Policy field")),
  REF (ML_INSTRUMENT_RESPONSIBLE, ML_KIND_INSTRUMENT, "responsible", REF, FALSE,
       ML_KIND_STAKEHOLDER, N_("Responsible")),
  NUM (ML_INSTRUMENT_BUDGET, ML_KIND_INSTRUMENT, "budget", FALSE, 0, NAN, N_("Budget")),
  F (ML_INSTRUMENT_CURRENCY, ML_KIND_INSTRUMENT, "currency", CURRENCY, FALSE, N_("Currency")),
  DATE (ML_INSTRUMENT_START, ML_KIND_INSTRUMENT, "start", FALSE, ML_NO_FIELD, N_("Start")),
  DATE (ML_INSTRUMENT_END, ML_KIND_INSTRUMENT, "end", FALSE, ML_INSTRUMENT_START, N_("End")),
  REF (ML_INSTRUMENT_SERVES, ML_KIND_INSTRUMENT, "serves", REF_LIST, FALSE, ML_KIND_OBJECTIVE,
       N_("Serves objectives")),
  CHOICE (ML_INSTRUMENT_TARGET_GROUPS, ML_KIND_INSTRUMENT, "target-groups", ENUM_SET, FALSE,
          ml_target_group_enum, N_("Target groups")),
  TEXT (ML_INSTRUMENT_NAME, ML_KIND_INSTRUMENT, "name", TRUE, N_("Name")),
  TEXT (ML_INSTRUMENT_DESCRIPTION, ML_KIND_INSTRUMENT, "description", FALSE,
        N_("Description")),

  REF (ML_WORKSTREAM_MISSION, ML_KIND_WORKSTREAM, "mission", REF, FALSE, ML_KIND_MISSION,
       N_("Mission")),
  REF (ML_WORKSTREAM_LEAD, ML_KIND_WORKSTREAM, "lead", REF, FALSE, ML_KIND_STAKEHOLDER,
       N_("Lead")),
  TEXT (ML_WORKSTREAM_NAME, ML_KIND_WORKSTREAM, "name", TRUE, N_("Name")),
  TEXT (ML_WORKSTREAM_DESCRIPTION, ML_KIND_WORKSTREAM, "description", FALSE,
        N_("Description")),

  DATE (ML_ACTIVITY_START, ML_KIND_ACTIVITY, "start", TRUE, ML_NO_FIELD, N_("Start")),
  DATE (ML_ACTIVITY_END, ML_KIND_ACTIVITY, "end", TRUE, ML_ACTIVITY_START, N_("End")),
  REF (ML_ACTIVITY_OWNER, ML_KIND_ACTIVITY, "owner", REF, FALSE, ML_KIND_STAKEHOLDER,
       N_("Owner")),
  CHOICE (ML_ACTIVITY_STATUS, ML_KIND_ACTIVITY, "status", ENUM, FALSE, status, N_("Status")),
  NUM (ML_ACTIVITY_PROGRESS, ML_KIND_ACTIVITY, "progress", FALSE, 0, 100, N_("Progress")),
  NUM (ML_ACTIVITY_BUDGET, ML_KIND_ACTIVITY, "budget", FALSE, 0, NAN, N_("Budget")),
  F (ML_ACTIVITY_CURRENCY, ML_KIND_ACTIVITY, "currency", CURRENCY, FALSE, N_("Currency")),
  REF (ML_ACTIVITY_FUNDERS, ML_KIND_ACTIVITY, "funders", REF_LIST, FALSE, ML_KIND_STAKEHOLDER,
       N_("Funding sources")),
  REF (ML_ACTIVITY_SERVES, ML_KIND_ACTIVITY, "serves", REF_LIST, FALSE, ML_KIND_OBJECTIVE,
       N_("Serves objectives")),
  TEXT (ML_ACTIVITY_NAME, ML_KIND_ACTIVITY, "name", TRUE, N_("Name")),
  TEXT (ML_ACTIVITY_DESCRIPTION, ML_KIND_ACTIVITY, "description", FALSE, N_("Description")),

  REF (ML_DEPENDENCY_ACTIVITY, ML_KIND_DEPENDENCY, "activity", REF, TRUE, ML_KIND_ACTIVITY,
       N_("Predecessor")),
  CHOICE (ML_DEPENDENCY_TYPE, ML_KIND_DEPENDENCY, "type", ENUM, FALSE, dependency_type,
          N_("Type")),
  [ML_DEPENDENCY_LAG] = { ML_KIND_DEPENDENCY, "lag", ML_FIELD_TYPE_INTEGER, FALSE, NULL, 0,
                          -36500, 36500, ML_NO_FIELD, N_("Lag (days)") },

  DATE (ML_MILESTONE_DATE, ML_KIND_MILESTONE, "date", TRUE, ML_NO_FIELD, N_("Date")),
  CHOICE (ML_MILESTONE_STATUS, ML_KIND_MILESTONE, "status", ENUM, FALSE, milestone_status,
          N_("Status")),
  TEXT (ML_MILESTONE_NAME, ML_KIND_MILESTONE, "name", TRUE, N_("Name")),
  TEXT (ML_MILESTONE_DESCRIPTION, ML_KIND_MILESTONE, "description", FALSE, N_("Description")),

  DATE (ML_DECISION_DATE, ML_KIND_DECISION_POINT, "date", TRUE, ML_NO_FIELD, N_("Due")),
  CHOICE (ML_DECISION_OUTCOME, ML_KIND_DECISION_POINT, "outcome", ENUM, FALSE, outcome,
          N_("Outcome")),
  DATE (ML_DECISION_DECIDED, ML_KIND_DECISION_POINT, "decided", FALSE, ML_NO_FIELD,
        N_("Decided on")),
  REF (ML_DECISION_ABOUT, ML_KIND_DECISION_POINT, "about", REF_LIST, FALSE, ML_KIND_ACTIVITY,
       N_("Activities under review")),
  TEXT (ML_DECISION_NAME, ML_KIND_DECISION_POINT, "name", TRUE, N_("Name")),
  TEXT (ML_DECISION_CRITERIA, ML_KIND_DECISION_POINT, "criteria", FALSE, N_("Criteria")),
  TEXT (ML_DECISION_RATIONALE, ML_KIND_DECISION_POINT, "rationale", FALSE, N_("Rationale")),

  DATE (ML_ENTRY_DATE, ML_KIND_JOURNAL_ENTRY, "date", TRUE, ML_NO_FIELD, N_("Date")),
  CHOICE (ML_ENTRY_KIND, ML_KIND_JOURNAL_ENTRY, "kind", ENUM, FALSE, entry_kind, N_("Kind")),
  F (ML_ENTRY_AUTHOR, ML_KIND_JOURNAL_ENTRY, "author", STRING, FALSE, N_("Author")),
  TEXT (ML_ENTRY_TITLE, ML_KIND_JOURNAL_ENTRY, "title", FALSE, N_("Title")),
  TEXT (ML_ENTRY_TEXT, ML_KIND_JOURNAL_ENTRY, "text", TRUE, N_("Text")),

  F (ML_RATE_CURRENCY, ML_KIND_EXCHANGE_RATE, "currency", CURRENCY, TRUE, N_("Currency")),
  NUM (ML_RATE_VALUE, ML_KIND_EXCHANGE_RATE, "value", TRUE, NAN, NAN,
       N_("Value of one unit in the project's currency")),
  DATE (ML_RATE_DATE, ML_KIND_EXCHANGE_RATE, "date", FALSE, ML_NO_FIELD, N_("As of")),
  F (ML_RATE_SOURCE, ML_KIND_EXCHANGE_RATE, "source", STRING, FALSE, N_("Source")),

  NUM (ML_CRITERION_WEIGHT, ML_KIND_CRITERION, "weight", TRUE, 0, NAN, N_("Weight")),
  TEXT (ML_CRITERION_NAME, ML_KIND_CRITERION, "name", TRUE, N_("Name")),
  TEXT (ML_CRITERION_DESCRIPTION, ML_KIND_CRITERION, "description", FALSE, N_("Description")),

  REF (ML_CANDIDATE_MISSION, ML_KIND_CANDIDATE, "mission", REF, FALSE, ML_KIND_MISSION,
       N_("Launched as mission")),
  [ML_CANDIDATE_VOTES] = { ML_KIND_CANDIDATE, "votes", ML_FIELD_TYPE_INTEGER, FALSE, NULL, 0,
                           0, NAN, ML_NO_FIELD, N_("Dot votes") },
  TEXT (ML_CANDIDATE_NAME, ML_KIND_CANDIDATE, "name", TRUE, N_("Name")),
  TEXT (ML_CANDIDATE_STATEMENT, ML_KIND_CANDIDATE, "statement", FALSE, N_("Mission statement")),

  REF (ML_SCORE_CRITERION, ML_KIND_SCORE, "criterion", REF, TRUE, ML_KIND_CRITERION,
       N_("Criterion")),
  NUM (ML_SCORE_VALUE, ML_KIND_SCORE, "value", TRUE, 0, 5, N_("Score")),
};

const MlKindInfo *
ml_kind_get_info (MlKind kind)
{
  g_return_val_if_fail (kind < ML_N_KINDS, NULL);

  return &kinds[kind];
}

const MlFieldInfo *
ml_field_get_info (MlField field)
{
  g_return_val_if_fail (field < ML_N_FIELDS, NULL);

  return &fields[field];
}

/**
 * ml_field_is_placement:
 *
 * Returns: whether @field records where the user placed the element on a map, which the map
 *   edits by dragging rather than a form
 */
gboolean
ml_field_is_placement (MlField field)
{
  return field == ML_STAKEHOLDER_X || field == ML_STAKEHOLDER_Y;
}

gboolean
ml_field_is_attribute (MlField field)
{
  return ml_field_get_info (field)->type != ML_FIELD_TYPE_TEXT;
}

/**
 * ml_kind_lookup_element:
 * @element: an element name
 * @parent: the kind of the element it appears in
 * @kind: (out): the kind it names
 *
 * Returns: whether @element names a kind that belongs in @parent
 */
gboolean
ml_kind_lookup_element (const char *element,
                        MlKind      parent,
                        MlKind     *kind)
{
  for (MlKind k = ML_KIND_MISSION; k < ML_N_KINDS; k++)
    {
      if (kinds[k].parent == parent && strcmp (kinds[k].element, element) == 0)
        {
          *kind = k;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
ml_kind_lookup_container (const char *container,
                          MlKind      parent)
{
  for (MlKind k = ML_KIND_MISSION; k < ML_N_KINDS; k++)
    {
      if (kinds[k].parent == parent && kinds[k].container != NULL &&
          strcmp (kinds[k].container, container) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ml_kind_lookup_field:
 * @kind: a kind
 * @name: an attribute or child element name
 * @attribute: whether @name is an attribute
 *
 * Returns: the field, or %ML_NO_FIELD
 */
MlField
ml_kind_lookup_field (MlKind      kind,
                      const char *name,
                      gboolean    attribute)
{
  ML_KIND_FOREACH_FIELD (kind, field)
    {
      if (ml_field_is_attribute (field) == attribute && strcmp (fields[field].name, name) == 0)
        return field;
    }

  return ML_NO_FIELD;
}

/**
 * ml_enum_info_lookup:
 *
 * Returns: the index of @nick, or -1
 */
int
ml_enum_info_lookup (const MlEnumInfo *info,
                     const char       *nick)
{
  for (guint i = 0; i < info->n_values; i++)
    {
      if (strcmp (info->nicks[i], nick) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * ml_enum_info_describe_values:
 *
 * Returns: (transfer full): the values as a list for an error message
 */
char *
ml_enum_info_describe_values (const MlEnumInfo *info)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < info->n_values; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, info->nicks[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
