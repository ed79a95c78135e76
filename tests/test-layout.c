/* test-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholder map layouts: the force layout is reproducible, respects pinned nodes, puts
 * related stakeholders together and apart from the rest, converges, and never produces NaN or
 * infinity, even on degenerate graphs; the grid, band and circle layouts put each stakeholder
 * where its attributes say. Every layout of every bundled sample is checked for the same.
 */

#include "config.h"

#include <math.h>

#include "ml-enums.h"
#include "ml-layout.h"
#include "ml-diagnostic.h"
#include "ml-project-io.h"
#include "ml-test-util.h"

#define MAX_ITERATIONS 1000

/* Builds a project from stakeholder lines ("id type level [attributes]") and relations
 * ("from to"), named after their ids.
 */
typedef struct
{
  GString *stakeholders;
  GString *relations;
  guint    n_relations;
} Builder;

static void
builder_init (Builder *builder)
{
  builder->stakeholders = g_string_new (NULL);
  builder->relations = g_string_new (NULL);
  builder->n_relations = 0;
}

static void
add_stakeholder (Builder    *builder,
                 const char *id,
                 const char *type,
                 const char *level,
                 const char *extra)
{
  g_string_append_printf (builder->stakeholders,
                          "<stakeholder id=\"%s\" type=\"%s\" level=\"%s\" %s>"
                          "<name>%s</name></stakeholder>\n",
                          id, type, level, extra != NULL ? extra : "", id);
}

static void
add_relation (Builder    *builder,
              const char *from,
              const char *to)
{
  g_string_append_printf (builder->relations,
                          "<relation id=\"r%u\" from=\"%s\" to=\"%s\" kind=\"partnership\"/>\n",
                          builder->n_relations++, from, to);
}

static MlProject *
builder_finish (Builder *builder)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<project xmlns=\"https://example.org/ns/missionlab\" "
                          "format-version=\"1.0\">\n<title>Layout</title>\n"
                          "<stakeholders>%s</stakeholders>\n%s%s%s</project>\n",
                          builder->stakeholders->str,
                          builder->n_relations > 0 ? "<relations>" : "",
                          builder->relations->str,
                          builder->n_relations > 0 ? "</relations>\n" : "");
  g_string_free (builder->stakeholders, TRUE);
  g_string_free (builder->relations, TRUE);

  return ml_test_load_text (text);
}

static char *
node_id (const char *prefix,
         guint       i)
{
  return g_strdup_printf ("%s%u", prefix, i);
}

/* Two cliques of @size, a0…, b0…, with nothing between them. */
static MlProject *
make_two_cliques (guint size)
{
  Builder builder;

  builder_init (&builder);
  for (guint c = 0; c < 2; c++)
    for (guint i = 0; i < size; i++)
      {
        g_autofree char *id = node_id (c == 0 ? "a" : "b", i);

        add_stakeholder (&builder, id, "agency", "national", NULL);
      }
  for (guint c = 0; c < 2; c++)
    for (guint i = 0; i < size; i++)
      for (guint j = i + 1; j < size; j++)
        {
          g_autofree char *from = node_id (c == 0 ? "a" : "b", i);
          g_autofree char *to = node_id (c == 0 ? "a" : "b", j);

          add_relation (&builder, from, to);
        }

  return builder_finish (&builder);
}

static MlProject *
make_path (guint n)
{
  Builder builder;

  builder_init (&builder);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = node_id ("p", i);

      add_stakeholder (&builder, id, "agency", "national", NULL);
    }
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *from = node_id ("p", i);
      g_autofree char *to = node_id ("p", i + 1);

      add_relation (&builder, from, to);
    }

  return builder_finish (&builder);
}

static MlProject *
make_star (guint n_leaves)
{
  Builder builder;

  builder_init (&builder);
  add_stakeholder (&builder, "hub", "agency", "national", NULL);
  for (guint i = 0; i < n_leaves; i++)
    {
      g_autofree char *id = node_id ("leaf", i);

      add_stakeholder (&builder, id, "agency", "national", NULL);
      add_relation (&builder, "hub", id);
    }

  return builder_finish (&builder);
}

