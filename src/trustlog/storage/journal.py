"""The journal folder: where each entry file lives, and safe access to it.

    journal.toml                          settings and the format version
    2026/11/2026-11-24-checkin-k3m9x.md   one file per entry, by month
    promises/...                          records that are not tied to one day

Which folders hold such undated records is the kinds' business (domain/kinds.py),
so whoever opens a journal names them.

A command that works on one day or one month lists and reads only that
month's folder, so its cost does not grow with years of history.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from trustlog.errors import InputError, JournalError
from trustlog.storage import atomic, document, lock
from trustlog.storage.document import Document

FORMAT_VERSION = 1
SETTINGS_FILE = "journal.toml"
LOCK_FILE = ".lock"
LOCK_TIMEOUT_SECONDS = 30

# Ids avoid letters and digits that are easy to confuse (0/o, 1/l/i).
ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
ID_LENGTH = 5

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(0[1-9]|1[0-2])$")
_DATED_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<kind>[a-z]+)-(?P<id>[a-z0-9]+)\.md$")
_UNDATED_NAME = re.compile(r"^(?P<kind>[a-z]+)-(?P<id>[a-z0-9]+)\.md$")


@dataclass(frozen=True)
class EntryFile:
    """Where one entry lives; known from its file name alone, without reading it."""

    path: Path
    kind: str
    id: str
    date: date | None


class Journal:
    def __init__(self, root: Path, *, undated_folders: tuple[str, ...]) -> None:
        self.root = root
        self.undated_folders = undated_folders
        self._locked = False

    # -- settings -------------------------------------------------------------

    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    def settings(self) -> dict[str, Any]:
        """The settings table, checking the format version on the way."""
        path = self.settings_path
        if not path.exists():
            return {}
        data = document.read_toml(path)
        version = data.get("format", FORMAT_VERSION)
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise JournalError(
                f"{path}: this journal was written by a newer trustlog "
                f"(format {version}); this one understands format {FORMAT_VERSION}.",
                hint="Update trustlog to use this journal. Nothing was changed.",
            )
        return data

    def save_settings(self, data: dict[str, Any]) -> None:
        self._require_lock()
        version = data.get("format", FORMAT_VERSION)
        data = {"format": version, **{k: v for k, v in data.items() if k != "format"}}
        atomic.write_atomic(self.settings_path, tomli_w.dumps(data).encode("utf-8"))

    # -- finding entries --------------------------------------------------------

    def month_folder(self, year: int, month: int) -> Path:
        return self.root / f"{year:04d}" / f"{month:02d}"

    def month_files(self, year: int, month: int, kind: str | None = None) -> list[EntryFile]:
        folder = self.month_folder(year, month)
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            return []
        if kind is not None:
            # The kind is in the name: skip parsing the others (most of a month is marks).
            names = [name for name in names if f"-{kind}-" in name]
        return sorted(
            (f for f in self._dated_entries(folder, names) if kind in (None, f.kind)),
            key=lambda f: (f.date, f.path.name),
        )

    def files_between(
        self, start: date | None, end: date | None, kind: str | None = None
    ) -> list[EntryFile]:
        """Entry files dated from `start` to `end` (inclusive); reads only their months."""
        found: list[EntryFile] = []
        for year, month in self._months(start, end):
            for entry in self.month_files(year, month, kind):
                assert entry.date is not None
                if (start is None or entry.date >= start) and (end is None or entry.date <= end):
                    found.append(entry)
        return found

    def undated_files(self, folder: str, kind: str | None = None) -> list[EntryFile]:
        path = self.root / folder
        if not path.is_dir():
            return []
        found = []
        for child in sorted(path.iterdir()):
            match = _UNDATED_NAME.match(child.name)
            if match and child.is_file() and kind in (None, match["kind"]):
                found.append(EntryFile(child, match["kind"], match["id"], None))
        return found

    def all_files(self) -> Iterator[EntryFile]:
        for year, month in self._months(None, None):
            yield from self.month_files(year, month)
        for folder in self.undated_folders:
            yield from self.undated_files(folder)

    def find(self, id_or_prefix: str, kind: str | None = None) -> EntryFile:
        """The one entry whose id is, or starts with, `id_or_prefix`."""
        wanted = id_or_prefix.strip().lower()
        if not wanted:
            raise InputError("Please give an entry id, such as k3m9x.")
        # Only names that contain "-<prefix>" can match, so most of the journal is
        # never parsed: the walk costs a directory listing per month, not an
        # EntryFile per entry (a 10-year journal: about 4 ms instead of 34 ms).
        needle = f"-{wanted}"
        matches = [
            f
            for folder, names, dated in self._names()
            for name in names
            if needle in name
            and (f := self._entry_file(folder, name, dated)) is not None
            and f.id.startswith(wanted)
            and kind in (None, f.kind)
        ]
        matches.sort(key=lambda f: (f.date is None, f.date or date.min, f.path.name))
        exact = [f for f in matches if f.id == wanted]
        if exact:
            return exact[0]
        what = kind or "entry"
        if not matches:
            raise InputError(
                f"No {what} has the id '{id_or_prefix}'.",
                hint="`trustlog entries` lists the ids.",
            )
        if len(matches) > 1:
            ids = ", ".join(sorted(f.id for f in matches))
            raise InputError(f"'{id_or_prefix}' could be any of {ids}: please type more of the id.")
        return matches[0]

    def read(self, entry: EntryFile | Path) -> Document:
        return document.read(entry.path if isinstance(entry, EntryFile) else entry)

    def new_id(self) -> str:
        """An id no entry has yet.

        Every check-in that creates pays for this walk, so it reads file names
        only (see `find`) and looks for "-<id>.md" in all of them at once.
        """
        import secrets  # only commands that create pay for it (about 4 ms: hmac, hashlib)

        names = "\n".join(name for _, names, _ in self._names() for name in names) + "\n"
        while True:
            candidate = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
            if f"-{candidate}.md\n" not in names:
                return candidate

    # -- writing ------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Journal]:
        """Hold the journal's lock while changing it; creates the folder on first use.

        Concurrent runs wait for one another, so a dozen parallel check-ins
        all land.
        """
        if self._locked:
            yield self
            return
        self._ensure_root()
        try:
            with lock.hold(self.root / LOCK_FILE, LOCK_TIMEOUT_SECONDS, atomic.FILE_MODE):
                self._locked = True
                try:
                    from trustlog.storage import migrate

                    migrate.upgrade(self)
                    if not self.settings_path.exists():
                        self.save_settings({})
                    yield self
                finally:
                    self._locked = False
        except lock.Busy:
            raise JournalError(
                f"Another trustlog is still writing to {self.root}.",
                hint="Wait for it to finish and try again.",
            ) from None

    def dated_path(self, day: date, kind: str, entry_id: str) -> Path:
        return self.month_folder(day.year, day.month) / f"{day.isoformat()}-{kind}-{entry_id}.md"

    def undated_path(self, folder: str, kind: str, entry_id: str) -> Path:
        return self.root / folder / f"{kind}-{entry_id}.md"

    def write(self, path: Path, fields: dict[str, Any], body: str | None) -> None:
        """Write one entry file atomically (creating its private folders)."""
        self.write_text(path, document.dumps(fields, body))

    def update(self, doc: Document, fields: dict[str, Any], body: str | None) -> None:
        """Rewrite an entry read earlier, changing only what changed (comments survive)."""
        assert doc.path is not None
        self.write_text(doc.path, document.merge(doc, fields, body))

    def write_text(self, path: Path, text: str) -> None:
        """Write an entry file's text as it is: a person's hand edit keeps its comments."""
        self._require_lock()
        relative = path.relative_to(self.root)
        folder = self.root
        for part in relative.parts[:-1]:
            folder = folder / part
            atomic.ensure_folder(folder)
        atomic.write_atomic(path, text.encode("utf-8"))

    def delete(self, entry: EntryFile) -> None:
        self._require_lock()
        atomic.remove(entry.path)

    # -- internals ----------------------------------------------------------------

    def _ensure_root(self) -> None:
        if not self.root.parent.exists():
            self.root.parent.mkdir(parents=True)
        atomic.ensure_folder(self.root)

    def _require_lock(self) -> None:
        if not self._locked:
            raise RuntimeError("journal writes must happen inside Journal.writing()")

    def _months(self, start: date | None, end: date | None) -> Iterator[tuple[int, int]]:
        if start is not None and end is not None:
            year, month = start.year, start.month
            while (year, month) <= (end.year, end.month):
                yield year, month
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            return
        if not self.root.is_dir():
            return
        for year_dir in sorted(self.root.iterdir()):
            if not (_YEAR.match(year_dir.name) and year_dir.is_dir()):
                continue
            for month_dir in sorted(year_dir.iterdir()):
                if not (_MONTH.match(month_dir.name) and month_dir.is_dir()):
                    continue
                ym = (int(year_dir.name), int(month_dir.name))
                if (start is None or ym >= (start.year, start.month)) and (
                    end is None or ym <= (end.year, end.month)
                ):
                    yield ym

    def _names(self) -> Iterator[tuple[Path, list[str], bool]]:
        """The names in each month folder and undated folder, unparsed, with whether
        the folder holds dated entries: the cheap walk over the whole journal."""
        for year, month in self._months(None, None):
            folder = self.month_folder(year, month)
            yield folder, os.listdir(folder), True
        for folder_name in self.undated_folders:
            folder = self.root / folder_name
            try:
                yield folder, os.listdir(folder), False
            except (FileNotFoundError, NotADirectoryError):
                continue

    def _entry_file(self, folder: Path, name: str, dated: bool) -> EntryFile | None:
        """The entry a name stands for, as `month_files`/`undated_files` would see it."""
        if dated:
            return next(self._dated_entries(folder, [name]), None)
        match = _UNDATED_NAME.match(name)
        path = folder / name
        if match is None or not path.is_file():
            return None
        return EntryFile(path, match["kind"], match["id"], None)

    def _dated_entries(self, folder: Path, names: list[str]) -> Iterator[EntryFile]:
        for name in names:
            match = _DATED_NAME.match(name)
            if not match:
                continue
            try:
                day = date.fromisoformat(match["date"])
            except ValueError:
                continue
            yield EntryFile(folder / name, match["kind"], match["id"], day)
