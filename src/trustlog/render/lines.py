"""Lines of words with styles, drawn without rich when they go to a pipe.

The report builds its lines as `Line`s: the words (made visible, render/safe.py)
and the styles of their parts, as rich's Text holds them. On a pipe rich writes
a line's words as they are (no colour, no wrapping, trailing spaces trimmed:
render/output.py), so `show` writes them directly, sparing the command rich's
import; in a terminal each line becomes rich's Text and rich draws it, as before.
A tab (which rich expands) or a character that is not printable sends the whole
page to rich. tests/report/test_report_lines.py holds the two ways to the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trustlog.render.output import UNBOUNDED, Output
from trustlog.render.safe import visible

if TYPE_CHECKING:
    from trustlog.render.console import Text

Part = str | tuple[str, str]  # words, or (words, style)


class Line:
    """rich's Text as far as the report uses it: words, a style, styled parts."""

    __slots__ = ("plain", "spans", "style")

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = visible(text)
        self.style = style
        self.spans: list[tuple[int, int, str]] = []

    @classmethod
    def assemble(cls, *parts: Part) -> Line:
        line = cls()
        for part in parts:
            if isinstance(part, str):
                line.append(part)
            else:
                line.append(*part)
        return line

    def append(self, text: str, style: str | None = None) -> Line:
        text = visible(text)
        if text and style:
            self.spans.append((len(self.plain), len(self.plain) + len(text), style))
        self.plain += text
        return self

    def rstrip(self) -> None:
        """Trailing whitespace off, and the styled parts cut to match (as rich does)."""
        self.plain = self.plain.rstrip()
        end = len(self.plain)
        self.spans = [
            (start, min(stop, end), style) for start, stop, style in self.spans if start < end
        ]

    def rich(self) -> Text:
        from rich.text import Span

        from trustlog.render.console import Text

        return Text(self.plain, style=self.style, spans=[Span(*span) for span in self.spans])


def width(output: Output) -> int:
    """The width lines are laid out for: unbounded on a pipe (no console made for it)."""
    return UNBOUNDED if output.piped_whole() else output.out.width


def show(output: Output, lines: list[Line]) -> None:
    """The lines on stdout: straight to a pipe where rich would write them unchanged."""
    if output.piped_whole() and all(
        "\t" not in line.plain and line.plain.replace("\n", "").isprintable() for line in lines
    ):
        output.lines(
            "".join(
                "\n".join(part.rstrip(" ") for part in line.plain.split("\n")) + "\n"
                for line in lines
            )
        )
        return
    out = output.out
    for line in lines:
        out.print(line.rich())
