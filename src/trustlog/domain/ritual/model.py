"""The weekly connection ritual: each repair check-in or date, and the planned weekly times.

A `Ritual` is one part of the week's ritual done: the repair check-in (with
its minutes and the answers to its four questions) or the fun date. It is
dated, `YYYY/MM/<date>-ritual-<id>.md`. The `Plan` is the weekly times the
two people chose, one file (`plans/plan-<id>.md`) updated in place, so an
export carries it like any other entry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from trustlog.domain import folders
from trustlog.domain.core import fields
from trustlog.domain.core.entry import Fit, Record, first_line, whole
from trustlog.domain.promise.schedule import FULL_NAMES, WEEKDAYS
from trustlog.errors import InputError

KIND = "ritual"
PLAN = "plan"
REPAIR, DATE = "repair", "date"
PARTS = (REPAIR, DATE)
# A repair check-in is 20–30 minutes; ten hours is far past any one sitting.
MINUTES_RANGE = (0, 600)
MOST_PROCESSING = 2  # scheduled processing: once or twice a week
QUESTIONS = ("facts", "feelings", "progress", "helped")

_SLOT = re.compile(r"^(?P<day>[a-z]+)\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})$")


def _is_part(value: str) -> bool:
    return value in PARTS


def is_slot(value: str) -> bool:
    """Is `value` a slot as stored: `parse_slot` gives it back unchanged."""
    try:
        return parse_slot(value, "") == value
    except InputError:
        return False


SLOT_SHOULD_BE = 'a day and a time like "sun 19:00"'


@dataclass
class Ritual(Record):
    kind: ClassVar[str] = KIND
    id: str
    date: dt.date = fields.day(required=True)  # (dt. because the field's name hides the type)
    created: datetime = fields.moment(or_start_of="date")
    what: str = fields.text(required=True, valid=_is_part, should_be='"repair" or "date"')
    minutes: int | None = fields.integer(*MINUTES_RANGE, flag="--minutes")
    facts: str | None = fields.text(flag="--facts")
    feelings: str | None = fields.text(flag="--feelings")
    progress: str | None = fields.text(flag="--progress")
    helped: str | None = fields.text(flag="--helped")
    private: bool = fields.boolean(flag="--private")
    note: str | None = fields.body(flag="--note")
    extra: dict[str, Any] = fields.extra()

    def summary(self, fit: Fit = whole) -> str:
        what = "the repair check-in" if self.what == REPAIR else "the weekly date"
        note = first_line(self.note)
        return f"{what} · {fit(note)}" if note else what


@dataclass
class RitualAnswers(fields.Answers):
    """What a person gave for a ritual, by flag or by the guided check-in; None = not given."""

    model: ClassVar[type] = Ritual
    minutes: int | None = None
    facts: str | None = None
    feelings: str | None = None
    progress: str | None = None
    helped: str | None = None
    private: bool | None = None
    note: str | None = None


@dataclass
class Plan(Record):
    """The weekly times: each slot is `"<day> HH:MM"` (`"sun 19:00"`), local time."""

    kind: ClassVar[str] = PLAN
    folder: ClassVar[str] = folders.PLANS
    id: str
    since: dt.date = fields.day(required=True)  # the day it was last changed
    created: datetime = fields.moment(or_start_of="since")
    repair: str | None = fields.text(valid=is_slot, should_be=SLOT_SHOULD_BE)
    fun_date: str | None = fields.text(valid=is_slot, should_be=SLOT_SHOULD_BE)
    processing: list[str] = fields.texts(most=MOST_PROCESSING)
    note: str | None = fields.body()
    extra: dict[str, Any] = fields.extra()

    @property
    def day(self) -> dt.date:
        return self.since

    def summary(self, fit: Fit = whole) -> str:
        parts = [
            f"{label} {slot}"
            for label, slot in (("repair", self.repair), ("date", self.fun_date))
            if slot
        ]
        parts += [f"processing {slot}" for slot in self.processing]
        return "the weekly ritual: " + (", ".join(parts) or "no times set")


def parse_slot(text: str, flag: str) -> str:
    """ "Sun 19:00", "sunday 7:00" → "sun 19:00": a weekday and a local time, normalised."""
    found = _SLOT.match(text.strip().lower())
    problem = f"{flag}: '{text}' is not a day and a time I can read." if flag else ""
    hint = 'Please give a weekday and a time, such as "sun 19:00".'
    if not found:
        raise InputError(problem, hint=hint)
    name, hour, minute = found["day"], int(found["hour"]), int(found["minute"])
    short = name[:3]
    if (
        short not in WEEKDAYS
        or not FULL_NAMES[WEEKDAYS.index(short)].startswith(name)
        or hour > 23
        or minute > 59
    ):
        raise InputError(problem, hint=hint)
    return f"{short} {hour:02d}:{minute:02d}"


def slot_parts(slot: str) -> tuple[int, int, int]:
    """A stored slot as (weekday 0–6, hour, minute)."""
    name, time = slot.split()
    hour, minute = time.split(":")
    return WEEKDAYS.index(name), int(hour), int(minute)
