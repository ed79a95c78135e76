/* ml-graph-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-graph-metrics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ml-enums.h"
#include "ml-graph-metrics.h"

/* Two path lengths closer than this are equal: see the header. */
#define LENGTH_EPSILON 1e-9

/* Whole-number lengths: LENGTH_SCALE / weight, each below N_BUCKETS, for Dial's algorithm. */
#define LENGTH_SCALE 6.0
#define N_BUCKETS    7

/* Sources are shared out in this many chunks, whatever the number of threads. */
#define N_CHUNKS 16

/* n · 2m from which the searches run in several threads, about a millisecond of work. */
#define THREAD_THRESHOLD 200000

struct _MlGraphMetrics
{
  GArray           *nodes;   /* MlNodeMetrics, each holding a reference to its stakeholder */
  GHashTable       *by_element;
  MlNetworkMetrics  network;
};

/* An undirected graph in compressed sparse rows: the neighbours of i are nbr[off[i]..off[i+1]),
 * each edge stored at both ends. self[i] is the weight of a loop on i, which only the graphs
 * of communities that Louvain aggregates have. */
typedef struct
{
  guint   n;
  guint  *off;
  guint  *nbr;
  double *w;
  double *self;
} Graph;

typedef struct
{
  guint  a;
  guint  b;
  double w;
} Pair;

typedef struct
{
  double key;
  guint  node;
} HeapItem;

/* The arrays of one thread's searches. done[v] is the source + 1 that last settled v, which
 * saves clearing it for every source. */
typedef struct
{
  guint  *idist;
  double *dist;
  double *sigma;
  double *delta;
  guint  *order;
  guint  *done;
  guint  *dag;
  guint  *buckets;     /* N_BUCKETS stacks of bucket_size entries */
  gsize   bucket_size;
  GArray *heap;
} Workspace;

typedef struct
{
  const Graph *g;
  const guint *length;      /* NULL when the weights need the heap */
  gboolean     uniform;     /* all weights equal: the weighted paths are the unweighted ones */
  guint        n_chunks;
  gint         next_chunk;
  double      *between;     /* n_chunks rows of n sums */
  double      *weighted;
  double      *closeness;
} BrandesJob;

static void
graph_clear (Graph *g)
{
  g_clear_pointer (&g->off, g_free);
  g_clear_pointer (&g->nbr, g_free);
  g_clear_pointer (&g->w, g_free);
  g_clear_pointer (&g->self, g_free);
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *p = a, *q = b;

  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  if (p->b != q->b)
    return p->b < q->b ? -1 : 1;
  return 0;
}

/* Builds @g from pairs with a < b. Repeated pairs become one edge, whose weight is the largest
 * (max_weight) or the sum (for aggregated communities) of theirs. */
static void
build_graph (Graph  *g,
             guint   n,
             GArray *pairs,
             gboolean max_weight)
{
  guint n_unique = 0;
  guint *fill;

  g_array_sort (pairs, compare_pairs);
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);

      if (n_unique > 0)
        {
          Pair *last = &g_array_index (pairs, Pair, n_unique - 1);

          if (last->a == p->a && last->b == p->b)
            {
              last->w = max_weight ? MAX (last->w, p->w) : last->w + p->w;
              continue;
            }
        }
      g_array_index (pairs, Pair, n_unique++) = *p;
    }
  g_array_set_size (pairs, n_unique);

  g->n = n;
  g->off = g_new0 (guint, n + 1);
  g->nbr = g_new (guint, 2 * n_unique + 1);
  g->w = g_new (double, 2 * n_unique + 1);
  if (g->self == NULL)
    g->self = g_new0 (double, n + 1);
  for (guint i = 0; i < n_unique; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);

      g->off[p->a + 1]++;
      g->off[p->b + 1]++;
    }
  for (guint i = 0; i < n; i++)
    g->off[i + 1] += g->off[i];

  /* Pairs are sorted by (a, b), so each row comes out sorted by neighbour: the order of the
   * traversals below, and so their results, depend on nothing but the input. */
  fill = g_memdup2 (g->off, sizeof (guint) * (n + 1));
  for (guint i = 0; i < n_unique; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);

      g->nbr[fill[p->a]] = p->b;
      g->w[fill[p->a]++] = p->w;
    }
  for (guint i = 0; i < n_unique; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);

      g->nbr[fill[p->b]] = p->a;
      g->w[fill[p->b]++] = p->w;
    }
  g_free (fill);

  /* The second loop appends the lower neighbours after the higher ones; sort each row. */
  for (guint i = 0; i < n; i++)
    for (guint x = g->off[i] + 1; x < g->off[i + 1]; x++)
      for (guint y = x; y > g->off[i] && g->nbr[y - 1] > g->nbr[y]; y--)
        {
          guint t = g->nbr[y];
          double tw = g->w[y];

          g->nbr[y] = g->nbr[y - 1];
          g->w[y] = g->w[y - 1];
          g->nbr[y - 1] = t;
          g->w[y - 1] = tw;
        }
}

