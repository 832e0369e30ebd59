"""`trustlog remind set|off|status`: a daily reminder to check in, by the system's scheduler."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain import remind as domain
from trustlog.errors import TrustlogError
from trustlog.render import remind as render

app = options.group(
    help="A daily reminder to check in, through your system's own scheduler.",
    invoke_without_command=True,
)

JsonOption = Annotated[bool, options.json_flag("Print the reminder as JSON.")]


@app.callback()
def remind_help(ctx: typer.Context) -> None:
    """A daily reminder to check in, through your system's own scheduler.

    A systemd user timer (a reminder missed while the computer slept comes on
    waking), a launchd agent on macOS, else your crontab. It shows a desktop
    notification with a few discreet words, never anything from your journal,
    and stays quiet on a day you have checked in already.
    """
    options.help_alone(ctx)


@app.command("set")
def set_(
    ctx: typer.Context,
    at: Annotated[str, typer.Argument(metavar="HH:MM", help="The time of day, such as 20:30.")],
    json: JsonOption = False,
) -> None:
    """Remind you every day at HH:MM; setting it again moves it."""
    state = get_state(ctx)
    done = domain.set_reminder(state.journal, domain.parse_time(at))
    render.installed(state.output, done, json)


@app.command("off")
def off(ctx: typer.Context) -> None:
    """Turn the reminder off: remove its job, and nothing else."""
    state = get_state(ctx)
    render.turned_off(state.output, domain.turn_off())


@app.command("status")
def status(ctx: typer.Context, json: JsonOption = False) -> None:
    """Whether a reminder is set, when, and through which scheduler."""
    state = get_state(ctx)
    render.status(state.output, domain.status(), json)


@app.command("now", hidden=True)
def now(
    ctx: typer.Context,
    json: Annotated[bool, options.json_flag("Print what was done as JSON.")] = False,
) -> None:
    """What the scheduler runs: a notification, unless today's check-in is done.

    Decided from file names alone: it never reads an entry, and never asks for
    a passphrase, even of an encrypted journal that is locked.
    """
    state = get_state(ctx)
    state.no_input = True  # run by a scheduler: nobody is there to answer
    today = domain.today(state.journal, _today(state))
    shown = None if today.done else render.notify()
    render.reminded(state.output, today, shown, json)


def _today(state: State) -> date:
    """The journal's day, as its day end defines it; a locked journal's settings cannot
    be read without the passphrase, so its day ends at the default hour."""
    try:
        return state.today()
    except TrustlogError:
        return clock.today(clock.DAY_ENDS)
