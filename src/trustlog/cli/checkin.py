"""`trustlog checkin`: the daily check-in, by prompts or by flags.

No `from __future__ import annotations` here: typer reads the command's signature
(twice, and its type hints twice more), and annotations left as strings would be
compiled and evaluated each time, about 2 ms of every check-in (issue 21).
"""

from collections.abc import Sequence
from datetime import date as Day
from functools import partial
from typing import TYPE_CHECKING, Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain.checkin.model import Checkin, CheckinAnswers
from trustlog.domain.checkin.service import CheckinReply, check_in
from trustlog.domain.core import values
from trustlog.render import checkin as render
from trustlog.render import words

if TYPE_CHECKING:
    from trustlog.domain.promise.service import MarkRequest
    from trustlog.domain.promise.standing import DueDay


def checkin(
    ctx: typer.Context,
    date: Annotated[
        str | None,
        options.day("--date", "The day, YYYY-MM-DD (default today)."),
    ] = None,
    mood: Annotated[
        int | None,
        options.value("--mood", "1-5", "How you feel, 1 (very low) to 5 (very good)."),
    ] = None,
    feeling: Annotated[str | None, options.text("--feeling", "Your feelings, in words.")] = None,
    trust: Annotated[
        int | None, options.value("--trust", "0-10", "Trust and ease today, 0 to 10.")
    ] = None,
    grateful: Annotated[
        list[str] | None,
        options.text("--grateful", "Something you appreciate (up to 3; repeat the flag)."),
    ] = None,
    care: Annotated[str | None, options.text("--care", "One small act of care you gave.")] = None,
    affection: Annotated[
        int | None,
        options.value("--affection", "N", "Moments of spontaneous affection (a number)."),
    ] = None,
    detective: Annotated[
        int | None,
        options.value(
            "--detective", "N", "Moments of detective work: checking a phone, a location, a story."
        ),
    ] = None,
    argument: Annotated[
        list[str] | None,
        options.value("--argument", "TOPIC", "What you argued about (repeat for more than one)."),
    ] = None,
    note: Annotated[str | None, options.text("--note", "A free note (Markdown is fine).")] = None,
    private: Annotated[
        bool | None,
        typer.Option(
            "--private/--not-private",
            help="Mark it private: kept out of exports unless --include-private.",
            show_default=False,
        ),
    ] = None,
    kept: Annotated[
        list[str] | None,
        options.value(
            "--kept",
            "PROMISE_ID",
            "A promise you kept that day (its id or the start of it; repeatable).",
        ),
    ] = None,
    broken: Annotated[
        list[str] | None,
        options.value(
            "--broken",
            "PROMISE_ID",
            "A promise you broke that day (repeatable; `promise broken` can add a repair).",
        ),
    ] = None,
    json: Annotated[bool, options.json_flag("Print the saved check-in as JSON.")] = False,
) -> None:
    """The daily check-in: feelings, trust, appreciation, care, and what happened.

    In a terminal with no flags, it asks each question (Enter skips one).
    A second check-in on the same day updates that day's check-in.
    """
    state = get_state(ctx)
    today = state.today()
    given = CheckinReply(
        CheckinAnswers(
            mood=mood,
            feeling=feeling,
            trust=trust,
            grateful=grateful or None,
            care=care,
            affection=affection,
            detective=detective,
            arguments=argument or None,
            note=note,
            private=private,
        ),
        _mark_requests(kept or [], broken or []),
    )
    day = values.parse_date(date, "--date") if date is not None else today
    ask = partial(_ask, state) if state.may_prompt(json) else None
    done = check_in(state.journal, day, given, today, clock.now, ask)
    render.checkin_saved(state.output, done, json=json)


def _mark_requests(kept: list[str], broken: list[str]) -> list["MarkRequest"]:
    if not kept and not broken:
        return []  # a check-in that marks no promise never imports them
    from trustlog.domain.promise.model import BROKEN, KEPT
    from trustlog.domain.promise.service import MarkRequest

    return [MarkRequest(i, KEPT, flag="--kept") for i in kept] + [
        MarkRequest(i, BROKEN, flag="--broken") for i in broken
    ]


def _ask(
    state: State,
    day: Day,
    given: CheckinAnswers,
    existing: Checkin | None,
    due: Sequence["DueDay"],
) -> CheckinReply:
    from trustlog.prompts.checkin import ask_checkin
    from trustlog.prompts.seam import Asker

    today = state.today()
    if existing:
        what = "today" if day == today else f"on {words.full_date(day)}"
        state.output.say(
            f"[muted]You already checked in {what}; Enter keeps each answer, "
            "and what you add joins the rest.[/muted]"
        )
    from trustlog.domain.checkin.topics import earlier_topics
    from trustlog.domain.profile import load_profile

    profile = load_profile(state.journal)
    topics = earlier_topics(state.journal, day)
    return ask_checkin(
        Asker(), given, existing, due, day, today, profile.partner, profile.role, topics
    )
