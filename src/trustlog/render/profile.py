"""The settings of `trustlog init`, shown back to the person or printed as JSON."""

from __future__ import annotations

from dataclasses import asdict

from trustlog.domain.profile import ROLE_WORDS, Profile, ProfileResult
from trustlog.render.output import Output


def profile_saved(output: Output, result: ProfileResult, json: bool = False) -> None:
    shown = {**asdict(result.profile), "day_ends": _day_ends(result.profile)}
    if json:
        output.json(shown)
        return
    from rich.markup import escape

    if result.saved:
        output.say("Saved your settings.")
    for key, value in shown.items():
        shown = ROLE_WORDS.get(value, value) if key == "role" and value else value
        output.out.print(f"[muted]{key.replace('_', ' ')}:[/muted] {escape(shown or '—')}")


def _day_ends(profile: Profile) -> str:
    """HH:MM, the default included: a script reads when the day ends without knowing it."""
    return f"{profile.day_end:%H:%M}"
