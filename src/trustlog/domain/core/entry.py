"""What every kind of entry shares: its id and kind, how it is stored, how it is shown as JSON.

Each kind (check-in, trigger, apology, promise, ...) is a `Record`: a
dataclass declared with the helpers of fields.py, from which its file, its
JSON and reading it back all follow. Entries of a kind this version does not
know are kept as `OtherEntry`.

A file holds `kind`, `id`, then the declared fields in order (empty lists and
false left out), then the fields a person added by hand; the body is the
free text. An entry of a month folder always shows its `date`. The JSON holds
`id`, `kind`, `date`, then the declared fields in order, any `json_derived`
values just before the body, and the hand-added fields last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar, Protocol, Self, TypeVar, cast

from trustlog.domain.core.fields import BodySpec, Spec, declared
from trustlog.domain.core.reader import FieldReader
from trustlog.storage.document import Document, damaged
from trustlog.storage.journal import EntryFile, Journal
from trustlog.storage.names import said_by

Fit = Callable[[str], str]
"""How a screen shortens a line a person wrote; the domain itself never cuts text."""


def whole(line: str) -> str:
    return line


class Entry(Protocol):
    kind: ClassVar[str]
    id: str

    @property
    def day(self) -> date | None: ...

    def to_document(self) -> tuple[dict[str, Any], str | None]: ...

    def to_json(self) -> dict[str, Any]: ...

    def summary(self, fit: Fit = whole) -> str:
        """One line about the entry; `fit` shortens the person's words gathered into it."""


class Record:
    """A kind declared once: subclasses are dataclasses of declared fields.

    `folder`: None for a dated kind, one file per entry in the month folders
    (`YYYY/MM/<date>-<kind>-<id>.md`); else the folder of its own that holds
    its entries (`<folder>/<kind>-<id>.md`). `json_derived`: properties shown
    in the JSON, just before the body. `json_order`: only for a kind whose
    JSON was published in another order than its file: the keys after `id`,
    `kind` and `date`, in order (declared fields left out stay in the file only).
    `one_a_day`: a day holds at most one entry of the kind (the check-in), so an
    edit may not move one onto a day that has one.
    """

    kind: ClassVar[str]
    folder: ClassVar[str | None] = None
    json_derived: ClassVar[tuple[str, ...]] = ()
    json_order: ClassVar[tuple[str, ...] | None] = None
    one_a_day: ClassVar[bool] = False
    id: str
    extra: dict[str, Any]

    @property
    def day(self) -> date | None:
        """The day the entry belongs to: its `date` field, unless the kind says otherwise."""
        value: date | None = getattr(self, "date", None)
        return value

    def summary(self, fit: Fit = whole) -> str:
        """One line about the entry, for lists; `fit` shortens the person's words in it."""
        raise NotImplementedError

    def to_document(self) -> tuple[dict[str, Any], str | None]:
        plan = _plan(type(self))
        stored: dict[str, Any] = {"kind": self.kind, "id": self.id}
        if plan.shows_day:
            stored["date"] = self.day
        for name, spec in plan.stored:
            stored[name] = spec.stored(getattr(self, name))
        return {**stored, **self.extra}, getattr(self, plan.body) if plan.body else None

    @classmethod
    def from_document(cls, doc: Document) -> Self:
        plan = _plan(cls)
        read = FieldReader(doc)
        got: dict[str, Any] = {"id": read.identity(cls.kind)}
        if plan.shows_day:
            read.day("date")  # shown for a person reading the file; another field says when
        for name, spec in plan.reading:
            got[name] = spec.read(read, name, got)
        made: Self = cast(Any, cls)(**got, extra=read.extra())
        if doc.path is not None:
            check_name(doc, cls.kind, made.id, made.day if cls.folder is None else None, cls.folder)
        return made

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "date": jsonable(self.day)}
        for name, shown in _plan(type(self)).json:
            data[name] = shown(getattr(self, name))
        return with_extra(data, self.extra)


@dataclass(frozen=True)
class _Plan:
    """A kind's declaration, worked out once: the order to read, store and show its fields."""

    reading: list[tuple[str, Spec]]  # as declared, but a field another needs comes first
    stored: list[tuple[str, Spec]]
    body: str | None
    shows_day: bool
    json: list[tuple[str, Callable[[Any], Any]]]


def _plan(cls: type[Record]) -> _Plan:
    found = _plans.get(cls)
    if found is None:
        found = _plans[cls] = _work_out(cls)
    return found


_plans: dict[type[Record], _Plan] = {}  # consulted for every entry read or shown


def _work_out(cls: type[Record]) -> _Plan:
    specs = declared(cls)
    reading: dict[str, Spec] = {}
    for name, spec in specs.items():
        needed = spec.needs()
        if needed is not None and needed not in reading:
            reading[needed] = specs[needed]
        reading.setdefault(name, spec)
    bodies = [name for name, spec in specs.items() if isinstance(spec, BodySpec)]
    shown: list[tuple[str, Callable[[Any], Any]]] = []
    for name, spec in specs.items():
        if isinstance(spec, BodySpec):
            shown += [(derived, jsonable) for derived in cls.json_derived]
        if name != "date":
            shown.append((name, spec.json))
    if cls.json_order is not None:
        by_name = dict(shown)
        shown = [(name, by_name.get(name, jsonable)) for name in cls.json_order]
    return _Plan(
        reading=list(reading.items()),
        stored=[(name, spec) for name, spec in specs.items() if name not in bodies],
        body=bodies[0] if bodies else None,
        shows_day=cls.folder is None and "date" not in specs,
        json=shown,
    )


