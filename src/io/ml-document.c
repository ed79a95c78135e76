/* ml-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a document has unsaved changes, a copy is written to the recovery folder (in the
 * user's state folder, never beside the user's file) a few seconds after the last change. The
 * copy is removed when the document is saved or its changes are discarded, so copies found at
 * start-up are what a crash left behind.
 */

#define G_LOG_DOMAIN "ml-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "ml-document.h"
#include "ml-error.h"
#include "ml-project-io.h"
#include "ml-xml-writer.h"

#define DEFAULT_AUTOSAVE_DELAY 5
#define RECOVERY_GROUP "Recovery"

struct _MlDocument
{
  GObject      parent_instance;

  MlProject   *project;
  MlUndoStack *undo_stack;
  char        *path;
  MlFileStamp  stamp;             /* of the version on disk this document started from */
  gboolean     has_stamp;
  gboolean     restored;          /* holds changes that were never saved to the file */
  char        *recovery_dir;
  char        *recovery_id;
  guint        autosave_delay;
  guint        autosave_source;
};

G_DEFINE_FINAL_TYPE (MlDocument, ml_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_PATH,
  PROP_MODIFIED,
  PROP_AUTOSAVE_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
recovery_file (MlDocument *self,
               const char *extension)
{
  return g_strdup_printf ("%s/%s.%s", self->recovery_dir, self->recovery_id, extension);
}

static gboolean
on_autosave_timeout_cb (gpointer user_data)
{
  MlDocument *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;
  if (ml_document_get_modified (self) && !ml_document_write_recovery (self, &error))
    g_warning ("Could not write the recovery copy: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (MlDocument *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->autosave_delay > 0)
    self->autosave_source = g_timeout_add_seconds (self->autosave_delay,
                                                   on_autosave_timeout_cb, self);
}

static void
on_project_changed_cb (MlDocument *self)
{
  schedule_autosave (self);
}

static void
on_modified_cb (MlDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_project (MlDocument *self,
             MlProject  *project)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_stack, self);
  g_set_object (&self->project, project);
  g_clear_object (&self->undo_stack);

  self->undo_stack = ml_undo_stack_new (project);
  ml_project_connect_any_change (project, G_CALLBACK (on_project_changed_cb), self);
  g_signal_connect_swapped (self->undo_stack, "notify::modified", G_CALLBACK (on_modified_cb),
                            self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
ml_document_dispose (GObject *object)
{
  MlDocument *self = ML_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  /* A document closed with unsaved changes that were not discarded keeps its copy. */
  if (self->project != NULL && !ml_document_get_modified (self))
    ml_document_discard_recovery (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_stack, self);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (ml_document_parent_class)->dispose (object);
}

static void
ml_document_finalize (GObject *object)
{
  MlDocument *self = ML_DOCUMENT (object);

  g_free (self->path);
  g_free (self->recovery_dir);
  g_free (self->recovery_id);

  G_OBJECT_CLASS (ml_document_parent_class)->finalize (object);
}

static void
ml_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MlDocument *self = ML_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ml_document_get_modified (self));
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MlDocument *self = ML_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE_DELAY:
      ml_document_set_autosave_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_document_class_init (MlDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_document_dispose;
  object_class->finalize = ml_document_finalize;
  object_class->get_property = ml_document_get_property;
  object_class->set_property = ml_document_set_property;

  /**
   * MlDocument:project:
   *
   * The project; replaced when the document is reloaded from its file.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ML_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MlDocument:autosave-delay:
   *
   * Seconds without changes after which the recovery copy is written; 0 turns it off.
   */
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 0, 3600, DEFAULT_AUTOSAVE_DELAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_document_init (MlDocument *self)
{
  self->autosave_delay = DEFAULT_AUTOSAVE_DELAY;
  self->recovery_id = g_uuid_string_random ();
}

static MlDocument *
document_new (MlProject  *project,
              const char *recovery_dir)
{
  MlDocument *self = g_object_new (ML_TYPE_DOCUMENT, NULL);

  self->recovery_dir = g_strdup (recovery_dir);
  set_project (self, project);

  return self;
}

/**
 * ml_document_new:
 * @recovery_dir: where recovery copies are written
 *
 * Returns: (transfer full): a document holding a new, untitled project
 */
MlDocument *
ml_document_new (const char *recovery_dir)
{
  g_autoptr(MlProject) project = ml_project_new ();
  g_autoptr(MlCommand) title = NULL;
  MlValue value;

  g_return_val_if_fail (recovery_dir != NULL, NULL);

  /* A project needs a title to be valid; give it one the user will replace. */
  ml_value_init_string (&value, ML_PROJECT_TITLE, _("Untitled mission project"));
  title = ml_command_new_set (ml_project_get_root (project), ML_PROJECT_TITLE, &value);
  ml_value_clear (&value);
  if (!ml_command_apply (title, project, NULL))
    g_assert_not_reached ();

  return document_new (project, recovery_dir);
}

/**
 * ml_document_load:
 * @path: a project file
 * @recovery_dir: where recovery copies are written
 * @diagnostics: (nullable) (element-type MlDiagnostic): where to add the problems found
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the document
 */
MlDocument *
ml_document_load (const char  *path,
                  const char  *recovery_dir,
                  GPtrArray   *diagnostics,
                  GError     **error)
{
  g_autoptr(MlProject) project = NULL;
  MlFileStamp stamp;
  MlDocument *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (recovery_dir != NULL, NULL);

  project = ml_project_load (path, &stamp, diagnostics, error);
  if (project == NULL)
    return NULL;

  self = document_new (project, recovery_dir);
  self->path = g_canonicalize_filename (path, NULL);
  self->stamp = stamp;
  self->has_stamp = TRUE;

  return self;
}

/**
 * ml_document_restore:
 * @recovery: a recovery copy found by ml_recovery_list()
 * @recovery_dir: the folder it is in
 * @error: return location for an error
 *
 * Opens the recovered changes as unsaved changes to the file they belong to. Saving them
 * still refuses to overwrite a file changed since the copy's document was opened.
 *
 * Returns: (transfer full) (nullable): the document
 */
MlDocument *
ml_document_restore (const MlRecovery  *recovery,
                     const char        *recovery_dir,
                     GError           **error)
{
  g_autofree char *copy = g_strdup_printf ("%s/%s.mlab", recovery_dir, recovery->id);
  g_autofree char *info = g_strdup_printf ("%s/%s.ini", recovery_dir, recovery->id);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(MlProject) project = NULL;
  g_autofree char *sha256 = NULL;
  MlDocument *self;

  project = ml_project_load (copy, NULL, NULL, error);
  if (project == NULL)
    return NULL;

  self = document_new (project, recovery_dir);
  g_free (self->recovery_id);
  self->recovery_id = g_strdup (recovery->id);
  self->path = g_strdup (recovery->path);
  self->restored = TRUE;

  if (g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, NULL) &&
      g_key_file_get_boolean (keys, RECOVERY_GROUP, "file-existed", NULL))
    {
      self->has_stamp = TRUE;
      self->stamp.exists = TRUE;
      self->stamp.size = g_key_file_get_uint64 (keys, RECOVERY_GROUP, "file-size", NULL);
      self->stamp.mtime_ns = g_key_file_get_int64 (keys, RECOVERY_GROUP, "file-mtime-ns", NULL);
      sha256 = g_key_file_get_string (keys, RECOVERY_GROUP, "file-sha256", NULL);
      g_strlcpy (self->stamp.sha256, sha256 != NULL ? sha256 : "", sizeof self->stamp.sha256);
    }

  return self;
}

/**
 * ml_document_get_project:
 *
 * Returns: (transfer none): the project
 */
MlProject *
ml_document_get_project (MlDocument *self)
{
  g_return_val_if_fail (ML_IS_DOCUMENT (self), NULL);

  return self->project;
}

/**
 * ml_document_get_undo_stack:
 *
 * Returns: (transfer none): the history of edits of the current project
 */
MlUndoStack *
ml_document_get_undo_stack (MlDocument *self)
{
  g_return_val_if_fail (ML_IS_DOCUMENT (self), NULL);

  return self->undo_stack;
}

/**
 * ml_document_get_path:
 *
 * Returns: (nullable): the file, or %NULL for a project never saved
 */
const char *
ml_document_get_path (MlDocument *self)
{
  g_return_val_if_fail (ML_IS_DOCUMENT (self), NULL);

  return self->path;
}

/**
 * ml_document_get_display_name:
 *
 * Returns: (transfer full): the file's name, or a name for a project never saved
 */
char *
ml_document_get_display_name (MlDocument *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (ML_IS_DOCUMENT (self), NULL);

  if (self->path == NULL)
    return g_strdup (_("Unsaved project"));

  base = g_path_get_basename (self->path);

  return g_filename_display_name (base);
}

gboolean
ml_document_get_modified (MlDocument *self)
{
  g_return_val_if_fail (ML_IS_DOCUMENT (self), FALSE);

  return self->restored || ml_undo_stack_get_modified (self->undo_stack);
}

/**
 * ml_document_push:
 *
 * Applies an edit and records it for undo: see ml_undo_stack_push().
 */
gboolean
ml_document_push (MlDocument  *self,
                  MlCommand   *command,
                  GError     **error)
{
  g_return_val_if_fail (ML_IS_DOCUMENT (self), FALSE);

  return ml_undo_stack_push (self->undo_stack, command, error);
}

/**
 * ml_document_save:
 * @self: a document
 * @path: (nullable): where to save, or %NULL for the document's own file
 * @overwrite_changes: whether to overwrite the file even if another program changed it
 * @error: return location for an error; %ML_ERROR_CHANGED_ON_DISK when the file changed
 *
 * Returns: whether the document was saved
 */
gboolean
ml_document_save (MlDocument  *self,
                  const char  *path,
                  gboolean     overwrite_changes,
                  GError     **error)
{
  g_autofree char *target = NULL;
  const MlFileStamp *expected = NULL;
  MlFileStamp stamp;
  gboolean was_modified;

  g_return_val_if_fail (ML_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL || self->path != NULL, FALSE);

  target = g_canonicalize_filename (path != NULL ? path : self->path, NULL);
  if (self->has_stamp && !overwrite_changes && g_strcmp0 (target, self->path) == 0)
    expected = &self->stamp;

  if (!ml_project_save (self->project, target, expected, &stamp, error))
    return FALSE;

  was_modified = ml_document_get_modified (self);
  self->stamp = stamp;
  self->has_stamp = TRUE;
  self->restored = FALSE;
  ml_undo_stack_set_clean (self->undo_stack);
  ml_document_discard_recovery (self);

  if (g_strcmp0 (target, self->path) != 0)
    {
      g_free (self->path);
      self->path = g_steal_pointer (&target);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
    }
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  return TRUE;
}

/**
 * ml_document_reload:
 *
 * Replaces the project with the version in the file, dropping unsaved changes and the undo
 * history.
 *
 * Returns: whether the file could be read
 */
gboolean
ml_document_reload (MlDocument  *self,
                    GPtrArray   *diagnostics,
                    GError     **error)
{
  g_autoptr(MlProject) project = NULL;
  MlFileStamp stamp;

  g_return_val_if_fail (ML_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  project = ml_project_load (self->path, &stamp, diagnostics, error);
  if (project == NULL)
    return FALSE;

  self->stamp = stamp;
  self->has_stamp = TRUE;
  self->restored = FALSE;
  ml_document_discard_recovery (self);
  set_project (self, project);

  return TRUE;
}

guint
ml_document_get_autosave_delay (MlDocument *self)
{
  g_return_val_if_fail (ML_IS_DOCUMENT (self), 0);

  return self->autosave_delay;
}

void
ml_document_set_autosave_delay (MlDocument *self,
                                guint       seconds)
{
  g_return_if_fail (ML_IS_DOCUMENT (self));

  if (self->autosave_delay == seconds)
    return;

  self->autosave_delay = seconds;
  if (self->autosave_source != 0)
    schedule_autosave (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

/**
 * ml_document_write_recovery:
 *
 * Writes the recovery copy now. The copy is complete or absent, never partial: the
 * description that makes it visible to ml_recovery_list() is written after it.
 *
 * Returns: whether the copy was written
 */
gboolean
ml_document_write_recovery (MlDocument  *self,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *copy = NULL;
  g_autofree char *info = NULL;
  g_autofree char *keys_data = NULL;
  const char *title;
  gsize length;

  g_return_val_if_fail (ML_IS_DOCUMENT (self), FALSE);

  if (g_mkdir_with_parents (self->recovery_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the recovery folder “%s”: %s"), self->recovery_dir,
                   g_strerror (saved_errno));
      return FALSE;
    }

  copy = recovery_file (self, "mlab");
  info = recovery_file (self, "ini");
  bytes = ml_xml_write (self->project);
  if (!g_file_set_contents_full (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  title = ml_element_get_string (ml_project_get_root (self->project), ML_PROJECT_TITLE);
  g_key_file_set_string (keys, RECOVERY_GROUP, "title", title != NULL ? title : "");
  if (self->path != NULL)
    g_key_file_set_string (keys, RECOVERY_GROUP, "path", self->path);
  g_key_file_set_int64 (keys, RECOVERY_GROUP, "saved-at", g_get_real_time () / G_USEC_PER_SEC);
  g_key_file_set_boolean (keys, RECOVERY_GROUP, "file-existed",
                          self->has_stamp && self->stamp.exists);
  if (self->has_stamp && self->stamp.exists)
    {
      g_key_file_set_uint64 (keys, RECOVERY_GROUP, "file-size", self->stamp.size);
      g_key_file_set_int64 (keys, RECOVERY_GROUP, "file-mtime-ns", self->stamp.mtime_ns);
      g_key_file_set_string (keys, RECOVERY_GROUP, "file-sha256", self->stamp.sha256);
    }
  keys_data = g_key_file_to_data (keys, &length, NULL);

  return g_file_set_contents_full (info, keys_data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/**
 * ml_document_discard_recovery:
 *
 * Removes the recovery copy, if any: the changes were saved or the user chose to lose them.
 */
void
ml_document_discard_recovery (MlDocument *self)
{
  MlRecovery recovery = { 0 };

  g_return_if_fail (ML_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  recovery.id = self->recovery_id;
  ml_recovery_discard (&recovery, self->recovery_dir);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const MlRecovery *ra = *(const MlRecovery **) a;
  const MlRecovery *rb = *(const MlRecovery **) b;

  return (ra->saved_at < rb->saved_at) - (ra->saved_at > rb->saved_at);
}

/**
 * ml_recovery_list:
 * @recovery_dir: the recovery folder
 *
 * Returns: (transfer full) (element-type MlRecovery): the complete recovery copies in the
 *   folder, newest first
 */
GPtrArray *
ml_recovery_list (const char *recovery_dir)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ml_recovery_free);
  g_autoptr(GDir) dir = g_dir_open (recovery_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autofree char *info = NULL;
      g_autofree char *copy = NULL;
      MlRecovery *recovery;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      info = g_build_filename (recovery_dir, name, NULL);
      copy = g_strdup_printf ("%.*s.mlab", (int) (strlen (info) - strlen (".ini")), info);
      if (!g_file_test (copy, G_FILE_TEST_IS_REGULAR) ||
          !g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, NULL))
        continue;

      recovery = g_new0 (MlRecovery, 1);
      recovery->id = g_strndup (name, strlen (name) - strlen (".ini"));
      recovery->path = g_key_file_get_string (keys, RECOVERY_GROUP, "path", NULL);
      recovery->title = g_key_file_get_string (keys, RECOVERY_GROUP, "title", NULL);
      recovery->saved_at = g_key_file_get_int64 (keys, RECOVERY_GROUP, "saved-at", NULL);
      g_ptr_array_add (found, recovery);
    }

  g_ptr_array_sort (found, compare_newest_first);

  return g_steal_pointer (&found);
}

/**
 * ml_recovery_discard:
 *
 * Removes a recovery copy.
 */
void
ml_recovery_discard (const MlRecovery *recovery,
                     const char       *recovery_dir)
{
  g_autofree char *info = g_strdup_printf ("%s/%s.ini", recovery_dir, recovery->id);
  g_autofree char *copy = g_strdup_printf ("%s/%s.mlab", recovery_dir, recovery->id);

  /* The description first: without it, a left-over copy is ignored. */
  g_unlink (info);
  g_unlink (copy);
}

void
ml_recovery_free (MlRecovery *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->path);
  g_free (self->title);
  g_free (self);
}

/**
 * ml_recovery_default_dir:
 *
 * Returns: (transfer full): the recovery folder in the user's state folder
 */
char *
ml_recovery_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "missionlab", "recovery", NULL);
}
