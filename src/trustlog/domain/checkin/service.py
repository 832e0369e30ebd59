"""A whole check-in, as `trustlog checkin` makes it: the answers, then the day's promise marks.

The questions themselves belong to prompts/; the command hands `check_in` a
function that asks them (or None when it may not ask), so the order of things
lives here once: find what the day already holds, ask, check every promise
mark, then write the check-in and the marks together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from trustlog.domain.care import SupportOffer, hard_checkin, offer_support
from trustlog.domain.checkin.merge import merge
from trustlog.domain.checkin.model import Checkin, CheckinAnswers, find_checkin
from trustlog.domain.core.entry import path_of
from trustlog.errors import InputError
from trustlog.storage.journal import Journal

if TYPE_CHECKING:
    # The promises are imported only when a check-in marks one or asks: a check-in by
    # flags alone (the one a person makes every day) never reads them.
    # The earlier topics are read only when a check-in names an argument.
    from trustlog.domain.checkin.topics import Resemblance
    from trustlog.domain.promise.service import MarkRequest, MarkResult, PlannedMark
    from trustlog.domain.promise.standing import DueDay

    AskCheckin = Callable[[date, CheckinAnswers, Checkin | None, Sequence[DueDay]], "CheckinReply"]
    """Asks what the flags left open: given the day, the answers so far, the day's
    check-in if it has one, and the promises due."""


@dataclass
class CheckinResult:
    checkin: Checkin
    updated: bool  # the day already had a check-in
    changed: list[str]  # the fields whose value is new; none: nothing was written

    @property
    def action(self) -> str:
        if not self.updated:
            return "created"
        return "updated" if self.changed else "unchanged"


def record_checkin(
    journal: Journal, day: date, answers: CheckinAnswers, now: datetime
) -> CheckinResult:
    """Save a check-in for `day`; a second one that day updates the first (see merge.py).

    An update that changes nothing writes nothing.
    """
    answers = answers.checked()
    given = answers.given()
    with journal.writing():
        existing = find_checkin(journal, day)
        if existing is None:
            checkin = Checkin(id=journal.new_id(), date=day, created=now)
            for name in given:
                setattr(checkin, name, getattr(answers, name))
            journal.write(path_of(journal, checkin), *checkin.to_document())
            return CheckinResult(checkin, updated=False, changed=given)
        checkin, changed = merge(existing[1], answers, now)
        if changed:
            journal.update(existing[0], *checkin.to_document())
    return CheckinResult(checkin, updated=True, changed=changed)


@dataclass
class CheckinReply:
    """What a person answered when asked: the check-in, and the marks of promises due."""

    answers: CheckinAnswers
    marks: list[MarkRequest] = field(default_factory=list)


@dataclass
class CheckinDone:
    saved: CheckinResult
    marks: list[MarkResult]
    today: date
    # Argument topics given that read close to an earlier one (a hint, never a refusal).
    resembles: list[Resemblance] = field(default_factory=list)
    # The one warm line after a hard check-in (domain/care.py); None when not offered.
    support: SupportOffer | None = None

    @property
    def checkin(self) -> Checkin:
        return self.saved.checkin


def check_in(
    journal: Journal,
    day: date,
    reply: CheckinReply,
    today: date,
    now: Callable[[], datetime],
    ask: AskCheckin | None = None,
) -> CheckinDone:
    """Record `day`'s check-in and promise marks; ask for them first if no flag gave any.

    Every promise is checked before anything is written, so one bad id saves
    nothing; the check-in and its marks are then written under one lock.
    """
    if day > today:
        raise InputError(
            f"--date: {day.isoformat()} has not come yet; a check-in records a day "
            "once it has begun."
        )
    answers = reply.answers.checked()
    requests = reply.marks
    if not requests and not [name for name in answers.given() if name != "private"]:
        if ask is None:
            raise InputError(
                "Nothing to record: give at least one answer by flag, "
                "such as --mood 4 or --note TEXT.",
                hint="`trustlog checkin --help` lists them all.",
            )
        from trustlog.domain.promise.standing import due_on

        found = find_checkin(journal, day)
        due = due_on(journal, day) if day <= today else []
        asked = ask(day, answers, found[1] if found else None, due)
        answers, requests = asked.answers.checked(), asked.marks
    planned: list[PlannedMark] = []
    if requests:
        from trustlog.domain.promise.service import plan_marks

        planned = plan_marks(journal, day, requests, today)
    close: list[Resemblance] = []
    if answers.arguments:
        from trustlog.domain.checkin.topics import earlier_topics, resemblances

        close = resemblances(answers.arguments, earlier_topics(journal, day))
    moment = now()
    with journal.writing():
        saved = record_checkin(journal, day, answers, moment)
        marks = _write_marks(journal, planned, moment) if planned else []
        support = offer_support(journal, today, hard_checkin(answers.mood, answers.trust))
    return CheckinDone(saved, marks, today, close, support)


def _write_marks(
    journal: Journal, planned: list[PlannedMark], moment: datetime
) -> list[MarkResult]:
    from trustlog.domain.promise.service import write_marks

    return write_marks(journal, planned, moment)
