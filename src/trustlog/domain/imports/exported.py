"""`trustlog import trustlog FILE`: a `trustlog export --format json` file, read back whole.

Each entry's `file` is its file's text exactly as exported, so it is written
back byte for byte: export → import into an empty journal → export gives the
same file. Before anything is written, every entry is read with its kind's
own checks (a file's name must say what it holds, as in the journal), and
its `entry` must be what its `file` reads as, so a hand edit of one half of
the export cannot slip in unseen.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from trustlog.domain import kinds
from trustlog.domain.imports.model import Imported
from trustlog.domain.imports.service import ImportFile, Incoming, Progress, land
from trustlog.domain.profile import Profile, parse_day_ends
from trustlog.errors import InputError
from trustlog.storage.journal import FORMAT_VERSION, Journal
from trustlog.storage.names import said_by

EXPORT_FORMAT = 1  # what render/export/complete.py writes
PROFILE_KEYS = ("name", "partner", "role", "stop_word", "day_ends")


def import_export(
    journal: Journal, raw: bytes, source: str, progress: Progress | None = None
) -> Imported:
    file = ImportFile(source, progress)
    data = file.json(raw)
    _check_top(data, file)
    result = Imported(source, partial=_partial(data))
    seen: dict[str, int] = {}

    def read(item: Any, number: int) -> Incoming:
        found = _read_item(journal, item, file, number)
        first = seen.setdefault(found.entry.id, number)
        if first != number:
            raise file.entry_refused(number, f"entry {first} has the same id ('{found.entry.id}')")
        return found

    incoming = file.read_entries(data["entries"], read)
    return land(journal, incoming, result, profile=_profile(data["profile"], file))


def _check_top(data: Any, file: ImportFile) -> None:
    if not isinstance(data, dict) or "trustlog_export" not in data:
        hint = ""
        if isinstance(data, dict) and "entries" in data and "tags" in data:
            hint = " (it looks like jrnl's: `trustlog import jrnl` reads those)"
        raise file.refused(f"this is not a trustlog export{hint}", "Nothing was imported.")
    version = data["trustlog_export"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise file.refused(f"'trustlog_export' should be {EXPORT_FORMAT}")
    journal_format = data.get("journal_format")
    if (isinstance(version, int) and version > EXPORT_FORMAT) or (
        isinstance(journal_format, int) and journal_format > FORMAT_VERSION
    ):
        raise file.refused("it was exported by a newer trustlog", "Update trustlog to import it.")
    if not isinstance(data.get("entries"), list):
        raise file.refused("'entries' should be a list of entries")
    if not isinstance(data.get("profile", {}), dict):
        raise file.refused("'profile' should be a table of names")


def _partial(data: dict[str, Any]) -> list[str]:
    """What the export says it left out, for the person to be told."""
    left: list[str] = []
    if data.get("includes_private") is False:
        left.append("private")
    if data.get("only"):
        left.append("only")
    if data.get("redacted") is True:
        left.append("redacted")
    if data.get("from") or data.get("to"):
        left.append("dates")
    return left


def _profile(given: Any, file: ImportFile) -> Profile:
    profile = Profile()
    for key in PROFILE_KEYS:
        value = given.get(key)
        if value is not None and not isinstance(value, str):
            raise file.refused(f"the profile's '{key}' should be text")
        setattr(profile, key, value)
    if profile.role is not None and profile.role not in ("hurt", "repairing", "both"):
        raise file.refused(f"the profile's role '{profile.role}' is not one trustlog knows")
    if profile.day_ends is not None:
        try:
            profile.day_ends = parse_day_ends(profile.day_ends)
        except InputError:
            raise file.refused(
                f"the profile's day_ends '{profile.day_ends}' is not a time 00:00-06:00"
            ) from None
    return profile


def _read_item(journal: Journal, item: Any, file: ImportFile, number: int) -> Incoming:
    if not isinstance(item, dict):
        raise file.entry_refused(number, 'it should be {"path", "file", "entry"}')
    path, text, shown = item.get("path"), item.get("file"), item.get("entry")
    if not isinstance(path, str) or not isinstance(text, str) or not isinstance(shown, dict):
        raise file.entry_refused(
            number, "it should have a 'path' and a 'file' (text) and an 'entry' (a table)"
        )
    target = _place(journal, path, file, number)
    incoming = file.read_back(number, target, text, path)
    made = incoming.entry.to_json()
    if made != shown:
        key = next(
            (k for k in [*made, *shown] if made.get(k) != shown.get(k)),
            "?",
        )
        raise file.entry_refused(
            number,
            f"its 'entry' and its 'file' disagree about '{key}' (was one edited by hand?)",
        )
    return incoming


def _place(journal: Journal, path: str, file: ImportFile, number: int) -> Path:
    """Where `path` (as the export gives it) is in the journal; only where entries live."""
    parts = PurePosixPath(path).parts
    said = said_by(Path(parts[-1])) if parts else None
    dated = (
        said is not None
        and said.date is not None
        and len(parts) == 3
        and parts[0] == f"{said.date.year:04d}"
        and parts[1] == f"{said.date.month:02d}"
    )
    undated = (
        said is not None
        and said.date is None
        and len(parts) == 2
        and parts[0] in kinds.UNDATED_FOLDERS
    )
    if not (dated or undated):
        raise file.entry_refused(number, f"'{path}' is not a place an entry can live")
    if undated and said is not None:
        kept = kinds.kind_named(said.kind)
        home = kept.folder if kept is not None else None
        if home != parts[0]:
            # Accepted, it would be invisible to every command that looks in its own folder.
            where = f"a {said.kind} is kept in {home}/" if home else f"no {said.kind} is kept"
            raise file.entry_refused(number, f"'{path}': {where}, not in {parts[0]}/")
    return journal.root.joinpath(*parts)
