/* ml-index-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the index: full-text search and the cross-project questions.
 */

#define G_LOG_DOMAIN "ml-index"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "ml-index-private.h"
#include "ml-indicator.h"
#include "ml-taxonomy.h"
#include "ml-text.h"
#include "ml-value.h"

/* Words shown around the first match of a snippet. */
#define SNIPPET_WORDS_BEFORE 6
#define SNIPPET_WORDS        24

/* Search */

static gboolean
has_word_character (const char *text)
{
  const char *start, *end;

  return ml_text_next_word (&text, &start, &end);
}

/* Adds the words of a folded token to @terms, the last one with a '*' if it is a prefix. */
static void
add_terms (GPtrArray  *terms,
           const char *folded,
           gboolean    prefix)
{
  const char *cursor = folded, *start, *end;

  while (ml_text_next_word (&cursor, &start, &end))
    g_ptr_array_add (terms, g_strdup_printf ("%.*s%s", (int) (end - start), start,
                                             prefix && !has_word_character (end) ? "*" : ""));
}

/* Appends one token of the user's query as an FTS5 string: folded, inside double quotes (so
 * that no word is read as an operator or a column name), with '*' for a prefix.
 */
static void
append_token (GString    *match,
              GPtrArray  *terms,
              const char *token,
              gsize       length,
              gboolean    prefix)
{
  g_autofree char *text = g_strndup (token, length);
  g_autofree char *folded = ml_text_fold (text);

  if (!has_word_character (folded))
    return;

  if (match->len > 0)
    g_string_append_c (match, ' ');
  g_string_append_c (match, '"');
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
  if (prefix)
    g_string_append_c (match, '*');

  if (terms != NULL)
    add_terms (terms, folded, prefix);
}

/* build_match:
 * @query: what the user typed: words (all must match), "quoted phrases", and a trailing `*` on
 *   a word or phrase for a prefix
 * @terms: (nullable) (element-type utf8): where to add the folded words, for marking snippets
 * @error: return location for an error
 *
 * An unclosed quote runs to the end, so that a search typed letter by letter works at every
 * step.
 *
 * Returns: (transfer full) (nullable): an FTS5 expression, or %NULL with %ML_INDEX_ERROR_QUERY
 *   if @query has no word to look for
 */
