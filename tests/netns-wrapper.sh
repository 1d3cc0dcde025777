#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# netns-wrapper.sh PROGRAM [ARGS...] - PROGRAM in a user and network
# namespace of its own (unshare -rn), where it may take the default route
# away and give it back; RC_TEST_NETNS=1 tells it so. Where namespaces are
# not allowed, PROGRAM runs as it is and skips what needs one.
set -u
if command -v unshare >/dev/null && command -v ip >/dev/null && unshare -rn true 2>/dev/null; then
  exec unshare -rn env RC_TEST_NETNS=1 "$@"
fi
exec "$@"
