"""The one-page summary of an export: concerns, the five markers, key days, promises, agenda.

Every figure is the report's (report/figures.py `measure`, progress.trends);
the concerns use the report's own thresholds (progress.trust_low,
progress.slow_to_settle). Facts only: never a judgement, never a diagnosis.
"""

from __future__ import annotations

from datetime import date

from trustlog.domain.checkin.model import Checkin
from trustlog.domain.core.entry import Entry
from trustlog.domain.core.period import Period
from trustlog.domain.export.model import (
    LONG_SETTLE,
    LOW_DAY,
    MARKERS,
    STRONG,
    Concern,
    ConcernKind,
    Export,
    KeyDay,
    KeyDayReason,
    Marker,
    PromiseRecord,
    Summary,
)
from trustlog.domain.promise.model import BROKEN, KEPT, Mark, Promise
from trustlog.domain.promise.schedule import describe_schedule, last_day, scheduled_days
from trustlog.domain.promise.standing import REPAIRED, UNRECORDED, CalendarDay, day_status
from trustlog.domain.report import progress
from trustlog.domain.report.model import Figures, PromiseFigures, RitualFigures
from trustlog.domain.ritual.model import DATE, REPAIR
from trustlog.domain.ritual.model import KIND as RITUAL
from trustlog.domain.ritual.service import care_days
from trustlog.domain.trigger.model import Trigger

MOST_KEY_DAYS = 6  # "a few key days": the lowest, the highest, and the busiest others
FLAG_FIELDS = ("flagged", "starred")  # hand-added, or jrnl's star on an imported entry


def summary(export: Export, previous: Figures, agenda: list[str]) -> Summary:
    """The summary of `export`'s window, compared with `previous` (as many days before it)."""
    figures = export.figures
    entries = [entry for day in export.days for entry in day.entries]
    return Summary(
        figures=figures,
        previous=previous,
        concerns=concerns(figures, entries),
        markers=markers(figures, previous),
        key_days=key_days(
            [e for e in entries if isinstance(e, Checkin)],
            [e for e in entries if isinstance(e, Trigger)],
        ),
        promises=export.promises,
        ritual=ritual(export),
        agenda=[item.strip() for item in agenda if item.strip()],
    )


def ritual(export: Export) -> RitualFigures | None:
    """The weekly ritual over the window, as the report counts it; None when left out."""
    if export.options.only and RITUAL not in export.options.only:
        return None
    done = [r.what for day in export.days for r in day.rituals]
    return RitualFigures(
        repair=done.count(REPAIR),
        date=done.count(DATE),
        care_days=care_days([c for day in export.days for c in day.checkins]),
    )


def concerns(figures: Figures, entries: list[Entry]) -> list[Concern]:
    """What to look at first: days at the bottom, strong flare-ups slow to settle, flare-ups
    still open, trust stuck low, flare-ups not settling, what the person flagged."""
    found = []
    low: list[Entry] = [
        e
        for e in entries
        if isinstance(e, Checkin)
        and any(value is not None and value <= LOW_DAY for value in (e.mood, e.trust))
    ]
    if low:
        found.append(
            Concern(ConcernKind.LOW_DAYS, days=len({entry.day for entry in low}), entries=low)
        )
    triggers = [e for e in entries if isinstance(e, Trigger)]
    strong: list[Entry] = [
        t
        for t in triggers
        if (t.intensity or 0) >= STRONG
        and t.recovery_minutes is not None
        and t.recovery_minutes >= LONG_SETTLE
    ]
    if strong:
        found.append(Concern(ConcernKind.STRONG_FLARES, days=len(strong), entries=strong))
    still_open: list[Entry] = [t for t in triggers if t.resolved_at is None]
    if still_open:
        found.append(Concern(ConcernKind.OPEN_FLARES, days=len(still_open), entries=still_open))
    if progress.trust_low(figures):
        found.append(Concern(ConcernKind.LOW_TRUST, figures.trust_average, figures.checkin_days))
    if progress.slow_to_settle(figures):
        found.append(
            Concern(ConcernKind.UNSETTLED, figures.triggers.resolved, figures.triggers.count)
        )
    flagged = [entry for entry in entries if is_flagged(entry)]
    if flagged:
        found.append(Concern(ConcernKind.FLAGGED, entries=flagged))
    return found


def is_flagged(entry: Entry) -> bool:
    stored = getattr(entry, "extra", None) or getattr(entry, "fields", None) or {}
    return any(
        getattr(entry, name, None) is True or stored.get(name) is True for name in FLAG_FIELDS
    )


