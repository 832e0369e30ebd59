"""Every kind lives in its own folder; anywhere else it is damaged (issue 17, class 3).

Every kind × every folder it does not belong in: read, it is named (exit 1);
imported, the file is refused (exit 2) and nothing lands. Before, a promise
under `support/` was imported ("Imported 1 promise") and then invisible to
`promise list` and `checkin --kept`.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import FIXED_NOW, Run
from tests.support.import_helpers import every_kind
from tests.support.paths import JRNL_EXPORT
from trustlog.cli.app import app
from trustlog.domain import folders, kinds

JRNL_FIXTURE = JRNL_EXPORT
MONTHS = "a month folder"
FOLDERS = (*folders.UNDATED_FOLDERS, MONTHS)

# What reads each undated kind's own folder: it must name a record misplaced anywhere.
OWN_LIST = {
    "promise": ("promise", "list", "--json"),
    "contract": ("contract", "--json"),
    "agreement": ("agreement", "list", "--json"),
    "support": ("support", "list", "--json"),
    "plan": ("calendar", "--output", "-"),
    "conflict": ("entries", "--kind", "conflict", "--json"),
}
# A version `trustlog sync` kept of an entry changed on two devices, as sync writes one.
CONFLICT = (
    '+++\nkind = "conflict"\nid = "c2nfa"\ndate = 2026-11-02\nof = "k3m9x"\n'
    'of_kind = "checkin"\n+++\n+++\nkind = "checkin"\n+++\n'
)


def _runner(home: Path) -> Any:
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Run:
        result = runner.invoke(app, ["--journal", str(home), *args], catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Any]]]:
    """One journal with a record of every kind, and its JSON export: made once."""
    home = tmp_path_factory.mktemp("every-kind") / "journal"
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {"TRUSTLOG_NOW": FIXED_NOW, "NO_COLOR": "1", "TZ": "UTC"}.items():
            patch.setenv(name, value)
        patch.delenv("TRUSTLOG_PASSPHRASE", raising=False)
        cli = _runner(home)
        every_kind(cli, home)
        assert cli("import", "jrnl", str(JRNL_FIXTURE)).exit_code == 0
        (home / folders.CONFLICTS).mkdir(mode=0o700)
        (home / folders.CONFLICTS / "conflict-c2nfa.md").write_text(CONFLICT)
        assert cli("entries", "--kind", "conflict", "--json").exit_code == 0
        run = cli("export", "--format", "json", "--include-private", "--output", "-")
        assert run.exit_code == 0, run.stderr
        yield home, json.loads(run.stdout)


def _cases() -> list[tuple[str, str]]:
    return [
        (kind.kind, folder)
        for kind in kinds.KINDS
        for folder in FOLDERS
        if folder != (kind.folder or MONTHS)
    ]


def test_every_kind_and_folder_is_in_the_table():
    assert len(_cases()) == len(kinds.KINDS) * (len(FOLDERS) - 1)
    undated = [kind for kind in kinds.KINDS if kind.folder]
    # Every undated kind in every other undated folder (20 when there were five of them).
    pairs = [c for c in _cases() if c[1] != MONTHS and kinds.BY_NAME[c[0]].folder]
    assert len(pairs) == len(undated) * (len(undated) - 1) >= 20
    assert set(OWN_LIST) == {kind.kind for kind in undated}


def test_each_undated_folder_is_told_its_one_kind():
    assert folders.KEPT_IN == kinds.KEPT_IN


def _moved_name(kind: str, entry_id: str, folder: str) -> str:
    if folder == MONTHS:
        return f"2026/11/2026-11-24-{kind}-{entry_id}.md"
    return f"{folder}/{kind}-{entry_id}.md"


@pytest.mark.parametrize(("kind", "folder"), _cases())
def test_a_record_in_another_kinds_folder_is_named_when_read(cli, home, made, kind, folder):
    template, _ = made
    shutil.copytree(template, home)
    source = next(
        path for path in sorted(home.rglob(f"*{kind}-*.md")) if path.name.split("-")[-2] == kind
    )
    entry_id = source.stem.split("-")[-1]
    moved = home / _moved_name(kind, entry_id, folder)
    moved.parent.mkdir(exist_ok=True)
    source.rename(moved)
    readers = [("entries", "--json")]
    if kind in OWN_LIST:  # and so every command that adds a record, as for a dated kind
        readers.append(("checkin", "--mood", "3"))
    if kind in OWN_LIST and folder != MONTHS:
        readers.append(OWN_LIST[kind])
    for reader in readers:
        run = cli(*reader)
        assert run.exit_code == 1, (reader, run.stdout, run.stderr)
        assert moved.name in run.stderr and "Traceback" not in run.stderr
    assert moved.is_file()  # left exactly as it is


@pytest.mark.parametrize(("kind", "folder"), _cases())
def test_an_import_putting_a_record_in_another_kinds_folder_is_refused(
    cli, home, made, tmp_path, kind, folder
):
    _, exported = made
    data = json.loads(json.dumps(exported))
    number, item = next(
        (n, item)
        for n, item in enumerate(data["entries"], start=1)
        if item["entry"]["kind"] == kind
    )
    item["path"] = _moved_name(kind, item["entry"]["id"], folder)
    source = tmp_path / "moved.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    run = cli("import", "trustlog", str(source))
    assert run.exit_code == 2, run.stderr
    assert f"entry {number}" in run.stderr and "Traceback" not in run.stderr
    assert not home.exists() or not list(home.rglob("*.md"))


def test_the_export_itself_imports_whole(cli, home, made, tmp_path):
    _, exported = made
    source = tmp_path / "whole.json"
    source.write_text(json.dumps(exported), encoding="utf-8")
    run = cli("import", "trustlog", str(source), "--json")
    assert run.exit_code == 0, run.stderr
    assert cli("entries", "--json").exit_code == 0
    assert cli("promise", "list", "--json").exit_code == 0
