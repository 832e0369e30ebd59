"""`trustlog catchup`: one key for each promise day not yet recorded."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from trustlog.domain.catchup import REPAIRED, SKIP, CatchupAnswer
from trustlog.domain.promise.model import BROKEN, KEPT
from trustlog.domain.promise.standing import DueDay
from trustlog.prompts.seam import Ask, keep_so_far
from trustlog.render import words

KEYS = (
    ("k", KEPT, "kept"),
    ("b", BROKEN, "broken"),
    ("r", REPAIRED, "repaired"),
    ("s", SKIP, "skip"),
)


def ask_catchup(ask: Ask, due: Sequence[DueDay], today: date) -> list[CatchupAnswer]:
    """Ask about each day in turn; Enter skips one. Ctrl-C offers to keep those answered."""
    answers: list[CatchupAnswer] = []
    try:
        for item in due:
            when = "Today" if item.date == today else words.short_date(item.date)
            outcome = ask.key(f"{when} · “{item.promise.summary()}”", KEYS, default=SKIP)
            repair = None
            if outcome == REPAIRED:
                repair = ask.text(
                    "What was the repair?", hint="(a few words; Enter records it as broken)"
                )
                outcome = REPAIRED if repair else BROKEN
            answers.append(CatchupAnswer(item, outcome, repair))
    except KeyboardInterrupt:
        if not [answer for answer in answers if answer.outcome != SKIP]:
            raise
        keep_so_far(ask)
    return answers
