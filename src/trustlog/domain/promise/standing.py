"""How each promise stands: its figures and calendar, what is due on a day, and at a glance.

Every scheduled day of a promise is kept, broken (perhaps repaired), or not
yet recorded. The figures (strength, runs, the calendar of the last weeks)
are worked out from the marks each time; nothing is cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from trustlog.domain.promise.model import BROKEN, KEPT, Mark, Promise
from trustlog.domain.promise.schedule import (
    describe_schedule,
    is_scheduled,
    last_day,
    mark_value,
    scheduled_days,
    strength,
)
from trustlog.domain.promise.service import load_marks, load_promises
from trustlog.storage.journal import Journal

CALENDAR_WEEKS = 4
DASHBOARD_DAYS_BACK = 6  # "the last few days": the week before today

# What a scheduled day can be: KEPT, BROKEN (the outcomes of a mark), or one of
# these. "repaired" is a broken day with a logged repair.
REPAIRED, UNRECORDED = "repaired", "unrecorded"
NOT_SCHEDULED, FUTURE = "not_scheduled", "future"
PAUSED = "paused"  # a day set aside (`promise pause`): shown in `promise list`, due on no day


@dataclass
class CalendarDay:
    """One day of a promise's calendar, and how it stands."""

    date: date
    status: str


@dataclass
class PromiseStanding:
    """One promise as `promise list` shows it, worked out as of `today`."""

    promise: Promise
    today: date
    schedule: str
    active: bool
    today_status: str
    strength: float | None  # None until a day is recorded
    current_run: int
    longest_run: int
    kept: int
    broken: int  # broken and not repaired
    repaired: int
    unrecorded: int  # scheduled days before today with no mark
    calendar: list[CalendarDay] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            **self.promise.to_json(),
            "schedule": self.schedule,
            "active": self.active,
            "as_of": self.today.isoformat(),
            "today": self.today_status,
            "strength": self.strength,
            "current_run": self.current_run,
            "longest_run": self.longest_run,
            "kept": self.kept,
            "broken": self.broken,
            "repaired": self.repaired,
            "unrecorded": self.unrecorded,
            "calendar": [{"date": d.date.isoformat(), "status": d.status} for d in self.calendar],
        }


def day_status(promise: Promise, day: date, marks: dict[date, Mark], today: date) -> str:
    if day > today:
        return FUTURE
    if not is_scheduled(promise, day):
        return NOT_SCHEDULED
    mark = marks.get(day)
    if mark is None:
        return UNRECORDED
    if mark.outcome == KEPT:
        return KEPT
    return REPAIRED if mark.repaired else BROKEN


def shown_status(promise: Promise, day: date, marks: dict[date, Mark], today: date) -> str:
    """`day_status`, with a paused day (not scheduled) shown as paused."""
    status = day_status(promise, day, marks, today)
    return PAUSED if status == NOT_SCHEDULED and promise.paused_on(day) else status


def figures(
    promise: Promise, marks: dict[date, Mark], today: date, weeks: int = CALENDAR_WEEKS
) -> PromiseStanding:
    """Strength, runs, counts and calendar of one promise, from its marks up to `today`."""
    days = list(scheduled_days(promise, promise.start, today))
    statuses = [day_status(promise, day, marks, today) for day in days]
    recorded = [marks[day] for day in days if day in marks]
    longest = run = 0
    for day, status in zip(days, statuses, strict=True):
        if status == KEPT:
            run += 1
            longest = max(longest, run)
        elif not (day == today and status == UNRECORDED):  # today is still open
            run = 0
    counts = {status: statuses.count(status) for status in (KEPT, BROKEN, REPAIRED, UNRECORDED)}
    if days and days[-1] == today and statuses[-1] == UNRECORDED:
        counts[UNRECORDED] -= 1
    end = last_day(promise)
    first_shown = week_start(today) - timedelta(weeks=weeks - 1)
    return PromiseStanding(
        promise=promise,
        today=today,
        schedule=describe_schedule(promise),
        active=promise.retired is None and (end is None or end >= today),
        today_status=shown_status(promise, today, marks, today),
        strength=strength(mark_value(mark) for mark in recorded) if recorded else None,
        current_run=run,
        longest_run=longest,
        kept=counts[KEPT],
        broken=counts[BROKEN],
        repaired=counts[REPAIRED],
        unrecorded=counts[UNRECORDED],
        calendar=[
            CalendarDay(day, shown_status(promise, day, marks, today))
            for day in (first_shown + timedelta(days=n) for n in range(weeks * 7))
        ],
    )


