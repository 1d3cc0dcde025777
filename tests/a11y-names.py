#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# a11y-names.py APP - read the whole accessible tree of APP's windows (AT-SPI)
# and print one line per bad name: a mnemonic underscore left in it
# ("_Today"), a label said twice ("Book Massage Book Massage"), or a control
# with no name but its type ("GtkMenuButton"), also a Tab stop named so (a
# legend's "GtkFlowBoxChild"). Exit 1 if any. With --dump, print every
# "role 'name'" first. Each --expect NAME must be some accessible's whole
# name (so the tree read is the one meant); each --expect-role ROLE NAME, the
# name of some accessible of that role (a control, not the label beside it).
import re
import sys

import pyatspi

from a11y import application, walk

# An underscore before a letter is a mnemonic; "a_b" inside a word (a file
# name, say) would not be, and snake_case names are not expected here.
MNEMONIC = re.compile(r"(^|[\s(])_\w")


# Controls a user acts on; named after their GTK type ("GtkButton"), they
# have no name at all.
CONTROLS = {"push button", "toggle button", "check box", "radio button",
            "spin button", "combo box", "menu item", "slider", "switch"}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Rc)[A-Z]\w*$")
# Other things Tab stops on, the items of a grid or list: a screen reader
# says their name when they take the focus.
FOCUS_STOPS = CONTROLS | {"table cell", "list item"}


def doubled(name):
    """'X Y X Y' or '_X X' read as the same words twice."""
    words = name.replace("_", "").split()
    n = len(words)
    return n >= 2 and n % 2 == 0 and words[: n // 2] == words[n // 2:]


def parse(args):
    """APP, --dump, the --expect names and the --expect-role (role, name) pairs."""
    app_name, dump, expect, expect_role = None, False, [], []
    i = 0
    while i < len(args):
        if args[i] == "--dump":
            dump = True
        elif args[i] == "--expect":
            expect.append(args[i + 1])
            i += 1
        elif args[i] == "--expect-role":
            expect_role.append((args[i + 1], args[i + 2]))
            i += 2
        else:
            app_name = args[i]
        i += 1
    return app_name, dump, expect, expect_role


def focusable(acc):
    try:
        return acc.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:
        return False


def bad_name(name, role, acc):
    if MNEMONIC.search(name) or doubled(name):
        return True
    if not TYPE_NAME.match(name):
        return False
    return role in CONTROLS or (role in FOCUS_STOPS and focusable(acc))


def main():
    app_name, dump, expect, expect_role = parse(sys.argv[1:])
    app = application(app_name)
    if app is None:
        sys.exit("no application %r on the accessibility bus" % app_name)
    bad = 0
    seen = 0
    names = set()
    named = set()
    for acc in walk(app, max_depth=80):
        try:
            name = acc.name or ""
            role = acc.getRoleName()
        except Exception:
            continue
        seen += 1
        names.add(name)
        named.add((role, name))
        if dump:
            print("%s %r" % (role, name))
        if bad_name(name, role, acc):
            print("BAD %s %r" % (role, name))
            bad += 1
    missing = ["%r" % e for e in expect if e not in names]
    missing += ["%s %r" % e for e in expect_role if e not in named]
    for e in missing:
        print("MISSING " + e)
    print("%d accessibles read, %d bad names" % (seen, bad))
    sys.exit(1 if bad or missing or seen < 50 else 0)


if __name__ == "__main__":
    main()
