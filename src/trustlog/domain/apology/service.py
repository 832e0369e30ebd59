"""An apology as `trustlog apology draft` and `show` make it, start to end.

The guided questions belong to prompts/; the command hands `write_apology` a
function that asks them (or None when it may not ask), so when to ask, what
counts as nothing to save and the saving itself live here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from trustlog.domain.apology.checker import PARTS
from trustlog.domain.apology.model import (
    DEFAULT_EVERY,
    Apology,
    ApologyParts,
    DraftResult,
    draft_apology,
    find_apology,
    linked_promises,
)
from trustlog.domain.profile import load_profile
from trustlog.domain.promise.model import Promise
from trustlog.errors import InputError
from trustlog.storage.journal import Journal


@dataclass
class ApologyAnswers:
    """What the guided routine ended with: the parts, and the promises to track."""

    parts: ApologyParts
    promises: list[str] = field(default_factory=list)
    every: str = DEFAULT_EVERY

    @property
    def empty(self) -> bool:
        return not self.parts.given() and not self.promises


AskApology = Callable[[ApologyParts, list[str], str | None, str | None], ApologyAnswers]
"""The guided routine: given the parts and promises so far, their schedule and the stop word."""


@dataclass
class Drafted:
    saved: DraftResult | None
    """None when every part was left empty, so nothing was saved."""
    reviewed: bool
    """True when the person read it back with the checker's notes while writing it."""


def write_apology(
    journal: Journal,
    parts: ApologyParts,
    promises: list[str],
    every: str | None,
    now: Callable[[], datetime],
    ask: AskApology | None = None,
) -> Drafted:
    """Save an apology draft and its promises; first walk through the parts flags left open."""
    reviewed = False
    if ask is not None and len(parts.given()) < len(PARTS):
        answers = ask(parts, promises, every, load_profile(journal).stop_word)
        if answers.empty:
            return Drafted(None, reviewed=True)
        parts, promises, every, reviewed = answers.parts, answers.promises, answers.every, True
    elif not parts.given() and not promises:
        raise InputError(
            "Nothing to record: give at least one part by flag, such as --did TEXT.",
            hint="The parts are --did, --impact, --responsibility and --amends.",
        )
    saved = draft_apology(journal, parts, promises, now(), every or DEFAULT_EVERY)
    return Drafted(saved, reviewed)


@dataclass
class ApologyShown:
    apology: Apology
    promises: list[Promise]
    """The promises made from it that still exist."""


def show_apology(journal: Journal, id_or_prefix: str) -> ApologyShown:
    apology = find_apology(journal, id_or_prefix)
    return ApologyShown(apology, linked_promises(journal, apology))
