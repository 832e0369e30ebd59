"""`trustlog` alone: today at a glance."""

from __future__ import annotations

from trustlog.domain.dashboard import Dashboard
from trustlog.render.output import Output


def dashboard(output: Output, board: Dashboard) -> None:
    from rich.markup import escape

    name = f", {escape(board.profile.name)}" if board.profile.name else ""
    out = output.out
    out.print(f"[title]{board.today:%A %-d %B %Y}[/title]{name}")
    if board.checkin_today:
        out.print(f"[good]✓[/good] You checked in today: {escape(board.checkin_today.summary())}.")
    else:
        out.print("○ No check-in yet today.")
    days = board.month_checkin_days
    out.print(
        f"This month: {days} check-in day{'s' if days != 1 else ''}, "
        f"{board.month_entries} entr{'ies' if board.month_entries != 1 else 'y'} in all."
    )
    if board.last_checkin and not board.checkin_today:
        out.print(f"[muted]Last check-in: {board.last_checkin:%A %-d %B}.[/muted]")
    if board.promises_due or board.promises_unrecorded:
        from trustlog.render.promise import dashboard_promises

        dashboard_promises(output, board.promises_due, board.promises_unrecorded)
    for hint in board.hints:
        out.print(f"[muted]Next:[/muted] {escape(hint)}")
