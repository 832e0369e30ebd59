"""A report's period: a calendar month, an ISO week or a span of days, and the one before it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from trustlog.domain.core import values

MONTH = "month"
WEEK = "week"
SPAN = "span"  # any run of days, such as an export's window
FIRST_YEAR = 1900
LAST_YEAR = 9998


@dataclass(frozen=True)
class Period:
    kind: str  # "month", "week" or "span"
    start: date
    end: date

    @property
    def label(self) -> str:
        """2026-11 or 2026-W48: what a person would type after --month or --week."""
        if self.kind == MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == SPAN:
            return f"{self.start.isoformat()}..{self.end.isoformat()}"
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def title(self) -> str:
        """November 2026, Week 48 of 2026, 29 October to 25 November 2026, or 15 November 2026."""
        if self.kind == MONTH:
            return f"{self.start:%B %Y}"
        if self.kind == SPAN:
            if self.start == self.end:
                return f"{self.start.day} {self.start:%B %Y}"
            first = f"{self.start.day} {self.start:%B}"
            if self.start.year != self.end.year:
                first += f" {self.start.year}"
            return f"{first} to {self.end.day} {self.end:%B %Y}"
        year, week, _ = self.start.isocalendar()
        return f"Week {week} of {year}"

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def previous(self) -> Period:
        if self.kind == MONTH:
            last = self.start - timedelta(days=1)
            return month_period(last.year, last.month)
        # A week, or a span: as many days just before it.
        length = self.end - self.start + timedelta(days=1)
        return Period(self.kind, self.start - length, self.start - timedelta(days=1))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat()}


def month_period(year: int, month: int) -> Period:
    start = date(year, month, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(MONTH, start, following - timedelta(days=1))


def week_period(year: int, week: int) -> Period:
    start = date.fromisocalendar(year, week, 1)
    return Period(WEEK, start, start + timedelta(days=6))


def parse_period(month: str | None, week: str | None, today: date) -> Period:
    """From --month / --week as typed; "" means the current one, neither means this month."""
    from trustlog.errors import InputError

    if month is not None and week is not None:
        raise InputError("--month and --week: please choose one of them, not both.")
    if week is not None:
        if not week.strip():
            year, number, _ = today.isocalendar()
            return week_period(year, number)
        year, number = values.parse_week(week, "--week")
        _check_year(year, week, "--week")
        return week_period(year, number)
    if month is not None and month.strip():
        year, number = values.parse_month(month, "--month")
        _check_year(year, month, "--month")
        return month_period(year, number)
    return month_period(today.year, today.month)


def _check_year(year: int, typed: str, flag: str) -> None:
    # The report also looks at the period before (and a few weeks back), which
    # must still be a date Python can hold.
    from trustlog.errors import InputError

    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError(
            f"{flag}: '{typed}' is out of range; "
            f"please give a year from {FIRST_YEAR} to {LAST_YEAR}."
        )
