#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# install-check.sh BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR - `meson install --destdir`
# puts every file where a desktop finds it, and the installed binary runs.
set -u
build=$1 prefix=$2 bindir=$3 datadir=$4 localedir=$5
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
n=0 failed=0
check() {   # check DESCRIPTION COMMAND...
  n=$((n + 1))
  if "${@:2}"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1
check "meson install --destdir" test $? -eq 0
root=$dest$prefix
app=com.example.RecoveryCal
check "binary" test -x "$dest$bindir/recoverycal"
check "desktop file" test -f "$dest$datadir/applications/$app.desktop"
check "metainfo" test -f "$dest$datadir/metainfo/$app.metainfo.xml"
check "schema" test -f "$dest$datadir/glib-2.0/schemas/$app.gschema.xml"
check "app icon" test -f "$dest$datadir/icons/hicolor/scalable/apps/$app.svg"
check "symbolic icon" test -f "$dest$datadir/icons/hicolor/symbolic/apps/$app-symbolic.svg"
for lang in $(grep -v '^#' "$(dirname "$0")/../po/LINGUAS"); do
  check "translation $lang" test -f "$dest$localedir/$lang/LC_MESSAGES/recoverycal.mo"
done
version=$("$dest$bindir/recoverycal" --version 2>&1)
check "installed binary --version ($version)" test "${version%% *}" = recoverycal
rm -f "$dest.log"
echo "1..$n"
exit $failed
