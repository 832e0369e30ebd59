"""Promises and the daily marks that record whether each was kept.

A promise lives in `promises/promise-<id>.md` (it spans many days). Each mark
(the outcome of one promise on one scheduled day) is a small dated file,
`YYYY/MM/<date>-mark-<id>.md`, so a month's report reads only that month's
marks. Marking the same day again replaces that day's mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from trustlog.domain.core.entry import FieldReader, first_line, register, with_extra
from trustlog.storage.document import Document

PROMISE = "promise"
MARK = "mark"
OUTCOMES = ("kept", "broken")
PROMISE_FOLDER = "promises"


# Inside the classes `date` names a field, so the `day` property needs another name for the type.
Day = date


@register
@dataclass
class Promise:
    """`every` is "daily", "weekdays", "weekends" or weekday names like "mon,thu";
    `once` is a single date instead. Both None means daily."""

    kind: ClassVar[str] = PROMISE
    id: str
    text: str
    created: datetime
    start: date
    every: str | None = "daily"
    once: date | None = None
    due: str | None = None  # "HH:MM"
    end: date | None = None
    retired: date | None = None
    apology: str | None = None  # the id of the apology it came from
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> date:
        return self.start

    def to_document(self) -> tuple[dict[str, Any], str | None]:
        stored = {
            "kind": PROMISE,
            "id": self.id,
            "text": self.text,
            "created": self.created,
            "start": self.start,
            "every": None if self.once else self.every,
            "once": self.once,
            "due": self.due,
            "end": self.end,
            "retired": self.retired,
            "apology": self.apology,
        }
        return {**stored, **self.extra}, self.note

    @classmethod
    def from_document(cls, doc: Document) -> Promise:
        read = FieldReader(doc)
        entry_id = read.identity(PROMISE)
        text = read.text("text", required=True)
        start = read.day("start", required=True)
        assert text is not None and start is not None
        created = read.moment_or_start_of("created", start)
        return cls(
            id=entry_id,
            text=text,
            created=created,
            start=start,
            every=_every(doc, read.text("every")),
            once=read.day("once"),
            due=read.text("due"),
            end=read.day("end"),
            retired=read.day("retired"),
            apology=read.text("apology"),
            note=doc.body,
            extra=read.extra(),
        )

    def to_json(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "kind": PROMISE,
            "date": self.start.isoformat(),
            "text": self.text,
            "every": None if self.once else self.every,
            "once": self.once.isoformat() if self.once else None,
            "due": self.due,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "retired": self.retired.isoformat() if self.retired else None,
            "apology": self.apology,
            "note": self.note,
        }
        return with_extra(data, self.extra)

    def summary(self) -> str:
        return first_line(self.text)


@register
@dataclass
class Mark:
    """The outcome of one promise on one day: kept, or broken (perhaps with a repair)."""

    kind: ClassVar[str] = MARK
    id: str
    promise: str
    date: Day
    outcome: str
    marked_at: datetime
    repair: str | None = None
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> Day:
        return self.date

    @property
    def repaired(self) -> bool:
        return self.outcome == "broken" and bool(self.repair)

    def to_document(self) -> tuple[dict[str, Any], str | None]:
        stored = {
            "kind": MARK,
            "id": self.id,
            "promise": self.promise,
            "date": self.date,
            "outcome": self.outcome,
            "marked_at": self.marked_at,
            "repair": self.repair,
        }
        return {**stored, **self.extra}, self.note

    @classmethod
    def from_document(cls, doc: Document) -> Mark:
        read = FieldReader(doc)
        entry_id = read.identity(MARK)
        promise = read.text("promise", required=True)
        day = read.day("date", required=True)
        outcome = read.text("outcome", required=True)
        assert promise is not None and day is not None and outcome is not None
        if outcome not in OUTCOMES:
            from trustlog.storage.document import damaged

            assert doc.path is not None
            raise damaged(
                doc.path, doc.line_of("outcome"), '\'outcome\' should be "kept" or "broken"'
            )
        marked_at = read.moment_or_start_of("marked_at", day)
        return cls(
            id=entry_id,
            promise=promise,
            date=day,
            outcome=outcome,
            marked_at=marked_at,
            repair=read.text("repair"),
            note=doc.body,
            extra=read.extra(),
        )

    def to_json(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "kind": MARK,
            "date": self.date.isoformat(),
            "promise": self.promise,
            "outcome": self.outcome,
            "repaired": self.repaired,
            "repair": self.repair,
            "marked_at": self.marked_at.isoformat(),
            "note": self.note,
        }
        return with_extra(data, self.extra)

    def summary(self) -> str:
        word = "repaired" if self.repaired else self.outcome
        return f"{self.promise}: {word}"


_SCHEDULE_NAMES = ("daily", "weekdays", "weekends")
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _every(doc: Document, every: str | None) -> str | None:
    """A hand-edited schedule must still be one `schedule.parse_every` could have written."""
    if every is None or every in _SCHEDULE_NAMES:
        return every
    if every and all(name in _DAY_NAMES for name in every.split(",")):
        return every
    from trustlog.storage.document import damaged

    assert doc.path is not None
    raise damaged(
        doc.path,
        doc.line_of("every"),
        '\'every\' should be "daily", "weekdays", "weekends" or days like "mon,thu"',
    )
