/* ml-cli-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `export roadmap`: the roadmap as a PNG, SVG or PDF file, for handouts, slides and walls.
 * `export stakeholders`: the stakeholder network as GraphML or GEXF, for Gephi, networkx, igraph.
 * `export mix`: the policy-mix matrix as a PNG, SVG or PDF file.
 * `export indicators`: every indicator chart on one page, as a PNG, SVG or PDF file.
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ml-cli.h"
#include "ml-graph-export.h"
#include "ml-indicator-export.h"
#include "ml-map-export.h"
#include "ml-mix-export.h"
#include "ml-page-export.h"
#include "ml-roadmap-export.h"

#define COMMAND "export roadmap"

static int G_GNUC_PRINTF (1, 2)
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("missionlab-cli %s: %s\n", COMMAND, message);

  return ML_EXIT_USAGE;
}

static gboolean
parse_date_option (const char *text,
                   MlDate     *date)
{
  return text == NULL || ml_date_parse (text, date);
}

static int
export_roadmap (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *style_name = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *today = NULL;
  g_autofree char *display = NULL;
  MlRoadmapExportOptions options;
  MlRoadmapFormat format;
  int width = ML_ROADMAP_EXPORT_DEFAULT_WIDTH;
  int page_days = 0;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("png, svg or pdf; by default from the name of the output"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (required)"),
      N_("OUT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("First day shown, YYYY-MM-DD; by default the start of the roadmap"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Last day shown, YYYY-MM-DD; by default the end of the roadmap"), N_("DATE") },
    { "width", 'w', 0, G_OPTION_ARG_INT, &width, N_("Width of a PNG or SVG image in pixels (1920)"),
      N_("PX") },
    { "style", 's', 0, G_OPTION_ARG_STRING, &style_name,
      N_("screen, screen-dark, projector or print; screen for images, print for PDF"),
      N_("STYLE") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 or a3, in landscape (a4)"),
      N_("PAPER") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Where to draw the today line, YYYY-MM-DD, or “none”; by default today"), N_("DATE") },
    { "days-per-page", 0, 0, G_OPTION_ARG_INT, &page_days,
      N_("PDF: days across one page; by default whole months or years, legible"),
      N_("DAYS") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — export the roadmap as an image or a PDF"));
  g_option_context_set_summary (context,
                                _("Draws the roadmap of FILE: workstreams, activities by status and progress, milestones, decision points, dependencies and the critical path. PNG and SVG give one image of the whole period and every row; PDF gives landscape pages, split across time and down the rows, each with the axis, the names, a legend and page numbers."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;

  if (argc > 2)
    return usage_error (_("one project file at a time, not “%s” too"), argv[2]);
  if (output == NULL)
    return usage_error ("%s", _("name the file to write with -o OUT"));

  if (format_name != NULL)
    {
      if (!ml_roadmap_format_from_string (format_name, &format))
        return usage_error (_("unknown format “%s”: png, svg or pdf"), format_name);
    }
  else
    {
      const char *extension = strrchr (output, '.');

      if (extension == NULL || !ml_roadmap_format_from_string (extension + 1, &format))
        return usage_error (_("cannot tell the format from “%s”: use --format png, svg or pdf"),
                            output);
    }

  ml_roadmap_export_options_init (&options, format);
  options.width = width;
  options.page_days = page_days;
  options.today = ml_date_today ();

  if (!parse_date_option (from, &options.from))
    return usage_error (_("“%s” is not a date (YYYY-MM-DD)"), from);
  if (!parse_date_option (to, &options.to))
    return usage_error (_("“%s” is not a date (YYYY-MM-DD)"), to);
  if (options.from != ML_DATE_NONE && options.to != ML_DATE_NONE && options.to < options.from)
    return usage_error (_("--to %s is before --from"), to);
  if (today != NULL && g_strcmp0 (today, "none") == 0)
    options.today = ML_DATE_NONE;
  else if (!parse_date_option (today, &options.today))
    return usage_error (_("“%s” is not a date (YYYY-MM-DD) or “none”"), today);
  if (width <= 0 || width > 32767)
    return usage_error ("%s", _("--width must be between 1 and 32767 pixels"));
  if (page_days < 0)
    return usage_error ("%s", _("--days-per-page cannot be negative"));
  if (style_name != NULL && !ml_style_kind_from_string (style_name, FALSE, &options.style))
    return usage_error (_("unknown style “%s”: screen, screen-dark, projector or print"),
                        style_name);
  if (paper_name != NULL && !ml_paper_size_from_string (paper_name, &options.paper))
    return usage_error (_("unknown paper size “%s”: a4 or a3"), paper_name);

  project = ml_cli_load (argv[1], NULL, &status);
  if (project == NULL)
    return status;

  display = g_filename_display_name (output);
  if (!ml_roadmap_export (project, &options, output, &error))
    {
      g_printerr ("missionlab-cli %s: %s: %s\n", COMMAND, display, error->message);
      return ML_EXIT_IO;
    }

  if (format == ML_ROADMAP_FORMAT_PDF)
    {
      guint n_pages = ml_roadmap_export_count_pages (project, &options);

      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u page\n", "%s: %u pages\n", n_pages), display,
               n_pages);
    }
  else
    {
      g_print (_("%s: written\n"), display);
    }

  return ML_EXIT_OK;
}

#define STAKEHOLDERS_COMMAND "export stakeholders"

/* What `export stakeholders` and `export mix` check before anything else: one project file and
 * an output; returns ML_EXIT_OK or ML_EXIT_USAGE after saying what is wrong.
 */
