/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-ics.h - the plan as an RFC 5545 calendar, and plans from other calendars. */

/* Each entry is one VEVENT whose UID is the entry's uid. What other
 * calendars have no field for travels in X-RECOVERYCAL-KIND, -MASSAGE, -RPE,
 * -MINUTES (all-day entries), -TITLE and -NOTES, so that our own import loses
 * nothing; ideal-day events carry X-RECOVERYCAL-WINDOW and are not imported. */

#pragma once

#include <gio/gio.h>

#include "rc-rules.h"
#include "rc-store.h"
#include "rc-undo-stack.h"

G_BEGIN_DECLS

#define RC_ICS_ERROR (rc_ics_error_quark ())
typedef enum {
  RC_ICS_ERROR_READ,      /* the file cannot be read */
  RC_ICS_ERROR_PARSE,     /* not an iCalendar file, or broken */
  RC_ICS_ERROR_TOO_LARGE,
  RC_ICS_ERROR_WRITE,
} RcIcsError;
GQuark rc_ics_error_quark (void);

/* Files above this size are refused before they are read. */
#define RC_ICS_MAX_FILE_SIZE (20 * 1024 * 1024)
/* Physical lines above this length are refused (RFC 5545 wants 75 octets). */
#define RC_ICS_MAX_LINE_LENGTH (64 * 1024)
/* Files with more events are refused before libical reads them; an import
 * keeps at most RC_ICS_MAX_ENTRIES entries (occurrences included). */
#define RC_ICS_MAX_EVENTS 20000
#define RC_ICS_MAX_ENTRIES 50000
/* A VTIMEZONE may change at most yearly (RRULE FREQ=YEARLY, no BYHOUR and
 * finer) and list at most this many observances and RDATEs in a file:
 * libical expands every zone from its first observance on each use. */
#define RC_ICS_MAX_ZONE_CHANGES 2000
/* And it expands them year by year from its first observance, which must
 * not start before RC_ICS_MIN_ZONE_YEAR, to the year asked for: times in a
 * zone after RC_ICS_MAX_ZONED_YEAR are taken on their wall clock. */
#define RC_ICS_MIN_ZONE_YEAR 1600
#define RC_ICS_MAX_ZONED_YEAR 2200
/* A recurring event expands until its UNTIL or COUNT, or else until two
 * years past the latest of today, the file's last single event and its own
 * start; at most RC_ICS_MAX_OCCURRENCES times. */
#define RC_ICS_HORIZON_DAYS 730
#define RC_ICS_MAX_OCCURRENCES 1500
/* Rules that repeat more often than daily are not expanded; and after this
 * much time spent expanding, further recurring events are skipped. */
#define RC_ICS_EXPANSION_BUDGET_MS 3000

typedef struct {
  guint  added;
  guint  updated;
  guint  skipped;            /* every event left out, for whatever reason */
  guint  unchanged;          /* already in the store as they are */
  GPtrArray *skip_reasons;   /* char*, translated, "line 12, “Tempo”: cancelled":
                              * one per skipped event (or cut-short series), then
                              * one line for all the ideal-day events */
  guint  not_training;       /* of skipped: events that name no training */
  guint  windows;            /* of skipped: our own "Ideal massage day" events */
  GPtrArray *changes;        /* what the import wrote, as an undo batch
                              * (rc_undo_batch_new): an ADD with the row as
                              * stored for each entry added, an EDIT with the
                              * row before and after for each one updated */
} RcIcsImportResult;

void       rc_ics_import_result_clear (RcIcsImportResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcIcsImportResult, rc_ics_import_result_clear)

/* One translated line for people: "Added: 3, updated: 1, unchanged: 5, skipped: 2",
 * and with skips what they were: "… skipped: 4 (not training sessions: 2, ideal
 * massage days: 2, other: 0)".
 * The CLI prints it and then each skip reason; the window shows it in a toast. */
char      *rc_ics_import_result_describe (const RcIcsImportResult *result);

/* An export whose massage days or advice would span more days than this is
 * refused before the rules run (RC_ICS_ERROR_TOO_LARGE). */
#define RC_ICS_MAX_ADVICE_DAYS 3660

/* Export entries FIRST..LAST (RC_DAY_INVALID: every entry) to PATH,
 * atomically. WINDOWS adds each ideal massage day as a transparent event;
 * without bounds the windows span the first entry's date to the last one's. */
gboolean   rc_ics_export_file     (RcStore     *store,
                                   const char  *path,
                                   RcDay        first,
                                   RcDay        last,
                                   gboolean     windows,
                                   GError     **error);
