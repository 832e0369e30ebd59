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

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from trustlog.errors import JournalError
from trustlog.storage import atomic, change, document, lock, migrate
from trustlog.storage import names as naming
from trustlog.storage import settings as settings_file
from trustlog.storage.document import Document
from trustlog.storage.drafts import Drafts
from trustlog.storage.files import LOCK_FILE as LOCK_FILE
from trustlog.storage.files import LOCK_TIMEOUT_SECONDS as LOCK_TIMEOUT_SECONDS
from trustlog.storage.files import unreadable
from trustlog.storage.names import ID_ALPHABET as ID_ALPHABET
from trustlog.storage.names import ID_LENGTH as ID_LENGTH
from trustlog.storage.names import EntryFile as EntryFile  # most callers import it from here
from trustlog.storage.names import (
    IdWords,
    Month,
    all_begin_with,
    dated_entries,
    in_order,
    misplaced,
    month_folders,
    months_between,
    random_ids,
    resolve_id,
    said_by,
    undated_entry,
)
from trustlog.storage.settings import FORMAT_VERSION as FORMAT_VERSION  # read at each call
from trustlog.storage.settings import SETTINGS_FILE as SETTINGS_FILE


class Journal(Drafts):
    def open_to_others(self) -> int | None:
        """The journal folder's permissions when people other than its owner may use it."""
        try:
            mode = self.root.stat().st_mode & 0o7777
        except OSError:
            return None
        return mode if mode & 0o077 else None

    # -- settings -------------------------------------------------------------

    @property
    def settings_path(self) -> Path:
        return settings_file.path_of(self)

    def settings(self) -> dict[str, Any]:
        """The settings table, checking the format version on the way (storage/settings.py)."""
        return settings_file.read(self, FORMAT_VERSION)

    def save_settings(self, data: dict[str, Any]) -> None:
        settings_file.save(self, data, FORMAT_VERSION)

    # -- finding entries --------------------------------------------------------

    def months(self, start: date | None = None, end: date | None = None) -> list[Month]:
        """The (year, month) pairs from `start` to `end`, oldest first.

        With both ends given it is every month between them, folder or not, and
        nothing is listed; with either end open, the month folders that exist.
        """
        if start is not None and end is not None:
            return months_between(start, end)
        self._settle()
        low = (start.year, start.month) if start else (0, 0)
        high = (end.year, end.month) if end else (10_000, 0)
        return [month for month in month_folders(self.root) if low <= month <= high]

    def month_files(self, year: int, month: int, kind: str | None = None) -> list[EntryFile]:
        self._settle()
        folder = self.month_folder(year, month)
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            return []
        if kind is not None:
            # The kind is in the name: skip parsing the others (most of a month is marks).
            names = [name for name in names if f"-{kind}-" in name]
        # A dated name begins with its date: sorted by name is in_order's order.
        found = [f for f in dated_entries(folder, sorted(names)) if kind in (None, f.kind)]
        undated_kinds = set(self.kept_in.values())
        for entry in found:
            assert entry.date is not None
            if entry.date.month != month or entry.date.year != year:
                _refuse_misplaced(entry)  # its name dates it in another month folder
            if entry.kind in undated_kinds:
                self._refuse_elsewhere(entry)
        return found

    def files_between(
        self, start: date | None, end: date | None, kind: str | None = None
    ) -> list[EntryFile]:
        """Entry files dated from `start` to `end` (inclusive); reads only their months."""
        found: list[EntryFile] = []
        for year, month in self.months(start, end):
            for entry in self.month_files(year, month, kind):
                assert entry.date is not None
                if (start is None or entry.date >= start) and (end is None or entry.date <= end):
                    found.append(entry)
        return found

    def undated_files(self, folder: str, kind: str | None = None) -> list[EntryFile]:
        self._settle()
        self._refuse_misplaced_kinds()
        path = self.root / folder
        if not path.is_dir():
            return []
        found = (undated_entry(path, name) for name in os.listdir(path))
        return in_order(f for f in found if f is not None and kind in (None, f.kind))

    def all_files(self) -> Iterator[EntryFile]:
        for year, month in self.months():
            yield from self.month_files(year, month)
        for folder in self.undated_folders:
            yield from self.undated_files(folder)

    def find(self, id_or_prefix: str, kind: str | None = None) -> EntryFile:
        """The one entry whose id is, or starts with, `id_or_prefix`."""
        # Only names that contain "-<prefix>" can match, so most of the journal is
        # never parsed: the walk costs a directory listing per month, not an
        # EntryFile per entry (a 10-year journal: about 4 ms instead of 34 ms).
        needle = f"-{id_or_prefix.strip().lower()}"
        candidates = (
            f
            for folder, names, dated in self._names()
            for name in names
            if needle in name
            and (f := self._entry_file(folder, name, dated)) is not None
            and kind in (None, f.kind)
        )
        what = kind or "entry"
        words = IdWords(
            empty="Please give an entry id, such as k3m9x.",
            missing=f"No {what} has the id '{{given}}'.",
            hint="`trustlog entries` lists the ids.",
            many="'{given}' could be any of {ids}: please type more of the id.",
        )
        return resolve_id(candidates, id_or_prefix, words)

    def read(self, entry: EntryFile | Path) -> Document:
        path = entry.path if isinstance(entry, EntryFile) else entry
        try:
            raw = self.read_bytes(path)
        except OSError as error:
            raise unreadable(path, error) from None
        return document.parse(raw, path)

    def new_id(self) -> str:
        """An id no entry has yet.

        Every check-in that creates pays for this walk, so it reads file names
        only (see `find`) and looks for "-<id>.md" in all of them at once.
        """
        every = list(self._names())
        joined = ["\0".join(listed) for _, listed, _ in every]  # no name can hold a NUL
        for (folder, listed, prefix), names in zip(every, joined, strict=True):
            # A file moved to another month would be missed by the reads of its own
            # month: refuse to add to the journal until it is back where it belongs.
            if prefix and not all_begin_with(listed, names, prefix):
                odd = [name for name in listed if not name.startswith(prefix)]
                for entry in dated_entries(Path(folder), odd):
                    _refuse_misplaced(entry)
        names = "\0".join([*joined, *(self._change.names() if self._change else ())]) + "\0"
        self._refuse_misplaced_kinds()
        for kind in self.kept_in.values():
            if f"-{kind}-" in names:  # a dated name: an undated kind in a month folder
                for folder, listed, prefix in every:
                    for entry in dated_entries(Path(folder), listed) if prefix else ():
                        self._refuse_elsewhere(entry)
        while True:  # (the change's own files, not yet landed, are in `names` too)
            # names.pick draws each character (tests and the golden scenario seed it).
            candidate = "".join(naming.pick(ID_ALPHABET) for _ in range(ID_LENGTH))
            if f"-{candidate}.md\0" not in names:
                return candidate

    def new_ids(self, count: int, taken: set[str]) -> list[str]:
        """`count` ids no entry has, none in `taken` (every id of the journal, which the
        caller has listed): an import's thousands of ids for one walk, not one each."""
        made: list[str] = []
        seen = set(taken)
        for candidate in random_ids(count):
            if len(made) >= count:
                break
            if candidate not in seen:
                seen.add(candidate)
                made.append(candidate)
        return made

    # -- writing ------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Journal]:
        """Hold the journal's lock while changing it; creates the folder on first use.

        Concurrent runs wait for one another, so a dozen parallel check-ins
        all land. An older journal is upgraded first (storage/migrate.py).
        """
        if self._locked:
            yield self
            return
        created = self._ensure_root()
        try:
            with contextlib.ExitStack() as held:
                try:
                    held.enter_context(self.locked())
                except FileNotFoundError:
                    if self.root.exists():
                        raise
                    # A first command we waited for failed and took its new journal
                    # away with it: make it again, ours to take away if we fail too.
                    created = self._ensure_root()
                    held.enter_context(self.locked())
                try:
                    change.recover(self.root)
                    self._settled = True
                    self._sweep_recent()
                    if self.encrypted:
                        self._fold_left_edits()
                    migrate.upgrade(self, FORMAT_VERSION)
                    with self.change():  # the block's writes land together, or none
                        if not self.exists(self.settings_path):
                            self.save_settings({})
                        yield self
                except BaseException:
                    if created:
                        # A command that failed on a journal it created leaves nothing
                        # behind; still under the lock, so no one waiting sees half of it.
                        self.take_back((created, set()))
                    raise
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
        self.write_bytes(path, text.encode("utf-8"))

    def delete(self, entry: EntryFile) -> None:
        self.remove(entry.path)

    # -- internals ----------------------------------------------------------------

    def ensure_root(self) -> None:
        """Create the journal's private folder if it is not there yet."""
        self._ensure_root()

    def _ensure_root(self) -> list[Path]:
        """Create the journal's folder (and any missing above it); the folders created."""
        missing = [self.root, *(p for p in self.root.parents if not p.exists())]
        missing = [p for p in missing if not p.exists()]
        if not self.root.parent.exists():
            self.root.parent.mkdir(parents=True, exist_ok=True)  # two first runs at once
        atomic.ensure_folder(self.root)
        return missing

    def as_found(self) -> tuple[list[Path], set[str]]:
        """What `take_back` needs to leave the journal as it is now: the folders that are
        not there yet, and which of the files the journal's seam makes are."""
        missing = [p for p in (self.root, *self.root.parents) if not p.exists()]
        return missing, {n for n in (SETTINGS_FILE, LOCK_FILE) if (self.root / n).exists()}

    def take_back(self, found: tuple[list[Path], set[str]]) -> None:
        """A command that failed after making a journal (`as_found` said how it was before)
        leaves nothing behind: the settings and lock it made go, and the folders it made,
        while they hold nothing else."""
        missing, had = found
        for name in (SETTINGS_FILE, LOCK_FILE):
            if name not in had:
                with contextlib.suppress(OSError):
                    os.unlink(self.root / name)
        for folder in missing:
            try:
                os.rmdir(folder)
            except OSError:
                return

    def _names(self) -> Iterator[tuple[str, list[str], str]]:
        """The names in each month folder and undated folder, unparsed, with the prefix
        each name of a month folder has ("" for undated): the cheap walk over the whole
        journal (folders as strings: a Path each cost a creation 1 ms on 10 years)."""
        self._settle()
        for year, month in self.months():
            folder = os.path.join(self.root, f"{year:04d}", f"{month:02d}")
            yield folder, os.listdir(folder), f"{year:04d}-{month:02d}-"
        for folder_name in self.undated_folders:
            folder = os.path.join(self.root, folder_name)
            try:
                yield folder, os.listdir(folder), ""
            except (FileNotFoundError, NotADirectoryError):
                continue

    def _refuse_misplaced_kinds(self) -> None:
        """Each undated folder holds its own kind only: checked once per command (a
        listing of each), so a promise moved into `support/` is named, not lost."""
        if self._kinds_checked:
            return
        self._kinds_checked = True
        for folder in self.kept_in:
            path = self.root / folder
            try:
                names = os.listdir(path)
            except (FileNotFoundError, NotADirectoryError):
                continue
            for name in names:
                said = said_by(path / name)
                if said is not None:
                    self._refuse_elsewhere(said)

    def _refuse_elsewhere(self, entry: EntryFile) -> None:
        """A record of a kind kept in a folder of its own, found anywhere else, is damaged:
        the commands that look for it in its folder would never see it."""
        if not self.kept_in or entry.kind not in self.kept_in.values():
            return
        home = next(folder for folder, kind in self.kept_in.items() if kind == entry.kind)
        parent = entry.path.parent
        if entry.date is None and parent.name == home and parent.parent == self.root:
            return
        here = parent.relative_to(self.root) if parent.is_relative_to(self.root) else parent
        raise document.damaged(
            entry.path,
            None,
            f"a {entry.kind} is kept in {home}/, but this one is in {here}/",
            hint=f"Move it to {home}/{entry.kind}-{entry.id}.md, then run the command "
            "again. Nothing was changed.",
        )

    def _entry_file(self, folder: str, name: str, dated: str) -> EntryFile | None:
        """The entry a name stands for, as `month_files`/`undated_files` would see it."""
        if dated:
            return next(dated_entries(Path(folder), [name]), None)
        return undated_entry(Path(folder), name)


def _refuse_misplaced(entry: EntryFile) -> None:
    belongs = misplaced(entry)
    if belongs is not None:
        assert entry.date is not None
        here = f"{entry.path.parent.parent.name}/{entry.path.parent.name}"
        raise document.damaged(
            entry.path,
            None,
            f"its name dates it {entry.date.isoformat()}, but it is in the folder {here}",
            hint=f"Move it into {belongs}/ (or rename it after the date it holds), then "
            "run the command again. Nothing was changed.",
        )
