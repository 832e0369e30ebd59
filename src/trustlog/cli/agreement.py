"""`trustlog agreement add|list|show|revise|retire`: specific, mutual agreements by area."""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import get_state
from trustlog.domain.agreement import service as domain
from trustlog.domain.agreement.model import AREAS
from trustlog.render import agreement as render

app = options.group(
    alone_shows_help=True,
    help="Specific agreements by area, each with its history; vague wording is pointed out.",
)


IdArgument = Annotated[str, options.entry_id("agreement")]
AgreementJson = Annotated[bool, options.json_flag("Print the agreement as JSON.")]
NotesJson = Annotated[bool, options.json_flag("Print the id and the checker's notes as JSON.")]
TextArgument = Annotated[
    str | None,
    options.text_argument("The agreement, in your words: who does what, by when."),
]


@app.command("add")
def add(
    ctx: typer.Context,
    text: TextArgument = None,
    area: Annotated[
        str | None,
        options.value("--area", "AREA", f"One of: {', '.join(AREAS)}."),
    ] = None,
    review: Annotated[
        str | None,
        options.day(
            "--review", "A day to look at it again, YYYY-MM-DD, for a time-limited agreement."
        ),
    ] = None,
    json: NotesJson = False,
) -> None:
    """Add an agreement; vague wording is pointed out, gently, with a specific rewrite.

    In a terminal, the words and the area not given are asked for.
    """
    state = get_state(ctx)
    asks = (text is None or area is None) and state.may_prompt(json)
    saved = domain.add_agreement(
        state.journal, text, area, review, clock.now(), _ask_agreement if asks else None
    )
    render.agreement_saved(state.output, saved, json=json)


def _ask_agreement(text: str | None, area: str | None) -> tuple[str | None, str | None]:
    from trustlog.prompts.agreement import ask_agreement
    from trustlog.prompts.seam import Asker

    return ask_agreement(Asker(), text, area)


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Also show retired agreements.")] = False,
    json: Annotated[bool, options.json_flag("Print a JSON array of agreements.")] = False,
) -> None:
    """Your agreements by area, with the reviews that are due."""
    state = get_state(ctx)
    found = domain.list_agreements(state.journal, state.today(), include_all=all_)
    render.agreement_list(state.output, found, include_all=all_, json=json)


@app.command("show")
def show(ctx: typer.Context, agreement_id: IdArgument, json: AgreementJson = False) -> None:
    """One agreement, with every earlier wording."""
    state = get_state(ctx)
    shown = domain.show_agreement(state.journal, agreement_id, state.today())
    render.agreement_shown(state.output, shown, json=json)


@app.command("revise")
def revise(
    ctx: typer.Context,
    agreement_id: IdArgument,
    text: TextArgument = None,
    json: NotesJson = False,
) -> None:
    """Reword an agreement; the earlier wording is kept in its history."""
    state = get_state(ctx)
    saved = domain.revise_agreement(state.journal, agreement_id, text, state.today())
    render.agreement_saved(state.output, saved, json=json)


@app.command("retire")
def retire(ctx: typer.Context, agreement_id: IdArgument, json: AgreementJson = False) -> None:
    """Retire an agreement: out of the list, kept with its history (`agreement list --all`)."""
    state = get_state(ctx)
    result = domain.retire_agreement(state.journal, agreement_id, state.today())
    render.agreement_retired(state.output, result, json=json)
