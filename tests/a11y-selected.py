#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# a11y-selected.py APP - print the accessible name of every widget of APP
# that a screen reader is told is selected (AT-SPI's SELECTED state), one a
# line: the day whose panel is open.
import sys

import pyatspi

from a11y import application, walk


def main(app_name):
    app = application(app_name)
    if app is None:
        sys.exit("no application %r on the accessibility bus" % app_name)
    for acc in walk(app):
        try:
            if acc.getState().contains(pyatspi.STATE_SELECTED) and acc.getRoleName() == "table cell":
                print(acc.name)
        except Exception:
            continue


if __name__ == "__main__":
    main(*sys.argv[1:])
