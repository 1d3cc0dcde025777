# SPDX-License-Identifier: GPL-3.0-or-later
"""What the tests' AT-SPI scripts (a11y-find.py, a11y-names.py, monkey.py)
share: an application found on the accessibility bus, and its tree walked."""
import pyatspi


def application(name_part):
    """The first application on the bus whose name contains NAME_PART, or None."""
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    return next((a for a in apps if a is not None and name_part in (a.name or "")), None)


def walk(acc, max_depth=60, depth=0):
    """ACC and every accessible below it, depth first, to MAX_DEPTH levels."""
    yield acc
    if depth > max_depth:
        return
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, max_depth, depth + 1)
