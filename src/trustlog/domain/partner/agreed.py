"""Whether both journals hold the same words of the repair contract, and since when.

Each journal writes the contract from its own side: one's commitments are the
other's "theirs". So the partner's revision is mirrored before it is compared.
Read by `contract` and the report, so it needs no cryptography, only the files.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from trustlog.domain.contract.model import Contract
from trustlog.domain.partner import store
from trustlog.storage.journal import Journal


def mirrored(theirs: dict[str, Any]) -> dict[str, Any]:
    """Their revision seen from this side: their commitments are this journal's "theirs"."""
    return {
        "mine": list(theirs.get("theirs") or []),
        "theirs": list(theirs.get("mine") or []),
        "support": theirs.get("support"),
        "breaks": theirs.get("breaks"),
        "revisit": theirs.get("revisit"),
    }


def agreed_by_both(journal: Journal, own: Contract | None) -> date | None:
    """The day both journals came to hold the same words: the later of the two revisions."""
    if own is None:
        return None
    held = store.load_kind(journal, store.CONTRACT)
    if held is None or not isinstance(held.items, dict):
        return None
    theirs = mirrored(held.items)
    same = (
        own.mine == theirs["mine"]
        and own.theirs == theirs["theirs"]
        and own.support == theirs["support"]
        and own.breaks == theirs["breaks"]
        and own.revisit.isoformat() == theirs["revisit"]
    )
    if not same:
        return None
    try:
        return max(own.date, date.fromisoformat(str(held.items.get("date"))))
    except ValueError:
        return own.date