static void
assert_finite (MlLayout *layout)
{
  double bx, by, bw, bh;

  for (guint i = 0; i < ml_layout_get_n_nodes (layout); i++)
    {
      double x, y;

      ml_layout_get_position (layout, i, &x, &y);
      g_assert_true (isfinite (x));
      g_assert_true (isfinite (y));
    }
  for (guint r = 0; r < ml_layout_get_n_regions (layout); r++)
    {
      const MlLayoutRegion *region = ml_layout_get_region (layout, r);

      g_assert_nonnull (region->label);
      g_assert_true (isfinite (region->x) && isfinite (region->y));
      g_assert_true (isfinite (region->width) && isfinite (region->height));
      g_assert_true (isfinite (region->label_x) && isfinite (region->label_y));
    }
  ml_layout_get_bounds (layout, &bx, &by, &bw, &bh);
  g_assert_true (isfinite (bx) && isfinite (by) && isfinite (bw) && isfinite (bh));
  g_assert_cmpfloat (bw, >=, 0);
  g_assert_cmpfloat (bh, >=, 0);
}

/* Steps one at a time, checking every intermediate state, as an animating widget sees it. */
static guint
run_checked (MlLayout *layout)
{
  guint iterations = 0;

  while (ml_layout_step (layout))
    {
      iterations++;
      g_assert_cmpuint (iterations, <, MAX_ITERATIONS);
      assert_finite (layout);
    }
  assert_finite (layout);
  g_assert_false (ml_layout_step (layout));

  return iterations;
}

static double
distance (MlLayout *layout,
          guint     a,
          guint     b)
{
  double xa, ya, xb, yb;

  ml_layout_get_position (layout, a, &xa, &ya);
  ml_layout_get_position (layout, b, &xb, &yb);

  return hypot (xa - xb, ya - yb);
}

static guint
index_of (MlLayout   *layout,
          MlProject  *project,
          const char *id)
{
  guint index = G_MAXUINT;

  g_assert_true (ml_layout_lookup (layout, ml_project_lookup (project, id), &index));

  return index;
}

static gboolean
are_related (MlProject *project,
             MlElement *a,
             MlElement *b)
{
  g_autoptr(GPtrArray) relations = ml_project_collect (project, ML_KIND_RELATION);

  for (guint i = 0; i < relations->len; i++)
    {
      MlElement *relation = g_ptr_array_index (relations, i);
      const char *from = ml_element_get_string (relation, ML_RELATION_FROM);
      const char *to = ml_element_get_string (relation, ML_RELATION_TO);

      if ((g_str_equal (from, ml_element_get_id (a)) && g_str_equal (to, ml_element_get_id (b))) ||
          (g_str_equal (from, ml_element_get_id (b)) && g_str_equal (to, ml_element_get_id (a))))
        return TRUE;
    }

  return FALSE;
}

/* Related stakeholders end up closer, on average, than unrelated ones. */
static void
assert_related_closer (MlProject *project,
                       guint32    seed)
{
  g_autoptr(MlLayout) layout = ml_layout_new (project, ML_LAYOUT_FORCE, seed);
  double related = 0, unrelated = 0;
  guint n_related = 0, n_unrelated = 0;
  guint n;

  run_checked (layout);
  n = ml_layout_get_n_nodes (layout);
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        double d = distance (layout, a, b);

        if (are_related (project, ml_layout_get_node (layout, a), ml_layout_get_node (layout, b)))
          related += d, n_related++;
        else
          unrelated += d, n_unrelated++;
      }
  g_assert_cmpuint (n_related, >, 0);
  g_assert_cmpuint (n_unrelated, >, 0);
  g_test_message ("mean related %.3f, unrelated %.3f", related / n_related,
                  unrelated / n_unrelated);
  g_assert_cmpfloat (related / n_related, <, unrelated / n_unrelated);
}

