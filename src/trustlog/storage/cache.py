"""Derived figures kept between runs, so a report's cost does not grow with years of history.

    cache/2026-11.json    what the months up to the end of November 2026 add up to
    cache/promises.json   each promise's schedule (no text), to skip reading old promises

A cache file never holds text a person wrote: it holds counts, dates, promise
ids, scores and SHA-256 hashes (see domain/report/history.py). Each file carries a
key chained over the listing (names, sizes, mtimes in ns, inodes) of every
month folder up to its own, so a hand edit of any earlier file, or a file
added or removed, makes it stale and it is rebuilt. Deleting the folder is
always safe: it only costs the next report a little time.

Writes are atomic and happen only when the journal's lock is free at once; a
busy lock means the cache is simply not refreshed this time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from trustlog.errors import JournalError
from trustlog.storage import lock
from trustlog.storage.journal import Journal
from trustlog.storage.names import Month

FOLDER = "cache"
# Bump when what a cache file means changes: every old file then becomes stale.
VERSION = 1


def fingerprint(journal: Journal, month: Month, kinds: Iterable[str]) -> str:
    """A hash of the month folder's files of `kinds`: names, sizes, mtimes (ns) and inodes.

    This runs for every earlier month on every report, so it stays lean: one
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


def chain_keys(journal: Journal, months: list[Month], kinds: Iterable[str]) -> dict[Month, str]:
    """Each month's key depends on its own folder and on every month before it."""
    kinds = sorted(kinds)
    keys: dict[Month, str] = {}
    previous = f"trustlog-cache-{VERSION}"
    for month in months:
        previous = hashlib.sha256(
            f"{previous}\n{fingerprint(journal, month, kinds)}".encode()
        ).hexdigest()
        keys[month] = previous
    return keys


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


def load(journal: Journal, name: str, key: str) -> dict[str, Any] | None:
    """The cached data called `name`, or None when missing, stale or unreadable."""
    try:
        stored = json.loads(journal.read_bytes(path_of(journal, name)).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None  # derived: whatever does not make sense is simply rebuilt
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    data = stored.get("data")
    return data if isinstance(data, dict) else None


def save(journal: Journal, fresh: list[tuple[str, str, dict[str, Any]]]) -> bool:
    """Store fresh (name, key, data); skipped (False) when the lock is busy or writing fails.

    A report only reads the journal, so it never waits for the lock.
    """
    if not fresh or not journal.root.is_dir():
        return False
    try:
        with journal.locked(wait=0):
            for name, key, data in fresh:
                text = json.dumps({"key": key, "data": data}, sort_keys=True)
                journal.write_bytes(path_of(journal, name), text.encode("utf-8"))
        return True
    except (lock.Busy, OSError, JournalError):
        return False  # busy, or a read-only journal: the report still comes, only slower
