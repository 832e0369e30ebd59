"""What `trustlog calendar` puts in the person's own calendar: plain data, no file format.

Each `Reminder` is one event, once or recurring on weekdays: the daily
check-in at the time `trustlog remind set` chose (when one is set), the planned
ritual's weekly times, the repair contract's next revisit when there is one (all
day), and each active promise with a due time (on exactly the days its
schedule names, from its first scheduled day to its last). render/calendar.py writes
them as iCalendar. Each has a stable UID made from its record's id, so
importing a newer file updates the events instead of adding twins.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from trustlog.domain.contract.model import Contract
from trustlog.domain.contract.service import load_revisions
from trustlog.domain.promise.model import Promise
from trustlog.domain.promise.schedule import last_day, scheduled_days, weekdays_of
from trustlog.domain.promise.service import load_promises, parse_due
from trustlog.domain.ritual.model import REPAIR, Plan, slot_parts
from trustlog.domain.ritual.service import load_plan, next_time
from trustlog.errors import InputError
from trustlog.storage.journal import Journal

UID_DOMAIN = "trustlog"
RITUAL_MINUTES = {REPAIR: 30, "date": 120, "processing": 30}
PROMISE_MINUTES = 15
CHECKIN_MINUTES = 10  # "10-minute daily check-ins"
EVERY_DAY = frozenset(range(7))
ALARM_BEFORE = 30  # minutes: time to get ready, or to keep the promise


@dataclass(frozen=True)
class Reminder:
    uid: str
    what: str
    """checkin, repair, date, processing, promise or revisit: the renderer words the title."""
    text: str | None
    """A promise's own words (the renderer shortens them); None for the others."""
    first: date
    at: time | None
    """Local time of day; None: an all-day event."""
    minutes: int
    weekdays: frozenset[int] | None
    """The weekdays it repeats on (0 Monday); None: once, on `first`."""
    last: date | None = None
    """The last day it repeats; None: no end."""
    alarm_before: int = ALARM_BEFORE
    skipped: tuple[date, ...] = ()
    """Days it would repeat on but does not: a promise's paused days (`promise pause`)."""


def uid(what: str, record_id: str) -> str:
    return f"{what}-{record_id}@{UID_DOMAIN}"


def reminders(journal: Journal, today: date, checkin_at: time | None = None) -> list[Reminder]:
    """Every reminder the journal holds today: the daily check-in at `checkin_at` (the
    reminder's time, None: none), the weekly plan, the contract's revisit, then the
    promises."""
    found = checkin_reminder(checkin_at, today)
    found += plan_reminders(load_plan(journal))
    found += revisit_reminder(load_revisions(journal))
    found += [
        reminder
        for promise in load_promises(journal)
        if (reminder := promise_reminder(promise, today)) is not None
    ]
    return found


def checkin_reminder(at: time | None, today: date) -> list[Reminder]:
    """The daily check-in, from today, its alarm at the time itself. Its UID is the same
    whatever the time, so moving the reminder moves the one event."""
    if at is None:
        return []
    return [
        Reminder(
            uid=uid("checkin", "daily"),
            what="checkin",
            text=None,
            first=today,
            at=at,
            minutes=CHECKIN_MINUTES,
            weekdays=EVERY_DAY,
            alarm_before=0,
        )
    ]


def plan_reminders(plan: Plan | None) -> list[Reminder]:
    if plan is None:
        return []
    slots = [(REPAIR, plan.repair, ""), ("date", plan.fun_date, "")]
    slots += [("processing", slot, str(n)) for n, slot in enumerate(plan.processing, 1)]
    found = []
    for what, slot, number in slots:
        if slot is None:
            continue
        weekday, hour, minute = slot_parts(slot)
        found.append(
            Reminder(
                uid=uid(f"{what}{number}", plan.id),
                what=what,
                text=None,
                first=next_time(weekday, plan.since),
                at=time(hour, minute),
                minutes=RITUAL_MINUTES[what],
                weekdays=frozenset({weekday}),
            )
        )
    return found


def revisit_reminder(revisions: list[Contract]) -> list[Reminder]:
    """The current revision's revisit, all day. Its UID comes from the first revision, so a
    new revision moves the one event instead of leaving the old date behind."""
    if not revisions:
        return []
    return [
        Reminder(
            uid=uid("revisit", revisions[0].id),
            what="revisit",
            text=None,  # never the contract's words
            first=revisions[-1].revisit,
            at=None,
            minutes=0,
            weekdays=None,
        )
    ]


def promise_reminder(promise: Promise, today: date) -> Reminder | None:
    """An active promise with a due time, on the days it is scheduled; else None."""
    end = last_day(promise)
    # Current as `promise list` counts it: not retired, and not past its last day.
    if promise.due is None or promise.retired is not None or (end is not None and end < today):
        return None
    try:
        hour, minute = (int(part) for part in parse_due(promise.due).split(":"))
    except InputError:
        return None  # a due time broken by hand: no reminder rather than a wrong one
    start = promise.once or promise.start
    weekdays = None if promise.once else weekdays_of(promise.every)
    # The first day it would repeat on, paused or not: paused days are left out below.
    unpaused = replace(promise, paused=[])
    first = next(scheduled_days(unpaused, start, start + timedelta(days=6)), None)
    if first is None:
        return None
    # A paused day is not a scheduled day (CONTRACT.md): an open pause ends the series the
    # day before it starts; a pause with an end takes its days out of it.
    running = promise.open_pause
    if running is not None:
        before = running.first - timedelta(days=1)
        end = before if end is None else min(end, before)
        if end < first:
            return None
    skipped = tuple(
        day
        for span in promise.paused
        if span.last is not None
        for day in scheduled_days(unpaused, max(span.first, first), span.last)
        if end is None or day <= end
    )
    if promise.once and skipped:
        return None  # its one day is paused
    return Reminder(
        uid=uid("promise", promise.id),
        what="promise",
        text=promise.text,
        first=first,
        at=time(hour, minute),
        minutes=PROMISE_MINUTES,
        weekdays=weekdays,
        last=None if promise.once else end,
        skipped=skipped,
    )
