"""Promises for people: the list with its calendar, and what a mark or a retirement did.

Each function prints JSON instead when asked: the promise's own fields, plus
what the command did (`action`, `already_retired`).

The calendar's cells differ by shape, not only by colour, so it reads the
same with NO_COLOR, on paper, or to a screen reader that names the symbols.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from trustlog.domain.promise.model import BROKEN, KEPT, Promise
from trustlog.domain.promise.schedule import STRENGTH_SHOWN_FROM, describe_schedule
from trustlog.domain.promise.service import MarkResult, RetireResult

if TYPE_CHECKING:
    from trustlog.domain.promise.pause import PauseResult
from trustlog.domain.promise.standing import (
    FUTURE,
    NOT_SCHEDULED,
    PAUSED,
    REPAIRED,
    UNRECORDED,
    DueDay,
    PromiseStanding,
)
from trustlog.render import words
from trustlog.render.output import Output

CELLS = {
    KEPT: ("●", "good"),
    REPAIRED: ("◐", "warn"),
    BROKEN: ("✕", "bad"),
    UNRECORDED: ("·", "muted"),
    NOT_SCHEDULED: (" ", ""),
    PAUSED: ("-", "muted"),
    FUTURE: (" ", ""),
}
TODAY_OPEN = ("○", "accent")
LEGEND = "● kept  ◐ repaired  ✕ broken  · not recorded  ○ due today  blank: not due"
PAUSED_LEGEND = "- paused: days set aside, not due (trustlog promise resume ends a pause)"
TODAY_WORDS = {
    KEPT: "kept today",
    REPAIRED: "broken today, and repaired",
    BROKEN: "broken today",
    UNRECORDED: "due today, not recorded yet",
    NOT_SCHEDULED: "not due today",
    PAUSED: "paused today",
}
WEEK_HEADER = "MTWTFSS"
INDENT = "       "


def promise_added(output: Output, promise: Promise, json: bool = False) -> None:
    if json:
        output.json(promise.to_json())
        return
    from rich.markup import escape

    output.say(
        f"Saved your promise “{escape(promise.summary())}”, "
        f"{escape(describe_schedule(promise))}{_starting(promise)}. "
        f"[muted]id {promise.id}[/muted]"
    )
    output.say(f"[muted]Mark a day with: trustlog promise kept {promise.id}[/muted]")


def _starting(promise: Promise) -> str:
    if promise.once is not None:
        return ""
    words = f", from {promise.start.isoformat()}"
    return words + (f" to {promise.end.isoformat()}" if promise.end else "")


def promise_list(
    output: Output,
    found: list[PromiseStanding],
    today: date,
    include_all: bool,
    json: bool = False,
) -> None:
    if json:
        output.json([item.to_json() for item in found])
        return
    from trustlog.render.console import Text

    out = output.out
    if not found:
        if include_all:
            output.say("No promises yet. Add one with: trustlog promise add TEXT")
        else:
            output.say(
                "No active promises. Add one with: trustlog promise add TEXT "
                "(`--all` shows retired ones)."
            )
        return
    out.print(Text(f"Your promises, {words.full_date(today)}", style="title"))
    for item in found:
        out.print()
        out.print(Text.assemble((f"{item.promise.id:<6} ", "accent"), item.promise.summary()))
        out.print(Text(INDENT + _status_line(item), style="muted"))
        weeks = len(item.calendar) // 7
        out.print(Text(INDENT + " ".join([WEEK_HEADER] * weeks), style="muted"))
        out.print(_calendar(item, today))
        out.print(Text(INDENT + _figures_line(item)))
    out.print()
    out.print(Text(LEGEND, style="muted"))
    if any(cell.status == PAUSED for item in found for cell in item.calendar):
        out.print(Text(PAUSED_LEGEND, style="muted"))
    for line in words.STRENGTH_EXPLAINED:
        out.print(Text(line, style="muted"))


def _status_line(item: PromiseStanding) -> str:
    promise = item.promise
    parts = [item.schedule]
    if promise.retired is not None:
        parts.append(f"retired on {promise.retired.isoformat()}")
    elif promise.start > item.today:
        parts.append(f"starts {promise.start.isoformat()}")
    elif not item.active:
        parts.append("finished")
    elif item.today_status != PAUSED:  # a pause says so below, with its days
        parts.append(TODAY_WORDS[item.today_status])
    if promise.end is not None and promise.end >= item.today and promise.retired is None:
        parts.append(f"until {promise.end.isoformat()}")
    pause = next((span for span in promise.paused if span.covers(item.today)), None)
    if pause is not None and promise.retired is None:
        since = f"paused since {words.short_date(pause.first)}"
        if pause.last is not None:
            since += f", due again {words.short_date(pause.last + timedelta(days=1))}"
        parts.append(since)
    return " · ".join(parts)


def _calendar(item: PromiseStanding, today: date) -> object:
    from trustlog.render.console import Text

    line = Text(INDENT)
    for index, cell in enumerate(item.calendar):
        if index and index % 7 == 0:
            line.append(" ")
        symbol, style = CELLS[cell.status]
        if cell.date == today and cell.status == UNRECORDED:
            symbol, style = TODAY_OPEN
        line.append(symbol, style=style or None)
    return line


def _figures_line(item: PromiseStanding) -> str:
    """Follow-through first; strength only once it means something (STRENGTH_SHOWN_FROM)."""
    if item.strength is None:
        return "no days recorded yet"
    recorded = item.kept + item.broken + item.repaired
    follow = words.percent(item.kept / recorded)
    parts = [f"kept {item.kept} of {words.count(recorded, 'day')} recorded ({follow})"]
    run = f"now {item.current_run} in a row" if item.current_run else ""
    if item.longest_run > item.current_run:
        run = f"{run} (longest {item.longest_run})" if run else f"longest run {item.longest_run}"
    if run:
        parts.append(run)
    if recorded >= STRENGTH_SHOWN_FROM:
        parts.append(f"strength {round(item.strength * 100)}%")
    else:
        parts.append(f"strength from day {STRENGTH_SHOWN_FROM}")
    return " · ".join(parts)


def mark_saved(
    output: Output, result: MarkResult, today: date, hint: bool = True, json: bool = False
) -> None:
    if json:
        output.json(mark_json(result))
        return
    from rich.markup import escape

    mark = result.mark
    when = (
        "today"
        if mark.date == today
        else f"on {words.full_date(mark.date, year=False)} ({mark.date.isoformat()})"
    )
    word = "broken, then repaired" if mark.repaired else mark.outcome
    text = escape(result.promise.summary())
    replaced = result.replaced
    if replaced is not None:
        before = "broken, then repaired" if replaced.repaired else replaced.outcome
        if before == word:
            said = f"“{text}” {when} stays {word}."
        elif replaced.outcome == BROKEN and not replaced.repaired and mark.repaired:
            said = f"Added a repair to “{text}” {when}: broken, then repaired."
        else:
            said = f"Changed “{text}” {when} from {before} to {word}."
        output.say(f"{said} [muted]id {mark.id}[/muted]")
    else:
        output.say(f"Marked “{text}” {when}: {word}. [muted]id {mark.id}[/muted]")
    if hint and mark.outcome == BROKEN and not mark.repaired:
        output.say(
            "[muted]A small repair can still count: trustlog promise broken "
            f"{result.promise.id} --date {mark.date.isoformat()} --repair "
            '"what you did"[/muted]'
        )


def mark_json(result: MarkResult) -> dict[str, Any]:
    return {**result.mark.to_json(), "action": "updated" if result.replaced else "created"}


def marks_saved(output: Output, results: list[MarkResult], today: date) -> None:
    for result in results:
        mark_saved(output, result, today, hint=False)


def dashboard_promises(
    output: Output,
    due: list[DueDay],
    unrecorded: list[DueDay],
    heading: str = "Promises due today:",
) -> None:
    """Today's promises, and the days of the last week still open (`trustlog catchup`)."""
    from trustlog.render.console import Text

    out = output.out
    if due:
        out.print(Text(heading))
    for item in due:
        symbol, style = TODAY_OPEN if item.status == UNRECORDED else CELLS[item.status]
        line = Text(f"  {symbol} ", style=style or "")
        line.append(item.promise.summary(), style="")
        word = TODAY_WORDS[item.status].replace(" today", "").replace("due, ", "")
        by = f"by {item.promise.due}, " if item.promise.due and item.status == UNRECORDED else ""
        line.append(f"  {by}{word}", style="muted")
        line.append(f"  {item.promise.id}", style="accent")
        out.print(line)
    if unrecorded:
        out.print(Text("Not recorded yet from the last few days:"))
    for item in unrecorded:
        line = Text(f"  {CELLS[UNRECORDED][0]} {words.short_date(item.date)}  ", style="muted")
        line.append(item.promise.summary(), style="")
        line.append(f"  {item.promise.id}", style="accent")
        out.print(line)


