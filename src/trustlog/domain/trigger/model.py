"""A trigger: a moment old pain flared up, and how long it took to settle.

Stored as `YYYY/MM/<date>-trigger-<id>.md`, dated by the local date it started.
Recovery time is `resolved_at - at`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from trustlog.domain.core import fields
from trustlog.domain.core.entry import Fit, Record, first_line, whole

KIND = "trigger"
INTENSITY_RANGE = (0, 10)
BREATHED_RANGE = (0, 24 * 3600)


@dataclass
class Trigger(Record):
    kind: ClassVar[str] = KIND
    json_derived: ClassVar[tuple[str, ...]] = ("recovery_minutes",)
    id: str
    at: datetime = fields.moment(required=True, flag="--at")
    what: str | None = fields.text(flag="--what")
    intensity: int | None = fields.integer(*INTENSITY_RANGE, flag="--intensity")
    breathed_seconds: int | None = fields.integer(*BREATHED_RANGE, flag="--breathe")
    facts: str | None = fields.text(flag="--facts")
    guesses: str | None = fields.text(flag="--guesses")
    reassurance: str | None = fields.text(flag="--reassurance")
    repair: str | None = fields.text(flag="--repair")
    resolved_at: datetime | None = fields.moment(flag="--resolved-at")
    note: str | None = fields.body()
    private: bool = fields.boolean(flag="--private")
    extra: dict[str, Any] = fields.extra()

    @property
    def day(self) -> date:
        return self.at.date()

    @property
    def recovery_minutes(self) -> float | None:
        if self.resolved_at is None:
            return None
        return (self.resolved_at - self.at).total_seconds() / 60

    def summary(self, fit: Fit = whole) -> str:
        what = first_line(self.what) or "a flare-up"
        if self.recovery_minutes is None:
            return f"{what} · not settled yet"
        # How long it took is worded by the renderers (render/words.py), in the
        # one form every screen uses; the domain does not word spans of time.
        return f"{what} · settled"
