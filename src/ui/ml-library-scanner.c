/* ml-library-scanner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An MlIndex is used from one thread at a time: while a scan runs, the worker owns the index and
 * the scanner has none to lend; the scan hands it back when it ends. Changes in the folder start
 * a scan half a second after the last of them (an editor saving writes several events), and a
 * change during a scan starts another one when it ends. Folder monitors are not recursive: each
 * scan also lists the folders of the workspace, and the scanner watches each of them, so that a
 * new subfolder is watched from the scan its creation started.
 */

#define G_LOG_DOMAIN "ml-library-scanner"

#include "config.h"

#include "ml-library-scanner.h"

#define SETTLE_MS 500

struct _MlLibraryScanner
{
  GObject       parent_instance;

  char         *workspace;
  guint         generation;   /* counts workspaces, so that a scan of an old one is ignored */
  MlIndex      *index;        /* NULL before the first scan and while a scan runs */
  GCancellable *cancellable;  /* of the scan running, or NULL */
  gboolean      scan_again;
  guint         settle_source;
  GHashTable   *monitors;     /* folder path → GFileMonitor */
  GPtrArray    *files;
  GError       *error;
  GDateTime    *scanned_at;
};

G_DEFINE_FINAL_TYPE (MlLibraryScanner, ml_library_scanner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_SCANNED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What one scan works on and brings back. The worker owns it until the scan returns. */
typedef struct
{
  char      *workspace;
  guint      generation;
  MlIndex   *index;
  GPtrArray *files;
  GPtrArray *folders;
} ScanJob;

static void
scan_job_free (ScanJob *job)
{
  g_free (job->workspace);
  g_clear_pointer (&job->index, ml_index_free);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->folders, g_ptr_array_unref);
  g_free (job);
}

/* Hidden folders (.git, .sync) are not projects' places and change often: they are not watched. */
static void
collect_folders (GFile        *folder,
                 GPtrArray    *folders,
                 GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_ptr_array_add (folders, g_file_get_path (folder));
  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, NULL, cancellable, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = NULL;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY ||
          g_file_info_get_is_hidden (info))
        continue;
      child = g_file_get_child (folder, g_file_info_get_name (info));
      collect_folders (child, folders, cancellable);
    }
}

static void
scan_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ScanJob *job = task_data;
  g_autoptr(GFile) root = g_file_new_for_path (job->workspace);
  MlIndexScanStats stats;
  GError *error = NULL;

  if (job->index == NULL)
    job->index = ml_index_open (job->workspace, NULL, &error);
  if (job->index == NULL ||
      !ml_index_scan (job->index, &stats, cancellable, &error) ||
      (job->files = ml_index_list_files (job->index, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->folders = g_ptr_array_new_with_free_func (g_free);
  collect_folders (root, job->folders, cancellable);
  g_task_return_boolean (task, TRUE);
}

static void start_scan (MlLibraryScanner *self);

static gboolean
on_settled_cb (gpointer user_data)
{
  MlLibraryScanner *self = user_data;

  self->settle_source = 0;
  ml_library_scanner_rescan (self);

  return G_SOURCE_REMOVE;
}

static gboolean
concerns_projects (MlLibraryScanner *self,
                   GFile            *file)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return FALSE;
  name = g_file_get_basename (file);
  path = g_file_get_path (file);
  if (name == NULL || path == NULL || name[0] == '.')
    return FALSE;

  /* A project file, a folder that came (which may hold some) or one that went (which held). */
  return g_str_has_suffix (name, ".mlab") ||
         g_hash_table_contains (self->monitors, path) ||
         g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) ==
           G_FILE_TYPE_DIRECTORY;
}

static void
on_folder_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      MlLibraryScanner  *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;
  if (!concerns_projects (self, file) && !concerns_projects (self, other_file))
    return;

  g_clear_handle_id (&self->settle_source, g_source_remove);
  self->settle_source = g_timeout_add (SETTLE_MS, on_settled_cb, self);
}

static void
drop_monitor (gpointer data)
{
  GFileMonitor *monitor = data;

  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
}

/* Watches exactly @folders: new ones are added, gone ones dropped. */
static void
watch_folders (MlLibraryScanner *self,
               GPtrArray        *folders)
{
  g_autoptr(GHashTable) watched = g_steal_pointer (&self->monitors);

  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, drop_monitor);
  for (guint i = 0; i < folders->len; i++)
    {
      const char *path = g_ptr_array_index (folders, i);
      g_autofree char *key = NULL;
      GFileMonitor *monitor = NULL;
      g_autoptr(GError) error = NULL;

      if (g_hash_table_steal_extended (watched, path, (gpointer *) &key, (gpointer *) &monitor))
        {
          g_hash_table_insert (self->monitors, g_steal_pointer (&key), monitor);
          continue;
        }

      {
        g_autoptr(GFile) folder = g_file_new_for_path (path);

        monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      }
      if (monitor == NULL)
        {
          g_debug ("Not watching %s: %s", path, error->message);
          continue;
        }
      g_signal_connect_object (monitor, "changed", G_CALLBACK (on_folder_changed_cb), self, 0);
      g_hash_table_insert (self->monitors, g_strdup (path), monitor);
    }
}

static void
set_busy (MlLibraryScanner *self,
          GCancellable     *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);
  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_scan_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MlLibraryScanner *self = ML_LIBRARY_SCANNER (object);
  ScanJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (job->generation != self->generation)
    return;

  /* The index comes back to the scanner even from a failed scan. */
  self->index = g_steal_pointer (&job->index);
  set_busy (self, NULL);

  g_clear_pointer (&self->scanned_at, g_date_time_unref);
  self->scanned_at = g_date_time_new_now_local ();
  g_clear_error (&self->error);
  if (error == NULL)
    {
      g_clear_pointer (&self->files, g_ptr_array_unref);
      self->files = g_steal_pointer (&job->files);
      watch_folders (self, job->folders);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->error = g_steal_pointer (&error);
    }

  g_signal_emit (self, signals[SIGNAL_SCANNED], 0);

  if (self->scan_again)
    start_scan (self);
}

