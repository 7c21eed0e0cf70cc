#!/usr/bin/env python3
"""Reads an iCalendar file with the icalendar package and prints its events as JSON.

Used by the calendar test (Tests/EndToEndTests/CalendarTests.swift): parsing with an independent,
widely used parser shows that followup's escaping, folding and structure are what calendars read.
Usage: scripts/ics-events.py FILE.ics
"""
import json
import sys

import icalendar


def text(value):
    return None if value is None else str(value)


def main(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    calendar = icalendar.Calendar.from_ical(raw)
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        alarms = [
            {"action": text(alarm.get("ACTION")), "trigger": str(alarm.decoded("TRIGGER")),
             "description": text(alarm.get("DESCRIPTION"))}
            for alarm in event.walk("VALARM")
        ]
        events.append({
            "uid": text(event.get("UID")),
            "start": start.isoformat(),
            "start_is_date": type(start).__name__ == "date",
            "end": end.isoformat(),
            "stamp": event.decoded("DTSTAMP").isoformat(),
            "summary": text(event.get("SUMMARY")),
            "description": text(event.get("DESCRIPTION")),
            "alarms": alarms,
        })
    json.dump({
        "version": text(calendar.get("VERSION")),
        "prodid": text(calendar.get("PRODID")),
        "errors": [str(error) for component in calendar.walk() for error in getattr(component, "errors", [])],
        "events": events,
    }, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
