"""Encryption at rest, in the `age` format, so every file opens without trustlog too.

    identity.age      the journal's X25519 identity, encrypted with the passphrase (scrypt)
    every other file  encrypted to that identity's public key, under its usual name

A passphrase costs about 2.6 s to derive (age's scrypt), so it opens only
`identity.age`; the files are encrypted to the identity inside it, which opens
one in a fraction of a millisecond. The standard tool reads them the same way:
`age -d -i identity.age FILE` asks for the passphrase (docs/encryption.md).

Whether a journal is encrypted is the presence of `identity.age`, known without
the passphrase. Whether one file is encrypted is its first line, age's header:
so a journal that `trustlog encrypt` or `decrypt` left halfway is still read
whole, each file as it is, and running the command again finishes the job.

pyrage (the Rust age library) is imported only here, inside the functions that
need it: a plain journal never loads it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from trustlog.errors import InputError, JournalError

IDENTITY_FILE = "identity.age"
HEADER = b"age-encryption.org/v1\n"
# Files the person chose to keep readable without the passphrase (their support contacts,
# `trustlog support readable on`): never encrypted, and never sent by `trustlog sync`.
READABLE_FOLDER = "readable"


def kept_plain(root: Path, path: Path) -> bool:
    """Whether the journal at `root` keeps `path` unencrypted even when it is encrypted:
    the identity (sealed by the passphrase itself) and what is in `readable/`."""
    return path.name == IDENTITY_FILE or path.parent == root / READABLE_FOLDER


def is_encrypted(data: bytes) -> bool:
    return data.startswith(HEADER)


class Keys:
    """The journal's unlocked identity: what opens its files and what seals new ones.

    (A plain class: every command imports this module, most never unlock anything,
    and a frozen dataclass cost each of them half a millisecond of start-up.)"""

    __slots__ = ("identity", "recipient")

    def __init__(self, identity: Any, recipient: Any) -> None:
        self.identity = identity  # pyrage.x25519.Identity
        self.recipient = recipient  # pyrage.x25519.Recipient

    @classmethod
    def from_text(cls, text: str) -> Keys:
        """Keys from an identity's text (`AGE-SECRET-KEY-1...`, with `#` comments allowed)."""
        from pyrage import IdentityError, x25519

        lines = [line.strip() for line in text.splitlines()]
        secret = next((line for line in lines if line.startswith("AGE-SECRET-KEY-")), "")
        try:
            identity = x25519.Identity.from_str(secret)
        except IdentityError:
            raise ValueError("not an age identity") from None
        return cls(identity, identity.to_public())

    @classmethod
    def generate(cls) -> Keys:
        from pyrage import x25519

        identity = x25519.Identity.generate()
        return cls(identity, identity.to_public())

    @property
    def text(self) -> str:
        """The identity as the `age` tool writes it in an identity file."""
        return f"# public key: {self.recipient}\n{self.identity}\n"

    def encrypt(self, data: bytes) -> bytes:
        import pyrage

        result: bytes = pyrage.encrypt(data, [self.recipient])
        return result

    def decrypt(self, data: bytes, path: Path) -> bytes:
        import pyrage

        try:
            result: bytes = pyrage.decrypt(data, [self.identity])
        except pyrage.DecryptError:
            raise JournalError(
                f"Could not decrypt {path}: it was not encrypted for this journal's key, "
                "or it is damaged.",
                hint="If a session is open for another journal, `trustlog lock` ends it. "
                "Nothing was changed.",
            ) from None
        return result


def seal(keys: Keys, passphrase: str) -> bytes:
    """The identity file's bytes: the identity, encrypted with the passphrase (age's scrypt)."""
    import pyrage

    sealed: bytes = pyrage.passphrase.encrypt(keys.text.encode("ascii"), passphrase)
    return sealed


def open_sealed(sealed: bytes, passphrase: str, path: Path) -> Keys:
    """The identity inside `identity.age`; a wrong passphrase is bad input (InputError)."""
    import pyrage

    try:
        text = pyrage.passphrase.decrypt(sealed, passphrase)
    except pyrage.DecryptError as error:
        # age says "Decryption failed" when the passphrase does not unwrap the key; a
        # cut or garbled file fails otherwise ("failed to fill whole buffer", ...).
        if not (_looks_sealed(sealed) and "decryption failed" in str(error).lower()):
            raise JournalError(
                f"{path} is damaged: age could not read it ({error}).",
                hint="Nothing was changed. Put identity.age back from a backup; without it "
                "the journal's files cannot be opened.",
            ) from None
        raise InputError(
            "That passphrase does not open this journal.",
            hint="Please try again; nothing was changed.",
        ) from None
    try:
        return Keys.from_text(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise JournalError(
            f"{path} opened, but holds no age identity.",
            hint="Nothing was changed. If you have a copy of identity.age, put it back.",
        ) from None


def _looks_sealed(data: bytes) -> bool:
    """An age file for a passphrase: the header, a scrypt stanza, the header's end."""
    return data.startswith(HEADER) and b"\n-> scrypt " in data and b"\n--- " in data


def no_identity(path: Path, identity: Path) -> JournalError:
    return JournalError(
        f"{path} is encrypted, but the journal has no {identity.name} to open it.",
        hint=f"Put {identity} back from a backup, then run the command again. Nothing was changed.",
    )


# Supplies the keys when a file needs them: from an open session, the
# passphrase in the environment, or a question in a terminal (cli/state.py).
KeySource = Callable[[], Keys]