def path_of(journal: Journal, entry: Record) -> Path:
    """Where an entry's file lives: its month folder, or its kind's own folder."""
    if entry.folder is None:
        assert entry.day is not None
        return journal.dated_path(entry.day, entry.kind, entry.id)
    return journal.undated_path(entry.folder, entry.kind, entry.id)


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value


def with_extra(data: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`data` plus the fields a person added by hand, as JSON; ours win on a clash."""
    for key, value in extra.items():
        data.setdefault(key, jsonable(value))
    return data


def first_line(text: str | None) -> str:
    """The first line of what a person wrote, whole ("" if blank)."""
    return text.strip().splitlines()[0] if text and text.strip() else ""


@dataclass
class OtherEntry:
    """An entry of a kind this version does not know: shown and kept, never changed."""

    kind: ClassVar[str] = "other"
    id: str
    stored_kind: str
    fields: dict[str, Any]
    body: str | None

    @property
    def day(self) -> date | None:
        value = self.fields.get("date")
        return value if isinstance(value, date) and not isinstance(value, datetime) else None

    @classmethod
    def from_document(cls, doc: Document) -> OtherEntry:
        entry_id = FieldReader(doc).identity("other")
        made = cls(entry_id, str(doc.fields.get("kind")), dict(doc.fields), doc.body)
        said = said_by(doc.path) if doc.path is not None else None
        if said is not None:
            check_name(doc, made.stored_kind, entry_id, made.day if said.date else None)
        return made

    def to_document(self) -> tuple[dict[str, Any], str | None]:
        return dict(self.fields), self.body

    def to_json(self) -> dict[str, Any]:
        data = jsonable(self.fields)
        data["kind"] = self.stored_kind
        data.setdefault("date", None)
        if self.body is not None:
            data["text"] = self.body
        return data  # type: ignore[no-any-return]

    def summary(self, fit: Fit = whole) -> str:
        return self.body.splitlines()[0] if self.body else ""


def check_name(
    doc: Document, kind: str, entry_id: str, day: date | None, folder: str | None = None
) -> None:
    """A file's name must say what it holds: its kind, its id, and for a dated kind its
    day, in a month folder or a kind's folder as its kind says (`folder`, for a kind
    kept in one). Else the file was misnamed or moved by hand, and reading it as it is
    could hide it from the commands that look for it (a second check-in on its day,
    a promise under `support/` that `promise list` never sees): it is damaged."""
    assert doc.path is not None
    said = said_by(doc.path)
    if said is None:
        return  # not an entry's name: an edit draft being checked
    wrong = None
    fix = "rename the file to match what it holds, or change it back"
    if said.kind != kind:
        wrong = f"its name says it is a {said.kind}, but it holds a {kind}"
        line = doc.line_of("kind")
    elif said.id != entry_id:
        wrong = f"the id inside ('{entry_id}') does not match the file name ('{said.id}')"
        line = doc.line_of("id")
    elif (said.date is None) != (day is None):
        wrong = "it is not in the folder its kind is kept in"
        fix = "move it back where it came from"
        line = None
    elif folder is not None and doc.path.parent.name != folder:
        wrong = f"a {kind} is kept in {folder}/, but this one is in {doc.path.parent.name}/"
        fix = f"move it to {folder}/{kind}-{entry_id}.md"
        line = None
    elif day is not None and said.date != day:
        wrong = f"its name dates it {said.date}, but it holds {day.isoformat()}"
        fix = (
            f"rename it to {day.isoformat()}-{kind}-{entry_id}.md in "
            f"{day.year:04d}/{day.month:02d}/, or change its date back to {said.date}"
        )
        line = doc.line_of("date")
    if wrong is not None:
        raise damaged(
            doc.path,
            line,
            wrong,
            hint=f"The file was left exactly as it is: {fix}, then run the command again.",
        )


def entry_file_of(doc: Document, entry_file: EntryFile) -> None:
    """Check that a file's name and contents agree on the entry's id."""
    if doc.fields.get("id") != entry_file.id:
        raise damaged(
            entry_file.path,
            doc.line_of("id"),
            f"the id inside ('{doc.fields.get('id')}') does not match "
            f"the file name ('{entry_file.id}')",
        )


R = TypeVar("R", bound=Record)


def read_record(journal: Journal, cls: type[R], entry_file: EntryFile) -> R:
    """The record of kind `cls` in `entry_file`, its name and contents agreeing on the id."""
    doc = journal.read(entry_file)
    entry_file_of(doc, entry_file)
    return cls.from_document(doc)


def kept_files(journal: Journal, cls: type[Record]) -> list[EntryFile]:
    """The files of a kind kept in a folder of its own (promises, agreements, ...)."""
    assert cls.folder is not None
    return journal.undated_files(cls.folder, cls.kind)


def read_kept(journal: Journal, cls: type[R]) -> list[R]:
    """Every record of a kind kept in a folder of its own, in the order of its files."""
    return [read_record(journal, cls, entry_file) for entry_file in kept_files(journal, cls)]


def retire_record(
    journal: Journal, find: Callable[[], tuple[EntryFile, R]], today: date
) -> tuple[R, bool]:
    """Retire the record `find` finds, under the lock: it is kept, with `retired` set to
    today. Returns it, and whether it was retired already (then nothing is written)."""
    with journal.writing():
        entry_file, record = find()
        if getattr(record, "retired", None) is not None:
            return record, True
        record = replace(record, retired=today)  # type: ignore[type-var]
        journal.update(journal.read(entry_file), *record.to_document())
    return record, False
