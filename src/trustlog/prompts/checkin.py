"""The check-in questions, in the order PRODUCT.md describes them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trustlog.domain.checkin.model import (
    COUNT_RANGE,
    MAX_GRATEFUL,
    MOOD_RANGE,
    TRUST_RANGE,
    Checkin,
    CheckinAnswers,
)
from trustlog.domain.checkin.service import CheckinReply
from trustlog.domain.promise.service import MarkRequest
from trustlog.domain.promise.standing import DueDay
from trustlog.prompts.promise import ask_due_promises
from trustlog.prompts.seam import Ask


@dataclass(frozen=True)
class Question:
    """One question for one answer: a number in `numbers`, else text."""

    message: str
    hint: str | None = None
    numbers: tuple[int, int] | None = None


SKIP = "(Enter to skip)"
COUNT_HINT = "(0 or more, Enter to skip)"
QUESTIONS = {
    "mood": Question(
        "How are you feeling, from 1 (very low) to 5 (very good)?", numbers=MOOD_RANGE
    ),
    "feeling": Question("In a few words, what are you feeling?", SKIP),
    "trust": Question(
        "How much trust and ease did you feel today, from 0 to 10?", numbers=TRUST_RANGE
    ),
    "care": Question("One small act of care you gave today?", SKIP),
    "affection": Question(
        "Moments of spontaneous affection today (a number)?", COUNT_HINT, COUNT_RANGE
    ),
    "detective": Question(
        'Moments of "detective work" today: checking a phone, a location, a story?',
        COUNT_HINT,
        COUNT_RANGE,
    ),
    "note": Question("Anything else you want to note?", SKIP),
}


def ask_checkin(
    ask: Ask, given: CheckinAnswers, existing: Checkin | None, due: Sequence[DueDay] = ()
) -> CheckinReply:
    """Ask each question not already answered by a flag. Enter skips (or keeps today's answer).

    `due` are the promises due that day: each is asked about (kept / broken / not yet).
    """
    answers = CheckinAnswers(**vars(given))
    marks: list[MarkRequest] = []
    before = existing or None

    def answer(name: str) -> None:
        if getattr(answers, name) is not None:
            return
        question = QUESTIONS[name]
        kept = getattr(before, name) if before else None
        reply: str | int | None
        if question.numbers is None:
            reply = ask.text(question.message, default=kept, hint=question.hint)
        else:
            reply = ask.number(
                question.message, *question.numbers, default=kept, hint=question.hint
            )
        setattr(answers, name, reply)

    for name in ("mood", "feeling", "trust"):
        answer(name)
    if answers.grateful is None:
        grateful: list[str] = []
        kept = list(before.grateful) if before else []
        for number in range(1, MAX_GRATEFUL + 1):
            reply = ask.text(
                "Something you appreciate today?"
                if number == 1
                else "Another thing you appreciate?",
                default=kept[number - 1] if number <= len(kept) else None,
                hint="(Enter to move on)",
            )
            if reply is None:
                break
            grateful.append(reply)
        answers.grateful = grateful if grateful or before else None
    for name in ("care", "affection", "detective"):
        answer(name)
    if answers.arguments is None:
        topic = ask.text(
            "Did you argue today? If so, what about?",
            default="; ".join(before.arguments) if before and before.arguments else None,
            hint="(a few words, Enter if not)",
        )
        if topic is not None:
            answers.arguments = [part for part in topic.split(";") if part.strip()]
        elif before and before.arguments:
            answers.arguments = []
    if due:
        marks = ask_due_promises(ask, due)
    answer("note")
    if answers.private is None:
        answers.private = ask.confirm(
            "Keep this check-in private (left out of exports)?",
            default=before.private if before else False,
        )
    return CheckinReply(answers, marks)
