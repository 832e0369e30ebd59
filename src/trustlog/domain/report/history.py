"""What the whole journal adds up to before a given month, without re-reading it every time.

Two report figures look back over all of history: an argument is a repeat
when its topic came up on any earlier day, and a promise's strength folds in
every recorded day since it began. A `Tally` is that running state; the tally
at the end of each month is cached (storage/cache.py), so a report reads one
small cache file plus the months it shows, however old the journal is.

The tally keeps no text: argument topics are kept as SHA-256 hashes of the
trimmed, case-folded topic.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from trustlog import clock
from trustlog.domain.checkin.model import KIND as CHECKIN
from trustlog.domain.checkin.model import Checkin, normal_topic
from trustlog.domain.core.fields import Span, TextSpec, declared
from trustlog.domain.promise.model import MARK, PROMISE, Mark, Promise
from trustlog.domain.promise.schedule import STRENGTH_M, mark_value
from trustlog.domain.trigger.model import KIND as TRIGGER
from trustlog.domain.trigger.model import Trigger
from trustlog.storage import cache
from trustlog.storage.journal import Journal

# The kinds whose files the cached tally depends on: a change to any of them
# in an earlier month makes the cache stale.
CACHED_KINDS = (CHECKIN, MARK)


def topic_hash(topic: str) -> str:
    return hashlib.sha256(normal_topic(topic).encode("utf-8")).hexdigest()


@dataclass
class MonthRecords:
    """The entries of one month folder that the report uses, in the order they count."""

    checkins: list[Checkin] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)


def read_month(journal: Journal, year: int, month: int, kinds: Iterable[str]) -> MonthRecords:
    """Parse one month's check-ins, marks and triggers (only the kinds asked for)."""
    wanted = set(kinds)
    records = MonthRecords()
    marks: list[Mark] = []
    for entry_file in journal.month_files(year, month):
        if entry_file.kind not in wanted:
            continue
        doc = journal.read(entry_file)
        if entry_file.kind == CHECKIN:
            records.checkins.append(Checkin.from_document(doc))
        elif entry_file.kind == MARK:
            marks.append(Mark.from_document(doc))
        elif entry_file.kind == TRIGGER:
            records.triggers.append(Trigger.from_document(doc))
    records.checkins.sort(key=lambda c: (c.date, c.created, c.id))
    records.marks = latest_marks(marks)
    records.triggers.sort(key=lambda t: (t.at, t.id))
    return records


def latest_marks(marks: Iterable[Mark]) -> list[Mark]:
    """One mark per promise and day, by date: marking a day twice keeps the latest mark,
    even if a hand edit left both files."""
    latest: dict[tuple[str, date], Mark] = {}
    for mark in marks:
        slot = (mark.promise, mark.date)
        if slot not in latest or (mark.marked_at, mark.id) >= (
            latest[slot].marked_at,
            latest[slot].id,
        ):
            latest[slot] = mark
    return sorted(latest.values(), key=lambda m: (m.date, m.promise))


def is_calm(checked_in: bool, repeats: int, repeats_before: int) -> bool:
    """A calm month: check-ins, no argument coming back, after arguments did come back before."""
    return checked_in and repeats == 0 and repeats_before > 0


