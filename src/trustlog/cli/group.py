"""The root command's machinery: commands imported only when they run, plain help, and
the one error handler that turns what went wrong into a kind message and an exit code.

cli/app.py holds the root command itself: its options, and the table of
commands (`COMMANDS`) this group reads.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Any, ClassVar, NamedTuple

import typer
from typer import _click as click  # typer carries its own click
from typer._click import formatting
from typer._click._compat import term_len
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

from trustlog.errors import InputError, Stopped, TrustlogError

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
        loaded()
        return command


def loaded() -> None:
    """The command is loaded: the garbage collector, which cli/quick.py turned off for
    the start-up, is on again for the command's own work. What start-up made lives as
    long as the process, so it is frozen: no collection walks it again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class PlainFormatter(click.HelpFormatter):
    """Help whose usage line names a required argument as `ID` (or `repair|date`), not `{ID}`.

    Every placeholder then reads one way (TEXT, N, D, T, ID), as CONTRACT.md
    writes them.
    """

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        import re

        super().write_usage(prog, re.sub(r"\{([A-Za-z_|]+)\}", r"\1", args), prefix)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """click's definition list (the commands, the options), written as click writes it.

        A description of plain words is broken to the width here, as click's wrapping
        (textwrap, once per row: about a third of `trustlog --help`) would break it; any
        other goes through click's wrap. A hypothesis test holds the bytes equal to
        click's own (tests/cli/test_help_layout.py).
        """
        rows = list(rows)
        if not rows:
            return super().write_dl(rows, col_max, col_spacing)
        first_col = min(max(term_len(first) for first, _ in rows), col_max) + col_spacing
        text_width = max(self.width - first_col - 2, 10)
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if term_len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - term_len(first)))
            else:
                self.write(f"\n{' ' * (first_col + self.current_indent)}")
            lines = _plain_lines(second, text_width)
            if lines is None:
                wrapped = formatting.wrap_text(second, text_width, preserve_paragraphs=True)
                lines = wrapped.splitlines()
            self.write(f"{lines[0]}\n" if lines else "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")
        return None


def _plain_lines(text: str, width: int) -> list[str] | None:
    """`text` as click's wrap would break it to `width`, for plain words: printable, one
    space between words, none at either end, no word wider than the line, and no word
    with a hyphen at a line's end (textwrap may break after the hyphen). None for
    anything else, which click wraps itself."""
    if not (text.isprintable() and text == text.strip()) or "  " in text:
        return None
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if len(word) > width:
            return None
        if line and len(line) + 1 + len(word) > width:
            if "-" in word:
                return None
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


class PlainContext(click.Context):
    formatter_class = PlainFormatter


def _plain_usage(command: Any) -> None:
    command.context_class = PlainContext
    for sub in getattr(command, "commands", {}).values():
        _plain_usage(sub)


class LazyGroup(TyperGroup):
    """The root command: lazy subcommands, and the one error handler.

    It turns the domain's errors, and Ctrl-C, into a kind message and an exit
    code. Exit codes are decided here alone (STYLE.md 3): 1 the journal could
    not be read or written safely, 2 bad input, 130 Ctrl-C. `lazy` is the
    table of commands, cli/app.py's `COMMANDS`.
    """

    lazy: ClassVar[dict[str, Lazy]] = {}
    context_class = PlainContext  # its help is written as every command's is

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.lazy)

    def get_command(self, ctx: Any, name: str) -> Any:
        lazy = self.lazy.get(name)
        return lazy.load(name) if lazy else None

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """Command names for Tab, described by their summaries: no command module is
        imported to offer its name."""
        from typer._click.core import Command
        from typer._click.shell_completion import CompletionItem

        found = [
            CompletionItem(name, help=lazy.summary)
            for name, lazy in self.lazy.items()
            if name.startswith(incomplete)
        ]
        # The root's own options (after `-`), as click offers them.
        return found + Command.shell_complete(self, ctx, incomplete)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, lazy.summary) for name, lazy in self.lazy.items()])

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
    from trustlog.render.safe import visible  # only when something is said

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
    from trustlog.render.safe import visible

    error.message = visible(error.message)
    return error