static void
heap_push (GArray *heap,
           double  key,
           guint   node)
{
  HeapItem item = { key, node };
  HeapItem *items;
  guint i;

  g_array_append_val (heap, item);
  items = (HeapItem *) heap->data;
  for (i = heap->len - 1; i > 0; i = (i - 1) / 2)
    {
      guint parent = (i - 1) / 2;

      if (items[parent].key <= item.key)
        break;
      items[i] = items[parent];
    }
  items[i] = item;
}

static HeapItem
heap_pop (GArray *heap)
{
  HeapItem *items = (HeapItem *) heap->data;
  HeapItem top = items[0];
  HeapItem last = items[heap->len - 1];
  guint n = heap->len - 1;
  guint i = 0;

  g_array_set_size (heap, n);
  if (n == 0)
    return top;
  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && items[child + 1].key < items[child].key)
        child++;
      if (last.key <= items[child].key)
        break;
      items[i] = items[child];
      i = child;
    }
  items[i] = last;
  return top;
}

/* Brandes' algorithm from one source, with breadth-first search; also the source's closeness.
 * The edges of the shortest-path DAG are listed as the search finds them, (v, u) when v
 * precedes u; read backwards, each (v, u) comes after every edge leaving u, so delta[u] is
 * complete when it is passed on to v. */
static void
brandes_unweighted (const Graph *g,
                    guint        s,
                    Workspace   *ws,
                    double      *acc,
                    double      *closeness)
{
  guint n = g->n;
  guint head = 0, tail = 0, n_dag = 0;
  guint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      ws->idist[i] = G_MAXUINT;
      ws->sigma[i] = 0;
      ws->delta[i] = 0;
    }
  ws->idist[s] = 0;
  ws->sigma[s] = 1;
  ws->order[tail++] = s;

  /* The queue doubles as the order of discovery, which is by distance. */
  while (head < tail)
    {
      guint v = ws->order[head++];
      guint next = ws->idist[v] + 1;

      total += ws->idist[v];
      for (guint e = g->off[v]; e < g->off[v + 1]; e++)
        {
          guint u = g->nbr[e];

          if (ws->idist[u] == G_MAXUINT)
            {
              ws->idist[u] = next;
              ws->order[tail++] = u;
            }
          if (ws->idist[u] == next)
            {
              ws->sigma[u] += ws->sigma[v];
              ws->dag[2 * n_dag] = v;
              ws->dag[2 * n_dag + 1] = u;
              n_dag++;
            }
        }
    }

  while (n_dag-- > 0)
    {
      guint v = ws->dag[2 * n_dag], u = ws->dag[2 * n_dag + 1];

      ws->delta[v] += ws->sigma[v] / ws->sigma[u] * (1 + ws->delta[u]);
    }
  for (guint k = 1; k < tail; k++)
    acc[ws->order[k]] += ws->delta[ws->order[k]];

  if (total > 0 && n > 1)
    closeness[s] = (double) (tail - 1) / total * (double) (tail - 1) / (n - 1);
  else
    closeness[s] = 0;
}

/* Brandes with Dijkstra when every length is a whole number below N_BUCKETS: Dial's bucket
 * queue, exact. The strengths 1, 2 and 3 give the lengths 6, 3 and 2, 1/strength scaled by 6. */
