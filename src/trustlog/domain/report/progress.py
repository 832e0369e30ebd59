"""What the report's figures mean for a person: trends, milestones and gentle notes.

Never a diagnosis: the notes only point, kindly and at most once, to a couples
therapist or to tracking less often (PRODUCT.md, "Care and safety").
"""

from __future__ import annotations

import re
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
MIN_CHECKIN_DAYS = 3  # on each side, for any trend
MIN_SETTLED = 2  # settled triggers on each side, for the recovery trend
SAME_WITHIN = 0.1  # "same" when two values differ by less than 10% of the larger


def differ(now: float, before: float) -> bool:
    """Do two values differ by 10% or more of the larger one? Two zeros do not differ."""
    return abs(now - before) >= SAME_WITHIN * max(abs(now), abs(before)) and now != before


def _compare(now: float | None, before: float | None, higher_is_better: bool) -> str | None:
    """better / worse, or same when the two differ by less than 10% (see `differ`)."""
    if now is None or before is None:
        return None
    if not differ(now, before):
        return SAME
    return BETTER if (now > before) == higher_is_better else WORSE


def trends(now: Figures, before: Figures) -> dict[str, str | None]:
    """The five trends, like with like (CONTRACT.md `report`).

    A trend needs at least MIN_CHECKIN_DAYS check-in days on each side; recovery
    needs MIN_SETTLED settled triggers on each side instead, because a trigger is
    recorded whether or not that day had a check-in. On less, a change is chance,
    and a false setback hurts someone whose trust is fragile.
    """
    enough = min(now.checkin_days, before.checkin_days) >= MIN_CHECKIN_DAYS
    settled = min(now.triggers.resolved, before.triggers.resolved) >= MIN_SETTLED

    def compared(a: float | None, b: float | None, higher_is_better: bool) -> str | None:
        return _compare(a, b, higher_is_better) if enough else None

    return {
        "follow_through": compared(
            now.promises.follow_through, before.promises.follow_through, higher_is_better=True
        ),
        "median_recovery_minutes": _compare(
            now.triggers.median_recovery_minutes,
            before.triggers.median_recovery_minutes,
            higher_is_better=False,
        )
        if settled
        else None,
        "repeats": compared(
            now.per_day(now.repeats), before.per_day(before.repeats), higher_is_better=False
        ),
        "affection": compared(
            now.per_day(now.affection), before.per_day(before.affection), higher_is_better=True
        ),
        "detective_work": compared(
            now.per_day(now.detective), before.per_day(before.detective), higher_is_better=False
        ),
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
    running: bool = False,
) -> list[str]:
    """Firsts and round numbers reached inside this period, one warm line each.

    Those that need a whole period (a month with no argument coming back) wait
    until it is over: on the 1st, one calm day is not a calm month.
    """
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
        if not _kept_run_reached(promise, outcomes, now.period, as_of):
            continue
        text = history.promise_text(journal, promise)  # read only for a run reached
        if not conditional(text) or _kept_run_reached(
            promise, outcomes, now.period, as_of, only_if_said=True
        ):
            found.append(f'You kept "{text}" on every day it was due, four weeks running.')
    unit = "month" if now.period.kind == MONTH else "week"
    if running:
        return found
    if first_calm_month:
        found.append("Your first month with no argument coming back.")
    elif now.checkin_days and before.checkin_days and now.repeats == 0 and before.repeats > 0:
        found.append(
            f"A {unit} with no argument coming back; "
            f"the {unit} before had {before.repeats} repeat{'' if before.repeats == 1 else 's'}."
        )
    return found


# A promise about what may or may not happen ("text you WHEN I'm running late", "tell
# you about ANY message from her"): on a day it does not, "kept" means nothing happened.
_CONDITIONAL = re.compile(
    r"\b(?:if|when|whenever|as\s+soon\s+as|in\s+case|each\s+time|every\s+time|unless"
    r"|any\s+(?:message|messages|call|calls|text|texts|contact|time)"
    r"|every\s+(?:message|call|text|contact))\b",
    re.IGNORECASE,
)


def conditional(text: str) -> bool:
    """Whether a promise's words say it is kept by what is done when something happens."""
    return bool(_CONDITIONAL.search(text))


def _kept_run_reached(
    promise: Promise,
    outcomes: dict[tuple[str, date], Mark],
    period: Period,
    as_of: date,
    only_if_said: bool = False,
) -> bool:
    """True when, on some day of the period, the promise completed four weeks of kept days.

    With `only_if_said` (a conditional promise), it counts only when a day of those four
    weeks says what was done (a kept mark with a note): four weeks in which nothing
    happened are not four weeks of a promise kept.
    """

    def kept_window(last: date) -> bool:
        first = last - timedelta(days=KEPT_RUN_DAYS - 1)
        if promise.once is not None or promise.start > first:
            return False
        due = list(scheduled_days(promise, first, last))
        marks = [outcomes.get((promise.id, day)) for day in due]
        kept = len(due) >= 4 and all(m is not None and m.outcome == "kept" for m in marks)
        if kept and only_if_said:
            return any(m is not None and m.note and m.note.strip() for m in marks)
        return kept

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
    low_trust = all(trust_low(f) for f in (now, before))
    unsettled = all(slow_to_settle(f) for f in (now, before))
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
            "a couples therapist: they help with exactly this. "
            "`trustlog help safety` says more, when you want it."
        )
    elif now.period.kind == MONTH and all(_steady(f) for f in (now, before)):
        notes.append(
            "Your markers have held steady for two months. Checking in a few times a week "
            "instead of every day is fine, if that feels right to you both."
        )
    return notes


def trust_low(figures: Figures) -> bool:
    """Trust averaged LOW_TRUST or less over at least LOW_TRUST_MIN_DAYS check-in days."""
    return (
        figures.checkin_days >= LOW_TRUST_MIN_DAYS
        and figures.trust_average is not None
        and figures.trust_average <= LOW_TRUST
    )


def slow_to_settle(figures: Figures) -> bool:
    """Flare-ups started in the period, and half or more of them have not settled."""
    count = figures.triggers.count
    return count > 0 and 2 * figures.triggers.resolved <= count


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


def due_notes(revisit: date | None, reviews: int) -> list[str]:
    """What is due of the frame you agreed on: the contract's revisit, agreements' reviews."""
    found = []
    if revisit is not None:
        found.append(
            f"Your repair contract was due to be revisited on {revisit.isoformat()}: "
            "a good moment to talk it over together (trustlog contract write)."
        )
    if reviews:
        which = "An agreement is" if reviews == 1 else f"{reviews} agreements are"
        found.append(f"{which} due for review together (trustlog agreement list shows which).")
    return found
