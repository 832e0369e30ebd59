"""The progress report: the five markers for a month or an ISO week, beside the period before.

Every figure follows CONTRACT.md (`report`). What the report reads: the month
folders from the start of the previous period (or four weeks before this one,
for the "kept four weeks running" milestone) to the end of this period, the
promise files, and one cached tally of everything earlier (domain/history.py).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from trustlog.domain import history
from trustlog.domain.checkin import KIND as CHECKIN
from trustlog.domain.checkin import Checkin
from trustlog.domain.period import MONTH, Period
from trustlog.domain.promise import MARK, Mark, Promise
from trustlog.domain.schedule import is_active, last_day, mark_value, scheduled_days, strength
from trustlog.domain.trigger import KIND as TRIGGER
from trustlog.domain.trigger import Trigger
from trustlog.storage.journal import Journal

BETTER, WORSE, SAME = "better", "worse", "same"
KEPT_RUN_DAYS = 28  # "a promise kept four weeks running"
CHECKIN_DAY_MILESTONES = (30, 100, 200, 365, 500, 730, 1000)
FIRST_FULL_WEEK = 7
LOW_TRUST = 3.0  # of 10: "trust stayed low" when both periods average at or below this
STEADY_TRUST = 7.0
STEADY_FOLLOW_THROUGH = 0.8
STEADY_MIN_DAYS = 12  # check-in days in each of the two months to call them steady


@dataclass
class PromiseFigures:
    kept: int = 0
    broken: int = 0  # broken and not repaired
    repaired: int = 0  # broken, then repaired
    unrecorded: int = 0
    strength: float | None = None

    @property
    def follow_through(self) -> float | None:
        """kept / (kept + broken), a repaired day counting as broken; unrecorded days left out."""
        recorded = self.kept + self.broken + self.repaired
        return self.kept / recorded if recorded else None

    def to_json(self) -> dict[str, Any]:
        return {
            "kept": self.kept,
            "broken": self.broken,
            "repaired": self.repaired,
            "unrecorded": self.unrecorded,
            "follow_through": self.follow_through,
            "strength": self.strength,
        }


@dataclass
class TriggerFigures:
    """The triggers that started inside the period: when, and minutes to settle (None: not yet)."""

    items: list[tuple[datetime, float | None]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def settled(self) -> list[float]:
        return [minutes for _, minutes in self.items if minutes is not None]

    @property
    def resolved(self) -> int:
        return len(self.settled)

    @property
    def median_recovery_minutes(self) -> float | None:
        settled = self.settled
        return float(statistics.median(settled)) if settled else None

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "resolved": self.resolved,
            "median_recovery_minutes": self.median_recovery_minutes,
        }


@dataclass
class Day:
    """One day of the period, for the sparklines and the calendar."""

    date: date
    checkin: bool = False
    mood: float | None = None
    trust: float | None = None
    kept: int = 0
    broken: int = 0
    repaired: int = 0
    unrecorded: int = 0
    triggers: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "checkin": self.checkin,
            "mood": self.mood,
            "trust": self.trust,
            "kept": self.kept,
            "broken": self.broken,
            "repaired": self.repaired,
            "unrecorded": self.unrecorded,
            "triggers": self.triggers,
        }


@dataclass
class Figures:
    """Every figure of one period."""

    period: Period
    checkin_days: int = 0
    longest_streak: int = 0
    mood_average: float | None = None
    trust_average: float | None = None
    promises: PromiseFigures = field(default_factory=PromiseFigures)
    triggers: TriggerFigures = field(default_factory=TriggerFigures)
    arguments: int = 0
    repeats: int = 0
    affection: int = 0
    detective: int = 0
    days: list[Day] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        p = self.promises
        recorded = p.kept + p.broken + p.repaired
        return not (self.checkin_days or recorded or self.triggers.count)

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period.to_json(),
            "checkins": {"days": self.checkin_days, "longest_streak": self.longest_streak},
            "mood": {"average": self.mood_average},
            "trust": {"average": self.trust_average},
            "promises": self.promises.to_json(),
            "triggers": self.triggers.to_json(),
            "arguments": {"count": self.arguments, "repeats": self.repeats},
            "affection": {"count": self.affection},
            "detective_work": {"count": self.detective},
        }


@dataclass
class Report:
    current: Figures
    previous: Figures
    as_of: date
    today: date
    trends: dict[str, str | None] = field(default_factory=dict)
    milestones: list[str] = field(default_factory=list)
    setbacks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.current.empty

    def to_json(self) -> dict[str, Any]:
        return {
            **self.current.to_json(),
            "previous": self.previous.to_json(),
            "trends": dict(self.trends),
            "milestones": list(self.milestones),
            "notes": list(self.notes),
            "setbacks": list(self.setbacks),
            "as_of": self.as_of.isoformat(),
            "days": [day.to_json() for day in self.current.days],
        }


# -- building -------------------------------------------------------------------


def build_report(journal: Journal, period: Period, today: date) -> Report:
    """Every figure of `period` and of the period before, with trends, milestones and notes."""
    previous = period.previous()
    first_day = min(previous.start, period.start - timedelta(days=KEPT_RUN_DAYS))
    months = _months(first_day, period.end)
    tally = history.tally_before(journal, *months[0])
    checkins: list[Checkin] = []
    marks: list[Mark] = []
    triggers: list[Trigger] = []
    for year, month in months:
        records = history.read_month(journal, year, month, (CHECKIN, MARK, TRIGGER))
        checkins += records.checkins
        marks += records.marks
        triggers += records.triggers
    promises = history.promise_schedules(journal)
    as_of = _as_of(period, today)

    # Repeats look back over all history: fold every check-in up to the period's end.
    repeats: list[int] = []
    before_period: tuple[int, int] | None = None  # (check-in days, longest run) so far
    for checkin in checkins:
        if checkin.date > period.end:
            break
        if before_period is None and checkin.date >= period.start:
            before_period = (tally.checkin_days, tally.longest_run)
        repeats.append(tally.add_checkin(checkin))
    if before_period is None:
        before_period = (tally.checkin_days, tally.longest_run)

    outcomes = {(mark.promise, mark.date): mark for mark in marks}
    current, earlier = Figures(period), Figures(previous)
    for figures in (current, earlier):
        inside = [i for i, c in enumerate(checkins[: len(repeats)]) if c.date in figures.period]
        _checkin_figures(figures, [checkins[i] for i in inside], [repeats[i] for i in inside])
        _promise_figures(figures, promises, outcomes, today)
        end = _as_of(figures.period, today)
        figures.promises.strength = _strength(tally.scores, marks, promises, end)
        figures.triggers = TriggerFigures(
            [(t.at, t.recovery_minutes) for t in triggers if t.day in figures.period]
        )
        by_day = {day.date: day for day in figures.days}
        for started, _ in figures.triggers.items:
            by_day[started.date()].triggers += 1

    report = Report(current, earlier, as_of, today)
    report.trends = _trends(current, earlier)
    report.milestones = _milestones(
        journal,
        current,
        earlier,
        before_period,
        (tally.checkin_days, tally.longest_run),
        promises,
        outcomes,
        as_of,
    )
    report.setbacks = _setbacks(current, earlier, report.trends)
    report.notes = _notes(current, earlier)
    return report


def _months(start: date, end: date) -> list[tuple[int, int]]:
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _as_of(period: Period, today: date) -> date:
    """The day the period's figures stand at: its end, or today while it is still running."""
    if period.start <= today < period.end:
        return today
    return period.end


