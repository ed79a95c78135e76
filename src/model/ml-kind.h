/* ml-kind.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The description of every kind of element and every field of the project format. One table
 * drives the reader, the writer, validation, edits and (later) the generated inspector forms,
 * so a field is declared once and behaves the same everywhere.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ML_KIND_PROJECT,
  ML_KIND_MISSION,
  ML_KIND_OBJECTIVE,
  ML_KIND_INDICATOR,
  ML_KIND_MEASUREMENT,
  ML_KIND_STAKEHOLDER,
  ML_KIND_RELATION,
  ML_KIND_INSTRUMENT,
  ML_KIND_WORKSTREAM,
  ML_KIND_ACTIVITY,
  ML_KIND_DEPENDENCY,
  ML_KIND_MILESTONE,
  ML_KIND_DECISION_POINT,
  ML_KIND_JOURNAL_ENTRY,
  ML_KIND_EXCHANGE_RATE,
  ML_KIND_CRITERION,
  ML_KIND_CANDIDATE,
  ML_KIND_SCORE,
  ML_N_KINDS
} MlKind;

/* Every field of every kind; the fields of one kind are contiguous, attributes first (in the
 * canonical attribute order), then the text children (in canonical element order).
 */
typedef enum
{
  ML_PROJECT_START,
  ML_PROJECT_END,
  ML_PROJECT_CURRENCY,
  ML_PROJECT_TITLE,
  ML_PROJECT_OWNER,
  ML_PROJECT_CHALLENGE,
  ML_PROJECT_DESCRIPTION,

  ML_MISSION_KIND,
  ML_MISSION_SCALE,
  ML_MISSION_LEAD,
  ML_MISSION_TARGET_DATE,
  ML_MISSION_TITLE,
  ML_MISSION_STATEMENT,
  ML_MISSION_DESCRIPTION,

  ML_OBJECTIVE_TITLE,
  ML_OBJECTIVE_DESCRIPTION,

  ML_INDICATOR_UNIT,
  ML_INDICATOR_DIRECTION,
  ML_INDICATOR_BASELINE,
  ML_INDICATOR_BASELINE_DATE,
  ML_INDICATOR_TARGET,
  ML_INDICATOR_TARGET_DATE,
  ML_INDICATOR_NAME,
  ML_INDICATOR_DESCRIPTION,

  ML_MEASUREMENT_DATE,
  ML_MEASUREMENT_VALUE,
  ML_MEASUREMENT_SOURCE,
  ML_MEASUREMENT_NOTE,

  ML_STAKEHOLDER_TYPE,
  ML_STAKEHOLDER_LEVEL,
  ML_STAKEHOLDER_SECTOR,
  ML_STAKEHOLDER_INFLUENCE,
  ML_STAKEHOLDER_INTEREST,
  ML_STAKEHOLDER_ROLE,
  ML_STAKEHOLDER_ENGAGEMENT,
  ML_STAKEHOLDER_X,
  ML_STAKEHOLDER_Y,
  ML_STAKEHOLDER_NAME,
  ML_STAKEHOLDER_DESCRIPTION,

  ML_RELATION_FROM,
  ML_RELATION_TO,
  ML_RELATION_KIND,
  ML_RELATION_DIRECTION,
  ML_RELATION_STRENGTH,
  ML_RELATION_DESCRIPTION,

  ML_INSTRUMENT_TYPE,
  ML_INSTRUMENT_SIDE,
  ML_INSTRUMENT_STAGES,
  ML_INSTRUMENT_FIELD,
  ML_INSTRUMENT_RESPONSIBLE,
  ML_INSTRUMENT_BUDGET,
  ML_INSTRUMENT_CURRENCY,
  ML_INSTRUMENT_START,
  ML_INSTRUMENT_END,
  ML_INSTRUMENT_SERVES,
  ML_INSTRUMENT_TARGET_GROUPS,
  ML_INSTRUMENT_NAME,
  ML_INSTRUMENT_DESCRIPTION,

  ML_WORKSTREAM_MISSION,
  ML_WORKSTREAM_LEAD,
  ML_WORKSTREAM_NAME,
  ML_WORKSTREAM_DESCRIPTION,

  ML_ACTIVITY_START,
  ML_ACTIVITY_END,
  ML_ACTIVITY_OWNER,
  ML_ACTIVITY_STATUS,
  ML_ACTIVITY_PROGRESS,
  ML_ACTIVITY_BUDGET,
  ML_ACTIVITY_CURRENCY,
  ML_ACTIVITY_FUNDERS,
  ML_ACTIVITY_SERVES,
  ML_ACTIVITY_NAME,
  ML_ACTIVITY_DESCRIPTION,

  ML_DEPENDENCY_ACTIVITY,
  ML_DEPENDENCY_TYPE,
  ML_DEPENDENCY_LAG,

  ML_MILESTONE_DATE,
  ML_MILESTONE_STATUS,
  ML_MILESTONE_NAME,
  ML_MILESTONE_DESCRIPTION,

  ML_DECISION_DATE,
  ML_DECISION_OUTCOME,
  ML_DECISION_DECIDED,
  ML_DECISION_ABOUT,
  ML_DECISION_NAME,
  ML_DECISION_CRITERIA,
  ML_DECISION_RATIONALE,

  ML_ENTRY_DATE,
  ML_ENTRY_KIND,
  ML_ENTRY_AUTHOR,
  ML_ENTRY_TITLE,
  ML_ENTRY_TEXT,

  ML_RATE_CURRENCY,
  ML_RATE_VALUE,
  ML_RATE_DATE,
  ML_RATE_SOURCE,

  ML_CRITERION_WEIGHT,
  ML_CRITERION_NAME,
  ML_CRITERION_DESCRIPTION,

  ML_CANDIDATE_MISSION,
  ML_CANDIDATE_VOTES,
  ML_CANDIDATE_NAME,
  ML_CANDIDATE_STATEMENT,

  ML_SCORE_CRITERION,
  ML_SCORE_VALUE,

  ML_N_FIELDS
} MlField;

