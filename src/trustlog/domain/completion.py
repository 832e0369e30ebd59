"""What the shell may offer after `trustlog promise kept ` or `trustlog show `: ids and words.

Plain data for cli/complete.py. Completion runs at every Tab, often in a
journal the person has not unlocked: nothing here may ask for a passphrase or
write anything. When a file cannot be read (an encrypted journal with no open
session, a hand edit that broke it), its id is still offered, from its file name,
with the kind and date the name gives instead of its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from trustlog.errors import TrustlogError
from trustlog.storage.journal import EntryFile, Journal

# Reading an entry for its words costs a file each (and a decryption each, when
# encrypted): beyond this many matches, the file names alone describe them.
MOST_READ = 40


@dataclass(frozen=True)
class Choice:
    value: str
    words: str


def promise_choices(journal: Journal, prefix: str) -> list[Choice]:
    """The promises not retired whose id starts with `prefix`, each with its words."""
    from trustlog.domain.promise.service import load_promise, promise_files

    found = []
    for entry_file in promise_files(journal):
        if not entry_file.id.startswith(prefix):
            continue
        try:
            promise = load_promise(journal, entry_file)
        except (TrustlogError, OSError):
            found.append(Choice(entry_file.id, "promise"))
            continue
        if promise.retired is None:
            found.append(Choice(promise.id, promise.summary()))
    return found


def entry_choices(journal: Journal, prefix: str) -> list[Choice]:
    """Every entry whose id starts with `prefix`, newest first, each with its words."""
    matches = [f for f in journal.all_files() if f.id.startswith(prefix)]
    matches.sort(key=lambda f: (f.date is not None, f.date), reverse=True)
    readable = len(matches) <= MOST_READ
    return [Choice(f.id, _words(journal, f, readable)) for f in matches]


def _words(journal: Journal, entry_file: EntryFile, read: bool) -> str:
    named = f"{entry_file.kind} {entry_file.date}" if entry_file.date else entry_file.kind
    if not read:
        return named
    from trustlog.domain.entries.service import load_file

    try:
        summary = load_file(journal, entry_file).entry.summary()
    except (TrustlogError, OSError):
        return named
    return f"{named}: {summary}" if summary else named
