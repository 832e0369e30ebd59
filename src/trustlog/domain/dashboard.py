"""Today at a glance: did I check in, what this month holds, what to do next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from trustlog import clock
from trustlog.domain import folders
from trustlog.domain.agreement.model import Agreement
from trustlog.domain.agreement.service import reviews_due
from trustlog.domain.care import hard_checkin, strong_unsettled
from trustlog.domain.checkin.model import KIND as CHECKIN
from trustlog.domain.checkin.model import Checkin, find_checkin
from trustlog.domain.contract.service import contract_standing
from trustlog.domain.partner.figures import SharedNews, shared_lately
from trustlog.domain.profile import Profile, load_profile
from trustlog.domain.promise.model import MARK
from trustlog.domain.promise.standing import UNRECORDED, DueDay, at_a_glance
from trustlog.domain.ritual.service import RitualWeek, week_status
from trustlog.domain.trigger.model import KIND as TRIGGER
from trustlog.domain.trigger.model import Trigger
from trustlog.storage.journal import Journal

CATCHUP_HINT = "trustlog catchup — the days not recorded yet, one key each."
# After a hard check-in or a strong flare-up today: nothing more to do, said kindly.
GENTLE_HINT = "nothing more is asked of you today. Go gently, and rest when you can."
# Late in the evening, or after midnight before the day ends: the day is done.
DONE_HINT = "nothing more today: your check-in is done."
LATE = time(21, 0)


@dataclass
class Dashboard:
    today: date
    journal: str
    profile: Profile
    checkin_today: Checkin | None
    month_checkin_days: int
    month_entries: int  # what a person wrote this month; promise marks are not entries
    last_checkin: date | None
    hints: list[str] = field(default_factory=list)  # one: what to do next
    promises_due: list[DueDay] = field(default_factory=list)  # today's, marked or not
    promises_unrecorded: list[DueDay] = field(default_factory=list)  # the last few days
    triggers_settling: list[Trigger] = field(default_factory=list)  # oldest first
    contract_revisit: date | None = None  # the current contract's, once one is written
    contract_due: bool = False  # its revisit has come
    reviews_due: list[Agreement] = field(default_factory=list)  # agreements to look at again
    ritual: RitualWeek | None = None  # this week's: what is done, what is planned
    day_ends: str = "04:00"  # when the journal's day ends (clock.day_of), HH:MM
    partner_shared: SharedNews | None = None  # a share received from the partner this week
    conflicts: int = 0  # other versions `trustlog sync` kept, until the person deletes them
    # A check-in at the bottom today, or a strong flare-up of today not settled (domain/care.py)
    hard_today: bool = False
    late: bool = False  # from 21:00 until the day ends


def build_dashboard(journal: Journal, today: date, now: datetime | None = None) -> Dashboard:
    """Reads this month's and last month's folders, the promises and plans folders, only.

    A trigger still settling is shown while it is in those two months: one
    left open longer is for `trustlog entries --kind trigger` to find.
    """
    this_month = journal.month_files(today.year, today.month)
    last = today.replace(day=1) - timedelta(days=1)
    earlier = journal.month_files(last.year, last.month)
    checkin_days = sorted(
        {f.date for f in earlier + this_month if f.kind == CHECKIN and f.date and f.date <= today}
    )
    found = find_checkin(journal, today)
    profile = load_profile(journal)
    board = Dashboard(
        today=today,
        journal=str(journal.root),
        profile=profile,
        day_ends=f"{profile.day_end:%H:%M}",
        checkin_today=found[1] if found else None,
        month_checkin_days=sum(
            1 for d in checkin_days if (d.year, d.month) == (today.year, today.month)
        ),
        month_entries=sum(1 for f in this_month if f.kind != MARK),
        last_checkin=checkin_days[-1] if checkin_days else None,
    )
    for entry_file in earlier + this_month:
        if entry_file.kind == TRIGGER:
            trigger = Trigger.from_document(journal.read(entry_file))
            if trigger.resolved_at is None:
                board.triggers_settling.append(trigger)
    board.triggers_settling.sort(key=lambda trigger: trigger.at)
    glance = at_a_glance(journal, today)
    board.promises_due, board.promises_unrecorded = glance.today, glance.unrecorded
    standing = contract_standing(journal, today)
    if standing is not None:
        board.contract_revisit, board.contract_due = standing.contract.revisit, standing.due
    board.reviews_due = reviews_due(journal, today)
    board.ritual = week_status(journal, today)
    board.partner_shared = shared_lately(journal, today)
    board.conflicts = len(journal.undated_files(folders.CONFLICTS))
    moment = now or clock.now()
    board.late = moment.time() >= LATE or clock.day_of(moment, profile.day_end) < moment.date()
    checkin = board.checkin_today
    board.hard_today = (checkin is not None and hard_checkin(checkin.mood, checkin.trust)) or any(
        strong_unsettled(trigger.intensity, settled=False)
        and clock.day_of(trigger.at.astimezone(), profile.day_end) == today
        for trigger in board.triggers_settling
    )
    board.hints.append(next_step(board))
    return board


def next_step(board: Dashboard) -> str:
    """The one thing most worth doing next: today's check-in, today's promise, catching up."""
    if board.checkin_today is None:
        ready = "when you feel ready: " if board.hard_today else ""
        return f"{ready}trustlog checkin — a few minutes on how today went."
    if board.hard_today:
        return GENTLE_HINT
    open_today = [d for d in board.promises_due if d.status == UNRECORDED]
    if open_today:
        return f"trustlog promise kept {open_today[0].promise.id} — when it is done."
    if board.promises_unrecorded:
        return CATCHUP_HINT
    if board.late:
        return DONE_HINT
    return "trustlog checkin again adds to today's check-in."
