"""`trustlog import trustlog FILE`: a JSON export read back whole, or not at all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.import_helpers import every_kind, journal_files
from tests.support.paths import ROOT, SUPPORT

BENCHMARKS = ROOT / "benchmarks"
CRASH = SUPPORT / "crash.py"


def everything(cli) -> str:
    return cli("export", "--format", "json", "--output", "-", "--include-private").stdout  # type: ignore[no-any-return]


@pytest.fixture
def backup(cli, home, tmp_path, monkeypatch) -> Path:
    """An export of a journal of every kind; then TRUSTLOG_HOME is an empty journal."""
    every_kind(cli, home)
    source = tmp_path / "backup.json"
    source.write_text(everything(cli))
    monkeypatch.setenv("TRUSTLOG_HOME", str(tmp_path / "restored"))
    return source


def test_json_says_what_was_imported_and_a_second_time_adds_nothing(cli, backup, tmp_path):
    first = cli("import", "trustlog", str(backup), "--json").json()
    assert first["imported"] == 13 and first["skipped"] == 0
    assert first["by_kind"]["checkin"] == 2 and first["by_kind"]["dream"] == 1
    assert first["profile_set"] == ["name", "partner", "role"] and first["partial"] == []
    files = journal_files(tmp_path / "restored")
    second = cli("import", "trustlog", str(backup), "--json").json()
    assert second == {**first, "imported": 0, "skipped": 13, "by_kind": {}, "profile_set": []}
    assert journal_files(tmp_path / "restored") == files
    plain = cli("import", "trustlog", str(backup))
    assert plain.exit_code == 0 and plain.stdout == ""
    assert plain.stderr.startswith("Nothing new to import.\nSkipped 13 entries")


def test_an_id_the_journal_holds_otherwise_is_never_overwritten(cli, backup, tmp_path):
    data = json.loads(backup.read_text())
    changed = next(item for item in data["entries"] if item["entry"]["kind"] == "trigger")
    assert cli("import", "trustlog", str(backup)).exit_code == 0
    mine = Path(tmp_path / "restored" / changed["path"])
    mine.write_text(mine.read_text().replace("intensity = 6", "intensity = 3"))
    mine_before = mine.read_bytes()
    result = cli("import", "trustlog", str(backup), "--json").json()
    assert result["imported"] == 0 and result["skipped"] == 12
    assert result["conflicts"] == [
        {"id": changed["entry"]["id"], "kind": "trigger", "date": "2026-11-04",
         "yours": changed["entry"]["id"]}
    ]  # fmt: skip
    assert mine.read_bytes() == mine_before
    plain = cli("import", "trustlog", str(backup))
    assert f"Yours was kept, unchanged: {changed['entry']['id']}." in plain.stderr


def test_a_checkin_for_a_day_that_has_one_is_not_a_second_one(cli, backup):
    mine = cli("checkin", "--date", "2026-11-02", "--mood", "5", "--json").json()
    result = cli("import", "trustlog", str(backup), "--json").json()
    assert [c["yours"] for c in result["conflicts"]] == [mine["id"]]
    days = [e["date"] for e in cli("entries", "--kind", "checkin", "--json").json()]
    assert days.count("2026-11-02") == 1


def test_the_profile_fills_what_is_missing_and_keeps_what_you_set(cli, backup):
    cli("init", "--name", "Zoe")
    result = cli("import", "trustlog", str(backup), "--json").json()
    assert result["profile_set"] == ["partner", "role"] and result["profile_kept"] == ["name"]
    assert "Your name stayed as you set it" in cli("import", "trustlog", str(backup)).stderr


def refused(cli, home: Path, source: Path, *words: str) -> None:
    run = cli("import", "trustlog", str(source))
    assert run.exit_code == 2, run.stderr
    assert run.stderr.startswith(f"trustlog: {source}")
    for word in words:
        assert word in run.stderr
    assert "Nothing was imported" in run.stderr or "Update trustlog" in run.stderr
    assert run.stdout == ""
    assert not home.exists() or journal_files(home) == {}, "nothing may be written"


def test_a_truncated_file_is_refused_whole_with_where_it_ends(cli, backup, tmp_path):
    text = backup.read_text()
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) // 2])
    line = text[: len(text) // 2].count("\n") + 1
    refused(cli, tmp_path / "restored", cut, f"line {line}", "ends too soon")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ["the file is empty"]),
        (b"\xff\xfe{}", ["line 1 is not UTF-8 text"]),
        (b'{"entries": [1,]}', ["line 1, column 16", "not JSON"]),
        (b"[1, 2]", ["not a trustlog export"]),
        (b'{"tags": {}, "entries": []}', ["trustlog import jrnl"]),
        (b'{"trustlog_export": 9, "entries": []}', ["newer trustlog"]),
        (b'{"trustlog_export": 1, "entries": {}}', ["'entries' should be a list"]),
        (b'{"trustlog_export": 1, "entries": [7]}', ["entry 1", '{"path", "file", "entry"}']),
    ],
)
def test_a_file_of_the_wrong_shape_is_refused(cli, tmp_path, content, words):
    source = tmp_path / "odd.json"
    source.write_bytes(content)
    refused(cli, Path(tmp_path / "journal"), source, *words)


def test_one_bad_entry_refuses_the_whole_file_naming_it_and_its_line(cli, backup, tmp_path):
    data = json.loads(backup.read_text())
    number, item = next(
        (n, item) for n, item in enumerate(data["entries"], 1) if item["entry"]["kind"] == "checkin"
    )
    item["file"] = item["file"].replace("mood = 3", "mood = 9")
    item["entry"]["mood"] = 9
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    line = item["file"].splitlines().index("mood = 9") + 1
    refused(
        cli, tmp_path / "restored", bad,
        f"entry {number}: {item['path']}, line {line}: 'mood' should be a whole number from 1 to 5",
    )  # fmt: skip


def test_an_entry_whose_two_halves_disagree_is_refused(cli, backup, tmp_path):
    data = json.loads(backup.read_text())
    data["entries"][0]["entry"]["mood"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    refused(cli, tmp_path / "restored", bad, "entry 1", "disagree about 'mood'")


@pytest.mark.parametrize(
    "path", ["../escape.md", "2026/12/2026-11-02-checkin-x.md", "cache/x.md", "/etc/x.md", ""]
)
def test_an_entry_may_live_only_where_entries_live(cli, backup, tmp_path, path):
    data = json.loads(backup.read_text())
    data["entries"][0]["path"] = path
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    refused(cli, tmp_path / "restored", bad, "entry 1", "is not a place an entry can live")
    assert not (tmp_path / "escape.md").exists()


def test_a_file_moved_to_another_name_is_refused_as_the_journal_would(cli, backup, tmp_path):
    data = json.loads(backup.read_text())
    item = data["entries"][0]
    item["path"] = item["path"].replace("2026-11-02", "2026-11-09")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    refused(cli, tmp_path / "restored", bad, "entry 1", "its name dates it 2026-11-09")


def test_a_missing_file_or_a_folder_is_bad_input(cli, tmp_path):
    run = cli("import", "trustlog", str(tmp_path / "nowhere.json"))
    assert run.exit_code == 2 and "nowhere.json: there is no such file." in run.stderr
    run = cli("import", "trustlog", str(tmp_path))
    assert run.exit_code == 2 and "is a folder" in run.stderr
    assert not (tmp_path / "journal").exists()


def test_stdin_is_read_for_a_dash(cli, backup):
    run = cli("import", "trustlog", "-", "--json", input=backup.read_text())
    assert run.json()["imported"] == 13


@pytest.fixture
def lived(cli, tmp_path, monkeypatch) -> tuple[Path, int, dict]:
    """A backup of 30 generated days (over a hundred files: the bulk path), its entry count
    and the journal's files."""
    subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate.py"), str(tmp_path / "lived"), "--days", "30"],
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("TRUSTLOG_HOME", str(tmp_path / "lived"))
    source = tmp_path / "backup.json"
    source.write_text(everything(cli))
    count = len(json.loads(source.read_text())["entries"])
    assert count >= 64  # change.BULK
    return source, count, journal_files(tmp_path / "lived")


