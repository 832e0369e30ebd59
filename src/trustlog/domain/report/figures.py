"""The progress report: the five markers for a month or an ISO week, beside the period before.

Every figure follows CONTRACT.md (`report`). What the report reads: the month
folders from the start of the previous period (or four weeks before this one,
for the "kept four weeks running" milestone) to the end of this period, the
promise files, and one cached tally of everything earlier (history.py).
"""

from __future__ import annotations

import math
import os
from datetime import date, timedelta

from trustlog.domain import folders
from trustlog.domain.checkin.model import KIND as CHECKIN
from trustlog.domain.checkin.model import Checkin
from trustlog.domain.core.period import MONTH, Period
from trustlog.domain.promise.model import MARK, Mark, Promise
from trustlog.domain.promise.schedule import is_active, mark_value, scheduled_days, strength
from trustlog.domain.report import history, progress
from trustlog.domain.report.model import (
    DayFigures,
    Figures,
    Report,
    RitualFigures,
    TriggerFigures,
)
from trustlog.domain.ritual.model import DATE, REPAIR
from trustlog.domain.ritual.service import care_days, rituals_between
from trustlog.domain.trigger.model import KIND as TRIGGER
from trustlog.domain.trigger.model import Trigger
from trustlog.storage.journal import Journal

# -- building -------------------------------------------------------------------


def build_report(journal: Journal, period: Period, today: date) -> Report:
    """Every figure of `period` and of the period before, with trends, milestones and notes."""
    journal.settings()  # refuses a journal from a newer trustlog before reading or caching
    previous = compared_span(period, today)
    first_day = min(previous.start, period.start - timedelta(days=progress.KEPT_RUN_DAYS))
    months = journal.months(first_day, period.end)
    tally = history.tally_before(journal, *months[0])
    base = tally.copy()
    checkins: list[Checkin] = []
    marks: list[Mark] = []
    triggers: list[Trigger] = []
    for year, month in months:
        records = history.read_month(journal, year, month, (CHECKIN, MARK, TRIGGER))
        checkins += records.checkins
        marks += records.marks
        triggers += records.triggers
    promises = history.promise_schedules(journal)
    rituals = rituals_between(journal, previous.start, period.end)
    as_of = _as_of(period, today)

    # Repeats look back over all history: fold every check-in up to the period's end.
    repeats: list[int] = []
    before_period: tuple[int, int] | None = None  # (check-in days, longest run) so far
    for checkin in checkins:
        if checkin.date > period.end:
            break
        if before_period is None and checkin.date >= period.start:
            before_period = (tally.checkin_days, tally.longest_run)
        repeats.append(tally.add_checkin(checkin))
    if before_period is None:
        before_period = (tally.checkin_days, tally.longest_run)

    outcomes = {(mark.promise, mark.date): mark for mark in marks}
    counted = list(zip(checkins, repeats, strict=False))  # up to the period's end
    current, earlier = (
        measure(each, counted, promises, outcomes, triggers, today) for each in (period, previous)
    )
    for figures in (current, earlier):
        end = _as_of(figures.period, today)
        figures.promises.strength = _strength(tally.scores, marks, promises, end)
        done = [ritual.what for ritual in rituals if ritual.date in figures.period]
        figures.ritual = RitualFigures(
            repair=done.count(REPAIR),
            date=done.count(DATE),
            care_days=care_days([c for c in checkins if c.date in figures.period]),
        )

    whole = period.previous()
    report = Report(current, earlier, as_of, today)
    report.earlier_recorded = (
        any(c.date in whole for c in checkins)
        or any(m.date in whole for m in marks)
        or any(t.day in whole for t in triggers)
    )
    report.trends = progress.trends(current, earlier)
    report.milestones = progress.milestones(
        journal,
        current,
        earlier,
        before_period,
        (tally.checkin_days, tally.longest_run),
        promises,
        outcomes,
        as_of,
        first_calm_month=_first_calm_month(base, current, earlier),
        running=report.running,
    )
    # The notes speak of two whole periods ("for two months now"): not while one is running.
    report.notes = [] if report.running else progress.notes(current, earlier)
    _frame(journal, report, today)
    # What a partner shared: its modules (and their TOML and JSON) load only when it is here.
    if os.path.isdir(journal.root / PARTNER_FOLDER):
        from trustlog.domain.partner.figures import side_by_side

        report.partner = side_by_side(journal, period, as_of)
    return report


PARTNER_FOLDER = "partner"  # domain/partner/store.py's FOLDER (a test holds them together)


def _frame(journal: Journal, report: Report, today: date) -> None:
    """The contract's revisit and the agreements' reviews, as of today, with a note if due.

    A journal without a contract or an agreement (most of them, and every one brought
    in from jrnl) lists the two folders and loads neither feature's modules.
    """
    standing = None
    if journal.undated_files(folders.CONTRACTS):
        from trustlog.domain.contract.service import contract_standing

        standing = contract_standing(journal, today)
    report.contract = standing.to_json() if standing else None
    if journal.undated_files(folders.AGREEMENTS):
        from trustlog.domain.agreement.service import reviews_due

        report.reviews_due = [agreement.id for agreement in reviews_due(journal, today)]
    due = standing.contract.revisit if standing and standing.due else None
    report.notes += progress.due_notes(due, len(report.reviews_due))


