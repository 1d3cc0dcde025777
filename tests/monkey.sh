#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# monkey.sh RECOVERYCAL - the real window under its own Xvfb, driven by
# seeded random clicks, drags, key presses and shortcuts (tests/monkey.py),
# with G_DEBUG=fatal-criticals. MONKEY_SEED replays a run (default 19005;
# "random" draws one), MONKEY_LOG=FILE logs each action, MONKEY_ACTIONS
# lengthens it (default 300). Afterwards the store passes PRAGMA
# integrity_check and `recoverycal list --json` agrees with the entry chips
# the window shows (read over AT-SPI).
set -euo pipefail
app=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
# the a11y bus on: the final check reads the chips over AT-SPI
own_display_begin 1280x800x24
export G_DEBUG=fatal-criticals HOME=$work

db=$work/plan.db
for a in "2026-12-07 rest" "2026-12-08 intervals" "2026-12-10 easy" "2026-12-12 long" "2026-12-19 race"; do
  "$app" --db "$db" add $a >/dev/null
done
"$app" --db "$db" book 2026-12-15 >/dev/null
start_app "$work" --db "$db" --date 2026-12-10
sleep 1
status=0
/usr/bin/python3 "$here/monkey.py" "$app" "$db" "$app_pid" "$work/app.err" || status=$?
exit $status
