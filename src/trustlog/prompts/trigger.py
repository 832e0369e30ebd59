"""The trigger grounding routine, in the order PRODUCT.md describes it.

Name it, say how intense it is, breathe, then the facts and the guesses as
two separate answers, what would reassure, a tiny repair, and whether it has
settled. Questions answered by a flag are not asked again; Enter skips any.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from trustlog.domain.trigger.breathing import PACES, Pace
from trustlog.domain.trigger.model import INTENSITY_RANGE
from trustlog.domain.trigger.service import TriggerAnswers
from trustlog.prompts.seam import Ask, keep_so_far
from trustlog.render import words

Breathe = Callable[[int, Pace], int]
"""Runs the breathing timer for so many seconds at a pace; returns the seconds breathed."""
Say = Callable[[str], None]
"""Tells the person something (plain text, never markup)."""

QUESTIONS = ("what", "intensity", "facts", "guesses", "reassurance", "repair", "resolved_at")
SKIP = "skip"
WORDS = {  # the answers in words: (question, hint)
    "what": (
        "What flared up? Name it in a few words.",
        "(for example: that comment made me anxious; Enter to skip)",
    ),
    "facts": ("What happened? Just the facts: what was seen or said.", "(Enter to skip)"),
    "guesses": (
        "And what are you guessing, or afraid, it means?",
        "(kept apart from the facts; Enter to skip)",
    ),
    "reassurance": (
        "What reassurance, or what information, would help right now?",
        "(Enter to skip)",
    ),
    "repair": ("One tiny repair: a hug, a check-in, a change of plan?", "(Enter to skip)"),
}
# The repair is asked of the person by their role from `init`: the one who was
# hurt is not the one who owes it, so they are asked what would help mend it.
REPAIR_BY_ROLE = {
    "hurt": (
        "What small repair would help, or has one happened: a hug, a check-in, a change of plan?",
        "(Enter to skip)",
    ),
    "repairing": (
        "One tiny repair you can make: a hug, a check-in, a change of plan?",
        "(Enter to skip)",
    ),
}


def stop_word_reminder(stop_word: str | None) -> str:
    if stop_word:
        return (
            f"Your agreed stop word is “{stop_word}”. "
            "Either of you can say it to pause, at any moment."
        )
    return (
        "Either of you can pause this at any moment. "
        "(`trustlog init --stop-word WORD` keeps a word you both agree on.)"
    )


def ask_trigger(
    ask: Ask,
    given: TriggerAnswers,
    *,
    stop_word: str | None,
    breathe: Breathe | None,
    seconds: int,
    pace: Pace | None,
    say: Say,
    now: Callable[[], datetime],
    role: str | None = None,
) -> TriggerAnswers:
    """Walk through the routine, asking what the flags left open.

    `breathe` is None when the timer is off (`--no-timer`); `pace` None means
    ask which pace, or whether to skip the breathing this time. `role` is the
    one from `init` ("hurt", "repairing", "both" or None): it words the repair.
    Ctrl-C once something was answered offers to keep it, still settling.
    """
    answers = replace(given)
    if breathe is None and all(getattr(answers, name) is not None for name in QUESTIONS):
        return answers
    say(stop_word_reminder(stop_word))
    try:
        _walk(ask, answers, breathe, seconds, pace, say, now, role)
    except KeyboardInterrupt:
        # Kept as it stands: a trigger still settling, `trigger resolve` settles it later.
        if not [name for name in answers.given() if name != "breathed_seconds"]:
            raise
        keep_so_far(ask)
    return answers


def _walk(
    ask: Ask,
    answers: TriggerAnswers,
    breathe: Breathe | None,
    seconds: int,
    pace: Pace | None,
    say: Say,
    now: Callable[[], datetime],
    role: str | None,
) -> None:
    """The routine's steps; each answer is kept in `answers` as soon as it is given."""

    def in_words(*names: str) -> None:
        for name in names:
            if getattr(answers, name) is None:
                message, hint = WORDS[name]
                if name == "repair":
                    message, hint = REPAIR_BY_ROLE.get(role or "", (message, hint))
                setattr(answers, name, ask.text(message, hint=hint))

    in_words("what")
    if answers.intensity is None:
        answers.intensity = ask.number(
            "How intense is it right now, from 0 (barely) to 10 (overwhelming)?", *INTENSITY_RANGE
        )
    if breathe is not None:
        chosen = pace
        pause = f"Let's pause and breathe together for {words.seconds(seconds)}."
        if chosen is None:
            choice = ask.choose(
                pause,
                [(p.name, p.label) for p in PACES.values()]
                + [(SKIP, "Skip the breathing this time")],
                default=next(iter(PACES)),
            )
            chosen = PACES.get(choice)
        else:
            say(pause)
        if chosen is not None:
            answers.breathed_seconds = breathe(seconds, chosen)
    in_words("facts", "guesses", "reassurance", "repair")
    if answers.resolved_at is None and ask.confirm("Has it settled?", default=False):
        answers.resolved_at = now()
