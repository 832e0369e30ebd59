"""The daily check-in: how I feel, how much trust and ease, what I appreciate, what happened."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from typing import Any, ClassVar

from trustlog.domain.core import values
from trustlog.domain.core.entry import FieldReader, first_line, register, with_extra
from trustlog.errors import InputError
from trustlog.storage.document import Document
from trustlog.storage.journal import Journal

KIND = "checkin"
MOOD_RANGE = (1, 5)
TRUST_RANGE = (0, 10)
COUNT_RANGE = (0, 1000)
MAX_GRATEFUL = 3


# Inside the classes `date` names a field, so the `day` property needs another name for the type.
Day = date


@register
@dataclass
class Checkin:
    kind: ClassVar[str] = KIND
    id: str
    date: Day
    created: datetime
    updated: datetime | None = None
    mood: int | None = None
    feeling: str | None = None
    trust: int | None = None
    grateful: list[str] = field(default_factory=list)
    care: str | None = None
    affection: int | None = None
    detective: int | None = None
    arguments: list[str] = field(default_factory=list)
    private: bool = False
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> Day:
        return self.date

    def to_document(self) -> tuple[dict[str, Any], str | None]:
        stored = {
            "kind": KIND,
            "id": self.id,
            "date": self.date,
            "created": self.created,
            "updated": self.updated,
            "mood": self.mood,
            "feeling": self.feeling,
            "trust": self.trust,
            "grateful": self.grateful or None,
            "care": self.care,
            "affection": self.affection,
            "detective": self.detective,
            "arguments": self.arguments or None,
            "private": self.private or None,
        }
        return {**stored, **self.extra}, self.note

    @classmethod
    def from_document(cls, doc: Document) -> Checkin:
        read = FieldReader(doc)
        entry_id = read.identity(KIND)
        day = read.day("date", required=True)
        assert day is not None
        created = read.moment_or_start_of("created", day)
        return cls(
            id=entry_id,
            date=day,
            created=created,
            updated=read.moment("updated"),
            mood=read.integer("mood", *MOOD_RANGE),
            feeling=read.text("feeling"),
            trust=read.integer("trust", *TRUST_RANGE),
            grateful=read.texts("grateful"),
            care=read.text("care"),
            affection=read.integer("affection", *COUNT_RANGE),
            detective=read.integer("detective", *COUNT_RANGE),
            arguments=read.texts("arguments"),
            private=read.flag("private"),
            note=doc.body,
            extra=read.extra(),
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": KIND,
            "date": self.date.isoformat(),
            "created": self.created.isoformat(),
            "updated": self.updated.isoformat() if self.updated else None,
            "mood": self.mood,
            "feeling": self.feeling,
            "trust": self.trust,
            "grateful": list(self.grateful),
            "care": self.care,
            "affection": self.affection,
            "detective": self.detective,
            "arguments": list(self.arguments),
            "note": self.note,
            "private": self.private,
        }
        return with_extra(data, self.extra)

    def summary(self) -> str:
        parts = []
        if self.mood is not None:
            parts.append(f"mood {self.mood}/5")
        if self.trust is not None:
            parts.append(f"trust {self.trust}/10")
        if self.feeling:
            parts.append(first_line(self.feeling, 60))
        if self.note:
            parts.append(first_line(self.note, 60))
        return " · ".join(parts) or "a quiet check-in"


@dataclass
class CheckinAnswers:
    """What a person gave for a check-in; None means "not given", so an update keeps it."""

    mood: int | None = None
    feeling: str | None = None
    trust: int | None = None
    grateful: list[str] | None = None
    care: str | None = None
    affection: int | None = None
    detective: int | None = None
    arguments: list[str] | None = None
    note: str | None = None
    private: bool | None = None

    def given(self) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name) is not None]

    def checked(self) -> CheckinAnswers:
        """The same answers, validated; errors name the flag."""
        if self.mood is not None:
            values.in_range(self.mood, *MOOD_RANGE, "--mood")
        if self.trust is not None:
            values.in_range(self.trust, *TRUST_RANGE, "--trust")
        if self.affection is not None:
            values.in_range(self.affection, *COUNT_RANGE, "--affection")
        if self.detective is not None:
            values.in_range(self.detective, *COUNT_RANGE, "--detective")
        grateful = None if self.grateful is None else values.texts(self.grateful)
        if grateful is not None and len(grateful) > MAX_GRATEFUL:
            raise InputError(
                f"--grateful: up to {MAX_GRATEFUL} things, please (got {len(grateful)})."
            )
        return replace(
            self,
            feeling=values.text_or_none(self.feeling),
            care=values.text_or_none(self.care),
            note=values.text_or_none(self.note),
            grateful=grateful,
            arguments=None if self.arguments is None else values.texts(self.arguments),
        )


@dataclass
class CheckinResult:
    checkin: Checkin
    updated: bool
    changed: list[str]


def find_checkin(journal: Journal, day: date) -> tuple[Document, Checkin] | None:
    """That day's check-in, reading only its month's folder."""
    for entry_file in journal.month_files(day.year, day.month, KIND):
        if entry_file.date == day:
            doc = journal.read(entry_file)
            return doc, Checkin.from_document(doc)
    return None


def record_checkin(
    journal: Journal, day: date, answers: CheckinAnswers, now: datetime
) -> CheckinResult:
    """Save a check-in for `day`; a second one that day updates the first, keeping what it had."""
    answers = answers.checked()
    given = answers.given()
    with journal.writing():
        existing = find_checkin(journal, day)
        checkin = (
            Checkin(id=journal.new_id(), date=day, created=now)
            if existing is None
            else replace(existing[1], updated=now)
        )
        for name in given:
            setattr(checkin, name, getattr(answers, name))
        if existing is None:
            journal.write(journal.dated_path(day, KIND, checkin.id), *checkin.to_document())
        else:
            journal.update(existing[0], *checkin.to_document())
    return CheckinResult(checkin, updated=existing is not None, changed=given)
