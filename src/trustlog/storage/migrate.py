"""Upgrading a journal written in an older format.

Each step upgrades a journal from format N to N+1 in place. Before the first
step runs, the whole journal is copied to `backups/format-N-<time>/`, so a
person can always go back. Steps run under the journal's lock, from
`Journal.writing()`, and read and write only through the journal's byte seam
(`Files`, storage/files.py), which is all a step is given.

There is one format so far; the first change to it adds `STEPS[1]`.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from trustlog.storage import settings
from trustlog.storage.files import Files

Step = Callable[[Files], None]

STEPS: dict[int, Step] = {}
BACKUP_FOLDER = "backups"
# Not copied into a backup, at any depth: older backups, the lock, temp files of writes,
# a change record (finished before any migration) and the markers of open edits.
NOT_BACKED_UP = (BACKUP_FOLDER, ".lock", ".*.tmp", ".change.json", ".edit-*.open")


def upgrade(journal: Files, current: int) -> Path | None:
    """Bring `journal` up to format `current`; returns the backup made, if any."""
    table = settings.read(journal, current)  # refuses a journal from a newer trustlog
    version = table.get("format", current)
    if version >= current:
        return None
    backup = back_up(journal, version)
    while version < current:
        STEPS[version](journal)
        version += 1
        table = settings.read(journal, current)
        table["format"] = version
        settings.save(journal, table, current)
    return backup


def back_up(journal: Files, version: int) -> Path:
    """Copy every file of the journal, byte for byte, to a new private backup folder."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = journal.root / BACKUP_FOLDER / f"format-{version}-{stamp}"
    for folder, folders, files in os.walk(journal.root):
        folders[:] = sorted(name for name in folders if not _skipped(name))
        here = Path(folder)
        for name in sorted(files):
            source = here / name
            if not _skipped(name) and source.is_file():
                copy = target / source.relative_to(journal.root)
                journal.write_bytes(copy, journal.read_bytes(source))
    return target


def _skipped(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in NOT_BACKED_UP)
