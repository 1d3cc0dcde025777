#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# a11y-find.py APP NAME-REGEX [ROLE] - print "CX CY" on the X screen of the
# first widget of APP whose accessible name matches, for a real pointer.
#
# Condensed from the project's shared GUI tooling (tools/gui/atspi_find.py,
# "find a widget by accessible name over AT-SPI"): GTK 4.8 reports extents
# relative to the toplevel, so the X window's position and the client-side
# decoration border ((X width - frame width) / 2) are added. Widgets in
# popovers are not handled. Exit 1 when nothing on screen matches.
import re
import subprocess
import sys

import pyatspi

from a11y import application, walk


def extents(acc):
    e = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return e.x, e.y, e.width, e.height


def window_geometry(title):
    wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^%s$" % title],
                         capture_output=True, text=True).stdout.split()
    out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid[0]],
                         capture_output=True, text=True).stdout
    g = dict(line.split("=", 1) for line in out.split() if "=" in line)
    return int(g["X"]), int(g["Y"]), int(g["WIDTH"]), int(g["HEIGHT"])


def main(app_name, pattern, role=None):
    app = application(app_name)
    if app is None:
        sys.exit("no application %r on the accessibility bus" % app_name)
    rx = re.compile(pattern)
    for frame in [app.getChildAtIndex(i) for i in range(app.childCount)]:
        fx, fy, fw, fh = extents(frame)
        wx, wy, ww, wh = window_geometry(frame.name)
        border_x, border_y = max(0, (ww - fw) // 2), max(0, (wh - fh) // 2)
        for acc in walk(frame):
            try:
                if not rx.search(acc.name or "") or (role and acc.getRoleName() != role):
                    continue
                x, y, w, h = extents(acc)
            except Exception:
                continue
            cx, cy = x + w // 2, y + h // 2
            # GTK 4.8 never sets SHOWING: skip widgets outside their window
            if w > 0 and h > 0 and 0 <= cx < fw and 0 <= cy < fh:
                print(wx + border_x + cx, wy + border_y + cy)
                return
    sys.exit("no widget named /%s/ on screen" % pattern)


if __name__ == "__main__":
    main(*sys.argv[1:])
