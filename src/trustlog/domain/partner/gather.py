"""What each kind of a share carries, gathered from the person's own journal.

Exactly what CONTRACT.md lists, and nothing else: never the words of a
check-in, a note (a promise's, a mark's, an apology's), detective work,
arguments, triggers, or anything marked private. Each item is plain JSON
data, as it travels and as the partner's journal keeps it.

    promises    each active promise: its text, schedule and each day of the window
                (kept, broken, repaired with the repair's words, or unrecorded), the
                window's follow-through and strength
    checkins    per day, mood and trust only
    contract    the current revision
    agreements  the agreements in force
    ritual      per ISO week: repair check-ins, dates, days with an act of care
    apology     one apology's four parts
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from trustlog.domain.partner.store import AGREEMENTS, APOLOGY, CHECKINS, CONTRACT, PROMISES, RITUAL
from trustlog.errors import InputError
from trustlog.storage.journal import Journal


def gather(
    journal: Journal, kinds: tuple[str, ...], apology: str | None, start: date, end: date
) -> dict[str, Any]:
    """The chosen kinds for the window from `start` to `end`, as they will travel."""
    found: dict[str, Any] = {}
    for kind in kinds:
        found[kind] = GATHER[kind](journal, start, end)
    if apology is not None:
        found[APOLOGY] = [_apology(journal, apology)]
    return found


def is_private(entry: Any) -> bool:
    """Marked private: by its flag, or by `private = true` written into its file by hand."""
    extra = getattr(entry, "extra", None) or {}
    return getattr(entry, "private", False) is True or extra.get("private") is True


def count(kind: str, items: Any) -> int:
    if kind == CONTRACT:
        return 0 if items is None else 1
    return len(items)


def promises(journal: Journal, start: date, end: date) -> list[dict[str, Any]]:
    from trustlog.domain.promise.model import BROKEN, KEPT
    from trustlog.domain.promise.schedule import describe_schedule, mark_value, strength
    from trustlog.domain.promise.service import load_marks, load_promises
    from trustlog.domain.promise.standing import NOT_SCHEDULED, REPAIRED, day_status

    shown = [p for p in load_promises(journal) if _active_in(p, start, end) and not is_private(p)]
    marks = load_marks(journal, start, end) if shown else {}
    found = []
    for promise in shown:
        by_day = {day: m for day, m in marks.get(promise.id, {}).items() if not is_private(m)}
        days: list[dict[str, Any]] = []
        values: list[float] = []
        counts = {KEPT: 0, BROKEN: 0, REPAIRED: 0}
        day = max(start, promise.start)
        while day <= end:
            status = day_status(promise, day, by_day, end)
            if status != NOT_SCHEDULED:
                item: dict[str, Any] = {"date": day.isoformat(), "status": status}
                mark = by_day.get(day)
                if mark is not None:
                    values.append(mark_value(mark))
                    if mark.repair:
                        item["repair"] = mark.repair
                if status in counts:
                    counts[status] += 1
                days.append(item)
            day += timedelta(days=1)
        recorded = sum(counts.values())
        found.append(
            {
                "id": promise.id,
                "text": promise.text,
                "schedule": describe_schedule(promise),
                "every": promise.every,
                "once": promise.once.isoformat() if promise.once else None,
                "due": promise.due,
                "start": promise.start.isoformat(),
                "end": promise.end.isoformat() if promise.end else None,
                "follow_through": counts[KEPT] / recorded if recorded else None,
                "strength": strength(values) if values else None,
                "days": days,
            }
        )
    return found


def _active_in(promise: Any, start: date, end: date) -> bool:
    """Not retired, and scheduled on some day of the window (started, not ended before it)."""
    from trustlog.domain.promise.schedule import last_day

    last = last_day(promise)
    return promise.retired is None and promise.start <= end and (last is None or last >= start)


def checkins(journal: Journal, start: date, end: date) -> list[dict[str, Any]]:
    from trustlog.domain.checkin.model import KIND, Checkin

    found = []
    for entry_file in journal.files_between(start, end, KIND):
        checkin = Checkin.from_document(journal.read(entry_file))
        if is_private(checkin) or (checkin.mood is None and checkin.trust is None):
            continue
        found.append(
            {"date": checkin.date.isoformat(), "mood": checkin.mood, "trust": checkin.trust}
        )
    return sorted(found, key=lambda item: item["date"])


def contract(journal: Journal, start: date, end: date) -> dict[str, Any]:
    from trustlog.domain.contract.service import current_contract

    current = current_contract(journal)
    if current is None:
        raise InputError(
            "--what contract: there is no repair contract to share yet.",
            hint="`trustlog contract write` writes one. Nothing was written.",
        )
    return contract_item(current)


def contract_item(current: Any) -> dict[str, Any]:
    return {
        "revision": current.number,
        "date": current.date.isoformat(),
        "mine": list(current.mine),
        "theirs": list(current.theirs),
        "support": current.support,
        "breaks": current.breaks,
        "revisit": current.revisit.isoformat(),
    }


def agreements(journal: Journal, start: date, end: date) -> list[dict[str, Any]]:
    from trustlog.domain.agreement.service import load_agreements

    return [
        {
            "id": agreement.id,
            "text": agreement.text,
            "area": agreement.area,
            "start": agreement.start.isoformat(),
            "review": agreement.review.isoformat() if agreement.review else None,
            "revised": agreement.revised.isoformat() if agreement.revised else None,
        }
        for agreement in load_agreements(journal)
        if agreement.retired is None and not is_private(agreement)
    ]


def ritual(journal: Journal, start: date, end: date) -> list[dict[str, Any]]:
    from trustlog.domain.checkin.model import KIND, Checkin
    from trustlog.domain.ritual.model import DATE, REPAIR
    from trustlog.domain.ritual.service import rituals_between

    weeks: dict[str, dict[str, Any]] = {}
    day = start
    while day <= end:
        year, number, _ = day.isocalendar()
        weeks.setdefault(f"{year}-W{number:02d}", {"repair": 0, "date": 0, "care_days": 0})
        day += timedelta(days=1)
    for done in rituals_between(journal, start, end):
        if is_private(done):
            continue
        what = {REPAIR: "repair", DATE: "date"}[done.what]
        weeks[_week(done.date)][what] += 1
    cared = set()
    for entry_file in journal.files_between(start, end, KIND):
        checkin = Checkin.from_document(journal.read(entry_file))
        if not is_private(checkin) and checkin.care and checkin.care.strip():
            cared.add(checkin.date)
    for day in cared:
        weeks[_week(day)]["care_days"] += 1
    return [{"week": week, **figures} for week, figures in weeks.items()]


def _week(day: date) -> str:
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"


def _apology(journal: Journal, id_or_prefix: str) -> dict[str, Any]:
    from trustlog.domain.apology.model import find_apology

    try:
        found = find_apology(journal, id_or_prefix)
    except InputError as error:
        raise InputError(f"--apology: {error.message}", hint=error.hint) from None
    if is_private(found):
        raise InputError(
            f"--apology: {found.id} is marked private, and a share never holds anything private."
        )
    return {
        "id": found.id,
        "date": found.date.isoformat(),
        "did": found.did,
        "impact": found.impact,
        "responsibility": found.responsibility,
        "amends": found.amends,
    }


GATHER = {
    PROMISES: promises,
    CHECKINS: checkins,
    CONTRACT: contract,
    AGREEMENTS: agreements,
    RITUAL: ritual,
}
