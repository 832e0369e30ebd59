"""`trustlog support add|list|remove`: your own people and local emergency numbers."""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import get_state
from trustlog.domain import support as domain
from trustlog.render import support as render

app = options.group(
    alone_shows_help=True,
    help="Your support contacts and local emergency numbers, shown by `trustlog help safety`.",
)


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
