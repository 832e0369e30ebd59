"""What a person chose to let out of an export: the kinds, the private entries, the flags.

Kept apart from build.py, which works out the summary's figures: the JSON export
(complete.py) needs only these, and importing the summary's machinery cost
every `export --format json` about 50 ms before it read a file.
"""

from __future__ import annotations

from datetime import date

from trustlog.domain import kinds
from trustlog.domain.core.entry import Entry
from trustlog.domain.export.model import NOT_CHOSEN, PRIVATE
from trustlog.domain.export.redact import Redactor
from trustlog.domain.promise.model import MARK, PROMISE
from trustlog.errors import InputError

# Kinds that go together: a promise's calendar is made of its marks.
TOGETHER = {PROMISE: (MARK,), MARK: (PROMISE,)}


def check_kinds(only: tuple[str, ...]) -> tuple[str, ...]:
    """--only's kind names, checked against the registry; promise and mark go together."""
    chosen: list[str] = []
    for name in only:
        cleaned = name.strip().lower()
        if cleaned not in kinds.NAMES:
            known = ", ".join(kinds.NAMES)
            raise InputError(f"--only: '{name}' is not a kind of entry; the kinds are {known}.")
        chosen += [cleaned, *TOGETHER.get(cleaned, ())]
    return tuple(dict.fromkeys(chosen))


def check_flags(start: date | None, end: date | None, redact: tuple[str, ...]) -> None:
    """The dates and words a person gave, checked before any file is looked at."""
    if start is not None and end is not None and start > end:
        raise InputError(f"--from {start} is after --to {end}: please swap them.")
    Redactor(redact)  # refuses an empty word, or the mark itself


def left_out_because(entry: Entry, include_private: bool, only: tuple[str, ...]) -> str | None:
    kind = getattr(entry, "stored_kind", entry.kind)
    if only and kind not in only:
        return NOT_CHOSEN
    if not include_private and is_private(entry):
        return PRIVATE
    return None


def is_private(entry: Entry) -> bool:
    """Marked private: a kind's `private` field, or `private: true` in a hand-kept file."""
    if getattr(entry, "private", False) is True:
        return True
    stored = getattr(entry, "fields", None) or getattr(entry, "extra", None) or {}
    return stored.get("private") is True
