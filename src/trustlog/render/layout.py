"""Lines that fit the screen: wrapped between words in a terminal, never when piped.

A terminal that is too narrow breaks a line wherever it runs out of room,
mid-word ("he / lpline"). Text written without rich (help pages, errors,
prompt questions) is wrapped here at word boundaries instead. Piped output is
left whole: another program, or a person's file, should get each line as it
was written, ids never split. `COLUMNS`, when set, is a width asked for and is
honoured in both cases.
"""

from __future__ import annotations

import os
import re
from typing import TextIO

DUMB_TERMINALS = ("dumb", "unknown")
DEFAULT_WIDTH = 80
# A list item's marker, so that its wrapped lines line up under its first word.
_HANGING = re.compile(r"^(\s*(?:[-*•›]|\d+[.)])?\s*)")


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or replaced by something without it
        return False


def width(stream: TextIO) -> int | None:
    """The columns to wrap at on `stream`, or None when it is piped and nothing asks for one."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not is_terminal(stream):
        return None
    if os.environ.get("TERM", "").lower() in DUMB_TERMINALS:
        return DEFAULT_WIDTH
    try:
        return os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH
    except (AttributeError, ValueError, OSError):  # no size to tell
        return DEFAULT_WIDTH


def wrap(text: str, columns: int | None) -> str:
    """`text` with each line longer than `columns` broken between words (None: as it is).

    A word longer than the line (an id, a path) is kept whole rather than cut.
    """
    if columns is None:
        return text
    import textwrap

    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) <= columns:
            lines.append(line)
            continue
        match = _HANGING.match(line)
        hanging = " " * len(match.group(1)) if match else ""
        lines += textwrap.wrap(
            line,
            columns,
            subsequent_indent=hanging,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [line]
    return "\n".join(lines)
