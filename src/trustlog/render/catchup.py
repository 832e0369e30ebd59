"""What `trustlog catchup` tells: the days still open, or what was just recorded."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from trustlog.domain.catchup import CATCHUP_DAYS, CaughtUp, first_day
from trustlog.domain.promise.standing import REPAIRED, DueDay
from trustlog.render import words
from trustlog.render.output import Output


def open_days(output: Output, due: Sequence[DueDay], today: date, json: bool = False) -> None:
    """The days not yet recorded, for a script or a pipe (nothing is asked)."""
    if json:
        output.json(open_days_json(due, today))
        return
    from trustlog.render.console import Text

    if not due:
        output.say(nothing_open())
        return
    output.say(
        f"{words.count(len(due), 'promise day')} of the last {CATCHUP_DAYS} days "
        f"{'is' if len(due) == 1 else 'are'} not recorded yet:"
    )
    for item in due:
        line = Text(f"  {words.short_date(item.date)}  {item.date.isoformat()}  ")
        line.append(item.promise.summary())
        line.append(f"  {item.promise.id}", style="accent")
        output.out.print(line)
    output.say("[muted]In a terminal, `trustlog catchup` asks about each with one key.[/muted]")


def nothing_open() -> str:
    return f"Nothing to catch up on: every promise day of the last {CATCHUP_DAYS} days is recorded."


def open_days_json(due: Sequence[DueDay], today: date) -> dict[str, Any]:
    return {
        "from": first_day(today).isoformat(),
        "to": today.isoformat(),
        "unrecorded": [item.to_json() for item in due],
    }


def caught_up(output: Output, done: CaughtUp, left: int) -> None:
    """The summary after the walk: how many days, and how each was recorded."""
    if done.asked == 0:
        output.say(nothing_open())
        return
    statuses = [result.mark.outcome for result in done.marks if not result.mark.repaired]
    repaired = sum(1 for result in done.marks if result.mark.repaired)
    parts = [
        f"{statuses.count('kept')} kept",
        f"{statuses.count('broken')} broken",
        f"{repaired} {REPAIRED}",
    ]
    if done.skipped:
        parts.append(f"{len(done.skipped)} skipped")
    output.say(f"Recorded {words.count(len(done.marks), 'day')}: {', '.join(parts)}.")
    if left:
        output.say(
            f"[muted]{words.count(left, 'day')} still open; "
            "`trustlog catchup` asks again whenever you like.[/muted]"
        )
    else:
        output.say("[muted]Every promise day of the last two weeks is recorded.[/muted]")
