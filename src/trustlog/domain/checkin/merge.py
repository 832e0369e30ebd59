"""How a second check-in on the same day joins the first (CONTRACT.md, `checkin`).

Single answers (mood, feeling, trust, care, affection, detective, privacy) are
replaced. What accumulates through a day is added to: the note gains a new
paragraph, appreciations and argument topics are appended. Giving the same
thing again adds nothing, so running a command twice never doubles a day,
and only what really changed is named.

`MAX_GRATEFUL` limits one check-in call, not the day: someone who checks in
in the morning and again at night may name three things each time.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from trustlog.domain.checkin.model import Checkin, CheckinAnswers


def paragraphs(text: str) -> list[str]:
    """The note's paragraphs, each trimmed: what a new paragraph is compared with."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def add_note(before: str | None, given: str) -> str:
    """The note with `given` as a new paragraph, unless it is already one of its paragraphs."""
    if before is None or not before.strip():
        return given
    if given.strip() in paragraphs(before) or given.strip() == before.strip():
        return before
    return f"{before.rstrip()}\n\n{given.strip()}"


def add_items(before: list[str], given: list[str]) -> list[str]:
    """`before` with each item of `given` it does not hold yet (compared trimmed), in order.

    Only the same words count as the same: "Money" after "money" is added, as
    the report counts a topic argued about again the same day as a repeat.
    """
    held = {item.strip() for item in before}
    merged = list(before)
    for item in given:
        if item.strip() not in held:
            held.add(item.strip())
            merged.append(item)
    return merged


def merge(existing: Checkin, answers: CheckinAnswers, now: datetime) -> tuple[Checkin, list[str]]:
    """The check-in `existing` becomes with `answers` (already checked), and what changed.

    The fields named are those whose value is now different, in the order of
    the answers; `updated` moves to `now` only when something did change.
    """
    merged = replace(existing, grateful=list(existing.grateful), arguments=list(existing.arguments))
    changed = []
    for name in answers.given():
        value = getattr(answers, name)
        before = getattr(existing, name)
        if name == "note":
            value = add_note(before, value)
        elif name in ("grateful", "arguments"):
            value = add_items(before, value)
        if value != before:
            setattr(merged, name, value)
            changed.append(name)
    if changed:
        merged.updated = now
    return merged, changed
