"""The question `trustlog encrypt` asks about the support contacts, in a terminal."""

from __future__ import annotations

from collections.abc import Callable

from trustlog.prompts.seam import Ask

# Both sides, plainly: neither answer is safe for everyone (CONTRACT.md, PRODUCT.md).
WHY = (
    "Your support contacts can stay readable while your journal is locked, on this "
    "computer, so `trustlog help safety` shows them without the passphrase in a hard "
    "moment. If they stay readable, anyone who can open your files here (a partner or a "
    "housemate) could see them, a helpline's number too. If not, they are as private as "
    "the rest, but out of reach when you cannot type the passphrase."
)
QUESTION = "Keep your support contacts readable while the journal is locked?"


def ask_readable(ask: Ask, say: Callable[[str], None], now_on: bool) -> bool:
    """Whether to keep them readable; Enter keeps what is set now (off unless chosen)."""
    say(WHY)
    return ask.confirm(QUESTION, default=now_on)
