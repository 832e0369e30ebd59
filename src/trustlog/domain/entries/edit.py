"""`trustlog edit`: an entry's text handed to an editor as a draft, checked, then saved.

The draft lives beside the entry (`Journal.draft_path`), private like every
journal file, and is read and written only through the journal. It stays when
an edit cannot be saved yet, so the next `edit` of that entry picks it up
instead of losing what a person wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trustlog.domain.entries.service import Found, find, save_edit
from trustlog.storage import document
from trustlog.storage.journal import Journal


@dataclass
class Edit:
    """One edit of one entry: the entry as found, and the draft an editor works on."""

    journal: Journal
    found: Found
    draft: Path

    @property
    def id(self) -> str:
        return self.found.file.id

    @property
    def original(self) -> str:
        return self.found.doc.text or ""

    def begin(self) -> bool:
        """Put the entry's text in the draft; True when an unfinished edit was there already."""
        if self.journal.exists(self.draft):
            return True
        with self.journal.writing():
            self.journal.write_bytes(self.draft, self.original.encode("utf-8"))
        return False

    def save(self) -> bool:
        """Save the draft over the entry and remove it; False when nothing was changed.

        A draft that does not check out raises JournalError and is kept as it is.
        """
        text = _as_text(self.journal.read_bytes(self.draft), self.draft)
        with self.journal.writing():
            changed = text != self.original
            if changed:
                save_edit(self.journal, self.found, text, self.draft)
            self.journal.remove(self.draft)
        return changed


def start_edit(journal: Journal, id_or_prefix: str) -> Edit:
    """The edit of one entry; nothing is written until `Edit.begin`."""
    found = find(journal, id_or_prefix)
    return Edit(journal, found, journal.draft_path(found.file))


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
