"""Upgrading a journal written in an older format.

Each step upgrades a journal from format N to N+1 in place. Before the first
step runs, the whole journal is copied to `backups/format-N-<time>/`, so a
person can always go back. Steps run under the journal's lock, from
`Journal.writing()`.

There is one format so far; the first change to it adds `STEPS[1]`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trustlog.storage import atomic

if TYPE_CHECKING:
    from trustlog.storage.journal import Journal

Step = Callable[["Journal"], None]

STEPS: dict[int, Step] = {}
BACKUP_FOLDER = "backups"


def upgrade(journal: Journal) -> Path | None:
    """Bring `journal` up to the current format; returns the backup made, if any."""
    from trustlog.storage.journal import FORMAT_VERSION

    settings = journal.settings()  # refuses a journal from a newer trustlog
    if not journal.settings_path.exists():
        return None
    version = settings.get("format", FORMAT_VERSION)
    if version >= FORMAT_VERSION:
        return None
    backup = back_up(journal.root, version)
    while version < FORMAT_VERSION:
        STEPS[version](journal)
        version += 1
        settings = journal.settings()
        settings["format"] = version
        journal.save_settings(settings)
    return backup


def back_up(root: Path, version: int) -> Path:
    atomic.ensure_folder(root / BACKUP_FOLDER)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = root / BACKUP_FOLDER / f"format-{version}-{stamp}"
    shutil.copytree(
        root,
        target,
        ignore=shutil.ignore_patterns(BACKUP_FOLDER, ".lock", ".*.tmp"),
    )
    target.chmod(atomic.FOLDER_MODE)
    atomic.fsync_folder(target.parent)
    return target
