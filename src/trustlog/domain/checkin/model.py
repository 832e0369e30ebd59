"""The daily check-in: how I feel, how much trust and ease, what I appreciate, what happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from trustlog.domain.core import fields
from trustlog.domain.core.entry import Fit, Record, first_line, whole
from trustlog.storage.document import Document
from trustlog.storage.journal import Journal

KIND = "checkin"
MOOD_RANGE = (1, 5)
TRUST_RANGE = (0, 10)
COUNT_RANGE = (0, 1000)
MAX_GRATEFUL = 3


def normal_topic(topic: str) -> str:
    """Topics are compared case-insensitively with surrounding space trimmed (CONTRACT.md)."""
    return topic.strip().casefold()


@dataclass
class Checkin(Record):
    kind: ClassVar[str] = KIND
    one_a_day: ClassVar[bool] = True  # a second check-in that day updates the first
    id: str
    date: dt.date = fields.day(required=True)  # (dt. because the field's name hides the type)
    created: datetime = fields.moment(or_start_of="date")
    updated: datetime | None = fields.moment()
    mood: int | None = fields.integer(*MOOD_RANGE, flag="--mood")
    feeling: str | None = fields.text(flag="--feeling")
    trust: int | None = fields.integer(*TRUST_RANGE, flag="--trust")
    grateful: list[str] = fields.texts(flag="--grateful", most=MAX_GRATEFUL)
    care: str | None = fields.text(flag="--care")
    affection: int | None = fields.integer(*COUNT_RANGE, flag="--affection")
    detective: int | None = fields.integer(*COUNT_RANGE, flag="--detective")
    arguments: list[str] = fields.texts(flag="--argument")
    note: str | None = fields.body(flag="--note")
    private: bool = fields.boolean(flag="--private")
    extra: dict[str, Any] = fields.extra()

    def summary(self, fit: Fit = whole) -> str:
        parts = []
        if self.mood is not None:
            parts.append(f"mood {self.mood}/5")
        if self.trust is not None:
            parts.append(f"trust {self.trust}/10")
        if self.feeling:
            parts.append(fit(first_line(self.feeling)))
        if self.note:
            parts.append(fit(first_line(self.note)))
        return " · ".join(parts) or "a quiet check-in"


@dataclass
class CheckinAnswers(fields.Answers):
    """What a person gave for a check-in; None means "not given", so an update keeps it."""

    model: ClassVar[type] = Checkin
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


def find_checkin(journal: Journal, day: date) -> tuple[Document, Checkin] | None:
    """That day's check-in, reading only its month's folder."""
    files = journal.month_files(day.year, day.month, KIND)
    for entry_file in files:
        if entry_file.date == day:
            doc = journal.read(entry_file)
            return doc, Checkin.from_document(doc)
    for entry_file in files:
        # None by name; one whose date was changed by hand would hold the day all the
        # same, and a second would be made silently: reading them refuses such a file.
        Checkin.from_document(journal.read(entry_file))
    return None
