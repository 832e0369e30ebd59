"""How a saved or settled trigger is told back to the person, or printed as JSON."""

from __future__ import annotations

from typing import Any

from trustlog.domain.core.entry import first_line
from trustlog.domain.trigger.model import Trigger
from trustlog.domain.trigger.service import Resolved, TriggerLogged
from trustlog.render import words
from trustlog.render.care import support_offered
from trustlog.render.output import Output


def trigger_saved(output: Output, logged: TriggerLogged, json: bool = False) -> None:
    trigger = logged.trigger
    if json:
        offered = logged.support is not None
        output.json({**trigger.to_json(), "action": "created", "support_offered": offered})
        return
    from trustlog.render.console import Text

    saved = Text("Saved ")
    saved.append(_what(trigger))
    saved.append(f" ({words.local_time(trigger.at)}).")
    saved.append(f" id {trigger.id}", style="muted")
    output.err.print(saved)
    if trigger.recovery_minutes is not None:
        output.say(f"It settled after {words.minutes(trigger.recovery_minutes)}.")
    else:
        output.say("It stays open for now. When it has settled, this records the time:")
        output.say(f"  trustlog trigger resolve {trigger.id}")
    if trigger.private:
        output.say(
            "[muted]Marked private: kept out of exports unless you add --include-private.[/muted]"
        )
    support_offered(output, logged.support, "trigger")


def trigger_resolved(output: Output, result: Resolved, json: bool = False) -> None:
    if json:
        output.json(resolved_json(result))
        return
    from trustlog.render.console import Text

    trigger = result.trigger
    assert trigger.resolved_at is not None and trigger.recovery_minutes is not None
    took = words.minutes(trigger.recovery_minutes)
    if not result.changed:
        output.say(
            f"Already marked settled at {words.local_time(trigger.resolved_at)}, "
            f"{took} after it started."
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
        output.say(
            f"[muted](It had been marked settled at {words.local_time(result.previous)}.)[/muted]"
        )


def resolved_json(result: Resolved) -> dict[str, Any]:
    action = "unchanged" if not result.changed else "updated" if result.previous else "resolved"
    return {**result.trigger.to_json(), "action": action}


def trigger_summary(trigger: Trigger) -> str:
    """The trigger's line in a list of entries, its recovery worded as everywhere else."""
    what = first_line(trigger.what) or "a flare-up"
    if trigger.recovery_minutes is None:
        return f"{what} · not settled yet"
    return f"{what} · settled after {words.minutes(trigger.recovery_minutes)}"


def _what(trigger: Trigger) -> str:
    line = words.quoted(first_line(trigger.what))
    return f"“{line}”" if line else "this flare-up"
