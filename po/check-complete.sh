#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-complete.sh SRCDIR LANG - every string the sources mark for
# translation (po/POTFILES.in, with meson's glib keywords) has a translation
# in po/LANG.po: a string added without one would show in English.
set -eu
src=$1 lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
grep -v '^#' po/POTFILES.in | grep . > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments=Translators -o "$tmp/all.pot" --files-from="$tmp/files" \
  -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dcgettext:2 -kg_dngettext:2,3 -kg_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format --flag=g_printerr:1:c-format
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/all.pot" -o "$tmp/merged.po"
msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -A1 '^msgid ' | grep -v '^msgid ""$' \
  | grep -v '^--$' > "$tmp/missing" || true
# the header's empty msgid is not a string
missing=$(grep -c '^msgid ' "$tmp/missing" || true)
if [ "$missing" -gt 0 ]; then
  echo "po/$lang.po lacks $missing translation(s):" >&2
  grep '^msgid ' "$tmp/missing" >&2
  exit 1
fi
echo "po/$lang.po translates every marked string"
