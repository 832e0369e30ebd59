"""`entries`, `show`, `edit`, `delete`, `init` and the dashboard, through typer's runner."""

from __future__ import annotations

import sys
import textwrap

import pytest


@pytest.fixture
def three_days(cli):
    ids = [
        cli("checkin", "--date", day, "--mood", str(mood), "--note", note, "--json").json()["id"]
        for day, mood, note in [
            ("2026-10-31", 2, "end of October"),
            ("2026-11-01", 3, "a new month"),
            ("2026-11-24", 4, "today"),
        ]
    ]
    return ids


def test_entries_lists_oldest_first_and_filters_by_date_and_kind(cli, three_days):
    assert [e["id"] for e in cli("entries", "--json").json()] == three_days
    november = cli("entries", "--from", "2026-11-01", "--to", "2026-11-30", "--json").json()
    assert [e["note"] for e in november] == ["a new month", "today"]
    assert cli("entries", "--from", "2026-11-02", "--json").json()[0]["note"] == "today"
    assert [e["note"] for e in cli("entries", "--to", "2026-10-31", "--json").json()] == [
        "end of October"
    ]
    assert cli("entries", "--kind", "trigger", "--json").json() == []
    run = cli("entries")
    assert run.exit_code == 0
    assert run.stdout.splitlines()[0].split() == ["date", "id", "kind"]
    assert f"2026-10-31  {three_days[0]}  check-in  mood 2/5 · end of October" in run.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "--from: '2026-13-01' is not a date I can read."),
        (["--to", "soon"], "--to: 'soon' is not a date I can read."),
        (["--from", "2026-11-02", "--to", "2026-11-01"], "--from 2026-11-02 is after --to"),
        (["--kind", "diary"], "--kind: 'diary' is not a kind of entry."),
    ],
)
def test_entries_bad_input(cli, args, message):
    run = cli("entries", *args)
    assert run.exit_code == 2
    assert run.stderr.startswith(f"trustlog: {message}")


def test_an_empty_journal_says_so(cli):
    run = cli("entries")
    assert run.exit_code == 0
    assert run.stderr == "No entries in that range yet.\n"


def test_show_by_id_or_prefix(cli, three_days):
    data = cli("show", three_days[1], "--json").json()
    assert data["note"] == "a new month"
    run = cli("show", three_days[1][:4])
    assert run.exit_code == 0
    assert run.stdout.startswith(f"Check-in, Sunday 1 November 2026  id {three_days[1]}\n")
    assert "\nmood:    3 of 5\n" in run.stdout
    assert run.stdout.endswith("\na new month\n")


def test_show_an_unknown_id(cli):
    run = cli("show", "zzzzz")
    assert run.exit_code == 2
    assert run.stderr == (
        "trustlog: No entry has the id 'zzzzz'.\n  `trustlog entries` lists the ids.\n"
    )


def test_show_never_treats_what_a_person_wrote_as_markup(cli):
    entry = cli("checkin", "--note", "[bold]not bold[/bold] [red]", "--json").json()
    run = cli("show", entry["id"])
    assert run.stdout.endswith("[bold]not bold[/bold] [red]\n")


def editor(tmp_path, monkeypatch, script: str) -> None:
    """Use a small Python program as $EDITOR."""
    program = tmp_path / "editor.py"
    program.write_text(textwrap.dedent(script))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {program}")


