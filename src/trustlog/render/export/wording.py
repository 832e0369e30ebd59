"""The words of an export's summary, shared by every format that shows one (md, html, pdf).

Neutral and plain: facts with their figures, never a judgement, never a
diagnosis. Counts, dates and spans of time are worded by render/words.py.
Nothing here escapes markup: each format escapes the person's words it quotes.
"""

from __future__ import annotations

from trustlog.domain.export.model import (
    ARGUMENTS,
    FLAGGED,
    HIGHEST,
    LOW_TRUST,
    LOWEST,
    NOT_CHOSEN,
    PRIVATE,
    TRIGGERS,
    UNSETTLED,
    Concern,
    KeyDay,
    LeftOut,
    Marker,
)
from trustlog.domain.promise.model import BROKEN, KEPT
from trustlog.domain.promise.standing import REPAIRED, UNRECORDED
from trustlog.domain.report.model import RitualFigures
from trustlog.render import words

NOT_THERAPY = (
    "Written by the person in trustlog, a private journal for rebuilding trust. "
    "It is not a clinical record and makes no diagnosis."
)
NO_CONCERNS = "Nothing in these entries matched the things to look at first."
NO_AGENDA = "No topics were added."
PRIVATE_NOTE = "Entries the person marked private are not included."

MARKER_NAMES = {
    "follow_through": "Promises kept (follow-through)",
    "median_recovery_minutes": "Time to settle after a flare-up (median)",
    "repeats": "Arguments coming back, per check-in day",
    "affection": "Moments of affection, per check-in day",
    "detective_work": "Detective work, per check-in day",
}
TRENDS = {
    "better": "better",
    "worse": "worse",
    "same": "about the same",
    None: "too little to compare",
}

# A promise's calendar: one sign per status, and what each means.
SIGNS = {KEPT: "✓", BROKEN: "✗", REPAIRED: "↺", UNRECORDED: "·"}
LEGEND = "✓ kept · ✗ broken · ↺ broken, then repaired · · not recorded"

KIND_WORDS = {
    "checkin": ("check-in", "check-ins"),
    "trigger": ("flare-up", "flare-ups"),
    "apology": ("apology draft", "apology drafts"),
    "promise": ("promise", "promises"),
    "mark": ("promise day recorded", "promise days recorded"),
    "ritual": ("part of the weekly ritual", "parts of the weekly ritual"),
    "contract": ("repair contract revision", "repair contract revisions"),
    "agreement": ("agreement", "agreements"),
    "support": ("support contact", "support contacts"),
    "plan": ("weekly plan", "weekly plans"),
    "jrnl": ("jrnl entry", "jrnl entries"),
}
RITUAL_PARTS = {"repair": "Weekly repair check-in", "date": "Date together"}
AGREEMENT_AREAS = {"social-media": "social media"}


def ritual_summary(figures: RitualFigures, days: int) -> str:
    """The window's ritual in one sentence: "2 repair check-ins and 1 date; an act of
    care noted on 12 of 28 days."""
    parts = [
        f"{words.count(figures.repair, 'repair check-in')} and {words.count(figures.date, 'date')}"
    ]
    parts.append(f"an act of care noted on {figures.care_days} of {words.count(days, 'day')}")
    return "; ".join(parts) + "."


def agreement_area(area: str) -> str:
    return AGREEMENT_AREAS.get(area, area)


def kind_count(kind: str, number: int) -> str:
    """ "3 check-ins", "1 apology draft"; a kind this version does not know by its name."""
    one, many = KIND_WORDS.get(kind, (f"{kind} entry", f"{kind} entries"))
    return words.count(number, one, many)


def marker_value(marker: Marker, now: bool = True) -> str:
    value = marker.now if now else marker.before
    if marker.key == "follow_through":
        return words.percent(value)
    if marker.key == "median_recovery_minutes":
        return words.minutes(value)
    return words.decimal(value)


def concern(item: Concern) -> str:
    """One concern as a sentence (a flagged one is followed by its entries, listed apart)."""
    if item.what == LOW_TRUST:
        return (
            f"Trust has stayed low: {words.decimal(item.value)} of 10 on average, "
            f"over {words.count(item.days, 'check-in day')}."
        )
    if item.what == UNSETTLED:
        settled = int(item.value or 0)
        return (
            f"Flare-ups have been slow to settle: {settled} of "
            f"{words.count(item.days, 'flare-up')} settled so far."
        )
    if item.what == FLAGGED:
        return f"Flagged by the person: {words.count(len(item.entries), 'entry', 'entries')}."
    return item.what


def key_day_reasons(day: KeyDay) -> str:
    """Why the day is listed: "lowest trust, 1 flare-up, 2 arguments"."""
    checkin = day.checkin
    parts = []
    for reason in day.reasons:
        if reason in (LOWEST, HIGHEST) and checkin is not None:
            which = "lowest" if reason == LOWEST else "highest"
            parts.append(f"{which} {'trust' if checkin.trust is not None else 'mood'}")
        elif reason == TRIGGERS:
            parts.append(words.count(len(day.triggers), "flare-up"))
        elif reason == ARGUMENTS and checkin is not None:
            topics = [topic for topic in checkin.arguments if topic.strip()]
            parts.append(words.count(len(topics), "argument"))
    return ", ".join(parts)


def left_out(item: LeftOut) -> str:
    """For the person's preview: "2 check-ins: marked private"."""
    why = {
        PRIVATE: "marked private (--include-private adds them)",
        NOT_CHOSEN: "not among the --only kinds",
    }.get(item.reason, item.reason)
    return f"{kind_count(item.kind, item.count)}: {why}"
