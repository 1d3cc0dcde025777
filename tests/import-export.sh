#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# import-export.sh RECOVERYCAL - the window's Export… (Ctrl+E) writes the plan
# as .ics and Import… (Ctrl+O) reads it back, through the real file chooser,
# with real key presses; its toast says how many sessions and ideal massage
# days it wrote (read over AT-SPI). Run it under gui-wrapper.sh.
set -u
app=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
a11y_app_test_begin 0
shows() { /usr/bin/python3 "$here/a11y-find.py" recoverycal "$@" >/dev/null 2>&1; }
listed() { "$app" --db "$db" list --json | grep -q "$1"; }
gone() { ! window_named "$1"; }
type_path() {   # type_path PATH TITLE: into the chooser's name or location entry
  xdotool key ctrl+a
  xdotool type --delay 20 "$1"
  sleep 0.5
  # A completion popup may take the first Return.
  for _ in 1 2 3; do
    xdotool key Return
    until_true 3 gone "$2" && return 0
  done
  return 1
}

db=$dir/plan.db
for a in "2026-12-07 rest" "2026-12-08 intervals" "2026-12-12 long" "2026-12-19 race"; do
  "$app" --db "$db" add $a >/dev/null
done
"$app" --db "$db" --date 2026-12-10 >"$dir/app.log" 2>&1 &
pid=$!
check "the window shows" until_true 30 app_window
sleep 1

xdotool key ctrl+e
check "Ctrl+E opens the export dialog" until_true 10 window_named 'Export the Training Plan'
sleep 0.5
check "the export dialog takes the name" type_path "$dir/out.ics" 'Export the Training Plan'
check "the plan is written" until_true 10 test -s "$dir/out.ics"
check "four sessions, no massage days (the box is off by default)" \
  test "$(grep -c '^BEGIN:VEVENT' "$dir/out.ics")" -eq 4
check "the toast says how many sessions it wrote" until_true 10 shows '^Exported 4 sessions to out\.ics\.$'

# Again with "Add ideal massage days" ticked: the toast counts them.
xdotool key ctrl+e
until_true 10 window_named 'Export the Training Plan'
sleep 0.5
click_box() {
  local x y
  read -r x y < <(/usr/bin/python3 "$here/a11y-find.py" recoverycal '^Add ideal massage days$' 'check box') || return 1
  xdotool mousemove "$x" "$y" sleep 0.1 click 1
}
check "the export dialog offers ideal massage days" click_box
sleep 0.3
# back in the name entry: Ctrl+A and type replace the proposed name
xdotool key alt+n 2>/dev/null; sleep 0.3
check "the export dialog takes the name" type_path "$dir/days.ics" 'Export the Training Plan'
check "the plan and its ideal days are written" until_true 10 test -s "$dir/days.ics"
days=$(( $(grep -c '^BEGIN:VEVENT' "$dir/days.ics" 2>/dev/null || echo 0) - 4 ))
check "the file has ideal-day events ($days)" test "$days" -ge 1
check "the toast says it added those $days ideal massage days" \
  until_true 10 shows "^Exported 4 sessions to days\\.ics\\. Added $days ideal massage days? as (an )?all-day events?\\.\$"

sed 's/^SUMMARY:Long run/SUMMARY:Long run changed elsewhere/' "$dir/out.ics" >"$dir/in.ics"
xdotool key ctrl+o
check "Ctrl+O opens the import dialog" until_true 10 window_named 'Import a Training Plan'
sleep 1.5
xdotool key ctrl+l
sleep 0.3
check "the import dialog takes the file" type_path "$dir/in.ics" 'Import a Training Plan'
check "the import updates the session in the store" until_true 10 listed 'Long run changed elsewhere'
check "no session was added" test "$("$app" --db "$db" list | grep -c .)" -eq 4
check "the app still runs" kill -0 "$pid"
sed 's/^/# /' "$dir/app.log"
echo "1..$n"
exit $failed
