/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sqlite-locks.c - SQLite's file locks held by one open file description per file,
 * so that another part of the process closing the plan's files cannot drop them. */

/* F_OFD_SETLK and friends are Linux's (the build defines _GNU_SOURCE) */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rc-sqlite-locks.h"

/* Why: SQLite's unix VFS locks the database and its -shm with POSIX (fcntl)
 * record locks. Those belong to the process, and close() of ANY descriptor
 * of the file drops all of them, whoever opened it. GTK's file chooser,
 * showing the plan's folder, sniffs the content type of plan.db and
 * plan.db-shm (open, read, close): the window's locks vanished, the next
 * process to open the plan (`recoverycal add`) found the -shm's "dead man
 * switch" free, took itself for the only user and truncated the -shm, and
 * the window, which has it mapped, died of SIGBUS.
 *
 * How: SQLite lets a program replace its system calls. Here its record locks
 * become Linux open file description (OFD) locks, which belong to an open
 * file description and go only with the last descriptor of it, so a foreign
 * close() leaves them alone. Against other processes they conflict just as
 * POSIX locks do, so the sqlite3 shell and other programs still see them.
 *
 * SQLite may hold several descriptors of one file (two connections, the
 * import's or the sync thread's) and release a lock through another one
 * than it took it with: POSIX locks, the process's, allow that; OFD locks,
 * each description's, would not. So each file (device, inode) gets ONE
 * descriptor of its own, a dup() of the first one SQLite locks with, and
 * every lock of that file goes through it: the locks stay one owner's, as
 * before. The open() and close() replacements count SQLite's descriptors of
 * each file; the shim's own goes with SQLite's last, which SQLite closes
 * only once it holds no lock on the file (it keeps descriptors open while
 * other connections hold locks, for the very reason above).
 *
 * fork(): a child shares its parent's open file descriptions, so its locks
 * would be its parent's. The child drops its copies of the shim's
 * descriptors and goes back to POSIX locks for the files it inherited. */

#ifdef F_OFD_SETLK

typedef struct {
  dev_t    dev;
  ino_t    ino;
  guint    n_fds;    /* SQLite's descriptors of the file */
  int      lock_fd;  /* every lock goes through it; -1 until the first */
  gboolean posix;    /* inherited over fork(): POSIX locks, as without the shim */
} LockedFile;

static GMutex files_mutex;
static GHashTable *fd_files;   /* SQLite's descriptor → its LockedFile */
static GPtrArray *files;       /* the LockedFiles, owned */

static LockedFile *
find_file (dev_t dev,
           ino_t ino)
{
  for (guint i = 0; i < files->len; i++)
    {
      LockedFile *file = g_ptr_array_index (files, i);

      if (file->dev == dev && file->ino == ino)
        return file;
    }
  return NULL;
}

static void
untrack_locked (int fd)
{
  LockedFile *file = g_hash_table_lookup (fd_files, GINT_TO_POINTER (fd));

  if (file == NULL)
    return;
  g_hash_table_remove (fd_files, GINT_TO_POINTER (fd));
  if (--file->n_fds > 0)
    return;
  if (file->lock_fd >= 0)
    close (file->lock_fd);
  g_ptr_array_remove_fast (files, file);
}

/* Only regular files are locked; /dev/urandom and folders pass by. */
static void
track (int fd)
{
  struct stat st;
  LockedFile *file;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return;
  g_mutex_lock (&files_mutex);
  /* a number seen before was closed behind SQLite's back: forget it */
  untrack_locked (fd);
  file = find_file (st.st_dev, st.st_ino);
  if (file == NULL)
    {
      file = g_new0 (LockedFile, 1);
      file->dev = st.st_dev;
      file->ino = st.st_ino;
      file->lock_fd = -1;
      g_ptr_array_add (files, file);
    }
  file->n_fds++;
  g_hash_table_insert (fd_files, GINT_TO_POINTER (fd), file);
  g_mutex_unlock (&files_mutex);
}

/* SQLite calls it as open (path, flags, mode) */
static int
shim_open (const char *path,
           int         flags,
           int         mode)
{
  int fd = open (path, flags, (mode_t) mode);

  if (fd >= 0)
    track (fd);
  return fd;
}

static int
shim_close (int fd)
{
  g_mutex_lock (&files_mutex);
  untrack_locked (fd);
  g_mutex_unlock (&files_mutex);
  return close (fd);
}

