-- SPDX-License-Identifier: GPL-3.0-or-later
-- Read by test-store: version 2 of the store as it shipped: titles NOT NULL, ""
-- for none; a setting and no rows (the test adds them).
-- Frozen: what that version wrote. Never edit it.
CREATE TABLE entries (
 id INTEGER PRIMARY KEY,
 uid TEXT NOT NULL UNIQUE CONSTRAINT uid_not_empty CHECK (length (uid) > 0),
 date TEXT NOT NULL CONSTRAINT date_is_iso CHECK (
  date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
  AND date (julianday (date)) IS date AND date >= '0001-01-01'),
 time TEXT CONSTRAINT time_is_hh_mm CHECK (
  time IS NULL OR (time GLOB '[0-2][0-9]:[0-5][0-9]' AND time <= '23:59')),
 type TEXT NOT NULL CONSTRAINT type_is_known CHECK (type IN ('session', 'massage')),
 kind TEXT NOT NULL CONSTRAINT kind_fits_type CHECK (
  (type = 'session' AND kind IN ('rest', 'easy', 'long', 'tempo', 'intervals', 'race', 'cross'))
  OR (type = 'massage' AND kind IN ('pre-event', 'post-run', 'maintenance'))),
 minutes INTEGER CONSTRAINT minutes_1_to_1440 CHECK (
  minutes IS NULL OR (typeof (minutes) = 'integer' AND minutes BETWEEN 1 AND 1440)),
 rpe INTEGER CONSTRAINT rpe_1_to_10 CHECK (
  rpe IS NULL OR (typeof (rpe) = 'integer' AND rpe BETWEEN 1 AND 10)),
 title TEXT NOT NULL,
 notes TEXT,
 created INTEGER NOT NULL,
 updated INTEGER NOT NULL);
CREATE INDEX entries_by_date ON entries (date, time, id);
CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL CHECK (length (key) > 0),
 value TEXT NOT NULL) WITHOUT ROWID;
PRAGMA application_id = 1382236524;
PRAGMA user_version = 2;
INSERT INTO settings VALUES ('recovery-profile', 'slow');
