"""Every byte of the journal passes through `Journal.read_bytes`, `write_bytes` and `remove`.

Encryption at rest and changes spanning files will plug in there, so nothing
may go around it: not the edit draft, not the report's cache, not a backup.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from trustlog.storage import journal as journal_module
from trustlog.storage import migrate
from trustlog.storage.journal import Journal


class Seam:
    """What went through the journal's byte methods, as paths relative to the journal."""

    def __init__(self) -> None:
        self.read: list[str] = []
        self.written: list[str] = []
        self.removed: list[str] = []

    @staticmethod
    def names(paths: list[str], prefix: str) -> list[str]:
        return [name for name in paths if name.startswith(prefix)]


@pytest.fixture
def seam(home: Path, monkeypatch: pytest.MonkeyPatch) -> Seam:
    spy = Seam()
    read_bytes, write_bytes, remove = Journal.read_bytes, Journal.write_bytes, Journal.remove

    def relative(path: Path) -> str:
        return path.relative_to(home).as_posix()

    def spied_read(self: Journal, path: Path) -> bytes:
        spy.read.append(relative(path))
        return read_bytes(self, path)

    def spied_write(self: Journal, path: Path, data: bytes) -> None:
        spy.written.append(relative(path))
        write_bytes(self, path, data)

    def spied_remove(self: Journal, path: Path) -> None:
        spy.removed.append(relative(path))
        remove(self, path)

    monkeypatch.setattr(Journal, "read_bytes", spied_read)
    monkeypatch.setattr(Journal, "write_bytes", spied_write)
    monkeypatch.setattr(Journal, "remove", spied_remove)
    return spy


def files_in(home: Path) -> set[str]:
    return {p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file()} - {".lock"}


def test_entries_and_settings_pass_through_the_seam(cli, home, seam):
    entry = cli("checkin", "--mood", "3", "--json").json()
    path = f"2026/11/2026-11-24-checkin-{entry['id']}.md"
    assert seam.written == ["journal.toml", path]
    assert cli("show", entry["id"], "--json").json()["mood"] == 3
    assert path in seam.read
    assert files_in(home) == set(seam.written)


def test_an_edit_draft_passes_through_the_seam(cli, home, seam, tmp_path, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--json").json()
    program = tmp_path / "editor.py"
    program.write_text(
        textwrap.dedent(
            """
            import sys
            path = sys.argv[1]
            text = open(path).read()
            open(path, "w").write(text.replace("mood = 2", "mood = 4"))
            """
        )
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {program}")
    draft = f"2026/11/.edit-{entry['id']}.md"
    base = f"2026/11/.edit-{entry['id']}.base"  # what the draft was made from
    seam.written.clear()

    assert cli("edit", entry["id"]).exit_code == 0
    assert seam.written == [draft, base, f"2026/11/2026-11-24-checkin-{entry['id']}.md"]
    assert draft in seam.read
    assert seam.removed == [draft, base]
    assert not (home / draft).exists() and not (home / base).exists()


def test_the_report_cache_passes_through_the_seam(cli, home, seam):
    assert cli("checkin", "--date", "2026-08-03", "--mood", "3").exit_code == 0
    assert cli("report", "--month", "2026-11", "--json").exit_code == 0
    cached = seam.names(seam.written, "cache/")
    assert "cache/2026-08.json" in cached
    assert files_in(home) <= set(seam.written)

    seam.read.clear()
    assert cli("report", "--month", "2026-11", "--json").exit_code == 0
    assert set(cached) <= set(seam.read)


def test_a_migration_backup_passes_through_the_seam(cli, home, seam, monkeypatch):
    assert cli("checkin", "--mood", "3", "--note", "kept safe").exit_code == 0
    monkeypatch.setattr(journal_module, "FORMAT_VERSION", 2)
    monkeypatch.setitem(migrate.STEPS, 1, lambda journal: None)
    (home / "journal.toml").write_text("format = 1\n")
    before = {name: (home / name).read_bytes() for name in files_in(home)}
    seam.read.clear()
    seam.written.clear()

    assert cli("checkin", "--mood", "4").exit_code == 0
    (backup,) = (home / "backups").iterdir()
    copies = seam.names(seam.written, "backups/")
    assert sorted(copies) == sorted(f"backups/{backup.name}/{name}" for name in before)
    assert set(before) <= set(seam.read)
    assert {name: (backup / name).read_bytes() for name in before} == before
