"""`trustlog edit`: an entry's text handed to an editor as a draft, checked, then saved.

The draft lives beside the entry (`Journal.draft_path`), private like every
journal file, and is read and written only through the journal. It stays when
an edit cannot be saved yet, so the next `edit` of that entry picks it up
instead of losing what a person wrote.

An edit never overwrites what it did not see: at save, under the lock, the
entry must still be exactly what the editor was given. If something else
changed it meanwhile (a check-in in another window), nothing is saved, the
person's text stays in the draft, and `EditConflict` says what changed. One
entry is open in one editor at a time (`Journal.edit_claim`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from trustlog.domain.entries.service import Found, find, save_edit
from trustlog.errors import JournalError
from trustlog.storage import document, lock
from trustlog.storage.journal import Journal


class EditConflict(JournalError):
    """The entry changed while it was open in the editor; `changed` names what changed."""

    def __init__(self, entry_id: str, changed: list[str], gone: bool = False) -> None:
        what = ", ".join(changed) if changed else "the file"
        super().__init__(
            f"While you were editing, {entry_id} was deleted or moved elsewhere."
            if gone
            else f"While you were editing, {entry_id} was changed elsewhere: {what}."
        )
        self.changed = changed
        self.gone = gone  # then there is nothing to carry the text over to


@dataclass
class Edit:
    """One edit of one entry: the entry as found, and the draft an editor works on."""

    journal: Journal
    found: Found
    draft: Path
    changed_since: list[str] | None = None  # what changed since a picked-up draft was made

    @property
    def id(self) -> str:
        return self.found.file.id

    @property
    def original(self) -> str:
        return self.found.doc.text or ""

    @contextmanager
    def claimed(self) -> Iterator[None]:
        """Hold the entry for this edit; a second edit of it is told, not handed the draft."""
        try:
            with self.journal.edit_claim(self.found.file):
                yield
        except lock.Claimed as taken:
            since = datetime.fromtimestamp(taken.since)
            raise JournalError(
                f"{self.id} is already open in an editor (since {since:%H:%M}).",
                hint="Finish or close that edit first, then try again: "
                "both would share one draft, and one would undo the other.",
            ) from None

    @property
    def base(self) -> Path:
        """The entry as the draft was made from it, kept (and removed) with the draft."""
        return base_path(self.draft)

    def begin(self) -> bool:
        """Put the entry's text in the draft; True when an unfinished edit was there already.

        A draft picked up again may be older than the entry (a check-in since):
        `changed_since` then names what changed, for the person to carry over.
        """
        if self.journal.exists(self.draft):
            self._changed_since_draft()
            return True
        with self.journal.writing():
            self.journal.write_bytes(self.draft, self.original.encode("utf-8"))
            self.journal.write_bytes(self.base, self.original.encode("utf-8"))
        return False

    def save(self) -> bool:
        """Save the draft over the entry and remove it; False when nothing was changed.

        A draft that does not check out raises JournalError, and an entry
        changed meanwhile EditConflict; either way the draft is kept as it is.
        """
        text = _as_text(self.journal.read_bytes(self.draft), self.draft)
        with self.journal.writing():
            self._unchanged_since_begin()
            changed = text != self.original
            if changed:
                save_edit(self.journal, self.found, text, self.draft)
            self.journal.remove(self.draft)
            if self.journal.exists(self.base):
                self.journal.remove(self.base)
        return changed

    def refresh(self) -> None:
        """Take the entry as it is now as what the draft is compared with, once told of it."""
        self.found = find(self.journal, self.id)
        with self.journal.writing():
            self.journal.write_bytes(self.base, self.original.encode("utf-8"))

    def _changed_since_draft(self) -> None:
        try:
            before = self.journal.read_bytes(self.base)
        except FileNotFoundError:
            return  # a draft from an older trustlog: what it was made from is not known
        now = self.original.encode("utf-8")
        if before == now:
            return
        try:
            was = document.parse(before, self.base)
        except JournalError:
            self.changed_since = []
        else:
            self.changed_since = _changed_fields(was, now, self.found.file.path)
        with self.journal.writing():  # told once: the next edit compares with this
            self.journal.write_bytes(self.base, now)

    def _unchanged_since_begin(self) -> None:
        try:
            now = self.journal.read_bytes(self.found.file.path)
        except FileNotFoundError:
            raise EditConflict(self.id, [], gone=True) from None
        if now != self.original.encode("utf-8"):
            raise EditConflict(self.id, _changed_fields(self.found.doc, now, self.found.file.path))


def base_path(draft: Path) -> Path:
    return draft.with_suffix(".base")


def start_edit(journal: Journal, id_or_prefix: str) -> Edit:
    """The edit of one entry; nothing is written until `Edit.begin`."""
    found = find(journal, id_or_prefix)
    return Edit(journal, found, journal.draft_path(found.file))


def _changed_fields(before: document.Document, raw: bytes, path: Path) -> list[str]:
    """What differs between the entry as given to the editor and as it is now."""
    try:
        after = document.parse(raw, path)
    except JournalError:
        return []
    names = [*before.fields, *(name for name in after.fields if name not in before.fields)]
    if "updated" in names and len(names) > 1:
        names.remove("updated")  # bookkeeping: what changed with it is what matters
    changed = [
        _described(name, after.fields.get(name))
        for name in names
        if before.fields.get(name) != after.fields.get(name)
    ]
    if before.body != after.body:
        changed.append("the text below the +++ line")
    return changed


def _described(name: str, value: Any) -> str:
    if value is None:
        return f"{name} (removed)"
    if isinstance(value, bool | int | float):
        return f"{name} (now {value})"
    if isinstance(value, date) and not isinstance(value, datetime):
        return f"{name} (now {value.isoformat()})"
    return name


def _as_text(raw: bytes, path: Path) -> str:
    """A draft as an editor left it, read as text files are: any line ending becomes "\\n".

    An editor set to another character set may write bytes that are not UTF-8:
    that is a draft to fix (it is kept), like any other that does not check out.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise document.damaged(path, line, "it is not UTF-8 text") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
