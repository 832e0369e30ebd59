"""The settings of `trustlog init`, shown back to the person or printed as JSON."""

from __future__ import annotations

from dataclasses import asdict

from trustlog.domain.profile import ROLE_WORDS, ProfileResult
from trustlog.render.output import Output


def profile_saved(output: Output, result: ProfileResult, json: bool = False) -> None:
    if json:
        output.json(asdict(result.profile))
        return
    from rich.markup import escape

    if result.saved:
        output.say("Saved your settings.")
    for key, value in asdict(result.profile).items():
        shown = ROLE_WORDS.get(value, value) if key == "role" and value else value
        output.out.print(f"[muted]{key.replace('_', ' ')}:[/muted] {escape(shown or '—')}")
