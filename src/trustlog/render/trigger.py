"""How a saved or settled trigger is told back to the person."""

from __future__ import annotations

from datetime import datetime

from trustlog.domain.core.entry import first_line
from trustlog.domain.trigger.model import Trigger
from trustlog.domain.trigger.service import Resolved
from trustlog.render.output import Output


def trigger_saved(output: Output, trigger: Trigger) -> None:
    from rich.text import Text

    saved = Text("Saved ")
    saved.append(_what(trigger))
    saved.append(f" ({_clock(trigger.at)}).")
    saved.append(f" id {trigger.id}", style="muted")
    output.err.print(saved)
    if trigger.recovery_minutes is not None:
        output.say(f"It settled after {minutes_words(trigger.recovery_minutes)}.")
    else:
        output.say("It stays open for now. When it has settled, this records the time:")
        output.say(f"  trustlog trigger resolve {trigger.id}")
    if trigger.private:
        output.say("[muted]It is private: exports leave it out unless you ask.[/muted]")


def trigger_resolved(output: Output, result: Resolved) -> None:
    from rich.text import Text

    trigger = result.trigger
    assert trigger.resolved_at is not None and trigger.recovery_minutes is not None
    took = minutes_words(trigger.recovery_minutes)
    if not result.changed:
        output.say(
            f"Already marked settled at {_clock(trigger.resolved_at)}, {took} after it started."
        )
        output.say(
            f"[muted]To change the time: trustlog trigger resolve {trigger.id} "
            "--at 'YYYY-MM-DD HH:MM'[/muted]"
        )
        return
    line = Text("Marked settled: ")
    line.append(_what(trigger))
    line.append(f", {took} after it started.")
    output.err.print(line)
    if result.previous is not None:
        output.say(f"[muted](It had been marked settled at {_clock(result.previous)}.)[/muted]")


def minutes_words(minutes: float) -> str:
    """Recovery time for a person: "less than a minute", "45 minutes", "2 h 5 min"."""
    whole = round(minutes)
    if whole < 1:
        return "less than a minute"
    if whole == 1:
        return "1 minute"
    if whole < 90:
        return f"{whole} minutes"
    hours, rest = divmod(whole, 60)
    if hours >= 48:
        return f"about {round(minutes / (24 * 60))} days"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _what(trigger: Trigger) -> str:
    line = first_line(trigger.what, 60)
    return f"“{line}”" if line else "this flare-up"


def _clock(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
