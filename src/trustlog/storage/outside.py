"""Files the person names outside the journal: an export written, an import read.

Like the journal's own files, a file is written to a temporary file beside
it, fsynced, and put in place in one step, readable by its owner alone
(0600). Unless replacing was agreed, it is put in place with a hard link,
which fails if a file of that name is there, even one made a moment ago: an
export never overwrites anything by accident.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from trustlog.errors import InputError
from trustlog.storage import atomic


def read(path: Path) -> bytes:
    """The bytes of a file given to import; one that cannot be read is bad input."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: there is no such file.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; please give the file to import.") from None
    except OSError as error:
        raise InputError(f"{path}: could not read it: {error.strerror}.") from None


def exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def refuse_if_there(path: Path, flag: str = "--output") -> None:
    if exists(path):
        raise _exists(path, flag)


def check_target(path: Path, flag: str = "--output") -> None:
    """Refuse, before anything is made, a target that could never be written."""
    if path.is_dir():
        raise InputError(f"{flag}: {path} is a folder; please give a file name.")
    if not path.parent.is_dir():
        raise InputError(f"{flag}: the folder {path.parent} does not exist.")


def save(path: Path, data: bytes, replace: bool = False, flag: str = "--output") -> None:
    """Write `data` to `path`, whole or not at all, 0600; an existing file only if `replace`."""
    check_target(path, flag)
    if replace:
        atomic.write_atomic(path, data)
        return
    atomic.require_writable(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, atomic.FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise _exists(path, flag) from None
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                raise
            _create_new(path, data, flag)  # a file system without hard links
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    atomic.fsync_folder(path.parent)


def _create_new(path: Path, data: bytes, flag: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, atomic.FILE_MODE)
    except FileExistsError:
        raise _exists(path, flag) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        raise


def _exists(path: Path, flag: str) -> InputError:
    return InputError(
        f"{flag}: {path} is already there, and I never write over a file without asking.",
        hint="Add --force to replace it, or give another name with --output. Nothing was written.",
    )
