"""Support contacts: the person's own people and local emergency numbers.

Each contact is a record of its own kind (`support/support-<id>.md`), so it
travels with the journal through `export` and `import` and shows in `entries`
like any other record, and adding or removing one is one all-or-nothing
change. (The profile, `journal.toml`, would have needed its own path through
export and import.) `trustlog help safety` shows them first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from trustlog.domain import folders
from trustlog.domain.core import fields, values
from trustlog.domain.core.entry import Fit, Record, entry_file_of, first_line, path_of, whole
from trustlog.errors import InputError
from trustlog.storage.journal import EntryFile, Journal

KIND = "support"
EXAMPLE = 'trustlog support add "Sam (my sister): 0612 345 678"'


@dataclass
class Support(Record):
    kind: ClassVar[str] = KIND
    folder: ClassVar[str] = folders.SUPPORT
    id: str
    text: str = fields.text(required=True)
    created: datetime = fields.moment(required=True)
    # Its place in `support list`: contacts added in the same second keep their order.
    position: int | None = fields.integer(1, 999_999)
    extra: dict[str, Any] = fields.extra()

    @property
    def day(self) -> date:
        return self.created.date()

    def summary(self, fit: Fit = whole) -> str:
        return fit(first_line(self.text))


@dataclass
class Contact:
    """A contact with its place in `support list`, the number `support remove` takes."""

    number: int
    support: Support

    def to_json(self) -> dict[str, Any]:
        return {"n": self.number, **self.support.to_json()}


def _load(journal: Journal) -> list[tuple[EntryFile, Support]]:
    found = []
    for entry_file in journal.undated_files(Support.folder, KIND):
        doc = journal.read(entry_file)
        entry_file_of(doc, entry_file)
        found.append((entry_file, Support.from_document(doc)))
    return sorted(found, key=lambda pair: (pair[1].position or 0, pair[1].created, pair[1].id))


def list_contacts(journal: Journal) -> list[Contact]:
    """The contacts, in the order they were added, numbered from 1."""
    return [Contact(number, support) for number, (_, support) in enumerate(_load(journal), 1)]


def add_contact(journal: Journal, text: str | None, now: datetime) -> Contact:
    given = values.text_or_none(text)
    if given is None:
        raise InputError(f"TEXT: please give a name and a way to reach them, such as {EXAMPLE}.")
    support = Support(id="", text=given.strip(), created=now)
    with journal.writing():
        found = _load(journal)
        number = len(found) + 1
        support.position = max((s.position or 0 for _, s in found), default=0) + 1
        support.id = journal.new_id()
        journal.write(path_of(journal, support), *support.to_document())
    return Contact(number, support)


def remove_contact(journal: Journal, number: str) -> Contact:
    """Remove the contact `support list` shows as `number`."""
    with journal.writing():
        found = _load(journal)
        try:
            index = int(number.strip())
        except ValueError:
            index = 0
        if not 1 <= index <= len(found):
            where = (
                f"please give a number from 1 to {len(found)}, as `trustlog support list` "
                "shows them"
                if found
                else "there are none saved yet"
            )
            raise InputError(f"N: '{number}' is not one of your support contacts: {where}.")
        entry_file, support = found[index - 1]
        journal.delete(entry_file)
    return Contact(index, support)