static void
start_scan (MlLibraryScanner *self)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  ScanJob *job;

  g_assert (self->cancellable == NULL);
  g_assert (self->workspace != NULL);

  self->scan_again = FALSE;
  job = g_new0 (ScanJob, 1);
  job->workspace = g_strdup (self->workspace);
  job->generation = self->generation;
  job->index = g_steal_pointer (&self->index);

  task = g_task_new (self, cancellable, on_scan_done_cb, NULL);
  g_task_set_source_tag (task, start_scan);
  g_task_set_task_data (task, job, (GDestroyNotify) scan_job_free);
  set_busy (self, cancellable);
  g_task_run_in_thread (task, scan_in_thread);
}

static void
ml_library_scanner_dispose (GObject *object)
{
  ml_library_scanner_set_workspace (ML_LIBRARY_SCANNER (object), NULL);

  G_OBJECT_CLASS (ml_library_scanner_parent_class)->dispose (object);
}

static void
ml_library_scanner_finalize (GObject *object)
{
  MlLibraryScanner *self = ML_LIBRARY_SCANNER (object);

  g_hash_table_unref (self->monitors);

  G_OBJECT_CLASS (ml_library_scanner_parent_class)->finalize (object);
}

static void
ml_library_scanner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MlLibraryScanner *self = ML_LIBRARY_SCANNER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, ml_library_scanner_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_library_scanner_class_init (MlLibraryScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_library_scanner_dispose;
  object_class->finalize = ml_library_scanner_finalize;
  object_class->get_property = ml_library_scanner_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MlLibraryScanner::scanned:
   *
   * A scan ended: the files, the error and the time of the scan are new, and the index can be
   * asked again.
   */
  signals[SIGNAL_SCANNED] =
    g_signal_new ("scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ml_library_scanner_init (MlLibraryScanner *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, drop_monitor);
}

MlLibraryScanner *
ml_library_scanner_new (void)
{
  return g_object_new (ML_TYPE_LIBRARY_SCANNER, NULL);
}

/**
 * ml_library_scanner_set_workspace:
 * @workspace: (nullable): the folder of projects, or %NULL to stop
 *
 * Forgets the previous workspace, cancelling its scan, and starts scanning @workspace.
 */
void
ml_library_scanner_set_workspace (MlLibraryScanner *self,
                                  const char       *workspace)
{
  g_return_if_fail (ML_IS_LIBRARY_SCANNER (self));

  if (workspace != NULL && *workspace == '\0')
    workspace = NULL;
  if (g_strcmp0 (workspace, self->workspace) == 0)
    return;

  self->generation++;
  g_free (self->workspace);
  self->workspace = g_strdup (workspace);
  set_busy (self, NULL);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  g_hash_table_remove_all (self->monitors);
  g_clear_pointer (&self->index, ml_index_free);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->scanned_at, g_date_time_unref);
  g_clear_error (&self->error);

  if (self->workspace != NULL)
    start_scan (self);
}

const char *
ml_library_scanner_get_workspace (MlLibraryScanner *self)
{
  g_return_val_if_fail (ML_IS_LIBRARY_SCANNER (self), NULL);

  return self->workspace;
}

/**
 * ml_library_scanner_rescan:
 *
 * Scans the workspace now, or as soon as the scan running ends.
 */
void
ml_library_scanner_rescan (MlLibraryScanner *self)
{
  g_return_if_fail (ML_IS_LIBRARY_SCANNER (self));

  if (self->workspace == NULL)
    return;
  if (self->cancellable != NULL)
    self->scan_again = TRUE;
  else
    start_scan (self);
}

gboolean
ml_library_scanner_get_busy (MlLibraryScanner *self)
{
  g_return_val_if_fail (ML_IS_LIBRARY_SCANNER (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * ml_library_scanner_get_index:
 *
 * Returns: (transfer none) (nullable): the index, to search and ask on this thread until the
 *   next scan starts; %NULL while a scan runs and before the first one
 */
MlIndex *
ml_library_scanner_get_index (MlLibraryScanner *self)
{
  g_return_val_if_fail (ML_IS_LIBRARY_SCANNER (self), NULL);

  return self->index;
}

/**
 * ml_library_scanner_get_files:
 *
 * Returns: (transfer none) (nullable) (element-type MlIndexFile): the project files the last
 *   successful scan found; keep a reference to use them after the next scan
 */
GPtrArray *
ml_library_scanner_get_files (MlLibraryScanner *self)
{
  g_return_val_if_fail (ML_IS_LIBRARY_SCANNER (self), NULL);

  return self->files;
}

/**
 * ml_library_scanner_get_error:
 *
 * Returns: (transfer none) (nullable): why the last scan failed, or %NULL
 */
const GError *
ml_library_scanner_get_error (MlLibraryScanner *self)
{
  g_return_val_if_fail (ML_IS_LIBRARY_SCANNER (self), NULL);

  return self->error;
}

/**
 * ml_library_scanner_get_scanned_at:
 *
 * Returns: (transfer none) (nullable): when the last scan ended, or %NULL
 */
GDateTime *
ml_library_scanner_get_scanned_at (MlLibraryScanner *self)
{
  g_return_val_if_fail (ML_IS_LIBRARY_SCANNER (self), NULL);

  return self->scanned_at;
}
