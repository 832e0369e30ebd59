"""What `trustlog export` tells the person: the preview before writing, and what was written."""

from __future__ import annotations

from trustlog.domain.export.model import Export
from trustlog.render import words
from trustlog.render.export import wording
from trustlog.render.output import Output


def preview(output: Output, export: Export, about: str, target: str) -> None:
    """How many entries of each kind, the dates, what was left out and why: before writing."""
    from trustlog.render.console import Text

    period = export.period
    head = Text("Export ", style="title")
    head.append(f"{words.short_date(period.start, year=True)} to ")
    head.append(f"{words.short_date(period.end, year=True)} ({about}), to ")
    head.append(target, style="accent")
    output.err.print(head)
    counts = [wording.kind_count(kind, n) for kind, n in export.counts.items() if n]
    output.err.print(Text(f"  In it: {', '.join(counts) if counts else 'no entries'}"))
    for item in export.left_out:
        output.err.print(Text(f"  Left out: {wording.left_out(item)}", style="muted"))
    if export.redactions:
        replaced = words.count(export.redactions, "word")
        output.err.print(Text(f"  Hidden: {replaced}, shown as a neutral mark", style="muted"))


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
