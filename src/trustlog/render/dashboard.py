"""`trustlog` alone: today at a glance, or the same as JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from trustlog.domain.core.entry import jsonable
from trustlog.domain.dashboard import CATCHUP_HINT, Dashboard
from trustlog.render import words
from trustlog.render.output import Output

UNRECORDED_SHOWN = 3  # more than this, and the dashboard says how many, not each one
ENDS_A_SENTENCE = (".", "!", "?", "…")


def sentence(text: str) -> str:
    """`text` ending with a full stop, unless it ends a sentence already ("Calm." stays)."""
    return text if text.rstrip().endswith(ENDS_A_SENTENCE) else f"{text}."


def dashboard(output: Output, board: Dashboard, json: bool = False) -> None:
    if json:
        output.json(dashboard_json(board))
        return
    from rich.markup import escape

    from trustlog.render.console import Text

    profile = board.profile
    name = f", {escape(profile.name)}" if profile.name else ""
    out = output.out
    out.print(f"[title]{words.full_date(board.today)}[/title]{name}")
    if board.checkin_today:
        summary = board.checkin_today.summary(words.quoted)
        out.print(f"[good]✓[/good] You checked in today: {escape(sentence(summary))}")
    else:
        out.print("○ No check-in yet today.")
    out.print(
        f"This month: {words.count(board.month_checkin_days, 'check-in day')}, "
        f"{words.count(board.month_entries, 'entry', 'entries')} written."
    )
    if board.last_checkin and not board.checkin_today:
        out.print(
            f"[muted]Last check-in: {words.full_date(board.last_checkin, year=False)}.[/muted]"
        )
    if board.promises_due or board.promises_unrecorded:
        from trustlog.render.promise import dashboard_promises

        # The promises of the one repairing trust are made to their partner: say so by name.
        to = f" to {profile.partner}" if profile.partner and profile.role == "repairing" else ""
        dashboard_promises(
            output,
            board.promises_due,
            board.promises_unrecorded[:UNRECORDED_SHOWN],
            heading=f"Your promises{to}, due today:" if to else "Promises due today:",
        )
        more = len(board.promises_unrecorded) - UNRECORDED_SHOWN
        if more > 0:
            out.print(Text(f"  … and {more} more.", style="muted"))
        if board.promises_unrecorded and CATCHUP_HINT not in board.hints:
            out.print(Text(f"  To record them: {CATCHUP_HINT}", style="muted"))
    if board.triggers_settling:
        out.print(Text("Still settling:"))
    for trigger in board.triggers_settling:
        line = Text("  ○ ")
        line.append(words.quoted(trigger.what or "a flare-up"))
        line.append(f"  since {words.short_date_time(trigger.at.astimezone())}", style="muted")
        out.print(line)
        out.print(
            Text(f"    when it has settled: trustlog trigger resolve {trigger.id}", style="muted")
        )
    if board.contract_due and board.contract_revisit:
        out.print(
            f"○ Your repair contract is due to be revisited "
            f"(set for {words.short_date(board.contract_revisit)})."
        )
        out.print(Text("  when you have talked it over: trustlog contract write", style="muted"))
    for agreement in board.reviews_due:
        line = Text("○ Agreement to review together: ")
        line.append(words.quoted(agreement.summary()))
        out.print(line)
    if board.reviews_due:
        out.print(Text("  to reword or retire one: trustlog agreement list", style="muted"))
    week = board.ritual
    if week is not None and (week.plan is not None or week.rituals):
        from trustlog.render.ritual import week_lines

        out.print(Text("This week's ritual:"))
        for line in week_lines(week, indent="  "):
            out.print(line)
    if board.partner_shared is not None:
        from trustlog.render.partner import news_line

        out.print(news_line(board.partner_shared))
    if board.conflicts:
        copies = words.count(board.conflicts, "conflict copy", "conflict copies")
        out.print(f"○ Sync kept {copies}: the other version of an entry changed on two devices.")
        out.print(Text("  to look: trustlog entries --kind conflict", style="muted"))
    for hint in board.hints:
        out.print(f"[muted]Next:[/muted] {escape(hint)}")


def dashboard_json(board: Dashboard) -> dict[str, Any]:
    data: dict[str, Any] = jsonable(asdict(board))
    data["profile"]["day_ends"] = board.day_ends  # the default too, as `init --json` says it
    data["checkin_today"] = board.checkin_today.to_json() if board.checkin_today else None
    data["promises_due"] = [due.to_json() for due in board.promises_due]
    data["promises_unrecorded"] = [due.to_json() for due in board.promises_unrecorded]
    data["triggers_settling"] = [trigger.to_json() for trigger in board.triggers_settling]
    data["reviews_due"] = [agreement.to_json() for agreement in board.reviews_due]
    if board.ritual is not None:
        from trustlog.render.ritual import week_json

        data["ritual"] = week_json(board.ritual)
    return data
