"""Today at a glance: did I check in, what this month holds, what to do next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from trustlog.domain.checkin.model import KIND as CHECKIN
from trustlog.domain.checkin.model import Checkin, find_checkin
from trustlog.domain.profile import Profile, load_profile
from trustlog.domain.promise.standing import UNRECORDED, DueDay, at_a_glance
from trustlog.storage.journal import Journal


@dataclass
class Dashboard:
    today: date
    journal: str
    profile: Profile
    checkin_today: Checkin | None
    month_checkin_days: int
    month_entries: int
    last_checkin: date | None
    hints: list[str] = field(default_factory=list)
    promises_due: list[DueDay] = field(default_factory=list)  # today's, marked or not
    promises_unrecorded: list[DueDay] = field(default_factory=list)  # the last few days


def build_dashboard(journal: Journal, today: date) -> Dashboard:
    """Reads this month's and last month's folders, and the promises folder, only."""
    this_month = journal.month_files(today.year, today.month)
    last = today.replace(day=1) - timedelta(days=1)
    earlier = journal.month_files(last.year, last.month, CHECKIN)
    checkin_days = sorted(
        {f.date for f in earlier + this_month if f.kind == CHECKIN and f.date and f.date <= today}
    )
    found = find_checkin(journal, today)
    board = Dashboard(
        today=today,
        journal=str(journal.root),
        profile=load_profile(journal),
        checkin_today=found[1] if found else None,
        month_checkin_days=sum(
            1 for d in checkin_days if (d.year, d.month) == (today.year, today.month)
        ),
        month_entries=len(this_month),
        last_checkin=checkin_days[-1] if checkin_days else None,
    )
    glance = at_a_glance(journal, today)
    board.promises_due, board.promises_unrecorded = glance.today, glance.unrecorded
    if found is None:
        board.hints.append("trustlog checkin — a few minutes on how today went.")
    else:
        board.hints.append("trustlog checkin again updates today's check-in.")
    open_today = [d for d in glance.today if d.status == UNRECORDED]
    if open_today:
        board.hints.append(f"trustlog promise kept {open_today[0].promise.id} — when it is done.")
    return board
