"""`entries --contains`: what a person wrote, searched without regard to case.

Searching ten years of journal must not mean parsing ten years of journal: a
file's raw text is looked at first, and parsed only when the words could be in
it. Case is folded (`str.casefold`) character by character, so text that
matches inside a field matches inside the whole file too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from trustlog.domain.core import fields
from trustlog.domain.core.entry import Entry, OtherEntry

# Text fields that hold a reference or a schedule rather than a person's words.
NOT_WRITTEN = frozenset({"apology", "promise", "promises", "due", "every"})


def needle(text: str) -> str:
    return text.strip().casefold()


def may_match(raw: bytes, folded: str) -> bool:
    """Whether a file's bytes could hold `folded`; False only when they certainly do not.

    A TOML escape (`\\"`, `\\u00e9`, a hand-written `\\u0061`) could hide any
    character, so a file with a backslash is always parsed; so is one that is
    not UTF-8, for reading it to say what is wrong with it.
    """
    if raw.isascii() and folded.isascii():  # ASCII: casefold is lower, byte for byte
        return b"\\" in raw or folded.encode() in raw.lower()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return "\\" in text or folded in text.casefold()


def matches(entry: Entry, folded: str) -> bool:
    return any(folded in words.casefold() for words in written(entry))


def written(entry: Entry) -> Iterator[str]:
    """Every piece of free text in an entry: its note or body, its text fields, hand-added text."""
    if isinstance(entry, OtherEntry):
        yield from _strings(entry.fields.values())
        if entry.body:
            yield entry.body
        return
    for name, spec in fields.declared(type(entry)).items():
        if name in NOT_WRITTEN:
            continue
        if isinstance(spec, fields.TextSpec) and spec.valid is not None:
            continue  # one of a few set words (an outcome), not something written
        if isinstance(spec, fields.TextSpec | fields.TextsSpec | fields.BodySpec):
            yield from _strings([getattr(entry, name)])
    yield from _strings(getattr(entry, "extra", {}).values())


def _strings(values: Iterable[Any]) -> Iterator[str]:
    for value in values:
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from _strings(value)


def matched(entry: Entry, text: str) -> str | None:
    """The line of the entry's words that holds `text` (whatever the case), for showing
    what a search found; None if none does."""
    folded = needle(text)
    for words in written(entry):
        for line in words.splitlines():
            if folded and folded in line.casefold():
                return line.strip()
    return None