static void
brandes_buckets (const Graph *g,
                 const guint *length,
                 guint        s,
                 Workspace   *ws,
                 double      *acc)
{
  guint n = g->n;
  guint n_done = 0, queued = 0, n_dag = 0;
  guint count[N_BUCKETS] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      ws->idist[i] = G_MAXUINT;
      ws->sigma[i] = 0;
      ws->delta[i] = 0;
    }
  ws->idist[s] = 0;
  ws->sigma[s] = 1;
  ws->buckets[0] = s;
  count[0] = 1;
  queued = 1;

  /* A node may be queued again when its distance shrinks; the stale entries are skipped. */
  for (guint current = 0; queued > 0; current++)
    {
      guint b = current % N_BUCKETS;
      guint *bucket = ws->buckets + (gsize) b * ws->bucket_size;

      while (count[b] > 0)
        {
          guint v = bucket[--count[b]];

          queued--;
          if (ws->idist[v] != current || ws->done[v] == s + 1)
            continue;
          ws->done[v] = s + 1;
          ws->order[n_done++] = v;

          for (guint e = g->off[v]; e < g->off[v + 1]; e++)
            {
              guint u = g->nbr[e];
              guint d = current + length[e];

              if (d < ws->idist[u])
                {
                  guint nb = d % N_BUCKETS;

                  ws->idist[u] = d;
                  ws->sigma[u] = ws->sigma[v];
                  ws->buckets[(gsize) nb * ws->bucket_size + count[nb]++] = u;
                  queued++;
                }
              else if (d == ws->idist[u])
                {
                  ws->sigma[u] += ws->sigma[v];
                }
              else
                {
                  continue;
                }
              ws->dag[2 * n_dag] = v;
              ws->dag[2 * n_dag + 1] = e;
              n_dag++;
            }
        }
    }

  /* As in brandes_unweighted, but an edge listed before a shorter path to its end was found
   * is no longer in the DAG: the check skips it. */
  while (n_dag-- > 0)
    {
      guint v = ws->dag[2 * n_dag], e = ws->dag[2 * n_dag + 1];
      guint u = g->nbr[e];

      if (ws->idist[v] + length[e] == ws->idist[u])
        ws->delta[v] += ws->sigma[v] / ws->sigma[u] * (1 + ws->delta[u]);
    }
  for (guint k = 1; k < n_done; k++)
    acc[ws->order[k]] += ws->delta[ws->order[k]];
}

/* Brandes with Dijkstra and a binary heap, for any positive weights. */
static void
brandes_heap (const Graph *g,
              guint        s,
              Workspace   *ws,
              double      *acc)
{
  guint n = g->n;
  guint n_done = 0;

  for (guint i = 0; i < n; i++)
    {
      ws->dist[i] = INFINITY;
      ws->sigma[i] = 0;
      ws->delta[i] = 0;
    }
  ws->dist[s] = 0;
  ws->sigma[s] = 1;
  g_array_set_size (ws->heap, 0);
  heap_push (ws->heap, 0, s);

  while (ws->heap->len > 0)
    {
      HeapItem item = heap_pop (ws->heap);
      guint v = item.node;

      if (ws->done[v] == s + 1)
        continue;
      ws->done[v] = s + 1;
      ws->order[n_done++] = v;

      for (guint e = g->off[v]; e < g->off[v + 1]; e++)
        {
          guint u = g->nbr[e];
          double d = ws->dist[v] + 1.0 / g->w[e];

          if (ws->done[u] == s + 1)
            continue;
          if (d < ws->dist[u] - LENGTH_EPSILON)
            {
              ws->dist[u] = d;
              ws->sigma[u] = ws->sigma[v];
              heap_push (ws->heap, d, u);
            }
          else if (fabs (d - ws->dist[u]) <= LENGTH_EPSILON)
            {
              ws->sigma[u] += ws->sigma[v];
            }
        }
    }

  for (guint k = n_done; k-- > 1;)
    {
      guint w = ws->order[k];

      for (guint e = g->off[w]; e < g->off[w + 1]; e++)
        {
          guint v = g->nbr[e];

          if (ws->dist[v] < ws->dist[w] &&
              fabs (ws->dist[v] + 1.0 / g->w[e] - ws->dist[w]) <= LENGTH_EPSILON)
            ws->delta[v] += ws->sigma[v] / ws->sigma[w] * (1 + ws->delta[w]);
        }
      acc[w] += ws->delta[w];
    }
}

