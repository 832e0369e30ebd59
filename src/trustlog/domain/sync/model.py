"""The conflict copy: the other version of an entry two devices changed, kept by `sync`.

When the same entry was changed on two devices, the later change is kept in its
place and the other version is kept whole, as a `conflict` entry
(`conflicts/conflict-<id>.md`), so nothing a person wrote is dropped. It is
listed by `trustlog entries --kind conflict`, shown on the dashboard, and gone
when the person deletes it (`trustlog delete ID`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from trustlog.domain import folders
from trustlog.domain.core import fields
from trustlog.domain.core.entry import Fit, Record, whole

KIND = "conflict"


@dataclass
class Conflict(Record):
    kind: ClassVar[str] = KIND
    folder: ClassVar[str] = folders.CONFLICTS
    id: str
    date: dt.date = fields.day(required=True)  # the day of the entry it is a version of
    of: str = fields.text(required=True)  # that entry's id
    of_kind: str = fields.text(required=True)
    written: datetime | None = fields.moment()  # when this version was written
    text: str | None = fields.body()  # the version, whole, as its file held it
    extra: dict[str, Any] = fields.extra()

    def summary(self, fit: Fit = whole) -> str:
        return f"another version of {self.of_kind} {self.of}, kept by sync"
