-- SPDX-License-Identifier: GPL-3.0-or-later
-- Read by test-store: version 1 of the store as it shipped: no notes, no updated
-- stamp, no settings table; three rows.
-- Frozen: what that version wrote. Never edit it.
CREATE TABLE entries (
 id INTEGER PRIMARY KEY,
 uid TEXT NOT NULL UNIQUE,
 date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
   AND date (julianday (date)) IS date),
 time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
 type TEXT NOT NULL CHECK (type IN ('session', 'massage')),
 kind TEXT NOT NULL,
 minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),
 rpe INTEGER CHECK (rpe IS NULL OR rpe BETWEEN 1 AND 10),
 title TEXT NOT NULL,
 created INTEGER NOT NULL);
CREATE INDEX entries_date ON entries (date);
PRAGMA application_id = 1382236524;
PRAGMA user_version = 1;
INSERT INTO entries VALUES (1, 'v1-a@x', '2025-05-04', '07:15', 'session', 'long', 130, 6, 'Lange Runde über den Berg', 1700000000);
INSERT INTO entries VALUES (5, 'v1-b@x', '2025-05-06', NULL, 'massage', 'post-run', 60, NULL, 'Sports massage', 1700000100);
INSERT INTO entries VALUES (9, 'v1-c@x', '2025-05-06', NULL, 'session', 'rest', NULL, NULL, '', 1700000200);
