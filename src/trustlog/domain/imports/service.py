"""Landing an import: every entry checked first, then all of them in one change, or none.

The readers (trustlog.py, jrnl.py) turn a file into `Incoming` entries, each
already read back through its kind's own checks, so a file with one bad entry
is refused whole before the journal is touched. `land` then decides, under
the journal's lock, what each entry is to this journal:

- new: written;
- already there, byte for byte (the same file imported twice): skipped;
- its id there with other contents (or, for a check-in, its day already has
  another one): the journal's own is kept, unchanged, and the entry is named
  in the result. Nothing is ever overwritten by an import.

Everything written lands in one change (storage/change.py): all or nothing,
even if the machine stops halfway.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from trustlog.domain import kinds
from trustlog.domain.core.entry import Entry, Record
from trustlog.domain.imports.model import Conflict, Imported
from trustlog.domain.profile import Profile, load_profile
from trustlog.errors import InputError, TrustlogError
from trustlog.storage import document
from trustlog.storage.journal import EntryFile, Journal

Progress = Callable[[int, int], None]
"""Told (entries checked, entries in all) as an import goes; the last call is (n, n)."""

CHECKIN = "checkin"
WHOLE_FILE = "Nothing was imported. Check that it is the whole file, as exported."


@dataclass(frozen=True)
class Incoming:
    """One entry to import: where it goes in the journal, its file's text, and the entry."""

    path: Path
    text: str
    entry: Entry

    @property
    def kind(self) -> str:
        return str(getattr(self.entry, "stored_kind", self.entry.kind))


@dataclass(frozen=True)
class ImportFile:
    """A file being imported: how both readers (exported.py, jrnl.py) open it, go through
    its entries and refuse it. `source` is the name every refusal gives the file;
    `progress` is told as its entries are read."""

    source: str
    progress: Progress | None = None

    def json(self, raw: bytes) -> Any:
        """The file's JSON; a damaged or truncated one names where it breaks."""
        try:
            text = raw.decode("utf-8-sig")  # a byte order mark, as some editors write, is fine
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise self.refused(f"line {line} is not UTF-8 text") from None
        if not text.strip():
            raise self.refused("the file is empty")
        try:
            data = json.loads(text)
        except RecursionError:
            raise self.refused("it is nested too deeply to read") from None
        except json.JSONDecodeError as error:
            # A string left open can only be the end of the file: JSON strings hold no
            # raw newline, so one open mid-file fails at that newline instead.
            if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
                end = text.rstrip()
                line = end.count("\n") + 1
                raise self.refused(f"line {line}: it ends too soon (was it cut off?)") from None
            where = f"line {error.lineno}, column {error.colno}"
            raise self.refused(f"{where}: it is not JSON ({error.msg.lower()})") from None
        _check_sound(data, self)
        return data

    def read_entries(
        self, items: list[Any], read: Callable[[Any, int], Incoming]
    ) -> list[Incoming]:
        """Each entry of the file read in turn, numbered from 1 as a refusal names it, with
        progress told after each."""
        incoming = []
        for number, item in enumerate(items, start=1):
            incoming.append(read(item, number))
            if self.progress is not None:
                self.progress(number, len(items))
        return incoming

    def read_back(self, number: int, target: Path, text: str, shown: str) -> Incoming:
        """An entry's file, as it will land at `target`, read back with its kind's own
        checks, as the journal will read it. A failure names the entry as the file
        does (`shown`), for the file is what is wrong, not the journal."""
        try:
            entry = kinds.load(document.loads(text, target))
        except TrustlogError as error:
            reason = error.message.replace(str(target), shown, 1).rstrip(".")
            raise self.entry_refused(number, reason) from None
        return Incoming(target, text, entry)

    def refused(self, reason: str, hint: str = WHOLE_FILE) -> InputError:
        return InputError(f"{self.source}: {reason}.", hint=hint)

    def entry_refused(self, number: int, reason: str) -> InputError:
        """An entry of the file that cannot be imported: the file is refused whole."""
        return InputError(
            f"{self.source}, entry {number}: {reason}.",
            hint="Nothing was imported: a file is imported whole or not at all.",
        )