def measure(
    period: Period,
    checkins: list[tuple[Checkin, int]],
    promises: list[Promise],
    outcomes: dict[tuple[str, date], Mark],
    triggers: list[Trigger],
    today: date,
) -> Figures:
    """The figures of `period` from these entries (those outside it are passed over).

    `checkins` come with how many of each one's arguments are repeats (a
    `history.Tally` says, looking back over the journal); `outcomes` are the
    marks by (promise id, date). The strength score is left to the caller,
    which knows the cached history it folds in. The report and the export
    both count with this one function.
    """
    figures = Figures(period)
    inside = [(checkin, repeats) for checkin, repeats in checkins if checkin.date in period]
    _checkin_figures(figures, [c for c, _ in inside], [r for _, r in inside])
    _promise_figures(figures, promises, outcomes, today)
    figures.triggers = TriggerFigures(
        [(t.at, t.recovery_minutes) for t in triggers if t.day in period]
    )
    by_day = {day.date: day for day in figures.days}
    for started, _ in figures.triggers.items:
        by_day[started.date()].triggers += 1
    return figures


def compared_span(period: Period, today: date) -> Period:
    """What `period` is compared with: the period before, or while `period` is still running,
    as many days from that one's start as have passed of this one (today included), so like is
    compared with like: on 25 November, 1 to 25 October. A shorter period before is taken whole.
    """
    previous = period.previous()
    if not is_running(period, today):
        return previous
    end = min(previous.end, previous.start + (today - period.start))
    return Period(previous.kind, previous.start, end)


def is_running(period: Period, today: date) -> bool:
    return period.start <= today <= period.end


def _first_calm_month(base: history.Tally, now: Figures, before: Figures) -> bool:
    """Is this the first calm month (history.is_calm) of the journal?

    For a month report the months read begin with the previous month, so the
    cached tally `base` covers everything before that one.
    """
    if now.period.kind != MONTH:
        return False
    before_calm = history.is_calm(before.checkin_days > 0, before.repeats, base.repeats)
    return (
        base.calm_months == 0
        and not before_calm
        and history.is_calm(now.checkin_days > 0, now.repeats, base.repeats + before.repeats)
    )


def _as_of(period: Period, today: date) -> date:
    """The day the period's figures stand at: its end, or today while it is still running."""
    return today if is_running(period, today) else period.end


# -- figures ----------------------------------------------------------------------


def _checkin_figures(figures: Figures, checkins: list[Checkin], repeats: list[int]) -> None:
    days = {each: DayFigures(each) for each in figures.period.days()}
    moods: dict[date, list[int]] = {}
    trusts: dict[date, list[int]] = {}
    for checkin in checkins:
        days[checkin.date].checkin = True
        if checkin.mood is not None:
            moods.setdefault(checkin.date, []).append(checkin.mood)
        if checkin.trust is not None:
            trusts.setdefault(checkin.date, []).append(checkin.trust)
        figures.affection += checkin.affection or 0
        figures.detective += checkin.detective or 0
        figures.arguments += sum(1 for topic in checkin.arguments if topic.strip())
    figures.repeats = sum(repeats)
    for when, found in moods.items():
        days[when].mood = fmean(found)
    for when, found in trusts.items():
        days[when].trust = fmean(found)
    every_mood = [c.mood for c in checkins if c.mood is not None]
    every_trust = [c.trust for c in checkins if c.trust is not None]
    figures.mood_average = fmean(every_mood) if every_mood else None
    figures.trust_average = fmean(every_trust) if every_trust else None
    figures.checkin_days = sum(1 for day in days.values() if day.checkin)
    run = longest = 0
    for day in days.values():
        run = run + 1 if day.checkin else 0
        longest = max(longest, run)
    figures.longest_streak = longest
    figures.days = list(days.values())


def _promise_figures(
    figures: Figures,
    promises: list[Promise],
    outcomes: dict[tuple[str, date], Mark],
    today: date,
) -> None:
    """Each scheduled day of the period is kept, broken, repaired, or (up to today) unrecorded."""
    by_day = {day.date: day for day in figures.days}
    tally = figures.promises
    for promise in promises:
        for day in scheduled_days(promise, figures.period.start, figures.period.end):
            mark = outcomes.get((promise.id, day))
            slot = by_day[day]
            if mark is None:
                if day < today:  # today is still open
                    tally.unrecorded += 1
                    slot.unrecorded += 1
            elif mark.outcome == "kept":
                tally.kept += 1
                slot.kept += 1
            elif mark.repaired:
                tally.repaired += 1
                slot.repaired += 1
            else:
                tally.broken += 1
                slot.broken += 1


def _strength(
    cached: dict[str, float], marks: list[Mark], promises: list[Promise], end: date
) -> float | None:
    """The forgiving score at `end`, averaged over the promises active that day."""
    active = [promise for promise in promises if is_active(promise, end)]
    if not active:
        return None
    scores = []
    for promise in active:
        values = [
            mark_value(mark) for mark in marks if mark.promise == promise.id and mark.date <= end
        ]
        scores.append(strength(values, start=cached.get(promise.id, 0.0)))
    return fmean(scores)


def fmean(values: list[float] | list[int]) -> float:
    """statistics.fmean, as it works it out (math.fsum over the count), without importing
    statistics (and fractions and decimal with it) for every report."""
    return math.fsum(values) / len(values)
