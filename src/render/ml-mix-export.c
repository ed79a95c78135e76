/* ml-mix-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-mix-export"

#include "config.h"

#include "ml-mix-export.h"
#include "ml-mix-renderer.h"
#include "ml-page-export.h"

void
ml_mix_export_options_init (MlMixExportOptions *options,
                            MlRoadmapFormat     format)
{
  g_return_if_fail (options != NULL);

  options->format = format;
  ml_page_export_defaults (format, &options->style, &options->width, &options->height);
}

typedef struct
{
  MlPolicyMix   *mix;
  const MlStyle *style;
} MixPage;

static void
draw_mix (cairo_t  *cr,
          int       width,
          int       height,
          gpointer  user_data)
{
  MixPage *page = user_data;

  ml_mix_renderer_draw (page->mix, page->style, NULL, cr, width, height);
}

/**
 * ml_mix_export:
 * @project: a project
 * @options: what to write
 * @path: where; replaced atomically, so a failed export leaves an existing file as it was
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
ml_mix_export (MlProject                *project,
               const MlMixExportOptions *options,
               const char               *path,
               GError                  **error)
{
  g_autoptr(MlPolicyMix) mix = NULL;
  MixPage page;

  g_return_val_if_fail (ML_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL && options->width > 0 && options->height > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  mix = ml_policy_mix_compute (project);
  page.mix = mix;
  page.style = ml_style_get (options->style);

  return ml_page_export (options->format, options->width, options->height, draw_mix, &page,
                         path, error);
}
