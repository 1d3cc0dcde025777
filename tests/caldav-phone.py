#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""caldav-phone.py CALENDAR-URL COMMAND ... - a second, independent CalDAV
client (python3-caldav, python3-icalendar) playing the runner's phone.
The user and password come from RC_PHONE_USER and RC_PHONE_PASSWORD.

  weekly UID YYYYMMDD COUNT SUMMARY
      creates a weekly event at 07:00 Europe/Berlin from that day, COUNT
      times, with an alarm and CATEGORIES:Phone
  exdate UID YYYYMMDD
      leaves out that day's occurrence (an EXDATE on the event)
  rrule UID RULE
      gives the event the recurrence rule RULE ("FREQ=WEEKLY;COUNT=7")
  list
      prints each event of the calendar, one line each, sorted:
      "2026-12-03 allday transp=TRANSPARENT summary=Ideal massage day"
  show UID
      prints each VEVENT of the event's resource, one line each:
      "master start=... exdates=... alarms=N categories=..." or
      "override rid=... start=... status=... alarms=N categories=..."
      (times in UTC, YYYYMMDDTHHMMSSZ; dates as YYYYMMDD)
"""

import datetime
import os
import re
import sys

import caldav
import icalendar

BERLIN = """BEGIN:VTIMEZONE\r
TZID:Europe/Berlin\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
"""


def calendar(url):
    client = caldav.DAVClient(url, username=os.environ["RC_PHONE_USER"],
                              password=os.environ["RC_PHONE_PASSWORD"])
    return client.calendar(url=url)


def when(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc)
        return value.strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def weekly(cal, uid, day, count, summary):
    cal.save_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\n" + BERLIN +
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{day}T070000\r\n"
        f"DTEND;TZID=Europe/Berlin:{day}T080000\r\n"
        f"RRULE:FREQ=WEEKLY;COUNT={count}\r\nSUMMARY:{summary}\r\nCATEGORIES:Phone\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Run\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n")


def exdate(cal, uid, day):
    event = cal.event_by_uid(uid)
    ical = icalendar.Calendar.from_ical(event.data)
    for comp in ical.walk("VEVENT"):
        if "RECURRENCE-ID" not in comp:
            start = comp["DTSTART"].dt
            comp.add("EXDATE", start.replace(year=int(day[:4]), month=int(day[4:6]), day=int(day[6:])))
    event.data = ical.to_ical().decode("utf-8")
    event.save()


def rrule(cal, uid, rule):
    event = cal.event_by_uid(uid)
    # the event's own rule, not its time zone's (FREQ=YEARLY)
    event.data = re.sub(r"(?m)^RRULE:FREQ=(?!YEARLY)[^\r\n]*", "RRULE:" + rule, event.data, count=1)
    event.save()


def categories(comp):
    value = comp.get("CATEGORIES")
    if value is None:
        return "-"
    items = value if isinstance(value, list) else [value]
    return ",".join(str(c) for item in items for c in item.cats)


def show(cal, uid):
    event = cal.event_by_uid(uid)
    for comp in icalendar.Calendar.from_ical(event.data).walk("VEVENT"):
        alarms = len(comp.walk("VALARM"))
        start = when(comp["DTSTART"].dt)
        if "RECURRENCE-ID" in comp:
            status = comp.get("X-RECOVERYCAL-STATUS", "-")
            print(f"override rid={when(comp['RECURRENCE-ID'].dt)} start={start} status={status} "
                  f"alarms={alarms} categories={categories(comp)}")
        else:
            found = comp.get("EXDATE", [])
            found = found if isinstance(found, list) else [found]
            days = sorted(when(d.dt) for e in found for d in e.dts)
            print(f"master start={start} exdates={','.join(days) or '-'} "
                  f"alarms={alarms} categories={categories(comp)}")


def list_events(cal):
    lines = []
    for event in cal.events():
        for comp in icalendar.Calendar.from_ical(event.data).walk("VEVENT"):
            start = comp["DTSTART"].dt
            kind = "timed" if isinstance(start, datetime.datetime) else "allday"
            lines.append(f"{start:%Y-%m-%d} {kind} transp={comp.get('TRANSP', '-')} "
                         f"summary={comp.get('SUMMARY', '')}")
    for line in sorted(lines):
        print(line)


def main():
    url, command, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    cal = calendar(url)
    if command == "weekly":
        weekly(cal, args[0], args[1], int(args[2]), args[3])
    elif command == "exdate":
        exdate(cal, args[0], args[1])
    elif command == "rrule":
        rrule(cal, args[0], args[1])
    elif command == "list":
        list_events(cal)
    elif command == "show":
        show(cal, args[0])
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
