"""A trigger: a moment old pain flared up, and how long it took to settle.

Stored as `YYYY/MM/<date>-trigger-<id>.md`, dated by the local date it started.
Recovery time is `resolved_at - at`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from trustlog.domain.core.entry import FieldReader, first_line, register, with_extra
from trustlog.storage.document import Document

KIND = "trigger"
INTENSITY_RANGE = (0, 10)


@register
@dataclass
class Trigger:
    kind: ClassVar[str] = KIND
    id: str
    at: datetime
    what: str | None = None
    intensity: int | None = None
    breathed_seconds: int | None = None
    facts: str | None = None
    guesses: str | None = None
    reassurance: str | None = None
    repair: str | None = None
    resolved_at: datetime | None = None
    private: bool = False
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> date:
        return self.at.date()

    @property
    def recovery_minutes(self) -> float | None:
        if self.resolved_at is None:
            return None
        return (self.resolved_at - self.at).total_seconds() / 60

    def to_document(self) -> tuple[dict[str, Any], str | None]:
        stored = {
            "kind": KIND,
            "id": self.id,
            "date": self.day,
            "at": self.at,
            "what": self.what,
            "intensity": self.intensity,
            "breathed_seconds": self.breathed_seconds,
            "facts": self.facts,
            "guesses": self.guesses,
            "reassurance": self.reassurance,
            "repair": self.repair,
            "resolved_at": self.resolved_at,
            "private": self.private or None,
        }
        return {**stored, **self.extra}, self.note

    @classmethod
    def from_document(cls, doc: Document) -> Trigger:
        read = FieldReader(doc)
        entry_id = read.identity(KIND)
        read.day("date")
        at = read.moment("at", required=True)
        assert at is not None
        return cls(
            id=entry_id,
            at=at,
            what=read.text("what"),
            intensity=read.integer("intensity", *INTENSITY_RANGE),
            breathed_seconds=read.integer("breathed_seconds", 0, 24 * 3600),
            facts=read.text("facts"),
            guesses=read.text("guesses"),
            reassurance=read.text("reassurance"),
            repair=read.text("repair"),
            resolved_at=read.moment("resolved_at"),
            private=read.flag("private"),
            note=doc.body,
            extra={k: v for k, v in read.extra().items() if k != "date"},
        )

    def to_json(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "kind": KIND,
            "date": self.day.isoformat(),
            "at": self.at.isoformat(),
            "what": self.what,
            "intensity": self.intensity,
            "breathed_seconds": self.breathed_seconds,
            "facts": self.facts,
            "guesses": self.guesses,
            "reassurance": self.reassurance,
            "repair": self.repair,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "recovery_minutes": self.recovery_minutes,
            "note": self.note,
            "private": self.private,
        }
        return with_extra(data, self.extra)

    def summary(self) -> str:
        what = first_line(self.what) or "a flare-up"
        if self.recovery_minutes is None:
            return f"{what} · not settled yet"
        return f"{what} · settled after {round(self.recovery_minutes)} min"
