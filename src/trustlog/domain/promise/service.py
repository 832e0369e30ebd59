"""Daily promise tracking: reading, adding, marking and retiring promises.

How each promise stands (its figures, what is due) is in standing.py.

Promises live in one folder, so finding one by id reads that folder only,
never the months of history (`Journal.find` would list them all).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from trustlog.domain.core import values
from trustlog.domain.core.entry import (
    entry_file_of,
    kept_files,
    path_of,
    read_kept,
    read_record,
    retire_record,
)
from trustlog.domain.promise.model import BROKEN, MARK, OUTCOMES, PROMISE, Mark, Promise
from trustlog.domain.promise.schedule import describe_schedule, is_scheduled, parse_every
from trustlog.errors import InputError
from trustlog.storage.journal import EntryFile, Journal
from trustlog.storage.names import IdWords, resolve_id

_DUE = re.compile(r"^(\d{1,2}):(\d{2})$")


# -- reading ---------------------------------------------------------------------


def promise_files(journal: Journal) -> list[EntryFile]:
    return kept_files(journal, Promise)


def load_promise(journal: Journal, entry_file: EntryFile) -> Promise:
    return read_record(journal, Promise, entry_file)


def load_promises(journal: Journal) -> list[Promise]:
    """Every promise, oldest start first."""
    return sorted(read_kept(journal, Promise), key=lambda p: (p.start, p.created, p.id))


def find_promise(
    journal: Journal, id_or_prefix: str, flag: str = "ID"
) -> tuple[EntryFile, Promise]:
    """The one promise whose id is, or starts with, `id_or_prefix`; errors name `flag`.

    Only the promises folder is listed, not the whole journal.
    """
    words = IdWords(
        empty=f"{flag}: please give a promise's id, such as k3m9x.",
        missing=f"{flag}: no promise has the id '{{given}}'.",
        hint="`trustlog promise list --all` shows every promise with its id.",
        many=f"{flag}: '{{given}}' could be any of the promises {{ids}}; "
        "please type more of the id.",
    )
    entry_file = resolve_id(promise_files(journal), id_or_prefix, words)
    return entry_file, load_promise(journal, entry_file)


def promise_by_id(journal: Journal, promise_id: str) -> Promise | None:
    """The promise with exactly this id, if it (still) exists."""
    path = journal.undated_path(Promise.folder, PROMISE, promise_id)
    # An id edited by hand into something that is not an id names no promise.
    if not (promise_id.isalnum() and path.is_file()):
        return None
    return Promise.from_document(journal.read(path))


def load_marks(journal: Journal, start: date, end: date) -> dict[str, dict[date, Mark]]:
    """The marks from `start` to `end`, by promise and day; reads only those months.

    Two files for the same promise and day (a copied journal, a hand edit) are
    settled by the later `marked_at`, as marking twice keeps the latest.
    """
    marks: dict[str, dict[date, Mark]] = {}
    for _, mark in _marks_between(journal, start, end):
        days = marks.setdefault(mark.promise, {})
        before = days.get(mark.date)
        if before is None or mark.marked_at >= before.marked_at:
            days[mark.date] = mark
    return marks


def _marks_between(journal: Journal, start: date, end: date) -> Iterable[tuple[EntryFile, Mark]]:
    for entry_file in journal.files_between(start, end, MARK):
        doc = journal.read(entry_file)
        entry_file_of(doc, entry_file)
        yield entry_file, Mark.from_document(doc)


def marks_of(journal: Journal, promise: Promise) -> list[tuple[EntryFile, Mark]]:
    """Every mark of `promise`, from the month it started on (deleting it removes them)."""
    found = journal.files_between(promise.start.replace(day=1), None, MARK)
    marks = []
    for entry_file in found:
        doc = journal.read(entry_file)
        if doc.fields.get("promise") == promise.id:
            entry_file_of(doc, entry_file)
            marks.append((entry_file, Mark.from_document(doc)))
    return marks


# -- adding ----------------------------------------------------------------------


@dataclass
class NewPromise:
    """What a person asked for; checked by `add_promise`. Strings are as typed."""

    text: str | None
    every: str | None = None
    once: str | None = None
    due: str | None = None
    start: str | None = None
    end: str | None = None


def parse_due(text: str, flag: str = "--due") -> str:
    """A time of day, `HH:MM`, normalised to two digits each."""
    found = _DUE.match(text.strip())
    if found and int(found.group(1)) < 24 and int(found.group(2)) < 60:
        return f"{int(found.group(1)):02d}:{found.group(2)}"
    raise InputError(f"{flag}: '{text}' is not a time of day. Please use HH:MM, such as 19:00.")


def check_new_promise(asked: NewPromise, now: datetime, today: date) -> Promise:
    """The promise `asked` describes (its id still empty), or an InputError naming the flag.

    It starts `today` (the journal's day, clock.day_of) unless asked otherwise."""
    text = values.text_or_none(asked.text)
    if text is None:
        raise InputError(
            "TEXT: please say what you promise, for example "
            'trustlog promise add "Text if I\'m running late".'
        )
    if asked.once is not None and asked.every is not None:
        raise InputError("--once and --every: please choose one; --once is a single day.")
    if asked.once is not None and (asked.start is not None or asked.end is not None):
        raise InputError("--once: a promise for one day has no --start or --end.")
    once = values.parse_date(asked.once, "--once") if asked.once is not None else None
    every = parse_every(asked.every, "--every") if asked.every is not None else "daily"
    start = values.parse_date(asked.start, "--start") if asked.start is not None else None
    end = values.parse_date(asked.end, "--end") if asked.end is not None else None
    start = once or start or today
    if end is not None and end < start:
        raise InputError(f"--end {end} is before the start {start}: please check the dates.")
    return Promise(
        id="",
        text=text.strip(),
        created=now,
        start=start,
        every=None if once else every,
        once=once,
        due=parse_due(asked.due) if asked.due is not None else None,
        end=end,
    )


def add_promise(journal: Journal, asked: NewPromise, now: datetime, today: date) -> Promise:
    promise = check_new_promise(asked, now, today)
    with journal.writing():
        promise = replace(promise, id=journal.new_id())
        save_new_promise(journal, promise)
    return promise


def save_new_promise(journal: Journal, promise: Promise) -> None:
    """Write the file of a promise whose id was just chosen (under `journal.writing()`)."""
    journal.write(path_of(journal, promise), *promise.to_document())


# -- marking ---------------------------------------------------------------------


@dataclass
class MarkRequest:
    """One outcome to record: `promise` is an id or a prefix of one."""

    promise: str
    outcome: str
    repair: str | None = None
    note: str | None = None
    flag: str = "ID"  # the flag an error about this request names


@dataclass
class PlannedMark:
    """A checked request: the promise is known and due that day."""

    promise: Promise
    day: date
    outcome: str
    repair: str | None
    note: str | None


@dataclass
class MarkResult:
    mark: Mark
    promise: Promise
    replaced: Mark | None  # the earlier mark of that day, if there was one


def plan_marks(
    journal: Journal, day: date, requests: Sequence[MarkRequest], today: date
) -> list[PlannedMark]:
    """Check every request before anything is written: ids, schedules, no contradictions."""
    if requests and day > today:
        raise InputError(
            f"--date: {day.isoformat()} has not come yet; a day can be marked once it has begun."
        )
    planned: dict[str, PlannedMark] = {}
    for request in requests:
        if request.outcome not in OUTCOMES:
            raise InputError(f"'{request.outcome}' is not an outcome: use kept or broken.")
        _, promise = find_promise(journal, request.promise, request.flag)
        if not is_scheduled(promise, day):
            flag = "--date" if request.flag == "ID" else request.flag
            if promise.paused_on(day):
                raise InputError(
                    f"{flag}: the promise '{promise.summary()}' ({promise.id}) is paused on "
                    f"{day:%A} {day.isoformat()}: a paused day is not due, so it is not marked.",
                    hint=f"`trustlog promise resume {promise.id} --date {day.isoformat()}` "
                    "makes it due again from that day.",
                )
            raise InputError(
                f"{flag}: the promise '{promise.summary()}' ({promise.id}) is not due on "
                f"{day:%A} {day.isoformat()}; it is due {describe_schedule(promise)}.",
                hint="Only a day on which a promise is due can be marked.",
            )
        earlier = planned.get(promise.id)
        if earlier is not None and earlier.outcome != request.outcome:
            raise InputError(
                f"--kept and --broken both name the promise '{promise.summary()}' "
                f"({promise.id}): please choose one."
            )
        planned[promise.id] = PlannedMark(
            promise=promise,
            day=day,
            outcome=request.outcome,
            repair=values.text_or_none(request.repair) if request.outcome == BROKEN else None,
            note=values.text_or_none(request.note),
        )
    return list(planned.values())


def write_marks(
    journal: Journal, planned: Sequence[PlannedMark], now: datetime
) -> list[MarkResult]:
    """Record checked marks; a mark for a promise and day that has one replaces it."""
    results = []
    with journal.writing():
        for plan in planned:
            existing = _existing_mark(journal, plan.promise.id, plan.day)
            if existing is None:
                mark_id = journal.new_id()
                path = journal.dated_path(plan.day, MARK, mark_id)
            else:
                mark_id, path = existing[1].id, existing[0].path
            mark = Mark(
                id=mark_id,
                promise=plan.promise.id,
                date=plan.day,
                outcome=plan.outcome,
                marked_at=now,
                repair=plan.repair,
                note=plan.note,
                extra=existing[1].extra if existing else {},
            )
            if existing is None:
                journal.write(path, *mark.to_document())
            else:  # keep what a hand edit added to the old mark
                journal.update(journal.read(existing[0]), *mark.to_document())
            results.append(MarkResult(mark, plan.promise, existing[1] if existing else None))
    return results


def mark_promise(
    journal: Journal,
    id_or_prefix: str,
    outcome: str,
    day: date,
    now: datetime,
    note: str | None = None,
    repair: str | None = None,
    *,
    today: date,
) -> MarkResult:
    """Mark one scheduled day of a promise kept or broken (with an optional repair);
    a `day` after `today` (the journal's, clock.day_of) has not come yet."""
    request = MarkRequest(id_or_prefix, outcome, repair=repair, note=note)
    planned = plan_marks(journal, day, [request], today)
    return write_marks(journal, planned, now)[0]


def _existing_mark(journal: Journal, promise_id: str, day: date) -> tuple[EntryFile, Mark] | None:
    found = None
    for entry_file, mark in _marks_between(journal, day, day):
        if mark.promise == promise_id and (found is None or mark.marked_at >= found[1].marked_at):
            found = (entry_file, mark)
    return found


# -- retiring --------------------------------------------------------------------


@dataclass
class RetireResult:
    promise: Promise
    already: bool


def retire_promise(journal: Journal, id_or_prefix: str, today: date) -> RetireResult:
    """End a promise today; its marks and its file stay as they are.

    Today stays its last scheduled day (so a mark made today still counts), but
    the check-in and the dashboard stop asking about it.
    """
    return RetireResult(*retire_record(journal, lambda: find_promise(journal, id_or_prefix), today))
