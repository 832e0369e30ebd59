"""Recording a trigger and marking it settled.

The routine (prompts/trigger.py) and the flags both end here, so the same
checks hold however a trigger was given: intensity 0–10, nothing in the
future, and never settled before it started.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import ClassVar

from trustlog import clock
from trustlog.domain.care import SupportOffer, offer_support, strong_unsettled
from trustlog.domain.core import values
from trustlog.domain.core.entry import entry_file_of, path_of
from trustlog.domain.core.fields import Answers
from trustlog.domain.profile import load_profile
from trustlog.domain.trigger.model import KIND, Trigger
from trustlog.errors import InputError
from trustlog.storage.journal import Journal

# `--breathe`: the timer's length, or seconds breathed without it. An hour is
# far past the 3–5 minutes of slow shared breathing the practice suggests.
BREATHE_RANGE = (1, 3600)
DEFAULT_BREATHE_SECONDS = 30


@dataclass
class TriggerAnswers(Answers):
    """What a person gave for a trigger, by flag or by answering the routine; None = not given."""

    model: ClassVar[type] = Trigger
    at: datetime | None = None
    what: str | None = None
    intensity: int | None = None
    breathed_seconds: int | None = None
    facts: str | None = None
    guesses: str | None = None
    reassurance: str | None = None
    repair: str | None = None
    resolved_at: datetime | None = None
    private: bool | None = None

    def given(self) -> list[str]:
        """The answers that say something about the trigger (not just when, or privacy)."""
        return [name for name in super().given() if name not in ("at", "private")]


def check_breathe(seconds: int) -> int:
    return values.in_range(seconds, *BREATHE_RANGE, "--breathe")


def settled_time(at: datetime, resolved_at: datetime, flag: str) -> datetime:
    """`resolved_at`, checked against the start `at`.

    A time typed to the minute may fall a few seconds before a start the
    routine took from the clock (20:00 against 20:00:35): that is the same
    minute, so it counts as settled at once rather than as an error.
    """
    if resolved_at >= at:
        return resolved_at
    if resolved_at >= at.replace(second=0, microsecond=0):
        return at
    raise InputError(
        f"{flag}: {_local(resolved_at)} is before the trigger started ({_local(at)}).",
        hint="Settling comes after the start: please check the times (--at gives the start).",
    )


def not_in_future(moment: datetime, now: datetime, flag: str) -> datetime:
    # Typed times carry minutes only, so "now" is compared to the minute as well.
    if moment > now.replace(second=59, microsecond=999999):
        raise InputError(
            f"{flag}: {_local(moment)} has not come yet (it is {_local(now)} now).",
            hint="Please give a time that has already passed.",
        )
    return moment


def check_times(answers: TriggerAnswers, now: datetime) -> TriggerAnswers:
    """Check `--at` and `--resolved-at` before anything is asked, so no routine is wasted."""
    at = not_in_future(answers.at, now, "--at") if answers.at is not None else None
    resolved_at = answers.resolved_at
    if resolved_at is not None:
        not_in_future(resolved_at, now, "--resolved-at")
        resolved_at = settled_time(at or now, resolved_at, "--resolved-at")
    return replace(answers, at=at, resolved_at=resolved_at)


def record_trigger(journal: Journal, answers: TriggerAnswers, now: datetime) -> Trigger:
    """Save a new trigger; it started at `answers.at`, or now."""
    return _record(journal, answers, now).trigger


@dataclass
class TriggerLogged:
    trigger: Trigger
    # The one warm line after a strong flare-up not settled (domain/care.py); None if not.
    support: SupportOffer | None = None


def _record(journal: Journal, answers: TriggerAnswers, now: datetime) -> TriggerLogged:
    answers = check_times(answers.checked(), now)
    with journal.writing():
        trigger = Trigger(
            id=journal.new_id(),
            at=answers.at or now,
            private=bool(answers.private),
            **{name: getattr(answers, name) for name in answers.given()},
        )
        journal.write(path_of(journal, trigger), *trigger.to_document())
        today = clock.day_of(now, load_profile(journal).day_end)
        strong = strong_unsettled(trigger.intensity, trigger.resolved_at is not None)
        support = offer_support(journal, today, strong)
    return TriggerLogged(trigger, support)


@dataclass
class Resolved:
    trigger: Trigger
    previous: datetime | None
    """When it had been marked settled before this (None if it was open)."""
    changed: bool


def resolve_trigger(
    journal: Journal, trigger_id: str, resolved_at: datetime | None, now: datetime
) -> Resolved:
    """Mark a trigger settled at `resolved_at` (or now).

    A trigger already settled keeps its time unless a new one is given:
    resolving it again by mistake days later must not turn a 20-minute
    recovery into a three-day one. Given `--at`, the person is correcting it.
    """
    with journal.writing():
        entry_file = journal.find(trigger_id, KIND)
        doc = journal.read(entry_file)
        entry_file_of(doc, entry_file)
        trigger = Trigger.from_document(doc)
        previous = trigger.resolved_at
        if previous is not None and resolved_at is None:
            return Resolved(trigger, previous, changed=False)
        moment = not_in_future(resolved_at, now, "--at") if resolved_at is not None else now
        trigger = replace(trigger, resolved_at=settled_time(trigger.at, moment, "--at"))
        journal.update(doc, *trigger.to_document())
    return Resolved(trigger, previous, changed=True)


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


# -- the routine, start to end ---------------------------------------------------

AskTrigger = Callable[[TriggerAnswers, str | None], TriggerAnswers]
"""Walks the person through the routine: given the answers so far and the agreed stop word."""


def log_trigger(
    journal: Journal,
    answers: TriggerAnswers,
    now: Callable[[], datetime],
    ask: AskTrigger | None = None,
) -> TriggerLogged:
    """Record a trigger: after the routine when it may ask, else from what flags gave."""
    if ask is not None:
        answers = ask(answers, load_profile(journal).stop_word)
    elif not answers.given():
        raise InputError(
            "Nothing to record: say what flared up with --what TEXT, or give another answer.",
            hint="`trustlog trigger --help` lists them all.",
        )
    return _record(journal, answers, now())
