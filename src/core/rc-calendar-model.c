/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-calendar-model.c - the visible range: its entries, their advice, and edits. */

#include "config.h"

#include "rc-calendar-model.h"

/* The entries the rules read around the visible days (rc-rules.h): the
 * advice of each day, and the next ideal day after a last visible week
 * whose days are all forbidden. */
#define LOOK_BEHIND MAX (RC_RULES_DAYS_BEFORE, RC_RULES_NEXT_IDEAL_DAYS_BEFORE)
#define LOOK_AHEAD  MAX (RC_RULES_DAYS_AFTER, RC_RULES_NEXT_IDEAL_DAYS_AFTER)

struct _RcCalendarModel
{
  GObject       parent_instance;

  RcStore      *store;
  RcUndoStack  *undo;
  GPtrArray    *monitors;      /* GFileMonitor*: the db and its WAL file */
  guint         refresh_idle;
  gboolean      held;          /* file changes wait: see rc_calendar_model_hold_refresh() */
  gboolean      missed;        /* the file changed while held */

  RcDay         first;
  RcDay         last;
  gint64        stamp;
  RcProfile     profile;
  GDateWeekday  week_start;
  gboolean      has_entries;

  GPtrArray    *entries;       /* RcEntry*, first - LOOK_BEHIND .. last + LOOK_AHEAD */
  guint        *day_offset;    /* per fetched day, index of its first entry; +1 end */
  GArray       *advice;        /* RcAdvice, first..last */

  /* The kept day (rc_calendar_model_keep_day ()), while outside first..last:
   * what its advice reads, the day's own entries and its advice. */
  RcDay         kept;
  GPtrArray    *kept_entries;  /* RcEntry*, kept - RC_RULES_DAYS_BEFORE .. kept + RC_RULES_DAYS_AFTER */
  guint         kept_offset;   /* the kept day's first entry in kept_entries */
  guint         kept_n;        /* and how many it has */
  GArray       *kept_advice;   /* one RcAdvice, or NULL */
};

G_DEFINE_FINAL_TYPE (RcCalendarModel, rc_calendar_model, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STORE,
  PROP_FIRST,
  PROP_LAST,
  PROP_PROFILE,
  PROP_WEEK_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RcDay
fetch_first (RcCalendarModel *self)
{
  return self->first > LOOK_BEHIND ? self->first - LOOK_BEHIND : 1;
}

static void
index_days (RcCalendarModel *self)
{
  RcDay from = fetch_first (self);
  guint n_days = self->last + LOOK_AHEAD - from + 1;
  guint i = 0;

  g_free (self->day_offset);
  self->day_offset = g_new (guint, n_days + 1);
  for (guint d = 0; d <= n_days; d++)
    {
      while (i < self->entries->len &&
             ((RcEntry *) self->entries->pdata[i])->day < from + d)
        i++;
      self->day_offset[d] = i;
    }
}

/* Views bind to "profile" and "week-start": notify only real changes. */
static void
read_settings (RcCalendarModel *self)
{
  RcProfile profile = rc_store_get_profile (self->store);
  GDateWeekday week_start = rc_store_get_week_start (self->store);

  if (profile != self->profile)
    {
      self->profile = profile;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
    }
  if (week_start != self->week_start)
    {
      self->week_start = week_start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEK_START]);
    }
}

static void
check_has_entries (RcCalendarModel *self)
{
  g_autoptr(GPtrArray) all = NULL;

  if (self->entries->len > 0)
    {
      self->has_entries = TRUE;
      return;
    }
  all = rc_store_list (self->store, RC_DAY_INVALID, RC_DAY_INVALID, NULL);
  self->has_entries = all != NULL && all->len > 0;
}

static gboolean
in_range (RcCalendarModel *self,
          RcDay            day)
{
  return self->advice != NULL && day >= self->first && day <= self->last;
}

static void
forget_kept (RcCalendarModel *self)
{
  g_clear_pointer (&self->kept_advice, g_array_unref);
  g_clear_pointer (&self->kept_entries, g_ptr_array_unref);
  self->kept_offset = self->kept_n = 0;
}

