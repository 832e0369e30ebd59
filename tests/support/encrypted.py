"""A varied journal, plain and encrypted, for the tests of encryption at rest.

Deriving a key from a passphrase takes seconds on purpose (scrypt), so the
journal is made and encrypted once per test process and copied for each
test; a test that needs no passphrase gets an open session, as `trustlog
unlock` leaves it, written straight to its own runtime folder.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from trustlog.storage import crypt, session

PASSPHRASE = "correct horse battery staple"
# Words that appear in the journal's entries and nowhere else: after any
# operation on an encrypted journal, no file in its folder may hold one.
SECRETS = (
    "lighthouse",
    "marmalade",
    "tangerine",
    "zeppelin",
    "quokka",
    "saxophone",
    "porcupine",
    "Wilhelmina",
    "Bartholomew",
    "velociraptor",
    "hummingbird",
    "the-dishes-topic",
)
# Files whose bytes are not encrypted, by design: the lock (empty) and the identity
# (encrypted with the passphrase: it reads as age too).
NOT_ENCRYPTED = (".lock",)

_made: dict[str, Any] = {}


def make_varied(cli: Callable[..., Any]) -> None:
    """One entry of every kind, and the settings, each with a word from SECRETS."""
    steps = [
        "init --name Wilhelmina --partner Bartholomew --role hurt",
        "checkin --date 2026-11-20 --mood 3 --trust 4 --feeling tender"
        " --grateful 'the lighthouse walk' --argument the-dishes-topic"
        " --note 'We talked about marmalade and it went fine.\nA second line.'",
        "checkin --date 2026-10-02 --mood 2 --private --note 'a private tangerine thought'",
        "promise add 'Text before the zeppelin leaves' --every daily --start 2026-10-01",
        "trigger --at '2026-11-21 09:30' --what 'a quokka photo' --intensity 6"
        " --facts 'it was old' --resolved-at '2026-11-21 10:00' --no-timer",
        "apology draft --did 'I hid the saxophone receipts' --impact 'you felt lied to'"
        " --responsibility 'I chose to hide them' --amends 'I will share every receipt'"
        " --promise 'Show the porcupine folder weekly'",
        "contract write --mine 'velociraptor honesty' --theirs 'say when it hurts'"
        " --support 'our counsellor' --breaks 'lying again' --revisit 2026-12-24",
        "agreement add 'Phones stay on the hummingbird table at dinner' --area communication",
        "support add 'Lighthouse helpline 0800'",
        "ritual log repair --date 2026-11-22 --minutes 30 --note 'quokka again, gently'",
    ]
    for step in steps:
        args = shlex.split(step)
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    promises = cli("promise", "list", "--json").json()
    first = promises[0]["id"]
    assert cli("promise", "kept", first, "--date", "2026-11-22").exit_code == 0
    assert cli("promise", "broken", first, "--date", "2026-11-23", "--repair",
               "zeppelin apology").exit_code == 0  # fmt: skip


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        p.relative_to(home).as_posix(): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def plain_left(folder: Path) -> list[str]:
    """Every file under `folder` that holds a word of SECRETS (case-insensitive)."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            found += [f"{path}: {word}" for word in SECRETS if word.lower().encode() in data]
    return found


def not_encrypted(home: Path) -> list[str]:
    return [
        name
        for name, data in snapshot(home).items()
        if not crypt.is_encrypted(data) and Path(name).name not in NOT_ENCRYPTED
    ]


def templates(
    cli: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory, mp: pytest.MonkeyPatch
) -> tuple[Path, Path, str]:
    """(plain journal, the same encrypted, its identity's text), made once per process."""
    if not _made:
        base = tmp_path_factory.mktemp("encrypted-journals")
        plain, encrypted = base / "plain", base / "encrypted"
        with mp.context() as scoped:
            scoped.setenv("TRUSTLOG_HOME", str(plain))
            make_varied(cli)
            shutil.copytree(plain, encrypted)
            scoped.setenv("TRUSTLOG_HOME", str(encrypted))
            scoped.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
            result = cli("encrypt")
            assert result.exit_code == 0, result.stderr
        import pyrage

        identity = (encrypted / crypt.IDENTITY_FILE).read_bytes()
        text = pyrage.passphrase.decrypt(identity, PASSPHRASE).decode()
        _made.update(plain=plain, encrypted=encrypted, identity=text)
    return _made["plain"], _made["encrypted"], _made["identity"]


def copy_to(template: Path, home: Path) -> None:
    if home.exists():
        shutil.rmtree(home)
    shutil.copytree(template, home)
    os.chmod(home, 0o700)


def open_session(home: Path, identity: str, minutes: int = 15) -> None:
    now = datetime.fromisoformat(os.environ["TRUSTLOG_NOW"])
    session.open_for(home, identity, now + timedelta(minutes=minutes))
