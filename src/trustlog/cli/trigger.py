"""`trustlog trigger`: the grounding routine, and `trustlog trigger resolve ID`.

`trigger` is both a command and a group: its options live on the group's
callback (run when no subcommand is named), and `resolve` is its one
subcommand. typer runs the callback before `resolve` too, so the callback
steps aside then.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain.core import values
from trustlog.domain.trigger.breathing import PACES, Pace, parse_pace
from trustlog.domain.trigger.service import (
    BREATHE_RANGE,
    DEFAULT_BREATHE_SECONDS,
    TriggerAnswers,
    check_breathe,
    check_times,
    log_trigger,
    resolve_trigger,
)
from trustlog.errors import InputError
from trustlog.render import trigger as render

app = options.runs_alone("[resolve ID]")

TIME = "'YYYY-MM-DD HH:MM', local time"


@app.callback()
def trigger(
    ctx: typer.Context,
    at: Annotated[
        str | None,
        options.value("--at", "T", f"When it flared up, {TIME} (default now)."),
    ] = None,
    what: Annotated[str | None, options.text("--what", "What flared up, in a few words.")] = None,
    intensity: Annotated[
        int | None,
        options.value("--intensity", "0-10", "How intense it felt, 0 to 10."),
    ] = None,
    facts: Annotated[str | None, options.text("--facts", "What happened: just the facts.")] = None,
    guesses: Annotated[
        str | None,
        options.text("--guesses", "What you guessed or feared it meant."),
    ] = None,
    reassurance: Annotated[
        str | None,
        options.text("--reassurance", "Reassurance or information that would help."),
    ] = None,
    repair: Annotated[
        str | None,
        options.text("--repair", "A tiny repair: a hug, a check-in, a change of plan."),
    ] = None,
    resolved_at: Annotated[
        str | None,
        options.value("--resolved-at", "T", f"When it settled, {TIME}."),
    ] = None,
    breathe: Annotated[
        int | None,
        typer.Option(
            "--breathe",
            metavar="SECONDS",
            help=(
                f"Breathe this long with the timer (default {DEFAULT_BREATHE_SECONDS}; "
                f"{BREATHE_RANGE[0]}–{BREATHE_RANGE[1]}). Without the timer: seconds you breathed."
            ),
            show_default=False,
        ),
    ] = None,
    pace: Annotated[
        str | None,
        options.value(
            "--pace",
            "|".join(PACES),
            "steady (5 s in, 5 s out) or calm (4 s in, 6 s out); asked if not given.",
        ),
    ] = None,
    no_timer: Annotated[bool, typer.Option("--no-timer", help="Skip the breathing timer.")] = False,
    private: Annotated[
        bool,
        typer.Option(
            "--private", help="Mark it private: kept out of exports unless --include-private."
        ),
    ] = False,
    json: Annotated[bool, options.json_flag("Print the saved trigger as JSON.")] = False,
) -> None:
    """When old pain flares up: name it, breathe, sort facts from guesses, repair.

    In a terminal it walks you through the routine, with a breathing timer
    (Enter skips it, Ctrl-C ends it and the routine goes on); questions
    answered by a flag are not asked. Without a terminal, give flags.
    `trustlog trigger resolve ID` marks it settled later.
    """
    if ctx.invoked_subcommand is not None:
        given = [name for name, value in ctx.params.items() if value not in (None, False)]
        if given:
            raise InputError(
                f"--{given[0].replace('_', '-')} belongs to a new trigger, not to "
                f"`trigger {ctx.invoked_subcommand}`.",
                hint="Run them as two commands.",
            )
        return
    state = get_state(ctx)
    now = clock.now()
    answers = TriggerAnswers(
        at=values.parse_time(at, "--at") if at is not None else None,
        what=what,
        intensity=intensity,
        facts=facts,
        guesses=guesses,
        reassurance=reassurance,
        repair=repair,
        resolved_at=values.parse_time(resolved_at, "--resolved-at")
        if resolved_at is not None
        else None,
        private=private or None,
    )
    answers = check_times(answers.checked(), now)
    seconds = check_breathe(breathe) if breathe is not None else None
    chosen_pace = parse_pace(pace) if pace is not None else None
    prompting = state.may_prompt(json)
    timer = prompting and not no_timer
    if not timer and seconds is not None:
        # No timer to pace it: the seconds are ones breathed on your own.
        answers.breathed_seconds = seconds
    ask = partial(_routine, state, timer, seconds, chosen_pace, now) if prompting else None
    saved = log_trigger(state.journal, answers, clock.now, ask)
    render.trigger_saved(state.output, saved, json=json)


def _routine(
    state: State,
    timer: bool,
    seconds: int | None,
    pace: Pace | None,
    started: datetime,
    answers: TriggerAnswers,
    stop_word: str | None,
) -> TriggerAnswers:
    from trustlog.domain.profile import load_profile
    from trustlog.prompts.seam import Asker
    from trustlog.prompts.trigger import ask_trigger
    from trustlog.render.console import Text

    output = state.output

    def breathe_along(length: int, chosen: Pace) -> int:
        from trustlog.render.breathing import breathe

        return round(breathe(output, length, chosen).seconds)

    return ask_trigger(
        Asker(),
        replace(answers, at=answers.at or started),
        stop_word=stop_word,
        breathe=breathe_along if timer else None,
        seconds=seconds or DEFAULT_BREATHE_SECONDS,
        pace=pace,
        say=lambda text: output.err.print(Text(text)),
        now=clock.now,
        role=load_profile(state.journal).role,
    )


@app.command("resolve")
def resolve(
    ctx: typer.Context,
    trigger_id: Annotated[str, options.entry_id("trigger")],
    at: Annotated[
        str | None,
        options.value("--at", "T", f"When it settled, {TIME} (default now)."),
    ] = None,
    json: Annotated[bool, options.json_flag("Print the trigger as JSON.")] = False,
) -> None:
    """Mark a trigger settled: now, or at --at. Recovery time is settled minus started."""
    state = get_state(ctx)
    moment = values.parse_time(at, "--at") if at is not None else None
    result = resolve_trigger(state.journal, trigger_id, moment, clock.now())
    render.trigger_resolved(state.output, result, json=json)
