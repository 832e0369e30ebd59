"""What the names in a journal folder say, without reading a single file.

    2026/11/2026-11-24-checkin-k3m9x.md   a dated entry: year and month folders, date, kind, id
    promises/promise-h4tq8.md             an undated one: kind and id

Everything that walks month folders or turns a typed id into a file lives
here, so there is one way to do each.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trustlog.errors import InputError

Month = tuple[int, int]

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(0[1-9]|1[0-2])$")
DATED_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<kind>[a-z]+)-(?P<id>[a-z0-9]+)\.md$")
_UNDATED_NAME = re.compile(r"^(?P<kind>[a-z]+)-(?P<id>[a-z0-9]+)\.md$")


@dataclass(frozen=True)
class EntryFile:
    """Where one entry lives; known from its file name alone, without reading it."""

    path: Path
    kind: str
    id: str
    date: date | None


# -- months -----------------------------------------------------------------------


def months_between(start: date, end: date) -> list[Month]:
    """Every (year, month) from `start`'s month to `end`'s, whether or not it has a folder."""
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_folders(root: Path) -> list[Month]:
    """The journal's month folders (`YYYY/MM`), oldest first: a listing, no file is read."""
    found: list[Month] = []
    try:
        with os.scandir(root) as listing:
            years = list(listing)
    except (FileNotFoundError, NotADirectoryError):
        return found
    for year in years:
        if not (_YEAR.match(year.name) and year.is_dir()):
            continue
        with os.scandir(year.path) as months:
            found += [
                (int(year.name), int(month.name))
                for month in months
                if _MONTH.match(month.name) and month.is_dir()
            ]
    return sorted(found)


# -- entry files --------------------------------------------------------------------


def dated_entries(folder: Path, names: Iterable[str]) -> Iterator[EntryFile]:
    """The names in a month folder that are entries (a real date, a kind, an id)."""
    for name in names:
        match = DATED_NAME.match(name)
        if not match:
            continue
        try:
            day = date.fromisoformat(match["date"])
        except ValueError:
            continue
        yield EntryFile(folder / name, match["kind"], match["id"], day)


def said_by(path: Path) -> EntryFile | None:
    """What a file's name says it holds (dated or not), or None for a name no entry has."""
    match = DATED_NAME.match(path.name)
    if match is not None:
        try:
            return EntryFile(path, match["kind"], match["id"], date.fromisoformat(match["date"]))
        except ValueError:
            return None
    match = _UNDATED_NAME.match(path.name)
    return None if match is None else EntryFile(path, match["kind"], match["id"], None)


def misplaced(entry: EntryFile) -> str | None:
    """The month folder (`YYYY/MM`) a dated entry's name says it belongs in, when it is
    in another one."""
    if entry.date is None:
        return None
    expected = f"{entry.date.year:04d}/{entry.date.month:02d}"
    here = f"{entry.path.parent.parent.name}/{entry.path.parent.name}"
    return None if here == expected else expected


def undated_entry(folder: Path, name: str) -> EntryFile | None:
    """The entry `name` stands for in an undated folder, if it is named like one.

    Not only regular files: a FIFO or a link named like an entry is found, so that
    reading it names it as damaged (atomic.read_regular) rather than skip it unseen.
    A folder of that name is no entry."""
    match = _UNDATED_NAME.match(name)
    path = folder / name
    if match is None or (path.is_dir() and not path.is_symlink()):
        return None
    return EntryFile(path, match["kind"], match["id"], None)


def all_begin_with(names: list[str], joined: str, prefix: str) -> bool:
    """Whether every one of `names` begins with `prefix`, given `joined`, the names joined
    by NUL (which no file name can hold): one count in C instead of a test per name,
    as `Journal.new_id` looks over every month of the journal."""
    return f"\0{joined}".count(f"\0{prefix}") == len(names)


def in_order(files: Iterable[EntryFile]) -> list[EntryFile]:
    """Dated entries by date, then undated ones; by name within each."""
    return sorted(files, key=lambda f: (f.date is None, f.date or date.min, f.path.name))


# -- ids ------------------------------------------------------------------------------

# Ids avoid letters and digits that are easy to confuse (0/o, 1/l/i).
ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
ID_LENGTH = 5


def random_ids(batch: int) -> Iterator[str]:
    """Ids of ID_LENGTH characters of ID_ALPHABET, each character equally likely, without
    end: the system's randomness is read once for `batch` of them at a time (an import's
    thousands), where `pick` reads it once a character."""
    size = len(ID_ALPHABET)
    limit = 256 - 256 % size  # bytes from here up would favour the first characters
    while True:
        wanted = max(batch, 1) * ID_LENGTH * 2  # twice over: about 3% of bytes are refused
        picks = [byte % size for byte in os.urandom(wanted) if byte < limit]
        for start in range(0, len(picks) - ID_LENGTH + 1, ID_LENGTH):
            yield "".join([ID_ALPHABET[pick] for pick in picks[start : start + ID_LENGTH]])


def pick(alphabet: str) -> str:
    """One character of `alphabet`, each equally likely, from the system's randomness:
    what `secrets.choice` does, without importing it (hmac, hashlib and OpenSSL, 3-5 ms
    of every command that creates an entry). Tests and the golden scenario replace it
    with a seeded `random.Random(...).choice`; `Journal.new_id` looks it up on this
    module at each call, so that reaches it."""
    limit = 256 - 256 % len(alphabet)  # bytes from here up would favour the first ones
    while True:
        byte = os.urandom(1)[0]
        if byte < limit:
            return alphabet[byte % len(alphabet)]


class IdWords:
    """How one kind of lookup words its refusals; `{given}` and `{ids}` are filled in.

    (A plain class: as a dataclass it cost every command that opens the journal
    half a millisecond of start-up, for four strings.)"""

    __slots__ = ("empty", "hint", "many", "missing")

    def __init__(self, *, empty: str, missing: str, hint: str, many: str) -> None:
        self.empty = empty
        self.missing = missing
        self.hint = hint
        self.many = many


def resolve_id(files: Iterable[EntryFile], given: str, words: IdWords) -> EntryFile:
    """The one file whose id is `given`, or else the only one whose id starts with it.

    `files` may be a lazy walk: nothing is read when `given` is blank.
    """
    wanted = given.strip().lower()
    if not wanted:
        raise InputError(words.empty)
    matches = in_order(f for f in files if f.id.startswith(wanted))
    exact = [f for f in matches if f.id == wanted]
    if exact:
        return exact[0]
    if not matches:
        raise InputError(words.missing.format(given=given), hint=words.hint)
    if len(matches) > 1:
        ids = ", ".join(sorted(f.id for f in matches))
        raise InputError(words.many.format(given=given, ids=ids))
    return matches[0]
