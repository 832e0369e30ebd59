"""An entry's head and labelled fields, for every format that lists entries (md, html).

A head is the entry's name, then what goes beside it (["Flare-up at 21:05",
"intensity 7 of 10"]); each format sets the name apart in its own way. A row is a
label and the person's words, which each format escapes in its own way.
"""

from __future__ import annotations

from trustlog.domain.agreement.model import Agreement
from trustlog.domain.contract.model import Contract
from trustlog.domain.imports.model import JrnlEntry
from trustlog.domain.ritual.model import Ritual
from trustlog.domain.trigger.model import Trigger
from trustlog.render import words
from trustlog.render.export.wording import RITUAL_PARTS, agreement_area

# A labelled field of an entry: its label, and the person's words (None: not given).
Row = tuple[str, str | None]


def trigger_head(trigger: Trigger) -> list[str]:
    """["Flare-up at 21:05", "intensity 7 of 10", "settled after 25 min"]."""
    head = [f"Flare-up at {trigger.at:%H:%M}"]
    if trigger.intensity is not None:
        head.append(f"intensity {trigger.intensity} of 10")
    minutes = trigger.recovery_minutes
    head.append(
        f"settled after {words.minutes(minutes)}" if minutes is not None else "not settled yet"
    )
    return head


def ritual_head(ritual: Ritual) -> list[str]:
    """The entry's name, then what goes beside it: ["Weekly repair check-in", "25 min"]."""
    head = [RITUAL_PARTS.get(ritual.what, ritual.what)]
    if ritual.minutes:
        head.append(words.minutes(ritual.minutes))
    return head


def ritual_rows(ritual: Ritual) -> list[Row]:
    return [
        ("Facts", ritual.facts),
        ("Feelings", ritual.feelings),
        ("Progress", ritual.progress),
        ("What helped", ritual.helped),
        ("Note", ritual.note),
    ]


def contract_head(contract: Contract) -> str:
    return f"Repair contract, revision {contract.number}"


def contract_rows(contract: Contract) -> list[Row]:
    rows: list[Row] = [("I commit to", each) for each in contract.mine]
    rows += [("They commit to", each) for each in contract.theirs]
    rows += [
        ("What support looks like", contract.support),
        ("What would break it", contract.breaks),
    ]
    return rows


def contract_revisit(contract: Contract) -> str:
    return f"Revisit on {words.short_date(contract.revisit, year=True)}"


def agreement_head(agreement: Agreement) -> list[str]:
    return ["Agreement", agreement_area(agreement.area)]


def agreement_dates(agreement: Agreement) -> list[str]:
    """ "To review on ...", "Retired on ...": what is known of the agreement's dates."""
    said = []
    if agreement.review is not None:
        said.append(f"To review on {words.short_date(agreement.review, year=True)}")
    if agreement.retired is not None:
        said.append(f"Retired on {words.short_date(agreement.retired, year=True)}")
    return said


def jrnl_head(entry: JrnlEntry) -> list[str]:
    """An entry brought over from jrnl: ["From jrnl at 21:40", "starred"]."""
    return [f"From jrnl at {entry.created:%H:%M}", *(["starred"] if entry.starred else [])]


def jrnl_rows(entry: JrnlEntry) -> list[Row]:
    return [("Title", entry.title), ("Tags", ", ".join(entry.tags)), ("Text", entry.note)]