/* Runs the chunks of sources handed out by job->next_chunk until none is left. */
static gpointer
run_chunks (gpointer data)
{
  BrandesJob *job = data;
  const Graph *g = job->g;
  guint n = g->n;
  Workspace ws = { 0 };
  gint chunk;

  ws.idist = g_new (guint, n + 1);
  ws.dist = g_new (double, n + 1);
  ws.sigma = g_new (double, n + 1);
  ws.delta = g_new (double, n + 1);
  ws.order = g_new (guint, n + 1);
  ws.done = g_new0 (guint, n + 1);
  ws.dag = g_new (guint, 2 * (gsize) g->off[n] + 2);
  ws.bucket_size = g->off[n] + 1;
  if (job->length != NULL)
    ws.buckets = g_new (guint, (gsize) N_BUCKETS * ws.bucket_size);
  ws.heap = g_array_new (FALSE, FALSE, sizeof (HeapItem));

  while ((chunk = g_atomic_int_add (&job->next_chunk, 1)) < (gint) job->n_chunks)
    {
      guint first = (guint) ((guint64) chunk * n / job->n_chunks);
      guint last = (guint) ((guint64) (chunk + 1) * n / job->n_chunks);
      double *between = job->between + (gsize) chunk * n;
      double *weighted = job->weighted + (gsize) chunk * n;

      for (guint s = first; s < last; s++)
        {
          brandes_unweighted (g, s, &ws, between, job->closeness);
          if (job->uniform)
            continue;
          if (job->length != NULL)
            brandes_buckets (g, job->length, s, &ws, weighted);
          else
            brandes_heap (g, s, &ws, weighted);
        }
    }

  g_free (ws.idist);
  g_free (ws.dist);
  g_free (ws.sigma);
  g_free (ws.delta);
  g_free (ws.order);
  g_free (ws.done);
  g_free (ws.dag);
  g_free (ws.buckets);
  g_array_unref (ws.heap);

  return NULL;
}

/* Betweenness (raw), weighted betweenness (raw) and closeness of every node. The sources are
 * cut into a fixed number of chunks, each summed apart and the sums added in chunk order, so
 * that the result does not depend on how many threads share the work. */
static void
compute_centrality (const Graph *g,
                    double      *betweenness,
                    double      *weighted,
                    double      *closeness)
{
  guint n = g->n;
  g_autofree guint *length = NULL;
  BrandesJob job = { 0 };
  guint n_threads;

  if (n == 0)
    return;

  length = g_new (guint, g->off[n] + 1);
  for (guint e = 0; e < g->off[n]; e++)
    {
      double scaled = LENGTH_SCALE / g->w[e];

      if (scaled != floor (scaled) || scaled < 1 || scaled >= N_BUCKETS)
        {
          g_clear_pointer (&length, g_free);
          break;
        }
      length[e] = (guint) scaled;
    }

  job.g = g;
  job.length = length;
  job.uniform = TRUE;
  for (guint e = 1; e < g->off[n]; e++)
    job.uniform = job.uniform && g->w[e] == g->w[0];
  job.n_chunks = MIN (N_CHUNKS, n);
  job.between = g_new0 (double, (gsize) job.n_chunks * n);
  job.weighted = g_new0 (double, (gsize) job.n_chunks * n);
  job.closeness = closeness;

  /* Threads only pay for themselves on graphs that take a while. */
  n_threads = (guint64) n * g->off[n] >= THREAD_THRESHOLD
                ? CLAMP ((guint) g_get_num_processors (), 1, job.n_chunks)
                : 1;
  if (n_threads > 1)
    {
      g_autoptr(GPtrArray) threads = g_ptr_array_new ();

      for (guint t = 0; t < n_threads; t++)
        g_ptr_array_add (threads, g_thread_new ("ml-graph-metrics", run_chunks, &job));
      for (guint t = 0; t < n_threads; t++)
        g_thread_join (g_ptr_array_index (threads, t));
    }
  else
    {
      run_chunks (&job);
    }

  for (guint c = 0; c < job.n_chunks; c++)
    for (guint i = 0; i < n; i++)
      {
        betweenness[i] += job.between[(gsize) c * n + i];
        weighted[i] += job.weighted[(gsize) c * n + i];
      }
  if (job.uniform)
    memcpy (weighted, betweenness, sizeof (double) * n);
  g_free (job.between);
  g_free (job.weighted);
}

