"""Care in the moment: one warm line after a hard check-in or a strong flare-up.

After a check-in that gives a mood or a trust at the bottom (2 or lower), or
a trigger of intensity 8 or more that has not settled, the person is offered
one line: their stop word, their first support contact and `trustlog help
safety`. Never a diagnosis, never an alarm, and at most once a day (the day as
the journal's day end defines it), so a hard evening is not met with the same
words at every entry (PRODUCT.md, "Care and safety").

That it was offered is kept on this device only, in `cache/care.json`: the
day it was last offered, and nothing else. It is written through the journal
(so an encrypted journal encrypts it) in the same change as the entry that
brought it, never travels with `trustlog sync` (which leaves `cache/` out),
and losing it costs at most the line offered once more that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from trustlog.errors import JournalError

if TYPE_CHECKING:
    from trustlog.storage.journal import Journal

HARD_MOOD = 2  # a mood of this or lower (1-5)
HARD_TRUST = 2  # a trust of this or lower (0-10)
STRONG_INTENSITY = 8  # a trigger of this or higher (0-10), while it has not settled
STATE_FILE = "care.json"


@dataclass(frozen=True)
class SupportOffer:
    """What the one warm line holds: each part only when the person has set it."""

    stop_word: str | None
    contact: str | None  # the first support contact's first line


def hard_checkin(mood: int | None, trust: int | None) -> bool:
    """A check-in giving a mood or a trust at the bottom of its scale."""
    return (mood is not None and mood <= HARD_MOOD) or (trust is not None and trust <= HARD_TRUST)


def strong_unsettled(intensity: int | None, settled: bool) -> bool:
    """A strong flare-up that has not settled yet."""
    return intensity is not None and intensity >= STRONG_INTENSITY and not settled


def offer_support(journal: Journal, today: date, hard: bool) -> SupportOffer | None:
    """The line to offer after a `hard` moment, unless it was offered `today` already.

    Call it inside `journal.writing()`: the day it was offered lands with the
    entry, or not at all.
    """
    if not hard or offered_on(journal) == today:
        return None
    # Read only in a hard moment: every other check-in starts without them.
    import json

    from trustlog.domain.profile import load_profile
    from trustlog.domain.support import list_contacts

    contacts = list_contacts(journal)
    offer = SupportOffer(
        stop_word=load_profile(journal).stop_word,
        contact=contacts[0].support.summary() if contacts else None,
    )
    data = json.dumps({"support_offered": today.isoformat()}, sort_keys=True)
    journal.write_bytes(_path(journal), data.encode("utf-8"))
    return offer


def offered_on(journal: Journal) -> date | None:
    """The day the line was last offered on this device; None if never, or unreadable."""
    import json

    try:
        stored = json.loads(journal.read_bytes(_path(journal)).decode("utf-8"))
        return date.fromisoformat(stored["support_offered"])
    except (OSError, ValueError, TypeError, KeyError, RecursionError, JournalError):
        return None  # kept for a kindness, not a record: what does not read is not there


def _path(journal: Journal) -> Path:
    from trustlog.storage.cache import FOLDER

    return journal.root / FOLDER / STATE_FILE
