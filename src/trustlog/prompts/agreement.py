"""The questions of `agreement add` in a terminal: the words, then the area from a list."""

from __future__ import annotations

from trustlog.domain.agreement.model import AREAS
from trustlog.prompts.seam import Ask

AREA_LABELS = {
    "communication": "Communication",
    "privacy": "Privacy",
    "social-media": "Social media",
    "substances": "Substances (drink, drugs)",
    "spending": "Spending and money",
    "disclosure": "Disclosure (telling each other things)",
    "other": "Something else",
}


def ask_agreement(ask: Ask, text: str | None, area: str | None) -> tuple[str | None, str | None]:
    """What the flags left out. Enter on the words leaves them out (the command then says
    what is missing); the area is one of the list."""
    if text is None or not text.strip():
        text = ask.text(
            "What do you agree on? Who does what, and by when.",
            hint="(for example: tell each other about any message from an ex within 24 hours)",
        )
        if text is None:
            return None, area
    if area is None:
        area = ask.choose(
            "Which area is it about?", [(name, AREA_LABELS[name]) for name in AREAS], default=None
        )
    return text, area
