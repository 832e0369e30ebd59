"""The apology checker: a small table of rules that point out what can get in the way.

How a rule table is read (a sentence at a time, exceptions, rewrites) is in
core/rules.py; the apology's own rules are in rules.py. This module runs them
over each of the four parts and says what a part left empty misses.

The checker only points things out; the person decides what to keep.
"""

from __future__ import annotations

from collections.abc import Mapping

from trustlog.domain.apology.rules import PARTS as PARTS  # the four parts, by their keys
from trustlog.domain.apology.rules import rules
from trustlog.domain.core.rules import (
    Finding as Finding,  # what `check` returns, so its callers import it from here
)
from trustlog.domain.core.rules import find

MISSING: dict[str, tuple[str, str]] = {
    "did": (
        "Without naming what you did, the apology has nothing to hold on to.",
        "Say the specific action: “I read your messages on Tuesday without asking you.”",
    ),
    "impact": (
        "Saying how it hurt them shows you have seen it from their side.",
        "Describe it as they lived it: “It made you feel watched in your own home.”",
    ),
    "responsibility": (
        "Saying plainly that it was your choice is what lets the apology land.",
        "Own it without conditions: “That was my choice, and there's no excuse for it.”",
    ),
    "amends": (
        "A concrete plan gives them something to see, day by day, rather than words to believe.",
        "Give a step they can notice: “I will ask before I touch your phone, from today.”",
    ),
}


def check(parts: Mapping[str, str | None]) -> list[Finding]:
    """Everything the checker would point out, part by part, in reading order."""
    findings: list[Finding] = []
    amends = parts.get("amends") or ""
    for part in PARTS:
        text = parts.get(part)
        if text is None or not text.strip():
            why, suggestion = MISSING[part]
            findings.append(Finding(part, "", why, suggestion, "missing", "missing"))
            continue
        findings.extend(find(rules(), part, text, context=amends))
    return findings
