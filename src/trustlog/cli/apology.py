"""`trustlog apology draft|list|show`: the four-part apology, by prompts or by flags."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain.apology.model import ApologyParts, list_apologies, promise_texts
from trustlog.domain.apology.service import ApologyAnswers, show_apology, write_apology
from trustlog.domain.promise.schedule import parse_every
from trustlog.render import apology as render

apology_app = options.group(
    alone_shows_help=True,
    help="The four-part apology: what I did, how it hurt you, my responsibility, my amends.",
)


@apology_app.command("draft")
def draft(
    ctx: typer.Context,
    did: Annotated[str | None, options.text("--did", "What I did: the specific action.")] = None,
    impact: Annotated[
        str | None, options.text("--impact", "How it hurt you, seen from their side.")
    ] = None,
    responsibility: Annotated[
        str | None,
        options.text("--responsibility", "That I take full responsibility, with no “but”."),
    ] = None,
    amends: Annotated[
        str | None, options.text("--amends", "How I'll make amends and change: concrete steps.")
    ] = None,
    promise: Annotated[
        list[str] | None,
        options.text(
            "--promise", "A step to track as a promise, linked to the apology (repeat for more)."
        ),
    ] = None,
    every: Annotated[
        str | None,
        options.value(
            "--every",
            "DAYS",
            "When those promises are due: daily, weekdays, weekends or mon,wed,...",
        ),
    ] = None,
    json: Annotated[
        bool, options.json_flag("Print the saved draft and the checker's notes as JSON.")
    ] = False,
) -> None:
    """Draft an apology and check it gently for what can get in the way.

    In a terminal it walks through the parts not given by flag, reads the
    apology back with the checker's notes, and lets you revise a part or keep
    it. Nothing is ever sent: it helps you say it well, in your own words.
    """
    state = get_state(ctx)
    parts = ApologyParts(did, impact, responsibility, amends).checked()
    promises = promise_texts(promise)
    schedule = parse_every(every) if every is not None else None
    ask = partial(_ask, state) if state.may_prompt(json) else None
    drafted = write_apology(state.journal, parts, promises, schedule, clock.now, ask)
    render.draft_saved(state.output, drafted, json=json)


def _ask(
    state: State,
    parts: ApologyParts,
    promises: list[str],
    every: str | None,
    stop_word: str | None,
) -> ApologyAnswers:
    from trustlog.prompts.apology import ask_apology
    from trustlog.prompts.seam import Asker

    screen = render.ApologyScreen(state.output)
    return ask_apology(Asker(), screen, parts, promises, every, stop_word=stop_word)


@apology_app.command("list")
def list_(
    ctx: typer.Context,
    json: Annotated[bool, options.json_flag("Print a JSON array of apologies.")] = False,
) -> None:
    """Every apology drafted, oldest first, each as clean text."""
    state = get_state(ctx)
    render.apology_list(state.output, list_apologies(state.journal), json=json)


@apology_app.command("show")
def show(
    ctx: typer.Context,
    apology_id: Annotated[str, options.entry_id("apology")],
    json: Annotated[bool, options.json_flag("Print the apology as JSON.")] = False,
) -> None:
    """One apology as clean text, to read aloud or copy (the text alone goes to stdout)."""
    state = get_state(ctx)
    render.apology_detail(state.output, show_apology(state.journal, apology_id), json=json)
