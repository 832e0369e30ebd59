"""The `trustlog` command: global options, the dashboard, and the one error handler."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer
from typer import _click as click  # typer carries its own click
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

from trustlog import __version__
from trustlog.errors import InputError, Stopped, TrustlogError
from trustlog.render.safe import visible

HELP = """A private companion for rebuilding trust, one small reliable day at a time.

Your journal stays on this machine, in plain text only you can read.
trustlog is not therapy; `trustlog help safety` says when to reach for more help."""


# click's protocol: the shell's completion script runs `trustlog` with this set.
COMPLETE_VAR = "_TRUSTLOG_COMPLETE"


class Lazy(NamedTuple):
    """A command whose module is imported only when that command runs (or shows its help).

    Importing every command's module, and letting typer inspect every signature,
    cost about 40 ms on each start; `trustlog checkin` needs only its own.
    `summary` is the line `trustlog --help` shows without importing anything;
    a test checks it matches the command's own help. (A NamedTuple, not a dataclass:
    `--help` then needs neither dataclasses nor the command state, about 6 ms.)
    """

    module: str
    attribute: str
    summary: str
    command_class: str | None = None

    def load(self, name: str) -> Any:
        module = importlib.import_module(self.module)
        target = getattr(module, self.attribute)
        if not isinstance(target, typer.Typer):
            holder = typer.Typer(rich_markup_mode=None, add_completion=False)
            cls = getattr(module, self.command_class) if self.command_class else None
            holder.command(name, cls=cls)(target)
            target = holder
        command = typer.main.get_command(target)
        command.name = name
        _plain_usage(command)
        if COMPLETE_VAR in os.environ:  # the shell asks what Tab may offer (cli/complete.py)
            from trustlog.cli.complete import attach

            attach(command)
        return command


class PlainFormatter(click.HelpFormatter):
    """Help whose usage line names a required argument as `ID` (or `repair|date`), not `{ID}`.

    Every placeholder then reads one way (TEXT, N, D, T, ID), as CONTRACT.md
    writes them.
    """

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        import re

        super().write_usage(prog, re.sub(r"\{([A-Za-z_|]+)\}", r"\1", args), prefix)


class PlainContext(click.Context):
    formatter_class = PlainFormatter


def _plain_usage(command: Any) -> None:
    command.context_class = PlainContext
    for sub in getattr(command, "commands", {}).values():
        _plain_usage(sub)


COMMANDS = {
    "checkin": Lazy(
        "trustlog.cli.checkin",
        "checkin",
        "The daily check-in: feelings, trust, appreciation, care, and what happened.",
    ),
    "promise": Lazy(
        "trustlog.cli.promise",
        "app",
        "Small, specific promises, each scheduled day kept, broken or repaired.",
    ),
    "trigger": Lazy(
        "trustlog.cli.trigger",
        "app",
        "When old pain flares up: name it, breathe, sort facts from guesses, repair.",
    ),
    "apology": Lazy(
        "trustlog.cli.apology",
        "apology_app",
        "The four-part apology: what I did, how it hurt you, my responsibility, my amends.",
    ),
    "contract": Lazy(
        "trustlog.cli.contract",
        "app",
        "The repair contract: three commitments each, support, what breaks it, the revisit.",
    ),
    "agreement": Lazy(
        "trustlog.cli.agreement",
        "app",
        "Specific agreements by area, each with its history; vague wording is pointed out.",
    ),
    "support": Lazy(
        "trustlog.cli.support",
        "app",
        "Your support contacts and local emergency numbers, shown by `trustlog help safety`.",
    ),
    "ritual": Lazy(
        "trustlog.cli.ritual",
        "app",
        "The weekly connection ritual: a repair check-in, a date, small acts of care.",
    ),
    "calendar": Lazy(
        "trustlog.cli.calendar",
        "calendar",
        "Reminders for your own calendar app: the ritual's times and promises due.",
    ),
    "remind": Lazy(
        "trustlog.cli.remind",
        "app",
        "A daily reminder to check in, through your system's own scheduler.",
    ),
    "catchup": Lazy(
        "trustlog.cli.catchup",
        "catchup",
        "Catch up on promise days not yet recorded, from the last 14 days.",
    ),
    "report": Lazy(
        "trustlog.cli.report",
        "report",
        "How things are going: the progress markers, beside the period before.",
        command_class="ReportCommand",
    ),
    "export": Lazy(
        "trustlog.cli.export",
        "export",
        "Export your journal for a therapist, a spreadsheet, or safe keeping.",
    ),
    "import": Lazy(
        "trustlog.cli.imports",
        "app",
        "Bring entries in: a trustlog export (json), or jrnl's --export json.",
    ),
    "entries": Lazy("trustlog.cli.entries", "entries", "List entries, oldest first."),
    "show": Lazy("trustlog.cli.entries", "show", "Show one entry."),
    "edit": Lazy(
        "trustlog.cli.entries",
        "edit",
        "Edit one entry in $VISUAL or $EDITOR; it is checked before it replaces anything.",
    ),
    "delete": Lazy("trustlog.cli.entries", "delete", "Delete one entry (asks first)."),
    "encrypt": Lazy(
        "trustlog.cli.encryption",
        "encrypt",
        "Encrypt the whole journal (age format); asks for a new passphrase twice.",
    ),
    "decrypt": Lazy(
        "trustlog.cli.encryption",
        "decrypt",
        "Turn an encrypted journal back into plain text; asks for the passphrase.",
    ),
    "unlock": Lazy(
        "trustlog.cli.encryption",
        "unlock",
        "Open an encrypted journal for a while, so commands need no passphrase.",
    ),
    "lock": Lazy(
        "trustlog.cli.encryption",
        "lock",
        "Lock the journal at once, ending the session `trustlog unlock` opened.",
    ),
    "sync": Lazy(
        "trustlog.cli.sync",
        "app",
        "Sync this journal with your other devices, through a git repository you choose.",
    ),
    "partner": Lazy(
        "trustlog.cli.partner",
        "app",
        "Your partner: your code to give them, theirs to add, what they shared with you.",
    ),
    "share": Lazy(
        "trustlog.cli.partner",
        "share",
        "Share what you choose with your partner: a file sealed for them alone, and signed.",
    ),
    "receive": Lazy(
        "trustlog.cli.partner",
        "receive",
        "Bring in a share your partner made for you; it is kept apart from your own entries.",
    ),
    "init": Lazy(
        "trustlog.cli.profile",
        "init",
        "Optional personal set-up: your names, your role, your stop word, when your day ends.",
    ),
    "help": Lazy(
        "trustlog.cli.guide",
        "help_topic",
        "Help on a topic: safety (when to reach for more help), privacy, and how things work.",
    ),
}


class TrustlogGroup(TyperGroup):
    """The root command: lazy subcommands, and the one error handler.

    It turns the domain's errors, and Ctrl-C, into a kind message and an exit
    code. Exit codes are decided here alone (STYLE.md 3): 1 the journal could
    not be read or written safely, 2 bad input, 130 Ctrl-C.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, name: str) -> Any:
        lazy = COMMANDS.get(name)
        return lazy.load(name) if lazy else None

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """Command names for Tab, described by their summaries: no command module is
        imported to offer its name."""
        from typer._click.core import Command
        from typer._click.shell_completion import CompletionItem

        found = [
            CompletionItem(name, help=lazy.summary)
            for name, lazy in COMMANDS.items()
            if name.startswith(incomplete)
        ]
        # The root's own options (after `-`), as click offers them.
        return found + Command.shell_complete(self, ctx, incomplete)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, lazy.summary) for name, lazy in COMMANDS.items()])

    def make_context(self, info_name: Any, args: list[str], *rest: Any, **kwargs: Any) -> Any:
        try:
            _refuse_undecodable(args)
        except TrustlogError as error:
            _report(error.message, error.hint)
            raise typer.Exit(error.exit_code) from None
        try:
            return super().make_context(info_name, args, *rest, **kwargs)
        except ClickException as error:
            raise _made_visible(error) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            done = super().invoke(ctx)
            from trustlog.render.stdout import naming_stdout

            with naming_stdout():  # what is still buffered: a failure now is named too
                sys.stdout.flush()
            return done
        except ClickException as error:
            raise _made_visible(error) from None
        except TrustlogError as error:
            _report(error.message, error.hint)
            raise typer.Exit(error.exit_code) from None
        except Stopped as stopped:  # Ctrl-C with part of the work on disk
            _report(stopped.message, None)
            raise typer.Exit(130) from None
        except KeyboardInterrupt:
            _report("Stopped. Nothing was saved.", None)
            raise typer.Exit(130) from None
        except OSError as error:
            from trustlog.storage.change import Unfinished  # only when something failed

            where = f" {error.filename}" if error.filename else ""
            # A change either failed before its record landed (nothing changed), or
            # after: then part of it is on disk and the next command completes it.
            hint = (
                "Part of this change is saved; the next trustlog command completes it."
                if isinstance(error, Unfinished)
                else "Nothing was changed."
            )
            said = f"Could not read or write{where}"
            if error.filename == "standard output":  # render/stdout.py names it so
                from trustlog.storage.outside import give_up_stdout

                said = "Could not write to standard output"
                give_up_stdout()
            _report(f"{said}: {error.strerror}.", hint)
            raise typer.Exit(1) from None


