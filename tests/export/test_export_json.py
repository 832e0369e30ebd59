"""`trustlog export --format json`: every entry of every kind, as its file holds it.

Then `trustlog import trustlog` into an empty journal gives the same files back,
byte for byte, and exporting again gives the same JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.import_helpers import HAND_EDIT, every_kind, exported, journal_files
from trustlog.domain import kinds
from trustlog.domain.export.redact import REDACTED


def test_every_entry_of_every_kind_with_its_file_text_and_the_profile(cli, home):
    ids = every_kind(cli, home)
    data = exported(cli, "--include-private")
    assert data["trustlog_export"] == 1 and data["journal_format"] == 1
    assert data["complete"] is True and data["includes_private"] is True
    assert data["profile"] == {"name": "Zoë", "partner": "Sam", "role": "hurt"}
    kinds_in = {item["entry"]["kind"] for item in data["entries"]}
    # jrnl: tests/test_import_jrnl; conflict (made by sync): tests/test_sync_merge
    assert kinds_in == set(kinds.NAMES) - {"jrnl", "conflict"} | {"dream"}
    on_disk = journal_files(home)
    for item in data["entries"]:
        assert on_disk[item["path"]] == item["file"].encode("utf-8")
    by_id = {item["entry"]["id"]: item for item in data["entries"]}
    checkin = by_id[ids["checkin"]]
    assert HAND_EDIT in checkin["file"]  # the comment and the field added by hand
    assert checkin["entry"]["weather"] == "rain"
    assert checkin["entry"]["note"] == "We talked.\n\n+++\nStill here."
    assert by_id["zz9zz"]["entry"] == {
        "id": "zz9zz", "kind": "dream", "date": "2026-11-03", "vivid": True,
        "text": "A house by the sea.\n",
    }  # fmt: skip
    shown = cli("entries", "--json").json()  # oldest first; the export, the journal's order
    assert sorted(
        (e["entry"] for e in data["entries"] if e["entry"]["kind"] != "dream"),
        key=lambda e: e["id"],
    ) == sorted((e for e in shown if e["kind"] != "dream"), key=lambda e: e["id"])


def test_private_entries_stay_out_unless_asked_and_the_file_says_so(cli, home):
    ids = every_kind(cli, home)
    data = exported(cli)
    assert ids["private"] not in {item["entry"]["id"] for item in data["entries"]}
    assert data["includes_private"] is False and data["complete"] is False
    assert "only for me" not in json.dumps(data)


def test_only_and_redact_apply_and_a_redacted_file_still_imports(cli, home, tmp_path):
    every_kind(cli, home)
    data = exported(cli, "--only", "checkin", "--only", "plan", "--redact", "talked")
    assert {item["entry"]["kind"] for item in data["entries"]} == {"checkin", "plan"}
    assert data["only"] == ["checkin", "plan"] and data["redacted"] is True
    assert data["complete"] is False
    text = json.dumps(data, ensure_ascii=False)
    assert "talked" not in text.lower() and REDACTED in text
    plan = next(item for item in data["entries"] if item["entry"]["kind"] == "plan")
    assert plan["entry"]["repair"] == "sun 19:00"  # a set word is never part-hidden
    source = tmp_path / "redacted.json"
    source.write_text(json.dumps(data))
    os.environ["TRUSTLOG_HOME"] = str(tmp_path / "other")
    run = cli("import", "trustlog", str(source), "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["partial"] == ["private", "only", "redacted"]


def test_export_then_import_into_an_empty_journal_then_export_is_identical(cli, home, tmp_path):
    every_kind(cli, home)
    first = cli("export", "--format", "json", "--output", "-", "--include-private").stdout
    files = journal_files(home)
    source = tmp_path / "backup.json"
    source.write_text(first)
    os.environ["TRUSTLOG_HOME"] = str(tmp_path / "restored")
    run = cli("import", "trustlog", str(source))
    assert run.exit_code == 0, run.stderr
    assert "Imported" in run.stderr
    again = cli("export", "--format", "json", "--output", "-", "--include-private").stdout
    assert again == first
    assert journal_files(tmp_path / "restored") == files


def test_the_same_journal_exports_the_same_bytes(cli, home):
    every_kind(cli, home)
    once = cli("export", "--format", "json", "--output", "-").stdout
    assert cli("export", "--format", "json", "--output", "-").stdout == once


def test_a_window_keeps_its_days_and_every_undated_entry(cli, home):
    ids = every_kind(cli, home)
    data = exported(cli, "--from", "2026-11-04", "--to", "2026-11-04")
    found = {item["entry"]["kind"] for item in data["entries"]}
    assert ids["trigger"] in {item["entry"]["id"] for item in data["entries"]}
    assert "checkin" not in found and {"promise", "contract", "plan"} <= found
    assert data["from"] == data["to"] == "2026-11-04" and data["complete"] is False


TYPED = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(
    lambda text: text.strip()
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=TYPED, feeling=TYPED)
def test_any_text_a_person_can_type_survives_export_and_import(cli, note, feeling):
    where = Path(tempfile.mkdtemp(prefix="trustlog-trip-"))
    try:
        os.environ["TRUSTLOG_HOME"] = str(where / "from")
        made = cli("checkin", "--feeling", feeling, "--note", note, "--json").json()
        first = cli("export", "--format", "json", "--output", "-").stdout
        (where / "backup.json").write_text(first, encoding="utf-8")
        os.environ["TRUSTLOG_HOME"] = str(where / "to")
        assert cli("import", "trustlog", str(where / "backup.json")).exit_code == 0
        shown = cli("show", made["id"], "--json").json()
        assert shown["note"] == made["note"] and shown["feeling"] == made["feeling"]
        assert cli("export", "--format", "json", "--output", "-").stdout == first
    finally:
        shutil.rmtree(where)
