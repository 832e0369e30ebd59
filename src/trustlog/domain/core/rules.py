"""A checker built from a table of rules: what can get in the way in what a person wrote.

Each `Rule` says which parts of a record it reads, a pattern, and in kind
words why the phrase can land badly and how it might be put instead. Rules
read one sentence at a time, so an exception ("not only ... but also") can
look at the sentence around a match. A checker is a tuple of rules and a
call to `find` for each part; the apology checker is the first one.

A checker only points things out; the person decides what to keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

Rewrite = Callable[[str, "re.Match[str]"], str]
"""Turns a sentence into a suggested rewrite, given the match in it."""

# A sentence ends at . ! or ? before a space (so "7.30" stays whole), or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


class LazyPattern:
    """A case-insensitive pattern compiled on first use.

    Compiling a whole table costs about 20 ms, which every command would pay
    at start-up, though only the commands that check text read it.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.IGNORECASE)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


@dataclass(frozen=True)
class Rule:
    """One thing a checker looks for.

    `parts`: the parts of the record it reads. `unless_sentence`: the rule
    stays quiet when the sentence around the match also matches this.
    `unless_context`: it stays quiet when the context given to `find` matches
    this (the apology's amends: a vague promise is fine beside a concrete
    step). `rewrite`: turns the sentence into a suggested rewrite; without one
    the `suggestion` stands on its own.
    """

    name: str
    category: str
    parts: frozenset[str]
    pattern: LazyPattern
    why: str
    suggestion: str
    unless_sentence: LazyPattern | None = None
    unless_context: LazyPattern | None = None
    rewrite: Rewrite | None = None


@dataclass(frozen=True)
class Finding:
    part: str
    phrase: str
    why: str
    suggestion: str
    category: str
    rule: str
    sentence: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "phrase": self.phrase,
            "why": self.why,
            "suggestion": self.suggestion,
            "category": self.category,
        }


def sentences(text: str) -> list[str]:
    return [piece.strip() for piece in _SENTENCE_END.split(text) if piece.strip()]


def find(rules: Sequence[Rule], part: str, text: str, context: str = "") -> list[Finding]:
    """What `rules` point out in one part's `text`, in reading order (earlier rules first)."""
    found: list[tuple[int, int, int, Finding]] = []
    seen: set[tuple[str, int]] = set()
    for number, sentence in enumerate(sentences(text)):
        for order, rule in enumerate(rules):
            if part not in rule.parts:
                continue
            if rule.unless_sentence and rule.unless_sentence.search(sentence):
                continue
            if rule.unless_context and rule.unless_context.search(context):
                continue
            for match in rule.pattern.finditer(sentence):
                phrase = match.group(0).strip()
                key = (rule.name, number)  # one note per rule and sentence is enough
                if not phrase or key in seen:
                    continue
                seen.add(key)
                finding = Finding(
                    part=part,
                    phrase=phrase,
                    why=rule.why,
                    suggestion=_suggest(rules, rule, part, sentence, match),
                    category=rule.category,
                    rule=rule.name,
                    sentence=sentence,
                )
                found.append((number, match.start(), order, finding))
    return [finding for *_, finding in sorted(found, key=lambda item: item[:3])]


def _suggest(
    rules: Sequence[Rule], rule: Rule, part: str, sentence: str, match: re.Match[str]
) -> str:
    """The rule's advice, with the sentence rewritten when the rewrite reads cleanly."""
    if rule.rewrite is None:
        return rule.suggestion
    rewritten = re.sub(r"\s{2,}", " ", rule.rewrite(sentence, match)).strip()
    if len(rewritten.split()) < 2 or rewritten == sentence or _flagged(rules, part, rewritten):
        return rule.suggestion
    return f"{rule.suggestion} Perhaps: “{rewritten}”"


def _flagged(rules: Sequence[Rule], part: str, sentence: str) -> bool:
    """Whether any rule would point at this sentence (a rewrite should not need rewriting)."""
    return any(
        rule.pattern.search(sentence)
        and not (rule.unless_sentence and rule.unless_sentence.search(sentence))
        for rule in rules
        if part in rule.parts
    )


# -- rewrites more than one checker can use ------------------------------------


def drop_match(sentence: str, match: re.Match[str]) -> str:
    """The sentence without the matched words."""
    text = sentence[: match.start()] + sentence[match.end() :]
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return text[:1].upper() + text[1:] if sentence[:1].isupper() else text


def cut_at_match(sentence: str, match: re.Match[str]) -> str:
    """The sentence ended where the match begins."""
    text = sentence[: match.start()].rstrip(" ,;:—–-")
    return text + "." if text else ""