def promise_retired(output: Output, result: RetireResult, json: bool = False) -> None:
    if json:
        output.json({**result.promise.to_json(), "already_retired": result.already})
        return
    from rich.markup import escape

    promise = result.promise
    assert promise.retired is not None
    text = escape(promise.summary())
    if result.already:
        output.say(f"“{text}” was already retired on {promise.retired.isoformat()}.")
        return
    output.say(
        f"Retired “{text}”: it will not be asked about again. Its history stays, "
        "and `trustlog promise list --all` still shows it."
    )


def pause_saved(output: Output, result: PauseResult, json: bool = False) -> None:
    """What `promise pause` or `resume` did, in a sentence; or the promise as JSON."""
    from trustlog.domain.promise.pause import ALREADY, CANCELLED, PAUSED

    if json:
        output.json({**result.promise.to_json(), "action": result.action})
        return
    from rich.markup import escape

    promise, span = result.promise, result.span
    text = f"“{escape(promise.summary())}” ({promise.id})"
    first = words.full_date(span.first, year=False)
    if result.action in (PAUSED, ALREADY):
        until = (
            f"to {words.full_date(span.last, year=False)}"
            if span.last is not None
            else f"until you resume it (`trustlog promise resume {promise.id}`)"
        )
        done = "Paused" if result.action == PAUSED else "Already paused:"
        output.say(
            f"{done} {text} from {first} {until}. Paused days are not due, and count in no figure."
        )
        return
    assert result.resumed_on is not None
    again = words.full_date(result.resumed_on, year=False)
    if result.action == CANCELLED:
        output.say(f"No longer paused: {text} is due as before; the pause from {first} is gone.")
        return
    output.say(f"Resumed {text}: due again from {again}. The days paused before stay set aside.")
