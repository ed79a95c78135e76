/* ml-taxonomy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-taxonomy"

#include "config.h"

#include "ml-taxonomy.h"

/**
 * ml_instrument_type_lookup:
 * @code: a STIP Compass instrument code, like `PI008`
 *
 * Returns: (nullable): the instrument type
 */
const MlInstrumentType *
ml_instrument_type_lookup (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < ml_n_instrument_types; i++)
    {
      if (strcmp (ml_instrument_types[i].code, code) == 0)
        return &ml_instrument_types[i];
    }

  return NULL;
}

/**
 * ml_instrument_get_side:
 * @instrument: an element of kind %ML_KIND_INSTRUMENT
 *
 * Returns: the side the instrument acts on: its own if set, otherwise the usual side of its
 *   type, and supply when it has neither
 */
MlSide
ml_instrument_get_side (MlElement *instrument)
{
  int side, type;

  g_return_val_if_fail (ML_IS_ELEMENT (instrument), ML_SIDE_SUPPLY);
  g_return_val_if_fail (ml_element_get_kind (instrument) == ML_KIND_INSTRUMENT, ML_SIDE_SUPPLY);

  side = ml_element_get_enum (instrument, ML_INSTRUMENT_SIDE);
  if (side >= 0)
    return (MlSide) side;

  type = ml_element_get_enum (instrument, ML_INSTRUMENT_TYPE);
  if (type >= 0)
    return ml_instrument_type_lookup (ml_instrument_type_enum.nicks[type])->usual_side;

  return ML_SIDE_SUPPLY;
}
