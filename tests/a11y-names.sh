#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# a11y-names.sh RECOVERYCAL - every accessible name the running app exposes is
# clean: no mnemonic underscore ("_Today"), no label said twice ("Today
# Today"), no control or Tab stop named after its GTK type. The whole tree is
# read (a11y-names.py) with the week, the day panel open on a day with
# sessions and one row expanded, then on a day with reasons "Also considered",
# the month (also in a narrow window, its views at the foot), the primary menu
# and the preferences window. Run it under gui-wrapper.sh (own X display and
# D-Bus session, where the a11y bus is activated on demand).
set -u
app=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
# The wrapper turns the a11y bus off for the other tests: this one reads it.
a11y_app_test_begin 77
db="$dir/plan.db"
"$app" --db "$db" add 2026-12-09 long >/dev/null
"$app" --db "$db" add 2026-12-09 easy --title "Shakeout" >/dev/null
"$app" --db "$db" add 2026-12-12 tempo >/dev/null
"$app" --db "$db" book 2026-12-11 >/dev/null 2>&1

check_log=$dir/out
names() { /usr/bin/python3 "$here/a11y-names.py" recoverycal "$@"; }
point() { /usr/bin/python3 "$here/a11y-find.py" recoverycal "$@"; }
selected() { /usr/bin/python3 "$here/a11y-selected.py" recoverycal; }
selected_is() {   # selected_is REGEX: exactly one day is selected, and it matches
  local days
  days=$(selected)
  [ "$(printf '%s' "$days" | grep -c .)" -eq 1 ] && printf '%s' "$days" | grep -qE "$1"
}
click_named() {   # click_named REGEX [ROLE]: a real click on the widget's centre
  local x y
  read -r x y < <(point "$@") || return 1
  xdotool mousemove "$x" "$y" sleep 0.1 click 1
  sleep 1
}

"$app" --db "$db" --date 2026-12-10 >"$dir/app.log" 2>&1 &
pid=$!
check "the window shows" wait_title '^RecoveryCal$'
sleep 1
# The palette's tiles say that they add a session: the chips of the plan
# carry the bare kind ("Long run, 120 minutes"). The legend explains colours:
# its items are no Tab stops, and read as their text.
check "week view: every name clean" names --expect Today --expect Week --expect Month \
  --expect-role 'push button' 'Add a rest day' --expect-role 'push button' 'Add a long run' \
  --expect-role 'push button' 'Add a massage' --expect-role 'table cell' 'Ideal: the best time'
check "a click on Wed 9 Dec opens its panel" click_named '^Wednesday 9 December 2026, '
check "the day with its panel open is the one selected" selected_is '^Wednesday 9 December 2026, '
check "a click on the Long run row expands it" click_named '^Long run$' 'list item'
check "day panel with a row expanded: every name clean" \
  names --expect 'Book Massage Anyway' --expect 'Add Session' --expect 'Move to…' --expect Duplicate --expect Delete
xdotool key Escape; sleep 0.5
check "with the panel closed no day is selected" test -z "$(selected)"
check "a click on Fri 11 Dec, the eve of a tempo run, opens its panel" click_named '^Friday 11 December 2026, '
check "day panel with reasons also considered: the expander is named" \
  names --expect-role 'push button' 'Also considered'
xdotool key Escape; sleep 0.5
check "a click on Month shows the month" click_named '^Month$'
check "month view: every name clean" names --expect 'Week'
# Too narrow for the header's Week/Month/Load: they are built again at the foot.
wid=$(xdotool search --onlyvisible --name '^RecoveryCal$' | head -1)
size=$(xdotool getwindowgeometry --shell "$wid" | sed -n 's/^\(WIDTH\|HEIGHT\)=//p' | tr '\n' ' ')
xdotool windowsize "$wid" 480 700; sleep 1
check "narrow window, the views at its foot: every name clean" names --expect Load
xdotool windowsize "$wid" $size; sleep 1
xdotool key F10; sleep 1
check "primary menu open: every name clean" names --expect 'Preferences'
xdotool key Escape; sleep 0.3
xdotool key ctrl+comma
check "the preferences window opens" wait_title '^Preferences$'
sleep 1
check "preferences window: every name clean" names
check "the app printed no warning" test ! -s "$dir/app.log"
cat "$dir/app.log" | sed 's/^/# /'
echo "1..$n"
exit $failed