static void
test_force_determinism (void)
{
  g_autoptr(MlProject) project = make_two_cliques (8);
  g_autoptr(MlLayout) first = ml_layout_new (project, ML_LAYOUT_FORCE, 42);
  g_autoptr(MlLayout) second = ml_layout_new (project, ML_LAYOUT_FORCE, 42);
  g_autoptr(MlLayout) other = ml_layout_new (project, ML_LAYOUT_FORCE, 43);
  guint differ = 0;

  g_assert_cmpuint (ml_layout_run (first, MAX_ITERATIONS), ==,
                    ml_layout_run (second, MAX_ITERATIONS));
  ml_layout_run (other, MAX_ITERATIONS);

  g_assert_cmpuint (ml_layout_get_n_nodes (first), ==, 16);
  for (guint i = 0; i < ml_layout_get_n_nodes (first); i++)
    {
      double x1, y1, x2, y2, x3, y3;

      ml_layout_get_position (first, i, &x1, &y1);
      ml_layout_get_position (second, i, &x2, &y2);
      ml_layout_get_position (other, i, &x3, &y3);
      /* Bit for bit, not within a tolerance. */
      g_assert_true (memcmp (&x1, &x2, sizeof x1) == 0);
      g_assert_true (memcmp (&y1, &y2, sizeof y1) == 0);
      if (x1 != x3 || y1 != y3)
        differ++;
    }
  g_assert_cmpuint (differ, >, 0);
}

static void
test_force_pinned (void)
{
  g_autoptr(MlProject) project = make_star (10);
  g_autoptr(MlLayout) layout = ml_layout_new (project, ML_LAYOUT_FORCE, 7);
  MlElement *hub = ml_project_lookup (project, "hub");
  MlElement *leaf = ml_project_lookup (project, "leaf3");
  guint hub_index = index_of (layout, project, "hub");
  guint leaf_index = index_of (layout, project, "leaf3");
  double x, y;

  /* Far from where the forces would put them. */
  ml_layout_set_position (layout, hub, 25.0, -13.5);
  ml_layout_set_pinned (layout, hub, TRUE);
  ml_layout_set_position (layout, leaf, -40.0, 40.0);
  ml_layout_set_pinned (layout, leaf, TRUE);
  g_assert_true (ml_layout_get_pinned (layout, hub_index));
  run_checked (layout);

  ml_layout_get_position (layout, hub_index, &x, &y);
  g_assert_cmpfloat (x, ==, 25.0);
  g_assert_cmpfloat (y, ==, -13.5);
  ml_layout_get_position (layout, leaf_index, &x, &y);
  g_assert_cmpfloat (x, ==, -40.0);
  g_assert_cmpfloat (y, ==, 40.0);

  /* The free leaves gather around the pinned hub. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = node_id ("leaf", i);

      if (i != 3)
        g_assert_cmpfloat (distance (layout, hub_index, index_of (layout, project, id)), <, 5.0);
    }

  /* Unpinned and reheated, the leaf moves again. */
  ml_layout_set_pinned (layout, leaf, FALSE);
  ml_layout_reheat (layout);
  run_checked (layout);
  ml_layout_get_position (layout, leaf_index, &x, &y);
  g_assert_true (x != -40.0 || y != 40.0);
  ml_layout_get_position (layout, hub_index, &x, &y);
  g_assert_cmpfloat (x, ==, 25.0);
}

static void
test_force_path (void)
{
  g_autoptr(MlProject) project = make_path (12);

  for (guint32 seed = 1; seed <= 3; seed++)
    assert_related_closer (project, seed);
}

static void
test_force_star (void)
{
  g_autoptr(MlProject) project = make_star (12);

  for (guint32 seed = 1; seed <= 3; seed++)
    assert_related_closer (project, seed);
}

