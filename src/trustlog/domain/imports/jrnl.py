"""`trustlog import jrnl FILE`: what `jrnl --export json` writes, as entries of their own.

jrnl's JSON exporter (jrnl/plugins/json_exporter.py) writes
`{"tags": {"@tag": count, ...}, "entries": [...]}`, each entry
`{"title", "body", "date": "YYYY-MM-DD", "time": "HH:MM", "tags": [...],
"starred": bool}` and, from a Day One journal, `uuid` and `creator`. Each
becomes a `JrnlEntry` (model.py) dated by its day, its time read as local
time here. What else an entry carries is kept in a table of its own, `jrnl`,
so none of jrnl's keys can take on the meaning of one of ours.

jrnl entries have no ids, so an entry is known again by its date, time, title
and text: importing the same file twice adds nothing, and an entry starred or
tagged differently since is named, not added twice.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from trustlog.domain.core.entry import path_of
from trustlog.domain.core.fields import YEARS
from trustlog.domain.imports.model import FOREIGN, JRNL, Conflict, Imported, JrnlEntry
from trustlog.domain.imports.service import ImportFile, Incoming, Progress, land
from trustlog.storage import document
from trustlog.storage.journal import Journal

JRNLS_OWN = ("date", "time", "title", "body", "tags", "starred")  # what becomes our fields
Key = tuple[str, str, str, str]  # date, HH:MM, title, text: how an entry is known again


def import_jrnl(
    journal: Journal, raw: bytes, source: str, progress: Progress | None = None
) -> Imported:
    file = ImportFile(source, progress)
    data = file.json(raw)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        hint = ""
        if isinstance(data, dict) and "trustlog_export" in data:
            hint = " (it is a trustlog export: `trustlog import trustlog` reads those)"
        raise file.refused(
            f'this is not jrnl\'s JSON export, {{"tags", "entries"}}{hint}',
            "Nothing was imported.",
        )
    if not isinstance(data.get("tags", {}), dict):
        raise file.refused("'tags' should be a table of tags and their counts")
    items = data["entries"]
    # Under the lock from the start: what the journal has decides what is new, and two
    # imports of one file at once must not both find it new.
    with journal.writing():
        ids = iter(journal.new_ids(len(items), {f.id for f in journal.all_files()}))
        incoming = file.read_entries(
            items, lambda item, number: _read_item(journal, item, next(ids), file, number)
        )
        known = _known(journal)
        result = Imported(source)
        fresh = []
        for item in incoming:
            assert isinstance(item.entry, JrnlEntry)
            had = known.get(_key(item.entry))
            if had is None:
                fresh.append(item)
            elif had[0] == _marks(item.entry):
                result.skipped += 1
            else:
                day = item.entry.date.isoformat()
                result.conflicts.append(Conflict(None, JRNL, day, had[1]))
        return land(journal, fresh, result)


def _read_item(journal: Journal, item: Any, new_id: str, file: ImportFile, number: int) -> Incoming:
    if not isinstance(item, dict):
        raise file.entry_refused(number, "it should be a table, as jrnl writes")
    day = _day(item.get("date"), file, number)
    at = _time(item.get("time"), file, number)
    texts = {}
    for key in ("title", "body"):
        value = item.get(key, "")
        if not isinstance(value, str):
            raise file.entry_refused(number, f"'{key}' should be text")
        texts[key] = value
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise file.entry_refused(number, "'tags' should be a list of texts")
    starred = item.get("starred", False)
    if not isinstance(starred, bool):
        raise file.entry_refused(number, "'starred' should be true or false")
    # Everything else jrnl gave is kept in one table of its own (model.FOREIGN): beside our
    # fields, a key of jrnl's named `private` would become trustlog's own flag.
    foreign = {
        key: kept
        for key, value in item.items()
        if key not in JRNLS_OWN
        if (kept := _without_nulls(value)) is not None
    }
    extra = {FOREIGN: foreign} if foreign else {}
    entry = JrnlEntry(
        id=new_id,
        date=day,
        created=datetime.combine(day, at).astimezone(),
        title=texts["title"] or None,
        tags=list(tags),
        starred=starred,
        note=texts["body"] or None,
        extra=extra,
    )
    target = path_of(journal, entry)
    text = document.dumps(*entry.to_document())
    shown = f"{day.isoformat()} {at:%H:%M}"
    return file.read_back(number, target, text, shown)


def _day(value: Any, file: ImportFile, number: int) -> date:
    try:
        if not isinstance(value, str):
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise file.entry_refused(number, "'date' should be a date like 2026-11-24") from None
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise file.entry_refused(number, f"'date' should be from {YEARS[0]} to {YEARS[1]}")
    return day


def _time(value: Any, file: ImportFile, number: int) -> time:
    try:
        if not isinstance(value, str) or len(value) != 5:
            raise ValueError
        return time.fromisoformat(value)
    except ValueError:
        raise file.entry_refused(number, "'time' should be a time like 21:05") from None


def _without_nulls(value: Any) -> Any:
    """A value as TOML can hold it: JSON's nulls dropped (TOML has none)."""
    if isinstance(value, dict):
        return {k: v for k, item in value.items() if (v := _without_nulls(item)) is not None}
    if isinstance(value, list):
        return [v for item in value if (v := _without_nulls(item)) is not None]
    return value


def _key(entry: JrnlEntry) -> Key:
    return (entry.date.isoformat(), f"{entry.created:%H:%M}", entry.title or "", entry.note or "")


def _marks(entry: JrnlEntry) -> tuple[tuple[str, ...], bool]:
    return tuple(entry.tags), entry.starred


def _known(journal: Journal) -> dict[Key, tuple[tuple[tuple[str, ...], bool], str]]:
    """The jrnl entries the journal has, by what they are known by, with their ids."""
    from trustlog.domain.entries.service import load_file

    known = {}
    for entry_file in journal.files_between(None, None, JRNL):
        entry = load_file(journal, entry_file).entry
        if isinstance(entry, JrnlEntry):
            known[_key(entry)] = (_marks(entry), entry.id)
    return known