static guint
label_components (const Graph *g,
                  guint       *component)
{
  g_autofree guint *stack = g_new (guint, g->n + 1);
  guint n_components = 0;

  for (guint i = 0; i < g->n; i++)
    component[i] = G_MAXUINT;
  for (guint i = 0; i < g->n; i++)
    {
      guint top = 0;

      if (component[i] != G_MAXUINT)
        continue;
      component[i] = n_components;
      stack[top++] = i;
      while (top > 0)
        {
          guint v = stack[--top];

          for (guint e = g->off[v]; e < g->off[v + 1]; e++)
            if (component[g->nbr[e]] == G_MAXUINT)
              {
                component[g->nbr[e]] = n_components;
                stack[top++] = g->nbr[e];
              }
        }
      n_components++;
    }
  return n_components;
}

static double
node_strength (const Graph *g,
               guint        i)
{
  double k = 2 * g->self[i];

  for (guint e = g->off[i]; e < g->off[i + 1]; e++)
    k += g->w[e];
  return k;
}

/* Renumbers @labels from 0 in order of first appearance; returns how many there are. */
static guint
renumber (guint *labels,
          guint  n)
{
  g_autofree guint *map = g_new (guint, n);
  guint next = 0;

  for (guint i = 0; i < n; i++)
    map[i] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      if (map[labels[i]] == G_MAXUINT)
        map[labels[i]] = next++;
      labels[i] = map[labels[i]];
    }
  return next;
}

/* The first phase of Louvain: moves nodes to the neighbouring community that most increases
 * the modularity until no move does. Returns whether any node moved. */
static gboolean
louvain_level (const Graph *g,
               guint       *community)
{
  guint n = g->n;
  g_autofree double *k = g_new (double, n);
  g_autofree double *tot = g_new (double, n);
  g_autofree double *weight_to = g_new (double, n);
  g_autofree guint *touched = g_new (guint, n);
  double m2 = 0;
  double epsilon;
  gboolean moved_any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      community[i] = i;
      k[i] = node_strength (g, i);
      tot[i] = k[i];
      weight_to[i] = -1;
      m2 += k[i];
    }
  if (m2 <= 0)
    return FALSE;
  epsilon = 1e-12 * m2;

  /* Each pass raises the modularity, so this ends; the bound only guards against rounding. */
  for (guint pass = 0; pass < 1000; pass++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < n; i++)
        {
          guint own = community[i];
          guint n_touched = 0;
          guint best;
          double best_gain;

          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            {
              guint c = community[g->nbr[e]];

              if (weight_to[c] < 0)
                {
                  weight_to[c] = 0;
                  touched[n_touched++] = c;
                }
              weight_to[c] += g->w[e];
            }

          /* The gain of joining c, up to a positive factor: k_i,in(c) − tot(c)·k_i / 2m. */
          tot[own] -= k[i];
          best = own;
          best_gain = MAX (weight_to[own], 0) - tot[own] * k[i] / m2;
          for (guint t = 0; t < n_touched; t++)
            {
              guint c = touched[t];
              double gain = weight_to[c] - tot[c] * k[i] / m2;

              if (c == own)
                continue;
              if (gain > best_gain + epsilon ||
                  (gain >= best_gain - epsilon && best != own && c < best))
                {
                  best = c;
                  best_gain = gain;
                }
            }
          tot[best] += k[i];
          community[i] = best;
          if (best != own)
            moved = moved_any = TRUE;

          for (guint t = 0; t < n_touched; t++)
            weight_to[touched[t]] = -1;
        }
      if (!moved)
        break;
    }

  return moved_any;
}

/* The second phase: a graph whose nodes are the communities. */
static void
louvain_aggregate (const Graph *g,
                   const guint *community,
                   guint        n_communities,
                   Graph       *out)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  out->self = g_new0 (double, n_communities + 1);
  for (guint i = 0; i < g->n; i++)
    {
      out->self[community[i]] += g->self[i];
      for (guint e = g->off[i]; e < g->off[i + 1]; e++)
        {
          guint j = g->nbr[e];
          guint a = community[i], b = community[j];
          Pair pair;

          if (j <= i)
            continue;
          if (a == b)
            {
              out->self[a] += g->w[e];
              continue;
            }
          pair.a = MIN (a, b);
          pair.b = MAX (a, b);
          pair.w = g->w[e];
          g_array_append_val (pairs, pair);
        }
    }
  build_graph (out, n_communities, pairs, FALSE);
}

