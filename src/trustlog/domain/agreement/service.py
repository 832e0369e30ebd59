"""Adding, listing, revising and retiring agreements; each wording is read by the checker.

Agreements live in one folder, so finding one by id reads that folder only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from trustlog.domain.agreement import checker
from trustlog.domain.agreement.model import AREAS, AREAS_WORDS, Agreement
from trustlog.domain.core import values
from trustlog.domain.core.entry import kept_files, path_of, read_kept, read_record, retire_record
from trustlog.domain.core.rules import Finding
from trustlog.errors import InputError
from trustlog.storage.journal import EntryFile, Journal
from trustlog.storage.names import IdWords, resolve_id

EXAMPLE = 'trustlog agreement add "Tell each other about any messages from exes within 24 hours"'


@dataclass
class AgreementStanding:
    agreement: Agreement
    review_due: bool

    def to_json(self) -> dict[str, Any]:
        data = self.agreement.to_json()
        data["history"] = data.pop("earlier")
        data["review_due"] = self.review_due
        return data


@dataclass
class Saved:
    """What `add` or `revise` did: the agreement, the checker's notes, and whether it changed."""

    standing: AgreementStanding
    warnings: list[Finding]
    action: str  # "created", "revised" or "unchanged"


# -- reading ---------------------------------------------------------------------


def load_agreements(journal: Journal) -> list[Agreement]:
    """Every agreement, oldest first."""
    return sorted(read_kept(journal, Agreement), key=lambda a: (a.start, a.created, a.id))


def find_agreement(journal: Journal, id_or_prefix: str) -> tuple[EntryFile, Agreement]:
    words = IdWords(
        empty="ID: please give an agreement's id, such as k3m9x.",
        missing="ID: no agreement has the id '{given}'.",
        hint="`trustlog agreement list --all` shows every agreement with its id.",
        many="ID: '{given}' could be any of the agreements {ids}; please type more of the id.",
    )
    entry_file = resolve_id(kept_files(journal, Agreement), id_or_prefix, words)
    return entry_file, read_record(journal, Agreement, entry_file)


def list_agreements(journal: Journal, today: date, include_all: bool) -> list[AgreementStanding]:
    """The agreements in force (with `include_all`, the retired ones too)."""
    return [
        AgreementStanding(agreement, agreement.review_due(today))
        for agreement in load_agreements(journal)
        if include_all or agreement.retired is None
    ]


def reviews_due(journal: Journal, today: date) -> list[Agreement]:
    """The agreements in force whose review date has come."""
    return [a for a in load_agreements(journal) if a.review_due(today)]


def show_agreement(journal: Journal, id_or_prefix: str, today: date) -> AgreementStanding:
    agreement = find_agreement(journal, id_or_prefix)[1]
    return AgreementStanding(agreement, agreement.review_due(today))


# -- writing ---------------------------------------------------------------------


def _wording(text: str | None) -> str:
    wording = values.text_or_none(text)
    if wording is None:
        raise InputError(f"TEXT: please say what you agree, for example {EXAMPLE}.")
    return wording.strip()


AskAgreement = Callable[[str | None, str | None], tuple[str | None, str | None]]
"""Asks for what the flags left out: given the text and area so far, both as answered."""


def add_agreement(
    journal: Journal,
    text: str | None,
    area: str | None,
    review: str | None,
    now: datetime,
    ask: AskAgreement | None = None,
) -> Saved:
    """Save a new agreement; in a terminal (`ask`), a text or area not given is asked for."""
    if ask is not None and (values.text_or_none(text) is None or area is None):
        text, area = ask(text, area)
    wording = _wording(text)
    if area is None or area.strip().lower() not in AREAS:
        given = "" if area is None else f" ('{area}')"
        raise InputError(f"--area: please choose one of {AREAS_WORDS}{given}.")
    review_day = None
    if review is not None:
        review_day = values.parse_date(review, "--review")
        if review_day < now.date():
            raise InputError(
                f"--review: {review_day.isoformat()} has passed; the review is a day to come."
            )
    agreement = Agreement(
        id="",
        text=wording,
        area=area.strip().lower(),
        start=now.date(),
        created=now,
        review=review_day,
    )
    with journal.writing():
        agreement.id = journal.new_id()
        journal.write(path_of(journal, agreement), *agreement.to_document())
    standing = AgreementStanding(agreement, agreement.review_due(now.date()))
    return Saved(standing, checker.check(wording), "created")


def revise_agreement(journal: Journal, id_or_prefix: str, text: str | None, today: date) -> Saved:
    """Reword an agreement; the earlier wording stays in its history."""
    wording = _wording(text)
    with journal.writing():
        entry_file, agreement = find_agreement(journal, id_or_prefix)
        action = "unchanged"
        if wording != agreement.text:
            agreement = replace(
                agreement,
                text=wording,
                earlier=[*agreement.earlier, agreement.text],
                revised=today,
            )
            journal.update(journal.read(entry_file), *agreement.to_document())
            action = "revised"
    return Saved(
        AgreementStanding(agreement, agreement.review_due(today)), checker.check(wording), action
    )


@dataclass
class Retired:
    agreement: Agreement
    already: bool


def retire_agreement(journal: Journal, id_or_prefix: str, today: date) -> Retired:
    """Retire an agreement: out of `agreement list`, kept for `--all` and its history."""
    return Retired(*retire_record(journal, lambda: find_agreement(journal, id_or_prefix), today))