MOST_NESTED = 32
"""How deep lists and tables may nest within one entry (or the profile): no export or
jrnl file comes near it, and deeper ones would be too deep to save as TOML."""


def _check_sound(data: Any, file: ImportFile) -> None:
    """Refuse what could never be saved, naming the entry it is in: text that is not
    Unicode (JSON's `\\ud800`, a lone surrogate, which no file can hold) and lists or
    tables nested deeper than `MOST_NESTED`."""
    if not isinstance(data, dict):
        problem = _unsound(data)
        if problem is not None:
            raise file.refused(problem)
        return
    for key, value in data.items():
        if key == "entries" and isinstance(value, list):
            for number, item in enumerate(value, start=1):
                problem = _unsound(item)
                if problem is not None:
                    raise file.entry_refused(number, problem)
            continue
        problem = _unsound(key) or _unsound(value)
        if problem is not None:
            raise file.refused(f"its '{visible_key(key)}': {problem}")


def _unsound(value: Any) -> str | None:
    """What is wrong with a JSON value, walked without recursion, or None."""
    waiting: list[tuple[Any, int]] = [(value, 0)]
    while waiting:
        item, depth = waiting.pop()
        if isinstance(item, str):
            if not _is_unicode(item):
                return (
                    "it holds text that is not valid Unicode (a lone surrogate such as "
                    "\\ud800), which cannot be saved"
                )
        elif isinstance(item, dict | list):
            if depth >= MOST_NESTED:
                return f"its lists or tables are nested more than {MOST_NESTED} deep"
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            waiting += [(child, depth + 1) for child in children]
    return None


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def visible_key(key: str) -> str:
    """A key as it can be shown (a lone surrogate as its escape)."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def land(
    journal: Journal,
    incoming: list[Incoming],
    result: Imported,
    profile: Profile | None = None,
) -> Imported:
    """Write what is new of `incoming` in one change; see the module's docstring.

    An entry is already there when a file of the journal has its id, in the
    same place, with the same bytes. `profile`: the settings of `trustlog
    init` the file gives; only the ones the journal lacks are set.
    """
    with journal.writing(), journal.change():
        files = list(journal.all_files())
        by_id = {f.id: f for f in files}
        checkin_days: dict[date, str] = {
            f.date: f.id for f in files if f.kind == CHECKIN and f.date is not None
        }
        for item in incoming:
            entry = item.entry
            there = by_id.get(entry.id)
            if there is not None:
                if _same_bytes(journal, item, there):
                    result.skipped += 1
                else:
                    result.conflicts.append(_conflict(item, there.id))
                continue
            if _one_a_day(entry) and entry.day in checkin_days:
                assert entry.day is not None
                result.conflicts.append(_conflict(item, checkin_days[entry.day]))
                continue
            journal.write_text(item.path, item.text)
            by_id[entry.id] = EntryFile(item.path, entry.kind, entry.id, entry.day)
            if _one_a_day(entry) and entry.day is not None:
                checkin_days[entry.day] = entry.id
            result.imported += 1
            result.by_kind[item.kind] = result.by_kind.get(item.kind, 0) + 1
        if profile is not None:
            _fill_profile(journal, profile, result)
    return result


def _same_bytes(journal: Journal, item: Incoming, there: EntryFile) -> bool:
    if there.path != item.path:
        return False
    try:
        return journal.read_bytes(there.path) == item.text.encode("utf-8")
    except OSError:
        return False


def _one_a_day(entry: Entry) -> bool:
    return isinstance(entry, Record) and entry.one_a_day


def _conflict(item: Incoming, yours: str) -> Conflict:
    day = item.entry.day
    return Conflict(item.entry.id, item.kind, day.isoformat() if day else None, yours)


def _fill_profile(journal: Journal, given: Profile, result: Imported) -> None:
    from dataclasses import asdict

    current = load_profile(journal)
    wanted = asdict(given)
    mine = asdict(current)
    changed = False
    for name, value in wanted.items():
        if value is None:
            continue
        if mine.get(name) is None:
            mine[name] = value
            result.profile_set.append(name)
            changed = True
        elif mine[name] != value:
            result.profile_kept.append(name)
    if changed:
        settings = journal.settings()
        settings["profile"] = {k: v for k, v in mine.items() if v is not None}
        journal.save_settings(settings)
