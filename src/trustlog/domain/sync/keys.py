"""Sharing keys made on two devices of one journal before they first synced.

`sharing-keys.toml` (domain/partner/keys.py) is this journal's identity for the
partner: the code `partner code` shows is made from it. Two devices that each
ran a partner command before their first sync each made their own, and only
one can be the journal's. The one kept is the one the partner can already
have:

- only one was ever given out (shown by `partner code`, or used by `share`):
  that one, and nothing else needs doing;
- neither was: the one made first;
- both were: the one given out last (a partner holds one code for this
  journal, most likely the last one they were given), and the person is told
  plainly: their partner may hold the other, which `trustlog partner` on the
  partner's side shows by its fingerprint, and how to put it back if so.

The other is never lost: it stays beside it, whole, as
`sharing-keys.toml.sync-XXXXXXXX` (0600, and as encrypted as every file of an
encrypted journal: its bytes are the file's own), and putting it back in
place is a rename. The same rules on every device, with ties broken by the
keys themselves, so two devices settling the same pair keep the same one.

Two versions of the same keys (one device noted it gave the code out) become
one file: the same keys, the earliest times.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from trustlog.domain.partner.keys import KEYS_FILE, OwnKeys, parse_keys
from trustlog.storage.journal import Journal

COPY_PREFIX = f"{KEYS_FILE}.sync-"


@dataclass
class Settled:
    """What the journal holds once two devices' keys are settled."""

    keep: bytes  # the file's bytes, as they are (`plain` False) or to be written (True)
    plain: bool
    copy: tuple[str, bytes] | None  # the keys set aside: their path and bytes, as they are
    notice: dict[str, Any] | None  # what the person is told (sync's JSON `sharing_keys`)


def copy_path(raw: bytes) -> str:
    return f"{COPY_PREFIX}{hashlib.sha256(raw).hexdigest()[:8]}"


def _read(journal: Journal, raw: bytes, source: str) -> OwnKeys:
    return parse_keys(journal.plain(raw, journal.root / KEYS_FILE), source)


def settle(journal: Journal, mine: bytes, theirs: bytes, remote: str) -> Settled | None:
    """This device's keys file and the other's, both changed since the two last agreed
    (or never did); None when they are the same bytes."""
    if mine == theirs:
        return None
    here = _read(journal, mine, KEYS_FILE)
    there = _read(journal, theirs, f"the {KEYS_FILE} that came from {remote}")
    if (here.identity, here.seed) == (there.identity, there.seed):
        joined = replace(
            here,
            made=_earliest(here.made, there.made),
            given=_given_first(here.given, there.given),
        )
        return Settled(joined.text().encode("ascii"), True, None, None)
    (kept, kept_raw), (other, other_raw), given_out = _choose((here, mine), (there, theirs))
    path = copy_path(other_raw)
    return Settled(kept_raw, False, (path, other_raw), _notice(kept, other, given_out, path))


def replaced(journal: Journal, before: bytes, after: bytes, copy: str | None) -> dict[str, Any]:
    """The notice for keys another device settled: this device's were `before`."""
    old, new = _read(journal, before, KEYS_FILE), _read(journal, after, KEYS_FILE)
    given_out = _given_out(old, new)
    return _notice(new, old, given_out, copy, here=False)


def differ(journal: Journal, before: bytes, after: bytes) -> bool:
    """Whether two keys files hold different keys (not just different notes)."""
    old, new = _read(journal, before, KEYS_FILE), _read(journal, after, KEYS_FILE)
    return (old.identity, old.seed) != (new.identity, new.seed)


def _choose(
    one: tuple[OwnKeys, bytes], other: tuple[OwnKeys, bytes]
) -> tuple[tuple[OwnKeys, bytes], tuple[OwnKeys, bytes], str]:
    """(kept, set aside, which were given out: "kept", "neither" or "both")."""
    a, b = one[0], other[0]
    if _was_given(a) != _was_given(b):
        kept, aside = (one, other) if _was_given(a) else (other, one)
        return kept, aside, "kept"
    if not _was_given(a):  # neither: the first made
        kept, aside = sorted((one, other), key=lambda k: (_when(k[0].made), k[0].identity))
        return kept, aside, "neither"
    aside, kept = sorted((one, other), key=lambda k: (_given_at(k[0]), k[0].identity))
    return kept, aside, "both"


def _given_out(aside: OwnKeys, kept: OwnKeys) -> str:
    if _was_given(aside) and _was_given(kept):
        return "both"
    return "kept" if _was_given(kept) or not _was_given(aside) else "aside"


def _notice(
    kept: OwnKeys, aside: OwnKeys, given_out: str, path: str | None, here: bool = True
) -> dict[str, Any]:
    return {
        "kept": kept.code.fingerprint,
        "set_aside": aside.code.fingerprint,
        "file": path,
        "given_out": given_out,
        "check_with_partner": given_out in ("both", "aside"),
        "settled_here": here,  # False: another device settled them (or a person changed them)
    }


def _was_given(keys: OwnKeys) -> bool:
    """Given out, or perhaps (a file from before it was noted)."""
    return keys.given is not False


def _given_at(keys: OwnKeys) -> tuple[float, str]:
    return _when(keys.given if isinstance(keys.given, str) else keys.made)


def _when(text: str | None) -> tuple[float, str]:
    """A written time, to compare in time (offsets differ), then as written."""
    from datetime import datetime

    try:
        return (datetime.fromisoformat(text).timestamp() if text else 0.0, text or "")
    except ValueError:
        return (0.0, text or "")


def _earliest(one: str | None, other: str | None) -> str | None:
    return min((t for t in (one, other) if t), key=_when, default=None)


def _given_first(one: str | bool | None, other: str | bool | None) -> str | bool | None:
    times = [g for g in (one, other) if isinstance(g, str)]
    if times:
        return min(times, key=_when)
    return None if None in (one, other) else False
