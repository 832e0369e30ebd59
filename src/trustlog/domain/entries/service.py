"""Listing, showing, editing and deleting entries of any kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from trustlog.domain import kinds
from trustlog.domain.core import entry as entries_model
from trustlog.domain.core.entry import Entry
from trustlog.domain.entries import search
from trustlog.errors import InputError, TrustlogError
from trustlog.storage import document, walk
from trustlog.storage.document import Document
from trustlog.storage.journal import EntryFile, Journal


@dataclass
class Found:
    file: EntryFile
    entry: Entry
    doc: Document


def load_file(journal: Journal, entry_file: EntryFile) -> Found:
    doc = journal.read(entry_file)
    entries_model.entry_file_of(doc, entry_file)
    return Found(entry_file, kinds.load(doc), doc)


def list_entries(
    journal: Journal,
    start: date | None = None,
    end: date | None = None,
    kind: str | None = None,
    contains: str | None = None,
) -> list[Entry]:
    """Entries dated from `start` to `end`, oldest first; reads only those months.

    With `contains`, only the entries whose words hold it, whatever the case.
    """
    if start and end and start > end:
        raise InputError(f"--from {start} is after --to {end}: please swap them.")
    folded = None
    if contains is not None:
        folded = search.needle(contains)
        if not folded:
            raise InputError("--contains: please give some words to look for.")
    if folded is None:
        files = journal.files_between(start, end, kind) + _undated(journal, start, end, kind)
        found = [load_file(journal, f).entry for f in files]
    else:
        found = _search(journal, start, end, kind, folded)
    # The undated kinds (promises, the contract, ...) were listed after the months: one order
    # by date for all, as CONTRACT.md says (stable, so a day keeps its files' order).
    return sorted(found, key=lambda entry: entry.day or date.max)


def _undated(
    journal: Journal, start: date | None, end: date | None, kind: str | None
) -> list[EntryFile]:
    """The undated kinds' files (promises, the contract, ...), listed when no days are."""
    if start is not None or end is not None:
        return []
    files: list[EntryFile] = []
    for folder in kinds.UNDATED_FOLDERS:
        files += [f for f in journal.undated_files(folder) if kind in (None, f.kind)]
    return files


def _search(
    journal: Journal, start: date | None, end: date | None, kind: str | None, folded: str
) -> list[Entry]:
    """The entries of those days whose words hold `folded`, in `files_between`'s order.

    Ten years are ten thousand files: each is read by the cheap walk (storage/walk.py)
    and only one whose bytes might hold the words is given a path and parsed.
    """
    found: list[Entry] = []
    for month in walk.dated(journal, start, end, kind):
        with month.opened() as folder:
            for index, (name, *_) in enumerate(folder.files):
                raw = walk.read(journal, folder, name)
                if raw is not None and not search.may_match(raw, folded):
                    continue
                entry = _if_it_holds(journal, folder.entry_file(index), folded, raw)
                if entry is not None:
                    found.append(entry)
    for entry_file in _undated(journal, start, end, kind):
        entry = _if_it_holds(journal, entry_file, folded)
        if entry is not None:
            found.append(entry)
    return found


def _if_it_holds(
    journal: Journal, entry_file: EntryFile, folded: str, raw: bytes | None = None
) -> Entry | None:
    """The entry in `entry_file` if its words hold `folded`: parsed only when they might."""
    if raw is None:
        try:
            raw = journal.read_bytes(entry_file.path)
        except OSError:
            return load_file(journal, entry_file).entry  # which says what went wrong
    if not search.may_match(raw, folded):
        return None
    doc = document.parse(raw, entry_file.path)
    entries_model.entry_file_of(doc, entry_file)
    entry = kinds.load(doc)
    return entry if search.matches(entry, folded) else None


def find(journal: Journal, id_or_prefix: str) -> Found:
    return load_file(journal, journal.find(id_or_prefix))


# Fields that hold the id of another entry: a mark's promise, an apology's promises.
REFERENCES = ("promise", "promises", "apology")


