#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/mutants.sh [SUITE...] - does the suite catch plausible one-line bugs?
#
# Copies the committed tree (git archive HEAD, so the working tree and the
# repository are never touched) to a temporary folder, builds it once, then
# for each mutation below: changes that one line, rebuilds, runs the tests
# (default: the core suite; pass e.g. "core gui" for more) and puts the line
# back. Prints CAUGHT or MISSED for each and a summary. Not run by CI: it
# takes a full suite run per mutation. KEEP=1 keeps the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
suite_args=()
for s in "${@:-core}"; do suite_args+=(--suite "$s"); done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/recoverycal-mutants-XXXXXX")
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$tmp"' EXIT
git archive HEAD | tar -x -C "$tmp"
meson setup "$tmp/_build" "$tmp" >/dev/null
meson compile -C "$tmp/_build" >/dev/null

# file @ exact text (its first occurrence; \n a newline, \& an &) @ replacement @ the bug it plays
mutations=$(cat <<'LIST'
src/core/rc-rules.c@week[i].day == hardest_day + 3@week[i].day == hardest_day + 4@best day: "+2 or +3" after the hardest entry becomes "+2 or +4"
src/core/rc-rules.c@return entry->rpe >= 7;@return entry->rpe >= 8;@a hard session starts at RPE 8 instead of 7
src/core/rc-rules.c@week[i].verdict == RC_VERDICT_IDEAL && hardest_day >= 0@week[i].verdict != RC_VERDICT_IDEAL && hardest_day >= 0@best day among the days that are not ideal
src/core/rc-store.c@      !check_header (self, &is_new, error) ||@      @store header check removed
src/core/rc-store.c@  if (n > 0 && header_application_id (header) != 0 \&\&@  if (0 \&\& header_application_id (header) != 0 \&\&@another application's id accepted
src/core/rc-store.c@[STMT_ROLLBACK] = "ROLLBACK",@[STMT_ROLLBACK] = "COMMIT",@a failed write commits half of its work
src/core/rc-store.c@    " ORDER BY date, time, id",@    " ORDER BY date, id",@list ignores the time of day
src/core/rc-undo-stack.c@  g_queue_clear_full (\&self->redo, command_free);\n  notify_both (self);@  notify_both (self);@a push that keeps redo
src/core/rc-undo-stack.c@  g_queue_push_head (\&self->redo, g_queue_pop_head (\&self->undo));@  g_queue_push_tail (\&self->redo, g_queue_pop_head (\&self->undo));@undo puts the command at the wrong end of redo
src/core/rc-ics-import.c@  if (x->count >= RC_ICS_MAX_OCCURRENCES)@  if (x->count > RC_ICS_MAX_OCCURRENCES)@one occurrence more than the cap
src/core/rc-ics-import.c@  else if (icalcomponent_get_status (comp) == ICAL_STATUS_CANCELLED)@  else if (0)@cancelled events imported
src/core/rc-ics-import.c@          rc_day_from_ymd (next.year, next.month, next.day) > x->horizon)@          rc_day_from_ymd (next.year, next.month, next.day) > x->horizon + 1)@recurrences run one day past the horizon
src/core/rc-ics-import.c@    if (icalproperty_get_rrule (rrules->pdata[i]).freq < ICAL_DAILY_RECURRENCE)@    if (icalproperty_get_rrule (rrules->pdata[i]).freq < ICAL_HOURLY_RECURRENCE)@hourly series expanded
src/core/rc-ics-scan.c@  return recur->freq == ICAL_YEARLY_RECURRENCE \&\&@  return recur->freq >= ICAL_SECONDLY_RECURRENCE \&\&@a VTIMEZONE rule of any frequency expanded
src/core/rc-ics-scan.c@#define MAX_DEPTH   16@#define MAX_DEPTH   100000@nesting depth unbounded
src/core/rc-ics-scan.c@      if (len > RC_ICS_MAX_LINE_LENGTH)@      if (0)@line length unbounded
LIST
)

caught=0 missed=0 n=0
while IFS='@' read -r file from to what; do
  [ -n "$file" ] || continue
  n=$((n + 1))
  cp "$tmp/$file" "$tmp/$file.orig"
  if ! python3 - "$tmp/$file" "$from" "$to" <<'PY'
import sys
path, old, new = sys.argv[1], sys.argv[2], sys.argv[3]
unescape = lambda s: s.replace('\\n', '\n').replace('\\&', '&')
old, new = unescape(old), unescape(new)
text = open(path).read()
if old not in text:
    sys.exit(1)
open(path, 'w').write(text.replace(old, new, 1))
PY
  then
    echo "$n. STALE   $what (the line is no longer in $file)"
    continue
  fi
  if ! meson compile -C "$tmp/_build" >/dev/null 2>&1; then
    result="CAUGHT (does not build)"
  elif meson test -C "$tmp/_build" "${suite_args[@]}" --num-processes 2 >/dev/null 2>&1; then
    result="MISSED"
  else
    result="CAUGHT"
  fi
  case $result in MISSED) missed=$((missed + 1)) ;; *) caught=$((caught + 1)) ;; esac
  printf '%d. %-7s %s (%s)\n' "$n" "$result" "$what" "$file"
  mv "$tmp/$file.orig" "$tmp/$file"
done <<<"$mutations"
meson compile -C "$tmp/_build" >/dev/null
echo "caught $caught of $((caught + missed)) mutations; missed $missed"
