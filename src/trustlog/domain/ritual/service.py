"""Recording the week's ritual, planning its times, and how a week stands.

The guided check-in (prompts/ritual.py) and the flags of `ritual log` both
end in `record_ritual`, so the same checks hold however a ritual was given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from trustlog import clock
from trustlog.domain.checkin.model import KIND as CHECKIN
from trustlog.domain.checkin.model import Checkin
from trustlog.domain.core.entry import path_of
from trustlog.domain.core.period import Period, week_period
from trustlog.domain.profile import day_ends, load_profile
from trustlog.domain.ritual.model import (
    DATE,
    KIND,
    MOST_PROCESSING,
    PARTS,
    PLAN,
    REPAIR,
    SLOT_SHOULD_BE,
    Plan,
    Ritual,
    RitualAnswers,
    is_slot,
    parse_slot,
)
from trustlog.errors import InputError
from trustlog.storage.document import damaged
from trustlog.storage.journal import Journal

OFF = "off"  # `ritual plan --repair off` clears a planned time


def parse_part(text: str) -> str:
    part = text.strip().lower()
    if part not in PARTS:
        raise InputError(
            f"'{text}' is not a part of the weekly ritual: please choose repair or date.",
            hint="For example: trustlog ritual log repair --minutes 25",
        )
    return part


def record_ritual(
    journal: Journal, what: str, day: date, answers: RitualAnswers, now: datetime, today: date
) -> Ritual:
    """Save one repair check-in or date on `day` (`today`, the journal's, or earlier)."""
    answers = answers.checked()
    if day > today:
        raise InputError(
            f"--date: {day.isoformat()} has not come yet.",
            hint="Record a ritual once it has happened; `ritual plan` sets the weekly times.",
        )
    if what == DATE:
        asked = [
            name for name in ("facts", "feelings", "progress", "helped") if name in answers.given()
        ]
        if asked:
            raise InputError(
                f"--{asked[0]} belongs to the repair check-in; the date is for no heavy topics.",
                hint="A line about the date fits in --note.",
            )
    with journal.writing():
        ritual = Ritual(
            id=journal.new_id(),
            date=day,
            created=now,
            what=what,
            **{name: getattr(answers, name) for name in answers.given()},
        )
        journal.write(path_of(journal, ritual), *ritual.to_document())
    return ritual


AskRitual = Callable[[RitualAnswers, str | None], RitualAnswers]
"""Walks the two people through the repair check-in: given the answers so far and the stop word."""


def guided_check_in(journal: Journal, ask: AskRitual, now: Callable[[], datetime]) -> Ritual:
    """The repair check-in as a conversation; saved with its minutes and answers."""
    answers = ask(RitualAnswers(), load_profile(journal).stop_word)
    moment = now()
    day = clock.day_of(moment, day_ends(journal))  # a check-in past midnight joins its evening
    return record_ritual(journal, REPAIR, day, answers, moment, day)


# -- the plan ------------------------------------------------------------------------------


@dataclass
class PlanChanges:
    """What `ritual plan` was given: a slot as typed, `off` to clear it; None = not given."""

    repair: str | None = None
    fun_date: str | None = None
    processing: list[str] | None = None

    def given(self) -> bool:
        return any(value is not None for value in (self.repair, self.fun_date, self.processing))


@dataclass
class PlanResult:
    plan: Plan | None
    changed: bool


def _slot_or_off(text: str, flag: str) -> str | None:
    return None if text.strip().lower() == OFF else parse_slot(text, flag)


def load_plan(journal: Journal) -> Plan | None:
    """The weekly plan, if one was set; a hand edit that broke a slot is named with its file."""
    files = journal.undated_files("plans", PLAN)
    if not files:
        return None
    doc = journal.read(files[-1])
    plan = Plan.from_document(doc)
    if not all(is_slot(slot) for slot in plan.processing):
        # A list's items are not checked by its declaration: each is checked here.
        raise damaged(
            files[-1].path, doc.line_of("processing"), f"'processing' should hold {SLOT_SHOULD_BE}"
        )
    return plan


def set_plan(journal: Journal, changes: PlanChanges, today: date, now: datetime) -> PlanResult:
    """Change the planned times given (the others stay); given none, show the plan."""
    repair = _slot_or_off(changes.repair, "--repair") if changes.repair is not None else None
    fun = _slot_or_off(changes.fun_date, "--date") if changes.fun_date is not None else None
    processing: list[str] | None = None
    if changes.processing is not None:
        cleared = [text for text in changes.processing if text.strip().lower() == OFF]
        if cleared and len(changes.processing) > 1:
            raise InputError("--processing: give 'off' alone to clear the processing times.")
        processing = [] if cleared else [parse_slot(t, "--processing") for t in changes.processing]
        if len(processing) > MOST_PROCESSING:
            raise InputError(
                f"--processing: once or twice a week, please (got {len(processing)}).",
                hint="Outside those times, the grounding tools are there: trustlog trigger.",
            )
        processing = list(dict.fromkeys(processing))
    if not changes.given():
        return PlanResult(load_plan(journal), changed=False)
    with journal.writing():
        files = journal.undated_files("plans", PLAN)
        doc = journal.read(files[-1]) if files else None
        plan = (
            Plan.from_document(doc) if doc else Plan(id=journal.new_id(), since=today, created=now)
        )
        before = (plan.repair, plan.fun_date, list(plan.processing))
        if changes.repair is not None:
            plan.repair = repair
        if changes.fun_date is not None:
            plan.fun_date = fun
        if processing is not None:
            plan.processing = processing
        changed = doc is None or before != (plan.repair, plan.fun_date, plan.processing)
        if changed:
            plan.since = today
            if doc is None:
                journal.write(path_of(journal, plan), *plan.to_document())
            else:
                journal.update(doc, *plan.to_document())
    return PlanResult(plan, changed=changed)


# -- a week ----------------------------------------------------------------------------------


@dataclass
class RitualWeek:
    """How one ISO week's ritual stands: what was done, what is planned."""

    week: Period
    rituals: list[Ritual] = field(default_factory=list)
    care_days: int = 0
    plan: Plan | None = None
    ended: bool = False  # the week is over: nothing is "not yet", nothing is still planned

    @property
    def repair(self) -> bool:
        return any(ritual.what == REPAIR for ritual in self.rituals)

    @property
    def date(self) -> bool:
        return any(ritual.what == DATE for ritual in self.rituals)


def rituals_between(journal: Journal, start: date, end: date) -> list[Ritual]:
    found = [Ritual.from_document(journal.read(f)) for f in journal.files_between(start, end, KIND)]
    return sorted(found, key=lambda r: (r.date, r.created, r.id))


def care_days(checkins: list[Checkin]) -> int:
    """The days among these check-ins with an act of care noted."""
    return len({checkin.date for checkin in checkins if checkin.care and checkin.care.strip()})


def week_status(journal: Journal, day: date, today: date | None = None) -> RitualWeek:
    """The ISO week holding `day` (as it stands `today`, by default `day`)."""
    year, number, _ = day.isocalendar()
    week = week_period(year, number)
    checkins = [
        Checkin.from_document(journal.read(f))
        for f in journal.files_between(week.start, week.end, CHECKIN)
    ]
    return RitualWeek(
        week=week,
        rituals=rituals_between(journal, week.start, week.end),
        care_days=care_days(checkins),
        plan=load_plan(journal),
        ended=week.end < (today or day),
    )


def next_time(slot_day: int, after: date) -> date:
    """The first day on or after `after` that falls on weekday `slot_day`."""
    return after + timedelta(days=(slot_day - after.weekday()) % 7)