/* The kept day out of the range is advised as the range is: from the
 * entries its advice reads (rc-rules.h), its whole week judged for the
 * best day. Within the range, the range's advice serves. */
static void
advise_kept (RcCalendarModel *self)
{
  g_autoptr(GError) error = NULL;
  RcDay day = self->kept;
  GPtrArray *entries;

  forget_kept (self);
  if (day == RC_DAY_INVALID || in_range (self, day))
    return;
  entries = rc_store_list (self->store, day > RC_RULES_DAYS_BEFORE ? day - RC_RULES_DAYS_BEFORE : 1,
                           day + RC_RULES_DAYS_AFTER, &error);
  if (entries == NULL)
    {
      g_warning ("Cannot read %s: %s", rc_store_get_path (self->store), error->message);
      return;
    }
  self->kept_entries = entries;
  /* the store lists by day */
  while (self->kept_offset < entries->len &&
         ((RcEntry *) entries->pdata[self->kept_offset])->day < day)
    self->kept_offset++;
  while (self->kept_offset + self->kept_n < entries->len &&
         ((RcEntry *) entries->pdata[self->kept_offset + self->kept_n])->day == day)
    self->kept_n++;
  self->kept_advice = rc_rules_advise_range ((const RcEntry * const *) entries->pdata,
                                             entries->len, day, day,
                                             self->profile, self->week_start,
                                             rc_store_get_default_minutes (self->store, RC_KIND_MASSAGE));
}

/* Reads the range from the store, advises it and tells the views. */
static void
reload (RcCalendarModel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 stamp;

  if (self->first == RC_DAY_INVALID)
    return;

  stamp = rc_store_get_change_stamp (self->store);
  entries = rc_store_list (self->store, fetch_first (self), self->last + LOOK_AHEAD, &error);
  if (entries == NULL)
    {
      g_warning ("Cannot read %s: %s", rc_store_get_path (self->store), error->message);
      entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_steal_pointer (&entries);
  index_days (self);

  if (stamp != self->stamp)
    {
      read_settings (self);
      check_has_entries (self);
      self->stamp = stamp;
    }

  g_clear_pointer (&self->advice, g_array_unref);
  self->advice = rc_rules_advise_range ((const RcEntry * const *) self->entries->pdata,
                                        self->entries->len, self->first, self->last,
                                        self->profile, self->week_start,
                                        rc_store_get_default_minutes (self->store, RC_KIND_MASSAGE));
  advise_kept (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RcCalendarModel *self = data;

  self->refresh_idle = 0;
  rc_calendar_model_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 RcCalendarModel   *self)
{
  if (self->held)
    self->missed = TRUE;
  else if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

/* SQLite in WAL mode writes the -wal file first: watch both. */
static void
watch_files (RcCalendarModel *self)
{
  const char *path = rc_store_get_path (self->store);
  const char *suffixes[] = { "", "-wal" };

  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; path != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (name);
      GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);

      if (monitor == NULL)
        continue;
      g_signal_connect (monitor, "changed", G_CALLBACK (on_file_changed), self);
      g_ptr_array_add (self->monitors, monitor);
    }
}

static void
rc_calendar_model_dispose (GObject *object)
{
  RcCalendarModel *self = RC_CALENDAR_MODEL (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->monitors != NULL)
    {
      for (guint i = 0; i < self->monitors->len; i++)
        {
          g_file_monitor_cancel (self->monitors->pdata[i]);
          g_signal_handlers_disconnect_by_data (self->monitors->pdata[i], self);
        }
      g_clear_pointer (&self->monitors, g_ptr_array_unref);
    }
  g_clear_object (&self->undo);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rc_calendar_model_parent_class)->dispose (object);
}

static void
rc_calendar_model_finalize (GObject *object)
{
  RcCalendarModel *self = RC_CALENDAR_MODEL (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->advice, g_array_unref);
  g_clear_pointer (&self->day_offset, g_free);
  forget_kept (self);

  G_OBJECT_CLASS (rc_calendar_model_parent_class)->finalize (object);
}