static char *
build_match (const char  *query,
             GPtrArray   *terms,
             GError     **error)
{
  g_autoptr(GString) match = g_string_new (NULL);
  const char *p = query;

  g_assert (query != NULL);

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error_literal (error, ML_INDEX_ERROR, ML_INDEX_ERROR_QUERY,
                           _("The search is not valid UTF-8 text"));
      return NULL;
    }

  while (*p != '\0')
    {
      const char *start;
      gsize length;
      gboolean prefix = FALSE;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }

      if (*p == '"')
        {
          start = ++p;
          while (*p != '\0' && *p != '"')
            p++;
          length = p - start;
          if (*p == '"')
            p++;
        }
      else
        {
          start = p;
          while (*p != '\0' && *p != '"' && !g_ascii_isspace (*p))
            p++;
          length = p - start;
        }

      while (*p == '*')
        {
          prefix = TRUE;
          p++;
        }
      while (length > 0 && start[length - 1] == '*')
        {
          prefix = TRUE;
          length--;
        }

      append_token (match, terms, start, length, prefix);
    }

  if (match->len == 0)
    {
      g_set_error (error, ML_INDEX_ERROR, ML_INDEX_ERROR_QUERY,
                   _("The search “%s” has no word to look for"), query);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* Whether the word from @start to @end is one of @terms (folded; a prefix when it ends in '*').
 * Snippets test many words, so a word in ASCII is compared without folding a copy.
 */
static gboolean
matches_term (const char *start,
              const char *end,
              GPtrArray  *terms)
{
  g_autofree char *folded = NULL;
  const char *word = start;
  gsize length = end - start;

  for (const char *p = start; p < end; p++)
    if ((guchar) *p >= 0x80)
      {
        g_autofree char *copy = g_strndup (start, length);

        folded = ml_text_fold (copy);
        word = folded;
        length = strlen (folded);
        break;
      }

  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);
      gsize term_length = strlen (term);
      gboolean prefix = term_length > 0 && term[term_length - 1] == '*';

      if (prefix)
        term_length--;
      if ((prefix ? length >= term_length : length == term_length) &&
          g_ascii_strncasecmp (word, term, term_length) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  const char *start;
  const char *end;
  gboolean    match;
} Word;

/* The words of @text around its first match, in the text as written, with the matches between
 * [ and ]; %NULL if no word of @text matches. Words are read only as far as the snippet goes.
 */
static char *
make_snippet (const char *text,
              GPtrArray  *terms)
{
  g_autoptr(GArray) words = NULL;
  GString *snippet;
  guint first = G_MAXUINT, from = 0, to = G_MAXUINT;
  gboolean more = FALSE;
  const char *cursor = text, *p;
  Word w;

  if (text == NULL)
    return NULL;

  words = g_array_new (FALSE, FALSE, sizeof (Word));
  while (ml_text_next_word (&cursor, &w.start, &w.end))
    {
      if (words->len == to)
        {
          more = TRUE;
          break;
        }
      w.match = matches_term (w.start, w.end, terms);
      g_array_append_val (words, w);
      if (w.match && first == G_MAXUINT)
        {
          first = words->len - 1;
          from = first > SNIPPET_WORDS_BEFORE ? first - SNIPPET_WORDS_BEFORE : 0;
          to = from + SNIPPET_WORDS;
        }
    }
  if (first == G_MAXUINT)
    return NULL;
  to = MIN (to, words->len);

  snippet = g_string_new (from > 0 ? "…" : NULL);
  p = from > 0 ? g_array_index (words, Word, from).start : text;
  for (guint i = from; i < to; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

      g_string_append_len (snippet, p, word->start - p);
      if (word->match)
        g_string_append_c (snippet, '[');
      g_string_append_len (snippet, word->start, word->end - word->start);
      if (word->match)
        g_string_append_c (snippet, ']');
      p = word->end;
    }
  if (more)
    g_string_append (snippet, "…");
  else
    g_string_append (snippet, p);

  return g_strstrip (g_string_free (snippet, FALSE));
}

/* Ranking. FTS5's bm25() looks up the row's length in element_text_docsize with a statement of
 * its own for every match, which made most of the time of a search for a common word (about 1 µs
 * a match, and such words match 10,000 elements and more of 1,000 projects). ml_bm25() computes
 * the very same score, operation for operation (fts5_aux.c of SQLite 3.40), but reads the
 * lengths from a copy held in memory, read once and again only when the database changed: when
 * PRAGMA data_version (commits of other connections) or sqlite3_total_changes64() (our own)
 * moved. The search reads them and runs its query in one read transaction, so both see the same
 * snapshot. A row missing from the copy is asked of FTS5, as bm25() does.
 */

typedef struct
{
  gint64 rowid;
  int    size;
} DocSize;

/* What one query's scores share, as bm25() computes it once per query. */
typedef struct
{
  int     n_phrases;
  double  avgdl;
  double *idf;
  double *freq;
} RankData;

static void
rank_data_free (gpointer data)
{
  RankData *rank = data;

  g_free (rank->idf);
  g_free (rank->freq);
  g_free (rank);
}

static int
count_hit_cb (const Fts5ExtensionApi *api,
              Fts5Context            *fts,
              void                   *user_data)
{
  (*(sqlite3_int64 *) user_data)++;
  return SQLITE_OK;
}

static int
get_rank_data (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               RankData               **data)
{
  RankData *rank = api->xGetAuxdata (fts, 0);
  sqlite3_int64 n_rows = 0, n_tokens = 0;
  int rc;

  if (rank != NULL)
    {
      *data = rank;
      return SQLITE_OK;
    }

  rank = g_new0 (RankData, 1);
  rank->n_phrases = api->xPhraseCount (fts);
  rank->idf = g_new0 (double, rank->n_phrases);
  rank->freq = g_new0 (double, rank->n_phrases);

  rc = api->xRowCount (fts, &n_rows);
  if (rc == SQLITE_OK)
    rc = api->xColumnTotalSize (fts, -1, &n_tokens);
  if (rc == SQLITE_OK)
    rank->avgdl = (double) n_tokens / (double) n_rows;

  for (int i = 0; rc == SQLITE_OK && i < rank->n_phrases; i++)
    {
      sqlite3_int64 n_hits = 0;

      rc = api->xQueryPhrase (fts, i, &n_hits, count_hit_cb);
      if (rc == SQLITE_OK)
        {
          double idf = log ((n_rows - n_hits + 0.5) / (n_hits + 0.5));

          rank->idf[i] = idf <= 0.0 ? 1e-6 : idf;
        }
    }

  if (rc == SQLITE_OK)
    rc = api->xSetAuxdata (fts, rank, rank_data_free);
  else
    rank_data_free (rank);

  *data = rc == SQLITE_OK ? rank : NULL;
  return rc;
}

static int
compare_doc_size (gconstpointer a,
                  gconstpointer b)
{
  gint64 ra = ((const DocSize *) a)->rowid, rb = ((const DocSize *) b)->rowid;

  return ra < rb ? -1 : ra > rb;
}

/* The row's length in tokens, all columns. */
static int
get_doc_size (MlIndex                *self,
              const Fts5ExtensionApi *api,
              Fts5Context            *fts,
              int                    *size)
{
  DocSize key = { api->xRowid (fts), 0 };
  const DocSize *found = NULL;

  if (self->doc_sizes != NULL)
    found = bsearch (&key, self->doc_sizes->data, self->doc_sizes->len, sizeof (DocSize),
                     compare_doc_size);
  if (found == NULL)
    return api->xColumnSize (fts, -1, size);

  *size = found->size;
  return SQLITE_OK;
}

static void
rank_bm25 (const Fts5ExtensionApi  *api,
           Fts5Context             *fts,
           sqlite3_context         *context,
           int                      n_values,
           sqlite3_value          **values)
{
  const double k1 = 1.2;
  const double b = 0.75;
  MlIndex *self = api->xUserData (fts);
  RankData *rank = NULL;
  double score = 0.0;
  double length = 0.0;
  int n_insts = 0;
  int rc;

  rc = get_rank_data (api, fts, &rank);
  if (rc == SQLITE_OK)
    {
      memset (rank->freq, 0, sizeof (double) * rank->n_phrases);
      rc = api->xInstCount (fts, &n_insts);
    }
  for (int i = 0; rc == SQLITE_OK && i < n_insts; i++)
    {
      int phrase, column, offset;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK)
        rank->freq[phrase] += n_values > column ? sqlite3_value_double (values[column]) : 1.0;
    }

  if (rc == SQLITE_OK)
    {
      int size;

      rc = get_doc_size (self, api, fts, &size);
      length = (double) size;
    }

  for (int i = 0; rc == SQLITE_OK && i < rank->n_phrases; i++)
    score += rank->idf[i] * ((rank->freq[i] * (k1 + 1.0)) /
                             (rank->freq[i] + k1 * (1 - b + b * length / rank->avgdl)));

  if (rc == SQLITE_OK)
    sqlite3_result_double (context, -1.0 * score);
  else
    sqlite3_result_error_code (context, rc);
}

