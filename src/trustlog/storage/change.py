"""A change that spans files lands whole, or not at all: a small write-ahead record.

Before a change touches a second file, what it will do (every file's new
bytes, every file to remove) is written to `.change.json` in the journal
folder, atomically and synced. Then the files are written and removed one by
one, and the record is removed. A crash before the record lands leaves the
journal as it was; a crash after it leaves a record that the next command,
under the lock, carries out again from the start (every step can be repeated)
before it does anything else. So the journal is before or after a change,
never between. The idea is SQLite's rollback journal and write-ahead log,
kept in one plain file.

A change of one file needs no record: `atomic.write_atomic` is already whole
or nothing.

A large change (an import: thousands of files) does not sync each file as it
goes, which would cost two disk flushes a file (13 s for ten years of entries
on a shared 2-core machine). Its record is synced first, as always; then each
file is written (a new one straight into place, `atomic.write_new`; one that
is there the safe way, renamed over it), the disk is flushed once
(`os.sync`), and only then is the record removed. Until that flush the record
can rebuild every file, so a crash at any point still leaves the journal
before or after the change.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trustlog.errors import JournalError, Stopped
from trustlog.storage import atomic, lock

RECORD_FILE = ".change.json"
RECORD_FORMAT = 1
# From this many files, a change flushes the disk once at its end instead of once a file.
BULK = 64
# What `atomic.write_atomic` leaves behind when it is killed before its rename:
# ".<target name>.<8 random characters>.tmp" (tempfile.mkstemp's names).
_TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")


class Unfinished(OSError):
    """A change whose record landed but whose files did not all: the next command ends it."""


@dataclass
class Change:
    """The writes and removals of one change, in order, waiting to land together."""

    root: Path
    writes: dict[Path, bytes] = field(default_factory=dict)
    removes: list[Path] = field(default_factory=list)

    def write(self, path: Path, data: bytes) -> None:
        if path in self.removes:
            self.removes.remove(path)
        self.writes[path] = data

    def remove(self, path: Path) -> None:
        self.writes.pop(path, None)
        if path not in self.removes:
            self.removes.append(path)

    def pending(self, path: Path) -> bytes | None:
        """The bytes this change will give `path`; FileNotFoundError if it removes it."""
        if path in self.removes:
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return self.writes.get(path)

    def names(self) -> list[str]:
        return [path.name for path in self.writes]

    def commit(self) -> None:
        """Land every write and removal, or (before the record lands) none of them."""
        if not self.writes and not self.removes:
            return
        if len(self.writes) + len(self.removes) == 1:
            _apply(self.root, self.writes, self.removes)
            return
        atomic.write_atomic(self.root / RECORD_FILE, _record(self.root, self))
        bulk = len(self.writes) + len(self.removes) >= BULK
        try:
            _apply(self.root, self.writes, self.removes, durable=not bulk)
            if bulk:
                os.sync()  # every file of the change is on disk before its record goes
        except OSError as error:
            raise Unfinished(error.errno, error.strerror, error.filename) from error
        except KeyboardInterrupt:
            raise Stopped(
                "Stopped. Part of this change is saved; the next trustlog command completes it."
            ) from None
        _remove_record(self.root)


def recover(root: Path) -> bool:
    """Carry out a change a crash interrupted (under the lock); True if there was one.

    A record that does not read back whole (a disk fault, a hand edit) is only
    removed, with any temporary files it may have left: the change it described
    never began, since files are written only after the record landed.
    """
    _sweep(root)
    path = root / RECORD_FILE
    try:
        raw = atomic.read_regular(path, root)
    except FileNotFoundError:
        return False
    planned = _parse(root, raw)
    if planned is not None:
        writes, removes = planned
        _apply(root, writes, removes)
    _remove_record(root)
    return True


def waiting(root: Path) -> bool:
    """Whether a change's record, or a piece of one, is there: one listing of the root.

    A record killed while it was written leaves only its temp file, which
    holds the change's text: it is private, so a reading command removes it too.
    """
    try:
        names = os.listdir(root)
    except (FileNotFoundError, NotADirectoryError):
        return False
    piece = f".{RECORD_FILE}."
    return any(name == RECORD_FILE or name.startswith(piece) for name in names)


def sweep(folder: Path) -> None:
    """Remove what killed writes left in `folder` (under the lock, no write is running)."""
    _sweep(folder)


# -- internals ------------------------------------------------------------------------


def _apply(
    root: Path, writes: dict[Path, bytes], removes: list[Path], durable: bool = True
) -> None:
    made: set[Path] = set()  # folders known to be there: a bulk change writes many to each
    for path, data in writes.items():
        if path.parent not in made:
            folder = root
            for part in path.relative_to(root).parts[:-1]:
                folder = folder / part
                atomic.ensure_folder(folder)
            atomic.require_writable(path.parent)
            made.add(path.parent)
        if durable or not atomic.write_new(path, data):
            atomic.write_atomic(path, data, durable)
    for path in removes:
        with contextlib.suppress(FileNotFoundError):  # done before a crash
            atomic.remove(path)
    for folder in {path.parent for path in [*writes, *removes]}:
        _sweep(folder)


def _record(root: Path, change: Change) -> bytes:
    writes = []
    for path, data in change.writes.items():
        item = {"path": path.relative_to(root).as_posix()}
        try:
            item["text"] = data.decode("utf-8")
        except UnicodeDecodeError:
            import base64  # only bytes that are not text (encrypted, later) pay for it

            item["base64"] = base64.b64encode(data).decode("ascii")
        writes.append(item)
    record = {
        "trustlog_change": RECORD_FORMAT,
        "write": writes,
        "remove": [path.relative_to(root).as_posix() for path in change.removes],
    }
    import json  # a change of one file (a check-in) needs no record, nor json

    return json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")


def _parse(root: Path, raw: bytes) -> tuple[dict[Path, bytes], list[Path]] | None:
    """The record's writes and removals, or None when it is not one whole record."""
    try:
        import base64
        import json

        record: Any = json.loads(raw.decode("utf-8"))
        if record.get("trustlog_change") != RECORD_FORMAT:
            return None
        writes = {}
        for item in record["write"]:
            data = (
                item["text"].encode("utf-8")
                if "text" in item
                else base64.b64decode(item["base64"], validate=True)
            )
            writes[_inside(root, item["path"])] = data
        removes = [_inside(root, name) for name in record["remove"]]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return writes, removes


