-- SPDX-License-Identifier: GPL-3.0-or-later
-- Read by test-store: version 3 of the store as it shipped: titles, before
-- load.md's status; a session, a massage and a setting.
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
 kind TEXT NOT NULL,
 minutes INTEGER, rpe INTEGER,
 title TEXT CONSTRAINT title_null_or_text CHECK (title IS NULL OR length (title) > 0),
 notes TEXT,
 created INTEGER NOT NULL, updated INTEGER NOT NULL);
CREATE INDEX entries_by_date ON entries (date, time, id);
CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL CHECK (length (key) > 0),
 value TEXT NOT NULL) WITHOUT ROWID;
PRAGMA application_id = 1382236524;
PRAGMA user_version = 3;
INSERT INTO entries VALUES (3, 'v3-a@x', '2026-11-02', '07:00', 'session', 'tempo', 50, 7, 'Hill tempo', 'windy', 1700000000, 1700000500);
INSERT INTO entries VALUES (4, 'v3-b@x', '2026-11-04', NULL, 'massage', 'maintenance', 60, NULL, NULL, NULL, 1700000100, 1700000100);
INSERT INTO settings VALUES ('recovery-profile', 'slow');