static void
test_force_two_cliques (void)
{
  g_autoptr(MlProject) project = make_two_cliques (6);

  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(MlLayout) layout = ml_layout_new (project, ML_LAYOUT_FORCE, seed);
      double within = 0, between = 0;
      guint n_within = 0, n_between = 0;

      assert_related_closer (project, seed);
      run_checked (layout);
      for (guint a = 0; a < 12; a++)
        for (guint b = a + 1; b < 12; b++)
          {
            /* Nodes 0…5 are clique a, 6…11 clique b, in document order. */
            if ((a < 6) == (b < 6))
              within += distance (layout, a, b), n_within++;
            else
              between += distance (layout, a, b), n_between++;
          }
      g_test_message ("seed %u: within %.3f, between %.3f", seed, within / n_within,
                      between / n_between);
      g_assert_cmpfloat (between / n_between, >, 1.5 * within / n_within);
    }
}

static void
test_force_convergence (void)
{
  g_autoptr(MlProject) project = make_two_cliques (20);
  g_autoptr(MlLayout) layout = ml_layout_new (project, ML_LAYOUT_FORCE, 1);
  guint iterations = ml_layout_run (layout, MAX_ITERATIONS);

  g_test_message ("%u iterations", iterations);
  g_assert_cmpuint (iterations, <, 300);
  g_assert_false (ml_layout_step (layout));
  g_assert_cmpuint (ml_layout_run (layout, MAX_ITERATIONS), ==, 0);
}

static void
test_force_degenerate (void)
{
  Builder builder;
  g_autoptr(MlProject) empty = NULL;
  g_autoptr(MlProject) one = NULL;
  g_autoptr(MlProject) unrelated = NULL;
  g_autoptr(MlProject) pair = make_path (2);
  g_autoptr(MlProject) cliques = make_two_cliques (4);

  builder_init (&builder);
  add_stakeholder (&builder, "lonely", "sme", "local", NULL);
  one = builder_finish (&builder);
  {
    g_autoptr(MlLayout) layout = ml_layout_new (one, ML_LAYOUT_FORCE, 1);

    g_assert_cmpuint (ml_layout_get_n_nodes (layout), ==, 1);
    run_checked (layout);
  }

  builder_init (&builder);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = node_id ("u", i);

      add_stakeholder (&builder, id, "sme", "local", NULL);
    }
  unrelated = builder_finish (&builder);
  {
    g_autoptr(MlLayout) layout = ml_layout_new (unrelated, ML_LAYOUT_FORCE, 1);

    run_checked (layout);
    /* Repulsion keeps them apart, the pull toward the origin keeps them together. */
    for (guint a = 0; a < 30; a++)
      for (guint b = a + 1; b < 30; b++)
        {
          g_assert_cmpfloat (distance (layout, a, b), >, 0.3);
          g_assert_cmpfloat (distance (layout, a, b), <, 30.0);
        }
  }

  /* Every node pinned: nothing moves, and the layout says so at once. */
  {
    g_autoptr(MlLayout) layout = ml_layout_new (cliques, ML_LAYOUT_FORCE, 1);
    g_autofree double *before = g_new (double, 16);

    for (guint i = 0; i < 8; i++)
      {
        ml_layout_set_pinned (layout, ml_layout_get_node (layout, i), TRUE);
        ml_layout_get_position (layout, i, &before[2 * i], &before[2 * i + 1]);
      }
    g_assert_false (ml_layout_step (layout));
    assert_finite (layout);
    for (guint i = 0; i < 8; i++)
      {
        double x, y;

        ml_layout_get_position (layout, i, &x, &y);
        g_assert_cmpfloat (x, ==, before[2 * i]);
        g_assert_cmpfloat (y, ==, before[2 * i + 1]);
      }
  }

  /* Two nodes on the same spot separate, and deterministically. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(MlLayout) layout = ml_layout_new (pair, ML_LAYOUT_FORCE, 1);
      g_autoptr(MlLayout) again = ml_layout_new (pair, ML_LAYOUT_FORCE, 1);
      MlLayout *layouts[] = { layout, again };

      for (guint l = 0; l < 2; l++)
        {
          ml_layout_set_position (layouts[l], ml_layout_get_node (layouts[l], 0), 3.0, 3.0);
          ml_layout_set_position (layouts[l], ml_layout_get_node (layouts[l], 1), 3.0, 3.0);
          if (round == 1)
            ml_layout_set_pinned (layouts[l], ml_layout_get_node (layouts[l], 0), TRUE);
          run_checked (layouts[l]);
        }
      g_assert_cmpfloat (distance (layout, 0, 1), >, 0.5);
      g_assert_cmpfloat (distance (layout, 0, 1), ==, distance (again, 0, 1));
    }

  /* No stakeholders at all: every kind copes. */
  builder_init (&builder);
  empty = builder_finish (&builder);
  for (MlLayoutKind kind = ML_LAYOUT_FORCE; kind <= ML_LAYOUT_TYPE_CIRCLE; kind++)
    {
      g_autoptr(MlLayout) layout = ml_layout_new (empty, kind, 1);

      g_assert_cmpuint (ml_layout_get_n_nodes (layout), ==, 0);
      g_assert_false (ml_layout_step (layout));
      assert_finite (layout);
    }
}

