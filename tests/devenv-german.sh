#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# devenv-german.sh BUILDDIR RECOVERYCAL - run from the build folder as
# `build-aux/setup run` does (meson devenv), with LANGUAGE=de, the window
# speaks German: its buttons are read over AT-SPI. Nothing is installed, so
# only the build's own catalogues can say "Heute". Under gui-wrapper.sh.
set -u
build=$1 app=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
a11y_app_test_begin 77
unset RECOVERYCAL_LOCALEDIR
check_log=$dir/out

check "meson devenv points the app at the build's catalogues" \
  sh -c "meson devenv -C '$build' env | grep -qx 'RECOVERYCAL_LOCALEDIR=.*/po'"
LANGUAGE=de LC_ALL=de_DE.UTF-8 meson devenv -C "$build" \
  "$app" --db "$dir/plan.db" --date 2026-12-10 >"$dir/app.log" 2>&1 &
pid=$!
check "the window shows" wait_title '^RecoveryCal$'
sleep 1
check "its buttons read Heute, Woche, Monat" \
  /usr/bin/python3 "$here/a11y-names.py" recoverycal --expect Heute --expect Woche --expect Monat
echo "1..$n"
exit $failed
