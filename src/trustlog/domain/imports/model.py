"""What an import brings: the kind jrnl's entries become, and what an import did.

A `JrnlEntry` is one entry of jrnl (jrnl.sh), as its `jrnl --export json`
gives it: the day and time it was written, its title (jrnl's first sentence),
the rest of its text, its tags (with their symbol, `@work`) and its star.
It is dated, `YYYY/MM/<date>-jrnl-<id>.md`, and its text is the body, as a
check-in's note is. Anything else jrnl gave (a Day One `uuid`, its `creator`)
is kept in one table, `jrnl` (FOREIGN), never beside our fields: there a jrnl
key named `private`, `kind` or `date` would take on trustlog's meaning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from trustlog.domain.core import fields
from trustlog.domain.core.entry import Fit, Record, first_line, whole

JRNL = "jrnl"
FOREIGN = "jrnl"  # the table of what else jrnl gave: a name trustlog gives no meaning


@dataclass
class JrnlEntry(Record):
    kind: ClassVar[str] = JRNL
    id: str
    date: dt.date = fields.day(required=True)  # (dt. because the field's name hides the type)
    created: datetime = fields.moment(or_start_of="date")  # jrnl's time, with its offset here
    title: str | None = fields.text()
    tags: list[str] = fields.texts()
    starred: bool = fields.boolean()
    note: str | None = fields.body()
    extra: dict[str, Any] = fields.extra()

    def summary(self, fit: Fit = whole) -> str:
        line = fit(first_line(self.title) or first_line(self.note))
        return f"★ {line}" if self.starred else line


@dataclass(frozen=True)
class Conflict:
    """An entry of the file not imported because the journal has another in its place:
    the same id with other contents, or (a check-in) another check-in on its day.
    `yours` is the id of the journal's entry, kept as it was. `id` is the file's
    (None for jrnl's entries, which have none)."""

    id: str | None
    kind: str
    date: str | None
    yours: str


@dataclass
class Imported:
    """What an import did: how many entries it added and skipped, by kind.

    `skipped`: entries the journal already had, exactly as the file has them.
    `conflicts`: entries the journal has another of (its own was kept).
    `profile_set`: settings of `trustlog init` the journal lacked and now has
    from the file; `profile_kept`: ones the file gives differently (yours
    were kept). `partial`: what the file itself says it left out when it was
    exported ("private", "only", "redacted", "dates").
    """

    source: str
    imported: int = 0
    skipped: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    profile_set: list[str] = field(default_factory=list)
    profile_kept: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
