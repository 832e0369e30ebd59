"""`trustlog apology draft|list|show`: the four-part apology, by prompts or by flags."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from trustlog import clock
from trustlog.cli.state import get_state
from trustlog.domain.apology.checker import PARTS, Finding
from trustlog.domain.apology.model import (
    DEFAULT_EVERY,
    Apology,
    ApologyParts,
    draft_apology,
    find_apology,
    linked_promises,
    list_apologies,
    promise_texts,
)
from trustlog.domain.promise.schedule import parse_every
from trustlog.errors import InputError

apology_app = typer.Typer(
    # Plain help, like the root's: rich help would cost ~45 ms of start-up.
    rich_markup_mode=None,
    add_completion=False,
    help="The four-part apology: what I did, how it hurt you, my responsibility, my amends.",
)


@apology_app.callback(invoke_without_command=True)
def apology(ctx: typer.Context) -> None:
    # `trustlog apology` alone is a question, not a mistake: show the help, exit 0.
    if ctx.invoked_subcommand is None:
        sys.stdout.write(ctx.get_help() + "\n")
        raise typer.Exit()


@apology_app.command("draft")
def draft(
    ctx: typer.Context,
    did: Annotated[
        str | None, typer.Option("--did", help="What I did: the specific action.")
    ] = None,
    impact: Annotated[
        str | None, typer.Option("--impact", help="How it hurt you, seen from their side.")
    ] = None,
    responsibility: Annotated[
        str | None,
        typer.Option("--responsibility", help="That I take full responsibility, with no “but”."),
    ] = None,
    amends: Annotated[
        str | None,
        typer.Option("--amends", help="How I'll make amends and change: concrete steps."),
    ] = None,
    promise: Annotated[
        list[str] | None,
        typer.Option(
            "--promise",
            help="A step to track as a promise, linked to the apology (repeat for more).",
        ),
    ] = None,
    every: Annotated[
        str | None,
        typer.Option(
            "--every",
            help="When those promises are due: daily, weekdays, weekends or mon,wed,...",
            show_default=False,
        ),
    ] = None,
    json: Annotated[
        bool, typer.Option("--json", help="Print the saved draft and the checker's notes as JSON.")
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
    reviewed = False
    if len(parts.given()) < len(PARTS) and state.may_prompt(json):
        from trustlog.domain.profile import load_profile
        from trustlog.prompts.apology import ask_apology
        from trustlog.prompts.seam import Asker
        from trustlog.render.apology import ApologyScreen

        journal = state.journal
        answers = ask_apology(
            Asker(),
            ApologyScreen(state.output),
            parts,
            promises,
            schedule,
            stop_word=load_profile(journal).stop_word,
        )
        if answers.empty:
            state.output.say("All four parts were left empty, so nothing was saved.")
            return
        parts, promises, schedule, reviewed = answers.parts, answers.promises, answers.every, True
    elif not parts.given() and not promises:
        raise InputError(
            "Nothing to record: give at least one part by flag, such as --did TEXT.",
            hint="The parts are --did, --impact, --responsibility and --amends.",
        )
    result = draft_apology(state.journal, parts, promises, clock.now(), schedule or DEFAULT_EVERY)
    if json:
        data = _apology_json(result.apology, result.findings)
        data["linked_promises"] = [made.to_json() for made in result.promises]
        state.output.json(data)
        return
    from trustlog.render.apology import draft_saved

    draft_saved(state.output, result, reviewed=reviewed)


@apology_app.command("list")
def list_(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print a JSON array of apologies.")] = False,
) -> None:
    """Every apology drafted, oldest first, each as clean text."""
    state = get_state(ctx)
    found = list_apologies(state.journal)
    if json:
        state.output.json([_apology_json(apology, apology.findings()) for apology in found])
        return
    from trustlog.render.apology import apology_list

    apology_list(state.output, found)


@apology_app.command("show")
def show(
    ctx: typer.Context,
    apology_id: Annotated[
        str, typer.Argument(metavar="ID", help="The apology's id (or the start of it).")
    ],
    json: Annotated[bool, typer.Option("--json", help="Print the apology as JSON.")] = False,
) -> None:
    """One apology as clean text, to read aloud or copy (the text alone goes to stdout)."""
    state = get_state(ctx)
    journal = state.journal
    apology = find_apology(journal, apology_id)
    promises = linked_promises(journal, apology)
    if json:
        data = _apology_json(apology, apology.findings())
        data["linked_promises"] = [linked.to_json() for linked in promises]
        state.output.json(data)
        return
    from trustlog.render.apology import apology_detail

    apology_detail(state.output, apology, promises)


def _apology_json(apology: Apology, findings: list[Finding]) -> dict[str, Any]:
    return {
        **apology.to_json(),
        "text": apology.assembled_text(),
        "warnings": [finding.to_json() for finding in findings],
    }
