"""Promises and the daily marks that record whether each was kept.

A promise lives in `promises/promise-<id>.md` (it spans many days). Each mark
(the outcome of one promise on one scheduled day) is a small dated file,
`YYYY/MM/<date>-mark-<id>.md`, so a month's report reads only that month's
marks. Marking the same day again replaces that day's mark.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from trustlog.domain import folders
from trustlog.domain.core import fields
from trustlog.domain.core.entry import Fit, Record, first_line, whole

PROMISE = "promise"
MARK = "mark"
KEPT, BROKEN = "kept", "broken"
OUTCOMES = (KEPT, BROKEN)

_SCHEDULE_NAMES = ("daily", "weekdays", "weekends")
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _is_schedule(every: str) -> bool:
    """A hand-edited schedule must still be one `schedule.parse_every` could have written."""
    if every in _SCHEDULE_NAMES:
        return True
    return bool(every) and all(name in _DAY_NAMES for name in every.split(","))


@dataclass
class Promise(Record):
    """`every` is "daily", "weekdays", "weekends" or weekday names like "mon,thu";
    `once` is a single date instead (and then `every` is None). Both None means daily."""

    kind: ClassVar[str] = PROMISE
    folder: ClassVar[str] = folders.PROMISES
    # The JSON shows the schedule before the start, and not when it was created.
    json_order: ClassVar[tuple[str, ...] | None] = (
        "text",
        "every",
        "once",
        "due",
        "start",
        "end",
        "retired",
        "paused",
        "apology",
        "note",
    )
    id: str
    text: str = fields.text(required=True)
    created: datetime = fields.moment(or_start_of="start")
    start: date = fields.day(required=True)
    every: str | None = fields.text(
        default="daily",
        valid=_is_schedule,
        should_be='"daily", "weekdays", "weekends" or days like "mon,thu"',
    )
    once: date | None = fields.day()
    due: str | None = fields.text()  # "HH:MM"
    end: date | None = fields.day()
    retired: date | None = fields.day()
    # Days set aside (`promise pause`): not scheduled, so never due, never unrecorded.
    paused: list[fields.Span] = fields.spans()
    apology: str | None = fields.text()  # the id of the apology it came from
    note: str | None = fields.body()
    extra: dict[str, Any] = fields.extra()

    def __post_init__(self) -> None:
        if self.once is not None:
            self.every = None  # one day has no weekly schedule

    @property
    def day(self) -> date:
        return self.start

    def paused_on(self, day: date) -> bool:
        return any(span.covers(day) for span in self.paused)

    @property
    def open_pause(self) -> fields.Span | None:
        """The pause with no last day, if one is running (or planned)."""
        return next((span for span in self.paused if span.last is None), None)

    def summary(self, fit: Fit = whole) -> str:
        return first_line(self.text)


@dataclass
class Mark(Record):
    """The outcome of one promise on one day: kept, or broken (perhaps with a repair)."""

    kind: ClassVar[str] = MARK
    # The JSON shows whether it was repaired beside the outcome, and the time it was marked last.
    json_order: ClassVar[tuple[str, ...] | None] = (
        "promise",
        "outcome",
        "repaired",
        "repair",
        "marked_at",
        "note",
    )
    id: str
    promise: str = fields.text(required=True)
    date: dt.date = fields.day(required=True)  # (dt. because the field's name hides the type)
    outcome: str = fields.text(
        required=True, valid=OUTCOMES.__contains__, should_be='"kept" or "broken"'
    )
    marked_at: datetime = fields.moment(or_start_of="date")
    repair: str | None = fields.text()
    note: str | None = fields.body()
    extra: dict[str, Any] = fields.extra()

    @property
    def repaired(self) -> bool:
        return self.outcome == BROKEN and bool(self.repair)

    def summary(self, fit: Fit = whole) -> str:
        word = "repaired" if self.repaired else self.outcome
        return f"{self.promise}: {word}"
