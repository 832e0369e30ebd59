"""This journal's own sharing keys: an age identity to open shares, a key to sign them.

They live in `sharing-keys.toml` at the journal's root, written through the
journal like every file: 0600 in a plain journal, encrypted in an encrypted
one. They are made the first time a partner command needs them, and
`partner remove` leaves them be (they are this journal's, not the partner's),
so the code a partner holds stays good.

The file also says whether this code was ever given out (`given`: the time
it was first shown by `partner code` or used by `share`; `false` while it
never was; absent in files made before it was noted, so unknown). When two
devices of one journal each made keys before they first synced, sync keeps
the ones that were given out (domain/sync/keys.py).

The signatures are Ed25519, by PyNaCl (libsodium): a small, audited library
that does only this, without OpenSSL (pyrage, for age, is without it too).
Both libraries are imported here, inside the functions, and only the partner
commands come here.
"""

from __future__ import annotations

import base64
import tomllib
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from trustlog.domain.partner.code import PartnerCode
from trustlog.errors import JournalError
from trustlog.storage.journal import Journal

KEYS_FILE = "sharing-keys.toml"
HEADER = (
    "# This journal's sharing keys (`trustlog partner code`). The two secret keys below\n"
    "# open the shares your partner makes for you and sign the ones you make:\n"
    "# never hand this file to anyone. `trustlog partner code` shows what to share.\n"
)


@dataclass(frozen=True)
class OwnKeys:
    identity: str  # "AGE-SECRET-KEY-1..."
    seed: bytes  # the Ed25519 signing key's 32-byte seed
    made: str | None = None  # when (an ISO time, as written)
    given: str | bool | None = None  # first given out (a time), False never, None unknown

    def text(self) -> str:
        """The file, as trustlog writes it."""
        seed = base64.b64encode(self.seed).decode("ascii")
        given = "false" if self.given is False else f'"{self.given}"'
        return (
            HEADER
            + (f'made = "{self.made}"\n' if self.made else "")
            + f'identity = "{self.identity}"\nsigning = "{seed}"\n'
            + (f"given = {given}\n" if self.given is not None else "")
        )

    @property
    def code(self) -> PartnerCode:
        from nacl.signing import SigningKey
        from pyrage import x25519

        recipient = str(x25519.Identity.from_str(self.identity).to_public())
        return PartnerCode(recipient, bytes(SigningKey(self.seed).verify_key))

    def sign(self, data: bytes) -> bytes:
        from nacl.signing import SigningKey

        return bytes(SigningKey(self.seed).sign(data).signature)

    def decrypt(self, data: bytes) -> bytes:
        import pyrage

        opened: bytes = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(self.identity)])
        return opened


def load_keys(journal: Journal) -> OwnKeys | None:
    path = journal.root / KEYS_FILE
    try:
        raw = journal.read_bytes(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise JournalError(f"Could not read {path}: {error.strerror}.") from None
    return parse_keys(raw, str(path))


def parse_keys(raw: bytes, where: str) -> OwnKeys:
    """The keys a file's (plain) bytes hold; JournalError naming `where` if none."""
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
        given = data.get("given")
        if not (given is None or given is False or isinstance(given, str)):
            raise ValueError(given)
        return OwnKeys(
            str(data["identity"]),
            base64.b64decode(str(data["signing"]), validate=True),
            str(data["made"]) if "made" in data else None,
            given,
        )
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, ValueError):
        raise JournalError(
            f"{where} is damaged: it does not hold this journal's sharing keys.",
            hint="Nothing was changed. Put it back from a backup; without it, shares made "
            "for you cannot be opened.",
        ) from None


def own_keys(journal: Journal, now: datetime, giving: bool = False) -> OwnKeys:
    """The journal's keys, made (in the journal's own change) the first time they are
    asked for. `giving`: the code is being given out now (shown, or a share signed with
    the key), which the file notes the first time."""
    found = load_keys(journal)
    if found is not None and (found.given or not giving):
        return found
    from nacl.signing import SigningKey
    from pyrage import x25519

    with journal.writing():
        found = load_keys(journal)  # another command may have made them while we waited
        if found is not None and (found.given or not giving):
            return found
        if found is None:
            found = OwnKeys(
                str(x25519.Identity.generate()), bytes(SigningKey.generate()), now.isoformat()
            )
        made = replace(found, given=now.isoformat() if giving else False)
        journal.write_bytes(journal.root / KEYS_FILE, made.text().encode("ascii"))
    return made