# -- figures ----------------------------------------------------------------------


def _checkin_figures(figures: Figures, checkins: list[Checkin], repeats: list[int]) -> None:
    days = {each: Day(each) for each in figures.period.days()}
    moods: dict[date, list[int]] = {}
    trusts: dict[date, list[int]] = {}
    for checkin in checkins:
        days[checkin.date].checkin = True
        if checkin.mood is not None:
            moods.setdefault(checkin.date, []).append(checkin.mood)
        if checkin.trust is not None:
            trusts.setdefault(checkin.date, []).append(checkin.trust)
        figures.affection += checkin.affection or 0
        figures.detective += checkin.detective or 0
        figures.arguments += sum(1 for topic in checkin.arguments if topic.strip())
    figures.repeats = sum(repeats)
    for when, found in moods.items():
        days[when].mood = statistics.fmean(found)
    for when, found in trusts.items():
        days[when].trust = statistics.fmean(found)
    every_mood = [c.mood for c in checkins if c.mood is not None]
    every_trust = [c.trust for c in checkins if c.trust is not None]
    figures.mood_average = statistics.fmean(every_mood) if every_mood else None
    figures.trust_average = statistics.fmean(every_trust) if every_trust else None
    figures.checkin_days = sum(1 for day in days.values() if day.checkin)
    run = longest = 0
    for day in days.values():
        run = run + 1 if day.checkin else 0
        longest = max(longest, run)
    figures.longest_streak = longest
    figures.days = list(days.values())


