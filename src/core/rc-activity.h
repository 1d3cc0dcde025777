/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-activity.h - what a watch recorded: GPX 1.0/1.1 and TCX v2 activities,
 * and how one lands in the plan (load.md, import-activity). */

/* The parser streams (libxml2's SAX2 push parser): memory stays flat however
 * long the file. Gzip-compressed input is recognised by its magic bytes. */

#pragma once

#include <gio/gio.h>

#include "rc-types.h"

G_BEGIN_DECLS

#define RC_ACTIVITY_ERROR (rc_activity_error_quark ())
typedef enum {
  RC_ACTIVITY_ERROR_READ,           /* cannot read; a gzip stream that ends early */
  RC_ACTIVITY_ERROR_EMPTY,          /* 0 bytes */
  RC_ACTIVITY_ERROR_NOT_XML,        /* not well-formed XML */
  RC_ACTIVITY_ERROR_UNKNOWN_FORMAT, /* XML, but neither GPX nor TCX */
  RC_ACTIVITY_ERROR_NO_TIMESTAMPS,
  RC_ACTIVITY_ERROR_BACKWARDS,      /* a timestamp before the one before it */
  RC_ACTIVITY_ERROR_TOO_LONG,       /* longer than RC_ACTIVITY_MAX_MINUTES */
  RC_ACTIVITY_ERROR_TOO_BIG,        /* more than RC_ACTIVITY_MAX_BYTES, uncompressed */
} RcActivityError;
GQuark rc_activity_error_quark (void);

/* A session's minutes are at most a day; anything longer is a
 * recording left running, or a broken clock. */
#define RC_ACTIVITY_MAX_MINUTES RC_MINUTES_MAX

/* The most bytes a file is read to, uncompressed: a day recorded every
 * second with every extension is under 40 MB, and the bound keeps a small
 * gzip bomb from costing seconds. */
#define RC_ACTIVITY_MAX_BYTES (128 * 1024 * 1024)

typedef enum {
  RC_ACTIVITY_FORMAT_GPX,
  RC_ACTIVITY_FORMAT_TCX,
} RcActivityFormat;

typedef struct {
  RcActivityFormat format;
  gint64   start;          /* first timestamp, unix microseconds (UTC) */
  gint64   end;            /* last timestamp */
  int      minutes;        /* end - start, rounded to the minute */
  double   distance;       /* metres; < 0 when the file has no totals nor positions */
  int      heart_rate;     /* average bpm, RC_NONE when the file has none */
  char    *sport;          /* as written: TCX Sport, GPX <type>; NULL when none */
  char    *name;           /* GPX <name> of the track (else of the file), TCX <Notes>; NULL when none */
  guint    n_points;       /* timestamps read */
} RcActivity;

void        rc_activity_free        (RcActivity *activity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcActivity, rc_activity_free)

/* Reads one activity from STREAM (plain or gzip XML). NAME names the data
 * in messages ("run.gpx"). NULL with ERROR set (RC_ACTIVITY_ERROR, or
 * G_IO_ERROR_CANCELLED) when it cannot be taken. */
RcActivity *rc_activity_parse_stream (GInputStream  *stream,
                                      const char    *name,
                                      GCancellable  *cancellable,
                                      GError       **error);
RcActivity *rc_activity_parse_data   (const void    *data,
                                      gsize          length,
                                      const char    *name,
                                      GError       **error);
/* NAME defaults to FILE's parse name (its path as the user wrote it). */
RcActivity *rc_activity_parse_file   (GFile         *file,
                                      const char    *name,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* TRUE when ACTIVITY is a run (Running, running, TrailRun, treadmill_running...). */
gboolean    rc_activity_is_running   (const RcActivity *activity);

/* What identifies an activity across imports and exporters: its start
 * second and its sport, as an entry uid. Newly allocated. */
char       *rc_activity_uid          (const RcActivity *activity);

/* The user's local civil date of the start, and the minutes after local midnight. */
RcDay       rc_activity_local_day    (const RcActivity *activity,
                                      int              *time);

G_END_DECLS
