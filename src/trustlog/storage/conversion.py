"""Turning a whole journal into age files and back, one file at a time, resumable.

`encrypt` writes `identity.age` first, then replaces each plain file with its
encrypted bytes; `decrypt` replaces each encrypted file with its plain bytes,
and removes `identity.age` last. Each file is replaced with
`atomic.write_atomic` (a temp file in the same folder, fsync, `os.replace`,
fsync of the folder), so a crash leaves every file wholly old or wholly new.
A file tells by its first line which it is (crypt.is_encrypted) and every
file reads either way, so a journal left halfway works as it is, and the same
command run again finishes the job: it skips what is done.

It runs under the journal's lock, after finishing any change a crash
interrupted (its record may hold plain bytes of the files it writes).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trustlog.errors import InputError, Stopped
from trustlog.storage import atomic, change, crypt, session
from trustlog.storage.files import LOCK_FILE

if TYPE_CHECKING:
    from trustlog.storage.journal import Journal

# Claim markers of open edits hold nothing; temp files of killed writes are swept.
_LEFT_AS_THEY_ARE = (LOCK_FILE, crypt.IDENTITY_FILE)


# Told how many files there are once the passphrase opened the journal, before the work.
Progress = Callable[[int, int], None] | None
"""Told (files done, files to do): first with 0 done, then after each file."""


@dataclass(frozen=True)
class Converted:
    files: int  # files converted by this run
    already: int  # files that were converted before (a run interrupted earlier)
    resumed: bool


def encrypt(journal: Journal, passphrase: str, told: Progress = None) -> Converted:
    """Encrypt every file of the journal with a new identity (or the one a run left)."""
    journal.ensure_root()
    with journal.locked():
        change.recover(journal.root)
        resumed = journal.identity_path.exists()
        if resumed:
            keys = crypt.open_sealed(
                journal.identity_path.read_bytes(), passphrase, journal.identity_path
            )
        else:
            keys = crypt.Keys.generate()
            atomic.write_atomic(journal.identity_path, crypt.seal(keys, passphrase))
        journal.use_keys(keys)
        return _convert(journal, keys, encrypting=True, resumed=resumed, told=told)


def decrypt(journal: Journal, passphrase: str, told: Progress = None) -> Converted:
    """Put every file back in plain text, then remove the identity and any session."""
    path = journal.identity_path
    if not path.exists():
        raise InputError(
            f"The journal at {journal.root} is not encrypted, so there is nothing to decrypt."
        )
    with journal.locked():
        change.recover(journal.root)
        keys = crypt.open_sealed(path.read_bytes(), passphrase, path)
        journal.use_keys(keys)
        opened = _convert(journal, keys, encrypting=False, resumed=False, told=told)
        atomic.remove(path)
        journal.use_keys(None)
    session.end(journal.root)
    return opened


def files_of(root: Path) -> Iterator[Path]:
    """Every file of the journal, in a stable order, but the lock, the identity, what the
    person keeps readable (`readable/`) and the temp files of killed writes (which the
    sweep removes)."""
    for folder, folders, names in os.walk(root):
        folders.sort()
        here = Path(folder)
        if here == root and crypt.READABLE_FOLDER in folders:
            folders.remove(crypt.READABLE_FOLDER)
        for name in sorted(names):
            if here == root and name in _LEFT_AS_THEY_ARE:
                continue
            if name.endswith(".tmp") and name.startswith("."):
                continue
            if name.endswith(".open"):  # an open edit's claim marker: empty
                continue
            path = here / name
            if path.is_file() and not path.is_symlink():
                yield path


def _convert(
    journal: Journal, keys: crypt.Keys, encrypting: bool, resumed: bool, told: Progress
) -> Converted:
    files = list(files_of(journal.root))
    for folder in dict.fromkeys(path.parent for path in files):
        change.sweep(folder)  # temp files of killed writes may hold plain text
    # Only the files still to do are counted, so a second run says what is left.
    pending = [path for path in files if _encrypted(path) != encrypting]
    if told is not None:
        told(0, len(pending))
    done = 0
    try:
        for path in pending:
            data = path.read_bytes()
            atomic.write_atomic(
                path, keys.encrypt(data) if encrypting else keys.decrypt(data, path)
            )
            done += 1
            if told is not None:
                told(done, len(pending))
    except KeyboardInterrupt:
        if not done:
            raise
        command = "encrypt" if encrypting else "decrypt"
        raise Stopped(
            f"Stopped after {done} of {len(pending)} files: the journal is part encrypted, "
            f"part plain. Run `trustlog {command}` again to finish."
        ) from None
    already = len(files) - done
    return Converted(done, already, resumed or already > 0)


def _encrypted(path: Path) -> bool:
    with path.open("rb") as handle:
        return crypt.is_encrypted(handle.read(len(crypt.HEADER)))
