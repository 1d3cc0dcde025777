#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# monkey.py RECOVERYCAL DB APP_PID APP_ERR - random but reproducible hands on
# the running window (see monkey.sh), then the checks. TAP on stdout.
#
# Actions, drawn from random.Random(MONKEY_SEED): clicks and right clicks
# anywhere below the header bar, drags (palette tiles onto days, anything
# anywhere), key presses (arrows, Return, Escape, Delete,
# letters), paging storms, undo/redo storms, the header's buttons, and
# opening and closing preferences, the file choosers and the main menu.
# Ctrl+Q, Ctrl+W and the window's Close button are left out: quitting is
# not a defect. A critical ends the app (G_DEBUG=fatal-criticals) and the run.
import datetime
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time

import pyatspi

from a11y import walk

app, db, app_pid, app_err = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
# The suite replays one seed (19005: its first 2,500 actions passed under
# ASan + UBSan), so that CI judges the code, not the draw;
# MONKEY_SEED=random explores, and prints the seed to replay.
seed_text = os.environ.get("MONKEY_SEED") or "19005"
seed = random.SystemRandom().randrange(1 << 31) if seed_text == "random" else int(seed_text)
actions = int(os.environ.get("MONKEY_ACTIONS") or 300)
rng = random.Random(seed)
print("# seed %d, %d actions (replay: MONKEY_SEED=%d MONKEY_ACTIONS=%d)" % (seed, actions, seed, actions),
      flush=True)
n = 0


def ok(cond, what):
    global n
    n += 1
    print("%sok %d - %s" % ("" if cond else "not ", n, what), flush=True)
    return cond


def bail(what):
    ok(False, what)
    sys.stderr.write(open(app_err).read()[-16000:])
    print("# seed %d" % seed)
    print("1..%d" % n)
    sys.exit(1)


def alive():
    try:
        pid, _ = os.waitpid(app_pid, os.WNOHANG)
    except ChildProcessError:
        # not our child (started by monkey.sh): ask the kernel
        return os.path.exists("/proc/%d" % app_pid) and \
            open("/proc/%d/stat" % app_pid).read().split()[2] != "Z"
    return pid == 0


# MONKEY_LOG=FILE: each action and its xdotool words, to find what a replay
# stopped on.
LOG = open(os.environ["MONKEY_LOG"], "w", buffering=1) if os.environ.get("MONKEY_LOG") else None


def xdo(*args):
    if LOG:
        LOG.write("  xdo %s\n" % " ".join(str(a) for a in args))
    subprocess.run(["xdotool"] + [str(a) for a in args], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def top_buttons(acc, depth=0):
    """The push buttons under ACC, not those inside another (a chip's own
    status button)."""
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is None or depth > 60:
            continue
        if child.getRoleName() == "push button":
            yield child
        else:
            yield from top_buttons(child, depth + 1)


def main_frame():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        a = desktop.getChildAtIndex(i)
        if a is not None and "recoverycal" in (a.name or ""):
            for j in range(a.childCount):
                f = a.getChildAtIndex(j)
                if f is not None and f.name == "RecoveryCal":
                    return f
    return None


def wait_frame(seconds=60):
    """The main frame, waiting for it: on a loaded machine AT-SPI can lose it for a moment."""
    for _ in range(seconds * 2):
        frame = main_frame()
        if frame is not None:
            return frame
        time.sleep(0.5)
    return None


def window_geometry():
    wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^RecoveryCal$"],
                         capture_output=True, text=True).stdout.split()
    out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid[0]],
                         capture_output=True, text=True).stdout
    g = dict(line.split("=", 1) for line in out.split() if "=" in line)
    return int(g["X"]), int(g["Y"]), int(g["WIDTH"]), int(g["HEIGHT"])


