"""The apology checker's rules: their table is data, rules.toml beside this module.

How a rule table is read (a sentence at a time, exceptions, rewrites) is in
core/rules.py; checker.py runs this table over each part and says what a part
left empty misses. Here are the parts, the two rewrites only an apology needs,
and `rules()`, which reads the table the first time a check asks for it. To teach
the checker something new, add an entry to rules.toml and a good and a bad
example to the tests.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from trustlog.domain.core.rules import REWRITES, Rule, load

PARTS = ("did", "impact", "responsibility", "amends")
ALL = frozenset(PARTS)


def _without_if(sentence: str, match: re.Match[str]) -> str:
    """Turns "I'm sorry if I hurt you" into "I'm sorry I hurt you" (only "sorry" reads well so)."""
    if match.group(1).lower() != "sorry":
        return sentence
    return sentence[: match.start()] + match.group(1) + sentence[match.end() :]


def _without_try(sentence: str, match: re.Match[str]) -> str:
    """Turns "I'll try to call" into "I'll call"."""
    kept = match.group(1) or match.group(2)
    if kept is None:
        return sentence
    return sentence[: match.start()] + kept + sentence[match.end() :]


@cache
def rules() -> tuple[Rule, ...]:
    """The table, in its order (earlier rules first where two point at one place)."""
    rewrites = {**REWRITES, "without_if": _without_if, "without_try": _without_try}
    return load(Path(__file__).with_name("rules.toml"), rewrites, ALL)
