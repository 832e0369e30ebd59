"""The journal's byte seam: every file read, written or removed, under its lock.

Every byte of every file in the journal (entries, settings, edit drafts, the
report's cache, migration backups) is read and written by `Files.read_bytes`,
`write_bytes` and `remove` and nothing else, so how bytes are kept (encrypted
at rest) or grouped (a change spanning several files, storage/change.py) has
exactly one place to change. `Journal` (storage/journal.py) builds on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from trustlog.errors import JournalError
from trustlog.storage import atomic, change, crypt, lock
from trustlog.storage.names import month_folders

LOCK_FILE = ".lock"
LOCK_TIMEOUT_SECONDS = 30


class Files:
    """The byte seam and the lock of one journal folder."""

    def __init__(
        self,
        root: Path,
        *,
        undated_folders: tuple[str, ...],
        kept_in: Mapping[str, str] | None = None,
        keys: crypt.KeySource | None = None,
        waiting: Callable[[], None] | None = None,
    ) -> None:
        self.root = root
        self.waiting = waiting  # told once when another command holds the lock a while
        self.undated_folders = undated_folders
        # The one kind each undated folder keeps (folder: kind); a record of one of these
        # kinds anywhere else is damaged (Journal.misplaced_kind).
        self.kept_in: dict[str, str] = dict(kept_in or {})
        self._key_source = keys  # asked only when an encrypted file is read or written
        self._keys: crypt.Keys | None = None
        self._locked = False
        self._change: change.Change | None = None
        self._settled = False  # a change a crash left unfinished has been looked for
        self._kinds_checked = False  # each undated folder holds only its own kind
        self._swept: set[Path] = set()  # folders cleared of killed writes' temp files

    def read_bytes(self, path: Path) -> bytes:
        """The bytes of a file in the journal; OSError as raised (missing, unreadable).

        Inside a change, a file it writes or removes reads as it will be.
        """
        self._settle()
        data = None
        if self._change is not None:
            data = self._change.pending(path)
        if data is None:
            data = atomic.read_regular(path, self.root)
        return self.plain(data, path)

    @property
    def changing(self) -> bool:
        """Whether a change is open: its files read as they will be, not from the disk."""
        return self._change is not None

    def settle(self) -> None:
        """Finish a change a crash interrupted, before a read that bypasses `read_bytes`."""
        self._settle()

    def plain(self, data: bytes, path: Path) -> bytes:
        """A file's bytes as the journal reads them: decrypted in memory when encrypted.

        Also for bytes that come from elsewhere for `path` (another device's
        version, out of git's objects in `trustlog sync`), never written plain.
        """
        if crypt.is_encrypted(data) and not crypt.kept_plain(self.root, path):
            if not self.encrypted:
                raise crypt.no_identity(path, self.identity_path)
            return self.keys().decrypt(data, path)
        return data

    def write_bytes(self, path: Path, data: bytes) -> None:
        """Replace a file in the journal, whole or not at all, creating private folders.

        Only inside `writing()` (or `locked()`): one writer at a time. Inside
        `writing()` the write waits for the end of the block, with every other
        write of it, and they land together (`change()`).
        """
        self._require_lock()
        if self.encrypted and not crypt.kept_plain(self.root, path):
            data = self.keys().encrypt(data)
        if self._change is not None:
            self._change.write(path, data)
            return
        folder = self.root
        for part in path.relative_to(self.root).parts[:-1]:
            folder = folder / part
            atomic.ensure_folder(folder)
        self._sweep(path.parent)
        atomic.write_atomic(path, data)

    def remove(self, path: Path) -> None:
        self._require_lock()
        if self._change is not None:
            self._change.remove(path)
            return
        atomic.remove(path)

    def exists(self, path: Path) -> bool:
        self._settle()
        if self._change is not None:
            try:
                if self._change.pending(path) is not None:
                    return True
            except FileNotFoundError:
                return False
        return path.exists()

    # -- encryption at rest (storage/crypt.py) ------------------------------------

    @property
    def identity_path(self) -> Path:
        return self.root / crypt.IDENTITY_FILE

    @property
    def encrypted(self) -> bool:
        """Whether new bytes are encrypted: the journal has an identity file (one stat)."""
        return self._keys is not None or self.identity_path.exists()

    def keys(self) -> crypt.Keys:
        """The journal's unlocked keys, from the key source the first time they are needed."""
        if self._keys is None:
            if self._key_source is None:
                raise RuntimeError("an encrypted journal opened without a key source")
            self._keys = self._key_source()
        return self._keys

    def use_keys(self, keys: crypt.Keys | None) -> None:
        """Keys already unlocked (by `trustlog encrypt` and `decrypt`); None forgets them."""
        self._keys = keys

    @contextmanager
    def change(self) -> Iterator[change.Change]:
        """Group writes and removals (`step.write`, `step.remove`, or the journal's own
        methods) so they land together when the block ends, or not at all.

        `writing()` opens one around its block; a nested `change()` joins it.
        storage/change.py says how a crash is survived.
        """
        self._require_lock()
        if self._change is not None:
            yield self._change
            return
        self._change = step = change.Change(self.root)
        try:
            yield step
        finally:
            self._change = None
        step.commit()

    def month_folder(self, year: int, month: int) -> Path:
        return self.root / f"{year:04d}" / f"{month:02d}"

    @contextmanager
    def locked(self, wait: float | None = None) -> Iterator[None]:
        """Hold the lock alone, waiting up to `wait` seconds (0: try once), else lock.Busy.

        `wait` defaults to LOCK_TIMEOUT_SECONDS, read at each call so a test can shorten it.

        For files derived from the journal (the cache), which must not upgrade
        or create the journal as `writing()` does.
        """
        if self._locked:
            yield
            return
        timeout = LOCK_TIMEOUT_SECONDS if wait is None else wait
        with lock.hold(self.root / LOCK_FILE, timeout, atomic.FILE_MODE, self.waiting):
            self._locked = True
            try:
                yield
            finally:
                self._locked = False
                self._swept.clear()

    def _settle(self) -> None:
        """Before the first read, finish a change a crash interrupted (one stat if none)."""
        if not self._settled and not self._locked:
            self._settled = True
            change.recover_before_reading(self.root, self.locked)

    def _sweep_recent(self) -> None:
        """Where most writes go, without walking every year; a folder further back
        is cleared of killed writes' temp files the next time it is written to."""
        recent = [self.month_folder(*month) for month in month_folders(self.root)[-2:]]
        for folder in [self.root, *map(self.root.joinpath, self.undated_folders), *recent]:
            self._sweep(folder)

    def _sweep(self, folder: Path) -> None:
        """Once per lock, remove temp files killed writes left in a folder being written to."""
        if folder not in self._swept:
            self._swept.add(folder)
            change.sweep(folder)

    def _require_lock(self) -> None:
        if not self._locked:
            raise RuntimeError("journal writes must happen inside Journal.writing()")


def unreadable(path: Path, error: OSError) -> JournalError:
    return JournalError(f"Could not read {path}: {error.strerror}.")
