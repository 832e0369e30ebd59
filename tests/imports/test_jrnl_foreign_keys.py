"""jrnl's own keys never gain trustlog's meaning (issue 17, class 4).

`import jrnl` keeps what else a jrnl entry carries, but under one table,
`jrnl`, which trustlog gives no meaning: a jrnl key `private` (or `kind`,
`id`, `date`, any field of any kind) cannot drop the entry out of an export
or change what it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.paths import JRNL_EXPORT
from trustlog.domain import kinds
from trustlog.domain.core.fields import declared

JRNL_OWN = ("title", "body", "date", "time", "tags", "starred")


def _meaningful_keys() -> list[str]:
    """Every key trustlog reads from some entry file, and the ones every entry has."""
    found = {"id", "kind", "date", "private", "jrnl"}
    for kind in kinds.KINDS:
        found |= set(declared(kind))
    return sorted(found - {"extra", *JRNL_OWN})


def _entry(**extra: Any) -> dict[str, Any]:
    return {
        "title": "A quiet evening.",
        "body": "We talked about the weekend.",
        "date": "2026-11-20",
        "time": "21:05",
        "tags": ["@home"],
        "starred": False,
        **extra,
    }


def _import(cli, tmp_path: Path, *entries: dict[str, Any]) -> None:
    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps({"tags": {"@home": len(entries)}, "entries": list(entries)}))
    run = cli("import", "jrnl", str(source), "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["by_kind"] == {"jrnl": len(entries)}


def test_the_table_covers_the_keys_that_matter():
    keys = _meaningful_keys()
    assert {"private", "kind", "id", "note", "mood", "retired", "created"} <= set(keys)


@pytest.mark.parametrize("key", _meaningful_keys())
def test_a_jrnl_key_trustlog_gives_meaning_to_keeps_only_jrnls(cli, home, tmp_path, key):
    value: Any = True if key == "private" else "from jrnl"
    _import(cli, tmp_path, _entry(**{key: value}))
    [entry] = cli("entries", "--json").json()
    assert entry["kind"] == "jrnl" and entry["date"] == "2026-11-20"
    assert entry["title"] == "A quiet evening."
    assert entry["note"] == "We talked about the weekend."
    assert entry["jrnl"] == {key: value}  # kept, under jrnl's own name
    if key not in ("id", "kind", "date", "title", "note", "jrnl"):
        assert key not in entry or entry[key] != value
    # It stays in every export: never taken for trustlog's own `private`.
    exported = cli("export", "--format", "md", "--from", "2026-11-01", "--output", "-")
    assert exported.exit_code == 0 and "We talked about the weekend" in exported.stdout
    complete = json.loads(cli("export", "--format", "json", "--output", "-").stdout)
    assert [item["entry"]["kind"] for item in complete["entries"]] == ["jrnl"]
    file = next(home.glob("2026/11/*-jrnl-*.md")).read_text()
    assert "[jrnl]" in file


def test_day_ones_keys_are_kept_under_jrnl(cli, home):
    fixture = JRNL_EXPORT
    assert cli("import", "jrnl", str(fixture)).exit_code == 0
    day_one = cli("entries", "--kind", "jrnl", "--json").json()[-1]
    assert day_one["jrnl"]["uuid"] == "5C1F9E2A0B3D4E6F8A7B9C0D1E2F3A4B"
    assert "uuid" not in day_one


def test_a_jrnl_entry_without_other_keys_has_no_jrnl_table(cli, home, tmp_path):
    _import(cli, tmp_path, _entry())
    [entry] = cli("entries", "--json").json()
    assert "jrnl" not in entry
    assert "[jrnl]" not in next(home.glob("2026/11/*-jrnl-*.md")).read_text()
