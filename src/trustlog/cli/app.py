"""The `trustlog` command: its global options, the dashboard, and the table of commands.

A new command is one line in `COMMANDS`; how a command is loaded, and the
one error handler, are cli/group.py.

No `from __future__ import annotations`: typer reads the root's signature on every
run, and annotations kept as strings would be compiled and evaluated each time.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from trustlog import __version__
from trustlog.cli.group import Lazy, LazyGroup
from trustlog.errors import InputError

HELP = """A private companion for rebuilding trust, one small reliable day at a time.

Your journal stays on this machine, in plain text only you can read.
trustlog is not therapy; `trustlog help safety` says when to reach for more help."""


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


class TrustlogGroup(LazyGroup):
    lazy = COMMANDS


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
    from trustlog.cli.state import get_state  # --help needs no state

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
        from trustlog.cli.group import loaded

        loaded()

        dashboard(state, json)


def main() -> None:
    app(prog_name="trustlog")
