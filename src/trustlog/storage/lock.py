"""The journal's lock: one writer at a time, across processes.

On POSIX systems it is `fcntl.flock` from the standard library; elsewhere the
filelock package. filelock would work everywhere, but importing it costs
10–17 ms, a sixth of a check-in's start-up budget (see benchmarks/).
The lock is released by the operating system if the process dies.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POLL_SECONDS = 0.02


class Busy(Exception):
    """Another process held the lock for longer than we were willing to wait."""


@contextmanager
def hold(path: Path, timeout: float, mode: int = 0o600) -> Iterator[None]:
    """Hold the lock file at `path`, waiting up to `timeout` seconds (0: try once)."""
    if os.name != "posix":  # pragma: no cover - exercised on Windows only
        with _hold_portable(path, timeout, mode):
            yield
        return
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, mode)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(str(path)) from None
                time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def _hold_portable(path: Path, timeout: float, mode: int) -> Iterator[None]:  # pragma: no cover
    from filelock import FileLock, Timeout

    lock = FileLock(path, timeout=timeout, mode=mode)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(str(path)) from None
    try:
        yield
    finally:
        lock.release()
