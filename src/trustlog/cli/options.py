"""What more than one command declares the same way: its group, its dates, its ids.

typer reads an option's flag, metavar and help from the parameter's
`Annotated` type, so one alias here is the whole option wherever it is used.
An option that differs only in its flag and help is made by a function, called
in the `Annotated`: `options.text("--note", "Why, for you.")` is a TEXT option,
`options.day("--date", ...)` a day, `options.json_flag(...)` the --json of a read,
`entry_id("promise")` the ID argument of a command about one promise. The type
beside it says the rest: `list[str] | None` makes an option repeatable.
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


def value(flag: str, metavar: str, help: str) -> Any:
    """An option that takes a value (`--every DAYS`), with no default shown in the help."""
    return typer.Option(flag, metavar=metavar, help=help, show_default=False)


def text(flag: str, help: str) -> Any:
    """An option that takes a person's words: `--note TEXT`."""
    return typer.Option(flag, metavar="TEXT", help=help)


def text_argument(help: str) -> Any:
    """The words a command records, given as its argument: `promise add TEXT`."""
    return typer.Argument(metavar="TEXT", help=help)


def day(flag: str, help: str) -> Any:
    """An option that names a day, YYYY-MM-DD: `--date D`."""
    return value(flag, "D", help)


def output(metavar: str = "FILE|-") -> Any:
    """--output of a command that writes a file outside the journal (cli/outside.py)."""
    return value(
        "--output",
        metavar,
        "Where to write it; - for stdout (default: a dated name in this folder).",
    )


FromDay = Annotated[str | None, day("--from", "First day, YYYY-MM-DD.")]
ToDay = Annotated[str | None, day("--to", "Last day, YYYY-MM-DD.")]
Force = Annotated[bool, typer.Option("--force", help="Replace the file if it is already there.")]
Json = Annotated[bool, json_flag("Print it as JSON.")]


def days(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """The days --from and --to name (None where not given), each error naming its flag."""
    first = values.parse_date(start, "--from") if start is not None else None
    last = values.parse_date(end, "--to") if end is not None else None
    return first, last
