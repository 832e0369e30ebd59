"""A progress bar for the long jobs (an import, `encrypt`, `decrypt`): rich, on stderr,
in a terminal only, and gone when the job is done (its result is said after)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from trustlog.render import layout
from trustlog.render.output import Output

Told = Callable[[int, int], None]
"""Told how far a job is: (items done, items in all); first with 0 done."""

EVERY = 50  # items between redraws: a ten-year journal is 11,000 files


@contextmanager
def bar(
    output: Output, doing: str, then: str | None = None, least: int = 1
) -> Iterator[Told | None]:
    """A callback moving a bar labelled `doing` (then `then`, once every item is done and
    another phase follows), for jobs of `least` items or more; None outside a terminal."""
    if not layout.is_terminal(sys.stderr):
        yield None
        return
    shown: dict[str, Any] = {}

    def told(done: int, total: int) -> None:
        if total < least:
            return
        if not shown:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            width = max(len(doing), len(then or ""))
            progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=output.err,
                transient=True,
            )
            progress.start()
            shown["progress"] = progress
            shown["task"] = progress.add_task(doing.ljust(width), total=total)
            shown["width"] = width
        if done == total or done % EVERY == 0:
            shown["progress"].update(shown["task"], completed=done)
        if done == total and then is not None:
            shown["progress"].update(shown["task"], description=then.ljust(shown["width"]))

    try:
        yield told
    finally:
        if shown:
            shown["progress"].stop()
