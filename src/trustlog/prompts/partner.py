"""The questions of sharing: whether to write the share, whether to forget the partner."""

from __future__ import annotations

from trustlog.prompts.seam import Ask


def ask_share(ask: Ask) -> bool:
    return ask.confirm("Write this share?", default=True)


def ask_remove(ask: Ask) -> bool:
    return ask.confirm("Forget them and everything they shared?", default=False)
