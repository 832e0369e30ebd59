"""`trustlog checkin`: the daily check-in, by prompts or by flags."""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli.state import get_state
from trustlog.domain.checkin.model import CheckinAnswers, find_checkin, record_checkin
from trustlog.domain.core import values
from trustlog.domain.promise.model import BROKEN, KEPT
from trustlog.domain.promise.service import MarkRequest, plan_marks, write_marks
from trustlog.domain.promise.standing import due_on
from trustlog.errors import InputError
from trustlog.render import checkin as render


def checkin(
    ctx: typer.Context,
    date: Annotated[
        str | None,
        typer.Option("--date", help="The day, YYYY-MM-DD (default today).", show_default=False),
    ] = None,
    mood: Annotated[
        int | None, typer.Option("--mood", help="How you feel, 1 (very low) to 5 (very good).")
    ] = None,
    feeling: Annotated[
        str | None, typer.Option("--feeling", help="Your feelings, in words.")
    ] = None,
    trust: Annotated[
        int | None, typer.Option("--trust", help="Trust and ease today, 0 to 10.")
    ] = None,
    grateful: Annotated[
        list[str] | None,
        typer.Option("--grateful", help="Something you appreciate (up to 3; repeat the flag)."),
    ] = None,
    care: Annotated[
        str | None, typer.Option("--care", help="One small act of care you gave.")
    ] = None,
    affection: Annotated[
        int | None, typer.Option("--affection", help="Moments of spontaneous affection (a number).")
    ] = None,
    detective: Annotated[
        int | None,
        typer.Option(
            "--detective", help="Moments of detective work: checking a phone, a location, a story."
        ),
    ] = None,
    argument: Annotated[
        list[str] | None,
        typer.Option("--argument", help="What you argued about (repeat for more than one)."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="A free note (Markdown is fine).")
    ] = None,
    private: Annotated[
        bool | None,
        typer.Option(
            "--private/--not-private",
            help="Leave this check-in out of exports.",
            show_default=False,
        ),
    ] = None,
    kept: Annotated[
        list[str] | None,
        typer.Option(
            "--kept",
            metavar="PROMISE_ID",
            help="A promise you kept that day (its id or the start of it; repeatable).",
        ),
    ] = None,
    broken: Annotated[
        list[str] | None,
        typer.Option(
            "--broken",
            metavar="PROMISE_ID",
            help="A promise you broke that day (repeatable; `promise broken` can add a repair).",
        ),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the saved check-in as JSON.")] = False,
) -> None:
    """The daily check-in: feelings, trust, appreciation, care, and what happened.

    In a terminal with no flags, it asks each question (Enter skips one).
    A second check-in on the same day updates that day's check-in.
    """
    state = get_state(ctx)
    today = clock.today()
    day = values.parse_date(date, "--date") if date is not None else today
    answers = CheckinAnswers(
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
    ).checked()
    journal = state.journal
    requests = [MarkRequest(i, KEPT, flag="--kept") for i in kept or []] + [
        MarkRequest(i, BROKEN, flag="--broken") for i in broken or []
    ]
    if not requests and not [name for name in answers.given() if name != "private"]:
        if not state.may_prompt(json):
            raise InputError(
                "Nothing to record: give at least one answer by flag, "
                "such as --mood 4 or --note TEXT.",
                hint="`trustlog checkin --help` lists them all.",
            )
        from trustlog.prompts.checkin import ask_checkin
        from trustlog.prompts.seam import Asker

        found = find_checkin(journal, day)
        if found:
            state.output.say(
                f"[muted]You already checked in on {day.isoformat()}; "
                "Enter keeps an answer.[/muted]"
            )
        due = due_on(journal, day) if day <= today else []
        reply = ask_checkin(Asker(), answers, found[1] if found else None, due)
        answers, requests = reply.answers.checked(), reply.marks
    # Every promise is checked before anything is written: one bad id saves nothing.
    planned = plan_marks(journal, day, requests, today)
    now = clock.now()
    with journal.writing():
        result = record_checkin(journal, day, answers, now)
        marks = write_marks(journal, planned, now)
    if json:
        state.output.json(
            {
                **result.checkin.to_json(),
                "action": "updated" if result.updated else "created",
                "promises": [
                    {**m.mark.to_json(), "action": "updated" if m.replaced else "created"}
                    for m in marks
                ],
            }
        )
        return
    render.checkin_saved(state.output, result, today_is=day == today)
    if marks:
        from trustlog.render.promise import marks_saved

        marks_saved(state.output, marks, today)
