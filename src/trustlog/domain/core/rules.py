"""A checker built from a table of rules: what can get in the way in what a person wrote.

Each `Rule` says which parts of a record it reads, a pattern, and in kind
words why the phrase can land badly and how it might be put instead. Rules
read one sentence at a time, so an exception ("not only ... but also") can
look at the sentence around a match. A checker is a tuple of rules and a
call to `find` for each part; the apology checker is the first one.

A table of rules is data, kept in TOML beside its checker (`rules.toml`) and read
by `load` the first time a check runs, so no other command pays for it: each
`[[rules]]` entry is one `Rule`, its patterns written over lines that are joined,
`{NAME}` standing for the piece of pattern of that name in `[pieces]`, and its
`rewrite` named from the rewrites the checker offers (this module's among them).

A checker only points things out; the person decides what to keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

Rewrite = Callable[[str, "re.Match[str]"], str]
"""Turns a sentence into a suggested rewrite, given the match in it."""

# A sentence may end at . ! or ? before a space (so "7.30" stays whole), or at a line break;
# `_ends_here` decides whether a full stop after an abbreviation does.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+|\s*\n\s*")
# Titles and "for example" are never the end of a sentence: "Dr. Patel", "e.g. texts".
# (Word lists read best as words: hence split(), and the noqa.)
_NEVER_LAST = frozenset("mr mrs ms mx dr prof st sr jr vs cf eg ie approx no nr tel ca".split())  # noqa: SIM905
# Abbreviations that can end one: "at 7 p.m. Every day." splits, "7 p.m. on Fridays" does not.
_MAYBE_LAST = frozenset(("am", "pm", "etc"))
# Words that start a sentence after an initial: "I have blocked J. I will …" splits,
# "when J. Smith calls" does not.
_STARTS = frozenset(
    """i i'll i'm i've i'd i’ll i’m i’ve i’d we we'll we’ll you it this that my our the
    then and also from so but if when after before every each there they he she
    a an to no yes sorry""".split()  # noqa: SIM905
)


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


# `{NAME}` in a pattern of a table: never a regex's `{2}` or `{1,5}`, which hold no letter.
_PIECE = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def load(path: Path, rewrites: Mapping[str, Rewrite], parts: frozenset[str]) -> tuple[Rule, ...]:
    """The rules of a table in TOML that ships with trustlog (see the top of this module)."""
    from trustlog.storage import shipped

    return parse(shipped.text_of(path), path.name, rewrites, parts)


def parse(
    text: str, where: str, rewrites: Mapping[str, Rewrite], parts: frozenset[str]
) -> tuple[Rule, ...]:
    """The rules of a table, in its order; `where` names the table in a mistake.

    A rule without `parts` reads every one of `parts`. A table that names an unknown
    piece, part, rewrite or key is a mistake in trustlog, said with the rule's name.
    """
    import tomllib

    table = tomllib.loads(text)
    pieces: dict[str, str] = {}
    for name, written in table.get("pieces", {}).items():
        pieces[name] = _pattern(written, pieces, f"{where}: piece {name}")
    return tuple(
        _rule(entry, pieces, rewrites, parts, f"{where}: rule {entry.get('name')}")
        for entry in table["rules"]
    )


def _rule(
    entry: dict[str, Any],
    pieces: Mapping[str, str],
    rewrites: Mapping[str, Rewrite],
    parts: frozenset[str],
    where: str,
) -> Rule:
    unknown = set(entry) - {field.name for field in fields(Rule)}
    if unknown or not set(entry.get("parts", ())) <= parts:
        raise ValueError(f"{where}: unknown {sorted(unknown) or entry['parts']}")
    rewrite = entry.get("rewrite")
    if rewrite is not None and rewrite not in rewrites:
        raise ValueError(f"{where}: no rewrite called {rewrite}")

    def pattern(key: str) -> LazyPattern | None:
        written = entry.get(key)
        return None if written is None else LazyPattern(_pattern(written, pieces, where))

    return Rule(
        name=entry["name"],
        category=entry["category"],
        parts=frozenset(entry.get("parts", parts)),
        pattern=LazyPattern(_pattern(entry["pattern"], pieces, where)),
        why=entry["why"],
        suggestion=entry["suggestion"],
        unless_sentence=pattern("unless_sentence"),
        unless_context=pattern("unless_context"),
        rewrite=None if rewrite is None else rewrites[rewrite],
    )


def _pattern(written: str, pieces: Mapping[str, str], where: str) -> str:
    """A pattern as a table writes it: its lines joined, each `{NAME}` replaced by its piece."""
    joined = "".join(line.strip() for line in written.splitlines())
    unknown = set(_PIECE.findall(joined)) - set(pieces)
    if unknown:
        raise ValueError(f"{where}: no piece called {', '.join(sorted(unknown))}")
    return _PIECE.sub(lambda match: pieces[match.group(1)], joined)


def sentences(text: str) -> list[str]:
    """The sentences of `text`, split at stops and line breaks, not at abbreviations.

    "I have blocked J. I will show you my phone when J. contacts me." is two
    sentences; so is "Call Dr. Lee by 7 p.m. Then tell me."
    """
    found: list[str] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        if "\n" in boundary.group(0) or _ends_here(
            text[start : boundary.start()], text[boundary.end() :]
        ):
            found.append(text[start : boundary.end()].strip())
            start = boundary.end()
    found.append(text[start:].strip())
    return [piece for piece in found if piece]


def _ends_here(before: str, after: str) -> bool:
    """Whether the stop at the end of `before` ends a sentence, given what comes `after`."""
    last = before.rstrip("\"'”’)]").split()[-1] if before.split() else ""
    if not last.endswith("."):
        return True  # ! or ?
    word = last[:-1].lstrip("(\"'“‘").lower()
    following = after.split()[0] if after.split() else ""
    bare = word.replace(".", "")
    if bare in _NEVER_LAST:
        return False
    starts_upper = following[:1].isupper()
    if bare in _MAYBE_LAST or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return starts_upper  # "a.m.", "etc.", "U.S."
    if re.fullmatch(r"[A-Z]", last[:-1].lstrip("(\"'“‘")):  # an initial: "J."
        if re.fullmatch(r"[A-Z]\.", following):
            return False  # "J. R. Smith"
        return following.lower().rstrip(",") in _STARTS
    return True


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


# Where a clause ends: a comma, semicolon, colon or dash, or the sentence's end.
_CLAUSE_END = re.compile(r"\s*(?:[,;:]|\s[—–-]\s)|[.!?]*\s*$")
# Where the clause of a match starts: after a comma, semicolon, colon or dash, or at a
# joining word, dropped with it ("I know it hurt you but you also …").
_CLAUSE_START = re.compile(
    r"(?:[,;:]|\s[—–-]\s)\s*|\b(?:but|and|though|although|yet|whereas|while)\s+", re.I
)


def drop_clause(sentence: str, match: re.Match[str]) -> str:
    """The sentence without the clause the match is in; the clauses around it stay.

    "I know it hurt you, but you also went through my phone, and I lied" keeps
    "I know it hurt you, and I lied": what the person meant about the hurt is
    not lost with the blame.
    """
    starts = [f.start() for f in _CLAUSE_START.finditer(sentence) if f.start() <= match.start()]
    start = max(starts, default=0)
    end_match = _CLAUSE_END.search(sentence, match.end())
    end = end_match.start() if end_match else len(sentence)
    before = sentence[:start].rstrip(" ,;:—–-")
    after = sentence[end:].strip(" ,;:—–-.!?")
    text = f"{before}, {after}" if before and after else before or after[:1].upper() + after[1:]
    if text and not text.endswith((".", "!", "?")):
        text += sentence.rstrip()[-1] if sentence.rstrip().endswith(("!", "?")) else "."
    return text


REWRITES: dict[str, Rewrite] = {
    "drop_match": drop_match,
    "drop_clause": drop_clause,
}
"""The rewrites above, by the names a table of rules gives them."""
