"""Derived figures kept between runs, so a report's cost does not grow with years of history.

    cache/2026-11.json    what the months up to the end of November 2026 add up to
    cache/promises.json   each promise's schedule (no text), to skip reading old promises

A cache file never holds text a person wrote: it holds counts, dates, promise
ids, scores, SHA-256 hashes and the time of a check (see domain/report/history.py).
Deleting the folder is always safe: it only costs the next report a little time.

When a month's file is still good. Each carries two keys, chained over every
month folder up to its own, and the time its files were last checked:

- `key`, over each month folder's own stamp (its mtime and ctime in ns and its
  inode). A folder's stamp changes whenever a file in it is created, removed or
  replaced by a rename: every trustlog write (atomic), every `trustlog sync` (git
  writes new files), and the editors that save by writing a new file and renaming
  it (vim, `sed -i`, emacs, gedit). It is checked on every report: one stat a month.
- `files`, over each check-in and mark file's name, size, mtime (ns) and inode:
  what a folder's stamp cannot show, an editor writing into the same file (nano,
  VS Code, `echo >>`). Checking it stats every file of every earlier month (70-85
  ms at 20 years), so a report checks it only when the last such check (`checked`,
  the cache's own record) is FULL_CHECK_SECONDS old or more, or lies ahead of now.

So a file added, removed or replaced in an earlier month shows in the very next
report, and a hand edit made in place to an earlier month's file shows at the
latest a day later. The months a report shows are always read whole. To have an
in-place edit counted at once, `touch` its month folder or delete `cache/`.

Writes are atomic and happen only when the journal's lock is free at once; a
busy lock means the cache is simply not refreshed this time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from trustlog.errors import JournalError
from trustlog.storage import lock
from trustlog.storage.journal import Journal
from trustlog.storage.names import Month

FOLDER = "cache"
T = TypeVar("T")
# Bump when what a cache file means changes: every old file then becomes stale.
VERSION = 2
# How long the in-place edits the folders' stamps cannot show may go unseen: a day,
# so a report run many times a day pays for stat'ing every old file once, and an
# edit made with nano to last year's check-in counts by tomorrow's report at the latest.
FULL_CHECK_SECONDS = 24 * 60 * 60


def folder_stamp(root: str, month: Month) -> str:
    """The month folder's own stamp: the month, its mtime and ctime (ns) and its inode."""
    try:
        # Journal.month_folder's path, as a string: a Path each costs more than the stat.
        info = os.stat(f"{root}/{month[0]:04d}/{month[1]:02d}")
    except OSError:
        return f"{month}"
    return f"{month} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}"


def fingerprint(journal: Journal, month: Month, kinds: Iterable[str]) -> str:
    """A hash of the month folder's files of `kinds`: names, sizes, mtimes (ns) and inodes.

    The full check runs this for every earlier month, so it stays lean: one
    stat per file, no regular expression, one hash per month.
    """
    wanted = set(kinds)
    rows = []
    try:
        with os.scandir(journal.month_folder(*month)) as entries:
            for entry in entries:
                name = entry.name  # YYYY-MM-DD-<kind>-<id>.md
                if name.endswith(".md") and name[11 : name.rfind("-")] in wanted:
                    info = entry.stat()
                    rows.append((name, info.st_size, info.st_mtime_ns, info.st_ino))
    except FileNotFoundError:
        pass
    rows.sort()
    return hashlib.sha256(repr((month, rows)).encode()).hexdigest()


def chain(start: str, parts: Iterable[str]) -> list[str]:
    """Each key depends on its own part and on every part before it."""
    keys = []
    previous = start
    for part in parts:
        previous = hashlib.sha256(f"{previous}\n{part}".encode()).hexdigest()
        keys.append(previous)
    return keys


START = f"trustlog-cache-{VERSION}"


