"""Files the person names outside the journal: an export written, an import read.

Every command that writes a file outside the journal (`export`, `calendar`,
`share`) checks its target with `check_target` before anything is read or
asked, and writes it with `save`, which checks it again just before writing:

- never inside the journal folder: a target that resolves there (symlinks
  followed, a file not made yet by the folder it would be made in) is bad
  input, for it could replace or hide an entry, or be taken for one;
- never over what is not a regular file: a folder, a device, a FIFO or a
  socket is refused with `--force` (it would be replaced by a file, which
  for `/dev/null` breaks the whole machine). Without `--force`, a FIFO or a
  character device (a terminal, `/dev/null`, a shell's `>(...)`) is the
  person's choice of where the bytes go, and they are written into it;
  block devices and sockets are always refused.

Like the journal's own files, a file is written to a temporary file beside
it, fsynced, and put in place in one step, readable by its owner alone
(0600). Unless replacing was agreed, it is put in place with a hard link,
which fails if a file of that name is there, even one made a moment ago: an
export never overwrites anything by accident.

Reading a file to import, only a regular file is read, and only up to
`READ_LIMIT` bytes: a device or a FIFO (`/dev/zero`) never fills memory.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from trustlog.errors import InputError
from trustlog.storage import atomic

READ_LIMIT = 256 * 1024 * 1024
"""The largest file an import reads (256 MiB): twenty years of daily check-ins and promise
marks export to about 50 MB, so anything larger is not an export, and is refused before
it is read."""


class Target(Enum):
    """What is at a target path now, and so what writing there does."""

    NEW = "new"  # nothing: a file is made
    FILE = "file"  # a regular file: replaced only when agreed
    STREAM = "stream"  # a FIFO or a character device: written into, never replaced


def streams(mode: int) -> bool:
    """Whether bytes may be written into a file of this mode without replacing it."""
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def target_of(mode: int | None, path: Path, flag: str, replace: bool) -> Target:
    """The rule for what is at a target (`mode`: its `st_mode`, symlinks followed, None
    for nothing there): what writing does, or InputError naming `flag`."""
    if mode is None:
        return Target.NEW
    if stat.S_ISREG(mode):
        return Target.FILE
    what = atomic.kind_of(mode)
    if stat.S_ISDIR(mode):
        raise InputError(f"{flag}: {path} is a folder; please give a file name.")
    if replace or not streams(mode):
        leave = " To write into it, leave out --force." if streams(mode) else ""
        raise InputError(
            f"{flag}: {path} is {what}, not a file, and I never replace one.{leave}",
            hint="Please give a file name. Nothing was written.",
        )
    return Target.STREAM


def check_target(
    path: Path, *, journal: Path | None, replace: bool = False, flag: str = "--output"
) -> Target:
    """Refuse, before anything is made, a target that must never be written; else say
    what is there. `journal`: the journal folder, which no target may be inside."""
    if journal is not None:
        _refuse_inside(path, journal, flag)
    try:
        mode: int | None = path.stat().st_mode
    except FileNotFoundError:
        mode = None
        if path.is_symlink():  # a link to nothing: replacing it replaces the link
            return Target.FILE
    except OSError as error:
        raise InputError(f"{flag}: {path}: {error.strerror}.") from None
    there = target_of(mode, path, flag, replace)
    if there is Target.NEW and not path.parent.is_dir():
        raise InputError(f"{flag}: the folder {path.parent} does not exist.")
    return there


def _refuse_inside(path: Path, journal: Path, flag: str) -> None:
    """A target that resolves into the journal folder (or is it) is bad input."""
    root = Path(os.path.realpath(journal))
    resolved = Path(os.path.realpath(path))
    inside = resolved == root or root in resolved.parents
    if not inside:
        # The same folder reached another way (a bind mount, another case of its name).
        with contextlib.suppress(OSError):
            mark = _identity(root)
            inside = any(_identity(folder) == mark for folder in resolved.parents)
    if inside:
        raise InputError(
            f"{flag}: {path} is inside your journal folder ({journal}), where a file could "
            "replace or hide your entries.",
            hint="Please choose a place outside it. Nothing was written.",
        )


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def already_there(path: Path, flag: str = "--output") -> InputError:
    return InputError(
        f"{flag}: {path} is already there, and I never write over a file without asking.",
        hint=f"Add --force to replace it, or give another name with {flag}. Nothing was written.",
    )


def save(
    path: Path,
    data: bytes | Iterable[bytes],
    *,
    journal: Path | None,
    replace: bool = False,
    flag: str = "--output",
) -> None:
    """Write `data` to `path`, whole or not at all, 0600; an existing file only if
    `replace`; into a FIFO or a device (not replacing it) unless `replace`. `data` may
    come a piece at a time; a piece that fails leaves nothing at `path`."""
    there = check_target(path, journal=journal, replace=replace, flag=flag)
    if there is Target.STREAM:
        _stream(path, data, flag)
        return
    if replace:
        atomic.write_atomic(path, data)
        return
    atomic.require_writable(path.parent)
    fd, tmp = atomic.temporary(path)
    try:
        os.fchmod(fd, atomic.FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            atomic.write_all(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise already_there(path, flag) from None
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                raise
            with open(tmp, "rb") as written:  # a file system without hard links
                _create_new(path, written.read(), flag)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    atomic.fsync_folder(path.parent)


def _stream(path: Path, data: bytes | Iterable[bytes], flag: str) -> None:
    """Write into a FIFO or a device the person named: never created, never replaced.

    Opened without waiting (a FIFO nobody reads is refused, not waited on
    forever), and checked once open, so nothing else was put there meanwhile.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise InputError(
                f"{flag}: nothing is reading from {path}.",
                hint="Start what reads it first. Nothing was written.",
            ) from None
        raise InputError(f"{flag}: {path}: {error.strerror}.") from None
    try:
        target_of(os.fstat(fd).st_mode, path, flag, replace=False)
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        for chunk in [data] if isinstance(data, bytes) else data:
            view = memoryview(chunk)
            while view:
                written = os.write(fd, view)
                view = view[written:]
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from error
    finally:
        os.close(fd)