static void
rc_calendar_model_constructed (GObject *object)
{
  RcCalendarModel *self = RC_CALENDAR_MODEL (object);

  G_OBJECT_CLASS (rc_calendar_model_parent_class)->constructed (object);

  g_assert (RC_IS_STORE (self->store));
  read_settings (self);
  watch_files (self);
}

static void
rc_calendar_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RcCalendarModel *self = RC_CALENDAR_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FIRST:
      g_value_set_uint (value, self->first);
      break;
    case PROP_LAST:
      g_value_set_uint (value, self->last);
      break;
    case PROP_PROFILE:
      g_value_set_int (value, self->profile);
      break;
    case PROP_WEEK_START:
      g_value_set_int (value, self->week_start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_calendar_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RcCalendarModel *self = RC_CALENDAR_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_calendar_model_class_init (RcCalendarModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rc_calendar_model_constructed;
  object_class->dispose = rc_calendar_model_dispose;
  object_class->finalize = rc_calendar_model_finalize;
  object_class->get_property = rc_calendar_model_get_property;
  object_class->set_property = rc_calendar_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The visible days, first..last (Julian day numbers); 0 until set. */
  properties[PROP_FIRST] =
    g_param_spec_uint ("first", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST] =
    g_param_spec_uint ("last", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The plan's settings, as stored (RcProfile, GDateWeekday). */
  properties[PROP_PROFILE] =
    g_param_spec_int ("profile", NULL, NULL, 0, RC_N_PROFILES - 1, RC_PROFILE_TYPICAL,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEEK_START] =
    g_param_spec_int ("week-start", NULL, NULL, G_DATE_MONDAY, G_DATE_SUNDAY, G_DATE_MONDAY,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The range, its entries or its advice changed: views redraw from the model. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
rc_calendar_model_init (RcCalendarModel *self)
{
  self->undo = rc_undo_stack_new ();
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  self->stamp = -1;
  self->profile = RC_PROFILE_TYPICAL;
  self->week_start = G_DATE_MONDAY;
}

RcCalendarModel *
rc_calendar_model_new (RcStore *store)
{
  g_return_val_if_fail (RC_IS_STORE (store), NULL);

  return g_object_new (RC_TYPE_CALENDAR_MODEL, "store", store, NULL);
}

RcStore *
rc_calendar_model_get_store (RcCalendarModel *self)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), NULL);
  return self->store;
}

RcUndoStack *
rc_calendar_model_get_undo_stack (RcCalendarModel *self)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), NULL);
  return self->undo;
}

void
rc_calendar_model_set_range (RcCalendarModel *self,
                             RcDay            first,
                             RcDay            last)
{
  g_return_if_fail (RC_IS_CALENDAR_MODEL (self));
  g_return_if_fail (first != RC_DAY_INVALID && first <= last);

  g_object_freeze_notify (G_OBJECT (self));
  if (first != self->first)
    {
      self->first = first;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST]);
    }
  if (last != self->last)
    {
      self->last = last;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST]);
    }
  reload (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
rc_calendar_model_keep_day (RcCalendarModel *self,
                            RcDay            day)
{
  g_return_if_fail (RC_IS_CALENDAR_MODEL (self));

  if (day == self->kept)
    return;
  self->kept = day;
  advise_kept (self);
}

RcDay
rc_calendar_model_get_kept_day (RcCalendarModel *self)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), RC_DAY_INVALID);
  return self->kept;
}

RcDay
rc_calendar_model_get_first (RcCalendarModel *self)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), RC_DAY_INVALID);
  return self->first;
}

RcDay
rc_calendar_model_get_last (RcCalendarModel *self)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), RC_DAY_INVALID);
  return self->last;
}

GDateWeekday
rc_calendar_model_get_week_start (RcCalendarModel *self)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), G_DATE_MONDAY);
  return self->week_start;
}

RcProfile
rc_calendar_model_get_profile (RcCalendarModel *self)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), RC_PROFILE_TYPICAL);
  return self->profile;
}

gboolean
rc_calendar_model_has_entries (RcCalendarModel *self)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), FALSE);
  return self->has_entries;
}