/* The region whose rectangle holds the node, or NULL. */
static const MlLayoutRegion *
find_region (MlLayout *layout,
             guint     index)
{
  const MlLayoutRegion *found = NULL;
  double x, y;

  ml_layout_get_position (layout, index, &x, &y);
  for (guint r = 0; r < ml_layout_get_n_regions (layout); r++)
    {
      const MlLayoutRegion *region = ml_layout_get_region (layout, r);

      g_assert_cmpint (region->shape, ==, ML_LAYOUT_REGION_RECTANGLE);
      if (x > region->x && x < region->x + region->width && y > region->y &&
          y < region->y + region->height)
        {
          g_assert_null (found);
          found = region;
        }
    }

  return found;
}

static void
test_power_interest (void)
{
  Builder builder;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlLayout) layout = NULL;
  const struct
  {
    const char *id;
    const char *label;
  } expected[] = {
    { "satisfied", "Keep satisfied" },
    { "closely", "Manage closely" },
    { "monitor", "Monitor" },
    { "informed", "Keep informed" },
    { "satisfied2", "Keep satisfied" },
    { "closely2", "Manage closely" },
  };
  double cx, cy, x, y;

  builder_init (&builder);
  add_stakeholder (&builder, "satisfied", "government", "national",
                   "influence=\"5\" interest=\"1\"");
  add_stakeholder (&builder, "closely", "agency", "national", "influence=\"5\" interest=\"5\"");
  add_stakeholder (&builder, "monitor", "citizens", "local", "influence=\"1\" interest=\"1\"");
  add_stakeholder (&builder, "informed", "civil-society", "local",
                   "influence=\"1\" interest=\"5\"");
  add_stakeholder (&builder, "satisfied2", "industry", "global", "influence=\"4\" interest=\"2\"");
  add_stakeholder (&builder, "closely2", "funder", "national", "influence=\"4.5\" interest=\"4\"");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = node_id ("unset", i);

      add_stakeholder (&builder, id, "sme", "regional", NULL);
    }
  add_stakeholder (&builder, "middle", "sme", "regional", "influence=\"3\" interest=\"3\"");
  project = builder_finish (&builder);
  layout = ml_layout_new (project, ML_LAYOUT_POWER_INTEREST, 0);
  assert_finite (layout);
  g_assert_false (ml_layout_step (layout));

  g_assert_cmpuint (ml_layout_get_n_regions (layout), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint index = index_of (layout, project, expected[i].id);
      const MlLayoutRegion *region = find_region (layout, index);

      g_assert_nonnull (region);
      g_assert_cmpstr (region->label, ==, expected[i].label);
    }

  /* Higher interest to the right, higher influence up (smaller y). */
  ml_layout_get_position (layout, index_of (layout, project, "satisfied"), &x, &y);
  ml_layout_get_position (layout, index_of (layout, project, "satisfied2"), &cx, &cy);
  g_assert_cmpfloat (x, <, cx);
  g_assert_cmpfloat (y, <, cy);

  /* Unset scores count as 3: the six share the central cell, spread around its centre. */
  ml_layout_get_position (layout, index_of (layout, project, "unset0"), &cx, &cy);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = i < 5 ? node_id ("unset", i) : g_strdup ("middle");
      guint index = index_of (layout, project, id);

      ml_layout_get_position (layout, index, &x, &y);
      g_assert_cmpfloat (hypot (x - cx, y - cy), <, 2.5);
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *other = node_id ("unset", j);

          g_assert_cmpfloat (distance (layout, index, index_of (layout, project, other)), >, 0.3);
        }
    }
}

