"""`trustlog import jrnl FILE`: jrnl's own `--export json`, as entries of their own.

tests/fixtures/jrnl-export.json is written exactly as jrnl's JSONExporter
(jrnl/plugins/json_exporter.py) writes a journal: `json.dumps({"tags": {tag:
count}, "entries": [entry_to_dict(e), ...]}, indent=2)`, ASCII-escaped, with
no newline at the end; its last entry comes from Day One (`uuid`, `creator`).
"""

from __future__ import annotations

import json
import os
from datetime import date, timedelta

import pytest

from tests.support.import_helpers import journal_files
from tests.support.paths import JRNL_EXPORT

FIXTURE = JRNL_EXPORT


def jrnl_entries(cli) -> list[dict]:
    return cli("entries", "--kind", "jrnl", "--json").json()


def test_the_fixture_is_in_jrnls_own_layout():
    text = FIXTURE.read_text()
    data = json.loads(text)
    assert list(data) == ["tags", "entries"] and not text.endswith("\n")
    assert json.dumps(data, indent=2) == text  # byte for byte what jrnl's exporter writes
    for entry in data["entries"]:
        assert list(entry)[:6] == ["title", "body", "date", "time", "tags", "starred"]


def test_each_entry_keeps_its_title_text_time_tags_and_star(cli, home):
    run = cli("import", "jrnl", str(FIXTURE), "--json")
    assert run.json()["imported"] == 4 and run.json()["by_kind"] == {"jrnl": 4}
    found = jrnl_entries(cli)
    assert [(e["date"], e["created"]) for e in found] == [
        ("2026-11-20", "2026-11-20T21:05:00+00:00"),
        ("2026-11-21", "2026-11-21T09:00:00+00:00"),
        ("2026-11-22", "2026-11-22T18:30:00+00:00"),
        ("2026-11-23", "2026-11-23T07:45:00+00:00"),
    ]
    first, starred, accented, day_one = found
    assert first["title"] == "Talked with @sam about the weekend."
    assert first["note"] == "It went better than I feared.\nWe agreed on Saturday."
    assert first["tags"] == ["@sam"] and first["starred"] is False
    assert starred["starred"] is True and starred["note"] is None
    assert accented["note"] == "Zoë said thank you 💛 for the note. @sam @work"
    assert day_one["jrnl"]["uuid"] == "5C1F9E2A0B3D4E6F8A7B9C0D1E2F3A4B"
    assert day_one["jrnl"]["creator"]["software_agent"] == "Day One iOS/7.20"


def test_entries_show_and_contains_find_them(cli, home):
    cli("import", "jrnl", str(FIXTURE))
    listed = cli("entries", "--kind", "jrnl")
    assert "★ Therapy day." in listed.stdout and "jrnl entry" in listed.stdout
    found = cli("entries", "--contains", "CAFÉ", "--json").json()
    assert [e["title"] for e in found] == ["Café after work, then a long walk."]
    shown = cli("show", found[0]["id"])
    assert "title:" in shown.stdout and "@sam" in shown.stdout
    assert "Zoë said thank you 💛 for the note." in shown.stdout
    assert shown.stdout.startswith("jrnl entry, Sunday 22 November 2026")  # jrnl's own case
    assert "starred" not in shown.stdout  # not starred goes without saying


def test_the_markdown_export_shows_them_as_text_and_json_carries_them(cli, home, tmp_path):
    cli("import", "jrnl", str(FIXTURE))
    md = cli("export", "--output", "-", "--agenda", "sleep").stdout
    assert "**From jrnl at 09:00** · starred" in md
    assert "- Title: Therapy day." in md and "- Tags: @sam, @work" in md
    summary = md.split("## Entries")[0]
    assert "- Flagged by the person: 1 entry.\n  - Sat 21 Nov 2026: ★ Therapy day." in summary
    first = cli("export", "--format", "json", "--output", "-").stdout
    source = tmp_path / "backup.json"
    source.write_text(first)
    files = journal_files(home)
    os.environ["TRUSTLOG_HOME"] = str(tmp_path / "restored")
    assert cli("import", "trustlog", str(source), "--json").json()["by_kind"] == {"jrnl": 4}
    assert cli("export", "--format", "json", "--output", "-").stdout == first
    assert journal_files(tmp_path / "restored") == files


