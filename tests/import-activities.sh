#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# import-activities.sh RECOVERYCAL DATADIR - the main menu's "Import
# Activities…" through the real file chooser, with real key presses: F10
# opens the menu, its mnemonic the chooser; the folder is typed, Ctrl+A takes
# every activity the filter shows (not the text file beside them), Alt+I
# imports them. The store is checked with `recoverycal list --json`. (Undo
# is tested in test-window-import.c: keys sent after the chooser closed did
# not reach the window under Xvfb without a window manager.) Run it under gui-wrapper.sh.
set -u
app=$1 data=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
skip_unless_tools 0 xdotool
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT
gone() { ! window_named "$1"; }
# "DATE KIND STATUS DONE_MINUTES" per entry
rows() {
  "$app" --db "$db" list --json | python3 -c '
import json, sys
for e in json.load(sys.stdin):
    print(e["date"], e["kind"], e["status"], e["done_minutes"])'
}
rows_are() { [ "$(rows)" = "$1" ]; }

db=$dir/plan.db
mkdir "$dir/watch"
cp "$data/garmin-laps.tcx" "$data/cycling.tcx" "$data/strava-run.gpx.gz" "$dir/watch/"
echo "not an activity" >"$dir/watch/notes.txt"
"$app" --db "$db" add 2026-12-08 tempo --minutes 50 >/dev/null
export TZ=Australia/Sydney   # the Strava run of 23:30 UTC is on the 9th here
"$app" --db "$db" --date 2026-12-10 >"$dir/app.log" 2>&1 &
pid=$!
check "the window shows" until_true 30 app_window
sleep 1

xdotool key F10
sleep 0.7
xdotool key t
check "the menu's Import Activities… opens the chooser" until_true 10 window_named 'Import Activities'
sleep 1.5
xdotool key ctrl+l
sleep 0.3
xdotool type --delay 20 "$dir/watch"
sleep 0.5
xdotool key Return   # into the folder; the focus goes to its list
# every file the filter shows, then the Import button (Return would take
# only the row under the cursor); again if the list was still loading
choose_all() {
  sleep 1.5
  xdotool key ctrl+a
  sleep 0.5
  xdotool key alt+i
  until_true 3 gone 'Import Activities'
}
check "the chooser takes every activity of the folder" retry 3 choose_all
planned_done="2026-12-08 tempo done 45
2026-12-09 long done 95
2026-12-12 cross done 120"
check "three files in one go: the tempo is done with 45 min, the run and the ride added" \
  until_true 30 rows_are "$planned_done"
check "the app still runs" kill -0 "$pid"
if [ $failed -ne 0 ]; then cat "$dir/app.log" >&2; rows >&2; fi
echo "1..$n"
exit $failed
