"""`trustlog encrypt` in a terminal asks about the support contacts, saying both risks."""

from __future__ import annotations

import pytest

from tests.support.encrypted import PASSPHRASE, not_encrypted
from tests.support.pty import ENTER, finish, spawn

pytestmark = pytest.mark.e2e


def encrypt_answering(home, keys: str, columns: int = 80) -> str:
    child = spawn(home, "encrypt", timeout=40, columns=columns)
    for question in ("Passphrase for your journal:", "The same passphrase again:"):
        child.expect(question)
        child.sendline(PASSPHRASE)
    child.expect("Keep your support contacts")
    said = " ".join(child.before.split())
    child.send(keys)
    child.expect("Encrypted 2 files")
    assert finish(child) == 0
    return said + " " + " ".join(child.before.split())


def test_yes_keeps_them_readable_on_a_locked_journal(cli, home):
    cli("support", "add", "Sam (my sister): 0612 345 678")
    said = encrypt_answering(home, "y", columns=60)
    # Both risks, plainly, before the question.
    assert "shows them without the passphrase in a hard moment" in said
    assert "a partner or a housemate" in said and "a helpline's number too" in said
    assert "out of reach when you cannot type the passphrase" in said
    assert "Your support contacts stay readable while it is locked, on this device" in said
    run = cli("help", "safety")  # no passphrase, no session
    assert (run.exit_code, run.stderr) == (0, "")
    assert "1. Sam (my sister): 0612 345 678" in run.stdout
    assert not_encrypted(home) == ["readable/support.txt"]


def test_enter_keeps_them_as_private_as_the_rest(cli, home):
    cli("support", "add", "Sam (my sister): 0612 345 678")
    said = encrypt_answering(home, ENTER)
    assert "readable while it is locked, on this device" not in said
    assert not (home / "readable").exists()
    assert not_encrypted(home) == []
    assert "Sam" not in cli("help", "safety").stdout


def test_without_contacts_nothing_is_asked(cli, home):
    cli("checkin", "--mood", "3")
    child = spawn(home, "encrypt", timeout=40)
    for question in ("Passphrase for your journal:", "The same passphrase again:"):
        child.expect(question)
        child.sendline(PASSPHRASE)
    child.expect("Encrypted 2 files")
    assert finish(child) == 0
    assert "support contacts" not in child.before
