"""The one warm line after a hard check-in or a strong flare-up (domain/care.py).

Plain and brief, never an alarm: what is there for the person, if it helps,
and nothing they must do.
"""

from __future__ import annotations

from trustlog.domain.care import SupportOffer
from trustlog.render.output import Output

OPENING = {
    "checkin": "That sounds hard.",
    "trigger": "That sounds hard, and it is still with you.",
}


def support_words(offer: SupportOffer, after: str) -> str:
    """The line, as one string (the person's words in it shown as they are)."""
    there = []
    if offer.stop_word:
        there.append(f"your stop word “{offer.stop_word}”")
    if offer.contact:
        there.append(offer.contact)
    there.append("trustlog help safety")
    return f"{OPENING[after]} If it helps: {' · '.join(there)}"


def support_offered(output: Output, offer: SupportOffer | None, after: str) -> None:
    if offer is not None:
        output.tell(support_words(offer, after))
