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
from pathlib import Path
from typing import Any, ClassVar

from trustlog.domain import folders
from trustlog.domain.core import fields, values
from trustlog.domain.core.entry import Fit, Record, entry_file_of, first_line, path_of, whole
from trustlog.errors import InputError
from trustlog.storage.cache import undated_key
from trustlog.storage.crypt import READABLE_FOLDER
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
    refresh_readable(journal)
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
    refresh_readable(journal)
    return Contact(index, support)


# -- readable while the journal is locked (`trustlog support readable on|off`) -----------
#
# In an encrypted journal the contacts are encrypted like every entry, so on a locked
# journal `trustlog help safety` could not show them. A person may choose to keep a
# copy readable without the passphrase, on this device: `readable/support.txt`, which
# the journal never encrypts and `trustlog sync` never sends (storage/crypt.py). The
# file being there is the setting; it holds the contacts' words and nothing else, and
# is written again from the contacts whenever trustlog changes them. A last line holds
# a key over the `support/` folder's listing, so a change made some other way (a hand
# edit, a sync) shows as "may have changed" until the next command that can read them.

READABLE_FILE = "support.txt"
_HEADER = """\
# Your support contacts, kept readable while your journal is locked, on this device
# (`trustlog support readable on`). trustlog writes this file again when they change;
# `trustlog support readable off` removes it.
"""
_KEY_LINE = "# checked against support/: "


@dataclass(frozen=True)
class Readable:
    """The contacts as the readable copy holds them, for a journal that is locked."""

    contacts: list[str]
    current: bool  # the journal's contacts have not changed since it was written, as far
    # as their files' listing tells


def readable_path(journal: Journal) -> Path:
    return journal.root / READABLE_FOLDER / READABLE_FILE


def readable_when_locked(journal: Journal) -> bool:
    return journal.exists(readable_path(journal))


def read_readable(journal: Journal) -> Readable | None:
    """The readable copy, without the passphrase; None when it is off, or does not read."""
    try:
        text = journal.read_bytes(readable_path(journal)).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    contacts, key = [], None
    for line in text.splitlines():
        if line.startswith(_KEY_LINE):
            key = line[len(_KEY_LINE) :].strip()
        elif line.strip() and not line.startswith("#"):
            contacts.append(line.strip())
    return Readable(contacts, current=key == _key(journal))


def parse_on_off(choice: str) -> bool:
    said = choice.strip().lower()
    if said not in ("on", "off"):
        raise InputError(f"on|off: '{choice}' is not on or off; please give one of them.")
    return said == "on"


def set_readable(journal: Journal, on: bool) -> bool:
    """Keep the contacts readable while locked (`on`), or stop; True if that changed it.

    Turning it on reads the contacts, so an encrypted journal needs its passphrase;
    turning it off needs none: a person hiding the list in a hurry is never held up.
    """
    was = readable_when_locked(journal)
    if on:
        _write_readable(journal)
    elif was:
        with journal.locked():  # the lock alone: nothing else to read, so no passphrase
            journal.remove(readable_path(journal))
    return was != on


def refresh_readable(journal: Journal) -> None:
    """Write the readable copy again from the contacts, when the person keeps one."""
    if readable_when_locked(journal):
        _write_readable(journal)


def _write_readable(journal: Journal) -> None:
    with journal.writing():
        lines = [" / ".join(c.support.text.splitlines()) for c in list_contacts(journal)]
        text = _HEADER + "".join(f"{line}\n" for line in lines) + f"{_KEY_LINE}{_key(journal)}\n"
        journal.write_bytes(readable_path(journal), text.encode("utf-8"))


def _key(journal: Journal) -> str:
    return undated_key(journal, folders.SUPPORT, KIND)[:16]