def names_of_references(journal: Journal, entry: Entry) -> dict[str, str]:
    """The entries `entry` refers to by id, each by its one-line summary, for `show`.

    One that is gone, or cannot be read, is left out: `show` still names it by id.
    """
    ids: list[str] = []
    for name in REFERENCES:
        value = getattr(entry, name, None)
        ids += value if isinstance(value, list) else [value] if isinstance(value, str) else []
    named: dict[str, str] = {}
    for ref in ids:
        try:
            named[ref] = find(journal, ref).entry.summary()
        except TrustlogError:
            continue
    return named


@dataclass
class Deletion:
    """An entry to delete, with what goes with it: a promise's marks."""

    found: Found
    marks: list[tuple[EntryFile, Entry]] = field(default_factory=list)

    @property
    def entry(self) -> Entry:
        return self.found.entry

    def removed(self) -> list[Entry]:
        return [self.found.entry, *(mark for _, mark in self.marks)]


def plan_delete(journal: Journal, id_or_prefix: str) -> Deletion:
    found = find(journal, id_or_prefix)
    from trustlog.domain.promise.model import PROMISE, Promise
    from trustlog.domain.promise.service import marks_of  # only to delete a promise

    if found.file.kind != PROMISE:
        return Deletion(found)
    assert isinstance(found.entry, Promise)
    return Deletion(found, list(marks_of(journal, found.entry)))


def delete(journal: Journal, id_or_prefix: str) -> Deletion:
    """Delete an entry, a promise with all its marks, and any edit draft of them, at once.

    The journal's change record makes it all or nothing: a promise is never
    left half-deleted, its marks counted in reports without it.
    """
    with journal.writing():
        deletion = plan_delete(journal, id_or_prefix)  # again under the lock: marks may be new
        for entry_file in [deletion.found.file, *(f for f, _ in deletion.marks)]:
            journal.delete(entry_file)
            draft = journal.draft_path(entry_file)
            for path in (draft, draft.with_suffix(".base")):  # an edit's: the entry's words
                if journal.exists(path):
                    journal.remove(path)
    return deletion


def validate_edit(found: Found, text: str, path: Path) -> tuple[Entry, Document]:
    """Check an edited copy of an entry file; it may not change the entry's id or kind."""
    doc = document.loads(text, path)
    for key in ("id", "kind"):
        if doc.fields.get(key) != found.doc.fields.get(key):
            raise document.damaged(
                path,
                doc.line_of(key),
                f"the {key} cannot change (it was '{found.doc.fields.get(key)}')",
            )
    return kinds.load(doc), doc


def save_edit(journal: Journal, found: Found, text: str, path: Path) -> Entry:
    """Replace an entry with its edited text, moving the file if its date changed."""
    with journal.writing():
        edited, doc = validate_edit(found, text, path)
        day = edited.day
        target = found.file.path
        if found.file.date is not None and day is not None and day != found.file.date:
            target = journal.dated_path(day, found.file.kind, found.file.id)
            _refuse_second_of_a_day(journal, edited, day, path, doc.line_of("date"))
        journal.write_text(target, text)
        if target != found.file.path:
            journal.delete(found.file)
    return edited


def _refuse_second_of_a_day(
    journal: Journal, edited: Entry, day: date, path: Path, line: int | None
) -> None:
    """A kind kept once a day (the check-in) may not be moved onto a day that has one."""
    if not (isinstance(edited, entries_model.Record) and edited.one_a_day):
        return
    for other in journal.month_files(day.year, day.month, edited.kind):
        if other.date == day and other.id != edited.id:
            raise document.damaged(
                path,
                line,
                f"{day.isoformat()} already has a check-in ({other.id}), and a day keeps one; "
                f"to join them, copy what you want to keep into `trustlog edit {other.id}` "
                "and delete this one",
            )


def delete_entry(
    journal: Journal, id_or_prefix: str, confirm: Callable[[Deletion], bool] | None = None
) -> Deletion | None:
    """Delete one entry; with `confirm`, only if it agrees (None when it does not).

    The question is asked before the journal is locked: a person thinking it
    over must not hold up another trustlog.
    """
    if confirm is not None:
        deletion = plan_delete(journal, id_or_prefix)
        if not confirm(deletion):
            return None
        id_or_prefix = deletion.found.file.id
    return delete(journal, id_or_prefix)