def _inside(root: Path, name: Any) -> Path:
    """A path the record names, refused (ValueError) unless it is a file inside the journal."""
    if not isinstance(name, str) or not name or name.startswith("/"):
        raise ValueError(name)
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts) or parts == [RECORD_FILE]:
        raise ValueError(name)
    return root.joinpath(*parts)


def _remove_record(root: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        atomic.remove(root / RECORD_FILE)


def _sweep(folder: Path) -> None:
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in names:
        if name.startswith(".") and name.endswith(".tmp") and _TEMP_NAME.match(name):
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                os.unlink(folder / name)


def recover_before_reading(root: Path, locked: Callable[[], AbstractContextManager[None]]) -> None:
    """Finish an interrupted change before a command reads (`locked` takes the lock).

    Without this, a command that only reads could show the journal between the
    two halves of a change (a promise whose apology is not there yet).
    """
    if not waiting(root):
        return
    try:
        with locked():
            recover(root)
    except lock.Busy:
        raise JournalError(
            f"Another trustlog is still writing to {root}.",
            hint="Wait for it to finish and try again.",
        ) from None
    except OSError as error:
        raise JournalError(
            f"A change interrupted earlier could not be completed: could not write "
            f"{error.filename or root / RECORD_FILE}: {error.strerror}.",
            hint="Nothing more was changed; the next trustlog command tries again.",
        ) from None
