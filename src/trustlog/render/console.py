"""A rich Console that never sends a control character of the text it is given.

Imported only with rich (render/output.py). Text is made visible before rich
lays it out, so widths stay right; what reaches the screen is checked once
more, segment by segment, so text nested in a table or panel is safe too.
Rich's own control segments (a live display moving the cursor) pass as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich import text as rich_text
from rich.console import Console
from rich.segment import Segment
from rich.text import Span

from trustlog.render.safe import has_control, visible
from trustlog.render.stdout import naming_stdout


class Text(rich_text.Text):
    """rich's Text, showing control characters as visible escapes instead of dropping
    some and keeping others. Renderers import Text from here."""

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(visible(text), *args, **kwargs)

    def append(self, text: Any, style: Any = None) -> Text:
        if isinstance(text, str):
            text = visible(text)
        super().append(text, style)
        return self


class SafeConsole(Console):
    def print(self, *objects: Any, **options: Any) -> None:
        super().print(*(_safe(item) for item in objects), **options)

    def render_str(self, text: str, **options: Any) -> rich_text.Text:
        # Every str a renderable holds (a table's cells, a panel's title) comes here;
        # rich would silently drop some control characters, this shows them all.
        return super().render_str(visible(text), **options)

    def _write_buffer(self) -> None:
        if self.stderr:
            super()._write_buffer()
            return
        with naming_stdout():
            super()._write_buffer()

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            Segment(visible(text), style, control)
            if not control and has_control(text)
            else Segment(text, style, control)
            for text, style, control in buffer
        )


def indented(console: Console, text: rich_text.Text, indent: int, hanging: int = 0) -> Text:
    """`text` set in `indent` cells from the margin, its wrapped lines `indent + hanging`:
    a long line wraps under itself, not back at the margin ("excuse." under "A “but”")."""
    room = max(console.width - indent - hanging, 20)
    shown = Text()
    for number, line in enumerate(text.wrap(console, room)):
        if number:
            shown.append("\n")
        shown.append(" " * (indent + (hanging if number else 0)))
        shown.append_text(line)
    return shown


def _safe(item: Any) -> Any:
    if isinstance(item, str):
        return visible(item)
    if isinstance(item, rich_text.Text) and has_control(item.plain):
        return visible_text(item)
    return item


def visible_text(text: rich_text.Text) -> rich_text.Text:
    """A copy of `text` with its control characters made visible, styles kept; a CR
    before a newline is a line end, and goes."""
    plain = text.plain
    marked = {i for i, char in enumerate(plain) if has_control(char)}
    line_ends = {i for i in marked if plain[i : i + 2] == "\r\n"}
    cuts = sorted(marked | {i + 1 for i in marked})
    result = text.blank_copy()
    start = 0
    for piece in text.divide(cuts):
        at, start = start, start + len(piece.plain)
        if at in line_ends:
            continue
        shown = visible(piece.plain)
        if shown != piece.plain:
            spans = [Span(0, len(shown), span.style) for span in piece.spans]
            piece = rich_text.Text(shown, style=piece.style, spans=spans)
        result.append_text(piece)
    return result
