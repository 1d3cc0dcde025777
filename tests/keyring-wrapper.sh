#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# keyring-wrapper.sh PROGRAM [ARGS...] - PROGRAM in a private D-Bus session
# with a fresh GNOME Keyring (Secret Service) in a temporary HOME, all of it
# stopped and removed when PROGRAM ends.
set -u
if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
  echo "1..0 # SKIP gnome-keyring-daemon or dbus-run-session is missing"
  exit 0
fi
if [ -z "${RC_KEYRING_SESSION:-}" ]; then
  RC_KEYRING_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi

HOME=$(mktemp -d "${TMPDIR:-/tmp}/rc-keyring-XXXXXX")
export HOME XDG_DATA_HOME="$HOME/data" XDG_CONFIG_HOME="$HOME/config" \
  XDG_CACHE_HOME="$HOME/cache" XDG_RUNTIME_DIR="$HOME/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
# An empty password would leave the login keyring locked. The daemon is not
# ours: it warns when an item is replaced, which G_DEBUG=fatal-warnings would
# make a crash.
printf '%s' 'keyring test password' |
  env -u G_DEBUG -u MALLOC_PERTURB_ gnome-keyring-daemon --foreground --unlock --components=secrets >"$HOME/daemon.log" 2>&1 &
daemon=$!
trap 'kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null; rm -rf "$HOME"' EXIT INT TERM

tries=0
until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ] || ! kill -0 "$daemon" 2>/dev/null; then
    echo "Bail out! the keyring daemon did not start"
    sed 's/^/# /' "$HOME/daemon.log"
    exit 1
  fi
  sleep 0.1
done
"$@"
status=$?
[ -n "${RC_KEYRING_DEBUG:-}" ] && sed "s/^/# daemon: /" "$HOME/daemon.log"
exit $status
