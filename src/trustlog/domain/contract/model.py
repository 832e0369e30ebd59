"""The repair contract: one revision per file, every revision kept.

A revision lives in `contracts/contract-<id>.md`: the contract is one thing
that spans months, like a promise, and reading every revision (for
`contract history`) is then one folder listing, never the month folders.
The current contract is the revision with the highest number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from trustlog.domain import folders
from trustlog.domain.core import fields
from trustlog.domain.core.entry import Fit, Record, whole

KIND = "contract"
MOST = 3  # three commitments from each person
REVISIONS = (1, 999_999)


@dataclass
class Contract(Record):
    """`mine` and `theirs`: up to three commitments each; `revisit`: when to look at it again."""

    kind: ClassVar[str] = KIND
    folder: ClassVar[str] = folders.CONTRACTS
    # CONTRACT.md publishes the revision first and the revisit last.
    json_order: ClassVar[tuple[str, ...] | None] = (
        "revision",
        "mine",
        "theirs",
        "support",
        "breaks",
        "revisit",
        "created",
    )
    id: str
    date: dt.date = fields.day(required=True)  # the day this revision was written
    created: datetime = fields.moment(or_start_of="date")
    revisit: dt.date = fields.day(flag="--revisit", required=True)
    revision: int | None = fields.integer(*REVISIONS)
    mine: list[str] = fields.texts(flag="--mine", most=MOST)
    theirs: list[str] = fields.texts(flag="--theirs", most=MOST)
    support: str | None = fields.text(flag="--support")
    breaks: str | None = fields.text(flag="--breaks")
    extra: dict[str, Any] = fields.extra()

    @property
    def number(self) -> int:
        return self.revision or 0

    def summary(self, fit: Fit = whole) -> str:
        return f"repair contract, revision {self.number}"

    def same_words(self, other: Contract) -> bool:
        """Whether two revisions say the same, revisit date included."""
        return all(getattr(self, name) == getattr(other, name) for name in PARTS)


# The parts a revision is made of, in the order they are shown and compared.
PARTS = ("mine", "theirs", "support", "breaks", "revisit")
