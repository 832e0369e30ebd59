"""`trustlog import trustlog|jrnl FILE`: entries brought in from a file, all or nothing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trustlog.cli import options
from trustlog.cli.state import get_state

if TYPE_CHECKING:
    from trustlog.domain.imports.model import Imported
    from trustlog.domain.imports.service import Progress
    from trustlog.storage.journal import Journal

    Reader = Callable[[Journal, bytes, str, Progress | None], Imported]

app = options.group(
    help="Bring entries in: a trustlog export (json), or jrnl's --export json.",
    no_args_is_help=True,
)

STDIN = "-"
FileArgument = Annotated[
    str, typer.Argument(metavar="FILE", help="The file to import; - reads stdin.")
]
JsonOption = Annotated[bool, options.json_flag("Print what was imported as JSON.")]


@app.command("trustlog")
def from_trustlog(ctx: typer.Context, file: FileArgument, json: JsonOption = False) -> None:
    """Import a `trustlog export --format json` file: every entry exactly as exported.

    Entries your journal already has are skipped, so importing twice adds
    nothing. An entry whose id your journal holds with other contents is
    not imported: yours is kept, and the entry is named. A damaged file is
    refused whole, and nothing is imported.
    """
    from trustlog.domain.imports.exported import import_export

    _run(ctx, file, json, import_export)


@app.command("jrnl")
def from_jrnl(ctx: typer.Context, file: FileArgument, json: JsonOption = False) -> None:
    """Import what `jrnl --export json` wrote: title, text, date, time, tags and star.

    Each becomes a `jrnl` entry of its own, listed by `trustlog entries`.
    An entry already imported (the same date, time, title and text) is
    skipped, so importing twice adds nothing. A damaged file is refused
    whole, and nothing is imported.
    """
    from trustlog.domain.imports.jrnl import import_jrnl

    _run(ctx, file, json, import_jrnl)


def _run(ctx: typer.Context, file: str, json: bool, reader: Reader) -> None:
    from trustlog.render import imports as render
    from trustlog.storage import outside

    state = get_state(ctx)
    if file == STDIN:
        raw, source = outside.read_stream(sys.stdin.buffer, "stdin"), "stdin"
    else:
        if not file.strip():
            from trustlog.errors import InputError

            raise InputError("FILE: please give the file to import, or - for stdin.")
        path = Path(file).expanduser()
        raw, source = outside.read(path), str(path)
    with render.progress(state.output) as told:
        result = reader(state.journal, raw, source, told)
    render.imported(state.output, result, json=json)