static int
check_file_and_output (const char *command,
                       int         argc,
                       char      **argv,
                       const char *output)
{
  if (argc > 2)
    {
      g_printerr ("missionlab-cli %s: ", command);
      g_printerr (_("one project file at a time, not “%s” too\n"), argv[2]);
      return ML_EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr ("missionlab-cli %s: %s\n", command, _("name the file to write with -o OUT"));
      return ML_EXIT_USAGE;
    }

  return ML_EXIT_OK;
}

/* The format named with --format, else the extension of the output. */
static const char *
get_format_name (const char *format_name,
                 const char *output)
{
  const char *extension = strrchr (output, '.');

  return format_name != NULL ? format_name : extension != NULL ? extension + 1 : "";
}

/* Says why the format of an export is not known; returns ML_EXIT_USAGE. */
static int
unknown_format (const char *command,
                const char *format_name,
                const char *output,
                const char *choices)
{
  g_printerr ("missionlab-cli %s: ", command);
  if (format_name != NULL)
    g_printerr (_("unknown format “%s”: %s\n"), format_name, choices);
  else
    g_printerr (_("cannot tell the format from “%s”: use --format\n"), output);

  return ML_EXIT_USAGE;
}

/* Applies --style, --width and --height to an image export's defaults; returns ML_EXIT_OK or
 * ML_EXIT_USAGE after saying what is wrong.
 */
static int
apply_page_options (const char  *command,
                    const char  *style_name,
                    int          width,
                    int          height,
                    MlStyleKind *style,
                    int         *page_width,
                    int         *page_height)
{
  if ((style_name != NULL && !ml_style_kind_from_string (style_name, FALSE, style)) ||
      width < 0 || height < 0 || width > 16384 || height > 16384)
    {
      g_printerr ("missionlab-cli %s: %s\n", command,
                  _("unknown style, or a size out of range"));
      return ML_EXIT_USAGE;
    }
  if (width > 0)
    *page_width = width;
  if (height > 0)
    *page_height = height;

  return ML_EXIT_OK;
}

static gboolean
layout_from_string (const char   *name,
                    MlLayoutKind *kind)
{
  static const char *const names[] = { "force", "power-interest", "levels", "types" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *kind = (MlLayoutKind) i;
        return TRUE;
      }

  return FALSE;
}

