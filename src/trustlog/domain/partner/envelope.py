"""A share's envelope: the payload signed by its maker, then encrypted to its one reader.

    age file, encrypted to the partner's X25519 recipient
      └ JSON {"trustlog_share": 1, "payload": "<the payload's JSON text>", "signature": "<base64>"}
          └ payload: {"version", "from", "for", "made", "window", "kinds"}

The signature (Ed25519) is over the payload's exact UTF-8 bytes, carried as a
string so that no re-encoding can change what was signed. The payload names
the code of its maker and of the journal it is for: a share opened by the
right key but meant for someone else, or signed by anyone but the partner,
is refused. age's own authentication refuses a changed or cut byte anywhere.

The libraries do the cryptography (pyrage, PyNaCl); this module only decides
what is sealed for whom, and both are imported inside its functions.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from trustlog.domain.partner.code import PartnerCode
from trustlog.domain.partner.keys import OwnKeys
from trustlog.domain.partner.store import KINDS
from trustlog.errors import InputError

MARKER = "trustlog_share"
VERSION = 1


@dataclass
class Opened:
    """A share that was for this journal and signed by the partner."""

    maker: str  # the maker's code
    made: datetime
    start: date
    end: date
    kinds: dict[str, Any]


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def seal(
    keys: OwnKeys,
    partner: PartnerCode,
    made: datetime,
    start: date,
    end: date,
    kinds: dict[str, Any],
) -> bytes:
    import pyrage

    payload = {
        "version": VERSION,
        "from": keys.code.text,
        "for": partner.text,
        "made": made.isoformat(),
        "window": {"from": start.isoformat(), "to": end.isoformat()},
        "kinds": kinds,
    }
    signed = canonical(payload)
    inner = {
        MARKER: VERSION,
        "payload": signed.decode("utf-8"),
        "signature": base64.b64encode(keys.sign(signed)).decode("ascii"),
    }
    recipient = pyrage.x25519.Recipient.from_str(partner.recipient)
    sealed: bytes = pyrage.encrypt(json.dumps(inner).encode("ascii"), [recipient])
    return sealed


def open_envelope(data: bytes, keys: OwnKeys, partner: PartnerCode, name: str) -> Opened:
    """The share inside `data`; anything not whole, not for us or not signed by them: InputError."""
    import pyrage
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    try:
        inner = keys.decrypt(data)
    except pyrage.DecryptError as error:
        if "no matching keys" in str(error).lower():
            raise _refused(
                "it was not made for this journal: it is sealed for another partner code "
                "(or its first lines were changed)"
            ) from None
        raise _refused("it is damaged: changed or cut short on the way") from None
    try:
        outer = json.loads(inner.decode("utf-8"))
        if outer.get(MARKER) != VERSION:
            raise ValueError(f"version {outer.get(MARKER)!r}")
        signed = str(outer["payload"]).encode("utf-8")
        signature = base64.b64decode(str(outer["signature"]), validate=True)
        payload = json.loads(signed)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise _refused(
            "it opened, but is not a trustlog share this version can read", newer=True
        ) from None
    try:
        VerifyKey(partner.signing).verify(signed, signature)
    except (BadSignatureError, ValueError):
        raise _refused(f"it is not signed by {name}'s key, so it may not be from them") from None
    if payload.get("from") != partner.text:
        raise _refused(f"it is not signed by {name}'s key, so it may not be from them")
    if payload.get("for") != keys.code.text:
        raise _refused(f"{name} made it for another journal, not for this one")
    try:
        window = payload["window"]
        kinds = payload["kinds"]
        if not isinstance(kinds, dict) or not set(kinds) <= set(KINDS):
            raise ValueError("kinds")
        made = datetime.fromisoformat(payload["made"])
        if made.tzinfo is None:
            raise ValueError("made")
        return Opened(
            maker=partner.text,
            made=made,
            start=date.fromisoformat(window["from"]),
            end=date.fromisoformat(window["to"]),
            kinds=kinds,
        )
    except (KeyError, TypeError, ValueError):
        raise _refused(
            "it opened, but is not a trustlog share this version can read", newer=True
        ) from None


def _refused(why: str, newer: bool = False) -> InputError:
    hint = "Nothing was stored."
    if newer:
        hint = "It may come from a newer trustlog: updating trustlog may help. " + hint
    return InputError(f"This share was refused: {why}.", hint=hint)
