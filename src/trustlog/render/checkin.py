"""How a saved check-in is told back to the person."""

from __future__ import annotations

from trustlog.domain.checkin.model import CheckinResult
from trustlog.render.output import Output

FIELD_WORDS = {
    "mood": "mood",
    "feeling": "feeling",
    "trust": "trust",
    "grateful": "appreciation",
    "care": "care",
    "affection": "affection",
    "detective": "detective work",
    "arguments": "arguments",
    "note": "note",
    "private": "privacy",
}


def checkin_saved(output: Output, result: CheckinResult, today_is: bool) -> None:
    checkin = result.checkin
    what = "today's check-in" if today_is else f"your check-in for {checkin.date:%A %-d %B %Y}"
    if result.updated:
        changed = ", ".join(FIELD_WORDS[name] for name in result.changed) or "nothing new"
        output.say(f"Updated {what} [muted]({changed})[/muted]. [muted]id {checkin.id}[/muted]")
    else:
        output.say(f"Saved {what}. [muted]id {checkin.id}[/muted]")
    if checkin.private:
        output.say("[muted]It is private: exports leave it out unless you ask.[/muted]")
