#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# a11y-names.py APP - read the whole accessible tree of APP's windows (AT-SPI)
# and print one line per bad name: a mnemonic underscore left in it
# ("_Today"), a label said twice ("Book Massage Book Massage"), or a control
# with no name but its type ("GtkMenuButton"). Exit 1 if
# any. With --dump, print every "role 'name'" first. Each --expect NAME must
# be some accessible's whole name (so the tree read is the one meant).
import re
import sys

from a11y import application, walk

# An underscore before a letter is a mnemonic; "a_b" inside a word (a file
# name, say) would not be, and snake_case names are not expected here.
MNEMONIC = re.compile(r"(^|[\s(])_\w")


# Controls a user acts on; named after their GTK type ("GtkButton"), they
# have no name at all.
CONTROLS = {"push button", "toggle button", "check box", "radio button",
            "spin button", "combo box", "menu item", "slider", "switch"}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Rc)[A-Z]\w*$")


def doubled(name):
    """'X Y X Y' or '_X X' read as the same words twice."""
    words = name.replace("_", "").split()
    n = len(words)
    return n >= 2 and n % 2 == 0 and words[: n // 2] == words[n // 2:]


def main():
    args = sys.argv[1:]
    dump = "--dump" in args
    expect = [args[i + 1] for i, a in enumerate(args) if a == "--expect"]
    app_name = [a for i, a in enumerate(args)
                if not a.startswith("--") and (i == 0 or args[i - 1] != "--expect")][0]
    app = application(app_name)
    if app is None:
        sys.exit("no application %r on the accessibility bus" % app_name)
    bad = 0
    seen = 0
    names = set()
    for acc in walk(app, max_depth=80):
        try:
            name = acc.name or ""
            role = acc.getRoleName()
        except Exception:
            continue
        seen += 1
        names.add(name)
        if dump:
            print("%s %r" % (role, name))
        if MNEMONIC.search(name) or doubled(name) or (role in CONTROLS and TYPE_NAME.match(name)):
            print("BAD %s %r" % (role, name))
            bad += 1
    missing = [e for e in expect if e not in names]
    for e in missing:
        print("MISSING %r" % e)
    print("%d accessibles read, %d bad names" % (seen, bad))
    sys.exit(1 if bad or missing or seen < 50 else 0)


if __name__ == "__main__":
    main()