def _promise_figures(
    figures: Figures,
    promises: list[Promise],
    outcomes: dict[tuple[str, date], Mark],
    today: date,
) -> None:
    """Each scheduled day of the period is kept, broken, repaired, or (up to today) unrecorded."""
    by_day = {day.date: day for day in figures.days}
    tally = figures.promises
    for promise in promises:
        for day in scheduled_days(promise, figures.period.start, figures.period.end):
            mark = outcomes.get((promise.id, day))
            slot = by_day[day]
            if mark is None:
                if day <= today:
                    tally.unrecorded += 1
                    slot.unrecorded += 1
            elif mark.outcome == "kept":
                tally.kept += 1
                slot.kept += 1
            elif mark.repaired:
                tally.repaired += 1
                slot.repaired += 1
            else:
                tally.broken += 1
                slot.broken += 1


def _strength(
    cached: dict[str, float], marks: list[Mark], promises: list[Promise], end: date
) -> float | None:
    """The forgiving score at `end`, averaged over the promises active that day."""
    active = [promise for promise in promises if is_active(promise, end)]
    if not active:
        return None
    scores = []
    for promise in active:
        values = [
            mark_value(mark) for mark in marks if mark.promise == promise.id and mark.date <= end
        ]
        scores.append(strength(values, start=cached.get(promise.id, 0.0)))
    return statistics.fmean(scores)


# -- trends, milestones, setbacks, notes -------------------------------------------------


def _compare(now: float | None, before: float | None, higher_is_better: bool) -> str | None:
    """better / worse / same; "same" means equal as a person sees them (see _shown)."""
    if now is None or before is None:
        return None
    if now == before:
        return SAME
    return BETTER if (now > before) == higher_is_better else WORSE


def _shown_percent(value: float | None) -> float | None:
    return None if value is None else float(round(value * 100))


def _shown_minutes(value: float | None) -> float | None:
    return None if value is None else float(round(value))


def _trends(now: Figures, before: Figures) -> dict[str, str | None]:
    """Counts from check-ins have no trend when either period has no check-in at all:
    a period with nothing written down is not "zero arguments", it is unknown."""
    both_checked_in = now.checkin_days > 0 and before.checkin_days > 0

    def counted(a: int, b: int, higher_is_better: bool) -> str | None:
        return _compare(a, b, higher_is_better) if both_checked_in else None

    return {
        "follow_through": _compare(
            _shown_percent(now.promises.follow_through),
            _shown_percent(before.promises.follow_through),
            higher_is_better=True,
        ),
        "median_recovery_minutes": _compare(
            _shown_minutes(now.triggers.median_recovery_minutes),
            _shown_minutes(before.triggers.median_recovery_minutes),
            higher_is_better=False,
        ),
        "repeats": counted(now.repeats, before.repeats, higher_is_better=False),
        "affection": counted(now.affection, before.affection, higher_is_better=True),
        "detective_work": counted(now.detective, before.detective, higher_is_better=False),
    }


def _milestones(
    journal: Journal,
    now: Figures,
    before: Figures,
    start: tuple[int, int],
    end: tuple[int, int],
    promises: list[Promise],
    outcomes: dict[tuple[str, date], Mark],
    as_of: date,
) -> list[str]:
    """Firsts and round numbers reached inside this period, one warm line each."""
    found: list[str] = []
    days_before, longest_before = start
    days_after, longest_after = end
    if longest_before < FIRST_FULL_WEEK <= longest_after:
        found.append("Your first full week of check-ins: seven days in a row.")
    crossed = [n for n in CHECKIN_DAY_MILESTONES if days_before < n <= days_after]
    if crossed:
        found.append(f"{crossed[-1]} check-in days in all. Showing up like this is the work.")
    for promise in promises:
        last = last_day(promise)
        if promise.once is not None or (last is not None and last < now.period.start):
            continue
        if _kept_run_reached(promise, outcomes, now.period, as_of):
            text = history.promise_text(journal, promise)
            found.append(f'You kept "{text}" on every day it was due, four weeks running.')
    unit = "month" if now.period.kind == MONTH else "week"
    if now.checkin_days and before.checkin_days and now.repeats == 0 and before.repeats > 0:
        found.append(
            f"A {unit} with no argument coming back; "
            f"the {unit} before had {_n(before.repeats, 'repeat')}."
        )
    return found


