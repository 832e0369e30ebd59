"""The journal's lock: one writer at a time, across processes.

It is `fcntl.flock` from the standard library: trustlog runs on Linux and
macOS (Windows through WSL), where flock is always there and costs no import
time. The lock is released by the operating system if the process dies.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

POLL_SECONDS = 0.02
# After this long a waiting command says why it is quiet (`hold`'s `waiting`).
NOTICE_SECONDS = 1.0


class Busy(Exception):
    """Another process held the lock for longer than we were willing to wait."""


@contextmanager
def hold(
    path: Path, timeout: float, mode: int = 0o600, waiting: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the lock file at `path`, waiting up to `timeout` seconds (0: try once).

    `waiting` is called once if the wait passes NOTICE_SECONDS, so the person
    can be told why nothing seems to happen.

    A holder may remove the lock file (a failed first command takes away the
    journal it created). Whoever waited on that file then holds a lock nobody
    else can see, so it checks the file is still the one at `path`, and if not
    locks the one there now; FileNotFoundError when the folder itself is gone.
    """
    deadline = time.monotonic() + timeout
    notice = _Notice(waiting)
    while True:
        fd = _open(path, mode)
        try:
            _acquire(fd, path, deadline, notice)
        except BaseException:
            os.close(fd)
            raise
        if _still_there(fd, path):
            break
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _open(path: Path, mode: int) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, mode)
    except PermissionError:
        # A journal made read-only: flock works as well on a file opened to read,
        # and the write that follows is refused with words that name the folder.
        return os.open(path, os.O_RDONLY)


class _Notice:
    """Tells `waiting` once, when a wait has lasted NOTICE_SECONDS."""

    def __init__(self, waiting: Callable[[], None] | None) -> None:
        self.at = time.monotonic() + NOTICE_SECONDS
        self.waiting = waiting

    def check(self, now: float) -> None:
        if self.waiting is not None and now >= self.at:
            waiting, self.waiting = self.waiting, None
            waiting()


def _acquire(fd: int, path: Path, deadline: float, notice: _Notice) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            now = time.monotonic()
            if now >= deadline:
                raise Busy(str(path)) from None
            notice.check(now)
            time.sleep(POLL_SECONDS)


def _still_there(fd: int, path: Path) -> bool:
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


class Claimed(Exception):
    """Another process holds the claim; `since` is when it took it (a Unix time)."""

    def __init__(self, since: float) -> None:
        super().__init__(since)
        self.since = since


@contextmanager
def claim(path: Path, mode: int = 0o600) -> Iterator[None]:
    """Mark `path` as taken by this process until the block ends, or raise Claimed.

    For work that lasts minutes without the journal's lock (an entry open in
    an editor). The marker holds nothing: its time says since when. One a
    killed process left is not held, and is simply taken over.
    """
    taken = ExitStack()
    try:
        taken.enter_context(hold(path, 0, mode))
    except Busy:
        try:
            since = path.stat().st_mtime
        except FileNotFoundError:
            since = time.time()
        raise Claimed(since) from None
    with taken:
        os.utime(path)
        try:
            yield
        finally:
            with suppress(FileNotFoundError):
                os.unlink(path)
