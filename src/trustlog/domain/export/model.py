"""What an export holds, whatever its format: plain data, built by build.py, read by renderers.

Every format (Markdown, CSV, HTML, PDF, JSON) renders one `Export`. What left
the journal is decided before an `Export` exists: private entries and kinds not
chosen are already gone (and counted in `left_out`), and redacted words are
already replaced in every text it holds, so no renderer can let them through.

The summary's figures are the report's own (domain/report: `Figures`,
`DayFigures`, `progress.trends`), worked out over the export's window from the
entries that are in it, and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from trustlog.domain.core.entry import Entry
from trustlog.domain.core.period import Period
from trustlog.domain.promise.model import KEPT

if TYPE_CHECKING:  # the kinds' modules: for the annotations only, so the JSON export skips them
    from trustlog.domain.agreement.model import Agreement
    from trustlog.domain.apology.model import Apology
    from trustlog.domain.checkin.model import Checkin
    from trustlog.domain.contract.model import Contract
    from trustlog.domain.promise.model import Mark, Promise
    from trustlog.domain.promise.standing import CalendarDay
    from trustlog.domain.report.model import Figures, PromiseFigures, RitualFigures
    from trustlog.domain.ritual.model import Ritual
    from trustlog.domain.trigger.model import Trigger

# Why something was left out (`LeftOut.reason`).
PRIVATE = "private"  # marked private, and --include-private was not given
NOT_CHOSEN = "not_chosen"  # its kind was not among the --only kinds


class KeyDayReason(StrEnum):
    """Why a day is a key day (`KeyDay.reasons`), in the order they are worded."""

    LOWEST = "lowest"
    HIGHEST = "highest"
    TRIGGERS = "triggers"
    ARGUMENTS = "arguments"


class ConcernKind(StrEnum):
    """What a concern is about (`Concern.what`)."""

    LOW_TRUST = "low_trust"  # trust averaged low over several check-in days
    UNSETTLED = "unsettled"  # half or more of the window's flare-ups not settled
    FLAGGED = "flagged"  # an entry the person flagged or starred
    LOW_DAYS = "low_days"  # days with mood or trust at LOW_DAY or below
    STRONG_FLARES = "strong_flares"  # flare-ups of STRONG or more that took LONG_SETTLE to settle
    OPEN_FLARES = "open_flares"  # flare-ups not settled yet


# What "to look at first" looks for: the thresholds, said in the export too.
LOW_DAY = 2  # mood (of 5) or trust (of 10) at this or below: the distress line's own bar
STRONG = 8  # a flare-up's intensity, of 10
LONG_SETTLE = 120  # minutes to settle

# The five progress markers, by their key in the report's `trends`, in order.
MARKERS = ("follow_through", "median_recovery_minutes", "repeats", "affection", "detective_work")

if TYPE_CHECKING:
    from trustlog.domain.partner.figures import SharedSection


@dataclass(frozen=True)
class Options:
    """What the person chose: the window and what may leave the machine.

    `start`/`end` None mean the format's default (the last four weeks ending
    today, or the whole journal). `only` holds kind names (domain/kinds.py);
    empty means every kind. `redact` words are replaced case-insensitively
    with `REDACTED` in every text. `summary` is whether the format shows one.
    """

    start: date | None = None
    end: date | None = None
    include_private: bool = False
    only: tuple[str, ...] = ()
    redact: tuple[str, ...] = ()
    agenda: tuple[str, ...] = ()
    summary: bool = True
    whole_journal: bool = False  # the default window: everything, not the last four weeks
    complete: bool = False  # every entry with its file's text, for safe keeping (complete.py)
    include_partner: bool = False  # what the partner shared, labelled as theirs


@dataclass(frozen=True)
class LeftOut:
    """Entries of one kind left out for one reason: `count` of `kind`, because `reason`."""

    kind: str
    reason: str  # PRIVATE or NOT_CHOSEN
    count: int


@dataclass
class Day:
    """The entries of one date of the window, each list oldest first."""

    date: date
    checkins: list[Checkin] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    apologies: list[Apology] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    rituals: list[Ritual] = field(default_factory=list)
    # The repair contract's revisions written that day, and the agreements made.
    frame: list[Contract | Agreement] = field(default_factory=list)
    others: list[Entry] = field(default_factory=list)  # kinds this module does not know

    @property
    def entries(self) -> list[Entry]:
        """Every entry of the day, in the order above."""
        return [
            *self.checkins,
            *self.triggers,
            *self.apologies,
            *self.marks,
            *self.rituals,
            *self.frame,
            *self.others,
        ]

    @property
    def marks_to_read(self) -> list[Mark]:
        """The promise days worth listing among the day's entries: a day kept with nothing
        said about it is in the promise's calendar, where it does not bury the others."""
        return [mark for mark in self.marks if mark.outcome != KEPT or mark.note]

    @property
    def to_read(self) -> bool:
        """Whether the day holds anything to list among the entries."""
        shown = (self.checkins, self.triggers, self.apologies, self.rituals, self.frame)
        return any(shown) or bool(self.others or self.marks_to_read)


