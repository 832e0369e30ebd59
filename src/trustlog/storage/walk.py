"""Reading many month folders at the least cost a file: a search's and an export's walk.

`Journal.files_between` makes a `Path` and an `EntryFile` for every name and
reads each file through the seam (`Files.read_bytes`): right for a month,
but over ten years of three entries a day that bookkeeping cost more than
opening and reading the ten thousand files. `dated` gives the same files, in
the same order, with the same refusals (a file in the wrong month folder, a
record of an undated kind among the dated ones), each as plain strings read
from its name; `read` opens each relative to its folder, once a folder.

Whatever is not plain sailing goes the ordinary way: a folder holding a name
that could be refused is listed by `Journal.month_files` itself, and a file
that is not a plain regular file (a link, a FIFO, gone meanwhile) or a read
inside a change reads as `None`, for the caller to read through the seam,
which says what is wrong with it. tests/storage/test_walk.py holds both
ways together.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trustlog.storage.crypt import HEADER
from trustlog.storage.files import Files
from trustlog.storage.journal import EntryFile, Journal
from trustlog.storage.names import DATED_NAME

_OPEN = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOFOLLOW
_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC


# The names `names.DATED_NAME` takes, found in a folder's whole listing at once.
_LISTED = re.compile(DATED_NAME.pattern, re.MULTILINE)


@dataclass
class Folder:
    """One month folder's entry files, named as `month_files` names them, not yet read."""

    path: Path
    month: str  # "YYYY/MM", the folder below the journal's root
    files: list[tuple[str, str, str, date]]  # name, kind, id, date; in month_files' order
    quick: bool = True  # False: listed by month_files, read through the seam
    descriptor: int | None = None  # open for `read` inside `opened()`

    def entry_file(self, index: int) -> EntryFile:
        name, kind, entry_id, day = self.files[index]
        return EntryFile(self.path / name, kind, entry_id, day)

    @contextmanager
    def opened(self) -> Iterator[Folder]:
        """The folder held open, so each `read` opens its file relative to it."""
        if self.quick:
            # Gone meanwhile: each file is read through the seam, which says so.
            with suppress(OSError):
                self.descriptor = os.open(self.path, _FOLDER)
        try:
            yield self
        finally:
            if self.descriptor is not None:
                os.close(self.descriptor)
                self.descriptor = None


def dated(
    journal: Journal, start: date | None, end: date | None, kind: str | None = None
) -> list[Folder]:
    """The files `journal.files_between(start, end, kind)` lists, in its order, a month
    folder at a time; all listed, and anything wrong refused, before a file is read.

    A folder is listed by `month_files` itself when any name in it is one that call
    would refuse, or one this quick listing could read otherwise (a name holding a
    newline): it raises what it raises.
    """
    low = start.isoformat() if start is not None else ""
    high = end.isoformat() if end is not None else "~"
    undated = [f"-{name}-" for name in journal.kept_in.values()]
    journal.settle()
    found: list[Folder] = []
    for year, month in journal.months(start, end):
        folder = journal.month_folder(year, month)
        where = f"{year:04d}/{month:02d}"
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            continue  # a month without a folder, as month_files has it
        except OSError:
            found.append(_listed(journal, year, month, kind, start, end))
            continue
        names.sort()
        every = "\n".join(names)
        prefix = f"{year:04d}-{month:02d}-"
        odd = any(mark in every for mark in undated) or any(
            "\n" in name or (not name.startswith(prefix) and DATED_NAME.match(name))
            for name in names
        )
        if odd:
            found.append(_listed(journal, year, month, kind, start, end))
            continue
        files: list[tuple[str, str, str, date]] = []
        for said, its_kind, its_id in _LISTED.findall(every):
            if not low <= said <= high or (kind is not None and its_kind != kind):
                continue
            try:
                day = date.fromisoformat(said)
            except ValueError:
                continue
            files.append((f"{said}-{its_kind}-{its_id}.md", its_kind, its_id, day))
        found.append(Folder(folder, where, files))
    return found


def _listed(
    journal: Journal, year: int, month: int, kind: str | None, start: date | None, end: date | None
) -> Folder:
    files = [
        (entry.path.name, entry.kind, entry.id, entry.date)
        for entry in journal.month_files(year, month, kind)
        if entry.date is not None
        and (start is None or entry.date >= start)
        and (end is None or entry.date <= end)
    ]
    return Folder(journal.month_folder(year, month), f"{year:04d}/{month:02d}", files, False)


def read(files: Files, folder: Folder, name: str) -> bytes | None:
    """The bytes of `name` in `folder` as `files.read_bytes` gives them, or None where
    only it can say: a link, anything but a regular file, a file that is gone, a read
    inside a change."""
    if folder.descriptor is None or files.changing:
        return None
    try:
        fd = os.open(name, _OPEN, dir_fd=folder.descriptor)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        data = os.read(fd, info.st_size + 1)
        if len(data) != info.st_size:  # it changed since fstat: read on to its end
            pieces = [data]
            while pieces[-1]:
                pieces.append(os.read(fd, 1 << 16))
            data = b"".join(pieces)
    except OSError:
        return None
    finally:
        os.close(fd)
    if data.startswith(HEADER):
        return files.plain(data, folder.path / name)
    return data
