#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# layers.sh SRCDIR - the folders of src/ stay layers: core/ includes no GTK and
# nothing of cli/ or gui/; cli/ nothing of gui/; json-glib only in cli/.
set -u
src=$1
n=0 failed=0
check() {   # check DESCRIPTION OUTPUT-OF-GREP
  n=$((n + 1))
  if [ -z "$2" ]; then
    echo "ok $n - $1"
  else
    failed=$((failed + 1))
    echo "not ok $n - $1"
    printf '# %s\n' $2
  fi
}
echo "1..5"
check "core/ includes no GTK or libadwaita" \
  "$(grep -rlE '#include *<(gtk/|gdk/|adwaita\.h)' "$src/core")"
check "core/ includes nothing from cli/ or gui/" \
  "$(grep -rlE "#include *\"($(cd "$src/cli" && ls *.h | paste -sd'|')|$(cd "$src/gui" && find . -name '*.h' -printf '%f\n' | paste -sd'|'))\"" "$src/core")"
check "cli/ includes nothing from gui/" \
  "$(grep -rlE "#include *\"($(cd "$src/gui" && find . -name '*.h' -printf '%f\n' | paste -sd'|'))\"" "$src/cli")"
check "json-glib only in cli/" \
  "$(grep -rl --include='*.[ch]' 'json-glib' "$src" | grep -v "^$src/cli/")"
check "core/ and cli/ call no GTK function" \
  "$(grep -rlE '\b(gtk|gdk|adw)_[a-z_]+ *\(' "$src/core" "$src/cli")"
[ "$failed" -eq 0 ]