static guint
louvain (const Graph *g,
         guint       *partition)
{
  Graph current = { 0 };
  const Graph *level = g;

  for (guint i = 0; i < g->n; i++)
    partition[i] = i;

  for (;;)
    {
      g_autofree guint *community = g_new (guint, level->n + 1);
      Graph next = { 0 };
      guint n_communities;

      if (!louvain_level (level, community))
        break;
      n_communities = renumber (community, level->n);
      for (guint i = 0; i < g->n; i++)
        partition[i] = community[partition[i]];
      louvain_aggregate (level, community, n_communities, &next);
      graph_clear (&current);
      current = next;
      level = &current;
    }
  graph_clear (&current);

  return renumber (partition, g->n);
}

static double
modularity (const Graph *g,
            const guint *partition,
            guint        n_communities)
{
  g_autofree double *inside = g_new0 (double, n_communities);
  g_autofree double *degree = g_new0 (double, n_communities);
  double m = 0, q = 0;

  for (guint i = 0; i < g->n; i++)
    for (guint e = g->off[i]; e < g->off[i + 1]; e++)
      {
        degree[partition[i]] += g->w[e];
        m += g->w[e] / 2;
        if (partition[g->nbr[e]] == partition[i])
          inside[partition[i]] += g->w[e] / 2;
      }
  if (m <= 0)
    return 0;
  for (guint c = 0; c < n_communities; c++)
    q += inside[c] / m - (degree[c] / (2 * m)) * (degree[c] / (2 * m));
  return q;
}

static char *
dup_sector (MlElement *stakeholder)
{
  const char *sector = ml_element_get_string (stakeholder, ML_STAKEHOLDER_SECTOR);
  g_autofree char *stripped = NULL;

  if (sector == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (sector));
  if (*stripped == '\0')
    return NULL;
  return g_utf8_casefold (stripped, -1);
}

static double
ratio (guint part,
       guint whole)
{
  return whole > 0 ? (double) part / whole : NAN;
}

static double
ei_index (guint external,
          guint internal)
{
  guint total = external + internal;

  return total > 0 ? ((double) external - (double) internal) / total : NAN;
}

static gboolean
is_external (MlElement *stakeholder)
{
  int type = ml_element_get_enum (stakeholder, ML_STAKEHOLDER_TYPE);
  int level = ml_element_get_enum (stakeholder, ML_STAKEHOLDER_LEVEL);

  return type == ML_STAKEHOLDER_INTERNATIONAL || level == ML_LEVEL_SUPRANATIONAL ||
         level == ML_LEVEL_GLOBAL;
}

/* A relation read from a file with errors may lack an end. */
static MlElement *
lookup_ref (MlProject *project,
            MlElement *relation,
            MlField    field)
{
  const char *id = ml_element_get_string (relation, field);

  return id != NULL ? ml_project_lookup (project, id) : NULL;
}

static void
clear_node (gpointer data)
{
  MlNodeMetrics *node = data;

  g_clear_object (&node->stakeholder);
}

/**
 * ml_graph_metrics_compute_full:
 * @project: a project
 * @flags: what to count as edges of the coordination graph
 *
 * Returns: (transfer full): the metrics of the stakeholder network of @project
 */
