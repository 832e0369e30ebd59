"""The check-in questions, in the order PRODUCT.md describes them.

A check-in for another day names that day in every question ("How much
trust and ease did you feel on Monday 16 November?"): catching up on a
missed day should not read as if it were today.

The role from `trustlog init` words a few questions for the one asked
(`ROLE_QUESTIONS`), with the same answers stored: the one who was hurt is not
asked about care they gave as if it were owed, nor the one repairing about
their own "detective work"; without a role (or with "both") the questions are
the plain ones of PRODUCT.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from trustlog.domain.checkin.model import (
    COUNT_RANGE,
    MAX_GRATEFUL,
    MOOD_RANGE,
    TRUST_RANGE,
    Checkin,
    CheckinAnswers,
)
from trustlog.domain.checkin.service import CheckinReply
from trustlog.domain.promise.standing import DueDay
from trustlog.prompts.promise import ask_due_promises
from trustlog.prompts.seam import Ask, keep_so_far
from trustlog.render import words


@dataclass(frozen=True)
class Question:
    """One question for one answer: a number in `numbers`, else text.

    `today` and `past` are the wordings for today and for another day; `{day}`
    in `past` becomes "on Monday 16 November".
    """

    today: str
    past: str
    hint: str | None = None
    numbers: tuple[int, int] | None = None


SKIP = "(Enter to skip)"
KEEP = "(Enter keeps it)"
COUNT_HINT = "(0 or more, Enter to skip)"
QUESTIONS = {
    "mood": Question(
        "How are you feeling, from 1 (very low) to 5 (very good)?",
        "How were you feeling {day}, from 1 (very low) to 5 (very good)?",
        numbers=MOOD_RANGE,
    ),
    "feeling": Question(
        "In a few words, what are you feeling?", "In a few words, what were you feeling?", SKIP
    ),
    "trust": Question(
        "How much trust and ease did you feel today, from 0 to 10?",
        "How much trust and ease did you feel {day}, from 0 to 10?",
        numbers=TRUST_RANGE,
    ),
    "care": Question(
        "One small act of care you gave today?", "One small act of care you gave {day}?", SKIP
    ),
    "affection": Question(
        "Moments of spontaneous affection today (a number)?",
        "Moments of spontaneous affection {day} (a number)?",
        COUNT_HINT,
        COUNT_RANGE,
    ),
    "detective": Question(
        'Moments of "detective work" today: checking a phone, a location, a story?',
        'Moments of "detective work" {day}: checking a phone, a location, a story?',
        COUNT_HINT,
        COUNT_RANGE,
    ),
}


# The questions worded for a role; the stored field is the same.
ROLE_QUESTIONS: dict[str, dict[str, Question]] = {
    "hurt": {
        "care": Question(
            "A small act of care today, given or received, if there was one?",
            "A small act of care {day}, given or received, if there was one?",
            SKIP,
        ),
        "detective": Question(
            "Times today you felt you had to check: a phone, a location, a story (a number)?",
            "Times {day} you felt you had to check: a phone, a location, a story (a number)?",
            COUNT_HINT,
            COUNT_RANGE,
        ),
    },
    "repairing": {
        "trust": Question(
            "How much trust and ease was there between you today, from 0 to 10?",
            "How much trust and ease was there between you {day}, from 0 to 10?",
            numbers=TRUST_RANGE,
        ),
        "detective": Question(
            "Times today you were checked on: your phone, where you were, your story (a number)?",
            "Times {day} you were checked on: your phone, where you were, your story (a number)?",
            COUNT_HINT,
            COUNT_RANGE,
        ),
    },
}


def question_for(name: str, role: str | None) -> Question:
    """The question for answer `name`, worded for `role` where that reads better."""
    return ROLE_QUESTIONS.get(role or "", {}).get(name) or QUESTIONS[name]


def on_day(day: date, today: date) -> str:
    """ "today", "yesterday (Monday 23 November)" or "on Monday 16 November"."""
    named = words.full_date(day, year=day.year != today.year)
    if day == today:
        return "today"
    if (today - day).days == 1:
        return f"yesterday ({named})"
    return f"on {named}"


def ask_checkin(
    ask: Ask,
    given: CheckinAnswers,
    existing: Checkin | None,
    due: Sequence[DueDay] = (),
    day: date | None = None,
    today: date | None = None,
    partner: str | None = None,
    role: str | None = None,
    topics: Sequence[str] = (),
) -> CheckinReply:
    """Ask each question not already answered by a flag.

    Enter skips a question, or keeps the answer the day's check-in already
    has. What adds up through a day (appreciations, arguments, the note) is
    shown and added to, never retyped. `due` are the promises due that day:
    each is asked about (kept / broken / not yet). `partner` is the name from
    `init`, used where it reads naturally, and `role` words the questions
    (`ROLE_QUESTIONS`). `topics` are the earlier argument topics, offered as the
    person types one. Ctrl-C once something was answered offers to keep it.
    """
    reply = CheckinReply(CheckinAnswers(**vars(given)), [])
    when = "today" if day is None or today is None or day == today else on_day(day, today)
    try:
        _ask_all(ask, reply, existing, due, when, partner, role, topics)
    except KeyboardInterrupt:
        if not reply.marks and not [n for n in reply.answers.given() if n != "private"]:
            raise
        keep_so_far(ask)
    return reply


def _ask_all(
    ask: Ask,
    reply: CheckinReply,
    before: Checkin | None,
    due: Sequence[DueDay],
    when: str,
    partner: str | None,
    role: str | None = None,
    topics: Sequence[str] = (),
) -> None:
    answers = reply.answers

    def answer(name: str) -> None:
        if getattr(answers, name) is not None:
            return
        question = question_for(name, role)
        message = question.today if when == "today" else question.past.format(day=when)
        if name == "care" and partner:
            message = message.replace("you gave", f"you gave {partner}")
        kept = getattr(before, name) if before else None
        hint = KEEP if kept is not None else question.hint
        got: str | int | None
        if question.numbers is None:
            got = ask.text(message, default=kept, hint=hint)
        else:
            got = ask.number(message, *question.numbers, default=kept, hint=hint)
        setattr(answers, name, got)

    for name in ("mood", "feeling", "trust"):
        answer(name)
    if answers.grateful is None:
        _ask_grateful(ask, answers, list(before.grateful) if before else [], when)
    for name in ("care", "affection", "detective"):
        answer(name)
    if answers.arguments is None:
        so_far = list(before.arguments) if before else []
        topic = ask.text(
            f"Did you argue {when}? If so, what about?"
            if not so_far
            else f"Any other argument {when}? So far: {'; '.join(so_far)}.",
            hint="(a few words, Enter if not)",
            completions=topics,
        )
        if topic is not None:
            answers.arguments = [part.strip() for part in topic.split(";") if part.strip()]
    for item in due:  # one at a time, so Ctrl-C keeps the ones already answered
        reply.marks.extend(ask_due_promises(ask, [item]))
    if answers.note is None:
        note = before.note if before else None
        answers.note = ask.text(
            "Anything else you want to note?"
            if not note
            else f"Anything to add to the note? It says: “{words.quoted(note.strip())}”",
            hint=SKIP if not note else "(added as a new paragraph; Enter keeps it as it is)",
        )
    if answers.private is None:
        answers.private = ask.confirm(
            "Keep this check-in private (out of exports unless you ask)?",
            default=before.private if before else False,
        )


def _ask_grateful(ask: Ask, answers: CheckinAnswers, so_far: list[str], when: str) -> None:
    """Up to MAX_GRATEFUL new things, each kept as soon as it is typed (for Ctrl-C)."""
    for number in range(1, MAX_GRATEFUL + 1):
        if number > 1 or so_far:
            message = "Another thing you appreciate?"
            if number == 1:
                message = f"Something else you appreciate? So far: {'; '.join(so_far)}."
        else:
            message = (
                "Something you appreciate today?"
                if when == "today"
                else f"Something you appreciated {when}?"
            )
        got = ask.text(message, hint="(Enter to move on)")
        if got is None:
            return
        answers.grateful = [*(answers.grateful or []), got]
