"""A person's hand edits (comments, fields of their own) survive every later command."""

from __future__ import annotations


def hand_edit(path):
    text = path.read_text()
    head, rest = text.split("\n", 1)
    path.write_text(f'{head}\n# written by hand\nmine = "kept"\n{rest}')


def assert_kept(path):
    text = path.read_text()
    assert "# written by hand" in text
    assert 'mine = "kept"' in text


def test_resolving_a_trigger_keeps_hand_edits(cli, home):
    trigger = cli(
        "trigger", "--at", "2026-11-24 19:00", "--what", "a message", "--no-timer", "--json"
    ).json()
    (path,) = home.glob("2026/11/*-trigger-*.md")
    hand_edit(path)
    assert cli("trigger", "resolve", trigger["id"], "--at", "2026-11-24 19:40").exit_code == 0
    assert_kept(path)
    assert cli("show", trigger["id"], "--json").json()["recovery_minutes"] == 40


def test_marking_again_and_retiring_keep_hand_edits(cli, home):
    promise = cli(
        "promise", "add", "Text if I'm running late", "--start", "2026-11-20", "--json"
    ).json()
    assert cli("promise", "kept", promise["id"], "--date", "2026-11-23").exit_code == 0
    (mark,) = home.glob("2026/11/*-mark-*.md")
    hand_edit(mark)
    run = cli("promise", "broken", promise["id"], "--date", "2026-11-23", "--repair", "I called")
    assert run.exit_code == 0, run.stderr
    assert_kept(mark)
    (promise_file,) = home.glob("promises/*.md")
    hand_edit(promise_file)
    assert cli("promise", "retire", promise["id"]).exit_code == 0
    assert_kept(promise_file)
    assert "retired = 2026-11-24" in promise_file.read_text()
