"""The questions of `contract write`: each part in turn, starting from the current words.

Every question is filled in with the current revision's words: Enter keeps
them, editing changes them, clearing the line (Ctrl-U) leaves the part out
(render/contract.py says so before the first question).
"""

from __future__ import annotations

from datetime import date

from trustlog.domain.contract.model import MOST, Contract
from trustlog.domain.contract.service import ContractDraft
from trustlog.domain.core import values
from trustlog.errors import InputError
from trustlog.prompts.seam import Ask, keep_so_far

CLEAR = "(Enter keeps it)"
NEW = "(Enter to skip)"


def ask_contract(ask: Ask, current: Contract | None, revisit: date) -> ContractDraft:
    """The new revision, part by part; after Ctrl-C, what was answered can be kept.

    Kept after Ctrl-C: the answers given; what was not reached stays as it was.
    """
    draft = ContractDraft()
    mine, theirs = (current.mine, current.theirs) if current else ([], [])
    slots: list[str] = []  # the answers of the list being asked
    try:
        draft.mine = _commitments(ask, "Your commitment", mine, slots)
        slots = []
        draft.theirs = _commitments(ask, "Their commitment", theirs, slots)
        draft.support = _part(ask, "What support looks like", current.support if current else None)
        draft.breaks = _part(
            ask, "What would break the agreement", current.breaks if current else None
        )
        draft.revisit = _revisit(
            ask, revisit, kept=current is not None and current.revisit == revisit
        )
    except KeyboardInterrupt:
        if draft.mine is None and not slots:
            raise  # nothing answered yet: nothing to keep
        keep_so_far(ask)
        if draft.mine is None:
            draft.mine = _filled(slots, mine)
        elif draft.theirs is None and slots:
            draft.theirs = _filled(slots, theirs)
    return draft


def _commitments(ask: Ask, title: str, current: list[str], slots: list[str]) -> list[str]:
    """Each answer goes in `slots` as it comes ("" when cleared); the commitments kept."""
    for number in range(1, MOST + 1):
        now = current[number - 1] if number <= len(current) else None
        answer = ask.text(f"{title}, {number} of {MOST}?", default=now, hint=CLEAR if now else NEW)
        slots.append(answer.strip() if answer is not None else "")
    return [item for item in slots if item]


def _filled(slots: list[str], current: list[str]) -> list[str]:
    """A list cut short: the answers given, then the current commitments not yet reached."""
    return [item for item in slots + current[len(slots) :] if item]


def _part(ask: Ask, title: str, current: str | None) -> str:
    """The answer; "" when left out (the part is then cleared)."""
    answer = ask.text(f"{title}?", default=current, hint=CLEAR if current else NEW)
    return answer.strip() if answer is not None else ""


def _revisit(ask: Ask, default: date, kept: bool) -> str:
    """The revisit date: `default` is the current revisit when `kept`, else a month on."""
    hint = f"(YYYY-MM-DD, Enter for {default.isoformat()}, a month on)"
    if kept:
        hint = "(YYYY-MM-DD, Enter keeps it)"
    while True:
        answer = ask.text("When will you revisit it?", default=default.isoformat(), hint=hint)
        if answer is None:
            return default.isoformat()
        try:
            return values.parse_date(answer, "--revisit").isoformat()
        except InputError:
            hint = "(a date, YYYY-MM-DD, such as " + default.isoformat() + ")"
