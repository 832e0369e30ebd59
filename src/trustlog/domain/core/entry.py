"""What every kind of entry shares: its id and kind, how it is stored, how it is shown as JSON.

Each kind (check-in, trigger, apology, promise, ...) is a dataclass that can
turn itself into a stored document and back. `FieldReader` checks the values
of a document read from disk, naming the file and line of anything that a
hand edit made unusable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Protocol, TypeVar

from trustlog.errors import JournalError
from trustlog.storage.document import Document, damaged
from trustlog.storage.journal import EntryFile

T = TypeVar("T")


class Entry(Protocol):
    kind: ClassVar[str]
    id: str

    @property
    def day(self) -> date | None: ...

    def to_document(self) -> tuple[dict[str, Any], str | None]: ...

    def to_json(self) -> dict[str, Any]: ...

    def summary(self) -> str: ...


KINDS: dict[str, Any] = {}


def register(cls: type[T]) -> type[T]:
    KINDS[cls.kind] = cls  # type: ignore[attr-defined]
    return cls


def load(doc: Document) -> Entry:
    """The entry a document holds, checked; unknown kinds are kept as `OtherEntry`."""
    kind = doc.fields.get("kind")
    cls = KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        return OtherEntry.from_document(doc)
    entry: Entry = cls.from_document(doc)
    return entry


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


def first_line(text: str | None, width: int | None = None) -> str:
    """The first line of what a person wrote ("" if blank), cut with … past `width`."""
    line = text.strip().splitlines()[0] if text and text.strip() else ""
    if width is not None and len(line) > width:
        line = line[: width - 1] + "…"
    return line


class FieldReader:
    """Reads typed fields from a document; a wrong one names the file and line."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.seen: set[str] = set()

    def _fail(self, key: str, reason: str) -> JournalError:
        assert self.doc.path is not None
        return damaged(self.doc.path, self.doc.line_of(key), f"'{key}' {reason}")

    def _get(self, key: str, required: bool) -> Any:
        self.seen.add(key)
        value = self.doc.fields.get(key)
        if value is None and required:
            assert self.doc.path is not None
            raise damaged(self.doc.path, None, f"'{key}' is missing")
        return value

    def text(self, key: str, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is not None and not isinstance(value, str):
            raise self._fail(key, "should be text in quotes")
        return value

    def texts(self, key: str) -> list[str]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self._fail(key, 'should be a list of texts, like ["one", "two"]')
        return value

    def integer(self, key: str, low: int, high: int, required: bool = False) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._fail(key, f"should be a whole number from {low} to {high}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self._fail(key, "should be true or false")
        return value

    def day(self, key: str, required: bool = False) -> date | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self._fail(key, "should be a date, like 2026-11-24 (no quotes)")
        return value

    def moment(self, key: str, required: bool = False) -> datetime | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise self._fail(key, "should be a date and time, like 2026-11-24T19:30:00+01:00")
        if value.tzinfo is None:
            value = value.astimezone()  # a hand-written local time: read it as local
        return value

    def moment_or_start_of(self, key: str, day: date) -> datetime:
        """A time a hand-written entry may leave out: then the start of its day."""
        return self.moment(key) or datetime.combine(day, datetime.min.time()).astimezone()

    def identity(self, kind: str) -> str:
        entry_id = self.text("id", required=True)
        self.text("kind", required=True)
        assert entry_id is not None
        return entry_id

    def extra(self) -> dict[str, Any]:
        """Fields this version does not know (added by hand, or by a newer one), kept as is."""
        return {k: v for k, v in self.doc.fields.items() if k not in self.seen}


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
        read = FieldReader(doc)
        entry_id = read.identity("other")
        return cls(entry_id, str(doc.fields.get("kind")), dict(doc.fields), doc.body)

    def to_document(self) -> tuple[dict[str, Any], str | None]:
        return dict(self.fields), self.body

    def to_json(self) -> dict[str, Any]:
        data = jsonable(self.fields)
        data["kind"] = self.stored_kind
        data.setdefault("date", None)
        if self.body is not None:
            data["text"] = self.body
        return data  # type: ignore[no-any-return]

    def summary(self) -> str:
        return self.body.splitlines()[0] if self.body else ""


def entry_file_of(doc: Document, entry_file: EntryFile) -> None:
    """Check that a file's name and contents agree on the entry's id."""
    if doc.fields.get("id") != entry_file.id:
        raise damaged(
            entry_file.path,
            doc.line_of("id"),
            f"the id inside ('{doc.fields.get('id')}') does not match "
            f"the file name ('{entry_file.id}')",
        )
