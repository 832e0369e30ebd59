"""Reading values a person typed (flags, prompts) into checked domain values.

Every error names the flag or value, so the person knows what to change.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from trustlog.errors import InputError

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_date(value: str, flag: str = "--date") -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"{flag}: '{value}' is not a date I can read. Please use YYYY-MM-DD, "
            "for example 2026-11-24."
        ) from None


def parse_time(value: str, flag: str = "--at") -> datetime:
    """A local time `YYYY-MM-DD HH:MM`, returned with the local UTC offset."""
    text = value.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", text):
            raise ValueError
        return datetime.fromisoformat(text.replace("T", " ")).astimezone()
    except ValueError:
        raise InputError(
            f"{flag}: '{value}' is not a time I can read. Please use 'YYYY-MM-DD HH:MM', "
            "for example '2026-11-24 19:30'."
        ) from None


def parse_month(value: str, flag: str = "--month") -> tuple[int, int]:
    found = _MONTH.match(value.strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise InputError(f"{flag}: '{value}' is not a month. Please use YYYY-MM, such as 2026-11.")
    return int(found.group(1)), int(found.group(2))


def parse_week(value: str, flag: str = "--week") -> tuple[int, int]:
    found = _WEEK.match(value.strip())
    if found:
        year, week = int(found.group(1)), int(found.group(2))
        try:
            date.fromisocalendar(year, week, 1)
            return year, week
        except ValueError:
            pass
    raise InputError(
        f"{flag}: '{value}' is not an ISO week. Please use YYYY-Www, such as 2026-W48."
    )


def in_range(value: int, low: int, high: int, flag: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InputError(f"{flag}: please give a whole number from {low} to {high} (got {value}).")
    return value


def text_or_none(value: str | None) -> str | None:
    """Text exactly as typed, or None when nothing but space was typed."""
    if value is None or not value.strip():
        return None
    return value


def texts(values: list[str] | None) -> list[str]:
    return [value for value in (values or []) if value.strip()]
