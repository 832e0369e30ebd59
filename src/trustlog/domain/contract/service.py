"""Writing the repair contract, reading its revisions, and what changed between them.

`contract write` makes a new revision from what was given and the current
revision (parts not given are carried over, the revisit included while it is
still ahead; a revisit that has come moves a month on). In a terminal the
command hands `write_contract` a function that asks, starting from the current
revision's words.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from trustlog.domain.contract.model import MOST, PARTS, Contract
from trustlog.domain.core import values
from trustlog.domain.core.entry import path_of, read_kept
from trustlog.errors import InputError
from trustlog.storage.journal import Journal

FLAGS = "--mine, --theirs, --support, --breaks or --revisit"
ADDED, REMOVED, REWORDED = "added", "removed", "reworded"


def a_month_on(day: date) -> date:
    """The same day next month (the month's last day when it has no such day)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def default_revisit(current: Contract | None, today: date) -> date:
    """The revisit a new revision keeps unless given: the current one while it is still
    ahead (the couple agreed on it), else a month on."""
    if current is not None and current.revisit > today:
        return current.revisit
    return a_month_on(today)


# -- reading ---------------------------------------------------------------------


def load_revisions(journal: Journal) -> list[Contract]:
    """Every revision, oldest first."""
    return sorted(read_kept(journal, Contract), key=lambda c: (c.number, c.created, c.id))


def current_contract(journal: Journal) -> Contract | None:
    revisions = load_revisions(journal)
    return revisions[-1] if revisions else None


@dataclass
class ContractStanding:
    """The current contract, and whether its revisit has come (for the dashboard, the
    report and the calendar)."""

    contract: Contract
    due: bool
    agreed_by_both: date | None = None  # when the partner's journal holds the same words

    def to_json(self) -> dict[str, Any]:
        return {"revisit": self.contract.revisit.isoformat(), "due": self.due}


def contract_standing(journal: Journal, today: date) -> ContractStanding | None:
    """The current contract and whether it is time to revisit it; None before the first."""
    contract = current_contract(journal)
    if contract is None:
        return None
    from trustlog.domain.partner.agreed import agreed_by_both

    return ContractStanding(
        contract, due=contract.revisit <= today, agreed_by_both=agreed_by_both(journal, contract)
    )


# -- what changed ------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    part: str  # one of PARTS
    change: str  # added, removed or reworded
    before: str | None
    after: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "change": self.change,
            "before": self.before,
            "after": self.after,
        }


def changes(before: Contract | None, after: Contract) -> list[Change]:
    """What `after` changed from `before`, part by part (everything is added at first)."""
    found: list[Change] = []
    for part in PARTS:
        old = getattr(before, part) if before is not None else None
        new = getattr(after, part)
        if part in ("mine", "theirs"):
            found += _list_changes(part, old or [], new)
        else:
            found += _one_change(part, _shown(old), _shown(new))
    return found


def _shown(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _one_change(part: str, old: str | None, new: str | None) -> list[Change]:
    if old == new:
        return []
    if old is None:
        return [Change(part, ADDED, None, new)]
    if new is None:
        return [Change(part, REMOVED, old, None)]
    return [Change(part, REWORDED, old, new)]


def _list_changes(part: str, old: list[str], new: list[str]) -> list[Change]:
    """A commitment reworded in its place is "reworded"; the others are added or removed."""
    gone = [item for item in old if item not in new]
    came = [item for item in new if item not in old]
    found = []
    for index in range(min(len(old), len(new))):
        if old[index] in gone and new[index] in came:
            found.append(Change(part, REWORDED, old[index], new[index]))
            gone.remove(old[index])
            came.remove(new[index])
    found += [Change(part, REMOVED, item, None) for item in gone]
    found += [Change(part, ADDED, None, item) for item in came]
    return found


@dataclass
class Revision:
    contract: Contract
    changes: list[Change]


def contract_history(journal: Journal) -> list[Revision]:
    """Every revision, oldest first, each with what it changed from the one before."""
    revisions = load_revisions(journal)
    return [
        Revision(contract, changes(revisions[index - 1] if index else None, contract))
        for index, contract in enumerate(revisions)
    ]


# -- writing ---------------------------------------------------------------------


@dataclass
class ContractDraft:
    """What a person gave, by flag or prompt; None means "not given" (keep the current)."""

    mine: list[str] | None = None
    theirs: list[str] | None = None
    support: str | None = None
    breaks: str | None = None
    revisit: str | None = None  # YYYY-MM-DD as typed

    @property
    def empty(self) -> bool:
        return all(getattr(self, name) is None for name in PARTS)


AskContract = Callable[[Contract | None, date], ContractDraft]
"""The guided routine: given the current revision (if any) and the default revisit."""


@dataclass
class Written:
    contract: Contract
    previous: Contract | None
    action: str  # "created" or "unchanged"
    changes: list[Change] = field(default_factory=list)


def write_contract(
    journal: Journal,
    draft: ContractDraft,
    now: datetime,
    ask: AskContract | None = None,
    revisit: date | None = None,
) -> Written:
    """Save a new revision: the parts given, the others carried over from the current one.

    `revisit`, when given, is taken as it is: the date a partner's revision holds
    (`contract agree`), which both must keep for the words to be the same.
    """
    today = now.date()
    current = current_contract(journal)
    if draft.empty:
        if ask is None:
            raise InputError(
                f"Nothing to write: please give the parts by flag ({FLAGS}).",
                hint="In a terminal, `trustlog contract write` asks for each part.",
            )
        draft = ask(current, default_revisit(current, today))
    contract = _checked(draft, current, now)
    if revisit is not None:
        contract.revisit = revisit
    if current is not None and contract.same_words(current):
        return Written(current, current, "unchanged")
    with journal.writing():
        contract.id = journal.new_id()
        contract.revision = (current.number if current else 0) + 1
        journal.write(path_of(journal, contract), *contract.to_document())
    return Written(contract, current, "created", changes(current, contract))


def _checked(draft: ContractDraft, current: Contract | None, now: datetime) -> Contract:
    today = now.date()
    mine = _commitments(draft.mine, current.mine if current else [], "--mine")
    theirs = _commitments(draft.theirs, current.theirs if current else [], "--theirs")
    if not mine and not theirs:
        raise InputError(
            "--mine / --theirs: a contract starts from at least one commitment, "
            'such as --mine "I will tell you where I am when plans change".'
        )
    revisit = default_revisit(current, today)
    if draft.revisit is not None and draft.revisit.strip():
        revisit = values.parse_date(draft.revisit, "--revisit")
        if revisit <= today:
            raise InputError(
                f"--revisit: {revisit.isoformat()} is not after today; the revisit is a day "
                "to come (by default the current one while it is ahead, else a month on)."
            )
    return Contract(
        id="",
        revision=None,
        date=today,
        created=now,
        mine=mine,
        theirs=theirs,
        support=_text(draft.support, current.support if current else None),
        breaks=_text(draft.breaks, current.breaks if current else None),
        revisit=revisit,
    )


def _commitments(given: list[str] | None, current: list[str], flag: str) -> list[str]:
    if given is None:
        return list(current)
    kept = [item.strip() for item in values.texts(given)]
    if len(kept) > MOST:
        raise InputError(
            f"{flag}: {len(kept)} commitments were given; the contract holds three at most "
            "from each of you, so each one stays something you can keep."
        )
    return kept


def _text(given: str | None, current: str | None) -> str | None:
    """A given blank text clears the part; not given keeps the current words."""
    if given is None:
        return current
    return values.text_or_none(given.strip())
