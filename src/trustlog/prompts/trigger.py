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
from trustlog.prompts.seam import Ask

Breathe = Callable[[int, Pace], int]
"""Runs the breathing timer for so many seconds at a pace; returns the seconds breathed."""
Say = Callable[[str], None]
"""Tells the person something (plain text, never markup)."""

QUESTIONS = ("what", "intensity", "facts", "guesses", "reassurance", "repair", "resolved_at")
SKIP = "skip"


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
) -> TriggerAnswers:
    """Walk through the routine, asking what the flags left open.

    `breathe` is None when the timer is off (`--no-timer`); `pace` None means
    ask which pace, or whether to skip the breathing this time.
    """
    answers = replace(given)
    if breathe is None and all(getattr(answers, name) is not None for name in QUESTIONS):
        return answers
    say(stop_word_reminder(stop_word))

    if answers.what is None:
        answers.what = ask.text(
            "What flared up? Name it in a few words.",
            hint="(for example: that comment made me anxious; Enter to skip)",
        )
    if answers.intensity is None:
        answers.intensity = ask.number(
            "How intense is it right now, from 0 (barely) to 10 (overwhelming)?", *INTENSITY_RANGE
        )
    if breathe is not None:
        chosen = pace
        pause = f"Let's pause and breathe together for {_duration(seconds)}."
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
    if answers.facts is None:
        answers.facts = ask.text(
            "What happened? Just the facts: what was seen or said.", hint="(Enter to skip)"
        )
    if answers.guesses is None:
        answers.guesses = ask.text(
            "And what are you guessing, or afraid, it means?",
            hint="(kept apart from the facts; Enter to skip)",
        )
    if answers.reassurance is None:
        answers.reassurance = ask.text(
            "What reassurance, or what information, would help right now?",
            hint="(Enter to skip)",
        )
    if answers.repair is None:
        answers.repair = ask.text(
            "One tiny repair: a hug, a check-in, a change of plan?", hint="(Enter to skip)"
        )
    if answers.resolved_at is None and ask.confirm("Has it settled?", default=False):
        answers.resolved_at = now()
    return answers


def _duration(seconds: int) -> str:
    if seconds % 60 == 0 and seconds >= 120:
        return f"{seconds // 60} minutes"
    if seconds == 60:
        return "a minute"
    return "1 second" if seconds == 1 else f"{seconds} seconds"
