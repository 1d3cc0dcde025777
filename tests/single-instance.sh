#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# single-instance.sh RECOVERYCAL - a second launch presents the first window
# and exits: one process owns the file, one window shows it. With --date the
# running window shows that week; with another --db it says in a toast why
# it keeps its own, and the second process never creates that file. The
# window is read over AT-SPI. Run it under gui-wrapper.sh (its own X display
# and D-Bus session).
set -u
app=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
a11y_app_test_begin 0
windows() {
  xdotool search --onlyvisible --classname '^recoverycal$' 2>/dev/null | wc -l
}
wait_windows() {   # wait_windows N: until N windows show, at most 30 s
  for _ in $(seq 1 300); do [ "$(windows)" -ge "$1" ] && return 0; sleep 0.1; done
  return 1
}

"$app" --db "$dir/plan.db" --date 2026-12-10 >"$dir/first.log" 2>&1 &
pid=$!
check "the first launch shows a window" wait_windows 1
timeout 30 "$app" --db "$dir/plan.db" --date 2026-12-10 >"$dir/second.log" 2>&1
check "the second launch exits at once, successfully" test $? -eq 0
sleep 1
check "still one window ($(windows))" test "$(windows)" -eq 1
check "the first instance still runs" kill -0 "$pid"

shows() {   # shows NAME-REGEX: a widget so named is on screen, within 10 s
  for _ in $(seq 1 20); do
    /usr/bin/python3 "$here/a11y-find.py" recoverycal "$1" >/dev/null 2>&1 && return 0; sleep 0.5
  done
  return 1
}
check "the window shows the week of 10 Dec 2026" shows '^Thursday 10 December 2026, '
timeout 30 "$app" --db "$dir/plan.db" --date 2027-01-14 >>"$dir/second.log" 2>&1
check "a second launch with --date exits at once, successfully" test $? -eq 0
check "the running window shows the week of 14 Jan 2027" shows '^Thursday 14 January 2027, '
(cd "$dir" && timeout 30 "$app" --db other.db --date 2027-02-11 >>"$dir/second.log" 2>&1)
check "a second launch with another --db exits at once, successfully" test $? -eq 0
check "a toast says why the window keeps its plan" shows '^This window keeps the plan .*plan\.db.* open\. To open .*other\.db'
check "the second process did not create other.db" test ! -e "$dir/other.db"
check "the window stayed on its week" shows '^Thursday 14 January 2027, '
check "still one window ($(windows))" test "$(windows)" -eq 1
check "the first instance printed no warning" test ! -s "$dir/first.log"
sed 's/^/# /' "$dir/first.log" "$dir/second.log"
echo "1..$n"
exit $failed
