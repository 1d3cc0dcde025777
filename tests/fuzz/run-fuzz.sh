#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzz.sh TARGET SEED_DIR WORK_DIR [DICT...]: TARGET over every seed, then
# fuzzing for $FUZZ_SECONDS (default 20) s. New inputs go to WORK_DIR, never
# to the seeds; a crash, leak, timeout (over 1 s per input) or out-of-memory
# (over 512 MB) fails, with the input saved as WORK_DIR/crash-* and the like.
# FUZZ_TIMEOUT changes the 1 s per input (a loaded machine). libFuzzer takes
# one dictionary: several are joined into WORK_DIR/fuzz.dict.
set -eu
target=$1 seeds=$2 work=$3
shift 3
mkdir -p "$work"
dict=
if [ $# -gt 0 ]; then
  dict=$work/fuzz.dict
  cat "$@" >"$dict"
fi
set -- -timeout="${FUZZ_TIMEOUT:-1}" -rss_limit_mb=512 -max_len=65536 -print_final_stats=1 -error_exitcode=1 -artifact_prefix="$work/"
[ -n "$dict" ] && set -- "$@" -dict="$dict"
# UBSan findings are crashes too
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# a smaller quarantine keeps the 512 MB limit for what the target allocates
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=32}
echo "seeds: $(ls "$seeds" | wc -l) in $seeds"
"$target" "$@" -runs=0 "$seeds"
"$target" "$@" -max_total_time="${FUZZ_SECONDS:-20}" "$work" "$seeds"