def test_importing_the_same_file_twice_adds_nothing(cli, home):
    cli("import", "jrnl", str(FIXTURE))
    files = journal_files(home)
    again = cli("import", "jrnl", str(FIXTURE), "--json").json()
    assert again["imported"] == 0 and again["skipped"] == 4 and again["conflicts"] == []
    assert journal_files(home) == files


def test_an_entry_starred_since_is_named_not_added_twice(cli, home, tmp_path):
    cli("import", "jrnl", str(FIXTURE))
    data = json.loads(FIXTURE.read_text())
    data["entries"][0]["starred"] = True
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data, indent=2))
    result = cli("import", "jrnl", str(changed), "--json").json()
    yours = jrnl_entries(cli)[0]["id"]
    assert result["conflicts"] == [
        {"id": None, "kind": "jrnl", "date": "2026-11-20", "yours": yours}
    ]
    assert len(jrnl_entries(cli)) == 4


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"tags": {}, "entries": [{"title": "x", "date": "2026-13-01", "time": "09:00"}]}',
         ["entry 1: 'date' should be a date"]),
        ('{"tags": {}, "entries": [{"title": "x", "date": "2026-11-01", "time": "9am"}]}',
         ["entry 1: 'time' should be a time"]),
        ('{"tags": {}, "entries": [{"title": 3, "date": "2026-11-01", "time": "09:00"}]}',
         ["entry 1: 'title' should be text"]),
        ('{"tags": {}, "entries": [{"date": "2026-11-01", "time": "09:00", "tags": "@a"}]}',
         ["entry 1: 'tags' should be a list"]),
        ('{"trustlog_export": 1, "entries": []}'[:-3], ["ends too soon"]),
        ('{"trustlog_export": 1, "entries": 3}', ["trustlog import trustlog"]),
    ],
)  # fmt: skip
def test_a_damaged_file_is_refused_whole(cli, home, tmp_path, content, words):
    good = json.loads(FIXTURE.read_text())["entries"][:2]
    source = tmp_path / "bad.json"
    if content.startswith('{"tags"'):
        data = json.loads(content)
        data["entries"] = good + data["entries"]  # good entries first: none may land
        content = json.dumps(data)
        words = [word.replace("entry 1", "entry 3") for word in words]
    source.write_text(content)
    run = cli("import", "jrnl", str(source))
    assert run.exit_code == 2, run.stderr
    assert run.stderr.startswith(f"trustlog: {source}")
    for word in words:
        assert word in run.stderr
    assert "Nothing was imported" in run.stderr
    assert not home.exists()


def _many(path, count: int) -> None:
    start = date(2024, 1, 1)
    entries = [
        {
            "title": f"Day {n}.",
            "body": "A quiet evening.",
            "date": (start + timedelta(days=n)).isoformat(),
            "time": "21:00",
            "tags": [],
            "starred": False,
        }
        for n in range(count)
    ]
    path.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")


@pytest.mark.e2e
def test_a_long_import_shows_a_bar_in_a_terminal_and_none_when_piped(cli, home, tmp_path):
    from tests.support.pty import finish, spawn

    big = tmp_path / "big.json"
    _many(big, 600)
    child = spawn(home, "import", "jrnl", str(big), timeout=60)
    child.expect("Checking entries")
    child.expect("Imported 600 jrnl entries")
    assert finish(child) == 0

    piped = cli("import", "jrnl", str(big))  # the runner is no terminal: just the words
    assert piped.exit_code == 0, piped.stderr
    assert "Checking entries" not in piped.stderr
    assert "600" in piped.stderr  # all 600 are already there
