"""Upgrading a journal written in an older format.

Each step upgrades a journal from format N to N+1 in place. Before the first
step runs, the whole journal is copied to `backups/format-N-<time>/`, so a
person can always go back. Steps run under the journal's lock, from
`Journal.writing()`, and read and write only through the journal's methods.

There is one format so far; the first change to it adds `STEPS[1]`.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustlog.errors import JournalError
from trustlog.storage.document import damaged

if TYPE_CHECKING:
    # Only for type hints: journal.py runs this module, not the other way round.
    from trustlog.storage.journal import Journal

Step = Callable[["Journal"], None]

STEPS: dict[int, Step] = {}
BACKUP_FOLDER = "backups"
# Not copied into a backup, at any depth: older backups, the lock, temp files of writes,
# a change record (finished before any migration) and the markers of open edits.
NOT_BACKED_UP = (BACKUP_FOLDER, ".lock", ".*.tmp", ".change.json", ".edit-*.open")
_FORMAT_LINE = re.compile(rb"^\s*format\s*=")


def check_format(settings: dict[str, Any], raw: bytes, path: Path, current: int) -> None:
    """Refuse a `format` no trustlog wrote (damaged) or a newer one, before anything is written."""
    version = settings.get("format", current)
    # A bool is an int to Python; below 1 is no format there ever was (and no
    # step exists for it: it must not be "upgraded", nor the journal backed up).
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        lines = enumerate(raw.splitlines(), start=1)
        line = next((number for number, text in lines if _FORMAT_LINE.match(text)), None)
        known = "1" if current == 1 else f"a whole number from 1 to {current}"
        raise damaged(path, line, f"'format' should be {known}")
    if version > current:
        raise JournalError(
            f"{path}: this journal was written by a newer trustlog "
            f"(format {version}); this one understands format {current}.",
            hint="Update trustlog to use this journal. Nothing was changed.",
        )


def upgrade(journal: Journal, current: int) -> Path | None:
    """Bring `journal` up to format `current`; returns the backup made, if any."""
    settings = journal.settings()  # refuses a journal from a newer trustlog
    version = settings.get("format", current)
    if version >= current:
        return None
    backup = back_up(journal, version)
    while version < current:
        STEPS[version](journal)
        version += 1
        settings = journal.settings()
        settings["format"] = version
        journal.save_settings(settings)
    return backup


def back_up(journal: Journal, version: int) -> Path:
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
