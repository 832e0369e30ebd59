"""The guided four-part apology: one part at a time, then a read-back and a gentle check.

The person can revise any part and check again, or keep the draft as it is;
then steps of the amends can become tracked promises. Nothing is saved until
the routine ends. Ctrl-C before any part was written leaves the journal as it
was; once one was, it offers to keep the draft with the parts given so far.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

from trustlog.domain.apology.checker import PARTS, Finding
from trustlog.domain.apology.model import (
    DEFAULT_EVERY,
    PART_TITLES,
    ApologyParts,
    suggested_promises,
)
from trustlog.domain.apology.service import ApologyAnswers
from trustlog.prompts.seam import Ask, keep_so_far

KEEP = "keep"
EVERY_CHOICES = (
    ("daily", "Every day"),
    ("weekdays", "On weekdays"),
    ("weekends", "At weekends"),
)


@dataclass(frozen=True)
class Guide:
    part: str
    title: str
    explain: str
    question: str
    good: str
    poor: str


GUIDES = {
    "did": Guide(
        "did",
        PART_TITLES["did"],
        "Name the specific thing you did, plainly, the way they would describe it.",
        "What did you do?",
        "I'm sorry I read your messages on Tuesday without asking you.",
        "I'm sorry for everything.",
    ),
    "impact": Guide(
        "impact",
        PART_TITLES["impact"],
        "Say how it hurt them, seen from their side rather than yours.",
        "How did it hurt them?",
        "It made you feel watched in your own home, and that your privacy didn't matter to me.",
        "I'm sorry you feel upset.",
    ),
    "responsibility": Guide(
        "responsibility",
        PART_TITLES["responsibility"],
        "Own it as your choice, with no “but”, no “if you”, no “you made me”.",
        "How will you say that it was yours?",
        "That was my choice, and there is no excuse for it.",
        "I did it, but you had been so distant.",
    ),
    "amends": Guide(
        "amends",
        PART_TITLES["amends"],
        "Give a concrete plan: small steps they can see, rather than a promise to be better.",
        "How will you make amends and change?",
        "I will ask before I touch your phone, and tell you each evening how I'm doing with it.",
        "I'll try to be better.",
    ),
}


class Screen(Protocol):
    def intro(self, stop_word: str | None) -> None: ...

    def part(self, number: int, guide: Guide) -> None: ...

    def read_back(self, text: str, found: list[Finding]) -> None: ...

    def say(self, message: str) -> None: ...


def ask_apology(
    ask: Ask,
    screen: Screen,
    given: ApologyParts,
    promises: list[str],
    every: str | None = None,
    stop_word: str | None = None,
) -> ApologyAnswers:
    """Walk through the parts not given by flag, then review, then offer promises."""
    screen.intro(stop_word)
    draft = [given]  # the parts so far, for Ctrl-C to keep

    def revised(parts: ApologyParts) -> ApologyParts:
        draft[0] = parts
        return parts

    try:
        for number, part in enumerate(PARTS, start=1):
            if draft[0].get(part) is None:
                _ask_part(ask, screen, draft[0], number, part, revised)
        parts = draft[0]
        if not parts.given():
            return ApologyAnswers(parts, list(promises), every or DEFAULT_EVERY)
        parts = review(ask, screen, parts, revised)
        answers = ApologyAnswers(parts, list(promises), every or DEFAULT_EVERY)
        if not promises:
            answers = offer_promises(ask, screen, answers, ask_every=every is None)
        return answers
    except KeyboardInterrupt:
        if not draft[0].given():
            raise
        keep_so_far(ask)
        return ApologyAnswers(draft[0], list(promises), every or DEFAULT_EVERY)


def review(
    ask: Ask,
    screen: Screen,
    parts: ApologyParts,
    revised: Callable[[ApologyParts], ApologyParts] = lambda parts: parts,
) -> ApologyParts:
    """Read the apology back with the checker's notes until the person keeps it.

    `revised` is told of each revision as soon as it is made.
    """
    while True:
        found = parts.findings()
        screen.read_back(parts.assembled_text(), found)
        noted = {finding.part for finding in found}
        choices = [(KEEP, "Keep it as it is" if found else "Keep it")]
        for number, part in enumerate(PARTS, start=1):
            mark = "  (a note)" if part in noted else ""
            choices.append((part, f"Revise {number}: {PART_TITLES[part]}{mark}"))
        choice = ask.choose("What would you like to do?", choices, default=KEEP)
        if choice == KEEP:
            return parts
        parts = _ask_part(ask, screen, parts, PARTS.index(choice) + 1, choice, revised)


def offer_promises(
    ask: Ask, screen: Screen, answers: ApologyAnswers, ask_every: bool = True
) -> ApologyAnswers:
    """Offer to turn steps of the amends into promises tracked day by day."""
    steps = suggested_promises(answers.parts.amends)
    if not ask.confirm(
        "Would you like to turn steps of your plan into promises you keep track of?",
        default=bool(steps),
    ):
        return answers
    chosen = [step for step in steps if ask.confirm(f"Track “{step}”?", default=True)]
    while True:
        more = ask.text(
            "Another promise to track?" if chosen else "A promise to track?",
            hint="(a small, checkable step, like “Text you if I'm late”; Enter when done)",
        )
        if more is None:
            break
        chosen.append(more.strip())
    if not chosen:
        screen.say("No promises this time; `trustlog promise add` can add one later.")
        return answers
    every = answers.every
    if ask_every:
        every = ask.choose(
            "How often would you like to keep track of them?", EVERY_CHOICES, default=DEFAULT_EVERY
        )
    return replace(answers, promises=chosen, every=every)


def _ask_part(
    ask: Ask,
    screen: Screen,
    parts: ApologyParts,
    number: int,
    part: str,
    revised: Callable[[ApologyParts], ApologyParts],
) -> ApologyParts:
    guide = GUIDES[part]
    screen.part(number, guide)
    answer = ask.text(guide.question, default=parts.get(part), hint="(Enter to skip)")
    return revised(replace(parts, **{part: answer}))
