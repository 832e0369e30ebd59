"""Small journals for the report tests, written entry by entry with the domain's own dataclasses."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from trustlog.domain.checkin.model import Checkin
from trustlog.domain.core.entry import path_of
from trustlog.domain.promise.model import Mark, Promise
from trustlog.domain.trigger.model import Trigger
from trustlog.storage.journal import Journal

_ids = itertools.count(1)


def new_id(prefix: str) -> str:
    return f"{prefix}{next(_ids):04d}"


def moment(text: str) -> datetime:
    """'2026-11-05 10:00' as a UTC moment (the tests run in UTC)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def checkin(journal: Journal, day: str, **fields: object) -> Checkin:
    when = date.fromisoformat(day)
    entry = Checkin(
        id=new_id("c"),
        date=when,
        created=datetime.combine(when, datetime.min.time(), UTC),
        **fields,  # type: ignore[arg-type]
    )
    with journal.writing():
        journal.write(journal.dated_path(when, "checkin", entry.id), *entry.to_document())
    return entry


def promise(
    journal: Journal,
    text: str,
    start: str,
    every: str | None = "daily",
    end: str | None = None,
    once: str | None = None,
) -> Promise:
    begins = date.fromisoformat(start)
    entry = Promise(
        id=new_id("p"),
        text=text,
        created=datetime.combine(begins, datetime.min.time(), UTC),
        start=begins,
        every=every,
        end=date.fromisoformat(end) if end else None,
        once=date.fromisoformat(once) if once else None,
    )
    with journal.writing():
        journal.write(path_of(journal, entry), *entry.to_document())
    return entry


def mark(
    journal: Journal,
    kept_promise: Promise,
    day: str,
    outcome: str,
    repair: str | None = None,
    note: str | None = None,
) -> Mark:
    when = date.fromisoformat(day)
    entry = Mark(
        id=new_id("m"),
        promise=kept_promise.id,
        date=when,
        outcome=outcome,
        marked_at=datetime.combine(when, datetime.min.time(), UTC),
        repair=repair,
        note=note,
    )
    with journal.writing():
        journal.write(journal.dated_path(when, "mark", entry.id), *entry.to_document())
    return entry


def marks(journal: Journal, kept_promise: Promise, days: list[str], outcome: str) -> None:
    for day in days:
        mark(journal, kept_promise, day, outcome)


def trigger(journal: Journal, at: str, resolved_at: str | None = None, **fields: object) -> Trigger:
    entry = Trigger(
        id=new_id("t"),
        at=moment(at),
        resolved_at=moment(resolved_at) if resolved_at else None,
        **{"what": "a flare-up", **fields},  # type: ignore[arg-type]
    )
    with journal.writing():
        journal.write(journal.dated_path(entry.day, "trigger", entry.id), *entry.to_document())
    return entry
