"""Writing promises and marks with chosen ids and dates, for tests."""

from __future__ import annotations

from datetime import date, datetime

from trustlog.domain.core.entry import path_of
from trustlog.domain.promise.model import Mark, Promise
from trustlog.storage.journal import Journal

CREATED = datetime.fromisoformat("2026-01-01T09:00:00+00:00")


def put_promise(journal: Journal, promise_id: str, start: str, **fields: object) -> Promise:
    promise = Promise(
        id=promise_id,
        text=str(fields.pop("text", f"promise {promise_id}")),
        created=CREATED,
        start=date.fromisoformat(start),
        **fields,  # type: ignore[arg-type]
    )
    with journal.writing():
        journal.write(path_of(journal, promise), *promise.to_document())
    return promise


def put_mark(
    journal: Journal,
    promise_id: str,
    day: str,
    outcome: str = "kept",
    repair: str | None = None,
    mark_id: str | None = None,
    marked_at: str = "2026-01-01T21:00:00+00:00",
) -> Mark:
    the_day = date.fromisoformat(day)
    mark = Mark(
        id=mark_id or journal.new_id(),
        promise=promise_id,
        date=the_day,
        outcome=outcome,
        marked_at=datetime.fromisoformat(marked_at),
        repair=repair,
    )
    with journal.writing():
        journal.write(path_of(journal, mark), *mark.to_document())
    return mark