def test_edit_saves_a_valid_change_and_keeps_the_text_as_typed(cli, home, tmp_path, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--note", "before", "--json").json()
    editor(
        tmp_path,
        monkeypatch,
        """
        import sys
        path = sys.argv[1]
        text = open(path).read().replace("mood = 2", "mood = 3  # on reflection")
        open(path, "w").write(text.replace("before", "after"))
        """,
    )
    run = cli("edit", entry["id"])
    assert run.exit_code == 0, run.stderr
    assert run.stderr == f"Saved your changes to {entry['id']}.\n"
    (path,) = home.glob("2026/11/*.md")
    assert "mood = 3  # on reflection" in path.read_text()
    assert cli("show", entry["id"], "--json").json()["note"] == "after"
    assert not list(home.rglob(".edit-*"))


def test_edit_that_breaks_the_file_changes_nothing_and_keeps_the_draft(
    cli, home, tmp_path, monkeypatch
):
    entry = cli("checkin", "--mood", "2", "--json").json()
    (path,) = home.glob("2026/11/*.md")
    before = path.read_bytes()
    editor(
        tmp_path,
        monkeypatch,
        """
        import sys
        path = sys.argv[1]
        text = open(path).read().replace("mood = 2", "mood = 9")
        open(path, "w").write(text + "my long reflection")
        """,
    )
    run = cli("edit", entry["id"])
    assert run.exit_code == 1
    assert "That edit cannot be saved yet:" in run.stderr
    assert "'mood' should be a whole number from 1 to 5" in run.stderr
    assert "Nothing was changed in your journal." in run.stderr
    assert path.read_bytes() == before
    (draft,) = home.rglob(".edit-*.md")  # beside it, .base: what it was made from
    assert draft.read_text().endswith("my long reflection")
    assert oct(draft.stat().st_mode & 0o777) == "0o600"
    # The draft is not an entry, and the next edit picks it up.
    assert len(cli("entries", "--json").json()) == 1
    editor(
        tmp_path,
        monkeypatch,
        """
        import sys
        path = sys.argv[1]
        text = open(path).read()
        assert text.endswith("my long reflection"), text
        open(path, "w").write(text.replace("mood = 9", "mood = 4"))
        """,
    )
    again = cli("edit", entry["id"])
    assert again.exit_code == 0, again.stderr
    assert "Picking up your unfinished edit" in again.stderr
    assert cli("show", entry["id"], "--json").json()["note"] == "my long reflection"


def test_edit_may_not_change_the_id(cli, home, tmp_path, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--json").json()
    editor(
        tmp_path,
        monkeypatch,
        f"""
        import sys
        path = sys.argv[1]
        text = open(path).read()
        open(path, "w").write(text.replace('"{entry["id"]}"', '"other"'))
        """,
    )
    run = cli("edit", entry["id"])
    assert run.exit_code == 1
    assert "the id cannot change" in run.stderr


def test_edit_moving_the_date_moves_the_file(cli, home, tmp_path, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--json").json()
    editor(
        tmp_path,
        monkeypatch,
        """
        import sys
        path = sys.argv[1]
        text = open(path).read()
        open(path, "w").write(text.replace("date = 2026-11-24", "date = 2026-10-05"))
        """,
    )
    assert cli("edit", entry["id"]).exit_code == 0
    assert [p.name for p in home.glob("2026/*/*.md")] == [f"2026-10-05-checkin-{entry['id']}.md"]


def test_edit_without_changes(cli, tmp_path, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--json").json()
    editor(tmp_path, monkeypatch, "pass\n")
    run = cli("edit", entry["id"])
    assert (run.exit_code, run.stderr) == (0, "No changes.\n")


def test_edit_with_a_missing_editor(cli, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--json").json()
    monkeypatch.setenv("EDITOR", "no-such-editor-here")
    run = cli("edit", entry["id"])
    assert run.exit_code == 2
    assert "Could not start the editor 'no-such-editor-here'" in run.stderr


def test_edit_without_an_editor_or_a_terminal_waits_for_nothing(cli, home):
    entry = cli("checkin", "--mood", "2", "--json").json()
    run = cli("edit", entry["id"])
    assert run.exit_code == 2
    assert run.stderr.startswith("trustlog: $EDITOR: no editor is set")
    assert not list(home.rglob(".edit-*"))


def test_delete_needs_yes_without_a_terminal(cli, three_days):
    run = cli("delete", three_days[0])
    assert run.exit_code == 2
    assert "--yes" in run.stderr
    assert len(cli("entries", "--json").json()) == 3
    deleted = cli("delete", three_days[0], "--yes", "--json").json()
    # --json also lists what was removed (one entry here; a promise takes its marks)
    removed = [{"id": three_days[0], "kind": "checkin", "date": "2026-10-31"}]
    assert deleted == {"id": three_days[0], "deleted": True, "removed": removed}
    assert [e["id"] for e in cli("entries", "--json").json()] == three_days[1:]


def test_init_saves_and_shows_settings(cli, home):
    run = cli(
        "init", "--name", "Sam", "--partner", "Alex", "--role", "hurt", "--stop-word", "pause"
    )
    assert run.exit_code == 0
    assert "Saved your settings." in run.stderr
    assert cli("init", "--json").json() == {
        "name": "Sam",
        "partner": "Alex",
        "role": "hurt",
        "stop_word": "pause",
        "day_ends": "04:00",
    }
    assert cli("init", "--name", "Sam R.", "--json").json()["partner"] == "Alex"
    bad = cli("init", "--role", "victim")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("trustlog: --role: please choose one of hurt, repairing, both")


def test_dashboard_before_and_after_a_checkin(cli):
    empty = cli()
    assert empty.exit_code == 0
    assert "Tuesday 24 November 2026" in empty.stdout
    assert "No check-in yet today." in empty.stdout
    assert "trustlog checkin" in empty.stdout
    cli("init", "--name", "Sam")
    cli("checkin", "--mood", "4", "--trust", "6")
    board = cli("--json").json()
    assert board["checkin_today"]["mood"] == 4
    assert board["month_checkin_days"] == 1
    assert board["profile"]["name"] == "Sam"
    shown = cli().stdout
    assert shown.startswith("Tuesday 24 November 2026, Sam\n")
    assert "✓ You checked in today: mood 4/5 · trust 6/10." in shown


def test_every_command_has_help(cli):
    for command in ["checkin", "entries", "show", "edit", "delete", "init"]:
        run = cli(command, "--help")
        assert run.exit_code == 0
        assert "Usage" in run.stdout