def _kept_run_reached(
    promise: Promise, outcomes: dict[tuple[str, date], Mark], period: Period, as_of: date
) -> bool:
    """True when, on some day of the period, the promise completed four weeks of kept days."""

    def kept_window(last: date) -> bool:
        first = last - timedelta(days=KEPT_RUN_DAYS - 1)
        if promise.once is not None or promise.start > first:
            return False
        due = list(scheduled_days(promise, first, last))
        return len(due) >= 4 and all(
            (mark := outcomes.get((promise.id, day))) is not None and mark.outcome == "kept"
            for day in due
        )

    # Reached on the first day whose four weeks are all kept while the day before's were not.
    day = period.start
    while day <= min(period.end, as_of):
        if kept_window(day) and not kept_window(day - timedelta(days=1)):
            return True
        day += timedelta(days=1)
    return False


def _setbacks(now: Figures, before: Figures, trends: dict[str, str | None]) -> list[str]:
    """What went the other way, said plainly."""
    found = []
    if trends["follow_through"] == WORSE:
        found.append(
            f"Follow-through went from {_percent(before.promises.follow_through)} "
            f"to {_percent(now.promises.follow_through)}."
        )
    if trends["median_recovery_minutes"] == WORSE:
        found.append(
            "Settling after a flare-up took longer: typically "
            f"{_minutes(now.triggers.median_recovery_minutes)}, "
            f"was {_minutes(before.triggers.median_recovery_minutes)}."
        )
    if trends["repeats"] == WORSE:
        found.append(f"More arguments came back: {now.repeats}, was {before.repeats}.")
    if trends["affection"] == WORSE:
        found.append(
            f"Fewer moments of affection were noted: {now.affection}, was {before.affection}."
        )
    if trends["detective_work"] == WORSE:
        found.append(f"More detective work was noted: {now.detective}, was {before.detective}.")
    return found


def _notes(now: Figures, before: Figures) -> list[str]:
    """At most two gentle notes; never a diagnosis."""
    notes = []
    low_trust = all(
        f.trust_average is not None and f.trust_average <= LOW_TRUST for f in (now, before)
    )
    unsettled = all(
        f.triggers.count > 0 and 2 * f.triggers.resolved <= f.triggers.count for f in (now, before)
    )
    unit = "months" if now.period.kind == MONTH else "weeks"
    if low_trust or unsettled:
        what = " and ".join(
            words
            for words, shown in (
                ("trust has stayed low", low_trust),
                ("flare-ups have been slow to settle", unsettled),
            )
            if shown
        )
        notes.append(
            f"For two {unit} now, {what}. That happens, and it is a good moment to bring in "
            "a couples therapist: they help with exactly this."
        )
    elif now.period.kind == MONTH and all(_steady(f) for f in (now, before)):
        notes.append(
            "Your markers have held steady for two months. Checking in a few times a week "
            "instead of every day is fine, if that feels right to you both."
        )
    return notes


def _steady(figures: Figures) -> bool:
    follow = figures.promises.follow_through
    return (
        figures.checkin_days >= STEADY_MIN_DAYS
        and figures.trust_average is not None
        and figures.trust_average >= STEADY_TRUST
        and figures.repeats == 0
        and (follow is None or follow >= STEADY_FOLLOW_THROUGH)
        and figures.triggers.resolved == figures.triggers.count
    )


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


def _minutes(value: float | None) -> str:
    return "–" if value is None else format_minutes(value)


def format_minutes(minutes: float) -> str:
    """25 min, 1 h 40 min, 2 days 3 h: recovery times for people."""
    total = round(minutes)
    if total < 60:
        return f"{total} min"
    hours, rest = divmod(total, 60)
    if hours < 24:
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{_n(days, 'day')} {hours} h" if hours else _n(days, "day")
