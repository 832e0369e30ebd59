"""The benchmark journal generator writes a journal trustlog reads back in full.

A correctness test only: how fast things run is measured by benchmarks/run.py,
never asserted here.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.support.paths import ROOT
from trustlog.domain import kinds
from trustlog.storage import document
from trustlog.storage.journal import Journal

GENERATE = ROOT / "benchmarks" / "generate.py"


def generate(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(GENERATE), str(folder), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_40_day_journal_loads_with_one_checkin_a_day(home, cli):
    done = generate(home, "--days", "40", "--end", "2026-11-24", "--seed", "7")
    assert done.returncode == 0, done.stderr

    entries = cli("entries", "--json").json()
    kinds = Counter(entry["kind"] for entry in entries)
    checkin_days = sorted(entry["date"] for entry in entries if entry["kind"] == "checkin")
    first = date(2026, 11, 24) - timedelta(days=39)
    assert checkin_days == [(first + timedelta(days=n)).isoformat() for n in range(40)]
    assert kinds["promise"] >= 3
    assert kinds["mark"] > 0
    assert kinds["trigger"] >= 2  # one every 7 to 14 days
    assert f"{kinds['checkin']} check-ins" in done.stderr
    assert all(entry["note"] for entry in entries if entry["kind"] == "checkin")

    promises = {entry["id"] for entry in entries if entry["kind"] == "promise"}
    assert {entry["promise"] for entry in entries if entry["kind"] == "mark"} <= promises
    for trigger in (entry for entry in entries if entry["kind"] == "trigger"):
        if trigger["resolved_at"] is not None:
            assert 5 <= trigger["recovery_minutes"] <= 90
            assert datetime.fromisoformat(trigger["at"]).utcoffset() is not None


def test_one_month_reads_only_that_month(home, cli):
    assert generate(home, "--days", "40", "--end", "2026-11-24").returncode == 0
    october = cli(
        "entries", "--from", "2026-10-01", "--to", "2026-10-31", "--kind", "checkin", "--json"
    )
    assert [entry["date"] for entry in october.json()] == [
        f"2026-10-{day:02d}" for day in range(16, 32)
    ]


def test_every_file_is_what_trustlog_itself_would_write(home, journal: Journal):
    assert generate(home, "--days", "30").returncode == 0

    files = list(journal.all_files())
    assert {f.kind for f in files} == {"checkin", "mark", "promise", "trigger"}
    for entry_file in files:
        text = entry_file.path.read_text(encoding="utf-8")
        loaded = kinds.load(journal.read(entry_file))
        assert type(loaded).__name__ != "OtherEntry", entry_file.path
        assert document.dumps(*loaded.to_document()) == text, entry_file.path
        assert entry_file.path.stat().st_mode & 0o777 == 0o600


def test_the_same_seed_writes_the_same_journal(tmp_path):
    for name in ("a", "b"):
        assert generate(tmp_path / name, "--days", "20", "--seed", "3").returncode == 0

    def contents(root: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*.md"))
        }

    first, second = contents(tmp_path / "a"), contents(tmp_path / "b")
    assert len(first) > 20
    assert first == second


def test_it_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    done = generate(tmp_path, "--days", "5")
    assert done.returncode == 2
    assert "not empty" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_the_paired_shapes_hold_the_entries_the_readme_says(tmp_path):
    # benchmarks/paired.py writes the jrnl journals that trustlog imports; the counts are
    # the ones the issue and the README compare (3,653 and 10,959 over ten years).
    sys.path.insert(0, str(GENERATE.parent))
    try:
        import paired
    finally:
        sys.path.remove(str(GENERATE.parent))
    counts = {}
    for shape in paired.SHAPES:
        text, counts[shape.name] = paired.jrnl_text(shape, 10)
        heads = [line for line in text.splitlines() if line.startswith("[")]
        assert len(heads) == counts[shape.name]
        assert heads[0].startswith("[2016-11-24 ") and heads[-1].startswith("[2026-11-24 ")
        found = sum(paired.WORD in entry for entry in text.split("\n\n"))
        assert 0.03 < found / counts[shape.name] < 0.08  # about one entry in twenty
    assert counts == {"A": 3653, "B": 10959}
