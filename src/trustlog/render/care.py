"""The one warm line after a hard check-in or a strong flare-up (domain/care.py).

Plain and brief, never an alarm: what is there for the person, if it helps,
and nothing they must do.
"""

from __future__ import annotations

from trustlog.domain.care import SupportOffer
from trustlog.render import layout
from trustlog.render.output import Output
from trustlog.render.safe import visible

OPENING = {
    "checkin": "That sounds hard.",
    "trigger": "That sounds hard, and it is still with you.",
}


SEPARATOR = " · "


def _parts(offer: SupportOffer, after: str) -> tuple[str, list[str]]:
    there = []
    if offer.stop_word:
        there.append(f"your stop word “{visible(offer.stop_word)}”")
    if offer.contact:
        there.append(visible(offer.contact))
    there.append("trustlog help safety")
    return f"{OPENING[after]} If it helps:", there


def support_words(offer: SupportOffer, after: str) -> str:
    """The line, as one string."""
    opening, there = _parts(offer, after)
    return f"{opening} {SEPARATOR.join(there)}"


def support_lines(offer: SupportOffer, after: str, columns: int | None) -> list[str]:
    """The line, broken to `columns` where it must: between the opening's words, or
    between its parts, so a phone number or the command is never split across two lines
    (unless one alone is wider than the screen)."""
    from rich.cells import cell_len

    opening, there = _parts(offer, after)
    # (joiner before it, the words that stay together, how a new line starting with it reads)
    pieces = [(" ", word, word) for word in opening.split()]
    pieces += [(" ", there[0], there[0])]
    pieces += [(SEPARATOR, part, f"{SEPARATOR.lstrip()}{part}") for part in there[1:]]
    lines: list[str] = []
    current = ""
    for joiner, words, starting in pieces:
        if not current:
            current = words
        elif columns is not None and cell_len(current + joiner + words) > columns:
            lines.append(current)
            current = starting
        else:
            current += joiner + words
    return [*lines, current]


def support_offered(output: Output, offer: SupportOffer | None, after: str) -> None:
    if offer is None:
        return
    import sys

    for line in support_lines(offer, after, layout.width(sys.stderr)):
        output.tell(line)
