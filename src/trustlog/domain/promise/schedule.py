"""When a promise is due, in dates and in words, and the forgiving strength score (`report`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from trustlog.domain.promise.model import Mark, Promise
from trustlog.errors import InputError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_WORDS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NAMED = {
    "daily": frozenset(range(7)),
    "weekdays": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
}

# s ← s·m + v·(1−m): a kept day lifts the score, a missed one lowers it, and a
# day 13 recorded days back weighs half as much as today. Nothing resets to zero.
STRENGTH_M = 0.5 ** (1 / 13)
VALUE_KEPT = 1.0
VALUE_REPAIRED = 0.5
VALUE_BROKEN = 0.0
# Strength starts at 0, so early on it mostly says "new": two kept days read 10%,
# which looks like failure. Once 14 days are recorded the days themselves weigh
# more than the start (m^14 < 0.5), so screens show it from then on, and lead with
# follow-through (kept of recorded) before. The JSON always carries the figure.
STRENGTH_SHOWN_FROM = 14


def parse_every(text: str, flag: str = "--every") -> str:
    """`daily`, `weekdays`, `weekends` or weekday names (`mon,wed,fri`), normalised."""
    cleaned = text.strip().lower().replace(" ", "")
    if cleaned in NAMED:
        return cleaned
    names = [part for part in cleaned.split(",") if part]
    days = []
    for name in names:
        short = name[:3]
        if short not in WEEKDAYS or not FULL_NAMES[WEEKDAYS.index(short)].startswith(name):
            raise InputError(
                f"{flag}: '{text}' is not a schedule I know. Use daily, weekdays, weekends, "
                "or days like mon,wed,fri."
            )
        days.append(WEEKDAYS.index(short))
    if not days:
        raise InputError(f"{flag}: please name at least one day, such as mon,thu.")
    return ",".join(WEEKDAYS[day] for day in sorted(set(days)))


def weekdays_of(every: str | None) -> frozenset[int]:
    if every is None:
        return NAMED["daily"]
    if every in NAMED:
        return NAMED[every]
    return frozenset(WEEKDAYS.index(name) for name in every.split(","))


def last_day(promise: Promise) -> date | None:
    """The last day a promise is scheduled: its end, or the day it was retired."""
    ends = [day for day in (promise.end, promise.retired, promise.once) if day is not None]
    return min(ends) if ends else None


def is_active(promise: Promise, day: date) -> bool:
    end = last_day(promise)
    return promise.start <= day and (end is None or day <= end)


def is_scheduled(promise: Promise, day: date) -> bool:
    """Whether `promise` is due on `day`: a paused day (`promise pause`) is not scheduled."""
    if promise.paused and promise.paused_on(day):
        return False
    if promise.once is not None:
        return day == promise.once and (promise.retired is None or day <= promise.retired)
    return is_active(promise, day) and day.weekday() in weekdays_of(promise.every)


def scheduled_days(promise: Promise, start: date, end: date) -> Iterator[date]:
    """The days from `start` to `end` (inclusive) on which `promise` is due."""
    first = max(start, promise.once or promise.start)
    stop = min(end, last_day(promise) or end)
    day = first
    while day <= stop:
        if is_scheduled(promise, day):
            yield day
        day += timedelta(days=1)


def describe_schedule(promise: Promise) -> str:
    """The schedule in words: "every day", "weekdays", "Mon, Thu", "once, on 2026-12-01"."""
    if promise.once is not None:
        words = f"once, on {promise.once:%a} {promise.once.isoformat()}"
    elif promise.every in (None, "daily"):
        words = "every day"
    elif promise.every in ("weekdays", "weekends"):
        words = f"on {promise.every}"
    else:
        assert promise.every is not None
        days = [_DAY_WORDS[WEEKDAYS.index(name)] for name in promise.every.split(",")]
        words = "on " + ", ".join(days)
    if promise.due:
        words += f", by {promise.due}"
    return words


def mark_value(mark: Mark) -> float:
    if mark.outcome == "kept":
        return VALUE_KEPT
    return VALUE_REPAIRED if mark.repaired else VALUE_BROKEN


def strength(values: Iterable[float], start: float = 0.0) -> float:
    """The forgiving score after `values` (one per recorded day, oldest first)."""
    score = start
    for value in values:
        score = score * STRENGTH_M + value * (1 - STRENGTH_M)
    return score
