"""The agreement checker: a table of rules that point out vague wording, gently.

An agreement both people can keep names who does what, and when: "tell each
other about any messages from exes within 24 hours", not "be more honest".
The table is data, rules.toml beside this module; rules read a sentence at a
time (core/rules.py), and most stay quiet when the sentence already says when
or how often. To teach the checker something new, add an entry to rules.toml
and a vague and a specific example to the table in
tests/agreement/test_agreement_check.py.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from trustlog.domain.core.rules import REWRITES, Finding, Rule, find, load

PART = "text"


@cache
def rules() -> tuple[Rule, ...]:
    """The table, rules.toml beside this module, read the first time a check asks for it."""
    return load(Path(__file__).with_name("rules.toml"), REWRITES, frozenset({PART}))


def check(text: str) -> list[Finding]:
    """What the checker would point out in an agreement's wording, in reading order."""
    return find(rules(), PART, text)
