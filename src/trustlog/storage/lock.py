"""The journal's lock: one writer at a time, across processes.

It is `fcntl.flock` from the standard library: trustlog runs on Linux and
macOS (Windows through WSL), where flock is always there and costs no import
time. The lock is released by the operating system if the process dies.
"""

from __future__ import annotations

import fcntl
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
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, mode)
    except PermissionError:
        # A journal made read-only: flock works as well on a file opened to read,
        # and the write that follows is refused with words that name the folder.
        fd = os.open(path, os.O_RDONLY)
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