gboolean
rc_calendar_model_set_setting (RcCalendarModel  *self,
                               const char       *key,
                               const char       *value,
                               GError          **error)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rc_store_set_setting (self->store, key, value, error))
    return FALSE;
  /* the stamp moved: reload re-reads the settings, notifies and re-advises */
  if (self->first != RC_DAY_INVALID)
    reload (self);
  else
    read_settings (self);
  return TRUE;
}

const RcAdvice *
rc_calendar_model_get_advice (RcCalendarModel *self,
                              RcDay            day)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), NULL);

  if (in_range (self, day))
    return &g_array_index (self->advice, RcAdvice, day - self->first);
  if (day != RC_DAY_INVALID && day == self->kept && self->kept_advice != NULL)
    return &g_array_index (self->kept_advice, RcAdvice, 0);
  return NULL;
}

const RcEntry * const *
rc_calendar_model_get_entries (RcCalendarModel *self,
                               RcDay            day,
                               guint           *n_entries)
{
  RcDay from;
  guint d;

  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), NULL);

  *n_entries = 0;
  from = fetch_first (self);
  if (self->day_offset == NULL || day < from || day > self->last + LOOK_AHEAD)
    {
      if (day == RC_DAY_INVALID || day != self->kept || self->kept_entries == NULL)
        return NULL;
      *n_entries = self->kept_n;
      return (const RcEntry * const *) self->kept_entries->pdata + self->kept_offset;
    }
  d = day - from;
  *n_entries = self->day_offset[d + 1] - self->day_offset[d];
  return (const RcEntry * const *) self->entries->pdata + self->day_offset[d];
}

gboolean
rc_calendar_model_week_is_forbidden (RcCalendarModel *self,
                                     RcDay            day)
{
  RcDay first;

  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), FALSE);

  first = rc_day_week_start (day, self->week_start);
  for (RcDay d = first; d < first + 7; d++)
    {
      const RcAdvice *advice = rc_calendar_model_get_advice (self, d);

      if (advice == NULL || advice->verdict != RC_VERDICT_FORBIDDEN)
        return FALSE;
    }
  return TRUE;
}

RcDay
rc_calendar_model_next_ideal_day (RcCalendarModel *self,
                                  RcDay            day)
{
  RcDay last;

  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), RC_DAY_INVALID);

  last = rc_day_week_start (day, self->week_start) + 6;
  /* LOOK_AHEAD holds what the rules read after a visible week */
  if (self->advice == NULL || last < self->first || last > self->last)
    return RC_DAY_INVALID;
  return rc_rules_next_ideal_day ((const RcEntry * const *) self->entries->pdata,
                                  self->entries->len, last, self->profile);
}

const RcEntry *
rc_calendar_model_lookup (RcCalendarModel *self,
                          gint64           id)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const RcEntry *entry = self->entries->pdata[i];

      if (entry->id == id)
        return entry;
    }
  for (guint i = 0; self->kept_entries != NULL && i < self->kept_n; i++)
    {
      const RcEntry *entry = self->kept_entries->pdata[self->kept_offset + i];

      if (entry->id == id)
        return entry;
    }
  return NULL;
}

void
rc_calendar_model_hold_refresh (RcCalendarModel *self,
                                gboolean         hold)
{
  g_return_if_fail (RC_IS_CALENDAR_MODEL (self));
  self->held = hold;
  /* Later, not now: whoever releases may first refresh and compare. */
  if (!hold && self->missed && self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
  if (!hold)
    self->missed = FALSE;
}

void
rc_calendar_model_refresh (RcCalendarModel *self)
{
  g_return_if_fail (RC_IS_CALENDAR_MODEL (self));

  if (rc_store_get_change_stamp (self->store) != self->stamp)
    reload (self);
}

/* The stored row, for the undo history: what the store made of a write. */
static RcEntry *
fetch (RcCalendarModel  *self,
       gint64            id,
       GError          **error)
{
  return rc_store_get (self->store, id, error);
}

gint64
rc_calendar_model_add (RcCalendarModel  *self,
                       const RcEntry    *entry,
                       GError          **error)
{
  g_autoptr(RcEntry) copy = NULL;
  g_autoptr(RcEntry) stored = NULL;

  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), 0);

  copy = rc_entry_copy (entry);
  copy->id = 0;
  g_clear_pointer (&copy->uid, g_free);
  if (!rc_store_add (self->store, copy, error))
    return 0;
  stored = fetch (self, copy->id, NULL);
  rc_undo_stack_push (self->undo, RC_COMMAND_ADD, NULL, stored != NULL ? stored : copy);
  reload (self);
  return copy->id;
}

