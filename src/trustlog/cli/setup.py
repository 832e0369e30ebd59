"""`trustlog init` and the dashboard (`trustlog` alone)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli.state import State, get_state
from trustlog.domain.core.entry import jsonable
from trustlog.domain.dashboard import build_dashboard
from trustlog.domain.profile import ROLE_WORDS, ROLES, Profile, load_profile, save_profile


def dashboard(state: State, json: bool) -> None:
    board = build_dashboard(state.journal, clock.today())
    if json:
        data = jsonable(asdict(board))
        data["checkin_today"] = board.checkin_today.to_json() if board.checkin_today else None
        data["promises_due"] = [due.to_json() for due in board.promises_due]
        data["promises_unrecorded"] = [due.to_json() for due in board.promises_unrecorded]
        state.output.json(data)
        return
    from trustlog.render.dashboard import dashboard as render

    render(state.output, board)


def init(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option("--name", help="What trustlog calls you.")] = None,
    partner: Annotated[str | None, typer.Option("--partner", help="Your partner's name.")] = None,
    role: Annotated[
        str | None,
        typer.Option(
            "--role", help="hurt (you were hurt), repairing (you broke the trust), or both."
        ),
    ] = None,
    stop_word: Annotated[
        str | None,
        typer.Option(
            "--stop-word", help="The word either of you can say to pause a talk that floods you."
        ),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
) -> None:
    """Optional personal set-up: your names, your role, your agreed stop word."""
    state = get_state(ctx)
    journal = state.journal
    changes = Profile(name=name, partner=partner, role=role, stop_word=stop_word)
    if not any(asdict(changes).values()) and state.may_prompt(json):
        from trustlog.prompts.seam import Asker

        ask = Asker()
        now = load_profile(journal)
        changes = Profile(
            name=ask.text(
                "What should trustlog call you?", default=now.name, hint="(Enter to skip)"
            ),
            partner=ask.text("Your partner's name?", default=now.partner, hint="(Enter to skip)"),
            role=ask.choose(
                "Which fits you best?",
                [(value, ROLE_WORDS[value]) for value in ROLES],
                default=now.role or "both",
            ),
            stop_word=ask.text(
                "An agreed stop word, to pause a talk that floods either of you?",
                default=now.stop_word,
                hint="(Enter to skip)",
            ),
        )
    if any(asdict(changes).values()):
        profile = save_profile(journal, changes)
        saved = True
    else:
        profile, saved = load_profile(journal), False
    if json:
        state.output.json(asdict(profile))
        return
    from rich.markup import escape

    if saved:
        state.output.say("Saved your settings.")
    for key, value in asdict(profile).items():
        shown = ROLE_WORDS.get(value, value) if key == "role" and value else value
        state.output.out.print(f"[muted]{key.replace('_', ' ')}:[/muted] {escape(shown or '—')}")
