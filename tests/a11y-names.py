#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# a11y-names.py APP - read the whole accessible tree of APP's windows (AT-SPI)
# and print one line per bad name: a mnemonic underscore left in it
# ("_Today"), or a label said twice ("Book Massage Book Massage"). Exit 1 if
# any. With --dump, print every "role 'name'" first.
import re
import sys

import pyatspi

# An underscore before a letter is a mnemonic; "a_b" inside a word (a file
# name, say) would not be, and snake_case names are not expected here.
MNEMONIC = re.compile(r"(^|[\s(])_\w")


def walk(acc, depth=0):
    yield acc
    if depth > 80:
        return
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, depth + 1)


def doubled(name):
    """'X Y X Y' or '_X X' read as the same words twice."""
    words = name.replace("_", "").split()
    n = len(words)
    return n >= 2 and n % 2 == 0 and words[: n // 2] == words[n // 2:]


def main():
    dump = "--dump" in sys.argv
    app_name = [a for a in sys.argv[1:] if not a.startswith("--")][0]
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    app = next((a for a in apps if a is not None and app_name in (a.name or "")), None)
    if app is None:
        sys.exit("no application %r on the accessibility bus" % app_name)
    bad = 0
    seen = 0
    for acc in walk(app):
        try:
            name = acc.name or ""
            role = acc.getRoleName()
        except Exception:
            continue
        seen += 1
        if dump:
            print("%s %r" % (role, name))
        if MNEMONIC.search(name) or doubled(name):
            print("BAD %s %r" % (role, name))
            bad += 1
    print("%d accessibles read, %d bad names" % (seen, bad))
    sys.exit(1 if bad or seen < 50 else 0)


if __name__ == "__main__":
    main()
