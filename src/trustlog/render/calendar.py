"""The reminders as an iCalendar file, and what `trustlog calendar` tells the person.

A calendar syncs to other people's servers, and is often shared, so by default
no event carries a word the person wrote: the ritual's parts by name, a promise
as "Promise". `--with-words` adds a promise's words (the title cut between
words, the whole text in the description); never the contract's or the
agreements' words. `--discreet` makes every title just "Reminder".

A new kind of reminder needs one line in `TITLES` (its title with no words of
the person's) and, in domain/calendar.py, a `Reminder` with that `what`.
Times are local, in the person's named time zone when it is known (so the
calendar follows daylight saving), else "floating": the same clock time
wherever the calendar is. icalendar (about 80 ms to import) is loaded here
only, when a file is made.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustlog.domain.calendar import Reminder
from trustlog.domain.core.entry import first_line
from trustlog.render import words
from trustlog.render.output import Output

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

PRODID = "-//trustlog//calendar reminders//EN"
NEUTRAL = "Reminder"
# Each kind's title, with no word the person wrote.
TITLES = {
    "checkin": "Check-in",
    "repair": "Repair check-in",
    "date": "Date together",
    "processing": "Time to talk",
    "revisit": "Revisit our contract",
    "promise": "Promise",
}
PROMISE_CELLS = 40
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# What the events say: no words of the person's (the default), the words on request, or
# nothing at all ("Reminder").
PLAIN, WITH_WORDS, DISCREET = "plain", "with-words", "discreet"


def title(reminder: Reminder, shown: str = PLAIN) -> str:
    if shown == DISCREET:
        return NEUTRAL
    if shown == WITH_WORDS and reminder.text:
        return (
            f"{TITLES[reminder.what]}: {words.fit_words(first_line(reminder.text), PROMISE_CELLS)}"
        )
    return TITLES[reminder.what]


def description(reminder: Reminder, shown: str = PLAIN) -> str | None:
    """The person's whole words, only when asked for; else no description at all."""
    if shown == WITH_WORDS and reminder.text:
        return reminder.text.strip()
    return None


def ics(reminders: list[Reminder], zone: ZoneInfo | None, shown: str, stamp: datetime) -> bytes:
    """The iCalendar file; `stamp` (now) is every event's DTSTAMP."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    for reminder in reminders:
        calendar.add_component(_event(icalendar, reminder, zone, shown, stamp))
    if zone is not None:
        calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data


def _event(
    icalendar: Any, reminder: Reminder, zone: ZoneInfo | None, shown: str, stamp: datetime
) -> Any:
    event = icalendar.Event()
    summary = title(reminder, shown)
    event.add("uid", reminder.uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("summary", summary)
    if (text := description(reminder, shown)) is not None:
        event.add("description", text)
    if reminder.at is None:
        event.add("dtstart", reminder.first)
        alarm_at = timedelta(hours=9)  # 09:00 on the day
    else:
        event.add("dtstart", datetime.combine(reminder.first, reminder.at, tzinfo=zone))
        event.add("duration", timedelta(minutes=reminder.minutes))
        alarm_at = -timedelta(minutes=reminder.alarm_before)
    if reminder.weekdays is not None:
        rule: dict[str, Any] = {"freq": "daily"}
        if len(reminder.weekdays) < 7:
            rule = {"freq": "weekly", "byday": [BYDAY[day] for day in sorted(reminder.weekdays)]}
        if reminder.last is not None:
            rule["until"] = _until(reminder, zone)
        event.add("rrule", rule)
        if reminder.skipped and reminder.at is not None:
            at = reminder.at
            event.add("exdate", [datetime.combine(d, at, tzinfo=zone) for d in reminder.skipped])
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", alarm_at)
    event.add_component(alarm)
    return event


def _until(reminder: Reminder, zone: ZoneInfo | None) -> datetime:
    """The last occurrence's start: in UTC beside a zoned start, floating beside a floating one."""
    assert reminder.last is not None and reminder.at is not None
    last = datetime.combine(reminder.last, reminder.at, tzinfo=zone)
    return last.astimezone(UTC) if zone is not None else last


def written(
    output: Output, reminders: list[Reminder], path: Path | None, json: bool = False
) -> None:
    """What was written, and where (`path` None: to stdout, so only the file itself is said)."""
    if json:
        output.json(
            {
                "output": str(path) if path else "-",
                "events": [
                    {
                        "uid": r.uid,
                        "what": r.what,
                        "first": r.first.isoformat(),
                        "time": r.at.strftime("%H:%M") if r.at else None,
                        "weekdays": [BYDAY[d] for d in sorted(r.weekdays)] if r.weekdays else None,
                        "last": r.last.isoformat() if r.last else None,
                    }
                    for r in reminders
                ],
            }
        )
        return
    if path is None:
        return
    output.say(f"Wrote {words.count(len(reminders), 'reminder')} to {path} (only you can read it).")
    if not reminders:
        output.say(
            'Nothing to remind of yet: `trustlog ritual plan --repair "sun 19:00"` '
            "or a promise with --due adds one."
        )
    output.say("Import it into your calendar app; importing a newer one updates the same events.")


def to_stdout(data: bytes) -> None:
    import sys

    from trustlog.render.stdout import naming_stdout

    with naming_stdout():
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
