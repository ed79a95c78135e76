/* ml-mix-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy-mix matrix drawn with Cairo: sides down, stages across, each cell shaded by its
 * share of the budget, its instruments as labelled chips and an empty cell marked as a gap.
 */

#pragma once

#include "ml-policy-mix.h"
#include "ml-style.h"

G_BEGIN_DECLS

/**
 * MlMixHit:
 * @instrument: (nullable): the instrument of the chip at the point
 * @side: the row of the cell at the point
 * @stage: the column of the cell at the point
 */
typedef struct
{
  MlElement *instrument;
  MlSide     side;
  MlStage    stage;
} MlMixHit;

void     ml_mix_renderer_draw          (MlPolicyMix       *mix,
                                        const MlStyle     *style,
                                        MlElement         *selected,
                                        cairo_t           *cr,
                                        double             width,
                                        double             height);
gboolean ml_mix_renderer_pick          (MlPolicyMix       *mix,
                                        const MlStyle     *style,
                                        double             width,
                                        double             height,
                                        double             x,
                                        double             y,
                                        MlMixHit          *hit);
char    *ml_mix_renderer_get_chip_text (MlPolicyMix       *mix,
                                        MlSide             side,
                                        MlStage            stage,
                                        guint              index);
void     ml_mix_renderer_get_cell_area (const MlStyle     *style,
                                        double             width,
                                        double             height,
                                        MlSide             side,
                                        MlStage            stage,
                                        cairo_rectangle_t *area);

G_END_DECLS
