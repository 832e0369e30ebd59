"""`trustlog support add|list|remove`: your own people and local emergency numbers."""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli.state import get_state
from trustlog.domain import support as domain
from trustlog.render import support as render
from trustlog.render.stdout import write_stdout

app = typer.Typer(
    # Plain help, like the root's: rich help would cost ~45 ms of start-up.
    rich_markup_mode=None,
    add_completion=False,
    help="Your support contacts and local emergency numbers, shown by `trustlog help safety`.",
)


@app.callback(invoke_without_command=True)
def support(ctx: typer.Context) -> None:
    """Your support contacts and local emergency numbers, shown by `trustlog help safety`."""
    if ctx.invoked_subcommand is None:  # `trustlog support` alone: help, and no error
        write_stdout(ctx.get_help() + "\n")
        raise typer.Exit()


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(
            metavar="TEXT", help="A name and a way to reach them, or a local emergency number."
        ),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the saved contact as JSON.")] = False,
) -> None:
    """Add a support contact: someone you trust, a helpline, a local emergency number."""
    state = get_state(ctx)
    contact = domain.add_contact(state.journal, text, clock.now())
    render.contact_added(state.output, contact, json=json)


@app.command("list")
def list_(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print a JSON array of contacts.")] = False,
) -> None:
    """Your support contacts, numbered as `support remove` takes them."""
    state = get_state(ctx)
    render.contact_list(state.output, domain.list_contacts(state.journal), json=json)


@app.command("remove")
def remove(
    ctx: typer.Context,
    number: Annotated[
        str, typer.Argument(metavar="N", help="The contact's number, as `support list` shows it.")
    ],
    json: Annotated[
        bool, typer.Option("--json", help="Print the removed contact as JSON.")
    ] = False,
) -> None:
    """Remove a support contact, by its number in `trustlog support list`."""
    state = get_state(ctx)
    render.contact_removed(state.output, domain.remove_contact(state.journal, number), json=json)
