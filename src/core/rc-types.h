/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-types.h - the plain value types the core shares: kinds, dates, entries. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a runner can put on a day: one palette tile each. */
typedef enum {
  RC_KIND_REST,
  RC_KIND_EASY,
  RC_KIND_LONG,
  RC_KIND_TEMPO,
  RC_KIND_INTERVALS,
  RC_KIND_RACE,
  RC_KIND_CROSS,
  RC_KIND_MASSAGE,      /* a massage appointment; see RcEntry.massage */
  RC_N_KINDS
} RcKind;

/* A massage kind, suggested by the rules or booked on an appointment. */
typedef enum {
  RC_MASSAGE_NONE,
  RC_MASSAGE_PRE_EVENT,
  RC_MASSAGE_POST_RUN,
  RC_MASSAGE_MAINTENANCE,
  RC_N_MASSAGES
} RcMassage;

/* Where a session stands against the plan (load.md). Massages stay planned. */
typedef enum {
  RC_STATUS_PLANNED,
  RC_STATUS_DONE,
  RC_STATUS_SKIPPED,
  RC_N_STATUSES
} RcStatus;

typedef enum {
  RC_PROFILE_FAST,
  RC_PROFILE_TYPICAL,
  RC_PROFILE_SLOW,
  RC_N_PROFILES
} RcProfile;

/* The values of the week-start setting (RC_SETTING_WEEK_START), in the
 * order the preferences offer them. */
typedef enum {
  RC_WEEK_START_LOCALE,
  RC_WEEK_START_MONDAY,
  RC_WEEK_START_SATURDAY,
  RC_WEEK_START_SUNDAY,
  RC_N_WEEK_STARTS
} RcWeekStart;

/* A civil (calendar) date as a GLib Julian day number: day 1 is 1 Jan of
 * year 1. Plain integers, so "the day after" is +1 in every time zone. */
typedef guint32 RcDay;
#define RC_DAY_INVALID ((RcDay) 0)

/* "no value" for the optional integer fields of RcEntry */
#define RC_NONE (-1)

/* The ranges of RcEntry's minutes (at most a day) and RPE (Borg CR10), planned
 * or done. The schema's CHECKs (rc-store.c) and the messages spell them too. */
#define RC_MINUTES_MIN 1
#define RC_MINUTES_MAX 1440
#define RC_RPE_MIN     1
#define RC_RPE_MAX     10

typedef struct {
  gint64     id;        /* store row id; 0 until stored */
  char      *uid;       /* stable, unique; used as the .ics UID */
  RcDay      day;
  int        time;      /* minutes after midnight, or RC_NONE */
  RcKind     kind;
  RcMassage  massage;   /* only for RC_KIND_MASSAGE, else RC_MASSAGE_NONE */
  int        minutes;   /* RC_MINUTES_MIN..RC_MINUTES_MAX or RC_NONE */
  int        rpe;       /* RC_RPE_MIN..RC_RPE_MAX or RC_NONE */
  char      *title;     /* the user's own title; NULL when none (never "" once
                         * stored): views show rc_entry_display_title() */
  char      *notes;     /* NULL when none */
  RcStatus   status;    /* sessions only; a massage is always planned */
  int        done_minutes; /* actual minutes when done, else RC_NONE (planned counts) */
  int        done_rpe;  /* actual 1..10 when done, else RC_NONE (kind's default counts) */
  char      *activity;  /* the uid of the recorded activity (rc-activity.h) that
                         * added or marked this session done; NULL when none */
  gint64     created;   /* unix seconds, UTC; set by the store */
  gint64     updated;
} RcEntry;