def _report(message: str, hint: str | None) -> None:
    from trustlog.render import layout

    # Messages echo what was typed, or a file's name: never raw to the terminal.
    # Wrapped only for a person at a terminal: a script, or a log, gets each
    # message whole on one line, whatever COLUMNS says.
    columns = layout.width(sys.stderr) if layout.is_terminal(sys.stderr) else None
    sys.stderr.write(layout.wrap(f"trustlog: {visible(message)}", columns) + "\n")
    if hint:
        sys.stderr.write(layout.wrap(f"  {visible(hint)}", columns) + "\n")


def _refuse_undecodable(args: list[str]) -> None:
    """Bytes that are not UTF-8 (which Python hands over as lone surrogates) are bad input.

    Saved, they could not be written back as text; refused here, before
    anything is opened, nothing is created. A folder's name may be any bytes.
    """
    for index, arg in enumerate(args):
        if not any("\udc80" <= char <= "\udcff" for char in arg):
            continue
        before = args[index - 1] if index else ""
        if before in ("--journal",) or arg.startswith("--journal="):
            continue
        if arg.startswith("-") and "=" in arg:
            flag, arg = arg.split("=", 1)
        elif before.startswith("-"):
            flag = before
        else:
            flag = ""
        shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise InputError(
            f"{flag + ': ' if flag else ''}'{shown}' has bytes that are not UTF-8 text, "
            "so it cannot be saved.",
            hint="Please type it again; your terminal may be set to another character set. "
            "Nothing was saved.",
        )


def _made_visible(error: ClickException) -> ClickException:
    """click's own usage errors quote the typed value: made safe like ours."""
    error.message = visible(error.message)
    return error


app = typer.Typer(
    cls=TrustlogGroup,
    help=HELP,
    invoke_without_command=True,
    no_args_is_help=False,
    # typer's own `--install-completion` and `--show-completion` (CONTRACT.md,
    # "Shell completion"); what Tab offers is cli/complete.py, loaded only then.
    add_completion=True,
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
        str | None,
        typer.Option(
            "--journal",
            metavar="DIR",
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
    from trustlog.cli.state import get_state

    state = get_state(ctx)
    if journal is not None and not journal.strip():
        # Path("") is the current folder: a journal would be made wherever this ran.
        raise InputError(
            "--journal: please give the journal's folder; an empty name would make a "
            "journal of the current folder. Nothing was changed."
        )
    state.journal_dir = None if journal is None else Path(journal)
    state.no_input = no_input
    state.output.no_color = no_color
    if ctx.invoked_subcommand is None:
        from trustlog.cli.dashboard import dashboard

        dashboard(state, json)


def main() -> None:
    app(prog_name="trustlog")