MlGraphMetrics *
ml_graph_metrics_compute_full (MlProject           *project,
                               MlGraphMetricsFlags  flags)
{
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr(GPtrArray) sectors = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *component = NULL;
  g_autofree guint *community = NULL;
  g_autofree double *betweenness = NULL;
  g_autofree double *weighted = NULL;
  g_autofree double *closeness = NULL;
  g_autofree gboolean *owner = NULL;
  g_autofree guint *seen = NULL;
  MlGraphMetrics *self;
  MlNetworkMetrics *net;
  Graph g = { 0 };
  guint n;
  guint cross_level = 0, same_level = 0, cross_sector = 0, same_sector = 0;
  guint cross_type = 0, same_type = 0;
  guint domestic = 0;
  double scale;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  stakeholders = ml_project_collect (project, ML_KIND_STAKEHOLDER);
  relations = ml_project_collect (project, ML_KIND_RELATION);
  n = stakeholders->len;

  self = g_new0 (MlGraphMetrics, 1);
  self->nodes = g_array_sized_new (FALSE, TRUE, sizeof (MlNodeMetrics), n);
  g_array_set_clear_func (self->nodes, clear_node);
  self->by_element = g_hash_table_new (NULL, NULL);
  net = &self->network;

  for (guint i = 0; i < n; i++)
    {
      MlElement *stakeholder = g_ptr_array_index (stakeholders, i);
      MlNodeMetrics node = { 0 };

      node.stakeholder = g_object_ref (stakeholder);
      node.index = i;
      g_array_append_val (self->nodes, node);
      g_hash_table_insert (self->by_element, stakeholder, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (sectors, dup_sector (stakeholder));
    }

  owner = g_new0 (gboolean, n + 1);
  for (guint i = 0; i < n; i++)
    {
      int role = ml_element_get_enum (g_ptr_array_index (stakeholders, i), ML_STAKEHOLDER_ROLE);

      owner[i] = role == ML_ROLE_LEAD || role == ML_ROLE_FUNDER;
    }

  for (guint r = 0; r < relations->len; r++)
    {
      MlElement *relation = g_ptr_array_index (relations, r);
      MlElement *from_element, *to_element;
      MlNodeMetrics *from, *to;
      guint a, b;
      int kind = ml_element_get_enum (relation, ML_RELATION_KIND);
      gboolean mutual = ml_element_get_enum (relation, ML_RELATION_DIRECTION) ==
                        ML_RELATION_MUTUAL;
      double strength = ml_element_get_number (relation, ML_RELATION_STRENGTH);
      const char *sector_a, *sector_b;

      from_element = lookup_ref (project, relation, ML_RELATION_FROM);
      to_element = lookup_ref (project, relation, ML_RELATION_TO);
      a = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_element, from_element));
      b = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_element, to_element));
      if (a == 0 || b == 0 || a == b)
        continue;
      a--, b--;
      if (isnan (strength))
        strength = 2;
      from = &g_array_index (self->nodes, MlNodeMetrics, a);
      to = &g_array_index (self->nodes, MlNodeMetrics, b);

      if (kind == ML_RELATION_CONFLICT)
        {
          net->n_conflicts++;
          from->conflict_degree++;
          to->conflict_degree++;
        }
      else
        {
          net->n_ties++;
          from->degree++;
          to->degree++;
          from->degree_out++;
          to->degree_in++;
          if (mutual)
            {
              to->degree_out++;
              from->degree_in++;
            }
          from->weighted_degree += strength;
          to->weighted_degree += strength;

          if (ml_element_get_enum (from_element, ML_STAKEHOLDER_LEVEL) ==
              ml_element_get_enum (to_element, ML_STAKEHOLDER_LEVEL))
            same_level++;
          else
            cross_level++;
          if (ml_element_get_enum (from_element, ML_STAKEHOLDER_TYPE) ==
              ml_element_get_enum (to_element, ML_STAKEHOLDER_TYPE))
            same_type++;
          else
            cross_type++;
          sector_a = g_ptr_array_index (sectors, a);
          sector_b = g_ptr_array_index (sectors, b);
          if (sector_a != NULL && sector_b != NULL)
            {
              if (g_str_equal (sector_a, sector_b))
                same_sector++;
              else
                cross_sector++;
            }
        }

      if (kind == ML_RELATION_FUNDING)
        {
          owner[a] = TRUE;
          if (mutual)
            owner[b] = TRUE;
        }

      if (kind != ML_RELATION_CONFLICT || (flags & ML_GRAPH_METRICS_INCLUDE_CONFLICTS) != 0)
        {
          Pair pair = { MIN (a, b), MAX (a, b), strength };

          g_array_append_val (pairs, pair);
        }
    }

  build_graph (&g, n, pairs, TRUE);

  betweenness = g_new0 (double, n + 1);
  weighted = g_new0 (double, n + 1);
  closeness = g_new0 (double, n + 1);
  component = g_new (guint, n + 1);
  community = g_new (guint, n + 1);
  compute_centrality (&g, betweenness, weighted, closeness);
  net->n_components = label_components (&g, component);
  net->n_communities = louvain (&g, community);
  net->modularity = modularity (&g, community, net->n_communities);

  /* Brandes counts each pair of an undirected graph from both ends, so dividing by
   * (n − 1)(n − 2) gives networkx's 2 / ((n − 1)(n − 2)) per pair. */
  scale = n > 2 ? 1.0 / ((double) (n - 1) * (n - 2)) : 0;
  seen = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    seen[i] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      MlNodeMetrics *node = &g_array_index (self->nodes, MlNodeMetrics, i);
      guint n_other = 0;

      node->betweenness = betweenness[i] * scale;
      node->weighted_betweenness = weighted[i] * scale;
      node->closeness = closeness[i];
      node->component = component[i];
      node->community = community[i];
      node->isolated = node->degree == 0 && node->conflict_degree == 0;

      for (guint e = g.off[i]; e < g.off[i + 1]; e++)
        {
          guint c = community[g.nbr[e]];

          if (c != community[i] && seen[c] != i)
            {
              seen[c] = i;
              n_other++;
            }
        }
      node->broker = node->betweenness >= ML_GRAPH_METRICS_BROKER_BETWEENNESS && n_other >= 1;

      if (owner[i])
        {
          net->n_owners++;
          if (!is_external (node->stakeholder))
            domestic++;
        }
    }
  graph_clear (&g);

  net->cross_level_share = ratio (cross_level, cross_level + same_level);
  net->cross_sector_share = ratio (cross_sector, cross_sector + same_sector);
  net->ei_type = ei_index (cross_type, same_type);
  net->ei_level = ei_index (cross_level, same_level);
  net->ei_sector = ei_index (cross_sector, same_sector);
  net->ownership = ratio (domestic, net->n_owners);

  return self;
}

