"""The words of an export's summary, shared by every format that shows one (md, html, pdf).

Neutral and plain: facts with their figures, never a judgement, never a
diagnosis. Counts, dates and spans of time are worded by render/words.py.
Nothing here escapes markup: each format escapes the person's words it quotes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_never

from trustlog.domain.checkin.model import Checkin
from trustlog.domain.core.entry import Entry
from trustlog.domain.export.model import (
    LONG_SETTLE,
    LOW_DAY,
    NOT_CHOSEN,
    PRIVATE,
    STRONG,
    Concern,
    ConcernKind,
    KeyDay,
    KeyDayReason,
    LeftOut,
    Marker,
    PromiseRecord,
)
from trustlog.domain.promise.model import BROKEN, KEPT, Mark
from trustlog.domain.promise.standing import REPAIRED, UNRECORDED
from trustlog.domain.report import progress
from trustlog.domain.report.model import RitualFigures
from trustlog.domain.trigger.model import Trigger
from trustlog.render import words

# Each format's own way of making a person's words safe inside its markup, as one line.
Quote = Callable[[str], str]

NO_CONCERNS = "Nothing in these entries matched any of these."
NO_AGENDA = "No topics were added."
# What "To look at first" looks for, said above what it found.
LOOKS_FOR = (
    f"Looked for: days with mood or trust at {LOW_DAY} or lower; flare-ups of {STRONG} "
    f"or more that took {words.minutes(LONG_SETTLE)} or longer to settle; flare-ups not "
    f"settled yet; trust averaging {words.decimal(progress.LOW_TRUST)} or lower over "
    f"{progress.LOW_TRUST_MIN_DAYS} or more check-in days; half or more of the flare-ups "
    "unsettled; entries flagged or starred."
)
# Under the markers: why "Before" can be empty.
BEFORE_RULE = (
    f"“Before” is shown only when each side has at least {progress.MIN_CHECKIN_DAYS} check-in "
    f"days ({progress.MIN_SETTLED} settled flare-ups for the time to settle); on fewer, a "
    "change is chance."
)


def author(name: str | None, quote: Quote) -> str:
    """Who wrote it, as a sentence can say it: the name from `init`, else "the person"."""
    return quote(name) if name else "the person"


def not_therapy(name: str | None, quote: Quote) -> str:
    return (
        f"Written by {author(name, quote)} in trustlog, a private journal for rebuilding trust. "
        "It is not a clinical record and makes no diagnosis."
    )


def private_note(name: str | None, quote: Quote) -> str:
    return f"Entries {author(name, quote)} marked private are not included."


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


# How many of a concern's entries the summary lists (the rest: "and 4 more").
MOST_LOW_DAYS = 6
MOST_FLARES = 3


def concern(item: Concern, name: str | None = None, quote: Quote = str) -> str:
    """One concern as a sentence (the entries `listed` gives are listed apart, after it)."""
    if item.what == ConcernKind.LOW_DAYS:
        days = [
            f"{words.short_date(entry.day)} ({facts})"
            for entry in item.entries[:MOST_LOW_DAYS]
            if entry.day is not None and (facts := _low_facts(entry))
        ]
        more = len(item.entries) - MOST_LOW_DAYS
        if more > 0:
            days.append(f"and {more} more")
        return (
            f"{words.count(item.days, 'day')} with mood (of 5) or trust (of 10) at {LOW_DAY} "
            f"or lower: {', '.join(days)}."
        )
    if item.what == ConcernKind.STRONG_FLARES:
        return (
            f"{words.count(item.days, 'flare-up')} of {STRONG} or more that took "
            f"{words.minutes(LONG_SETTLE)} or longer to settle:"
        )
    if item.what == ConcernKind.OPEN_FLARES:
        return f"{words.count(item.days, 'flare-up')} not settled yet:"
    if item.what == ConcernKind.LOW_TRUST:
        return (
            f"Trust has stayed low: {words.decimal(item.value)} of 10 on average, "
            f"over {words.count(item.days, 'check-in day')}."
        )
    if item.what == ConcernKind.UNSETTLED:
        settled = int(item.value or 0)
        return (
            f"Flare-ups have been slow to settle: {settled} of "
            f"{words.count(item.days, 'flare-up')} settled so far."
        )
    if item.what == ConcernKind.FLAGGED:
        flagged = words.count(len(item.entries), "entry", "entries")
        return f"Flagged by {author(name, quote)}: {flagged}."
    assert_never(item.what)  # each kind of concern has its words


def concern_words(entry: Entry) -> str:
    """The person's words for an entry listed under a concern (its figures are said apart)."""
    if isinstance(entry, Trigger):
        return entry.what.strip().splitlines()[0] if entry.what and entry.what.strip() else ""
    return entry.summary()


