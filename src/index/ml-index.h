/* ml-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index of a workspace: a folder of project files (searched recursively for *.mlab) and an
 * SQLite database over them that answers search and cross-project questions in milliseconds.
 * The files stay the truth: the database is a cache in the user's cache folder, keyed by the
 * workspace's real path, never written into the workspace; it is rebuilt from the files when it
 * is corrupt, foreign or of another schema version, and never trusted over them.
 *
 * Scanning re-reads only files whose size or modification time changed (and, of those, only
 * the ones whose content hash changed), drops files that are gone, and records a file that
 * fails to load with its error rather than stopping.
 *
 * Everything is stored as the project says it: statuses that depend on the day (an indicator
 * off track, a decision in the next N days) are worked out when asked, for the day given.
 */

#pragma once

#include <gio/gio.h>

#include "ml-date.h"
#include "ml-indicator.h"

G_BEGIN_DECLS

#define ML_INDEX_ERROR (ml_index_error_quark ())

typedef enum
{
  ML_INDEX_ERROR_OPEN,      /* the database cannot be opened or created */
  ML_INDEX_ERROR_WORKSPACE, /* the workspace is not a readable folder */
  ML_INDEX_ERROR_QUERY,     /* a search the user typed cannot be understood */
  ML_INDEX_ERROR_FAILED,    /* SQLite failed (full disk, I/O error): the message says how */
} MlIndexError;

typedef struct _MlIndex MlIndex;

/* What a scan did, for the CLI and the Library page to say. Each file counts once:
 * n_files = n_indexed + n_unchanged + n_failed (a file that failed before and has not changed
 * since counts as unchanged, and keeps its recorded error). */
typedef struct
{
  guint n_files;     /* project files in the workspace */
  guint n_indexed;   /* read and indexed again (new or changed content) */
  guint n_unchanged; /* skipped: same size and time, or same content */
  guint n_removed;   /* gone from the workspace, dropped from the index */
  guint n_failed;    /* could not be loaded: recorded with their error */
  gboolean rebuilt;  /* the database was corrupt, foreign or old and was made anew */
} MlIndexScanStats;

/* A project file of the workspace as the index knows it. */
typedef struct
{
  char   *path;        /* relative to the workspace, '/'-separated */
  char   *title;       /* NULL when it failed to load */
  guint   n_missions;
  gint64  mtime;       /* seconds since the epoch */
  char   *error;       /* NULL, or why the file could not be loaded */
} MlIndexFile;

/* A search result: one element of one project, best first. */
typedef struct
{
  char   *path;          /* the file, relative to the workspace */
  char   *project_title;
  char   *element_id;    /* NULL for the project itself */
  char   *kind;          /* the element's kind as in the format: "stakeholder", "activity", … */
  char   *label;         /* the element's name or title */
  char   *snippet;       /* the matching text with the matches between [ and ] */
  double  rank;          /* lower is better (bm25) */
} MlIndexHit;

/* A row of a cross-project question: named cells, so that the CLI and the Library page show
 * any question the same way. */
typedef struct
{
  char **keys;   /* column names, stable, not translated: "name", "projects", "currency", … */
  char **values; /* the cells as text, dates as YYYY-MM-DD, numbers with a '.' */
} MlIndexRow;

typedef enum
{
  ML_INDEX_QUESTION_STAKEHOLDERS, /* stakeholders in more than one project, by normalised name */
  ML_INDEX_QUESTION_BUDGET,       /* instrument budgets by side and type, per currency */
  ML_INDEX_QUESTION_UPCOMING,     /* pending decision points due in the next N days */
  ML_INDEX_QUESTION_OFF_TRACK,    /* indicators off track on the day asked */
  ML_INDEX_QUESTION_AT_RISK,      /* activities at risk, or past their end and not done */
} MlIndexQuestion;

/* The columns of the rows of each question, in this order (numbers with a '.', dates as
 * YYYY-MM-DD; project is the project's title, path the file relative to the workspace, id
 * the element's id):
 *
 * STAKEHOLDERS: name (as the first project by path spells it), count (number of projects),
 *   projects (their titles, by path, joined with "; "), paths (likewise). A name is matched
 *   folded (ml_text_fold()), with punctuation as spaces and runs of spaces as one. By name.
 * BUDGET: currency, side (supply, demand, regulatory, systemic: ml_instrument_get_side()),
 *   type (the STIP code, e.g. PI007; empty if none), type_name (in English, the msgid: _() it
 *   to show it), amount (the sum of the budgets of those instruments; currencies are never
 *   added together), count (instruments). One row per currency, side and type, in that
 *   order; instruments without a budget are left out.
 * UPCOMING: date, project, path, id, name: pending decision points due from @today to
 *   @today + @days, both included, by date.
 * OFF_TRACK: project, path, id, name, unit, status ("off-track"), value and date (the latest
 *   measurement), target, target_date, share (of the expected progress achieved), as
 *   ml_indicator_get_status() judges them on @today. By path.
 * AT_RISK: project, path, id, name, status, end, reason ("at-risk" for the status at-risk,
 *   "overdue" for an end before @today without the status done or stopped). By path, end.
 *
 * ml_index_search(): @limit 0 returns every hit.
 */

/* ml_index_open(): @database NULL is ml_index_default_path(): in $XDG_CACHE_HOME/missionlab/index,
 * named by the SHA-256 of the workspace's real path.
 * ml_index_list_files(), ml_index_search(), ml_index_ask(): (transfer full) arrays that free
 * their items. ml_index_ask(): @days only counts for ML_INDEX_QUESTION_UPCOMING.
 * An MlIndex is used from one thread at a time; two processes may scan one database at once.
 */

GQuark      ml_index_error_quark       (void);

char       *ml_index_default_path      (const char        *workspace,
                                        GError           **error);
MlIndex    *ml_index_open              (const char        *workspace,
                                        const char        *database,
                                        GError           **error);
void        ml_index_free              (MlIndex           *self);
const char *ml_index_get_workspace     (MlIndex           *self);

gboolean    ml_index_scan              (MlIndex           *self,
                                        MlIndexScanStats  *stats,
                                        GCancellable      *cancellable,
                                        GError           **error);
GPtrArray  *ml_index_list_files        (MlIndex           *self,
                                        GError           **error);
GPtrArray  *ml_index_search            (MlIndex           *self,
                                        const char        *query,
                                        guint              limit,
                                        GError           **error);
GPtrArray  *ml_index_ask               (MlIndex           *self,
                                        MlIndexQuestion    question,
                                        MlDate             today,
                                        guint              days,
                                        GError           **error);

gboolean    ml_index_question_parse    (const char        *name,
                                        MlIndexQuestion   *question);

void        ml_index_file_free         (MlIndexFile       *file);
void        ml_index_hit_free          (MlIndexHit        *hit);
void        ml_index_row_free          (MlIndexRow        *row);
const char *ml_index_row_get           (const MlIndexRow  *row,
                                        const char        *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlIndex, ml_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlIndexFile, ml_index_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlIndexHit, ml_index_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlIndexRow, ml_index_row_free)

G_END_DECLS