static int
export_stakeholders (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *display = NULL;
  g_autofree char *layout_name = NULL;
  g_autofree char *style_name = NULL;
  const char *name;
  MlGraphFormat format;
  MlRoadmapFormat image_format;
  MlMapExportOptions map;
  gboolean is_graph, is_image;
  int width = 0, height = 0;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("graphml, gexf, png, svg or pdf; by default from the name of the output"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (required)"),
      N_("OUT") },
    { "layout", 'l', 0, G_OPTION_ARG_STRING, &layout_name,
      N_("Images: force, power-interest, levels or types (default: force)"), N_("LAYOUT") },
    { "style", 's', 0, G_OPTION_ARG_STRING, &style_name,
      N_("Images: screen, projector or print"), N_("STYLE") },
    { "width", 'w', 0, G_OPTION_ARG_INT, &width, N_("Images: width in pixels (points for PDF)"),
      N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Images: height in pixels (points for PDF)"),
      N_("PX") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — export the stakeholder network or map"));
  g_option_context_set_summary (context,
                                _("Writes the stakeholders of FILE as nodes and their relations as edges, with every field and the network measures as attributes, for Gephi, networkx or igraph (GraphML, GEXF; a mutual relation becomes two arcs that share the attribute “relation”), or draws the map as an image (PNG, SVG, PDF)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;

  if ((status = check_file_and_output (STAKEHOLDERS_COMMAND, argc, argv, output)) != ML_EXIT_OK)
    return status;

  name = get_format_name (format_name, output);
  is_graph = ml_graph_format_from_string (name, &format);
  is_image = !is_graph && ml_roadmap_format_from_string (name, &image_format);
  if (!is_graph && !is_image)
    return unknown_format (STAKEHOLDERS_COMMAND, format_name, output,
                           "graphml, gexf, png, svg or pdf");

  if (is_image)
    {
      ml_map_export_options_init (&map, image_format);
      if (layout_name != NULL && !layout_from_string (layout_name, &map.layout))
        {
          g_printerr ("missionlab-cli %s: ", STAKEHOLDERS_COMMAND);
          g_printerr (_("unknown layout “%s”: force, power-interest, levels or types\n"),
                      layout_name);
          return ML_EXIT_USAGE;
        }
      if ((status = apply_page_options (STAKEHOLDERS_COMMAND, style_name, width, height,
                                        &map.style, &map.width, &map.height)) != ML_EXIT_OK)
        return status;
    }

  project = ml_cli_load (argv[1], NULL, &status);
  if (project == NULL)
    return status;

  display = g_filename_display_name (output);
  if (is_graph ? !ml_graph_export (project, format, output, &error)
               : !ml_map_export (project, &map, output, &error))
    {
      g_printerr ("missionlab-cli %s: %s\n", STAKEHOLDERS_COMMAND, error->message);
      return ML_EXIT_IO;
    }

  g_print (_("%s: written\n"), display);

  return ML_EXIT_OK;
}

/* What `export mix` and `export indicators` share: the options of a one-page image. */
typedef struct
{
  char           *format_name;
  char           *output;
  char           *style_name;
  int             width;
  int             height;
  MlRoadmapFormat format;
  MlStyleKind     style;
  int             page_width;
  int             page_height;
} PageArgs;

static void
page_args_clear (PageArgs *args)
{
  g_clear_pointer (&args->format_name, g_free);
  g_clear_pointer (&args->output, g_free);
  g_clear_pointer (&args->style_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageArgs, page_args_clear)

static void
add_page_entries (GOptionContext *context,
                  PageArgs       *args)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args->format_name,
      N_("png, svg or pdf; by default from the name of the output"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output, N_("The file to write (required)"),
      N_("OUT") },
    { "style", 's', 0, G_OPTION_ARG_STRING, &args->style_name,
      N_("screen, screen-dark, projector or print; screen for images, print for PDF"),
      N_("STYLE") },
    { "width", 'w', 0, G_OPTION_ARG_INT, &args->width,
      N_("Images: width in pixels (points for PDF)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &args->height,
      N_("Images: height in pixels (points for PDF)"), N_("PX") },
    { NULL }
  };

  /* GOption copies the entries. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Checks the parsed page options and works out the format, style and size; returns
 * ML_EXIT_OK or ML_EXIT_USAGE after saying what is wrong.
 */
static int
check_page_args (const char *command,
                 int         argc,
                 char      **argv,
                 PageArgs   *args)
{
  int status;

  if ((status = check_file_and_output (command, argc, argv, args->output)) != ML_EXIT_OK)
    return status;

  if (!ml_roadmap_format_from_string (get_format_name (args->format_name, args->output),
                                      &args->format))
    return unknown_format (command, args->format_name, args->output, "png, svg or pdf");

  ml_page_export_defaults (args->format, &args->style, &args->page_width, &args->page_height);

  return apply_page_options (command, args->style_name, args->width, args->height, &args->style,
                             &args->page_width, &args->page_height);
}

typedef gboolean (*PageExportFunc) (MlProject     *project,
                                    gconstpointer  options,
                                    const char    *path,
                                    GError       **error);

/* Loads @file and writes it with @export; returns an exit status. */
static int
write_page (const char     *command,
            const char     *file,
            const char     *output,
            PageExportFunc  export,
            gconstpointer   options)
{
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  int status;

  project = ml_cli_load (file, NULL, &status);
  if (project == NULL)
    return status;

  display = g_filename_display_name (output);
  if (!export (project, options, output, &error))
    {
      g_printerr ("missionlab-cli %s: %s\n", command, error->message);
      return ML_EXIT_IO;
    }

  g_print (_("%s: written\n"), display);

  return ML_EXIT_OK;
}

#define MIX_COMMAND "export mix"

static gboolean
export_mix_page (MlProject     *project,
                 gconstpointer  options,
                 const char    *path,
                 GError       **error)
{
  return ml_mix_export (project, options, path, error);
}

static int
export_mix (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(PageArgs) args = { 0 };
  MlMixExportOptions options;
  int status;

  context = g_option_context_new (_("FILE — export the policy-mix matrix as an image or a PDF"));
  g_option_context_set_summary (context,
                                _("Draws the policy mix of FILE: the instruments on each side (supply, demand, regulatory, systemic) at each stage (research to diffusion), each cell shaded by its budget and an empty cell marked as a gap."));
  add_page_entries (context, &args);
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;
  if ((status = check_page_args (MIX_COMMAND, argc, argv, &args)) != ML_EXIT_OK)
    return status;

  ml_mix_export_options_init (&options, args.format);
  options.style = args.style;
  options.width = args.page_width;
  options.height = args.page_height;

  return write_page (MIX_COMMAND, argv[1], args.output, export_mix_page, &options);
}

#define INDICATORS_COMMAND "export indicators"

static gboolean
export_indicator_page (MlProject     *project,
                       gconstpointer  options,
                       const char    *path,
                       GError       **error)
{
  return ml_indicator_export (project, options, path, error);
}

static int
export_indicators (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(PageArgs) args = { 0 };
  g_autofree char *today = NULL;
  MlIndicatorExportOptions options;
  int status;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("The date to draw as today and judge statuses by, YYYY-MM-DD; by default today"),
      N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — export the indicator charts as an image or a PDF"));
  g_option_context_set_summary (context,
                                _("Draws every indicator of FILE as a small chart: the straight path from baseline to target, the measurements so far, today and whether the indicator is on track."));
  add_page_entries (context, &args);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;
  if ((status = check_page_args (INDICATORS_COMMAND, argc, argv, &args)) != ML_EXIT_OK)
    return status;

  ml_indicator_export_options_init (&options, args.format);
  options.style = args.style;
  options.width = args.page_width;
  options.height = args.page_height;
  if (!parse_date_option (today, &options.today))
    {
      g_printerr ("missionlab-cli %s: ", INDICATORS_COMMAND);
      g_printerr (_("“%s” is not a date (YYYY-MM-DD)"), today);
      g_printerr ("\n");
      return ML_EXIT_USAGE;
    }

  return write_page (INDICATORS_COMMAND, argv[1], args.output, export_indicator_page, &options);
}

int
ml_cli_export (int    argc,
               char **argv)
{
  g_autofree char **args = NULL;

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *stream = argc < 2 ? stderr : stdout;

      fprintf (stream,
               "%s\n  missionlab-cli export roadmap FILE -o OUT [OPTION…]\n"
               "  missionlab-cli export stakeholders FILE -o OUT [--format graphml|gexf]\n"
               "  missionlab-cli export mix FILE -o OUT [--format png|svg|pdf] [--style STYLE]\n"
               "  missionlab-cli export indicators FILE -o OUT [--format png|svg|pdf]\n"
               "    [--style STYLE] [--width PX] [--height PX] [--today YYYY-MM-DD]\n\n"
               "%s\n",
               _("Usage:"),
               _("Run “missionlab-cli export roadmap --help”, “missionlab-cli export stakeholders --help”, “missionlab-cli export mix --help” or “missionlab-cli export indicators --help” for the options."));
      return argc < 2 ? ML_EXIT_USAGE : ML_EXIT_OK;
    }

  if (strcmp (argv[1], "roadmap") != 0 && strcmp (argv[1], "stakeholders") != 0 &&
      strcmp (argv[1], "mix") != 0 && strcmp (argv[1], "indicators") != 0)
    {
      g_printerr (_("missionlab-cli export: unknown export “%s”; there are “roadmap”, “stakeholders”, “mix” and “indicators”\n"),
                  argv[1]);
      return ML_EXIT_USAGE;
    }

  /* GOption names the command after argv[0] in messages: make it "export roadmap". */
  args = g_new0 (char *, argc);
  args[0] = (char *) (strcmp (argv[1], "roadmap") == 0        ? COMMAND
                      : strcmp (argv[1], "stakeholders") == 0 ? STAKEHOLDERS_COMMAND
                      : strcmp (argv[1], "mix") == 0          ? MIX_COMMAND
                                                              : INDICATORS_COMMAND);
  for (int i = 2; i < argc; i++)
    args[i - 1] = argv[i];

  if (strcmp (argv[1], "stakeholders") == 0)
    return export_stakeholders (argc - 1, args);
  if (strcmp (argv[1], "mix") == 0)
    return export_mix (argc - 1, args);
  if (strcmp (argv[1], "indicators") == 0)
    return export_indicators (argc - 1, args);

  return export_roadmap (argc - 1, args);
}
