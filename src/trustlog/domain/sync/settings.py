"""`journal.toml` changed on two devices: merged setting by setting (domain/sync/merge.py).

A setting changed on one side only takes that side's value; one changed on both
keeps this device's; tables (a section of settings) merge key by key the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trustlog.storage import document
from trustlog.storage.journal import Journal


def merge_settings(
    journal: Journal, base: bytes | None, mine: bytes, other: bytes, where: Path
) -> bytes:
    """Setting by setting: one changed on one side only takes that side's value."""
    import tomli_w

    def read(raw: bytes | None) -> dict[str, Any]:
        return {} if raw is None else document.parse_toml(journal.plain(raw, where), where)

    return tomli_w.dumps(three_way(read(base), read(mine), read(other))).encode("utf-8")


def three_way(
    before: dict[str, Any], here: dict[str, Any], there: dict[str, Any]
) -> dict[str, Any]:
    """Tables key by key, each table within them too; a value changed on both keeps ours."""
    joined = dict(here)
    for key in set(there) | set(before):
        if here.get(key) == before.get(key):
            if key in there:
                joined[key] = there[key]
            else:
                joined.pop(key, None)
        elif all(isinstance(side.get(key), dict) for side in (here, there)):
            earlier = before.get(key)
            joined[key] = three_way(
                earlier if isinstance(earlier, dict) else {}, here[key], there[key]
            )
    return joined
