"""The four-part apology: what I did, how it hurt you, my responsibility, my amends.

Stored as `YYYY/MM/<date>-apology-<id>.md`, dated by the day it was drafted.
The four parts are fields of the front matter (any may hold several lines);
the body is free for notes a person adds by hand. Steps of the amends can
become tracked promises (`promises/promise-<id>.md`), each naming the apology
it came from, and the apology lists their ids.

Nothing here sends anything anywhere: the apology is for the person to say,
in their own words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from trustlog.domain.apology.checker import PARTS, check
from trustlog.domain.core import fields
from trustlog.domain.core.entry import Fit, Record, first_line, path_of, whole
from trustlog.domain.core.rules import Finding, sentences
from trustlog.domain.promise.model import Promise
from trustlog.domain.promise.schedule import parse_every
from trustlog.domain.promise.service import promise_by_id, save_new_promise
from trustlog.errors import InputError, JournalError
from trustlog.storage.journal import EntryFile, Journal

KIND = "apology"
DEFAULT_EVERY = "daily"

PART_TITLES = {
    "did": "What I did",
    "impact": "How it hurt you",
    "responsibility": "I take full responsibility",
    "amends": "How I'll make amends and change",
}


@dataclass
class Apology(Record):
    kind: ClassVar[str] = KIND
    id: str
    date: dt.date = fields.day(required=True)  # (dt. because the field's name hides the type)
    created: datetime = fields.moment(or_start_of="date")
    updated: datetime | None = fields.moment()
    did: str | None = fields.text(flag="--did")
    impact: str | None = fields.text(flag="--impact")
    responsibility: str | None = fields.text(flag="--responsibility")
    amends: str | None = fields.text(flag="--amends")
    promises: list[str] = fields.texts()  # the ids of the promises made from it
    note: str | None = fields.body()
    extra: dict[str, Any] = fields.extra()

    @property
    def parts(self) -> ApologyParts:
        return ApologyParts(self.did, self.impact, self.responsibility, self.amends)

    def assembled_text(self) -> str:
        return self.parts.assembled_text()

    def findings(self) -> list[Finding]:
        return self.parts.findings()

    def summary(self, fit: Fit = whole) -> str:
        for part in PARTS:
            line = fit(first_line(self.parts.get(part)))
            if line:
                return line
        return "an empty draft"


@dataclass
class ApologyParts(fields.Answers):
    """The four parts as a person gave them; None (or blank) means not given (yet)."""

    model: ClassVar[type] = Apology
    did: str | None = None
    impact: str | None = None
    responsibility: str | None = None
    amends: str | None = None

    def get(self, part: str) -> str | None:
        value: str | None = getattr(self, part)
        return value

    def as_dict(self) -> dict[str, str | None]:
        return {part: self.get(part) for part in PARTS}

    def findings(self) -> list[Finding]:
        return check(self.as_dict())

    def assembled_text(self) -> str:
        return assemble(self.as_dict())


def assemble(parts: dict[str, str | None]) -> str:
    """The parts as one apology a person could read aloud: a paragraph each, in order."""
    paragraphs = []
    for part in PARTS:
        text = parts.get(part)
        if text and text.strip():
            paragraph = "\n".join(line.rstrip() for line in text.strip().splitlines())
            # Read aloud, a part that trails off without a full stop sounds unfinished.
            if paragraph[-1].isalnum():
                paragraph += "."
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


@dataclass
class DraftResult:
    apology: Apology
    promises: list[Promise]
    findings: list[Finding]


def promise_texts(texts: list[str] | None, flag: str = "--promise") -> list[str]:
    """Promise texts as given; an empty one is a mistake worth naming."""
    cleaned = []
    for text in texts or []:
        if not text.strip():
            raise InputError(
                f"{flag}: a promise needs a few words, such as --promise 'Text you if I'm late'."
            )
        cleaned.append(text.strip())
    return cleaned


def draft_apology(
    journal: Journal,
    parts: ApologyParts,
    promises: list[str],
    now: datetime,
    every: str = DEFAULT_EVERY,
) -> DraftResult:
    """Save an apology draft and the promises made from its amends, all or nothing.

    Everything is checked before anything is written.
    """
    parts = parts.checked()
    texts = promise_texts(promises)
    schedule = parse_every(every)
    today = now.date()
    with journal.writing():
        taken: set[str] = set()
        apology = Apology(
            id=_fresh_id(journal, taken),
            date=today,
            created=now,
            did=parts.did,
            impact=parts.impact,
            responsibility=parts.responsibility,
            amends=parts.amends,
        )
        made = [
            Promise(
                id=_fresh_id(journal, taken),
                text=text,
                created=now,
                start=today,
                every=schedule,
                apology=apology.id,
            )
            for text in texts
        ]
        apology.promises = [promise.id for promise in made]
        for promise in made:
            save_new_promise(journal, promise)
        journal.write(path_of(journal, apology), *apology.to_document())
    return DraftResult(apology, made, apology.findings())


def _fresh_id(journal: Journal, taken: set[str]) -> str:
    """A new id, different from the ones already handed out in this write."""
    while True:
        candidate = journal.new_id()
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def list_apologies(journal: Journal) -> list[Apology]:
    """Every apology, oldest first (reads only apology files)."""
    return [_load(journal, entry_file) for entry_file in journal.files_between(None, None, KIND)]


def find_apology(journal: Journal, id_or_prefix: str) -> Apology:
    return _load(journal, journal.find(id_or_prefix, KIND))


def linked_promises(journal: Journal, apology: Apology) -> list[Promise]:
    """The promises made from this apology that still exist (one may have been deleted)."""
    found = (promise_by_id(journal, promise_id) for promise_id in apology.promises)
    return [promise for promise in found if promise is not None]


def suggested_promises(amends: str | None) -> list[str]:
    """Steps of an amends plan, phrased as promises: "I will text you" becomes "Text you"."""
    import re

    steps = []
    for sentence in sentences(amends or ""):
        step = re.sub(
            r"^(?:and\s+|also\s+|then\s+)?(?:from\s+(?:now\s+on|today),?\s+)?I(?:['’]ll|\s+will|\s+am\s+going\s+to"
            r"|['’]m\s+going\s+to|\s+promise\s+to)\s+(?:also\s+)?",
            "",
            sentence,
            flags=re.IGNORECASE,
        ).strip()
        if step and len(step.split()) >= 2:
            steps.append(step[:1].upper() + step[1:])
    return steps


def _load(journal: Journal, entry_file: EntryFile) -> Apology:
    from trustlog.domain.core.entry import entry_file_of

    doc = journal.read(entry_file)
    entry_file_of(doc, entry_file)
    if doc.fields.get("kind") != KIND:
        kind = doc.fields.get("kind")
        raise JournalError(f"{entry_file.path}: named as an apology, but it holds a '{kind}'.")
    return Apology.from_document(doc)
