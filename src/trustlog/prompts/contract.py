"""The questions of `contract write`: each part in turn, starting from the current words.

Every question is filled in with the current revision's words: Enter keeps
them, editing changes them, clearing the line (Ctrl-U) leaves the part out.
"""

from __future__ import annotations

from datetime import date

from trustlog.domain.contract.model import MOST, Contract
from trustlog.domain.contract.service import ContractDraft
from trustlog.domain.core import values
from trustlog.errors import InputError
from trustlog.prompts.seam import Ask, keep_so_far

CLEAR = "(Enter keeps it; clear the line to leave it out)"
NEW = "(Enter to skip)"


def ask_contract(ask: Ask, current: Contract | None, revisit: date) -> ContractDraft:
    """The new revision, part by part; after Ctrl-C, what was answered can be kept."""
    draft = ContractDraft()
    try:
        draft.mine = _commitments(ask, "Your commitment", current.mine if current else [])
        draft.theirs = _commitments(ask, "Their commitment", current.theirs if current else [])
        draft.support = _part(ask, "What support looks like", current.support if current else None)
        draft.breaks = _part(
            ask, "What would break the agreement", current.breaks if current else None
        )
        draft.revisit = _revisit(ask, revisit)
    except KeyboardInterrupt:
        if draft.mine is None:
            raise
        keep_so_far(ask)
    return draft


def _commitments(ask: Ask, title: str, current: list[str]) -> list[str]:
    answers = []
    for number in range(1, MOST + 1):
        now = current[number - 1] if number <= len(current) else None
        answer = ask.text(f"{title}, {number} of {MOST}?", default=now, hint=CLEAR if now else NEW)
        if answer is not None:
            answers.append(answer.strip())
    return answers


def _part(ask: Ask, title: str, current: str | None) -> str:
    """The answer; "" when left out (the part is then cleared)."""
    answer = ask.text(f"{title}?", default=current, hint=CLEAR if current else NEW)
    return answer.strip() if answer is not None else ""


def _revisit(ask: Ask, default: date) -> str:
    hint = f"(YYYY-MM-DD, Enter for {default.isoformat()}, a month on)"
    while True:
        answer = ask.text("When will you revisit it?", default=default.isoformat(), hint=hint)
        if answer is None:
            return default.isoformat()
        try:
            return values.parse_date(answer, "--revisit").isoformat()
        except InputError:
            hint = "(a date, YYYY-MM-DD, such as " + default.isoformat() + ")"
