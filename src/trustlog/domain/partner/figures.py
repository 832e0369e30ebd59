"""The partner's shared figures for a period: the report's "Side by side", the dashboard's line.

Worked out only from what they shared (`partner/`), for the days of the
period their share covers; never mixed into the person's own figures, and
never set against them: the report shows the two, side by side, as they are.
Needs no cryptography library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from trustlog.domain.core.period import Period
from trustlog.domain.partner import store
from trustlog.storage.journal import Journal

NEWS_DAYS = 7  # the dashboard mentions a share received in the last week


@dataclass
class SideBySide:
    name: str
    start: date  # the days of the period their shares cover
    end: date
    follow_through: float | None
    strength: float | None
    mood: float | None
    trust: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "covers": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "promises": {"follow_through": self.follow_through, "strength": self.strength},
            "mood": {"average": self.mood},
            "trust": {"average": self.trust},
        }


def side_by_side(journal: Journal, period: Period, as_of: date) -> SideBySide | None:
    """Their figures over the days of `period` (to `as_of`) their promises or check-ins cover."""
    from trustlog.domain.promise.schedule import VALUE_BROKEN, VALUE_KEPT, VALUE_REPAIRED, strength

    partner = store.load_partner(journal)
    if partner is None:
        return None
    last_day = min(period.end, as_of)
    held = [
        found
        for kind in (store.PROMISES, store.CHECKINS)
        if (found := store.load_kind(journal, kind)) is not None
        and found.start <= last_day
        and found.end >= period.start
    ]
    if not held:
        return None
    start = max(period.start, min(h.start for h in held))
    end = min(last_day, max(h.end for h in held))

    def inside(item: dict[str, Any]) -> bool:
        try:
            return start <= date.fromisoformat(str(item.get("date"))) <= end
        except ValueError:
            return False

    promises = store.load_kind(journal, store.PROMISES)
    follow = score = None
    if promises is not None:
        values = {"kept": VALUE_KEPT, "repaired": VALUE_REPAIRED, "broken": VALUE_BROKEN}
        counted = {name: 0 for name in values}
        scores = []
        for promise in promises.items:
            days = [day for day in promise.get("days", []) if inside(day)]
            marks = [values[day["status"]] for day in days if day.get("status") in values]
            for day in days:
                if day.get("status") in counted:
                    counted[day["status"]] += 1
            if marks:
                scores.append(strength(marks))
        recorded = sum(counted.values())
        follow = counted["kept"] / recorded if recorded else None
        score = sum(scores) / len(scores) if scores else None
    checkins = store.load_kind(journal, store.CHECKINS)
    moods: list[int] = []
    trusts: list[int] = []
    for item in checkins.items if checkins is not None else []:
        if inside(item):
            if isinstance(item.get("mood"), int):
                moods.append(item["mood"])
            if isinstance(item.get("trust"), int):
                trusts.append(item["trust"])
    return SideBySide(
        name=partner.called,
        start=start,
        end=end,
        follow_through=follow,
        strength=score,
        mood=sum(moods) / len(moods) if moods else None,
        trust=sum(trusts) / len(trusts) if trusts else None,
    )


@dataclass
class SharedNews:
    """A share received lately, for the dashboard's one line."""

    name: str
    received: datetime
    start: date
    end: date
    items: dict[str, int]


def shared_lately(journal: Journal, today: date) -> SharedNews | None:
    partner = store.load_partner(journal)
    if partner is None or partner.last is None:
        return None
    last = partner.last
    if not 0 <= (today - last.received.date()).days < NEWS_DAYS:
        return None
    return SharedNews(partner.called, last.received, last.start, last.end, dict(last.items))


@dataclass
class SharedPromise:
    text: str
    schedule: str
    kept: int
    broken: int
    repaired: int
    unrecorded: int

    @property
    def follow_through(self) -> float | None:
        recorded = self.kept + self.broken + self.repaired
        return self.kept / recorded if recorded else None


@dataclass
class SharedSection:
    """What the partner shared over an export's window, labelled as theirs."""

    side: SideBySide
    promises: list[SharedPromise]


def shared_for_export(journal: Journal, period: Period, as_of: date) -> SharedSection | None:
    """Their figures and promises over the days of `period` their share covers; None without."""
    side = side_by_side(journal, period, as_of)
    if side is None:
        return None
    held = store.load_kind(journal, store.PROMISES)
    promises = []
    for item in held.items if held is not None else []:
        statuses = [
            day.get("status")
            for day in item.get("days", [])
            if side.start.isoformat() <= str(day.get("date")) <= side.end.isoformat()
        ]
        if statuses:
            promises.append(
                SharedPromise(
                    text=str(item.get("text", "")),
                    schedule=str(item.get("schedule") or ""),
                    kept=statuses.count("kept"),
                    broken=statuses.count("broken"),
                    repaired=statuses.count("repaired"),
                    unrecorded=statuses.count("unrecorded"),
                )
            )
    return SharedSection(side, promises)