static void
test_level_bands (void)
{
  Builder builder;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlLayout) layout = NULL;
  const char *levels[] = { "local", "regional", "national", "supranational", "global" };
  const char *types[] = { "funder", "government", "research" };
  const char *band_labels[] = { "Global", "Supranational", "National", "Regional", "Local" };

  builder_init (&builder);
  /* Written out of order, so that the layout has to sort. */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%02u", (i * 7) % 30);

      add_stakeholder (&builder, id, types[(i * 7) % 3], levels[(i * 11) % 5], NULL);
    }
  project = builder_finish (&builder);
  layout = ml_layout_new (project, ML_LAYOUT_LEVEL_BANDS, 0);
  assert_finite (layout);

  g_assert_cmpuint (ml_layout_get_n_regions (layout), ==, 5);
  for (guint r = 0; r < 5; r++)
    {
      const MlLayoutRegion *region = ml_layout_get_region (layout, r);

      g_assert_cmpstr (region->label, ==, band_labels[r]);
      if (r > 0)
        {
          const MlLayoutRegion *above = ml_layout_get_region (layout, r - 1);

          g_assert_cmpfloat (fabs (above->y + above->height - region->y), <, 1e-9);
        }
    }

  for (guint a = 0; a < ml_layout_get_n_nodes (layout); a++)
    {
      MlElement *node_a = ml_layout_get_node (layout, a);
      int level_a = ml_element_get_enum (node_a, ML_STAKEHOLDER_LEVEL);
      const MlLayoutRegion *region = find_region (layout, a);
      double xa, ya;

      g_assert_nonnull (region);
      g_assert_true (region == ml_layout_get_region (layout, ML_LEVEL_GLOBAL - level_a));
      ml_layout_get_position (layout, a, &xa, &ya);

      for (guint b = 0; b < ml_layout_get_n_nodes (layout); b++)
        {
          MlElement *node_b = ml_layout_get_node (layout, b);
          int level_b = ml_element_get_enum (node_b, ML_STAKEHOLDER_LEVEL);
          int type_a = ml_element_get_enum (node_a, ML_STAKEHOLDER_TYPE);
          int type_b = ml_element_get_enum (node_b, ML_STAKEHOLDER_TYPE);
          double xb, yb;

          ml_layout_get_position (layout, b, &xb, &yb);
          if (level_a > level_b)
            g_assert_cmpfloat (ya, <, yb);
          /* In a band of one row: by type, then by name, left to right. */
          if (level_a == level_b && a != b)
            {
              gboolean before = type_a < type_b ||
                                (type_a == type_b && strcmp (ml_element_get_label (node_a),
                                                             ml_element_get_label (node_b)) < 0);

              g_assert_cmpfloat (ya, ==, yb);
              g_assert_true (before == (xa < xb));
            }
        }
    }
}

static double
clockwise_from_top (MlLayout *layout,
                    guint     index)
{
  double x, y, angle;

  ml_layout_get_position (layout, index, &x, &y);
  angle = atan2 (y, x) + G_PI / 2;

  return angle < 0 ? angle + 2 * G_PI : angle;
}

static int
compare_angles (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  double angle_a = clockwise_from_top (user_data, *(const guint *) a);
  double angle_b = clockwise_from_top (user_data, *(const guint *) b);

  return angle_a < angle_b ? -1 : angle_a > angle_b;
}

