"""What more than one command declares the same way: its group, its dates, its ids.

typer reads an option's flag, metavar and help from the parameter's
`Annotated` type, so one alias here is the whole option wherever it is used.
An argument or option whose help names the command's own kind is made by a
function (`entry_id("promise")`), called in the `Annotated`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from trustlog.domain.core import values


def group(*, alone_shows_help: bool = False, **settings: Any) -> typer.Typer:
    """A command with subcommands (`promise`, `agreement`, ...), its help plain like the
    root's: rich help would cost ~45 ms of start-up. `alone_shows_help`: the command
    alone, without a subcommand, shows its help (`help_alone`)."""
    if alone_shows_help:
        settings.update(callback=help_alone, invoke_without_command=True)
    return typer.Typer(rich_markup_mode=None, add_completion=False, **settings)


def runs_alone(subcommands: str) -> typer.Typer:
    """A command that does its work alone and has subcommands too (`trustlog sync`, `sync
    setup`): `subcommands` is what its usage line shows, such as "[setup|status]"."""
    return group(invoke_without_command=True, no_args_is_help=False, subcommand_metavar=subcommands)


def help_alone(ctx: typer.Context) -> None:
    """`trustlog promise` alone is a question, not a mistake: its help, and exit 0."""
    if ctx.invoked_subcommand is None:
        from trustlog.render.stdout import write_stdout

        write_stdout(ctx.get_help() + "\n")
        raise typer.Exit()


def entry_id(kind: str) -> Any:
    """The ID argument of a command about one record of `kind`."""
    return typer.Argument(metavar="ID", help=f"The {kind}'s id (or the start of it).")


def json_flag(help: str) -> Any:
    """--json, with what it prints: "Print the promise as JSON."."""
    return typer.Option("--json", help=help)


FromDay = Annotated[
    str | None,
    typer.Option("--from", metavar="D", help="First day, YYYY-MM-DD.", show_default=False),
]
ToDay = Annotated[
    str | None,
    typer.Option("--to", metavar="D", help="Last day, YYYY-MM-DD.", show_default=False),
]
Force = Annotated[bool, typer.Option("--force", help="Replace the file if it is already there.")]
Json = Annotated[bool, typer.Option("--json", help="Print it as JSON.")]


def days(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """The days --from and --to name (None where not given), each error naming its flag."""
    first = values.parse_date(start, "--from") if start is not None else None
    last = values.parse_date(end, "--to") if end is not None else None
    return first, last