/* The same, telling how many entries and ideal-day events it wrote. */
gboolean   rc_ics_export_file_full (RcStore     *store,
                                    const char  *path,
                                    RcDay        first,
                                    RcDay        last,
                                    gboolean     windows,
                                    guint       *n_entries,
                                    guint       *n_windows,
                                    GError     **error);

/* Import every event of PATH into STORE in one transaction. RESULT is
 * filled on success (clear it with rc_ics_import_result_clear); on error the
 * store is unchanged and the message names the file (and line when known).
 * The kind of an event comes from our X- property, else from the words of
 * its summary (cli.md's table), else of its categories; an event with none
 * is skipped as "not a training session". Our own ideal-day events are
 * skipped and counted. */
gboolean   rc_ics_import_file     (RcStore            *store,
                                   const char         *path,
                                   RcIcsImportResult  *result,
                                   GError            **error);
/* The same, with UNKNOWN_AS the kind of events that name no training
 * (`import --unknown-as KIND`); RC_N_KINDS skips them as above. It stops
 * with G_IO_ERROR_CANCELLED, the store unchanged, soon after CANCELLABLE
 * (may be NULL) is cancelled: its loops over lines, events and occurrences
 * look at it as they go, up to the write, which is one transaction. For a
 * worker thread, give it a store connection of its own. */
gboolean   rc_ics_import_file_full (RcStore            *store,
                                    const char         *path,
                                    RcKind              unknown_as,
                                    RcIcsImportResult  *result,
                                    GCancellable       *cancellable,
                                    GError            **error);

/* The pure layers under the file functions: no store, no file system. */

/* A VCALENDAR of ENTRIES (CRLF, folded, UTF-8). ADVICE, when not NULL, holds
 * N_ADVICE consecutive days: a massage on one of them gets that day's advice
 * in its DESCRIPTION, and WINDOWS adds an event for each of its ideal days.
 * Timed entries are in the user's zone ($TZ, else the system's). NOW is the
 * DTSTAMP, unix seconds. */
char      *rc_ics_export_string   (const RcEntry * const *entries,
                                   guint                  n_entries,
                                   const RcAdvice        *advice,
                                   guint                  n_advice,
                                   gboolean               windows,
                                   gint64                 now);

/* The entries of an iCalendar text, each on its local civil date, with uid
 * the event's UID (plus "#" and the occurrence's RECURRENCE-ID for an
 * instance of a recurring event). NAME names the data in messages. TODAY
 * bounds open recurrences (RC_ICS_HORIZON_DAYS). Events that cannot be taken
 * append a translated reason to SKIP_REASONS. A GPtrArray of RcEntry* that
 * frees them, or NULL with ERROR set when the data as a whole is unusable. */
GPtrArray *rc_ics_parse           (const char  *data,
                                   gsize        length,
                                   const char  *name,
                                   RcDay        today,
                                   GPtrArray   *skip_reasons,
                                   GError     **error);
/* The same with UNKNOWN_AS (see rc_ics_import_file_full); RESULT, when not
 * NULL, gets the skip reasons appended and the skip counts added. NULL with
 * G_IO_ERROR_CANCELLED soon after CANCELLABLE (may be NULL) is cancelled. */
GPtrArray *rc_ics_parse_full      (const char         *data,
                                   gsize               length,
                                   const char         *name,
                                   RcDay               today,
                                   RcKind              unknown_as,
                                   RcIcsImportResult  *result,
                                   GCancellable       *cancellable,
                                   GError            **error);

/* The VEVENTs of DATA in order, each as the key its occurrences' uids carry
 * after "#" (see rc_ics_parse): its RECURRENCE-ID's for an override, ""
 * for an event without one. *SERIES tells whether DATA holds a recurring
 * event (RRULE, RDATE or an override); *UID, when not NULL, gets the first
 * event's UID. NULL when DATA is not iCalendar. */
GPtrArray *rc_ics_event_keys      (const char  *data,
                                   gsize        length,
                                   gboolean    *series,
                                   char       **uid);

/* The kind for an event of another program, from the words of TEXT by
 * cli.md's table ("10k", "Halbmarathon", "6x800m"); a massage named makes a
 * massage appointment. FALSE when no training is named. */
gboolean   rc_ics_kind_from_words (const char  *text,
                                   RcKind      *kind,
                                   RcMassage   *massage);

/* The user's zone as a plain IANA name ("Europe/London"), newly allocated;
 * "UTC" when it cannot be told. */
char      *rc_ics_local_tzid      (void);

G_END_DECLS
