"""A private scratch folder, for a file another program must read for a moment.

(And finding that program: where on this machine an installed one is.)

Printing a PDF hands the export's HTML to a browser, which can only open a
file. That file holds the person's words, so it lives in a folder only its
owner can open (0700), is itself 0600, and the folder goes with everything
in it when the work is done: on success, on failure and on Ctrl-C alike.
Only `kill -9` (or a power cut) can stop that; so the folder's name carries
the process id, and the next run removes any such folder whose process is
gone.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from trustlog.storage import atomic


@contextmanager
def private_folder(prefix: str = "trustlog-") -> Iterator[Path]:
    """A new folder in the system's temporary place, 0700, removed afterwards whatever happens."""
    remove_left_behind(prefix)
    # mkdtemp makes it 0700, by its owner alone.
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_left_behind(prefix: str) -> None:
    """Remove the folders `private_folder(prefix)` left when its process was killed outright:
    ours alone, and only when the process that made one is gone."""
    for folder in Path(tempfile.gettempdir()).glob(f"{prefix}*-*"):
        pid = folder.name.removeprefix(prefix).partition("-")[0]
        try:
            facts = folder.lstat()
        except OSError:
            continue
        if not pid.isdigit() or not stat.S_ISDIR(facts.st_mode) or facts.st_uid != os.getuid():
            continue
        if not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process now has that id
    return True


def write_new(path: Path, data: bytes) -> None:
    """Write `data` to a new file, 0600 from the moment it exists."""
    if not atomic.write_new(path, data):
        raise FileExistsError(17, "File exists", str(path))


def read(path: Path) -> bytes | None:
    """The file's bytes, or None when it is not there."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def find_program(names: tuple[str, ...], places: tuple[Path, ...] = ()) -> str | None:
    """The first of `names` found on PATH, else the first of `places` that can be run."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for place in places:
        if place.is_file() and os.access(place, os.X_OK):
            return str(place)
    return None


def short_temporary_place(longest: int) -> str | None:
    """A shorter temporary folder than the system's, when the system's is over `longest`
    characters and /tmp is there; else None (the system's will do)."""
    system = tempfile.gettempdir()
    if len(system) <= longest or not Path("/tmp").is_dir():
        return None
    return "/tmp"
