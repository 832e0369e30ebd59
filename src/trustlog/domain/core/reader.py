"""Reading an entry's fields back from its file, each checked for what it may hold.

A wrong value is refused with the file, the line and what the field should be
(`JournalError`, exit 1): a file a hand edit broke is named, never rewritten.
The declarations a kind reads with are in fields.py.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from trustlog.errors import JournalError
from trustlog.storage.document import Document, damaged

YEARS = (1000, 8999)  # the dates a file may hold


class FieldReader:
    """Reads typed fields from a document; a wrong one names the file and line."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.seen: set[str] = set()

    def fail(self, key: str, reason: str) -> JournalError:
        assert self.doc.path is not None
        return damaged(self.doc.path, self.doc.line_of(key), f"'{key}' {reason}")

    def _get(self, key: str, required: bool) -> Any:
        self.seen.add(key)
        value = self.doc.fields.get(key)
        if value is None and required:
            assert self.doc.path is not None
            raise damaged(self.doc.path, None, f"'{key}' is missing")
        return value

    def raw(self, key: str) -> Any:
        """The value as the file holds it, for a field helper that checks it itself."""
        return self._get(key, False)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is not None and not isinstance(value, str):
            raise self.fail(key, "should be text in quotes")
        return value

    def texts(self, key: str) -> list[str]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, 'should be a list of texts, like ["one", "two"]')
        return value

    def integer(self, key: str, low: int, high: int, required: bool = False) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(key, f"should be a whole number from {low} to {high}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(key, "should be true or false")
        return value

    def day(self, key: str, required: bool = False) -> date | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self.fail(key, "should be a date, like 2026-11-24 (no quotes)")
        self._within_years(key, value)
        return value

    def moment(self, key: str, required: bool = False) -> datetime | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise self.fail(key, "should be a date and time, like 2026-11-24T19:30:00+01:00")
        self._within_years(key, value)
        if value.tzinfo is None:
            value = value.astimezone()  # a hand-written local time: read it as local
        return value

    def _within_years(self, key: str, value: date) -> None:
        # Far from now, a day's arithmetic (a week on, the local time) would run off
        # the calendar Python knows, years 1 to 9999: a typo, named like any other.
        if not YEARS[0] <= value.year <= YEARS[1]:
            raise self.fail(key, f"should be a date from the year {YEARS[0]} to {YEARS[1]}")

    def moment_or_start_of(self, key: str, day: date) -> datetime:
        """A time a hand-written entry may leave out: then the start of its day."""
        return self.moment(key) or datetime.combine(day, datetime.min.time()).astimezone()

    def identity(self, kind: str) -> str:
        entry_id = self.text("id", required=True)
        self.text("kind", required=True)
        assert entry_id is not None
        return entry_id

    def extra(self) -> dict[str, Any]:
        """Fields this version does not know (added by hand, or by a newer one), kept as is."""
        return {k: v for k, v in self.doc.fields.items() if k not in self.seen}
