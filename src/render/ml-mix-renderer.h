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

void ml_mix_renderer_draw (MlPolicyMix   *mix,
                           const MlStyle *style,
                           cairo_t       *cr,
                           double         width,
                           double         height);

G_END_DECLS
