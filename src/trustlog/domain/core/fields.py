"""The words a kind's fields are declared with (reader.py checks them in a file).

A kind is a dataclass whose fields say what they hold:

    mood: int | None = fields.integer(1, 5, flag="--mood")
    feeling: str | None = fields.text(flag="--feeling")
    note: str | None = fields.body(flag="--note")

From that one line per field, `Record` (entry.py) writes the entry's file and
its JSON and reads it back, and `Answers` checks what a person gave by flag or
prompt. Each helper returns a `dataclasses.field` carrying a `Spec` in its
metadata. A field that is `required` (or, for a moment, filled in from another
field) has no default, so the constructor asks for it; mypy sees every helper
call as a default, so the test suite is what catches a missing one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Self, cast

from trustlog.domain.core import values
from trustlog.domain.core.reader import YEARS as YEARS  # where a date may fall
from trustlog.domain.core.reader import FieldReader
from trustlog.errors import InputError
from trustlog.storage.document import line_ends

_KEY = "trustlog"  # where a field's Spec is kept in its metadata

# -- what a field can hold -------------------------------------------------------


class Spec:
    """How one field is read from its file, stored there, and checked when a person gives it.

    `flag` is the option (or prompt) that gives it: errors about an answer name
    it. `required`: a file without it is damaged.

    Plain classes with slots, not frozen dataclasses: each kind's module declares
    its fields with these at import, and making ten dataclasses cost every command
    that reads an entry about 4 ms of its start-up (issue 21).
    """

    __slots__ = ("flag", "required")

    def __init__(self, flag: str | None = None, required: bool = False) -> None:
        self.flag = flag
        self.required = required

    def read(self, reader: FieldReader, key: str, got: dict[str, Any]) -> Any:
        """The value in the file; `got` holds the fields read before (see `needs`)."""
        raise NotImplementedError

    def stored(self, value: Any) -> Any:
        """The value as the file holds it; None leaves the key out."""
        return value

    def answer(self, value: Any) -> Any:
        """A value a person gave, checked (None: not given)."""
        return value

    def json(self, value: Any) -> Any:
        return value

    def needs(self) -> str | None:
        """The field whose value reading this one needs first."""
        return None


class TextSpec(Spec):
    """A string; `valid` narrows what a file may hold (and `should_be` says what, if wrong)."""

    __slots__ = ("should_be", "valid")

    def __init__(
        self,
        flag: str | None = None,
        required: bool = False,
        valid: Callable[[str], bool] | None = None,
        should_be: str = "",
    ) -> None:
        super().__init__(flag, required)
        self.valid = valid
        self.should_be = should_be

    def read(self, reader: FieldReader, key: str, got: dict[str, Any]) -> Any:
        value = reader.text(key, self.required)
        if value is not None and self.valid is not None and not self.valid(value):
            raise reader.fail(key, f"should be {self.should_be}")
        return value

    def answer(self, value: Any) -> Any:
        return values.text_or_none(value)


class TextsSpec(Spec):
    """A list of strings, left out of the file while empty; `most`: how many a person may give."""

    __slots__ = ("most",)

    def __init__(self, flag: str | None = None, *, most: int | None = None) -> None:
        super().__init__(flag)
        self.most = most

    def read(self, reader: FieldReader, key: str, got: dict[str, Any]) -> Any:
        return reader.texts(key)

    def stored(self, value: Any) -> Any:
        return value or None

    def json(self, value: Any) -> Any:
        return list(value)

    def answer(self, value: Any) -> Any:
        given = values.texts(value)
        if value and not given:
            return None  # only blank text given: nothing given (an empty list clears)
        if self.most is not None and len(given) > self.most:
            raise InputError(f"{self.flag}: up to {self.most} things, please (got {len(given)}).")
        return given


class IntegerSpec(Spec):
    __slots__ = ("high", "low")

    def __init__(self, flag: str | None = None, *, low: int = 0, high: int = 0) -> None:
        super().__init__(flag)
        self.low = low
        self.high = high

    def read(self, reader: FieldReader, key: str, got: dict[str, Any]) -> Any:
        return reader.integer(key, self.low, self.high, self.required)

    def answer(self, value: Any) -> Any:
        return values.in_range(value, self.low, self.high, self.flag or "")


class BooleanSpec(Spec):
    """True or false, left out of the file while false."""

    __slots__ = ()

    def read(self, reader: FieldReader, key: str, got: dict[str, Any]) -> Any:
        return reader.flag(key)

    def stored(self, value: Any) -> Any:
        return value or None


class DateSpec(Spec):
    __slots__ = ()

    def read(self, reader: FieldReader, key: str, got: dict[str, Any]) -> Any:
        return reader.day(key, self.required)

    def json(self, value: Any) -> Any:
        return None if value is None else value.isoformat()


class MomentSpec(Spec):
    """A date and time; with `or_start_of`, a file may leave it out for the start of that day."""

    __slots__ = ("or_start_of",)

    def __init__(
        self, flag: str | None = None, required: bool = False, or_start_of: str | None = None
    ) -> None:
        super().__init__(flag, required)
        self.or_start_of = or_start_of

    def read(self, reader: FieldReader, key: str, got: dict[str, Any]) -> Any:
        if self.or_start_of is not None:
            return reader.moment_or_start_of(key, got[self.or_start_of])
        return reader.moment(key, self.required)

    def json(self, value: Any) -> Any:
        return None if value is None else value.isoformat()

    def needs(self) -> str | None:
        return self.or_start_of


@dataclass
class Span:
    """A run of days, `first` to `last` (None: open-ended), with a note (a promise's pause)."""

    first: date
    last: date | None = None
    note: str | None = None
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)  # keys added by hand

    def covers(self, day: date) -> bool:
        return self.first <= day and (self.last is None or day <= self.last)


