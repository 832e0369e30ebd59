"""Sharing in a real terminal: the preview of what goes and what never goes, then the question."""

from __future__ import annotations

import stat

import pytest

from tests.support.partner_helpers import person, tree
from tests.support.pty import CTRL_C, ENTER, answer, finish, spawn

pytestmark = pytest.mark.e2e


@pytest.fixture
def alex(cli, home, tmp_path):
    """The person at the terminal (the test's own journal), with Sam as their partner."""
    sam = person(cli, tmp_path, "sam")
    assert cli("partner", "add", sam.code, "--name", "Sam").exit_code == 0
    assert cli("promise", "add", "Text if I'm running late", "--start", "2026-11-20").exit_code == 0
    return home


def test_the_preview_shows_what_goes_and_what_never_goes_then_it_is_written(alex, tmp_path):
    target = tmp_path / "for-sam.age"
    child = spawn(alex, "share", "--output", str(target))
    child.expect("A share for Sam")
    child.expect(", 4 weeks: Wednesday 28 October 2026 to Tuesday 24 November 2026.")
    child.expect("1 promise")
    child.expect("Text if I'm running late")
    child.expect(
        "What never goes: private entries, notes and the words of check-ins, "
        "detective work, arguments, triggers."
    )
    child.expect("cannot be\\s+recalled")
    answer(child, "Write this share", ENTER)
    child.expect("Wrote ")
    assert finish(child) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"age-encryption.org/v1\n")


def test_no_writes_nothing(alex, tmp_path):
    target = tmp_path / "for-sam.age"
    child = spawn(alex, "share", "--output", str(target))
    answer(child, "Write this share", "n")
    child.expect("Nothing was written.")
    assert finish(child) == 0
    assert not target.exists()


def test_ctrl_c_at_the_question_leaves_nothing(alex, tmp_path):
    target = tmp_path / "for-sam.age"
    before = tree(alex)
    child = spawn(alex, "share", "--output", str(target))
    answer(child, "Write this share", CTRL_C)
    child.expect("Nothing was saved.")
    assert finish(child) == 130
    assert not target.exists()
    assert list(tmp_path.glob(".for-sam.age.*")) == []
    assert tree(alex) == before


def test_an_existing_file_is_replaced_only_when_the_person_says_so(alex, tmp_path):
    target = tmp_path / "for-sam.age"
    target.write_bytes(b"kept")
    child = spawn(alex, "share", "--output", str(target))
    answer(child, "Write this share", ENTER)
    answer(child, "for-sam.age is already there. Replace it", ENTER)
    child.expect("Nothing was written.")
    assert finish(child) == 0
    assert target.read_bytes() == b"kept"


def test_remove_asks_first_and_no_keeps_the_partner(alex):
    before = tree(alex)
    child = spawn(alex, "partner", "remove")
    child.expect("This forgets Sam's code and everything they shared with you.")
    answer(child, "Forget them and everything they shared", "n")
    child.expect("Nothing was changed.")
    assert finish(child) == 0
    assert tree(alex) == before
    child = spawn(alex, "partner", "remove")
    answer(child, "Forget them and everything they shared", "y")
    child.expect("Forgot your partner's code")
    assert finish(child) == 0
    assert not (alex / "partner" / "partner.toml").exists()
