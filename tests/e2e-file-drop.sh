#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# e2e-file-drop.sh RECOVERYCAL DRAG-SOURCE DATADIR - activity files dragged
# from another program and dropped on the calendar: drag-source (a window of
# its own process offering the files as text/uri-list, as a file manager
# does) is dragged with the real pointer onto a day of the app's window, so
# the drop goes through the X server's XDND protocol between two clients.
# The store is checked with `recoverycal list --json`, the toast by its
# accessible name. Own Xvfb and D-Bus session, a11y on (as e2e-dnd.sh).
set -euo pipefail
app=$1 source=$2 data=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
own_display_begin 1700x860x24
export TZ=Europe/London   # the Garmin run is on 8 Dec there

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; cat "$work/app.err" "$work/source.out" "$work/source.err" >&2; exit 1; }
widget_at() { /usr/bin/python3 "$here/a11y-find.py" recoverycal "$@"; }
# "DATE KIND STATUS DONE_MINUTES" per entry
rows() {
  "$app" --db "$db" list --json | /usr/bin/python3 -c '
import json, sys
for e in json.load(sys.stdin):
    print(e["date"], e["kind"], e["status"], e["done_minutes"])'
}

db="$work/plan.db"
"$app" --db "$db" add 2026-12-08 tempo --minutes 50 >/dev/null
mkdir "$work/watch"
cp "$data/garmin-laps.tcx" "$data/cycling.tcx" "$data/kml.gpx" "$work/watch/"
start_app "$work" --db "$db" --date 2026-12-10
"$source" "$work/watch/garmin-laps.tcx" "$work/watch/cycling.tcx" "$work/watch/kml.gpx" \
  >"$work/source.out" 2>"$work/source.err" &
pids=("$!" "${pids[@]}")
for _ in $(seq 1 200); do grep -q READY "$work/source.out" 2>/dev/null && break; sleep 0.05; done
sid=$(xdotool search --onlyvisible --name '^Drag Source$' 2>/dev/null | head -1 || true)
[ -n "$sid" ] || fail "the drag source shows"
sleep 1
# Without a window manager both windows map at (0,0): the source goes beside the app.
xdotool windowmove "$sid" 1420 300
sleep 0.5

# Between two clients GTK's X11 backend drops only through XDND, which the
# window announces on its X window.
aid=$(xdotool search --onlyvisible --name '^RecoveryCal$' 2>/dev/null | head -1 || true)
if command -v xprop >/dev/null; then
  xprop -id "$aid" XdndAware | grep -q '^XdndAware(ATOM)' \
    && ok "the window takes XDND drops (XdndAware)" || fail "no XdndAware on the window"
fi
read -r cx cy < <(widget_at '^Saturday 12 December 2026, ') || fail "the day cell is found by its date"
eval "$(xdotool getwindowgeometry --shell "$sid")"
# lib.sh's pointer_drag: the recipe of e2e-dnd.sh (tools/gui/drive.sh)
pointer_drag $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) "$cx" "$cy"

expected=$'2026-12-08 tempo done 45\n2026-12-12 cross done 120'
rows_are() { [ "$(rows)" = "$expected" ]; }
until_true 15 rows_are 2>/dev/null \
  && ok "three files dragged from another program: the planned tempo is done with 45 min, the ride added, the KML skipped" \
  || fail "after the drop: '$(rows)'"
until_true 10 widget_at '^Activities — added: 1, matched: 1, skipped: 1$' >/dev/null 2>&1 \
  && ok "the toast says what was added, matched and skipped" || fail "no toast"
until_true 5 grep -q '^DRAG-END' "$work/source.out" 2>/dev/null && ! grep -q '^DRAG-CANCEL' "$work/source.out" \
  && ok "the other program saw its drag end in a drop, not cancelled" || fail "the source: $(cat "$work/source.out")"
echo "1..$n"
