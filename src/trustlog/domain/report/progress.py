"""What the report's figures mean for a person: trends, milestones and gentle notes.

Never a diagnosis: the notes only point, kindly and at most once, to a couples
therapist or to tracking less often (PRODUCT.md, "Care and safety").
"""

from __future__ import annotations

from datetime import date, timedelta

from trustlog.domain.core.period import MONTH, Period
from trustlog.domain.promise.model import Mark, Promise
from trustlog.domain.promise.schedule import last_day, scheduled_days
from trustlog.domain.report import history
from trustlog.domain.report.model import Figures
from trustlog.storage.journal import Journal

BETTER, WORSE, SAME = "better", "worse", "same"
KEPT_RUN_DAYS = 28  # "a promise kept four weeks running"
CHECKIN_DAY_MILESTONES = (30, 100, 200, 365, 500, 730, 1000)
FIRST_FULL_WEEK = 7
LOW_TRUST = 3.0  # of 10: "trust stayed low" when both periods average at or below this
LOW_TRUST_MIN_DAYS = 3  # ... over at least this many check-in days each: a pattern, not a day
STEADY_TRUST = 7.0
STEADY_FOLLOW_THROUGH = 0.8
STEADY_MIN_DAYS = 12  # check-in days in each of the two months to call them steady


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


def trends(now: Figures, before: Figures) -> dict[str, str | None]:
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


def milestones(
    journal: Journal,
    now: Figures,
    before: Figures,
    start: tuple[int, int],
    end: tuple[int, int],
    promises: list[Promise],
    outcomes: dict[tuple[str, date], Mark],
    as_of: date,
    first_calm_month: bool = False,
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
    if first_calm_month:
        found.append("Your first month with no argument coming back.")
    elif now.checkin_days and before.checkin_days and now.repeats == 0 and before.repeats > 0:
        found.append(
            f"A {unit} with no argument coming back; "
            f"the {unit} before had {before.repeats} repeat{'' if before.repeats == 1 else 's'}."
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


def notes(now: Figures, before: Figures) -> list[str]:
    """At most two gentle notes; never a diagnosis."""
    notes = []
    low_trust = all(
        f.checkin_days >= LOW_TRUST_MIN_DAYS
        and f.trust_average is not None
        and f.trust_average <= LOW_TRUST
        for f in (now, before)
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