#define RC_TYPE_ENTRY (rc_entry_get_type ())
GType        rc_entry_get_type     (void) G_GNUC_CONST;
RcEntry     *rc_entry_new          (RcDay day, RcKind kind);
RcEntry     *rc_entry_copy         (const RcEntry *entry);
void         rc_entry_free         (RcEntry *entry);
gboolean     rc_entry_equal        (const RcEntry *a, const RcEntry *b);
char        *rc_entry_new_uid      (void);
/* Marks a session STATUS; a done one gets DONE_MINUTES and DONE_RPE, each
 * defaulting (RC_NONE) to the planned value as load.md says, others none. */
void         rc_entry_set_status   (RcEntry *entry,
                                    RcStatus status,
                                    int      done_minutes,
                                    int      done_rpe);
/* The entry's own title, else its kind's name in the language of the
 * moment ("Easy run", "Sports massage"): what every view shows. */
const char  *rc_entry_display_title(const RcEntry *entry);
/* Which kind ENTRY is, in the language of the moment; a massage says which
 * massage it is ("Post-run massage") once it has one. */
const char  *rc_entry_kind_name    (const RcEntry *entry);
/* What the window calls ENTRY: its own title, else rc_entry_kind_name (),
 * so that a chip, the day panel and a toast name a massage alike. */
const char  *rc_entry_display_name (const RcEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcEntry, rc_entry_free)

/* Machine names, as in the database, the CLI and the .ics X- properties.
 * from_string returns FALSE for an unknown name. */
const char  *rc_kind_to_string     (RcKind kind);
gboolean     rc_kind_from_string   (const char *s, RcKind *out);
const char  *rc_kind_label         (RcKind kind);   /* translated, e.g. "Long run" */
const char  *rc_kind_label_msgid   (RcKind kind);   /* untranslated: "Long run" */
const char  *rc_kind_icon_name     (RcKind kind);
int          rc_kind_default_minutes (RcKind kind);
int          rc_kind_default_rpe   (RcKind kind);   /* load.md's table; RC_NONE for rest */
const char  *rc_massage_to_string  (RcMassage m);   /* "none", "pre-event", ... */
gboolean     rc_massage_from_string(const char *s, RcMassage *out);
const char  *rc_massage_label      (RcMassage m);   /* translated */
const char  *rc_status_to_string   (RcStatus s);    /* "planned", "done", "skipped" */
gboolean     rc_status_from_string (const char *s, RcStatus *out);
const char  *rc_status_label       (RcStatus s);    /* translated */
const char  *rc_profile_to_string  (RcProfile p);
gboolean     rc_profile_from_string(const char *s, RcProfile *out);
const char  *rc_profile_label      (RcProfile p);   /* translated */
const char  *rc_week_start_to_string   (RcWeekStart w);  /* "locale", "monday", ... */
gboolean     rc_week_start_from_string (const char *s, RcWeekStart *out);
/* The weekday a week starts on; for RC_WEEK_START_LOCALE the locale's. */
GDateWeekday rc_week_start_weekday     (RcWeekStart w);

/* Strict ISO 8601 calendar dates: exactly YYYY-MM-DD, a real day. */
RcDay        rc_day_from_iso       (const char *s);  /* RC_DAY_INVALID if bad */
char        *rc_day_to_iso         (RcDay day);
RcDay        rc_day_from_ymd       (int year, int month, int day);
void         rc_day_to_gdate       (RcDay day, GDate *out);
GDateWeekday rc_day_weekday        (RcDay day);
RcDay        rc_day_today          (void);           /* local civil date */
/* The first day of the week in the user's locale (LC_TIME). */
GDateWeekday rc_day_locale_week_start (void);
/* The first day of DAY's week, for a week starting on WEEK_START. */
RcDay        rc_day_week_start     (RcDay day, GDateWeekday week_start);
/* strftime-style format of a day (g_date_strftime), translated by the caller's format. */
char        *rc_day_format         (RcDay day, const char *format);

/* Strict "HH:MM" (00:00-23:59) to minutes after midnight; RC_NONE if bad. */
int          rc_time_from_string   (const char *s);
char        *rc_time_to_string     (int time);

G_END_DECLS
