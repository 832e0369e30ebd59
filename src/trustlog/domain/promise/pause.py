"""Promises on pause: days set aside (travel, illness) that are not scheduled.

A paused day is never due, never unrecorded, and counts in no figure: that
follows from `schedule.is_scheduled`, which every figure asks. The pauses live
in the promise's own file, `paused = [{ from = ..., to = ... }]` (docs/format.md),
so a hand edit is read back like any other field.

A pause never hides a day already recorded: a kept or broken day is a fact,
and setting it aside would quietly change the figures. So a pause over a
recorded day is refused, naming the day.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from trustlog.domain.core.fields import Span
from trustlog.domain.core.values import text_or_none
from trustlog.domain.promise.model import Mark, Promise
from trustlog.domain.promise.service import find_promise, load_marks
from trustlog.errors import InputError
from trustlog.storage.journal import Journal

PAUSED, ALREADY, RESUMED, CANCELLED = "paused", "already", "resumed", "cancelled"


@dataclass
class PauseResult:
    promise: Promise  # as it now stands
    action: str  # PAUSED, ALREADY (that very pause was there), RESUMED, CANCELLED
    span: Span  # the pause asked for, or the one a resume ended (as it was before)
    resumed_on: date | None = None  # the first day due again, for a resume


def pause_promise(
    journal: Journal,
    id_or_prefix: str,
    first: date | None,
    last: date | None,
    note: str | None,
    today: date,
) -> PauseResult:
    """Set the days `first` (default today) to `last` (None: until resumed) aside."""
    first = first or today
    if last is not None and last < first:
        raise InputError(
            f"--to: {last.isoformat()} is before the pause's first day {first.isoformat()} "
            "(--from); --to is the last paused day."
        )
    with journal.writing():
        entry_file, promise = find_promise(journal, id_or_prefix)
        if promise.retired is not None:
            raise InputError(
                f"ID: '{promise.summary()}' ({promise.id}) was retired on "
                f"{promise.retired.isoformat()}; a retired promise is not asked about, "
                "so there is nothing to pause."
            )
        asked = Span(first, last, text_or_none(note))
        for span in promise.paused:
            if (span.first, span.last) == (first, last):
                return PauseResult(promise, ALREADY, span)
            if _overlap(span, asked):
                raise InputError(
                    f"--from/--to: '{promise.summary()}' is already paused {describe(span)}.",
                    hint=f"`trustlog promise resume {promise.id}` ends that pause; "
                    "then pause it again with the days you mean.",
                )
        recorded = _recorded_in(journal, promise, asked, today)
        if recorded is not None:
            raise InputError(
                f"--from: {recorded.date.isoformat()} is already recorded "
                f"({recorded.outcome}) for '{promise.summary()}'; a pause sets aside days "
                "not recorded, so nothing you recorded drops out of the figures.",
                hint=f"Start the pause after it: --from {(recorded.date + timedelta(days=1))}.",
            )
        promise = replace(promise, paused=sorted([*promise.paused, asked], key=_first))
        journal.update(journal.read(entry_file), *promise.to_document())
    return PauseResult(promise, PAUSED, asked)


def resume_promise(
    journal: Journal, id_or_prefix: str, day: date | None, today: date
) -> PauseResult:
    """Make `day` (default today) the first day due again: the pause it falls in (or the
    open one) ends the day before; a pause that had not begun by then is removed."""
    day = day or today
    with journal.writing():
        entry_file, promise = find_promise(journal, id_or_prefix)
        span = promise.open_pause or next((s for s in promise.paused if s.covers(day)), None)
        if span is None:
            raise InputError(
                f"ID: '{promise.summary()}' ({promise.id}) is not paused on "
                f"{day.isoformat()}; there is nothing to resume.",
                hint="`trustlog promise list --json` shows each promise's pauses.",
            )
        kept = [s for s in promise.paused if s is not span]
        if day <= span.first:
            action = CANCELLED
        else:
            action = RESUMED
            kept.append(replace(span, last=day - timedelta(days=1)))
        promise = replace(promise, paused=sorted(kept, key=_first))
        journal.update(journal.read(entry_file), *promise.to_document())
    return PauseResult(promise, action, span, resumed_on=day)


def describe(span: Span) -> str:
    """ "from 2026-11-20 to 2026-11-27", or "since 2026-11-20" for an open pause."""
    if span.last is None:
        return f"since {span.first.isoformat()}"
    return f"from {span.first.isoformat()} to {span.last.isoformat()}"


def _first(span: Span) -> date:
    return span.first


def _overlap(one: Span, other: Span) -> bool:
    return (one.last is None or other.first <= one.last) and (
        other.last is None or one.first <= other.last
    )


def _recorded_in(journal: Journal, promise: Promise, span: Span, today: date) -> Mark | None:
    """The first day of `span` already recorded for `promise` (no day after today can be)."""
    end = min(span.last, today) if span.last is not None else today
    if end < span.first:
        return None
    marks = load_marks(journal, span.first, end).get(promise.id, {})
    return marks[min(marks)] if marks else None
