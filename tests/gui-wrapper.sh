#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# gui-wrapper.sh CMD... - run a GUI test on its own Xvfb display and private
# D-Bus session bus, and stop both afterwards, whatever happens.
set -u
fdfile=$(mktemp)
Xvfb -displayfd 9 -screen 0 1280x800x24 -nolisten tcp -noreset 9>"$fdfile" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -f "$fdfile"' EXIT
for _ in $(seq 1 200); do [ -s "$fdfile" ] && break; sleep 0.05; done
[ -s "$fdfile" ] || { echo "gui-wrapper: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(tr -dc 0-9 <"$fdfile")" GDK_BACKEND=x11
# No portal or a11y services are needed by the tests; keep them quiet.
export GTK_A11Y=${GTK_A11Y:-none} ADW_DISABLE_PORTAL=1 NO_AT_BRIDGE=1
dbus-run-session -- "$@"
