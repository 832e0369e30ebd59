"""Exporting in a real terminal: the agenda question, the preview, and the confirmation."""

from __future__ import annotations

import stat

import pytest

from tests.support.pty import ENTER, answer, finish, spawn
from tests.support.report_journal import checkin, trigger

pytestmark = pytest.mark.e2e


@pytest.fixture
def lived(journal):
    checkin(journal, "2026-11-02", mood=2, trust=3, arguments=["money"], note="Sam called")
    checkin(journal, "2026-11-12", mood=1, trust=1, private=True, note="Only for me")
    trigger(journal, "2026-11-05 19:00", "2026-11-05 19:40")
    return journal


def test_agenda_then_a_preview_then_it_is_written(home, lived, tmp_path):
    target = tmp_path / "for-session.md"
    child = spawn(home, "export", "--output", str(target), "--redact", "sam")
    answer(child, "What do you want to talk about", "The money talks" + ENTER)
    answer(child, "Anything else", "Sleep" + ENTER)
    answer(child, "Anything else", ENTER)
    child.expect("Export Wed 28 Oct 2026 to Tue 24 Nov 2026")
    child.expect("In it: 1 check-in, 1 flare-up")
    child.expect("Left out: 1 check-in: marked private")
    child.expect("Hidden: 1 word")
    answer(child, "Write it", ENTER)
    child.expect("Wrote ")
    assert finish(child) == 0
    text = target.read_text()
    assert "- The money talks\n- Sleep\n" in text
    assert "Sam" not in text and "Only for me" not in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_saying_no_writes_nothing(home, lived, tmp_path):
    target = tmp_path / "for-session.md"
    child = spawn(home, "export", "--output", str(target), "--agenda", "Sleep")
    answer(child, "Write it", "n")
    child.expect("Nothing was written.")
    assert finish(child) == 0
    assert not target.exists()


def test_an_existing_file_is_replaced_only_when_the_person_says_so(home, lived, tmp_path):
    target = tmp_path / "for-session.md"
    target.write_text("my own notes\n")
    child = spawn(home, "export", "--output", str(target), "--agenda", "Sleep")
    answer(child, "Write it", ENTER)
    answer(child, "for-session.md is already there. Replace it", ENTER)  # No by default
    child.expect("Nothing was written.")
    assert finish(child) == 0
    assert target.read_text() == "my own notes\n"

    child = spawn(home, "export", "--output", str(target), "--agenda", "Sleep")
    answer(child, "Write it", ENTER)
    answer(child, "Replace it", "y")
    child.expect("Wrote ")
    assert finish(child) == 0
    assert target.read_text().startswith("# 28 October")


def test_no_input_in_a_terminal_asks_nothing(home, lived, tmp_path):
    target = tmp_path / "for-session.md"
    child = spawn(home, "--no-input", "export", "--output", str(target))
    child.expect("Wrote ")
    assert finish(child) == 0
    assert "No topics were added." in target.read_text()

    child = spawn(home, "--no-input", "export", "--output", str(target))
    child.expect(r"is\s+already\s+there")  # wrapped where the path is long
    assert finish(child) == 2


def test_html_in_a_terminal_asks_previews_and_writes(home, lived, tmp_path):
    target = tmp_path / "for-session.html"
    child = spawn(home, "export", "--format", "html", "--output", str(target))
    answer(child, "What do you want to talk about", "Sleep <and> rest" + ENTER)
    answer(child, "Anything else", ENTER)
    child.expect(r"one web page, to read or print")
    answer(child, "Write it", ENTER)
    child.expect("Wrote ")
    assert finish(child) == 0
    page = target.read_text()
    assert (
        page.startswith("<!DOCTYPE html>") and "<li><bdi>Sleep &lt;and&gt; rest</bdi></li>" in page
    )
    assert "Only for me" not in page
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