def screen_boxes(match, role="push button"):
    """Screen centres of the main window's widgets of ROLE whose name MATCH accepts."""
    frame = main_frame()
    fx, fy, fw, fh = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    wx, wy, ww, wh = window_geometry()
    bx, by = max(0, (ww - fw) // 2), max(0, (wh - fh) // 2)
    found = {}
    for acc in walk(frame):
        if acc.getRoleName() == role and match(acc.name or "") and acc.name not in found:
            x, y, w, h = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            cx, cy = x + w // 2, y + h // 2
            if w > 0 and h > 0 and 0 <= cx < fw and 0 <= cy < fh:
                found[acc.name] = (wx + bx + cx, wy + by + cy)
    return found


HEADER = ["Previous", "Next", "Today", "Week", "Month", "Load",
          "Show sessions palette", "Main menu"]
# A loaded machine (or a sanitizer build) shows the X window well before
# its accessible frame is on the bus.
if wait_frame() is None:
    bail("the main window is on the AT-SPI bus")
wx, wy, ww, wh = window_geometry()
buttons = screen_boxes(lambda name: name in HEADER)
ok(len(buttons) >= 6, "the header's buttons are found over AT-SPI (%s)" % ", ".join(sorted(buttons)))
# The palette open, its tiles and the week's days noted: "plan" drags a tile
# onto a day (where they still are: paging and the month view move them).
TILES = ("Add a rest day", "Add an easy run", "Add a long run", "Add intervals", "Add a tempo run",
         "Add a race", "Add cross-training", "Add a massage")
tiles = list(screen_boxes(lambda name: name in TILES).values())
if len(tiles) < 4:
    xdo("mousemove", *buttons["Show sessions palette"], "click", 1)
    time.sleep(1)
    tiles = list(screen_boxes(lambda name: name in TILES).values())
days = list(screen_boxes(lambda name: re.match(r"^\w+day \d+ \w+ \d{4}", name) is not None,
                         "table cell").values())
ok(len(tiles) >= 4 and len(days) == 7, "palette tiles (%d) and day cells (%d) are found" % (len(tiles), len(days)))
# below the header bar, inside the window: where random hands may land
top, left, right, bottom = wy + 60, wx + 8, wx + ww - 8, wy + wh - 8


def point():
    return rng.randrange(left, right), rng.randrange(top, bottom)


def drag(x1, y1, x2, y2):
    # the recipe of tools/gui/drive.sh: past GTK's 8 px threshold, several
    # moves, a hover and a 1 px wiggle over the target, then the release
    args = ["mousemove", x1, y1, "sleep", 0.05, "mousedown", 1, "sleep", 0.05,
            "mousemove", x1 + 6, y1 + 6, "sleep", 0.02, "mousemove", x1 + 12, y1 + 12, "sleep", 0.02]
    for i in range(1, 9):
        args += ["mousemove", x1 + (x2 - x1) * i // 9, y1 + (y2 - y1) * i // 9, "sleep", 0.02]
    args += ["mousemove", x2, y2, "sleep", 0.15, "mousemove", x2 + 1, y2 + 1, "sleep", 0.15,
             "mousemove", x2, y2, "sleep", 0.15, "mouseup", 1]
    xdo(*args)
    time.sleep(0.2)


KEYS = ["Left", "Right", "Up", "Down", "Return", "space", "Escape", "Escape", "Tab",
        "shift+Tab", "Delete", "BackSpace", "Home", "t", "Page_Up", "Page_Down",
        "ctrl+z", "ctrl+shift+z", "a", "e", "r", "1", "5", "F10", "Menu"]


def act_click():
    x, y = point()
    xdo("mousemove", x, y, "click", rng.choice([1, 1, 1, 1, 3]))


def act_drag():
    drag(*point(), *point())


def act_plan():
    x1, y1 = rng.choice(tiles)
    x2, y2 = rng.choice(days)
    drag(x1, y1, x2 + rng.randrange(-40, 40), y2 + rng.randrange(-20, 60))


def act_key():
    xdo("key", "--delay", 30, *[rng.choice(KEYS) for _ in range(rng.randrange(1, 4))])


def act_storm():
    keys = rng.choice([["ctrl+z", "ctrl+shift+z"], ["Page_Up", "Page_Down"], ["ctrl+z"], ["ctrl+shift+z"]])
    xdo("key", "--delay", 20, *[rng.choice(keys) for _ in range(rng.randrange(5, 25))])


def act_header():
    name = rng.choice(sorted(buttons))
    x, y = buttons[name]
    xdo("mousemove", x, y, "click", 1)
    if name == "Main menu":   # its Quit is not for monkeys
        time.sleep(0.3)
        xdo("key", "Escape")


def act_dialog():
    xdo("key", rng.choice(["ctrl+comma", "ctrl+o", "ctrl+e"]))
    time.sleep(0.6)
    for _ in range(rng.randrange(0, 4)):
        xdo("key", rng.choice(["Tab", "Down", "space", "Up"]))
    xdo("key", "Escape")
    time.sleep(0.2)


WEIGHTS = [(act_click, 30), (act_drag, 8), (act_plan, 10), (act_key, 30), (act_storm, 8),
           (act_header, 12), (act_dialog, 5)]
choices = [f for f, w in WEIGHTS for _ in range(w)]
start = time.monotonic()
for i in range(actions):
    act = rng.choice(choices)
    if LOG:
        LOG.write("%d %s\n" % (i + 1, act.__name__))
    act()
    time.sleep(0.03)
    if i % 10 == 9 and not alive():
        bail("the app survived action %d (seed %d)" % (i + 1, seed))
    if i % 1000 == 999:
        print("# %d actions, %.0f s" % (i + 1, time.monotonic() - start), flush=True)
elapsed = time.monotonic() - start
time.sleep(1)
if not ok(alive(), "the app is alive after %d actions (%.0f s)" % (actions, elapsed)):
    bail("the app died")

# Back to a known state: dialogs and panel closed, week view. A dialog
# left open hides the main frame from AT-SPI for a moment: Escape again.
frame = None
for _ in range(10):
    xdo("key", "Escape", "Escape", "Escape")
    time.sleep(0.5)
    frame = main_frame()
    if frame is not None:
        break
if not ok(frame is not None, "the main window is found over AT-SPI after the run"):
    bail("no main window")
for acc in walk(frame):
    if acc.name == "Week" and acc.getRoleName() in ("push button", "toggle button"):
        acc.queryAction().doAction(0)
        break
time.sleep(1.5)

# What the window shows: each day cell's date and its entry chips.
shown = {}
cell_rx = re.compile(r"^\w+ (\d+) (\w+) (\d{4})(,|$)")
frame = wait_frame()
if frame is None:
    bail("the main window is on the AT-SPI bus after the Week button")
for acc in walk(frame):
    if acc.getRoleName() != "table cell":
        continue
    m = cell_rx.match(acc.name or "")
    if not m:
        continue
    day = datetime.datetime.strptime("%s %s %s" % m.group(1, 2, 3), "%d %B %Y").date()
    chips = sum(1 for c in top_buttons(acc))
    shown[day] = shown.get(day, 0) + chips
ok(len(shown) >= 7, "the week's day cells are read over AT-SPI (%d days)" % len(shown))

listing = json.loads(subprocess.run([app, "--db", db, "list", "--json"], capture_output=True,
                                    text=True, check=True).stdout)
stored = {}
for e in listing:
    d = datetime.date.fromisoformat(e["date"])
    if d in shown:
        stored[d] = stored.get(d, 0) + 1
diff = {d.isoformat(): (shown[d], stored.get(d, 0)) for d in shown if shown[d] != stored.get(d, 0)}
ok(not diff, "the window's chips agree with `recoverycal list --json` on %d days, %d entries in all%s"
   % (len(shown), len(listing), "" if not diff else " (shown, stored): %s" % diff))

con = sqlite3.connect(db)
check = con.execute("PRAGMA integrity_check").fetchall()
con.close()
ok(check == [("ok",)], "the store passes PRAGMA integrity_check (%s)" % check[:3])

# The window reads the plan again now that other processes (the CLI, the
# check above) have opened it: one whose SQLite locks were dropped (a file
# chooser reading plan.db-shm) found its -shm truncated and died of SIGBUS.
frame = wait_frame()
for acc in walk(frame) if frame is not None else []:
    if acc.name in ("Next", "Previous") and acc.getRoleName() == "push button":
        acc.queryAction().doAction(0)
        time.sleep(0.5)
time.sleep(1)
survived = ok(alive(), "the app is alive after reading the plan the CLI opened")
print("# seed %d" % seed)
print("1..%d" % n)
sys.exit(0 if not diff and check == [("ok",)] and survived else 1)
