"""The check-in questions, in the order PRODUCT.md describes them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from trustlog.domain.checkin.model import (
    COUNT_RANGE,
    MAX_GRATEFUL,
    MOOD_RANGE,
    TRUST_RANGE,
    Checkin,
    CheckinAnswers,
)
from trustlog.domain.promise.service import MarkRequest
from trustlog.domain.promise.standing import DueDay
from trustlog.prompts.promise import ask_due_promises
from trustlog.prompts.seam import Ask


@dataclass
class CheckinReply:
    answers: CheckinAnswers
    marks: list[MarkRequest] = field(default_factory=list)


def ask_checkin(
    ask: Ask, given: CheckinAnswers, existing: Checkin | None, due: Sequence[DueDay] = ()
) -> CheckinReply:
    """Ask each question not already answered by a flag. Enter skips (or keeps today's answer).

    `due` are the promises due that day: each is asked about (kept / broken / not yet).
    """
    answers = CheckinAnswers(**vars(given))
    marks: list[MarkRequest] = []
    before = existing or None

    if answers.mood is None:
        answers.mood = ask.number(
            "How are you feeling, from 1 (very low) to 5 (very good)?",
            *MOOD_RANGE,
            default=before.mood if before else None,
        )
    if answers.feeling is None:
        answers.feeling = ask.text(
            "In a few words, what are you feeling?",
            default=before.feeling if before else None,
            hint="(Enter to skip)",
        )
    if answers.trust is None:
        answers.trust = ask.number(
            "How much trust and ease did you feel today, from 0 to 10?",
            *TRUST_RANGE,
            default=before.trust if before else None,
        )
    if answers.grateful is None:
        grateful: list[str] = []
        kept = list(before.grateful) if before else []
        for number in range(1, MAX_GRATEFUL + 1):
            answer = ask.text(
                "Something you appreciate today?"
                if number == 1
                else "Another thing you appreciate?",
                default=kept[number - 1] if number <= len(kept) else None,
                hint="(Enter to move on)",
            )
            if answer is None:
                break
            grateful.append(answer)
        answers.grateful = grateful if grateful or before else None
    if answers.care is None:
        answers.care = ask.text(
            "One small act of care you gave today?",
            default=before.care if before else None,
            hint="(Enter to skip)",
        )
    if answers.affection is None:
        answers.affection = ask.number(
            "Moments of spontaneous affection today (a number)?",
            *COUNT_RANGE,
            default=before.affection if before else None,
            hint="(0 or more, Enter to skip)",
        )
    if answers.detective is None:
        answers.detective = ask.number(
            'Moments of "detective work" today: checking a phone, a location, a story?',
            *COUNT_RANGE,
            default=before.detective if before else None,
            hint="(0 or more, Enter to skip)",
        )
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
    if answers.note is None:
        answers.note = ask.text(
            "Anything else you want to note?",
            default=before.note if before else None,
            hint="(Enter to skip)",
        )
    if answers.private is None:
        answers.private = ask.confirm(
            "Keep this check-in private (left out of exports)?",
            default=before.private if before else False,
        )
    return CheckinReply(answers, marks)
