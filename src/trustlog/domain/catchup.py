"""Catching up: the promise days of the last two weeks not yet recorded, and recording them.

Two weeks, because a person back from a few days away (or a bad fortnight)
should clear them in one sitting, while older days are better left
unrecorded than guessed. Reading them costs one or two months of marks, never
the whole history.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from trustlog.domain.promise.model import BROKEN, KEPT
from trustlog.domain.promise.service import MarkRequest, MarkResult, mark_promise, plan_marks
from trustlog.domain.promise.standing import UNRECORDED, DueDay, at_a_glance
from trustlog.storage.journal import Journal

CATCHUP_DAYS = 14  # today and the 13 days before it
REPAIRED = "repaired"
SKIP = "skip"


def open_days(journal: Journal, today: date, days: int = CATCHUP_DAYS) -> list[DueDay]:
    """Every scheduled, unrecorded day of an active promise in the last `days` days.

    Oldest first; today's come last, as today is still open.
    """
    glance = at_a_glance(journal, today, days_back=days - 1)
    return glance.unrecorded + [due for due in glance.today if due.status == UNRECORDED]


def first_day(today: date, days: int = CATCHUP_DAYS) -> date:
    return today - timedelta(days=days - 1)


@dataclass
class CatchupAnswer:
    """What a person said about one day: kept, broken, repaired (with `repair`) or skip."""

    due: DueDay
    outcome: str
    repair: str | None = None


@dataclass
class CaughtUp:
    marks: list[MarkResult] = field(default_factory=list)
    skipped: list[DueDay] = field(default_factory=list)
    asked: int = 0  # how many days were asked about (Ctrl-C can end it early)


AskCatchup = Callable[[Sequence[DueDay]], list[CatchupAnswer]]


def catch_up(
    journal: Journal, today: date, now: Callable[[], datetime], ask: AskCatchup
) -> CaughtUp:
    """Ask about each open day, then record the answers, every one checked first."""
    due = open_days(journal, today)
    answers = ask(due) if due else []
    done = CaughtUp(asked=len(answers))
    requests = []
    for answer in answers:
        if answer.outcome == SKIP:
            done.skipped.append(answer.due)
            continue
        outcome = KEPT if answer.outcome == KEPT else BROKEN
        repair = answer.repair if answer.outcome == REPAIRED else None
        request = MarkRequest(answer.due.promise.id, outcome, repair=repair)
        plan_marks(journal, answer.due.date, [request], today)  # all checked before any write
        requests.append((answer.due.date, request))
    if not requests:
        return done  # nothing to write: a journal not yet made stays unmade
    moment = now()
    with journal.writing():
        for day, request in requests:
            done.marks.append(
                mark_promise(
                    journal,
                    request.promise,
                    request.outcome,
                    day,
                    moment,
                    repair=request.repair,
                    today=today,
                )
            )
    return done
