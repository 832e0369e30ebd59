"""The `trustlog` command: global options, the dashboard, and the one error handler."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from trustlog import __version__
from trustlog.cli import apology, checkin, entries, guide, promise, report, setup, trigger
from trustlog.cli.state import get_state
from trustlog.errors import TrustlogError

HELP = """A private companion for rebuilding trust, one small reliable day at a time.

Your journal stays on this machine, in plain text only you can read.
trustlog is not therapy; `trustlog help safety` says when to reach for more help."""


class TrustlogGroup(TyperGroup):
    """Turns the domain's errors, and Ctrl-C, into a kind message and an exit code.

    Exit codes are decided here alone (STYLE.md 3): 1 the journal could not be
    read or written safely, 2 bad input, 130 Ctrl-C.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TrustlogError as error:
            _report(error.message, error.hint)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            _report("Stopped. Nothing was saved.", None)
            raise typer.Exit(130) from None
        except OSError as error:
            where = f" {error.filename}" if error.filename else ""
            _report(f"Could not read or write{where}: {error.strerror}.", "Nothing was changed.")
            raise typer.Exit(1) from None


def _report(message: str, hint: str | None) -> None:
    sys.stderr.write(f"trustlog: {message}\n")
    if hint:
        sys.stderr.write(f"  {hint}\n")


app = typer.Typer(
    cls=TrustlogGroup,
    help=HELP,
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: typer's rich help imports rich, markdown-it and pygments, about
    # 45 ms, which alone would break the start-up budget of `trustlog --help`.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"trustlog {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    journal: Annotated[
        Path | None,
        typer.Option(
            "--journal",
            help="The journal folder (default: $TRUSTLOG_HOME, or your user data folder).",
            show_default=False,
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask questions; use flags only.")
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Plain text without colour.")
    ] = False,
    json: Annotated[
        bool, typer.Option("--json", help="With no command: today's dashboard as JSON.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """With no command: today's dashboard."""
    state = get_state(ctx)
    state.journal_dir = journal
    state.no_input = no_input
    state.output.no_color = no_color
    if ctx.invoked_subcommand is None:
        setup.dashboard(state, json)


app.command("checkin")(checkin.checkin)
app.add_typer(promise.app, name="promise")
app.add_typer(trigger.app, name="trigger")
app.add_typer(apology.apology_app, name="apology")
app.command("entries")(entries.entries)
app.command("show")(entries.show)
app.command("edit")(entries.edit)
app.command("delete")(entries.delete)
app.command("init")(setup.init)
app.command("help")(guide.help_topic)
app.command("report", cls=report.ReportCommand)(report.report)


def main() -> None:
    app(prog_name="trustlog")