class Months:
    """The cached figures of `months` (oldest first, each adding to the one before it),
    checked as the module docstring says, as of `now` (seconds since the epoch)."""

    def __init__(self, journal: Journal, months: list[Month], kinds: Iterable[str], now: float):
        self.journal = journal
        self.months = months
        self.kinds = sorted(kinds)
        self.now = int(now)
        # Stamps are taken before any file is read: a change while reading shows next time.
        root = str(journal.root)
        self.keys = chain(START, (folder_stamp(root, month) for month in months))
        self._files: list[str] | None = None  # every month's file key, once fully checked
        self.checked = self.now  # when what is built on was last checked file by file
        self.files: list[str] = []  # the file keys of the months after the one found
        self._recheck: tuple[str, dict[str, Any]] | None = None

    def newest(self, parse: Callable[[dict[str, Any]], T | None]) -> tuple[int, T | None]:
        """How many of the months the newest good cache file covers, and its data as
        `parse` makes it (a file it gives None for is passed over).

        Call it before reading any month: the keys of the months after it are
        taken here, before they are read, so a change while reading is seen next time.
        """
        found, value, files = 0, None, START
        for index in range(len(self.months) - 1, -1, -1):
            name = name_of(self.months[index])
            stored = _load(self.journal, name)
            if stored is None or stored.get("key") != self.keys[index]:
                continue
            checked, stored_files, data = (stored.get(k) for k in ("checked", "files", "data"))
            if not (isinstance(stored_files, str) and isinstance(checked, int)):
                continue
            if not isinstance(data, dict) or (value := parse(data)) is None:
                continue
            if self._files is None and 0 <= self.now - checked < FULL_CHECK_SECONDS:
                self.checked = checked
            elif stored_files == self.full_keys()[index]:
                self._recheck = (name, stored)  # checked just now: noted if nothing else is
            else:
                value = None
                continue  # an edit in place, in this month or before it
            found, files = index + 1, stored_files
            break
        if self._files is not None:
            self.files = self._files[found:]
        else:  # the months still to be read, chained on from the one found
            rest = self.months[found:]
            self.files = chain(files, (fingerprint(self.journal, m, self.kinds) for m in rest))
        return found, value

    def full_keys(self) -> list[str]:
        """Every month's file key: the full check, one stat per check-in and mark file."""
        if self._files is None:
            self._files = chain(
                START, (fingerprint(self.journal, m, self.kinds) for m in self.months)
            )
            self.checked = self.now
        return self._files

    def save(self, data: list[dict[str, Any]]) -> bool:
        """Store the data of the months after the one `newest` found, oldest first."""
        start = len(self.months) - len(self.files)
        fresh = [
            (
                name_of(self.months[start + offset]),
                {
                    "key": self.keys[start + offset],
                    "files": self.files[offset],
                    "checked": self.checked,
                    "data": each,
                },
            )
            for offset, each in enumerate(data)
        ]
        if not fresh and self._recheck is not None:
            name, stored = self._recheck
            fresh = [(name, {**stored, "checked": self.checked})]
        return _save(self.journal, fresh)


def undated_key(journal: Journal, folder: str, kind: str) -> str:
    """A key over an undated folder's `<kind>-<id>.md` files: names, sizes, mtimes, inodes."""
    rows = []
    try:
        with os.scandir(journal.root / folder) as entries:
            for entry in entries:
                if entry.name.startswith(f"{kind}-") and entry.name.endswith(".md"):
                    info = entry.stat()
                    rows.append((entry.name, info.st_size, info.st_mtime_ns, info.st_ino))
    except FileNotFoundError:
        pass
    rows.sort()
    return hashlib.sha256(repr((VERSION, folder, kind, rows)).encode()).hexdigest()


def name_of(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def path_of(journal: Journal, name: str) -> Path:
    return journal.root / FOLDER / f"{name}.json"


def _load(journal: Journal, name: str) -> dict[str, Any] | None:
    try:
        stored = json.loads(journal.read_bytes(path_of(journal, name)).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None  # derived: whatever does not make sense is simply rebuilt
    return stored if isinstance(stored, dict) else None


def load(journal: Journal, name: str, key: str) -> dict[str, Any] | None:
    """The cached data called `name`, or None when missing, stale or unreadable."""
    stored = _load(journal, name)
    if stored is None or stored.get("key") != key:
        return None
    data = stored.get("data")
    return data if isinstance(data, dict) else None


def save(journal: Journal, fresh: list[tuple[str, str, dict[str, Any]]]) -> bool:
    """Store fresh (name, key, data); skipped (False) when the lock is busy or writing fails."""
    return _save(journal, [(name, {"key": key, "data": data}) for name, key, data in fresh])


def _save(journal: Journal, fresh: list[tuple[str, dict[str, Any]]]) -> bool:
    """Write each (name, stored); a report only reads the journal, so it never waits for
    the lock."""
    if not fresh or not journal.root.is_dir():
        return False
    try:
        with journal.locked(wait=0):
            for name, stored in fresh:
                text = json.dumps(stored, sort_keys=True)
                journal.write_bytes(path_of(journal, name), text.encode("utf-8"))
        return True
    except (lock.Busy, OSError, JournalError):
        return False  # busy, or a read-only journal: the report still comes, only slower
