"""Crash-safe file operations.

A write goes to a temporary file in the same folder, is flushed and fsynced,
then renamed over the target with `os.replace`, and the folder is fsynced so
the rename itself survives a power cut. A reader sees the old file or the new
one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def ensure_folder(path: Path) -> None:
    """Create `path` as a private folder, or tighten an existing one to 0700.

    Its parent must exist: the journal creates its own folders one level at a
    time, so each of them is private.
    """
    if path.is_dir():
        if path.stat().st_mode & 0o777 != FOLDER_MODE:
            path.chmod(FOLDER_MODE)
        return
    path.mkdir(mode=FOLDER_MODE)
    path.chmod(FOLDER_MODE)  # mkdir's mode is filtered by the umask
    fsync_folder(path.parent)


def fsync_folder(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that it is either wholly old or wholly new."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_folder(path.parent)


def remove(path: Path) -> None:
    path.unlink()
    fsync_folder(path.parent)