def _create_new(path: Path, data: bytes, flag: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, atomic.FILE_MODE)
    except FileExistsError:
        raise already_there(path, flag) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        raise


# -- reading a file to import ---------------------------------------------------------


def read(path: Path) -> bytes:
    """The bytes of a file given to import; one that cannot be read is bad input.

    Only a regular file is read (a FIFO or a device is refused before it is
    opened, and checked again once open, without waiting), and only one of
    at most `READ_LIMIT` bytes.
    """
    limit = READ_LIMIT
    try:
        found = path.stat()
        _readable_kind(path, found.st_mode, found.st_size, limit)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise InputError(f"{path}: there is no such file.") from None
    except OSError as error:
        raise InputError(f"{path}: could not read it: {error.strerror}.") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            opened = os.fstat(fd)
            _readable_kind(path, opened.st_mode, opened.st_size, limit)
            return read_limited(handle, limit, str(path))
        except OSError as error:
            raise InputError(f"{path}: could not read it: {error.strerror}.") from None


def read_stream(stream: BinaryIO, source: str) -> bytes:
    """What is piped in (stdin), up to `READ_LIMIT` bytes; a device that is not a
    terminal (`< /dev/zero`) is refused before anything is read."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a real stream
        fd = stream.fileno()
        mode = os.fstat(fd).st_mode
        if not stdin_may_be(mode, os.isatty(fd)):
            raise InputError(
                f"{source} is {atomic.kind_of(mode)}, not a file or a pipe; "
                "please pipe in the file to import.",
                hint="Nothing was imported.",
            )
    return read_limited(stream, READ_LIMIT, source)


def stdin_may_be(mode: int, terminal: bool) -> bool:
    """A pipe, a file or a terminal may be read as stdin; a device like /dev/zero not."""
    return terminal or stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def read_limited(stream: BinaryIO, limit: int, source: str) -> bytes:
    """At most `limit` bytes of `stream` (stdin, a file): more is refused, not kept."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(source, limit)
    return data


def _readable_kind(path: Path, mode: int, size: int, limit: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError(f"{path} is a folder; please give the file to import.")
    what = atomic.kind_of(mode)
    if what is not None:
        raise InputError(
            f"{path} is {what}, not a file; please give the file to import.",
            hint="To import from another program, pipe it in and give - as the file.",
        )
    if size > limit:
        raise _too_large(str(path), limit)


def _too_large(source: str, limit: int) -> InputError:
    return InputError(
        f"{source}: it is larger than {limit // (1024 * 1024)} MB, far larger than any "
        "export; is it the right file?",
        hint="Nothing was imported.",
    )


def give_up_stdout() -> None:
    """After a failed write, send what stdout still buffers nowhere.

    Python flushes stdout once more as it exits; with the pipe closed or the disk
    full that flush fails too and the exit code becomes 120 instead of ours. This
    is the recipe of Python's own docs (signal, "Note on SIGPIPE").
    """
    with contextlib.suppress(OSError, ValueError):  # ValueError: no descriptor (a test runner)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