def listed(item: Concern) -> tuple[list[Entry], int]:
    """The entries to list under a concern, and how many more there are."""
    if item.what == ConcernKind.LOW_DAYS:
        return [], 0  # named in the sentence itself
    if item.what in (ConcernKind.STRONG_FLARES, ConcernKind.OPEN_FLARES):
        return item.entries[:MOST_FLARES], max(len(item.entries) - MOST_FLARES, 0)
    return item.entries, 0


def _low_facts(entry: Entry) -> str:
    if not isinstance(entry, Checkin):
        return ""
    shown = [f"{name} {value}" for name, value in (("mood", entry.mood), ("trust", entry.trust))]
    return ", ".join(part for part in shown if not part.endswith("None"))


def concern_facts(entry: Entry) -> str | None:
    """The figures that put an entry under a concern: "mood 1 of 5, trust 1 of 10",
    "intensity 9 of 10, settled after 3 h 40 min"."""
    if isinstance(entry, Checkin):
        parts = []
        if entry.mood is not None:
            parts.append(f"mood {entry.mood} of 5")
        if entry.trust is not None:
            parts.append(f"trust {entry.trust} of 10")
        return ", ".join(parts) or None
    if isinstance(entry, Trigger):
        intensity = f"at {entry.at.astimezone():%H:%M}, "
        if entry.intensity is not None:
            intensity += f"intensity {entry.intensity} of 10, "
        if entry.recovery_minutes is None:
            return f"{intensity}not settled yet"
        return f"{intensity}settled after {words.minutes(entry.recovery_minutes)}"
    return None


def key_day_reasons(day: KeyDay) -> str:
    """Why the day is listed: "lowest trust, 1 flare-up, 2 arguments"."""
    checkin = day.checkin
    parts = []
    for reason in day.reasons:
        if reason in (KeyDayReason.LOWEST, KeyDayReason.HIGHEST) and checkin is not None:
            which = "lowest" if reason == KeyDayReason.LOWEST else "highest"
            parts.append(f"{which} {'trust' if checkin.trust is not None else 'mood'}")
        elif reason == KeyDayReason.TRIGGERS:
            parts.append(words.count(len(day.triggers), "flare-up"))
        elif reason == KeyDayReason.ARGUMENTS and checkin is not None:
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


# -- sentences that quote the person's words (each format passes its own `quote`) ---------


def checkin_figures(checkin: Checkin) -> list[str]:
    """ "mood 2 of 5", "trust 3 of 10": what a check-in gave."""
    shown = []
    if checkin.mood is not None:
        shown.append(f"mood {checkin.mood} of 5")
    if checkin.trust is not None:
        shown.append(f"trust {checkin.trust} of 10")
    return shown


def key_day_details(day: KeyDay, quote: Quote) -> list[str]:
    """What a key day held: its figures, the feeling, what was argued about."""
    details = []
    checkin = day.checkin
    if checkin is not None:
        details += checkin_figures(checkin)
        if checkin.feeling:
            details.append(f"feeling “{quote(checkin.feeling)}”")
        topics = [topic for topic in checkin.arguments if topic.strip()]
        if topics:
            details.append("argued about " + ", ".join(f"“{quote(t)}”" for t in topics))
    return details


def promise_line(record: PromiseRecord, quote: Quote) -> str:
    """ "“Text if late” (every day): kept 5 of 6 days recorded, ...; follow-through 83%"."""
    shares = record.figures
    recorded = shares.kept + shares.broken + shares.repaired
    parts = [
        f"kept {shares.kept} of {words.count(recorded, 'day')} recorded"
        if recorded
        else "no day recorded yet"
    ]
    if shares.repaired:
        parts.append(f"{shares.repaired} broken then repaired")
    if shares.unrecorded:
        parts.append(f"{shares.unrecorded} not recorded")
    return (
        f"“{quote(record.promise.text)}” ({record.schedule}): {', '.join(parts)}; "
        f"follow-through {words.percent(shares.follow_through)}"
    )


def trigger_line(trigger: Trigger, quote: Quote) -> str:
    """ "19:00 “Sam's phone lit up”: settled after 40 min"."""
    what = quote(trigger.what) if trigger.what else "a flare-up"
    at = trigger.at.strftime("%H:%M")
    settled = trigger.recovery_minutes
    after = f"settled after {words.minutes(settled)}" if settled is not None else "not settled"
    return f"{at} {what}: {after}"


def mark_line(mark: Mark, names: dict[str, str], quote: Quote) -> str:
    """One promise day in the entries: which promise, how it went, its repair and note."""
    name = names.get(mark.promise)
    promise = f"“{quote(name)}”" if name else f"promise {quote(mark.promise)}"
    outcome = "broken, then repaired" if mark.repaired else mark.outcome
    line = f"{promise}: {outcome}"
    if mark.repair:
        line += f"; repair: {quote(mark.repair)}"
    if mark.note:
        line += f"; note: {quote(mark.note)}"
    return line