gint64
rc_calendar_model_add_kind (RcCalendarModel  *self,
                            RcKind            kind,
                            RcDay             day,
                            GError          **error)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), 0);
  g_return_val_if_fail (kind < RC_N_KINDS, 0);

  g_autoptr(RcEntry) entry = rc_entry_new (day, kind);
  const RcAdvice *advice = rc_calendar_model_get_advice (self, day);

  /* the kind the day suggests, but a palette tile's own length */
  if (kind == RC_KIND_MASSAGE && advice != NULL && advice->massage != RC_MASSAGE_NONE)
    entry->massage = advice->massage;
  entry->minutes = rc_store_get_default_minutes (self->store, kind);
  return rc_calendar_model_add (self, entry, error);
}

gint64
rc_calendar_model_book_massage (RcCalendarModel  *self,
                                RcDay             day,
                                GError          **error)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), 0);

  g_autoptr(RcEntry) entry = rc_entry_new (day, RC_KIND_MASSAGE);
  const RcAdvice *advice = rc_calendar_model_get_advice (self, day);

  entry->minutes = rc_store_get_default_minutes (self->store, RC_KIND_MASSAGE);
  if (advice != NULL && advice->massage != RC_MASSAGE_NONE)
    {
      entry->massage = advice->massage;
      /* the advice says "30-45 minutes": the whole of what it allows */
      if (advice->minutes_max > 0)
        entry->minutes = advice->minutes_max;
    }
  return rc_calendar_model_add (self, entry, error);
}

gboolean
rc_calendar_model_move (RcCalendarModel  *self,
                        gint64            id,
                        RcDay             day,
                        GError          **error)
{
  g_autoptr(RcEntry) before = NULL;
  g_autoptr(RcEntry) after = NULL;

  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), FALSE);

  before = fetch (self, id, error);
  if (before == NULL)
    return FALSE;
  if (before->day == day)
    return TRUE;
  if (!rc_store_move (self->store, id, day, error))
    return FALSE;
  after = fetch (self, id, NULL);
  rc_undo_stack_push (self->undo, RC_COMMAND_MOVE, before, after);
  reload (self);
  return TRUE;
}

gint64
rc_calendar_model_copy (RcCalendarModel  *self,
                        gint64            id,
                        RcDay             day,
                        GError          **error)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), 0);

  g_autoptr(RcEntry) entry = fetch (self, id, error);

  if (entry == NULL)
    return 0;
  entry->day = day;
  /* a copy is a new plan: what was done on the original day was not done here */
  entry->status = RC_STATUS_PLANNED;
  entry->done_minutes = RC_NONE;
  entry->done_rpe = RC_NONE;
  return rc_calendar_model_add (self, entry, error);
}

gboolean
rc_calendar_model_update (RcCalendarModel  *self,
                          const RcEntry    *entry,
                          GError          **error)
{
  g_autoptr(RcEntry) before = NULL;
  g_autoptr(RcEntry) after = NULL;
  g_autoptr(RcEntry) copy = NULL;

  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), FALSE);

  before = fetch (self, entry->id, error);
  if (before == NULL)
    return FALSE;
  if (rc_entry_equal (before, entry))
    return TRUE;
  copy = rc_entry_copy (entry);
  if (!rc_store_update (self->store, copy, error))
    return FALSE;
  after = fetch (self, entry->id, NULL);
  rc_undo_stack_push (self->undo, RC_COMMAND_EDIT, before, after != NULL ? after : copy);
  reload (self);
  return TRUE;
}

