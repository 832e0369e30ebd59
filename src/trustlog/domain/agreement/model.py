"""Agreements: specific, mutual rules by area, each kept with its earlier wordings.

An agreement spans months, so it lives in a folder of its own,
`agreements/agreement-<id>.md`, like a promise. Revising it moves the old
wording into `earlier` (oldest first); retiring it keeps the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from trustlog.domain import folders
from trustlog.domain.core import fields
from trustlog.domain.core.entry import Fit, Record, first_line, whole

KIND = "agreement"
AREAS = (
    "communication",
    "privacy",
    "social-media",
    "substances",
    "spending",
    "disclosure",
    "other",
)
AREAS_WORDS = ", ".join(AREAS[:-1]) + " or " + AREAS[-1]


@dataclass
class Agreement(Record):
    kind: ClassVar[str] = KIND
    folder: ClassVar[str] = folders.AGREEMENTS
    id: str
    text: str = fields.text(required=True)
    area: str = fields.text(
        required=True, valid=AREAS.__contains__, should_be=AREAS_WORDS, flag="--area"
    )
    start: date = fields.day(required=True)  # the day it was agreed
    created: datetime = fields.moment(or_start_of="start")
    review: date | None = fields.day(flag="--review")
    revised: date | None = fields.day()  # the day it was last reworded
    retired: date | None = fields.day()
    earlier: list[str] = fields.texts()  # every earlier wording, oldest first
    extra: dict[str, Any] = fields.extra()

    @property
    def day(self) -> date:
        return self.start

    def summary(self, fit: Fit = whole) -> str:
        return fit(first_line(self.text))

    def review_due(self, today: date) -> bool:
        return self.retired is None and self.review is not None and self.review <= today
