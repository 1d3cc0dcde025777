# SPDX-License-Identifier: GPL-3.0-or-later
# a11y-bus.sh - sourced by the tests that read the accessible tree: a session
# bus of the test's own, whose activated services write to a file. The a11y
# registry (at-spi2-registryd), activated when the app starts, prints a line
# on its bus's stdout, which under gui-wrapper.sh's bus is the test's TAP.
a11y_bus_start() {   # a11y_bus_start DIR: the bus for this shell and its children
  dbus-daemon --session --nofork --nopidfile --print-address=3 3>"$1/bus" >"$1/bus.log" 2>&1 &
  A11Y_BUS_PID=$!
  for _ in $(seq 1 100); do [ -s "$1/bus" ] && break; sleep 0.05; done
  DBUS_SESSION_BUS_ADDRESS=$(head -1 "$1/bus")
  export DBUS_SESSION_BUS_ADDRESS
}
a11y_bus_stop() {
  [ -n "${A11Y_BUS_PID:-}" ] && kill "$A11Y_BUS_PID" 2>/dev/null
  return 0
}