/**
 * ml_graph_metrics_compute:
 * @project: a project
 *
 * The metrics with the default flags: conflicts are no edges of the coordination graph.
 *
 * Returns: (transfer full): the metrics of the stakeholder network of @project
 */
MlGraphMetrics *
ml_graph_metrics_compute (MlProject *project)
{
  return ml_graph_metrics_compute_full (project, ML_GRAPH_METRICS_DEFAULT);
}

void
ml_graph_metrics_free (MlGraphMetrics *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->nodes);
  g_hash_table_unref (self->by_element);
  g_free (self);
}

guint
ml_graph_metrics_get_n_nodes (MlGraphMetrics *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes->len;
}

/**
 * ml_graph_metrics_get_node:
 * @self: metrics
 * @i: a stakeholder's index in document order
 *
 * Returns: (transfer none): its metrics
 */
const MlNodeMetrics *
ml_graph_metrics_get_node (MlGraphMetrics *self,
                           guint           i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->nodes->len, NULL);

  return &g_array_index (self->nodes, MlNodeMetrics, i);
}

/**
 * ml_graph_metrics_lookup:
 * @self: metrics
 * @stakeholder: a stakeholder
 *
 * Returns: (transfer none) (nullable): its metrics, or %NULL when it was not in the project
 */
const MlNodeMetrics *
ml_graph_metrics_lookup (MlGraphMetrics *self,
                         MlElement      *stakeholder)
{
  guint i;

  g_return_val_if_fail (self != NULL, NULL);

  i = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_element, stakeholder));
  return i > 0 ? &g_array_index (self->nodes, MlNodeMetrics, i - 1) : NULL;
}

/**
 * ml_graph_metrics_get_network:
 * @self: metrics
 *
 * Returns: (transfer none): the measures of the whole network
 */
const MlNetworkMetrics *
ml_graph_metrics_get_network (MlGraphMetrics *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->network;
}

static char *
format_share (double share)
{
  return isnan (share) ? g_strdup ("–") : g_strdup_printf ("%.0f%%", share * 100);
}

/**
 * ml_network_metrics_dup_summary:
 * @network: the measures of a whole network
 *
 * Returns: (transfer full): three translated sentences, one a line: ties, conflicts, groups
 *   and communities; ties across levels and sectors; domestic ownership
 */
char *
ml_network_metrics_dup_summary (const MlNetworkMetrics *network)
{
  g_autofree char *cross_level = NULL;
  g_autofree char *cross_sector = NULL;
  g_autofree char *ownership = NULL;

  g_return_val_if_fail (network != NULL, NULL);

  cross_level = format_share (network->cross_level_share);
  cross_sector = format_share (network->cross_sector_share);
  ownership = format_share (network->ownership);

  return g_strdup_printf (_("%u ties and %u conflicts; %u separate groups of actors, "
                            "%u communities.\n"
                            "Ties across levels of governance: %s; across sectors: %s.\n"
                            "Leading and funding roles held by local or national actors: %s."),
                          network->n_ties, network->n_conflicts, network->n_components,
                          network->n_communities, cross_level, cross_sector, ownership);
}
