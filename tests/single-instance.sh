#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# single-instance.sh RECOVERYCAL - a second launch presents the first window
# and exits: one process owns the file, one window shows it. Run it under
# gui-wrapper.sh (its own X display and D-Bus session).
set -u
app=$1
command -v xdotool >/dev/null || { echo "1..0 # SKIP xdotool is not installed"; exit 0; }
dir=$(mktemp -d)
first=
trap '[ -n "$first" ] && kill "$first" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT
n=0 failed=0
check() {   # check DESCRIPTION COMMAND...
  n=$((n + 1))
  if "${@:2}"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}
windows() {
  xdotool search --onlyvisible --classname '^recoverycal$' 2>/dev/null | wc -l
}
wait_windows() {   # wait_windows N: until N windows show, at most 30 s
  for _ in $(seq 1 300); do [ "$(windows)" -ge "$1" ] && return 0; sleep 0.1; done
  return 1
}

"$app" --db "$dir/plan.db" --date 2026-12-10 >"$dir/first.log" 2>&1 &
first=$!
check "the first launch shows a window" wait_windows 1
timeout 30 "$app" --db "$dir/plan.db" --date 2026-12-10 >"$dir/second.log" 2>&1
check "the second launch exits at once, successfully" test $? -eq 0
sleep 1
check "still one window ($(windows))" test "$(windows)" -eq 1
check "the first instance still runs" kill -0 "$first"
echo "1..$n"
exit $failed
