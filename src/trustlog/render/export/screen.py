"""What `trustlog export` tells the person: the preview before writing, and what was written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trustlog.render import words

if TYPE_CHECKING:
    from trustlog.domain.export.model import Export
    from trustlog.render.output import Output


def preview(output: Output, export: Export, about: str, target: str) -> None:
    """How many entries of each kind, the dates, what was left out and why: before writing."""
    from rich.padding import Padding

    from trustlog.render.console import Text
    from trustlog.render.export import wording  # the summary's words: not for a plain write

    period = export.period
    head = Text("Export ", style="title")
    head.append(f"{words.short_date(period.start, year=True)} to ")
    head.append(f"{words.short_date(period.end, year=True)} ({about}), to ")
    head.append(target, style="accent")
    output.err.print(head)
    counts = [wording.kind_count(kind, n) for kind, n in export.counts.items() if n]
    lines = [Text(f"In it: {', '.join(counts) if counts else 'no entries'}")]
    lines += [
        Text(f"Left out: {wording.left_out(item)}", style="muted") for item in export.left_out
    ]
    if export.redactions:
        hidden = words.count(export.redactions, "word")
        lines.append(Text(f"Hidden: {hidden}, shown as a neutral mark", style="muted"))
    for line in lines:
        output.err.print(Padding(line, (0, 0, 0, 2)))  # wrapped lines keep the indent


def written(output: Output, export: Export, target: str | None) -> None:
    """After writing: where it went. Nothing is said when it went to stdout."""
    if target is None:
        return
    counts = sum(export.counts.values())
    output.tell(
        f"Wrote {target} ({words.count(counts, 'entry', 'entries')}). "
        "Only you can open it until you share it."
    )


def not_written(output: Output) -> None:
    output.tell("Nothing was written.")
