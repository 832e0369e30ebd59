"""The questions of `promise add`, and the check-in's question about each promise due."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from trustlog.domain.core import values
from trustlog.domain.promise.model import BROKEN, KEPT
from trustlog.domain.promise.schedule import describe_schedule, parse_every
from trustlog.domain.promise.service import MarkRequest, NewPromise, parse_due
from trustlog.domain.promise.standing import DueDay
from trustlog.errors import InputError
from trustlog.prompts.seam import Ask
from trustlog.render import words

SCHEDULES = (
    ("daily", "Every day"),
    ("weekdays", "Weekdays (Monday to Friday)"),
    ("weekends", "Weekends"),
    ("days", "Chosen days of the week"),
    ("once", "Once, on one day"),
)
NOT_YET = "not-yet"

# Turns an answer into its stored form, or raises InputError saying why it cannot.
_Check = Callable[[str], str]


def ask_new_promise(ask: Ask, given: NewPromise, today: date) -> NewPromise:
    """Ask for what flags did not give. A wrong answer is asked again, never fatal."""
    asked = replace(given)
    while asked.text is None:
        asked.text = ask.text(
            "What do you promise? Small and checkable works best.",
            hint="(for example: text if I'm running late)",
        )
    if asked.every is None and asked.once is None:
        choice = ask.choose("How often?", SCHEDULES, default="daily")
        if choice == "days":
            asked.every = _ask_until_valid(
                ask, "Which days?", "(for example: mon,thu)", parse_every, required=True
            )
        elif choice == "once":
            asked.once = (
                _ask_until_valid(
                    ask,
                    "Which day?",
                    f"(YYYY-MM-DD, Enter for today, {today.isoformat()})",
                    lambda text: values.parse_date(text, "--once").isoformat(),
                    required=False,
                )
                or today.isoformat()
            )
        else:
            asked.every = choice
    if asked.due is None:
        asked.due = _ask_until_valid(
            ask, "Due by a time of day?", "(HH:MM, Enter if not)", parse_due, required=False
        )
    return asked


def _ask_until_valid(
    ask: Ask, message: str, hint: str, check: _Check, required: bool
) -> str | None:
    while True:
        answer = ask.text(message, hint=hint)
        if answer is None:
            if required:
                continue
            return None
        try:
            return check(answer)
        except InputError as error:
            hint = f"({_without_flag(error.message)})"


def _without_flag(message: str) -> str:
    return message.split(": ", 1)[1] if message.startswith("--") and ": " in message else message


def ask_due_promises(ask: Ask, due: Sequence[DueDay]) -> list[MarkRequest]:
    """For each promise due that day: kept, broken (and a repair?), or not yet."""
    requests = []
    for item in due:
        before = item.mark
        choices = [
            (KEPT, "Kept"),
            (BROKEN, "Broken"),
            (NOT_YET, "Leave it as it is" if before else "Not yet"),
        ]
        where = f" ({describe_schedule(item.promise)})" if item.promise.due else ""
        answer = ask.choose(
            f"Your promise “{item.promise.summary()}”{where}:",
            choices,
            default=before.outcome if before else NOT_YET,
        )
        if answer == NOT_YET or (answer == KEPT and before and before.outcome == KEPT):
            continue  # nothing new to record
        repair = None
        if answer == BROKEN:
            repair = ask_repair(ask, before.repair if before else None)
        requests.append(MarkRequest(item.promise.id, answer, repair=repair))
    return requests


def ask_repair(ask: Ask, before: str | None) -> str | None:
    """After a broken promise: the small repair made, if one was (it counts as half kept)."""
    return ask.text(
        "Did you make a small repair?", default=before, hint="(what you did, Enter if not)"
    )


def choose_due(ask: Ask, offered: Sequence[DueDay], outcome: str, today: date) -> DueDay:
    """Which of the promise days offered to mark `outcome` (today's first, then recent ones)."""
    choices = []
    for number, item in enumerate(offered):
        when = "today" if item.date == today else words.short_date(item.date)
        was = f", now {item.mark.outcome}" if item.mark else ""
        choices.append((str(number), f"{item.promise.summary()} · {when}{was}"))
    question = "Which promise did you keep?" if outcome == KEPT else "Which promise was not kept?"
    picked = ask.choose(question, choices, default="0")
    return offered[int(picked)]
