"""`trustlog promise ...`: small, specific promises, each scheduled day kept or broken."""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli.state import get_state
from trustlog.domain.core import values
from trustlog.domain.promise import service as domain
from trustlog.domain.promise.model import BROKEN, KEPT
from trustlog.domain.promise.service import NewPromise
from trustlog.domain.promise.standing import list_promises
from trustlog.render import promise as render

app = typer.Typer(
    # Plain help, like the root's: rich help would cost ~45 ms of start-up.
    rich_markup_mode=None,
    add_completion=False,
    help="Small, specific promises, each scheduled day kept, broken or repaired.",
    invoke_without_command=True,
)


@app.callback()
def promise_help(ctx: typer.Context) -> None:
    """Small, specific promises, each scheduled day kept, broken or repaired."""
    if ctx.invoked_subcommand is None:  # `trustlog promise` alone: help, and no error
        typer.echo(ctx.get_help())
        raise typer.Exit()


IdArgument = Annotated[
    str, typer.Argument(metavar="ID", help="The promise's id (or the start of it).")
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="The day, YYYY-MM-DD (default today).", show_default=False),
]
NoteOption = Annotated[str | None, typer.Option("--note", help="A short note about the day.")]


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str | None, typer.Argument(metavar="TEXT", help="What you promise, in your words.")
    ] = None,
    every: Annotated[
        str | None,
        typer.Option(
            "--every",
            help="daily (the default), weekdays, weekends, or days such as mon,thu.",
            show_default=False,
        ),
    ] = None,
    once: Annotated[
        str | None,
        typer.Option("--once", help="Only on this one day, YYYY-MM-DD.", show_default=False),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", help="The time of day it is due by, HH:MM.", show_default=False),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", help="The first day, YYYY-MM-DD (default today).", show_default=False
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--end", help="The last day, YYYY-MM-DD (default: no end).", show_default=False
        ),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the saved promise as JSON.")] = False,
) -> None:
    """Add a promise. In a terminal with no TEXT, it asks for each part."""
    state = get_state(ctx)
    asked = NewPromise(text=text, every=every, once=once, due=due, start=start, end=end)
    if text is None and state.may_prompt(json):
        from trustlog.prompts.promise import ask_new_promise
        from trustlog.prompts.seam import Asker

        asked = ask_new_promise(Asker(), asked, clock.today())
    promise = domain.add_promise(state.journal, asked, clock.now())
    render.promise_added(state.output, promise, json=json)


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", help="Also show retired and finished promises.")
    ] = False,
    json: Annotated[bool, typer.Option("--json", help="Print a JSON array of promises.")] = False,
) -> None:
    """Your promises: schedule, today, strength, runs of kept days, and the last four weeks."""
    state = get_state(ctx)
    today = clock.today()
    found = list_promises(state.journal, today, include_all=all_)
    render.promise_list(state.output, found, today, include_all=all_, json=json)


@app.command("kept")
def kept(
    ctx: typer.Context,
    promise_id: IdArgument,
    date: DateOption = None,
    note: NoteOption = None,
    json: Annotated[bool, typer.Option("--json", help="Print the saved mark as JSON.")] = False,
) -> None:
    """Mark a promise kept on a day it was due (default today)."""
    _mark(ctx, promise_id, KEPT, date, note, None, json)


@app.command("broken")
def broken(
    ctx: typer.Context,
    promise_id: IdArgument,
    date: DateOption = None,
    note: NoteOption = None,
    repair: Annotated[
        str | None,
        typer.Option("--repair", help="A small act that mended it (it counts as half kept)."),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the saved mark as JSON.")] = False,
) -> None:
    """Mark a promise broken on a day it was due, with a repair if you made one."""
    _mark(ctx, promise_id, BROKEN, date, note, repair, json)


def _mark(
    ctx: typer.Context,
    promise_id: str,
    outcome: str,
    date: str | None,
    note: str | None,
    repair: str | None,
    json: bool,
) -> None:
    state = get_state(ctx)
    now = clock.now()
    day = values.parse_date(date, "--date") if date is not None else now.date()
    result = domain.mark_promise(state.journal, promise_id, outcome, day, now, note, repair)
    render.mark_saved(state.output, result, today=now.date(), json=json)


@app.command("retire")
def retire(
    ctx: typer.Context,
    promise_id: IdArgument,
    json: Annotated[bool, typer.Option("--json", help="Print the promise as JSON.")] = False,
) -> None:
    """Retire a promise: no more asking about it. Its history stays (`promise list --all`)."""
    state = get_state(ctx)
    result = domain.retire_promise(state.journal, promise_id, clock.today())
    render.promise_retired(state.output, result, json=json)