def list_promises(
    journal: Journal, today: date, include_all: bool = False
) -> list[PromiseStanding]:
    """The promises to show (active or still to start, or all), each with its figures.

    Marks are read from the earliest start among them (or the calendar's first
    day, if later): the strength looks back over every recorded day.
    """
    promises = [p for p in load_promises(journal) if include_all or _current(p, today)]
    if not promises:
        return []
    first = min([p.start for p in promises] + [week_start(today) - timedelta(weeks=3)])
    marks = load_marks(journal, first, today)
    return [figures(p, marks.get(p.id, {}), today) for p in promises]


def _asks(promise: Promise, day: date) -> bool:
    return promise.retired is None or promise.retired > day


def _current(promise: Promise, today: date) -> bool:
    end = last_day(promise)
    return promise.retired is None and (end is None or end >= today)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


# -- what is due -----------------------------------------------------------------


@dataclass
class DueDay:
    """One scheduled day of a promise, with how it stands."""

    promise: Promise
    date: date
    status: str
    mark: Mark | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.promise.id,
            "text": self.promise.text,
            "date": self.date.isoformat(),
            "due": self.promise.due,
            "status": self.status,
        }


def due_on(journal: Journal, day: date) -> list[DueDay]:
    """The promises scheduled on `day`, each with its mark if it has one; reads one month.

    A promise retired on or before `day` is left out: retiring it means no more asking,
    though its last day can still be marked by flag.
    """
    promises = [p for p in load_promises(journal) if is_scheduled(p, day) and _asks(p, day)]
    if not promises:
        return []
    marks = load_marks(journal, day, day)
    found = []
    for promise in promises:
        by_day = marks.get(promise.id, {})
        found.append(DueDay(promise, day, day_status(promise, day, by_day, day), by_day.get(day)))
    return sorted(found, key=lambda d: (d.promise.due or "99:99", d.promise.start, d.promise.id))


@dataclass
class PromisesAtAGlance:
    today: list[DueDay]
    unrecorded: list[DueDay]  # the last few days before today, oldest first


def at_a_glance(
    journal: Journal, today: date, days_back: int = DASHBOARD_DAYS_BACK
) -> PromisesAtAGlance:
    """What is due today, and what is still unrecorded from the last few days.

    Reads the promises folder and the marks of those few days only. Retired promises
    are left out: they no longer ask for anything.
    """
    promises = [p for p in load_promises(journal) if _asks(p, today)]
    first = today - timedelta(days=days_back)
    if not promises:
        return PromisesAtAGlance([], [])
    marks = load_marks(journal, first, today)
    due_today, open_days = [], []
    for promise in promises:
        by_day = marks.get(promise.id, {})
        for day in scheduled_days(promise, first, today):
            status = day_status(promise, day, by_day, today)
            if day == today:
                due_today.append(DueDay(promise, day, status, by_day.get(day)))
            elif status == UNRECORDED:
                open_days.append(DueDay(promise, day, status))
    due_today.sort(key=lambda d: (d.promise.due or "99:99", d.promise.start, d.promise.id))
    open_days.sort(key=lambda d: (d.date, d.promise.start, d.promise.id))
    return PromisesAtAGlance(due_today, open_days)
