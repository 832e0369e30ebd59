"""`trustlog` alone: today at a glance, or the same as JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from trustlog.domain.core.entry import jsonable
from trustlog.domain.dashboard import Dashboard
from trustlog.render import words
from trustlog.render.output import Output


def dashboard(output: Output, board: Dashboard, json: bool = False) -> None:
    if json:
        output.json(dashboard_json(board))
        return
    from rich.markup import escape

    name = f", {escape(board.profile.name)}" if board.profile.name else ""
    out = output.out
    out.print(f"[title]{words.full_date(board.today)}[/title]{name}")
    if board.checkin_today:
        summary = board.checkin_today.summary(words.quoted)
        out.print(f"[good]✓[/good] You checked in today: {escape(summary)}.")
    else:
        out.print("○ No check-in yet today.")
    out.print(
        f"This month: {words.count(board.month_checkin_days, 'check-in day')}, "
        f"{words.count(board.month_entries, 'entry', 'entries')} in all."
    )
    if board.last_checkin and not board.checkin_today:
        out.print(
            f"[muted]Last check-in: {words.full_date(board.last_checkin, year=False)}.[/muted]"
        )
    if board.promises_due or board.promises_unrecorded:
        from trustlog.render.promise import dashboard_promises

        dashboard_promises(output, board.promises_due, board.promises_unrecorded)
    for hint in board.hints:
        out.print(f"[muted]Next:[/muted] {escape(hint)}")


def dashboard_json(board: Dashboard) -> dict[str, Any]:
    data: dict[str, Any] = jsonable(asdict(board))
    data["checkin_today"] = board.checkin_today.to_json() if board.checkin_today else None
    data["promises_due"] = [due.to_json() for due in board.promises_due]
    data["promises_unrecorded"] = [due.to_json() for due in board.promises_unrecorded]
    return data