_SPAN_SHOULD_BE = "should be a list like [{ from = 2026-11-20, to = 2026-11-27 }]"


class SpansSpec(Spec):
    """A list of spans of days, stored as a TOML array of `{ from, to, note }` tables,
    oldest first; left out of the file while empty."""

    __slots__ = ()

    def read(self, reader: FieldReader, key: str, got: dict[str, Any]) -> Any:
        value = reader.raw(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise reader.fail(key, _SPAN_SHOULD_BE)
        spans = []
        for item in value:
            first, last, note = item.get("from"), item.get("to"), item.get("note")
            if not _is_day(first) or (last is not None and not _is_day(last)):
                raise reader.fail(key, f"{_SPAN_SHOULD_BE} (from and to as dates, no quotes)")
            if last is not None and last < first:
                raise reader.fail(key, f"has a span whose 'to' {last} is before its 'from' {first}")
            if note is not None and not isinstance(note, str):
                raise reader.fail(key, "has a note that should be text in quotes")
            rest = {k: v for k, v in item.items() if k not in ("from", "to", "note")}
            spans.append(Span(first, last, note, rest))
        return sorted(spans, key=lambda span: span.first)

    def stored(self, value: Any) -> Any:
        return [_span_table(span) for span in value] or None

    def json(self, value: Any) -> Any:
        shown = []
        for span in value:
            item: dict[str, Any] = {
                "from": span.first.isoformat(),
                "to": span.last.isoformat() if span.last else None,
            }
            if span.note is not None:
                item["note"] = span.note
            shown.append(item)
        return shown


def _is_day(value: Any) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _span_table(span: Span) -> dict[str, Any]:
    table: dict[str, Any] = {"from": span.first}
    if span.last is not None:
        table["to"] = span.last
    if span.note is not None:
        table["note"] = span.note
    return {**table, **span.extra}


class BodySpec(Spec):
    """The free text after the front matter (shown under the field's name in JSON)."""

    __slots__ = ()

    def read(self, reader: FieldReader, key: str, got: dict[str, Any]) -> Any:
        return reader.doc.body

    def answer(self, value: Any) -> Any:
        # As the file will hold it (a CR before a newline is a line end), so what a
        # command answers in --json is what a later read gives back.
        given = values.text_or_none(value)
        return line_ends(given) if given is not None else None


# -- the helpers a kind is declared with -----------------------------------------


def _field(spec: Spec, default: Any = dataclasses.MISSING) -> Any:
    """A dataclass field carrying `spec`; a required one has no default."""
    if spec.required or default is dataclasses.MISSING:
        return dataclasses.field(metadata={_KEY: spec})
    if default == []:
        return dataclasses.field(default_factory=list, metadata={_KEY: spec})
    return dataclasses.field(default=default, metadata={_KEY: spec})


def text(
    *,
    flag: str | None = None,
    required: bool = False,
    default: str | None = None,
    valid: Callable[[str], bool] | None = None,
    should_be: str = "",
) -> Any:
    return _field(TextSpec(flag, required, valid, should_be), default)


def texts(*, flag: str | None = None, most: int | None = None) -> Any:
    return _field(TextsSpec(flag, most=most), [])


def integer(low: int, high: int, *, flag: str | None = None) -> Any:
    return _field(IntegerSpec(flag, low=low, high=high), None)


def boolean(*, flag: str | None = None) -> Any:
    return _field(BooleanSpec(flag), False)


def day(*, flag: str | None = None, required: bool = False) -> Any:
    return _field(DateSpec(flag, required), None)


def moment(
    *, flag: str | None = None, required: bool = False, or_start_of: str | None = None
) -> Any:
    """`or_start_of`: a file may leave it out (then the start of that field's day), but
    the constructor always asks for it."""
    spec = MomentSpec(flag, required, or_start_of)
    return _field(spec) if or_start_of else _field(spec, None)


def body(*, flag: str | None = None) -> Any:
    return _field(BodySpec(flag), None)


def spans() -> Any:
    return _field(SpansSpec(), [])


def extra() -> Any:
    """Where the fields a person added by hand (or a newer trustlog wrote) are kept."""
    return dataclasses.field(default_factory=dict)


def declared(cls: type) -> dict[str, Spec]:
    """The declared fields of a kind, by name, in the order they are declared."""
    found = _declared.get(cls)
    if found is None:
        found = _declared[cls] = {
            f.name: f.metadata[_KEY]
            for f in dataclasses.fields(cast(Any, cls))
            if _KEY in f.metadata
        }
    return found


_declared: dict[type, dict[str, Spec]] = {}  # read for every entry loaded: worked out once


class Answers:
    """What a person gave for a kind, by flag or prompt; None means "not given".

    A subclass is a dataclass whose fields are named after fields of its
    `model`; how each is checked (a range, blank text, how many, the flag an
    error names) comes from the model's declaration.
    """

    model: ClassVar[type]

    def given(self) -> list[str]:
        return [name for name, value in self._values() if value is not None]

    def checked(self) -> Self:
        """The same answers, validated, blank text dropped; errors name the flag."""
        specs = declared(self.model)
        changes = {
            name: specs[name].answer(value) for name, value in self._values() if value is not None
        }
        return cast(Self, dataclasses.replace(cast(Any, self), **changes))

    def _values(self) -> list[tuple[str, Any]]:
        return [(f.name, getattr(self, f.name)) for f in dataclasses.fields(cast(Any, self))]