gboolean
rc_calendar_model_set_status (RcCalendarModel  *self,
                              gint64            id,
                              RcStatus          status,
                              int               minutes,
                              int               rpe,
                              GError          **error)
{
  g_autoptr(RcEntry) entry = NULL;

  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), FALSE);
  g_return_val_if_fail (status < RC_N_STATUSES, FALSE);
  g_return_val_if_fail (status == RC_STATUS_DONE || (minutes == RC_NONE && rpe == RC_NONE), FALSE);

  entry = fetch (self, id, error);
  if (entry == NULL)
    return FALSE;
  rc_entry_set_status (entry, status, minutes, rpe);
  return rc_calendar_model_update (self, entry, error);
}

gboolean
rc_calendar_model_delete (RcCalendarModel  *self,
                          gint64            id,
                          GError          **error)
{
  g_autoptr(RcEntry) before = NULL;

  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), FALSE);

  before = fetch (self, id, error);
  if (before == NULL || !rc_store_delete (self->store, id, error))
    return FALSE;
  rc_undo_stack_push (self->undo, RC_COMMAND_DELETE, before, NULL);
  reload (self);
  return TRUE;
}

static gboolean apply_batch (RcCalendarModel *self, const RcCommand *command,
                             gboolean forwards, GError **error);

/* Applies COMMAND forwards (redo) or backwards (undo). */
static gboolean
apply (RcCalendarModel  *self,
       const RcCommand  *command,
       gboolean          forwards,
       GError          **error)
{
  switch (command->type)
    {
    case RC_COMMAND_BATCH:
      return apply_batch (self, command, forwards, error);
    case RC_COMMAND_ADD:
      return forwards ? rc_store_restore (self->store, command->after, error)
                      : rc_store_delete (self->store, command->after->id, error);
    case RC_COMMAND_MOVE:
      return rc_store_move (self->store, command->before->id,
                            forwards ? command->after->day : command->before->day, error);
    case RC_COMMAND_EDIT:
      {
        g_autoptr(RcEntry) row = rc_entry_copy (forwards ? command->after : command->before);

        return rc_store_update (self->store, row, error);
      }
    case RC_COMMAND_DELETE:
      return forwards ? rc_store_delete (self->store, command->before->id, error)
                      : rc_store_restore (self->store, command->before, error);
    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  RcCalendarModel *self;
  const RcCommand *command;
  gboolean         forwards;
} BatchApply;

static gboolean
apply_steps (gpointer   data,
             GError   **error)
{
  BatchApply *b = data;
  guint n = b->command->batch->len;

  for (guint i = 0; i < n; i++)
    {
      const RcCommand *step = g_ptr_array_index (b->command->batch, b->forwards ? i : n - 1 - i);

      if (!apply (b->self, step, b->forwards, error))
        return FALSE;
    }
  return TRUE;
}

/* A batch (an import) forwards in its order, backwards in reverse, as one
 * transaction: should one step fail, none is kept, so that the batch stays
 * where it was in the history and in the store; and 10,000 steps make one
 * disk sync, not 10,000. */
static gboolean
apply_batch (RcCalendarModel  *self,
             const RcCommand  *command,
             gboolean          forwards,
             GError          **error)
{
  BatchApply b = { self, command, forwards };

  return rc_store_write_batch (self->store, apply_steps, &b, error);
}

/* The command the undo stack holds next applied backwards (undo) or
 * FORWARDS (redo); nothing to do is no error. */
static gboolean
replay (RcCalendarModel  *self,
        gboolean          forwards,
        GError          **error)
{
  const RcCommand *command = forwards ? rc_undo_stack_peek_redo (self->undo)
                                      : rc_undo_stack_peek_undo (self->undo);

  if (command == NULL)
    return TRUE;
  if (!apply (self, command, forwards, error))
    return FALSE;
  if (forwards)
    rc_undo_stack_did_redo (self->undo);
  else
    rc_undo_stack_did_undo (self->undo);
  reload (self);
  return TRUE;
}

gboolean
rc_calendar_model_undo (RcCalendarModel  *self,
                        GError          **error)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), FALSE);

  return replay (self, FALSE, error);
}

gboolean
rc_calendar_model_redo (RcCalendarModel  *self,
                        GError          **error)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (self), FALSE);

  return replay (self, TRUE, error);
}
