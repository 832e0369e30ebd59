"""`trustlog export`: the journal, or weeks of it, as a file for a therapist or a spreadsheet."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain import kinds
from trustlog.render.export.formats import DEFAULT, FORMATS, WHOLE, Format, find

if TYPE_CHECKING:
    from collections.abc import Iterable

    from trustlog.domain.export.model import Export


def export(
    ctx: typer.Context,
    start: options.FromDay = None,
    end: options.ToDay = None,
    format_name: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="|".join(FORMATS),
            help="; ".join(f"{name}: {each.about}" for name, each in FORMATS.items())
            + f" (default {DEFAULT}).",
            show_default=False,
        ),
    ] = DEFAULT,
    output_path: Annotated[
        str | None,
        options.output("PATH|-"),
    ] = None,
    include_private: Annotated[
        bool, typer.Option("--include-private", help="Include entries marked private.")
    ] = False,
    include_partner: Annotated[
        bool,
        typer.Option(
            "--include-partner",
            help="Add what your partner shared with you, labelled as theirs (md, html, pdf).",
        ),
    ] = False,
    only: Annotated[
        list[str] | None,
        options.value("--only", "KIND", f"Only this kind (repeatable): {', '.join(kinds.NAMES)}."),
    ] = None,
    redact: Annotated[
        list[str] | None,
        options.value("--redact", "WORD", "Hide a word or name everywhere, any case (repeatable)."),
    ] = None,
    agenda: Annotated[
        list[str] | None,
        options.text(
            "--agenda", "A topic you want to talk about (repeatable; asked in a terminal)."
        ),
    ] = None,
    force: options.Force = False,
) -> None:
    """Export your journal for a therapist, a spreadsheet, or safe keeping.

    Markdown (the default) starts with a one-page summary of the last four
    weeks, then the entries day by day; HTML is the same as one web page to
    read or print, and PDF that page printed by Chromium or Chrome, if you
    have one; CSV has one row per check-in day, and JSON every entry as its
    file holds it (`trustlog import trustlog` reads it back), both for the
    whole journal. Private entries stay out unless --include-private. In a
    terminal it shows what will be in the file and asks before writing.
    """
    from trustlog.cli.outside import OutsideFile
    from trustlog.domain.export.choice import check_flags, check_kinds
    from trustlog.domain.export.model import Options
    from trustlog.render.export import screen

    state = get_state(ctx)
    chosen = find(format_name)
    chosen.check_ready()  # a PDF needs a browser: said before anything is read or asked
    if include_partner and not chosen.summary:
        from trustlog.errors import InputError

        raise InputError(
            f"--include-partner: a {format_name} export holds your own entries only; "
            "what your partner shared goes in md, html or pdf."
        )
    first, last = options.days(start, end)
    kinds_chosen = check_kinds(tuple(only or ()))
    check_flags(first, last, tuple(redact or ()))  # bad input is named before a file is
    today = state.today()
    target = OutsideFile.named(output_path, f"trustlog-{today.isoformat()}.{chosen.suffix}")
    # Prompts write to stdout: with the file going there, nothing is asked.
    asking = target.path is not None and state.may_prompt()
    target.check(state, force=force, asking=asking)  # before anything is read or asked

    topics = list(agenda or ())
    if asking and chosen.summary and not topics:
        from trustlog.prompts.export import ask_agenda
        from trustlog.prompts.seam import Asker

        topics = ask_agenda(Asker())
    wanted = Options(
        start=first,
        end=last,
        include_private=include_private,
        only=kinds_chosen,
        redact=tuple(redact or ()),
        agenda=tuple(topics),
        summary=chosen.summary,
        whole_journal=chosen.window == WHOLE,
        complete=chosen.complete,
        include_partner=include_partner,
    )
    if chosen.complete:
        from trustlog.domain.export.complete import build_complete

        # Read while it is written, unless what it holds is shown first and asked about.
        made = build_complete(state.journal, wanted, today, clock.now(), streamed=not asking)
    else:
        from trustlog.domain.export.build import build_export

        made = build_export(state.journal, wanted, today, clock.now())
    if not target.approved(asking, lambda: _confirmed(state, made, chosen, target.shown)):
        screen.not_written(state.output)
        return
    data: bytes | Iterable[bytes]
    if chosen.complete:
        from trustlog.render.export.complete import chunks

        data = chunks(made)  # an entry at a time: ten years are never in memory at once
    else:
        data = chosen.renderer()(made)
    screen.written(state.output, made, target.save(state, data))


def _confirmed(state: State, made: Export, chosen: Format, shown: str) -> bool:
    from trustlog.prompts.export import ask_write
    from trustlog.prompts.seam import Asker
    from trustlog.render.export import screen

    screen.preview(state.output, made, chosen.about, shown)
    return ask_write(Asker())
