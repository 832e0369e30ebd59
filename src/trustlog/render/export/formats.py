"""The export formats: a format joins `trustlog export` with one line in `FORMATS`.

Each line names the module and function that turn an `Export`
(domain/export/model.py) into the file's bytes. The module is imported only
when that format is asked for, so a format's weight (a browser for PDF, say)
is never paid by the others nor by `trustlog --help`.

A renderer is `render(export: Export) -> bytes`. It receives data already
filtered and redacted; it words counts, dates and spans of time with
render/words.py, and makes the person's text safe for its own markup.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from trustlog.errors import InputError

if TYPE_CHECKING:
    from trustlog.domain.export.model import Export

# The default window when neither --from nor --to is given.
RECENT = "recent"  # the last four weeks, ending today: what a therapist reads before a session
WHOLE = "whole"  # the whole journal: for spreadsheets and safe keeping


@dataclass(frozen=True)
class Format:
    """One export format: where its renderer is, and what it needs.

    `summary`: whether it shows the one-page summary (worked out only then).
    `window`: RECENT or WHOLE, its default window. `suffix`: the file name's
    ending, without the dot. `about`: a few words for `--help` and docs.
    `complete`: every entry with its file's text (domain/export/complete.py),
    for safe keeping and `trustlog import trustlog`.
    """

    module: str
    function: str
    summary: bool
    window: str
    suffix: str
    about: str
    complete: bool = False

    def renderer(self) -> Callable[[Export], bytes]:
        module = importlib.import_module(self.module)
        return cast("Callable[[Export], bytes]", getattr(module, self.function))


FORMATS: dict[str, Format] = {
    "md": Format(
        "trustlog.render.export.markdown", "render", True, RECENT, "md", "Markdown, for a therapist"
    ),
    "csv": Format(
        "trustlog.render.export.table", "render", False, WHOLE, "csv", "one row per check-in day"
    ),
    "json": Format(
        "trustlog.render.export.complete",
        "render",
        False,
        WHOLE,
        "json",
        "everything, for safe keeping and import",
        complete=True,
    ),
}
DEFAULT = "md"


def find(name: str) -> Format:
    """The format called `name` (as typed after --format); unknown is bad input."""
    found = FORMATS.get(name.strip().lower())
    if found is None:
        known = ", ".join(FORMATS)
        raise InputError(f"--format: '{name}' is not a format I can write; please use {known}.")
    return found
