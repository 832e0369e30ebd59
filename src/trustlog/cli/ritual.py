"""`trustlog ritual`: the guided repair check-in; `ritual log`, `ritual plan`, `ritual status`.

`ritual` is both a command and a group, like `trigger`: alone, in a
terminal, it runs the weekly repair check-in as a conversation; its
subcommands record a part by flags, plan the weekly times, and show a week.
"""

from __future__ import annotations

import time
from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain.core import values
from trustlog.domain.ritual.model import RitualAnswers
from trustlog.domain.ritual.service import (
    PlanChanges,
    guided_check_in,
    parse_part,
    record_ritual,
    set_plan,
    week_status,
)
from trustlog.errors import InputError
from trustlog.render import ritual as render

app = options.runs_alone("[log|plan|status]")

SLOT = '"DAY HH:MM"'


@app.callback()
def ritual(ctx: typer.Context) -> None:
    """The weekly connection ritual: a repair check-in, a date, small acts of care.

    Alone, in a terminal: the repair check-in as a guided conversation, four
    questions one at a time, with a gentle timer and your stop word shown
    (Ctrl-C keeps what was said). `ritual log` records a part by flags,
    `ritual plan` sets the weekly times, `ritual status` shows a week.
    """
    if ctx.invoked_subcommand is not None:
        return
    state = get_state(ctx)
    if not state.may_prompt():
        raise InputError(
            "The guided check-in needs a terminal to ask its questions.",
            hint="To record one by flags: trustlog ritual log repair --minutes 25",
        )
    started = time.monotonic()
    saved = guided_check_in(
        state.journal, lambda given, stop: _conversation(state, given, stop, started), clock.now
    )
    render.ritual_saved(state.output, saved)


def _conversation(
    state: State, given: RitualAnswers, stop_word: str | None, started: float
) -> RitualAnswers:
    from trustlog.prompts.ritual import ask_ritual
    from trustlog.prompts.seam import Asker
    from trustlog.render.console import Text

    output = state.output
    return ask_ritual(
        Asker(),
        given,
        stop_word=stop_word,
        say=lambda text: output.err.print(Text(text)),
        elapsed=lambda: time.monotonic() - started,
        aside=lambda text: output.err.print(Text(text, style="muted")),
    )


@app.command("log")
def log(
    ctx: typer.Context,
    part: Annotated[
        str, typer.Argument(metavar="repair|date", help="Which part of the week's ritual.")
    ],
    date: Annotated[
        str | None,
        options.day("--date", "The day, YYYY-MM-DD (default today)."),
    ] = None,
    minutes: Annotated[
        int | None, options.value("--minutes", "N", "How long it took, in minutes.")
    ] = None,
    facts: Annotated[
        str | None,
        options.text("--facts", "Repair: what happened this week, plainly."),
    ] = None,
    feelings: Annotated[
        str | None,
        options.text("--feelings", "Repair: how the week felt."),
    ] = None,
    progress: Annotated[
        str | None,
        options.text("--progress", "Repair: what is moving, what is stuck."),
    ] = None,
    helped: Annotated[
        str | None,
        options.text("--helped", "Repair: what helped this week."),
    ] = None,
    note: Annotated[str | None, options.text("--note", "A line about it.")] = None,
    private: Annotated[
        bool, typer.Option("--private", help="Mark it private: kept out of exports.")
    ] = False,
    json: Annotated[bool, options.json_flag("Print the saved ritual as JSON.")] = False,
) -> None:
    """Record a repair check-in or a date, by flags."""
    state = get_state(ctx)
    now = clock.now()
    what = parse_part(part)
    day = values.parse_date(date, "--date") if date is not None else state.today()
    answers = RitualAnswers(
        minutes=minutes,
        facts=facts,
        feelings=feelings,
        progress=progress,
        helped=helped,
        note=note,
        private=private or None,
    )
    saved = record_ritual(state.journal, what, day, answers, now, state.today())
    render.ritual_saved(state.output, saved, json=json)


@app.command("plan")
def plan(
    ctx: typer.Context,
    repair: Annotated[
        str | None,
        typer.Option(
            "--repair",
            metavar=SLOT,
            help='The weekly repair check-in, such as "sun 19:00" (off: none).',
        ),
    ] = None,
    fun_date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar=SLOT, help='The weekly date, such as "fri 19:30" (off: none).'
        ),
    ] = None,
    processing: Annotated[
        list[str] | None,
        options.value(
            "--processing",
            SLOT,
            "A set time for talking about the betrayal, once or twice a week "
            "(repeat the flag; off: none).",
        ),
    ] = None,
    json: Annotated[bool, options.json_flag("Print the plan as JSON.")] = False,
) -> None:
    """Set the weekly times; with no flags, show them.

    Times are local, "DAY HH:MM" such as "sun 19:00"; off clears one.
    """
    state = get_state(ctx)
    now = clock.now()
    changes = PlanChanges(repair=repair, fun_date=fun_date, processing=processing)
    result = set_plan(state.journal, changes, state.today(), now)
    render.plan_shown(state.output, result, json=json)


@app.command("status")
def status(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        options.value("--week", "YYYY-Www", "An ISO week, such as 2026-W48 (default this week)."),
    ] = None,
    json: Annotated[bool, options.json_flag("Print the week as JSON.")] = False,
) -> None:
    """How a week stands: repair check-in, date, days of care.

    Care days are the check-in days of that week with an act of care (--care).
    """
    from datetime import date as Day

    state = get_state(ctx)
    today = day = state.today()
    if week is not None:
        year, number = values.parse_week(week, "--week")
        day = Day.fromisocalendar(year, number, 1)
    render.week_status(state.output, week_status(state.journal, day, today), json=json)
