"""What a progress report holds: the figures of one period, and the report of two.

Plain data, built by figures.py and read by progress.py (trends, milestones,
notes) and by the renderer; nothing here reads the journal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from trustlog.domain.core.period import Period

if TYPE_CHECKING:
    from trustlog.domain.partner.figures import SideBySide


@dataclass
class PromiseFigures:
    kept: int = 0
    broken: int = 0  # broken and not repaired
    repaired: int = 0  # broken, then repaired
    unrecorded: int = 0
    strength: float | None = None

    @property
    def follow_through(self) -> float | None:
        """kept / (kept + broken + repaired): repaired counts as broken; unrecorded left out."""
        recorded = self.kept + self.broken + self.repaired
        return self.kept / recorded if recorded else None

    def to_json(self) -> dict[str, Any]:
        return {
            "kept": self.kept,
            "broken": self.broken,
            "repaired": self.repaired,
            "unrecorded": self.unrecorded,
            "follow_through": self.follow_through,
            "strength": self.strength,
        }


@dataclass
class TriggerFigures:
    """The triggers that started inside the period: when, and minutes to settle (None: not yet)."""

    items: list[tuple[datetime, float | None]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def settled(self) -> list[float]:
        return [minutes for _, minutes in self.items if minutes is not None]

    @property
    def resolved(self) -> int:
        return len(self.settled)

    @property
    def median_recovery_minutes(self) -> float | None:
        settled = self.settled
        if not settled:
            return None
        import statistics  # only a period with a settled trigger pays for it

        return float(statistics.median(settled))

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "resolved": self.resolved,
            "median_recovery_minutes": self.median_recovery_minutes,
        }


@dataclass
class RitualFigures:
    """The weekly ritual in a period: repair check-ins, dates, and days with an act of care."""

    repair: int = 0
    date: int = 0
    care_days: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"repair": self.repair, "date": self.date, "care_days": self.care_days}


@dataclass
class DayFigures:
    """One day of the period, for the sparklines and the calendar."""

    date: date
    checkin: bool = False
    mood: float | None = None
    trust: float | None = None
    kept: int = 0
    broken: int = 0
    repaired: int = 0
    unrecorded: int = 0
    triggers: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "checkin": self.checkin,
            "mood": self.mood,
            "trust": self.trust,
            "kept": self.kept,
            "broken": self.broken,
            "repaired": self.repaired,
            "unrecorded": self.unrecorded,
            "triggers": self.triggers,
        }


@dataclass
class Figures:
    """Every figure of one period."""

    period: Period
    checkin_days: int = 0
    longest_streak: int = 0
    mood_average: float | None = None
    trust_average: float | None = None
    promises: PromiseFigures = field(default_factory=PromiseFigures)
    triggers: TriggerFigures = field(default_factory=TriggerFigures)
    arguments: int = 0
    repeats: int = 0
    affection: int = 0
    detective: int = 0
    days: list[DayFigures] = field(default_factory=list)
    ritual: RitualFigures = field(default_factory=RitualFigures)

    def per_day(self, count: int) -> float | None:
        """A count per check-in day: logging more often is neither praise nor blame."""
        return count / self.checkin_days if self.checkin_days else None

    @property
    def empty(self) -> bool:
        p = self.promises
        recorded = p.kept + p.broken + p.repaired
        return not (self.checkin_days or recorded or self.triggers.count)

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period.to_json(),
            "checkins": {"days": self.checkin_days, "longest_streak": self.longest_streak},
            "mood": {"average": self.mood_average},
            "trust": {"average": self.trust_average},
            "promises": self.promises.to_json(),
            "triggers": self.triggers.to_json(),
            "arguments": {"count": self.arguments, "repeats": self.repeats},
            "affection": {"count": self.affection},
            "detective_work": {"count": self.detective},
            "ritual": self.ritual.to_json(),
        }


@dataclass
class Report:
    current: Figures
    previous: Figures
    as_of: date
    today: date
    trends: dict[str, str | None] = field(default_factory=dict)
    milestones: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    earlier_recorded: bool = False  # anything in the whole period before, not only the span
    # The frame you agreed on, as of today: {"revisit", "due"} of the contract (None before
    # one is written), and the ids of the agreements due for review.
    contract: dict[str, Any] | None = None
    reviews_due: list[str] = field(default_factory=list)
    # What the partner shared over this period, as theirs (domain/partner/figures.py).
    partner: SideBySide | None = None

    @property
    def empty(self) -> bool:
        return self.current.empty

    @property
    def running(self) -> bool:
        """Is the period still going on (today inside it)? Then it is compared with a part."""
        return self.current.period.start <= self.today <= self.current.period.end

    @property
    def partial(self) -> bool:
        """Is `previous` only the first part of the period before (like with like)?"""
        return self.previous.period != self.current.period.previous()