#define ML_NO_FIELD ((MlField) -1)

typedef enum
{
  ML_FIELD_TYPE_TEXT,     /* human text, written as a child element */
  ML_FIELD_TYPE_STRING,   /* short free text, written as an attribute */
  ML_FIELD_TYPE_NUMBER,
  ML_FIELD_TYPE_INTEGER,
  ML_FIELD_TYPE_DATE,
  ML_FIELD_TYPE_CURRENCY,
  ML_FIELD_TYPE_ENUM,
  ML_FIELD_TYPE_ENUM_SET,
  ML_FIELD_TYPE_REF,
  ML_FIELD_TYPE_REF_LIST,
} MlFieldType;

typedef enum
{
  ML_ID_NONE,
  ML_ID_OPTIONAL,
  ML_ID_REQUIRED,
} MlIdPolicy;

typedef struct
{
  const char *const *nicks;     /* the values as written in files */
  const char *const *labels;    /* untranslated, marked with N_() */
  guint               n_values;
  int                 default_value; /* -1: none, the field may be unset */
} MlEnumInfo;

typedef struct
{
  MlKind            kind;
  const char       *name;       /* attribute or child element name */
  MlFieldType       type;
  gboolean          required;
  const MlEnumInfo *enum_info;  /* ENUM and ENUM_SET */
  MlKind            ref_kind;   /* REF and REF_LIST */
  double            min;        /* NUMBER and INTEGER; NAN when unbounded */
  double            max;
  MlField           not_before; /* DATE: a date of the same element this one may not precede */
  const char       *label;      /* untranslated, marked with N_() */
} MlFieldInfo;

typedef struct
{
  const char *element;    /* the element name */
  const char *container;  /* the element grouping these in the parent, or NULL; kinds of one
                           * parent may share a container, written once in the order of kinds */
  MlKind      parent;     /* the project's parent is the project itself */
  MlIdPolicy  id_policy;
  MlField     first_field;
  guint       n_fields;
  const char *label;      /* untranslated, marked with N_() */
  const char *plural;
} MlKindInfo;

const MlKindInfo  *ml_kind_get_info              (MlKind       kind);
const MlFieldInfo *ml_field_get_info             (MlField      field);
gboolean           ml_kind_lookup_element        (const char  *element,
                                                  MlKind       parent,
                                                  MlKind      *kind);
gboolean           ml_kind_lookup_container      (const char  *container,
                                                  MlKind       parent);
MlField            ml_kind_lookup_field          (MlKind       kind,
                                                  const char  *name,
                                                  gboolean     attribute);
gboolean           ml_field_is_attribute         (MlField      field);
gboolean           ml_field_is_placement         (MlField      field);
int                ml_enum_info_lookup           (const MlEnumInfo *info,
                                                  const char       *nick);
char              *ml_enum_info_describe_values  (const MlEnumInfo *info);

#define ML_KIND_FOREACH_FIELD(kind, field)                                                   \
  for (MlField field = ml_kind_get_info (kind)->first_field;                                 \
       field < ml_kind_get_info (kind)->first_field + ml_kind_get_info (kind)->n_fields;     \
       field++)

G_END_DECLS
