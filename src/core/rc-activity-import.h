/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-activity-import.h - a batch of activity files into the store, all in one transaction. */

#pragma once

#include "rc-activity-plan.h"
#include "rc-store.h"

G_BEGIN_DECLS

/* What became of one file. */
typedef struct {
  char             *name;       /* the file as the user named it */
  RcActivity       *activity;   /* NULL when the file could not be taken */
  RcActivityAction  action;     /* SKIP for a bad file too */
  RcKind            kind;       /* the activity's kind */
  RcDay             day;
  gint64            entry_id;   /* the added or matched entry; 0 when skipped */
  char             *reason;     /* SKIP: translated, naming the file */
  RcEntry          *before;     /* MATCH: the planned session as it was */
  RcEntry          *after;      /* ADD, MATCH: the entry as stored (for undo) */
} RcActivityImportItem;

typedef struct {
  guint      added;
  guint      matched;
  guint      skipped;
  guint      unreadable;        /* of the skipped: files that are no activity */
  GPtrArray *items;             /* RcActivityImportItem*, in the order of the files */
} RcActivityImportResult;

void  rc_activity_import_result_clear (RcActivityImportResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcActivityImportResult, rc_activity_import_result_clear)

/* "Added: 2, matched: 1, skipped: 1", translated: one whole sentence. */
char *rc_activity_import_result_describe (const RcActivityImportResult *result);

/* Reads FILES (N_FILES, named NAMES or by their parse names when NAMES is
 * NULL) and stores what they hold in one transaction. A file that is no
 * activity is skipped with its reason; FALSE only when the store fails, and
 * then nothing is stored. */
gboolean rc_activity_import_files (RcStore                *store,
                                   GFile                 **files,
                                   const char * const     *names,
                                   guint                   n_files,
                                   RcActivityImportResult *result,
                                   GCancellable           *cancellable,
                                   GError                **error);

/* The two halves of rc_activity_import_files: the files read (no store: any
 * thread; STORE_PATH, the store's file, is never opened), then the decisions
 * stored in one transaction (the store's thread). */
void     rc_activity_import_parse  (GFile                 **files,
                                    const char * const     *names,
                                    guint                   n_files,
                                    const char             *store_path,
                                    RcActivityImportResult *result,
                                    GCancellable           *cancellable);
gboolean rc_activity_import_commit (RcStore                *store,
                                    RcActivityImportResult *result,
                                    GError                **error);

G_END_DECLS
