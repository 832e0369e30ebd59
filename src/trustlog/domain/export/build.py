"""Building an export: the window, what may leave the machine, and the summary.

The order matters for privacy: entries are read, then what the person left
out (private entries, kinds not chosen) is dropped, then the chosen words are
redacted, and only then is anything counted or summarised. So no figure,
key day or concern can speak of an entry that is not in the export.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from trustlog.domain import kinds
from trustlog.domain.agreement.model import Agreement
from trustlog.domain.apology.model import Apology
from trustlog.domain.checkin.model import Checkin
from trustlog.domain.contract.model import Contract
from trustlog.domain.core.entry import Entry
from trustlog.domain.core.period import SPAN, Period
from trustlog.domain.entries.service import load_file
from trustlog.domain.export import summary as summarise
from trustlog.domain.export.choice import check_flags, check_kinds, left_out_because
from trustlog.domain.export.model import Day, Export, LeftOut, Options
from trustlog.domain.export.redact import Redactor
from trustlog.domain.profile import load_profile
from trustlog.domain.promise.model import Mark, Promise
from trustlog.domain.report import history
from trustlog.domain.report.figures import measure
from trustlog.domain.ritual.model import Ritual
from trustlog.domain.trigger.model import Trigger
from trustlog.storage.journal import Journal

RECENT_DAYS = 28  # the default window of a therapist's export: the last four weeks


def window(journal: Journal, options: Options, today: date) -> Period:
    """The days the export covers: --from/--to, else the format's default.

    The default is the last four weeks ending today, or for a format that
    keeps everything, the whole journal: its first dated entry to today (or
    its last entry, if one is dated later).
    """
    start, end = options.start, options.end
    check_flags(start, end, ())
    if options.whole_journal and (start is None or end is None):
        dates = [f.date for f in journal.files_between(None, None) if f.date is not None]
        if start is None:
            start = min(dates, default=end or today)
        if end is None:
            end = max([*dates, today, start])
    if end is None:
        end = max(today, start) if start is not None else today
    if start is None:
        start = end - timedelta(days=RECENT_DAYS - 1)
    return Period(SPAN, start, end)


def build_export(journal: Journal, options: Options, today: date, now: datetime) -> Export:
    """Everything the export holds, filtered and redacted (see the module's docstring)."""
    journal.settings()  # refuses a journal from a newer trustlog before reading anything
    only = check_kinds(options.only)
    redactor = Redactor(options.redact)
    period = window(journal, options, today)
    before = period.previous() if options.summary else None
    first = before.start if before is not None else period.start
    kept: list[Entry] = []
    left: dict[tuple[str, str], int] = {}
    read = [load_file(journal, f).entry for f in journal.files_between(first, period.end)]
    # Records kept in folders of their own: promises, and the frame the two people
    # agreed (the contract's revisions, the agreements), shown on the day each was made.
    undated = [
        load_file(journal, f).entry
        for cls in (Promise, Contract, Agreement)
        for f in journal.undated_files(cls.folder or "", cls.kind)
    ]
    for entry in [*read, *undated]:
        reason = left_out_because(entry, options.include_private, only)
        if reason is None:
            kept.append(redactor.entry(entry))
        elif _counts_in(entry, period, options.whole_journal):
            slot = (entry.kind, reason)
            left[slot] = left.get(slot, 0) + 1

    checkins = sorted(
        (e for e in kept if isinstance(e, Checkin)), key=lambda c: (c.date, c.created, c.id)
    )
    triggers = sorted((e for e in kept if isinstance(e, Trigger)), key=lambda t: (t.at, t.id))
    marks = history.latest_marks(e for e in kept if isinstance(e, Mark))
    chosen_promises = [e for e in kept if isinstance(e, Promise)]
    outcomes = {(mark.promise, mark.date): mark for mark in marks}

    # A repeat argument looks back over the whole journal, as in the report: the
    # cached tally of the months before, then the check-ins read here, in order.
    tally = history.tally_before(journal, first.year, first.month)
    counted = [(checkin, tally.add_checkin(checkin)) for checkin in checkins]
    figures = measure(period, counted, chosen_promises, outcomes, triggers, today)
    records = summarise.promise_records(
        chosen_promises, marks, period, today, every=options.whole_journal
    )

    export = Export(
        period=period,
        made=now,
        options=Options(
            start=period.start,
            end=period.end,
            include_private=options.include_private,
            only=only,
            summary=options.summary,
            whole_journal=options.whole_journal,
            include_partner=options.include_partner,
        ),
        figures=figures,
        days=_days([e for e in kept if not isinstance(e, Promise)], period),
        promises=records,
        left_out=[LeftOut(kind, reason, n) for (kind, reason), n in sorted(left.items())],
    )
    export.counts = _counts(export)
    name = load_profile(journal).name
    export.author = redactor.text(name) if name else None
    if before is not None:
        previous = measure(before, counted, chosen_promises, outcomes, triggers, today)
        export.summary = summarise.summary(
            export, previous, [redactor.text(item) for item in options.agenda]
        )
    if options.include_partner:
        from trustlog.domain.partner.figures import shared_for_export

        export.partner = shared_for_export(journal, period, today)
        if export.partner is not None:
            for promise in export.partner.promises:
                promise.text = redactor.text(promise.text)
            export.partner.side.name = redactor.text(export.partner.side.name)
    export.redactions = redactor.count
    return export


def _counts_in(entry: Entry, period: Period, whole: bool) -> bool:
    """Is the entry one the window would have shown (so worth saying it was left out)?"""
    if isinstance(entry, Promise):
        return whole or summarise.scheduled_in(entry, period)
    return entry.day in period


def _days(entries: list[Entry], period: Period) -> list[Day]:
    by_date: dict[date, Day] = {}
    for entry in entries:
        day = entry.day
        if day is None or day not in period:
            continue
        slot = by_date.setdefault(day, Day(day))
        if isinstance(entry, Checkin):
            slot.checkins.append(entry)
        elif isinstance(entry, Trigger):
            slot.triggers.append(entry)
        elif isinstance(entry, Apology):
            slot.apologies.append(entry)
        elif isinstance(entry, Mark):
            slot.marks.append(entry)
        elif isinstance(entry, Ritual):
            slot.rituals.append(entry)
        elif isinstance(entry, Contract | Agreement):
            slot.frame.append(entry)
        else:
            slot.others.append(entry)
    for slot in by_date.values():
        slot.checkins.sort(key=lambda c: (c.created, c.id))
        slot.triggers.sort(key=lambda t: (t.at, t.id))
        slot.apologies.sort(key=lambda a: (a.created, a.id))
        slot.marks = history.latest_marks(slot.marks)
        slot.rituals.sort(key=lambda r: (r.created, r.id))
        slot.frame.sort(key=lambda f: (f.created, f.id))
    return [by_date[day] for day in sorted(by_date)]


def _counts(export: Export) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in export.entries:
        kind = getattr(entry, "stored_kind", entry.kind)
        counts[kind] = counts.get(kind, 0) + 1
    order = {name: n for n, name in enumerate(kinds.NAMES)}  # the registry's order
    return dict(sorted(counts.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))
