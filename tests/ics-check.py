#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# ics-check.py - read an .ics with python3-icalendar, an independent parser.
#
# Prints one line per VEVENT: UID, DTSTART and DTEND (ISO 8601; timed values
# with their UTC offset), TRANSP and X-RECOVERYCAL-KIND, tab-separated.
# Exit 77 (skip) when python3-icalendar is missing, 1 when the file is refused.

import datetime
import sys

try:
    import icalendar
except ImportError:
    sys.exit(77)


def iso(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.isoformat() + "(floating)"
        return value.isoformat()
    return value.isoformat()


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    for event in cal.walk("VEVENT"):
        start = iso(event.decoded("DTSTART"))
        end = iso(event.decoded("DTEND")) if "DTEND" in event else "-"
        transp = str(event.get("TRANSP", "OPAQUE"))
        kind = str(event.get("X-RECOVERYCAL-KIND", "-"))
        print("\t".join([str(event["UID"]), start, end, transp, kind]))


if __name__ == "__main__":
    main(sys.argv[1])