/* A varint of SQLite's record format, as FTS5 writes the column sizes. */
static gboolean
read_varint (const guchar **p,
             const guchar  *end,
             guint64       *value)
{
  *value = 0;
  for (int i = 0; i < 9 && *p < end; i++)
    {
      guchar byte = *(*p)++;

      if (i == 8)
        {
          *value = (*value << 8) | byte;
          return TRUE;
        }
      *value = (*value << 7) | (byte & 0x7f);
      if ((byte & 0x80) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Reads the lengths again if the database changed since they were read; inside the search's
 * read transaction.
 */
static gboolean
refresh_doc_sizes (MlIndex  *self,
                   GError  **error)
{
  g_autoptr(MlIndexStmt) version = NULL;
  g_autoptr(MlIndexStmt) sizes = NULL;
  g_autoptr(GArray) array = NULL;
  gint64 data_version, changes = sqlite3_total_changes64 (self->db);
  int rc;

  version = ml_index_prepare (self, "PRAGMA data_version", error);
  if (version == NULL)
    return FALSE;
  rc = sqlite3_step (version);
  if (rc != SQLITE_ROW)
    {
      ml_index_set_error (self, rc, error);
      return FALSE;
    }
  data_version = sqlite3_column_int64 (version, 0);

  if (self->doc_sizes != NULL && data_version == self->doc_sizes_version &&
      changes == self->doc_sizes_changes)
    return TRUE;

  g_clear_pointer (&self->doc_sizes, g_array_unref);
  sizes = ml_index_prepare (self, "SELECT id, sz FROM element_text_docsize ORDER BY id", error);
  if (sizes == NULL)
    return FALSE;

  array = g_array_new (FALSE, FALSE, sizeof (DocSize));
  while ((rc = sqlite3_step (sizes)) == SQLITE_ROW)
    {
      const guchar *p = sqlite3_column_blob (sizes, 1);
      const guchar *end = p != NULL ? p + sqlite3_column_bytes (sizes, 1) : NULL;
      DocSize row = { sqlite3_column_int64 (sizes, 0), 0 };
      guint64 column;

      /* A blob that cannot be read leaves the row to FTS5. */
      while (p < end && read_varint (&p, end, &column))
        row.size += (int) column;
      if (p == end)
        g_array_append_val (array, row);
    }
  if (rc != SQLITE_DONE)
    {
      ml_index_set_error (self, rc, error);
      return FALSE;
    }

  self->doc_sizes = g_steal_pointer (&array);
  self->doc_sizes_version = data_version;
  self->doc_sizes_changes = changes;
  return TRUE;
}

/* Adds ml_bm25() to a new connection. */
gboolean
ml_index_add_ranker (MlIndex  *self,
                     GError  **error)
{
  g_autoptr(MlIndexStmt) stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  stmt = ml_index_prepare (self, "SELECT fts5 (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  rc = sqlite3_step (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW || api == NULL)
    {
      ml_index_set_error (self, rc == SQLITE_ROW ? SQLITE_ERROR : rc, error);
      return FALSE;
    }

  rc = api->xCreateFunction (api, "ml_bm25", self, rank_bm25, NULL);
  if (rc != SQLITE_OK)
    {
      ml_index_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* The hits of @match, best first, in one read transaction with the lengths it ranks by. */
static GPtrArray *
find_hits (MlIndex     *self,
           const char  *match,
           guint        limit,
           GPtrArray   *terms,
           GError     **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(MlIndexStmt) stmt = NULL;
  int rc;

  if (!refresh_doc_sizes (self, error))
    return NULL;

  /* The label weighs four times the body: a project named after the words beats one that
   * mentions them.
   */
  stmt = ml_index_prepare (self,
                           "SELECT f.path, f.title, e.element_id, e.kind, e.label, e.body, "
                           "       m.score "
                           "FROM (SELECT rowid, ml_bm25 (element_text, 4.0, 1.0) AS score "
                           "      FROM element_text WHERE element_text MATCH ?1 "
                           "      ORDER BY score LIMIT ?2) AS m "
                           "JOIN elements e ON e.id = m.rowid "
                           "JOIN files f ON f.id = e.file_id "
                           "ORDER BY m.score, f.path, e.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (sqlite3_int64) limit : -1);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ml_index_hit_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MlIndexHit *hit = g_new0 (MlIndexHit, 1);
      const char *label = (const char *) sqlite3_column_text (stmt, 4);
      const char *body = (const char *) sqlite3_column_text (stmt, 5);

      hit->path = ml_index_dup_column (stmt, 0);
      hit->project_title = ml_index_dup_column (stmt, 1);
      hit->element_id = ml_index_dup_column (stmt, 2);
      hit->kind = ml_index_dup_column (stmt, 3);
      hit->label = g_strdup (label);
      hit->snippet = make_snippet (body, terms);
      if (hit->snippet == NULL)
        hit->snippet = make_snippet (label, terms);
      if (hit->snippet == NULL)
        hit->snippet = g_strdup (label != NULL ? label : "");
      hit->rank = sqlite3_column_double (stmt, 6);
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      ml_index_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&hits);
}

/**
 * ml_index_search:
 * @self: an index
 * @query: what the user typed: words (all must match), "quoted phrases", and a trailing `*`
 *   for a prefix
 * @limit: the most hits to return; 0 for all
 * @error: return location for an error
 *
 * Finds elements whose name or text has every word of @query, ignoring case and accents. A
 * match in the name counts more than one in the text.
 *
 * Returns: (transfer full) (element-type MlIndexHit) (nullable): the hits, best first, or %NULL
 *   with %ML_INDEX_ERROR_QUERY if @query has nothing to search for
 */
GPtrArray *
ml_index_search (MlIndex     *self,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree char *match = NULL;
  GPtrArray *hits;
  gboolean own_transaction;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  terms = g_ptr_array_new_with_free_func (g_free);
  match = build_match (query, terms, error);
  if (match == NULL)
    return NULL;

  own_transaction = self->db != NULL && sqlite3_get_autocommit (self->db);
  if (own_transaction && !ml_index_exec (self, "BEGIN", error))
    return NULL;

  hits = find_hits (self, match, limit, terms, error);

  if (own_transaction)
    ml_index_rollback (self);

  return hits;
}

/* Questions */

static void
add_row (GPtrArray         *rows,
         const char *const *keys,
         char             **values)
{
  MlIndexRow *row = g_new0 (MlIndexRow, 1);

  row->keys = g_strdupv ((char **) keys);
  row->values = values;
  g_assert (g_strv_length (row->keys) == g_strv_length (row->values));
  g_ptr_array_add (rows, row);
}

static char *
format_number (double number)
{
  char buffer[ML_NUMBER_BUF_SIZE];

  if (isnan (number))
    return g_strdup ("");

  ml_number_format (number, buffer);
  return g_strdup (buffer);
}

static char *
dup_text (MlIndexStmt *stmt,
          int          column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static double
get_number (MlIndexStmt *stmt,
            int          column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;

  return sqlite3_column_double (stmt, column);
}

static MlDate
get_date (MlIndexStmt *stmt,
          int          column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  MlDate date = ML_DATE_NONE;

  if (text != NULL && !ml_date_parse (text, &date))
    date = ML_DATE_NONE;

  return date;
}

/* Ends a loop over the rows of @stmt: %FALSE with the error if it stopped on one. */
static gboolean
check_done (MlIndex  *self,
            int       rc,
            GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  ml_index_set_error (self, rc, error);
  return FALSE;
}

/* Stakeholders in two projects or more, matched on their normalised names (see the scan). */
static gboolean
ask_stakeholders (MlIndex    *self,
                  GPtrArray  *rows,
                  GError    **error)
{
  static const char *const keys[] = { "name", "count", "projects", "paths", NULL };
  g_autoptr(MlIndexStmt) stmt = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current = NULL;
  g_autofree char *name = NULL;
  int rc;

  stmt = ml_index_prepare (self,
                           "SELECT s.normalised, s.name, coalesce (f.title, f.path), f.path "
                           "FROM stakeholders s JOIN files f ON f.id = s.file_id "
                           "WHERE s.normalised IN "
                           "  (SELECT normalised FROM stakeholders WHERE normalised <> '' "
                           "   GROUP BY normalised "
                           "   HAVING count (DISTINCT file_id) >= 2) "
                           "ORDER BY s.normalised, f.path, s.name",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      const char *normalised;

      rc = sqlite3_step (stmt);
      normalised = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL;

      if (current != NULL && g_strcmp0 (normalised, current) != 0)
        {
          char **values = g_new0 (char *, 5);

          values[0] = g_steal_pointer (&name);
          values[1] = g_strdup_printf ("%u", titles->len);
          g_ptr_array_add (titles, NULL);
          g_ptr_array_add (paths, NULL);
          values[2] = g_strjoinv ("; ", (char **) titles->pdata);
          values[3] = g_strjoinv ("; ", (char **) paths->pdata);
          add_row (rows, keys, values);
          g_ptr_array_set_size (titles, 0);
          g_ptr_array_set_size (paths, 0);
          g_clear_pointer (&current, g_free);
        }
      if (rc != SQLITE_ROW)
        break;

      if (current == NULL)
        {
          current = g_strdup (normalised);
          name = dup_text (stmt, 1);
        }
      /* A project that names the stakeholder twice counts once. */
      if (paths->len == 0 ||
          !g_str_equal (g_ptr_array_index (paths, paths->len - 1), sqlite3_column_text (stmt, 3)))
        {
          g_ptr_array_add (titles, dup_text (stmt, 2));
          g_ptr_array_add (paths, dup_text (stmt, 3));
        }
    }

  return check_done (self, rc, error);
}

/* Budgets summed per currency, side and STIP type; amounts in different currencies are never
 * added together.
 */
static gboolean
ask_budget (MlIndex    *self,
            GPtrArray  *rows,
            GError    **error)
{
  static const char *const keys[] = { "currency", "side", "type", "type_name", "amount",
                                      "count", NULL };
  g_autoptr(MlIndexStmt) stmt = NULL;
  int rc;

  stmt = ml_index_prepare (self,
                           "SELECT coalesce (currency, ''), side, coalesce (type, ''), "
                           "       sum (budget), count (*) "
                           "FROM instruments WHERE budget IS NOT NULL "
                           "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 2);
      const MlInstrumentType *info = ml_instrument_type_lookup (type);
      char **values = g_new0 (char *, 7);

      values[0] = dup_text (stmt, 0);
      values[1] = dup_text (stmt, 1);
      values[2] = g_strdup (type);
      values[3] = g_strdup (info != NULL ? info->name : "");
      values[4] = format_number (sqlite3_column_double (stmt, 3));
      values[5] = g_strdup_printf ("%d", sqlite3_column_int (stmt, 4));
      add_row (rows, keys, values);
    }

  return check_done (self, rc, error);
}

static gboolean
ask_upcoming (MlIndex    *self,
              MlDate      today,
              guint       days,
              GPtrArray  *rows,
              GError    **error)
{
  static const char *const keys[] = { "date", "project", "path", "id", "name", NULL };
  g_autoptr(MlIndexStmt) stmt = NULL;
  char first[11], last[11];
  int rc;

  stmt = ml_index_prepare (self,
                           "SELECT d.date, coalesce (f.title, f.path), f.path, d.element_id, "
                           "       d.name "
                           "FROM decisions d JOIN files f ON f.id = d.file_id "
                           "WHERE coalesce (d.outcome, 'pending') = 'pending' "
                           "  AND d.date BETWEEN ?1 AND ?2 "
                           "ORDER BY d.date, f.path, d.element_id",
                           error);
  if (stmt == NULL)
    return FALSE;

  ml_date_format_into (today, first);
  ml_date_format_into (today + days, last);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **values = g_new0 (char *, 6);

      for (int i = 0; i < 5; i++)
        values[i] = dup_text (stmt, i);
      add_row (rows, keys, values);
    }

  return check_done (self, rc, error);
}

static void
set_number (MlElement *element,
            MlField    field,
            double     number)
{
  MlValue value;

  if (isnan (number))
    return;
  ml_value_init_number (&value, field, number);
  ml_element_set_value (element, field, &value, NULL);
  ml_value_clear (&value);
}

static void
set_date (MlElement *element,
          MlField    field,
          MlDate     date)
{
  MlValue value;

  if (date == ML_DATE_NONE)
    return;
  ml_value_init_date (&value, field, date);
  ml_element_set_value (element, field, &value, NULL);
  ml_value_clear (&value);
}

/* An indicator with what the index stored of it (columns 0 to 7 of @stmt) and its latest
 * measurement, for ml_indicator_get_status() to judge as it judges one in a project.
 */
static MlElement *
rebuild_indicator (MlIndexStmt *stmt)
{
  MlElement *indicator = ml_element_new (ML_KIND_INDICATOR, NULL);
  const char *direction = (const char *) sqlite3_column_text (stmt, 1);
  int direction_value = ml_enum_info_lookup (ml_field_get_info (ML_INDICATOR_DIRECTION)->enum_info,
                                             direction != NULL ? direction : "");
  MlDate latest_date = get_date (stmt, 7);

  if (direction_value >= 0)
    {
      MlValue value;

      ml_value_init_enum (&value, ML_INDICATOR_DIRECTION, direction_value);
      ml_element_set_value (indicator, ML_INDICATOR_DIRECTION, &value, NULL);
      ml_value_clear (&value);
    }
  set_number (indicator, ML_INDICATOR_BASELINE, get_number (stmt, 2));
  set_date (indicator, ML_INDICATOR_BASELINE_DATE, get_date (stmt, 3));
  set_number (indicator, ML_INDICATOR_TARGET, get_number (stmt, 4));
  set_date (indicator, ML_INDICATOR_TARGET_DATE, get_date (stmt, 5));

  if (latest_date != ML_DATE_NONE && !isnan (get_number (stmt, 6)))
    {
      MlElement *measurement = ml_element_new (ML_KIND_MEASUREMENT, NULL);

      set_date (measurement, ML_MEASUREMENT_DATE, latest_date);
      set_number (measurement, ML_MEASUREMENT_VALUE, get_number (stmt, 6));
      ml_element_add_child (indicator, measurement);
      g_object_unref (measurement);
    }

  return indicator;
}

static gboolean
ask_off_track (MlIndex    *self,
               MlDate      today,
               GPtrArray  *rows,
               GError    **error)
{
  static const char *const keys[] = { "project", "path", "id", "name", "unit", "status", "value",
                                      "date", "target", "target_date", "share", NULL };
  g_autoptr(MlIndexStmt) stmt = NULL;
  int rc;

  stmt = ml_index_prepare (self,
                           "SELECT i.unit, i.direction, i.baseline, i.baseline_date, i.target, "
                           "       i.target_date, i.latest_value, i.latest_date, "
                           "       coalesce (f.title, f.path), f.path, i.element_id, i.name "
                           "FROM indicators i JOIN files f ON f.id = i.file_id "
                           "ORDER BY f.path, i.rowid",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MlElement) indicator = rebuild_indicator (stmt);
      MlIndicatorStatus status;
      double share = NAN;
      char **values;

      status = ml_indicator_get_status (indicator, today, &share);
      if (status != ML_INDICATOR_STATUS_OFF_TRACK)
        continue;

      values = g_new0 (char *, 12);
      values[0] = dup_text (stmt, 8);
      values[1] = dup_text (stmt, 9);
      values[2] = dup_text (stmt, 10);
      values[3] = dup_text (stmt, 11);
      values[4] = dup_text (stmt, 0);
      values[5] = g_strdup (ml_indicator_status_get_nick (status));
      values[6] = format_number (get_number (stmt, 6));
      values[7] = dup_text (stmt, 7);
      values[8] = format_number (get_number (stmt, 4));
      values[9] = dup_text (stmt, 5);
      values[10] = format_number (share);
      add_row (rows, keys, values);
    }

  return check_done (self, rc, error);
}

static gboolean
ask_at_risk (MlIndex    *self,
             MlDate      today,
             GPtrArray  *rows,
             GError    **error)
{
  static const char *const keys[] = { "project", "path", "id", "name", "status", "end", "reason",
                                      NULL };
  g_autoptr(MlIndexStmt) stmt = NULL;
  char day[11];
  int rc;

  stmt = ml_index_prepare (self,
                           "SELECT coalesce (f.title, f.path), f.path, a.element_id, a.name, "
                           "       coalesce (a.status, 'planned'), a.end, "
                           "       CASE WHEN a.status = 'at-risk' THEN 'at-risk' "
                           "            ELSE 'overdue' END "
                           "FROM activities a JOIN files f ON f.id = a.file_id "
                           "WHERE a.status = 'at-risk' "
                           "   OR (a.end < ?1 "
                           "       AND coalesce (a.status, 'planned') NOT IN ('done', 'stopped')) "
                           "ORDER BY f.path, a.end, a.element_id",
                           error);
  if (stmt == NULL)
    return FALSE;

  ml_date_format_into (today, day);
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **values = g_new0 (char *, 8);

      for (int i = 0; i < 7; i++)
        values[i] = dup_text (stmt, i);
      add_row (rows, keys, values);
    }

  return check_done (self, rc, error);
}

/**
 * ml_index_ask:
 * @self: an index
 * @question: what to ask
 * @today: the day the question is asked for
 * @days: for %ML_INDEX_QUESTION_UPCOMING, how many days after @today to look
 * @error: return location for an error
 *
 * Answers a question across every project that loaded; see ml-index.h for the columns.
 *
 * Returns: (transfer full) (element-type MlIndexRow) (nullable): the rows
 */
GPtrArray *
ml_index_ask (MlIndex          *self,
              MlIndexQuestion   question,
              MlDate            today,
              guint             days,
              GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (today != ML_DATE_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ml_index_row_free);
  switch (question)
    {
    case ML_INDEX_QUESTION_STAKEHOLDERS:
      ok = ask_stakeholders (self, rows, error);
      break;
    case ML_INDEX_QUESTION_BUDGET:
      ok = ask_budget (self, rows, error);
      break;
    case ML_INDEX_QUESTION_UPCOMING:
      ok = ask_upcoming (self, today, days, rows, error);
      break;
    case ML_INDEX_QUESTION_OFF_TRACK:
      ok = ask_off_track (self, today, rows, error);
      break;
    case ML_INDEX_QUESTION_AT_RISK:
      ok = ask_at_risk (self, today, rows, error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return ok ? g_steal_pointer (&rows) : NULL;
}
