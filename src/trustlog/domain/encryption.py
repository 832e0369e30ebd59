"""Encryption at rest: turning a journal into age files and back, and unlocked sessions.

How the bytes are kept is storage's (storage/crypt.py, conversion.py,
session.py); here are the rules around them: where the keys come from, how
long a session lasts, and what each command reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from trustlog.errors import InputError
from trustlog.storage import conversion, crypt, session
from trustlog.storage.conversion import Converted as Converted
from trustlog.storage.journal import Journal

DEFAULT_MINUTES = 15
SHORT_PASSPHRASE = 12  # fewer characters than this can be guessed by a patient machine
MINUTES_RANGE = (1, 24 * 60)  # a session longer than a day is a journal left open

Passphrase = Callable[[], str]


@dataclass(frozen=True)
class Unlocked:
    expires: datetime
    minutes: int


def open_keys(journal: Journal, passphrase: Passphrase, now: datetime) -> crypt.Keys:
    """The keys of an encrypted journal: from its open session, else from the passphrase."""
    found = session.read(journal.root, now)
    if found is not None:
        try:
            return crypt.Keys.from_text(found.identity)
        except ValueError:
            session.end(journal.root)
    return _unseal(journal, passphrase())


def encrypt_journal(
    journal: Journal, passphrase: str, told: conversion.Progress = None
) -> Converted:
    return conversion.encrypt(journal, _given(passphrase), told)


def check_new_passphrase(passphrase: str) -> bool:
    """A new passphrase, before anything is encrypted with it: an empty or blank one is
    refused (it protects nothing); True when it is short enough to be guessed."""
    if not passphrase.strip():
        what = "empty" if not passphrase else "only spaces"
        raise InputError(
            f"The new passphrase is {what}, so it would protect nothing.",
            hint="Please choose one others cannot guess, such as four or five random words. "
            "Nothing was changed.",
        )
    return len(passphrase.strip()) < SHORT_PASSPHRASE


def decrypt_journal(
    journal: Journal, passphrase: str, told: conversion.Progress = None
) -> Converted:
    return conversion.decrypt(journal, _given(passphrase), told)


def unlock(journal: Journal, passphrase: Passphrase, minutes: int, now: datetime) -> Unlocked:
    """Open a session of `minutes`, so commands until then need no passphrase."""
    low, high = MINUTES_RANGE
    if not low <= minutes <= high:
        raise InputError(f"--for: please give between {low} and {high} minutes, not {minutes}.")
    if not journal.encrypted:
        raise InputError(
            f"The journal at {journal.root} is not encrypted, so there is nothing to unlock.",
            hint="`trustlog encrypt` encrypts it.",
        )
    keys = _unseal(journal, passphrase())
    expires = now + timedelta(minutes=minutes)
    session.open_for(journal.root, keys.text, expires)
    return Unlocked(expires, minutes)


def lock(journal: Journal) -> bool:
    """End the journal's session at once; True if one was open."""
    return session.end(journal.root)


def _unseal(journal: Journal, passphrase: str) -> crypt.Keys:
    path = journal.identity_path
    return crypt.open_sealed(journal.read_bytes(path), _given(passphrase), path)


def _given(passphrase: str) -> str:
    if not passphrase:
        raise InputError("The passphrase is empty; please give one.")
    return passphrase
