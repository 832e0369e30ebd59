"""`--redact WORD`: a word replaced everywhere, whatever its case, before anything is rendered.

The words are replaced in the entries themselves (copies: the journal is
never touched), so every format shows the same neutral mark and no renderer
can let a word through, nor have its markup broken by a replacement made
inside it. A word inside a longer one goes too ("Sam" in "Samuel"): a name is
better over-hidden than half-shown.
"""

from __future__ import annotations

import copy
import re
from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

from trustlog.domain.core.fields import TextSpec
from trustlog.errors import InputError

# A neutral mark with no letters in it: a word like "Ted" or "act" must not come
# back inside the mark that replaced it, and no format's markup needs to escape it.
REDACTED = "███"
# Fields that name other entries, or hold the program's own words: never person's text.
NOT_TEXT = frozenset(
    {"id", "kind", "stored_kind", "promise", "promises", "apology", "every", "due", "outcome"}
)

T = TypeVar("T")


class Redactor:
    """Replaces the given words, case-insensitively, and counts how many it replaced."""

    def __init__(self, words: tuple[str, ...]) -> None:
        cleaned = []
        for word in words:
            if not word.strip():
                raise InputError("--redact: please give a word or a name to hide.")
            if not word.strip().strip(REDACTED[0]):
                # Only marks: the words it stands for would read as hidden ones.
                raise InputError(f"--redact: '{word}' is the mark hidden words are shown with.")
            cleaned.append(word.strip())
        # Longest first, so "Sam Smith" goes whole before "Sam" is looked for.
        cleaned.sort(key=len, reverse=True)
        self.pattern = (
            re.compile("|".join(re.escape(word) for word in cleaned), re.IGNORECASE)
            if cleaned
            else None
        )
        self.count = 0

    def text(self, value: str) -> str:
        if self.pattern is None:
            return value
        replaced, found = self.pattern.subn(REDACTED, value)
        self.count += found
        return replaced

    def value(self, value: Any) -> Any:
        """Any stored value: text, a list or a table of them (hand-added fields), or other."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {
                key: item if key in NOT_TEXT else self.value(item) for key, item in value.items()
            }
        return value

    def entry(self, entry: T) -> T:
        """A copy of `entry` with every text field redacted (the original is left alone)."""
        if self.pattern is None:
            return entry
        made = copy.copy(entry)
        if is_dataclass(made):
            for spec in fields(made):
                if spec.name not in NOT_TEXT and not _set_word(spec.metadata):
                    setattr(made, spec.name, self.value(getattr(made, spec.name)))
        return made


def _set_word(metadata: Any) -> bool:
    """A field that holds one of a few set words ("repair", "sun 19:00"), not a person's:
    hiding part of it would leave a value the kind cannot read back (an import refuses it)."""
    declared = next((v for v in metadata.values() if isinstance(v, TextSpec)), None)
    return declared is not None and declared.valid is not None