def test_a_kill_at_any_step_imports_all_or_nothing(cli, tmp_path, monkeypatch, lived):
    """Killed as it lands, at every kind of step."""
    source, count, whole = lived
    target = tmp_path / "restored"
    monkeypatch.setenv("TRUSTLOG_HOME", str(target))
    steps = [1, 2, 3, count // 2, count, count + 1, count + 2]
    for k in steps:
        killed = subprocess.run(
            [sys.executable, str(CRASH), str(k), "import", "trustlog", str(source)],
            check=False,
            capture_output=True,
        )
        assert killed.returncode != 0, f"step {k} was never reached"
        assert cli("entries", "--json").exit_code == 0  # finishes a change that landed
        got = {k: v for k, v in journal_files(target).items() if k != "journal.toml"}
        wanted = {k: v for k, v in whole.items() if k != "journal.toml"}
        assert got in ({}, wanted), f"killed at step {k}: {len(got)} of {len(wanted)} files"
        assert not any(p.name.endswith(".tmp") for p in target.rglob("*") if p.is_file())
        if target.exists():
            import shutil

            shutil.rmtree(target)
    assert cli("import", "trustlog", str(source), "--json").json()["imported"] == count


def test_ctrl_c_while_an_import_lands_says_the_next_command_completes_it(
    cli, home, monkeypatch, lived
):
    source, count, _ = lived
    monkeypatch.setenv("TRUSTLOG_HOME", str(home))

    # The first replace is the change's record: Ctrl-C at the tenth file after it.
    stopped = subprocess.run(
        [sys.executable, str(CRASH), "--interrupt", "12", "import", "trustlog", str(source)],
        check=False,
        capture_output=True,
        text=True,
    )

    assert stopped.returncode == 130
    assert "Part of this change is saved; the next trustlog command completes it." in (
        stopped.stderr
    )
    assert len(cli("entries", "--json").json()) > 0  # completed on the next command
    assert cli("import", "trustlog", str(source), "--json").json()["skipped"] == count
