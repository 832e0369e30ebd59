"""Crash-safe file operations.

A write goes to a temporary file in the same folder, is flushed and fsynced,
then renamed over the target with `os.replace`, and the folder is fsynced so
the rename itself survives a power cut. A reader sees the old file or the new
one, never half of either.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from trustlog.errors import JournalError

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def ensure_folder(path: Path) -> None:
    """Create `path` as a private folder; an existing one is left exactly as it is.

    Its parent must exist: the journal creates its own folders one level at a
    time, so each of them is private. A folder that is there already keeps its
    permissions: a person who made it read-only, or shares it on purpose, is
    the one to change that (the journal warns when its folder is open to others).
    """
    if path.is_dir():
        return
    require_writable(path.parent)
    try:
        path.mkdir(mode=FOLDER_MODE)
    except FileExistsError:
        if path.is_dir():  # another trustlog, started at the same moment, made it
            return
        raise
    path.chmod(FOLDER_MODE)  # mkdir's mode is filtered by the umask
    fsync_folder(path.parent)


def require_writable(path: Path) -> None:
    """Refuse to change a file or folder its owner made read-only.

    The owner's write bit decides, not `os.access`: the superuser may write
    anywhere, but a journal made read-only is still meant to stay as it is.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not mode & stat.S_IWUSR:
        what = "folder" if stat.S_ISDIR(mode) else "file"
        raise JournalError(
            f"{path}: this {what} is read-only, so nothing could be saved.",
            hint="Nothing was changed. If you made it read-only, it stays that way until "
            "you make it writable again (chmod u+w).",
        )


def kind_of(mode: int) -> str | None:
    """What a file of this `st_mode` is, in words, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (a named pipe)"
    if stat.S_ISCHR(mode):
        return "a device"
    if stat.S_ISBLK(mode):
        return "a disk device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: Path, root: Path) -> bytes:
    """The bytes of a file of the journal at `root`, only if it is a regular file (or a
    link to one inside `root`); OSError as raised (missing, unreadable).

    Anything else named like one of the journal's files is damaged (JournalError,
    naming it), found without waiting: a FIFO is opened without blocking and a
    link that leads out of the journal (to `/dev/zero`) is never opened at all.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags | os.O_NOFOLLOW)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        raise
    except OSError as error:
        if not path.is_symlink():
            what = kind_of(os.lstat(path).st_mode)  # a socket cannot be opened (ENXIO)
            if what is not None:
                raise not_a_file(path, what) from None
            raise
        if error.errno not in (errno.ELOOP, errno.EMLINK):
            raise
        target = Path(os.path.realpath(path))
        home = Path(os.path.realpath(root))
        if home not in target.parents:
            raise not_a_file(path, f"a link to {target}, outside the journal folder") from None
        fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        what = kind_of(info.st_mode)
        if what is not None:
            raise not_a_file(path, what)
        # Read straight from the descriptor, to its end: a search reads ten thousand
        # files, and a file object for each cost a tenth of its time.
        pieces = [os.read(fd, info.st_size + 1)]
        while pieces[-1]:
            pieces.append(os.read(fd, 1 << 16))
        return b"".join(pieces)
    finally:
        os.close(fd)


def not_a_file(path: Path, what: str) -> JournalError:
    return JournalError(
        f"{path}: this is {what}, not a file, so trustlog cannot read it.",
        hint="It was left exactly as it is. Move it out of the journal folder (or put the "
        "file it stands for back from a backup), then run the command again.",
    )


def fsync_folder(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary(path: Path) -> tuple[int, str]:
    """A new, empty file beside `path` for its next version, 0600, open for writing.

    Named as tempfile.mkstemp names one, `.<name>.<8 random characters>.tmp` (what
    change.py clears after a crash), and opened with its flags, without importing
    tempfile and random (about 6 ms) on every check-in.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    while True:
        tmp = os.path.join(path.parent, f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue


def write_atomic(path: Path, data: bytes | Iterable[bytes], durable: bool = True) -> None:
    """Replace `path` with `data` so that it is either wholly old or wholly new.

    `data` may come a piece at a time (an export read as it is written): a piece
    that fails leaves the old file as it was.

    The new file is 0600 whatever the old one was: a replaced file only ever
    loses permissions. A read-only file or folder is refused, not replaced.
    `durable=False` leaves the syncing to the caller: a change of thousands of
    files syncs once at its end (change.py), its record standing in until then.
    """
    require_writable(path.parent)
    require_writable(path)
    fd, tmp = temporary(path)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            write_all(handle, data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(error, OSError) and error.filename != str(path):
            # A full disk names no file, a failed rename names the temp file: name
            # the file the person would look for.
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise
    if durable:
        fsync_folder(path.parent)


def write_all(handle: BinaryIO, data: bytes | Iterable[bytes]) -> None:
    """Write `data`, whole or a piece at a time."""
    for chunk in [data] if isinstance(data, bytes) else data:
        handle.write(chunk)


def write_new(path: Path, data: bytes) -> bool:
    """Create `path` with `data`, unsynced, if no file is there (False if one is).

    Only for a change whose synced record can write the file again: a crash
    halfway leaves a piece of a file that the record's next run replaces
    (change.py). One file made instead of two (a temporary one, then a rename)
    is most of what writing ten years of entries costs.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), FILE_MODE)  # whatever the umask
        handle.write(data)
    return True


def remove(path: Path) -> None:
    require_writable(path.parent)
    path.unlink()
    fsync_folder(path.parent)
