/* ml-taxonomy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The OECD STIP Compass instrument types and target groups, generated from data/taxonomy.
 */

#pragma once

#include <glib.h>

#include "ml-enums.h"
#include "ml-element.h"
#include "ml-kind.h"

G_BEGIN_DECLS

typedef struct
{
  const char *code;
  const char *group;
  const char *name;
  MlSide      usual_side;
} MlInstrumentType;

typedef struct
{
  const char *code;
  const char *group;
  const char *name;
} MlTargetGroup;

extern const MlInstrumentType ml_instrument_types[];
extern const guint ml_n_instrument_types;
extern const MlTargetGroup ml_target_groups[];
extern const guint ml_n_target_groups;

/* The codes as enumerations of the format: an instrument's `type` and `target-groups`. */
extern const MlEnumInfo ml_instrument_type_enum;
extern const MlEnumInfo ml_target_group_enum;

const MlInstrumentType *ml_instrument_type_lookup (const char *code);
MlSide                  ml_instrument_get_side    (MlElement  *instrument);

G_END_DECLS
