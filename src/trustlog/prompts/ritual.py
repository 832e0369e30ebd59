"""The weekly repair check-in as a guided conversation: four questions, one at a time.

Facts, feelings, progress, and what helped this week, as PRODUCT.md lists
them. A gentle timer says how long you have been talking, of the 20–30
minutes the check-in takes, and never hurries anyone: past 30 minutes it
only says that stopping is fine. Enter skips a question; Ctrl-C, once
something was said, offers to keep it.
"""

from __future__ import annotations

from collections.abc import Callable

from trustlog.domain.ritual.model import QUESTIONS, RitualAnswers
from trustlog.prompts.seam import Ask, keep_so_far
from trustlog.prompts.trigger import stop_word_reminder
from trustlog.render import words

Say = Callable[[str], None]
Elapsed = Callable[[], float]
"""Seconds since the check-in began (a monotonic clock; tests pass a fake one)."""

LOW_MINUTES, HIGH_MINUTES = 20, 30
INTRO = (
    "The weekly repair check-in: about 20–30 minutes, four questions, one at a time. "
    "Take turns, listen, and skip anything with Enter."
)
WORDS = {  # question, hint
    "facts": (
        "Facts first: what happened this week, said plainly?",
        "(what was seen or done, not what it meant; Enter to skip)",
    ),
    "feelings": ("Feelings: how has this week felt, for each of you?", "(Enter to skip)"),
    "progress": (
        "Progress: what is moving, and what still feels stuck?",
        "(Enter to skip)",
    ),
    "helped": ("What helped this week, that you would like more of?", "(Enter to skip)"),
}


def timer_words(seconds: float) -> str:
    """How long you have talked, said gently: never a countdown, never a push."""
    minutes = seconds / 60
    if minutes < HIGH_MINUTES:
        return f"Time so far: {words.minutes(minutes)}, of about {LOW_MINUTES}–{HIGH_MINUTES}."
    return (
        f"Time so far: {words.minutes(minutes)}. That is the time this asks for: "
        "stopping here is fine, and so is going on."
    )


def ask_ritual(
    ask: Ask,
    given: RitualAnswers,
    *,
    stop_word: str | None,
    say: Say,
    elapsed: Elapsed,
    aside: Say | None = None,
) -> RitualAnswers:
    """Walk through the four questions; the minutes talked are kept with the answers.

    `aside` says the timer's line more quietly than `say` (muted), when given.
    """
    answers = RitualAnswers(**{name: getattr(given, name) for name in ("private", "note")})
    say(INTRO)
    say(stop_word_reminder(stop_word))
    try:
        for name in QUESTIONS:
            (aside or say)(timer_words(elapsed()))
            message, hint = WORDS[name]
            setattr(answers, name, ask.text(message, hint=hint))
    except KeyboardInterrupt:
        if not [name for name in QUESTIONS if getattr(answers, name) is not None]:
            raise
        keep_so_far(ask)
    answers.minutes = round(elapsed() / 60)
    return answers