@dataclass
class PromiseRecord:
    """One promise over the window: its figures and its calendar.

    `figures` counts the scheduled days of the window (kept, broken, repaired,
    unrecorded; `follow_through` as the report defines it). `calendar` has
    every date of the window from the promise's start to its last day (its
    end, retirement or single date), each with its status from
    domain/promise/standing.py: kept, broken, repaired, unrecorded,
    not_scheduled or future.
    `schedule` is the schedule in words ("every day", "on Mon, Thu").
    """

    promise: Promise
    schedule: str
    figures: PromiseFigures
    calendar: list[CalendarDay] = field(default_factory=list)


@dataclass
class Concern:
    """Something to look at first, stated as a fact, never a judgement or a diagnosis.

    LOW_TRUST: `value` is the window's trust average, over `days` check-in days.
    UNSETTLED: `value` is how many flare-ups settled, `days` how many started.
    FLAGGED: `entries` are the entries flagged or starred (a hand-added
    `flagged: true` or `starred: true`, as jrnl's imported entries carry).
    LOW_DAYS: `entries` are the check-ins with mood or trust at LOW_DAY or below.
    STRONG_FLARES: `entries` are the flare-ups of STRONG or more that took
    LONG_SETTLE minutes or more to settle.
    OPEN_FLARES: `entries` are the flare-ups not settled yet.
    """

    what: ConcernKind
    value: float | None = None
    days: int = 0
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Marker:
    """One of the five progress markers: its value now and before, and the trend.

    `key` is the report's trend key (MARKERS); `now` and `before` are the
    report's values: follow-through as a share of 0..1, recovery in minutes,
    and repeats, affection and detective work per check-in day. `trend` is
    progress.trends' "better", "worse", "same", or None when there is too
    little to compare. `before` is None too when the days before hold too
    little to compare with (the report's rule): a value from two days would
    read as a baseline it is not.
    """

    key: str
    now: float | None
    before: float | None
    trend: str | None


@dataclass
class KeyDay:
    """A day worth a look, with its context: why (`reasons`), and what it held.

    `reasons` are LOWEST, HIGHEST (by trust, then mood), TRIGGERS, ARGUMENTS.
    `checkin` is that day's check-in (None on a day with only a trigger).
    """

    date: date
    reasons: list[KeyDayReason]
    checkin: Checkin | None = None
    triggers: list[Trigger] = field(default_factory=list)


@dataclass
class Summary:
    """The one-page summary: the period, concerns first, markers, key days, promises, agenda.

    `figures` and `previous` are the report's `Figures` for the window and for
    as many days just before it (`previous.period`); `markers` compares them
    with the report's own rules (progress.trends).
    """

    figures: Figures
    previous: Figures
    concerns: list[Concern] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    key_days: list[KeyDay] = field(default_factory=list)
    promises: list[PromiseRecord] = field(default_factory=list)
    # The weekly ritual over the window; None when the export leaves rituals out.
    ritual: RitualFigures | None = None
    agenda: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Carried:
    """One entry of a complete export: where it lives in the journal (`YYYY/MM/...md`,
    with forward slashes), its file's text, and the entry read from it."""

    path: str
    text: str
    entry: Entry


@dataclass
class Export:
    """Everything one export holds, already filtered and redacted.

    `period` is the window (kind "span"), `made` when it was made. `figures`
    are the report's figures for the window (its `days` give each date's
    mood, trust, promise outcomes and triggers: the CSV's rows), from the
    entries included. `days` holds only the dates that have entries.
    `promises` are the promises scheduled inside the window (or, for the
    whole journal, all of them), with their calendars. `counts` is how many
    entries of each kind are included (promises too); `left_out` what was
    not, and why; `redactions` how many words were replaced (never the words).
    `summary` is None for formats that show none (CSV, JSON). A complete
    export (JSON) has no `days` nor `promises`: every entry is in `carried`,
    in the journal's order, and `profile` holds the settings of `trustlog init`.
    """

    period: Period
    made: datetime
    options: Options
    figures: Figures
    days: list[Day] = field(default_factory=list)
    promises: list[PromiseRecord] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    left_out: list[LeftOut] = field(default_factory=list)
    redactions: int = 0
    summary: Summary | None = None
    carried: list[Carried] = field(default_factory=list)
    # A complete export read while it is written (domain/export/complete.py): each entry
    # is read when its turn comes, and `counts`, `left_out` and `period` are filled in
    # as it goes, so ten years are never in memory at once. None: `carried` holds all.
    pending: Iterator[Carried] | None = None
    profile: dict[str, str] = field(default_factory=dict)
    # The name from `trustlog init`, for the summary's words ("Written by Sam"); None: unset.
    author: str | None = None
    # With --include-partner: what the partner shared over the window (theirs, apart).
    partner: SharedSection | None = None

    @property
    def entries(self) -> list[Entry]:
        """Every included entry: the days' entries in date order, then the promises."""
        if self.carried:
            return [c.entry for c in self.carried]
        return [entry for day in self.days for entry in day.entries] + [
            record.promise for record in self.promises
        ]

    @property
    def empty(self) -> bool:
        return not any(self.counts.values())
