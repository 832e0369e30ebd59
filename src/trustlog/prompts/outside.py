"""The one question about a file outside the journal: whether to write over it."""

from __future__ import annotations

from trustlog.prompts.seam import Ask


def ask_replace(ask: Ask, name: str) -> bool:
    return ask.confirm(f"{name} is already there. Replace it?", default=False)
