"""Files that ship inside trustlog, beside its code (the checkers' `rules.toml`): read-only.

Only storage touches files, so they are read here. Never a journal's file: none of
the journal's seam (the lock, the change record, decryption) applies to them, and
a path outside trustlog's own folder is refused.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def text_of(path: Path) -> str:
    """The text of a file that ships with trustlog, such as `domain/apology/rules.toml`."""
    if not path.resolve().is_relative_to(PACKAGE):
        raise ValueError(f"{path} does not ship with trustlog")
    return path.read_text(encoding="utf-8")
