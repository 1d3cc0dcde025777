#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# e2e-dnd.sh RECOVERYCAL OUTDIR - plan with the real pointer: drag the "Long
# run" tile onto a week-view day and onto a dimmed month-view day, a massage
# onto a forbidden day, then click a chip; then the keyboard. The database is
# checked with `recoverycal list --json`. Own Xvfb and D-Bus session.
#
# The drag recipe (lib.sh's pointer_drag) and the PID-only cleanup follow
# the project's shared GUI tooling (tools/gui/drive.sh), where they were
# measured reliable on GTK 4.8 under Xvfb.
set -euo pipefail
app=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
own_display_begin 1400x860x24 import
mkdir -p "$out"

db="$work/plan.db"
start_app "$work" --db "$db" --date 2026-12-10
sleep 1

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; cat "$work/app.err" >&2; exit 1; }
widget_at() { /usr/bin/python3 "$here/a11y-find.py" recoverycal "$@"; }
# "DATE KIND" per entry, from the command line's JSON (date order)
rows() {
  "$app" --db "$db" list --json | /usr/bin/python3 -c '
import json, sys
for e in json.load(sys.stdin):
    print(e["date"], e["kind"])'
}

read -r tx ty < <(widget_at '^Add a long run$' 'push button') || fail "the Long run tile is named for what it does"
read -r cx cy < <(widget_at '^Wednesday 9 December 2026, ') || fail "the day cell is found by its date"
pointer_drag "$tx" "$ty" "$cx" "$cy" "$out/e2e-mid-drag-week.png"
[ "$(rows)" = "2026-12-09 long" ] && ok "a real drag onto Wed 9 Dec in the week view saves a long run there" \
  || fail "week drop: got '$(rows)'"
import -window root "$out/e2e-after-drop-week.png"

read -r mx my < <(widget_at '^Month$') || fail "the Month switch is found"
xdotool mousemove "$mx" "$my" sleep 0.05 click 1; sleep 0.8
read -r tx ty < <(widget_at '^Add a long run$' 'push button')
read -r cx cy < <(widget_at '^Saturday 2 January 2027, ') || fail "the dimmed January day is on screen"
pointer_drag "$tx" "$ty" "$cx" "$cy" "$out/e2e-mid-drag-month.png"
[ "$(rows)" = $'2026-12-09 long\n2027-01-02 long' ] \
  && ok "a drop on a dimmed neighbouring-month day lands on its own date" \
  || fail "month drop: got '$(rows)'"

# A massage over a forbidden day says why while dragging.
read -r tx ty < <(widget_at '^Add a massage$' 'push button')
read -r cx cy < <(widget_at '^Tuesday 8 December 2026, forbidden for massage') \
  || fail "Tue 8 Dec, the eve of the long run, is forbidden"
# aim low in the cell: under Xvfb the drag icon is an opaque box that would hide the hint
pointer_drag "$tx" "$ty" "$cx" $((cy + 34)) "$out/e2e-mid-drag-massage-forbidden.png"
# dropped there, it asks first, naming the reason; booked anyway, it is kept
[ "$(rows)" = $'2026-12-09 long\n2027-01-02 long' ] \
  && ok "a massage dropped on a forbidden day waits for the answer" || fail "massage drop: got '$(rows)'"
sleep 0.5
import -window root "$out/e2e-massage-forbidden-question.png"
# the dialog's two answers share its bottom row: Cancel, then Book Anyway
qid=$(xdotool search --onlyvisible --name '^Book Massage Anyway$' | head -1)
[ -n "$qid" ] && ok "the question is asked in its own window" || fail "no question window"
eval "$(xdotool getwindowgeometry --shell "$qid")"
xdotool mousemove $((X + WIDTH * 3 / 4)) $((Y + HEIGHT - 30)) sleep 0.05 click 1; sleep 0.8
[ "$(rows)" = $'2026-12-08 maintenance\n2026-12-09 long\n2027-01-02 long' ] \
  && ok "a massage dropped on a forbidden day is booked there" || fail "massage drop: got '$(rows)'"
expected=$'2026-12-08 maintenance\n2026-12-09 long\n2027-01-02 long'

# A click on the chip opens the panel and moves nothing.
read -r chx chy < <(widget_at '^Long run, 120 minutes$') || fail "the chip is found by its label"
# a hand is not steady: 3 px of jitter between press and release
xdotool mousemove "$chx" "$chy" sleep 0.1 mousedown 1 sleep 0.05 \
        mousemove $((chx + 2)) $((chy + 2)) sleep 0.05 mousemove $((chx + 3)) "$chy" sleep 0.05 mouseup 1
sleep 0.8
import -window root "$out/e2e-chip-click.png"
widget_at '^Wednesday 9 December 2026$' >/dev/null && ok "a click on the chip opens the day panel" \
  || fail "the panel did not open"
[ "$(rows)" = "$expected" ] && ok "the click moved nothing" || fail "after the click: '$(rows)'"

# Ctrl held while dragging a chip copies it: Long run of Wed 9 Dec onto Fri 11 Dec.
xdotool key Escape; sleep 0.3
read -r chx chy < <(widget_at '^Long run, 120 minutes$')
read -r cx cy < <(widget_at '^Friday 11 December 2026, ')
xdotool keydown ctrl
pointer_drag "$chx" "$chy" "$cx" "$cy"
xdotool keyup ctrl; sleep 0.3
expected=$'2026-12-08 maintenance\n2026-12-09 long\n2026-12-11 long\n2027-01-02 long'
[ "$(rows)" = "$expected" ] && ok "Ctrl + drag copies a chip" || fail "ctrl-copy: got '$(rows)'"
read -r cx cy < <(widget_at '^Wednesday 9 December 2026, ')
xdotool mousemove "$cx" "$cy" sleep 0.05 click 1; sleep 0.5

# The keyboard alone: Escape closes the panel and gives the day the focus,
# arrows move it, Enter opens the panel, Page Down pages, T goes to today.
xdotool key --delay 150 Escape Right Return; sleep 0.8
widget_at '^Thursday 10 December 2026$' >/dev/null && ok "Escape, Right, Enter open the next day's panel" \
  || fail "keyboard: no panel for Thu 10 Dec"
xdotool key --delay 150 Escape Next; sleep 0.5
widget_at '^January 2027$' >/dev/null && ok "Page Down shows the next month" || fail "Page Down"
xdotool key --delay 150 t; sleep 0.5
widget_at "^$(LC_ALL=C date +'%B %Y')\$" >/dev/null && ok "T goes to today" || fail "T"
[ "$(rows)" = "$expected" ] && ok "the keys changed nothing in the plan" || fail "after the keys: '$(rows)'"
echo "1..$n"
