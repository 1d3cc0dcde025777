# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh - sourced by the shell tests: skips, TAP checks, polling, windows,
# and a display and session bus of the test's own. Safe under set -euo pipefail.

# a11y_bus_start and a11y_bus_stop, for a11y_app_test_begin
. "$(dirname "${BASH_SOURCE[0]}")/a11y-bus.sh"

skip_unless_tools() {   # skip_unless_tools STATUS TOOL...: "1..0 # SKIP" and exit STATUS if one is missing
  local status=$1 tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit "$status"; }
  done
}
skip_unless_pyatspi() {   # skip_unless_pyatspi STATUS: the accessible tree is read with it
  /usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { echo "1..0 # SKIP python3-pyatspi missing"; exit "$1"; }
}
a11y_test_begin() {   # a11y_test_begin STATUS: skip as above, accessibility on, DIR a new folder
  skip_unless_tools "$1" xdotool
  skip_unless_pyatspi "$1"
  unset GTK_A11Y NO_AT_BRIDGE
  dir=$(mktemp -d)
}
a11y_app_test_begin() {   # a11y_app_test_begin STATUS: the same with a11y-bus.sh's bus of its own; at exit the app (PID, once started), the bus and DIR go
  a11y_test_begin "$1"
  pid=
  trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; a11y_bus_stop; wait 2>/dev/null; rm -rf "$dir"' EXIT
  a11y_bus_start "$dir"
}

# One TAP line a check; with check_log set to a file, a failed check's output
# follows its line as comments.
n=0 failed=0
check() {   # check DESCRIPTION COMMAND...
  n=$((n + 1))
  if [ -n "${check_log:-}" ]; then
    if "${@:2}" >"$check_log" 2>&1; then echo "ok $n - $1"
    else echo "not ok $n - $1"; sed 's/^/# /' "$check_log"; failed=1; fi
  elif "${@:2}"; then echo "ok $n - $1"
  else echo "not ok $n - $1"; failed=1; fi
}
until_true() {   # until_true SECONDS COMMAND...: poll every 0.1 s
  local tries=$(($1 * 10))
  for _ in $(seq 1 "$tries"); do "${@:2}" && return 0; sleep 0.1; done
  return 1
}
retry() {   # retry TIMES COMMAND...
  for _ in $(seq 1 "$1"); do "${@:2}" && return 0; done
  return 1
}

window_named() { xdotool search --onlyvisible --name "^$1\$" >/dev/null 2>&1; }
app_window() { xdotool search --onlyvisible --classname '^recoverycal$' >/dev/null 2>&1; }
wait_title() {   # wait_title REGEX: until a window with that title shows, at most 30 s
  for _ in $(seq 1 300); do
    xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 && return 0; sleep 0.1
  done
  return 1
}

# A real drag from (X1,Y1) to (X2,Y2), the recipe of the project's shared GUI
# tooling (tools/gui/drive.sh), measured reliable on GTK 4.8 under Xvfb:
# press, two small steps past GTK's 8 px threshold, eight moves, a hover and
# a 1 px wiggle over the target, release. SHOT: a PNG of the screen before
# the release.
pointer_drag() {   # pointer_drag X1 Y1 X2 Y2 [SHOT]
  local x1=$1 y1=$2 x2=$3 y2=$4 shot=${5:-} i x y
  local -a a=(mousemove "$x1" "$y1" sleep 0.05 mousedown 1 sleep 0.05
              mousemove $((x1 + 6)) $((y1 + 6)) sleep 0.02
              mousemove $((x1 + 12)) $((y1 + 12)) sleep 0.02)
  for i in 1 2 3 4 5 6 7 8; do
    x=$((x1 + (x2 - x1) * i / 9)); y=$((y1 + (y2 - y1) * i / 9))
    a+=(mousemove "$x" "$y" sleep 0.02)
  done
  a+=(mousemove "$x2" "$y2" sleep 0.15 mousemove $((x2 + 1)) $((y2 + 1)) sleep 0.15)
  xdotool "${a[@]}"
  if [ -n "$shot" ]; then sleep 0.3; import -window root "$shot"; fi
  xdotool mousemove "$x2" "$y2" sleep 0.15 mouseup 1
  sleep 0.5
}

# For the tests that run outside gui-wrapper.sh: PIDS holds what they started,
# newest first, for their cleanup to end.
pids=()
start_xvfb() {   # start_xvfb WORK GEOMETRY: an X display of our own, exported as DISPLAY
  Xvfb -displayfd 9 -screen 0 "$2" -nolisten tcp -noreset 9>"$1/display" >/dev/null 2>&1 &
  pids=("$!" "${pids[@]}")
  for _ in $(seq 1 200); do [ -s "$1/display" ] && break; sleep 0.05; done
  DISPLAY=":$(tr -dc 0-9 <"$1/display")"
  export DISPLAY GDK_BACKEND=x11
}
start_session_bus() {   # start_session_bus WORK: a D-Bus session of our own
  dbus-daemon --session --nofork --nopidfile --print-address=1 >"$1/bus" 2>/dev/null &
  pids=("$!" "${pids[@]}")
  for _ in $(seq 1 100); do [ -s "$1/bus" ] && break; sleep 0.05; done
  DBUS_SESSION_BUS_ADDRESS=$(head -1 "$1/bus")
  export DBUS_SESSION_BUS_ADDRESS
}
stop_pids() {   # ends what PIDS holds, then waits for it
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
start_app() {   # start_app WORK ARG...: $app with ARGs, output in WORK/app.out and app.err, its PID in APP_PID and PIDS; waits (30 s at most) for its window
  "$app" "${@:2}" >"$1/app.out" 2>"$1/app.err" &
  app_pid=$!
  pids=("$app_pid" "${pids[@]}")
  wait_title '^RecoveryCal$' || true
}
own_display_begin() {   # own_display_begin GEOMETRY [TOOL...]: for the tests outside gui-wrapper.sh: skip without Xvfb, xdotool, dbus-daemon, the TOOLs or pyatspi; WORK a new folder, gone at exit with what PIDS holds; an X display and a session bus of its own, accessibility on (widgets are found by their accessible names)
  skip_unless_tools 77 Xvfb xdotool dbus-daemon "${@:2}"
  skip_unless_pyatspi 77
  work=$(mktemp -d)
  trap 'stop_pids; rm -rf "$work"' EXIT
  start_xvfb "$work" "$1"
  start_session_bus "$work"
  unset GTK_A11Y NO_AT_BRIDGE
  export GSETTINGS_BACKEND=memory
}