def markers(now: Figures, before: Figures) -> list[Marker]:
    """The five progress markers, valued and compared as the report does."""
    trends = progress.trends(now, before)

    def values(figures: Figures) -> dict[str, float | None]:
        return {
            "follow_through": figures.promises.follow_through,
            "median_recovery_minutes": figures.triggers.median_recovery_minutes,
            "repeats": figures.per_day(figures.repeats),
            "affection": figures.per_day(figures.affection),
            "detective_work": figures.per_day(figures.detective),
        }

    shown_now, shown_before = values(now), values(before)
    # "Before" only with enough to compare with, by the report's rule: a value from two
    # days would read as a baseline it is not.
    enough = before.checkin_days >= progress.MIN_CHECKIN_DAYS
    settled = before.triggers.resolved >= progress.MIN_SETTLED
    return [
        Marker(
            key,
            shown_now[key],
            shown_before[key]
            if (settled if key == "median_recovery_minutes" else enough)
            else None,
            trends.get(key),
        )
        for key in MARKERS
    ]


def key_days(checkins: list[Checkin], triggers: list[Trigger]) -> list[KeyDay]:
    """The lowest and highest day (by trust, or by mood when no day gave trust), then the
    days with the most flare-ups and arguments, at most MOST_KEY_DAYS, in date order."""
    by_date = {checkin.date: checkin for checkin in checkins}  # one a day; the last if more
    flares: dict[date, list[Trigger]] = {}
    for trigger in triggers:
        flares.setdefault(trigger.day, []).append(trigger)
    reasons: dict[date, list[KeyDayReason]] = {}
    # By trust where days gave it, else by mood; the earliest of equal days.
    rated = [c for c in by_date.values() if c.trust is not None] or [
        c for c in by_date.values() if c.mood is not None
    ]
    lowest = min(rated, key=_rating, default=None)
    highest = max(rated, key=_rating, default=None)
    if lowest is not None and highest is not None:
        reasons[lowest.date] = [KeyDayReason.LOWEST]
        if _rating(highest) != _rating(lowest):
            reasons[highest.date] = [KeyDayReason.HIGHEST]

    def weight(day: date) -> tuple[int, int]:
        topics = [t for t in by_date[day].arguments if t.strip()] if day in by_date else []
        intensity = max((t.intensity or 0 for t in flares.get(day, [])), default=0)
        return (len(flares.get(day, [])) + len(topics), intensity)

    # The busiest of the other days: most flare-ups and arguments, then the most intense;
    # the earlier of equal days (a stable sort keeps date order).
    busy = [day for day in sorted({*flares, *by_date}) if weight(day)[0] and day not in reasons]
    room = MOST_KEY_DAYS - len(reasons)
    for day in sorted(busy, key=weight, reverse=True)[:room]:
        reasons[day] = []
    for day in list(reasons):
        if day in flares:
            reasons[day].append(KeyDayReason.TRIGGERS)
        if day in by_date and any(t.strip() for t in by_date[day].arguments):
            reasons[day].append(KeyDayReason.ARGUMENTS)
    return [
        KeyDay(day, reasons[day], by_date.get(day), flares.get(day, [])) for day in sorted(reasons)
    ]


def _rating(checkin: Checkin) -> tuple[int, int]:
    return (
        -1 if checkin.trust is None else checkin.trust,
        -1 if checkin.mood is None else checkin.mood,
    )


def scheduled_in(promise: Promise, period: Period) -> bool:
    return next(iter(scheduled_days(promise, period.start, period.end)), None) is not None


def promise_records(
    promises: list[Promise], marks: list[Mark], period: Period, today: date, every: bool = False
) -> list[PromiseRecord]:
    """Each promise scheduled inside the window (`every`: all of them), with its calendar."""
    by_promise: dict[str, dict[date, Mark]] = {}
    for mark in marks:
        by_promise.setdefault(mark.promise, {})[mark.date] = mark
    records = []
    for promise in sorted(promises, key=lambda p: (p.start, p.created, p.id)):
        if not (every or scheduled_in(promise, period)):
            continue
        own = by_promise.get(promise.id, {})
        # The window's days while the promise runs: ten years of a month-long promise
        # are not 3,650 days of calendar.
        first = max(period.start, promise.start)
        ends = last_day(promise)
        last = period.end if ends is None else min(period.end, ends)
        days = Period(period.kind, first, last).days() if first <= last else []
        calendar = [CalendarDay(day, day_status(promise, day, own, today)) for day in days]
        tally = PromiseFigures()
        for day in calendar:
            if day.status == KEPT:
                tally.kept += 1
            elif day.status == REPAIRED:
                tally.repaired += 1
            elif day.status == UNRECORDED and day.date < today:  # today is still open
                tally.unrecorded += 1
            elif day.status == BROKEN:
                tally.broken += 1
        records.append(PromiseRecord(promise, describe_schedule(promise), tally, calendar))
    return records
