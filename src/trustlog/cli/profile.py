"""`trustlog init`: the optional personal set-up."""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog.cli import options
from trustlog.cli.state import get_state
from trustlog.domain.profile import Profile, set_up
from trustlog.render.profile import profile_saved


def init(
    ctx: typer.Context,
    name: Annotated[str | None, options.value("--name", "NAME", "What trustlog calls you.")] = None,
    partner: Annotated[
        str | None, options.value("--partner", "NAME", "Your partner's name.")
    ] = None,
    role: Annotated[
        str | None,
        options.value(
            "--role",
            "hurt|repairing|both",
            "hurt (you were hurt), repairing (you broke the trust), or both.",
        ),
    ] = None,
    stop_word: Annotated[
        str | None,
        options.text(
            "--stop-word", "The word either of you can say to pause a talk that floods you."
        ),
    ] = None,
    day_ends: Annotated[
        str | None,
        options.value(
            "--day-ends",
            "HH:MM",
            "When your day ends, 00:00 to 06:00 (default 04:00): a check-in "
            "before it still belongs to the day before.",
        ),
    ] = None,
    json: Annotated[bool, options.json_flag("Print the settings as JSON.")] = False,
) -> None:
    """Optional personal set-up: your names, your role, your stop word, when your day ends."""
    state = get_state(ctx)
    changes = Profile(name=name, partner=partner, role=role, stop_word=stop_word, day_ends=day_ends)
    result = set_up(state.journal, changes, _ask if state.may_prompt(json) else None)
    profile_saved(state.output, result, json=json)


def _ask(now: Profile) -> Profile:
    from trustlog.prompts.profile import ask_profile
    from trustlog.prompts.seam import Asker

    return ask_profile(Asker(), now)