@dataclass
class Tally:
    """The running state of the journal up to some day."""

    topics: set[str] = field(default_factory=set)
    checkin_days: int = 0
    last_checkin: date | None = None
    run: int = 0  # consecutive check-in days ending at last_checkin
    longest_run: int = 0
    scores: dict[str, float] = field(default_factory=dict)
    repeats: int = 0  # repeat arguments so far
    calm_months: int = 0  # months with check-ins and no repeat, after the first repeat ever

    def add_checkin(self, checkin: Checkin) -> int:
        """Count one check-in; returns how many of its arguments are repeats."""
        day = checkin.date
        if self.last_checkin is None or day > self.last_checkin:
            if self.last_checkin is not None and day - self.last_checkin == timedelta(days=1):
                self.run += 1
            else:
                self.run = 1
            self.checkin_days += 1
            self.last_checkin = day
            self.longest_run = max(self.longest_run, self.run)
        repeats = 0
        for topic in checkin.arguments:
            if not topic.strip():
                continue
            hashed = topic_hash(topic)
            if hashed in self.topics:
                repeats += 1
            self.topics.add(hashed)
        self.repeats += repeats
        return repeats

    def add_mark(self, mark: Mark) -> None:
        score = self.scores.get(mark.promise, 0.0)
        self.scores[mark.promise] = score * STRENGTH_M + mark_value(mark) * (1 - STRENGTH_M)

    def add_month(self, records: MonthRecords) -> None:
        repeats_before = self.repeats
        month_repeats = sum(self.add_checkin(checkin) for checkin in records.checkins)
        if is_calm(bool(records.checkins), month_repeats, repeats_before):
            self.calm_months += 1
        for mark in records.marks:
            self.add_mark(mark)

    def copy(self) -> Tally:
        return Tally(
            set(self.topics),
            self.checkin_days,
            self.last_checkin,
            self.run,
            self.longest_run,
            dict(self.scores),
            self.repeats,
            self.calm_months,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "topics": sorted(self.topics),
            "checkin_days": self.checkin_days,
            "last_checkin": self.last_checkin.isoformat() if self.last_checkin else None,
            "run": self.run,
            "longest_run": self.longest_run,
            "scores": dict(sorted(self.scores.items())),
            "repeats": self.repeats,
            "calm_months": self.calm_months,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tally | None:
        """A cached tally, or None when it does not have the expected shape."""
        try:
            last = data["last_checkin"]
            tally = cls(
                topics={_text(t) for t in data["topics"]},
                checkin_days=_count(data["checkin_days"]),
                last_checkin=date.fromisoformat(last) if last else None,
                run=_count(data["run"]),
                longest_run=_count(data["longest_run"]),
                scores={_text(k): _score(v) for k, v in data["scores"].items()},
                repeats=_count(data["repeats"]),
                calm_months=_count(data["calm_months"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return tally


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _count(value: Any) -> int:
    """A cached count: a whole number, never negative (else the cache is rebuilt)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(value)
    return value


def _score(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError(value)  # NaN fails the range too
    return float(value)


def tally_before(journal: Journal, year: int, month: int, now: datetime | None = None) -> Tally:
    """The tally of every month folder before (year, month), from the cache where it is fresh.

    Checking freshness stats each earlier month folder, and once a day every
    check-in and mark file in them (storage/cache.py says why); it reads no
    entry. Only the months after the newest fresh cache file are read and
    folded (and then cached).
    """
    months = [m for m in journal.months() if m < (year, month)]
    if not months:
        return Tally()
    moment = (now or clock.now()).timestamp()
    cached = cache.Months(journal, months, CACHED_KINDS, moment)
    first, found = cached.newest(Tally.from_json)
    tally = found or Tally()
    fresh = []
    for each in months[first:]:
        tally.add_month(read_month(journal, *each, CACHED_KINDS))
        fresh.append(tally.to_json())
    cached.save(fresh)
    return tally


SCHEDULE_FIELDS = ("start", "every", "once", "end", "retired")


def promise_schedules(journal: Journal) -> list[Promise]:
    """Every promise with its schedule but without its text (`text` is "").

    Reading every promise file would grow with the years, so their schedules
    (never their text) are cached under a key over the folder's listing, sizes
    and mtimes. `promise_text` reads one promise's text when it is shown.
    """
    key = cache.undated_key(journal, Promise.folder, PROMISE)
    stored = cache.load(journal, "promises", key)
    if stored is not None:
        found = _schedules_from_json(stored)
        if found is not None:
            return found
    promises = [
        Promise.from_document(journal.read(entry_file))
        for entry_file in journal.undated_files(Promise.folder, PROMISE)
    ]
    schedules = [_without_text(promise) for promise in promises]
    data = {
        "promises": [
            {
                "id": p.id,
                **{name: _iso(getattr(p, name)) for name in SCHEDULE_FIELDS},
                "paused": [[_iso(span.first), _iso(span.last)] for span in p.paused],
            }
            for p in schedules
        ]
    }
    if schedules:
        cache.save(journal, [("promises", key, data)])
    return schedules


def promise_text(journal: Journal, promise: Promise) -> str:
    path = journal.undated_path(Promise.folder, PROMISE, promise.id)
    return Promise.from_document(journal.read(path)).summary()


def _without_text(promise: Promise) -> Promise:
    return Promise(
        id=promise.id,
        text="",
        created=datetime.combine(promise.start, datetime.min.time()),
        start=promise.start,
        every=promise.every,
        once=promise.once,
        end=promise.end,
        retired=promise.retired,
        paused=[Span(span.first, span.last) for span in promise.paused],  # days, not notes
    )


def _iso(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _schedules_from_json(data: dict[str, Any]) -> list[Promise] | None:
    """The cached schedules, or None (rebuild them) when anything in them is not as written."""

    def day(value: Any) -> date | None:
        return date.fromisoformat(value) if value else None

    def every(value: Any) -> str | None:
        spec = declared(Promise)["every"]  # what a promise file may hold, so the cache too
        valid = spec.valid if isinstance(spec, TextSpec) else None
        if value is None or (isinstance(value, str) and valid is not None and valid(value)):
            return value
        raise ValueError(value)

    try:
        return [
            Promise(
                id=_text(item["id"]),
                text="",
                created=datetime.combine(date.fromisoformat(item["start"]), datetime.min.time()),
                start=date.fromisoformat(item["start"]),
                every=every(item["every"]),
                once=day(item["once"]),
                end=day(item["end"]),
                retired=day(item["retired"]),
                paused=[Span(date.fromisoformat(a), day(b)) for a, b in item["paused"]],
            )
            for item in data["promises"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