static void
test_type_circle (void)
{
  Builder builder;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlLayout) layout = NULL;
  const char *types[] = { "sme", "government", "research", "citizens" };
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint seen = 0;
  guint n_runs = 0;
  int previous = -1;
  double radius = -1;

  builder_init (&builder);
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%02u", (i * 5) % 24);

      add_stakeholder (&builder, id, types[(i * 5) % 4 == 3 ? 3 : i % 3], "national", NULL);
    }
  project = builder_finish (&builder);
  layout = ml_layout_new (project, ML_LAYOUT_TYPE_CIRCLE, 0);
  assert_finite (layout);
  g_assert_cmpuint (ml_layout_get_n_regions (layout), ==, 4);

  for (guint i = 0; i < ml_layout_get_n_nodes (layout); i++)
    {
      double x, y;

      ml_layout_get_position (layout, i, &x, &y);
      if (radius < 0)
        radius = hypot (x, y);
      g_assert_cmpfloat (fabs (hypot (x, y) - radius), <, 1e-9);
      g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_angles, layout);

  /* Going round: each type in one run, runs in the order of the format, names ascending. */
  for (guint k = 0; k < order->len; k++)
    {
      MlElement *node = ml_layout_get_node (layout, g_array_index (order, guint, k));
      int type = ml_element_get_enum (node, ML_STAKEHOLDER_TYPE);

      if (type != previous)
        {
          const MlLayoutRegion *region = ml_layout_get_region (layout, n_runs++);
          double angle = clockwise_from_top (layout, g_array_index (order, guint, k)) - G_PI / 2;

          g_assert_false (seen & (1u << type));
          g_assert_cmpint (type, >, previous);
          g_assert_cmpint (region->shape, ==, ML_LAYOUT_REGION_SECTOR);
          g_assert_cmpfloat (angle, >, region->start_angle);
          g_assert_cmpfloat (angle, <, region->end_angle);
          seen |= 1u << type;
          previous = type;
        }
      else
        {
          MlElement *before = ml_layout_get_node (layout, g_array_index (order, guint, k - 1));

          g_assert_cmpstr (ml_element_get_label (before), <, ml_element_get_label (node));
        }
    }
  g_assert_cmpstr (ml_layout_get_region (layout, 0)->label, ==, "Ministry or government");
}

static void
test_sample (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GPtrArray) diagnostics = ml_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlProject) project = NULL;

  project = ml_project_load (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  for (MlLayoutKind kind = ML_LAYOUT_FORCE; kind <= ML_LAYOUT_TYPE_CIRCLE; kind++)
    {
      g_autoptr(MlLayout) layout = ml_layout_new (project, kind, 2026);
      g_autoptr(GPtrArray) stakeholders = ml_project_collect (project, ML_KIND_STAKEHOLDER);

      g_assert_cmpuint (ml_layout_get_n_nodes (layout), ==, stakeholders->len);
      g_assert_cmpuint (stakeholders->len, >, 0);
      assert_finite (layout);
      if (kind == ML_LAYOUT_FORCE)
        {
          guint iterations = run_checked (layout);

          g_test_message ("%s: force layout of %u stakeholders in %u iterations", path,
                          stakeholders->len, iterations);
        }
      /* Not the power–interest grid: a score of 3 lies on a quadrant line, in none. */
      if (kind == ML_LAYOUT_LEVEL_BANDS)
        for (guint i = 0; i < ml_layout_get_n_nodes (layout); i++)
          g_assert_nonnull (find_region (layout, i));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/layout/force/determinism", test_force_determinism);
  g_test_add_func ("/layout/force/pinned", test_force_pinned);
  g_test_add_func ("/layout/force/path", test_force_path);
  g_test_add_func ("/layout/force/star", test_force_star);
  g_test_add_func ("/layout/force/two-cliques", test_force_two_cliques);
  g_test_add_func ("/layout/force/convergence", test_force_convergence);
  g_test_add_func ("/layout/force/degenerate", test_force_degenerate);
  g_test_add_func ("/layout/power-interest", test_power_interest);
  g_test_add_func ("/layout/level-bands", test_level_bands);
  g_test_add_func ("/layout/type-circle", test_type_circle);

  ml_test_add_sample_tests ("/layout", test_sample);

  return g_test_run ();
}
