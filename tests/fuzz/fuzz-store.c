/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-store.c - libFuzzer target: the store opener on files it did not write.
 *
 * The first byte picks the case: even, the rest of the input is the whole
 * database file; odd, the rest damages a valid store of ours (with entries,
 * settings and a schema upgrade's tables), as (page, offset, byte) triples.
 * An opened store must then list, add and read back without crashing;
 * a refused one must say why. */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-util.h"
#include "rc-store.h"

#define PAGE_SIZE 4096

static GBytes *valid;

static void
remove_store (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

/* A store as the program leaves it: closed, with some of everything. */
static GBytes *
make_valid (void)
{
  g_autofree char *path = g_build_filename (fuzz_setup (), "valid.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr(RcStore) store = rc_store_open (path, &error);

    g_assert_no_error (error);
    for (int i = 0; i < 60; i++)
      {
        g_autoptr(RcEntry) entry = rc_entry_new (rc_day_from_ymd (2030, 1 + i % 12, 1 + i % 28),
                                                 (RcKind) (i % RC_KIND_MASSAGE + 1));

        entry->title = g_strdup_printf ("Session %d with a title long enough to fill pages", i);
        entry->notes = g_strdup ("Notes that make the rows larger than a few bytes.");
        g_assert_true (rc_store_add (store, entry, &error));
      }
    rc_store_set_setting (store, "profile", "slow", NULL);
  }
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  remove_store (path);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  valid = make_valid ();
  return 0;
}

static void
write_damaged (const char    *path,
               const uint8_t *data,
               size_t         size)
{
  gsize length;
  const guint8 *base = g_bytes_get_data (valid, &length);
  g_autofree guint8 *copy = g_memdup2 (base, length);
  guint pages = (guint) ((length + PAGE_SIZE - 1) / PAGE_SIZE);

  for (size_t i = 0; i + 3 < size; i += 4)
    {
      gsize at = (gsize) (data[i] % pages) * PAGE_SIZE + (((gsize) data[i + 1] << 8 | data[i + 2]) % PAGE_SIZE);

      if (at < length)
        copy[at] = data[i + 3];
    }
  g_file_set_contents (path, (const char *) copy, (gssize) length, NULL);
}

/* What the window and the CLI do first with a store. */
static void
use (RcStore *store)
{
  g_autoptr(GPtrArray) entries = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, NULL);
  g_autoptr(RcEntry) entry = rc_entry_new (rc_day_from_ymd (2030, 6, 1), RC_KIND_EASY);
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = rc_store_get_setting (store, "profile", NULL);

  (void) profile;

  if (rc_store_add (store, entry, &error))
    {
      g_autoptr(GError) get_error = NULL;
      g_autoptr(RcEntry) back = rc_store_get (store, entry->id, &get_error);

      /* a damaged file may lose what was just written, but must say so */
      if (back == NULL && get_error == NULL)
        g_error ("entry %" G_GINT64_FORMAT " written, then neither read nor an error", entry->id);
    }
  if (entries != NULL && entries->len > 0)
    rc_store_delete (store, ((RcEntry *) entries->pdata[0])->id, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = g_build_filename (fuzz_setup (), "input.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = NULL;

  if (size == 0)
    return 0;
  remove_store (path);
  if (data[0] % 2 == 0)
    g_file_set_contents (path, (const char *) data + 1, (gssize) size - 1, NULL);
  else
    write_damaged (path, data + 1, size - 1);
  store = rc_store_open (path, &error);
  g_assert_true ((store == NULL) == (error != NULL));
  if (store != NULL)
    use (store);
  return 0;
}
