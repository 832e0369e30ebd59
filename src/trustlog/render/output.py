"""The one pair of consoles: stdout for data, stderr for talk.

Nothing printed here reaches the terminal with a control character of its
text (render/safe.py): the consoles are `SafeConsole`s, and JSON escapes
DEL and C1 as well as what JSON always escapes.

rich is imported only when something is drawn for a person; `--json` output
and `--help` do without it, and so do short messages rich would print as they
are (see `Output.tell`).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import IO, TYPE_CHECKING, Any, TextIO, cast

from trustlog.render import layout
from trustlog.render.safe import json_safe, visible
from trustlog.render.stdout import naming_stdout

if TYPE_CHECKING:
    from rich.console import Console

Piece = str | tuple[str, str]
"""Words of a message: plain, or (text, style) with a style of the theme."""


def picked(result: object, *names: str) -> dict[str, Any]:
    """These attributes of a result, by name and in this order: a command's JSON keys,
    which CONTRACT.md fixes, whatever else the result holds for the words."""
    return {name: getattr(result, name) for name in names}


THEME = {
    "muted": "bright_black",
    "good": "green",
    "warn": "yellow",
    "bad": "red",
    "accent": "cyan",
    "title": "bold",
}
# The escape codes rich writes for the styles a rich-free message may use; a
# test holds them to rich's own output.
PLAIN_STYLES = {"muted": "\x1b[90m"}
RESET = "\x1b[0m"
DUMB_TERMINALS = layout.DUMB_TERMINALS
DEFAULT_WIDTH = layout.DEFAULT_WIDTH
# Wide enough that rich never wraps a piped line; a table still takes only the
# width its cells need.
UNBOUNDED = 100_000


@dataclass
class Output:
    no_color: bool = False

    @property
    def color(self) -> bool:
        return not (self.no_color or os.environ.get("NO_COLOR"))

    def _console(self, stderr: bool) -> Console:
        from rich.theme import Theme

        from trustlog.render.console import SafeConsole

        stream = sys.stderr if stderr else sys.stdout
        piped = layout.width(stream) is None
        return SafeConsole(
            stderr=stderr,
            no_color=not self.color,
            theme=Theme(THEME),
            highlight=False,
            # Piped, rich would wrap at 80 and pad lines with spaces: lines are
            # left whole instead (layout.py says why).
            # rich asks for IO[str]; TextIOBase is one, but typeshed does not say so
            file=None if layout.is_terminal(stream) else cast("IO[str]", _Trimmed(stream)),
            width=UNBOUNDED if piped else None,
            soft_wrap=piped,
        )

    @cached_property
    def out(self) -> Console:
        return self._console(stderr=False)

    @cached_property
    def err(self) -> Console:
        return self._console(stderr=True)

    def json(self, data: Any) -> None:
        import json  # a plain check-in says its one line without it

        with naming_stdout():
            sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
            sys.stdout.flush()

    def data(self, data: bytes | Iterable[bytes]) -> None:
        """A file's bytes on stdout, as they are (an export made them safe to show), whole
        or a piece at a time."""
        with naming_stdout():
            sys.stdout.flush()
            for chunk in [data] if isinstance(data, bytes) else data:
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()

    def piped_whole(self) -> bool:
        """Whether stdout is a pipe rich would write plain and unwrapped: no terminal (by
        rich's rules), no colour forced, no width asked for (COLUMNS)."""
        environ = os.environ
        return (
            os.name == "posix"
            and layout.width(sys.stdout) is None
            and "FORCE_COLOR" not in environ
            and "TTY_COMPATIBLE" not in environ
        )

    def lines(self, text: str) -> None:
        """Lines of data on stdout, as they are (the caller made them safe to show)."""
        with naming_stdout():
            sys.stdout.write(text)
            sys.stdout.flush()

    def say(self, message: str) -> None:
        """A short message for the person, on stderr (rich markup allowed)."""
        self.err.print(message)

    def tell(self, *pieces: Piece) -> None:
        """A one-line message for the person, on stderr, built from plain and styled pieces.

        Importing rich costs about 30 ms, more than the rest of a check-in by
        flags; when rich would print the line unchanged (no wrapping, known
        styles, plain ASCII) it is written here directly, byte for byte the same.
        """
        pieces = tuple(
            visible(piece) if isinstance(piece, str) else (visible(piece[0]), piece[1])
            for piece in pieces
        )
        line = _as_rich_prints(pieces, self.color)
        if line is not None:
            sys.stderr.write(line)
            return
        from trustlog.render.console import Text

        text = Text()
        for piece in pieces:
            words, style = (piece, "") if isinstance(piece, str) else piece
            text.append(words, style=style or None)
        self.err.print(text)


def _as_rich_prints(pieces: Sequence[Piece], color: bool) -> str | None:
    """The line rich would write to stderr for `pieces`, or None where that takes rich to know.

    It follows rich's own rules (rich/console.py: is_terminal, is_dumb_terminal,
    size): FORCE_COLOR and TTY_COMPATIBLE make a terminal; a dumb terminal is
    80 wide (unless COLUMNS and LINES are both set); otherwise COLUMNS, then
    the terminal's size, then 80.
    """
    styled = [(p, "") if isinstance(p, str) else p for p in pieces]
    styled = [(words, style) for words, style in styled if words]
    plain = "".join(words for words, _ in styled)
    if (
        os.name != "posix"
        or not (plain.isascii() and plain.isprintable())
        or plain != plain.rstrip()
        or not {style for _, style in styled if style} <= PLAIN_STYLES.keys()
    ):
        return None
    environ = os.environ
    terminal = _is_terminal(environ)
    dumb = terminal and environ.get("TERM", "").lower() in DUMB_TERMINALS
    if layout.width(sys.stderr) is not None and len(plain) > _width(environ, dumb):
        return None  # rich would wrap it
    if not (color and terminal and not dumb):
        return plain + "\n"
    shown = "".join(
        f"{PLAIN_STYLES[style]}{words}{RESET}" if style else words for words, style in styled
    )
    return shown + "\n"


def _is_terminal(environ: Mapping[str, str]) -> bool:
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return sys.stderr.isatty()
    except ValueError:  # closed
        return False


def _width(environ: Mapping[str, str], dumb: bool) -> int:
    columns = environ.get("COLUMNS", "")
    if dumb and not (columns.isdigit() and environ.get("LINES", "").isdigit()):
        return DEFAULT_WIDTH  # rich sizes a dumb terminal 80 wide, unless given both sizes
    if columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or DEFAULT_WIDTH
        except (AttributeError, ValueError, OSError):
            continue
    return DEFAULT_WIDTH


class _Trimmed(io.TextIOBase):
    """A piped stream, written without the spaces rich pads a line (a table's row) with."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            self._stream.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._stream.fileno()