static int
ofd_command (int cmd)
{
  switch (cmd)
    {
    case F_SETLK:
      return F_OFD_SETLK;
    case F_SETLKW:
      return F_OFD_SETLKW;
    default:
      return F_OFD_GETLK;
    }
}

/* The shim's descriptor of FD's file into *LOCK_FD, made on the first lock;
 * FALSE for a file that keeps POSIX locks (not opened by SQLite, or
 * inherited over fork()). */
static gboolean
lock_fd_for (int  fd,
             int *lock_fd,
             int *saved_errno)
{
  LockedFile *file;
  gboolean ofd = FALSE;

  g_mutex_lock (&files_mutex);
  file = g_hash_table_lookup (fd_files, GINT_TO_POINTER (fd));
  if (file != NULL && !file->posix)
    {
      /* never 0-2, as SQLite's own: a stray printf must not land in the plan */
      if (file->lock_fd < 0)
        file->lock_fd = fcntl (fd, F_DUPFD_CLOEXEC, 3);
      *saved_errno = errno;
      *lock_fd = file->lock_fd;
      ofd = TRUE;
    }
  g_mutex_unlock (&files_mutex);
  return ofd;
}

static int
lock_call (int           fd,
           int           cmd,
           struct flock *lock)
{
  int lock_fd = -1;
  int saved_errno = 0;

  if (!lock_fd_for (fd, &lock_fd, &saved_errno))
    return fcntl (fd, cmd, lock);
  if (lock_fd < 0)
    {
      /* failing beats falling back: a lock taken one way and released the
       * other would stay forever */
      errno = saved_errno;
      return -1;
    }
  lock->l_pid = 0;   /* OFD locks require it */
  return fcntl (lock_fd, ofd_command (cmd), lock);
}

/* SQLite calls it as fcntl (fd, cmd, ...): locks with a struct flock *,
 * F_GETFD with nothing, F_SETFD with an int. */
static int
shim_fcntl (int fd,
            int cmd,
            ...)
{
  va_list ap;
  int result;

  va_start (ap, cmd);
  switch (cmd)
    {
    case F_SETLK:
    case F_SETLKW:
    case F_GETLK:
      result = lock_call (fd, cmd, va_arg (ap, struct flock *));
      break;
    case F_GETFD:
    case F_GETFL:
      result = fcntl (fd, cmd);
      break;
    default:
      result = fcntl (fd, cmd, va_arg (ap, int));
      break;
    }
  va_end (ap);
  return result;
}

/* The table stays whole across fork(): no thread is halfway through it. */
static void
before_fork (void)
{
  g_mutex_lock (&files_mutex);
}

static void
after_fork_in_parent (void)
{
  g_mutex_unlock (&files_mutex);
}

/* Only close() here: a child of a threaded parent may call little else. */
static void
after_fork_in_child (void)
{
  for (guint i = 0; i < files->len; i++)
    {
      LockedFile *file = g_ptr_array_index (files, i);

      if (file->lock_fd >= 0)
        close (file->lock_fd);
      file->lock_fd = -1;
      file->posix = TRUE;
    }
  g_mutex_unlock (&files_mutex);
}

static gboolean
replace (sqlite3_vfs         *vfs,
         const char          *name,
         sqlite3_syscall_ptr  call)
{
  return vfs->xSetSystemCall (vfs, name, call) == SQLITE_OK;
}

static void
install (void)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);

  if (vfs == NULL || !g_str_equal (vfs->zName, "unix") || vfs->iVersion < 3 ||
      vfs->xSetSystemCall == NULL)
    {
      g_warning ("SQLite's file locks stay POSIX ones: its VFS cannot be changed");
      return;
    }
  fd_files = g_hash_table_new (NULL, NULL);
  files = g_ptr_array_new_with_free_func (g_free);
  if (pthread_atfork (before_fork, after_fork_in_parent, after_fork_in_child) != 0)
    {
      g_warning ("SQLite's file locks stay POSIX ones: no fork handler");
      return;
    }
  /* open() last: until it is replaced no descriptor is known, and the
   * others treat an unknown one as SQLite would */
  if (!replace (vfs, "close", (sqlite3_syscall_ptr) shim_close) ||
      !replace (vfs, "fcntl", (sqlite3_syscall_ptr) shim_fcntl) ||
      !replace (vfs, "open", (sqlite3_syscall_ptr) shim_open))
    g_warning ("SQLite's file locks stay POSIX ones: its system calls cannot be replaced");
}

#else

static void
install (void)
{
}

#endif

void
rc_sqlite_locks_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      install ();
      g_once_init_leave (&installed, 1);
    }
}
