"""`trustlog apology draft|list|show` through the command line, by flags."""

from __future__ import annotations

import stat
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.paths import ROOT
from trustlog.domain.apology.model import (
    Apology,
    ApologyParts,
    assemble,
    draft_apology,
    find_apology,
)
from trustlog.domain.promise.model import Promise
from trustlog.storage.journal import Journal

GOOD = [
    "--did",
    "I read your messages on Tuesday without asking you.",
    "--impact",
    "It made you feel watched in your own home.",
    "--responsibility",
    "That was my choice, and there is no excuse for it.",
    "--amends",
    "I will ask before I touch your phone, from today.",
]
GOOD_TEXT = (
    "I read your messages on Tuesday without asking you.\n\n"
    "It made you feel watched in your own home.\n\n"
    "That was my choice, and there is no excuse for it.\n\n"
    "I will ask before I touch your phone, from today."
)


def files(home: Path) -> list[str]:
    if not home.exists():
        return []
    return sorted(str(p.relative_to(home)) for p in home.rglob("*.md"))


def test_draft_by_flags_saves_the_four_parts(cli, home, journal):
    data = cli("apology", "draft", *GOOD, "--json").json()
    assert data["warnings"] == []
    assert data["text"] == GOOD_TEXT
    assert files(home) == [f"2026/11/2026-11-24-apology-{data['id']}.md"]
    path = home / "2026" / "11" / f"2026-11-24-apology-{data['id']}.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    saved = find_apology(journal, data["id"])
    assert saved.did == "I read your messages on Tuesday without asking you."
    assert saved.amends == "I will ask before I touch your phone, from today."
    assert saved.created.isoformat() == "2026-11-24T20:00:00+00:00"
    assert saved.promises == []


def test_draft_json_names_each_warning(cli):
    data = cli(
        "apology",
        "draft",
        "--did",
        "I'm sorry for everything.",
        "--responsibility",
        "I lied, but I was scared.",
        "--json",
    ).json()
    assert [(w["part"], w["phrase"]) for w in data["warnings"]] == [
        ("did", "for everything"),
        ("impact", ""),
        ("responsibility", "but"),
        ("amends", ""),
    ]
    for warning in data["warnings"]:
        assert set(warning) >= {"part", "phrase", "why", "suggestion"}
        assert warning["why"] and warning["suggestion"]


def test_partial_flags_without_a_terminal_save_and_report_the_missing_parts(cli, home):
    run = cli("apology", "draft", "--did", "I lied to you about the money.")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert "3 things you may want to look at again" in run.stderr
    assert "How it hurt you · not written yet" in run.stderr
    assert "Saved your apology draft." in run.stderr
    assert len(files(home)) == 1


def test_no_flags_without_a_terminal_is_nothing_to_record(cli, home):
    run = cli("apology", "draft")
    assert run.exit_code == 2
    assert "Nothing to record" in run.stderr and "--did" in run.stderr
    assert files(home) == []


def test_promises_are_created_and_linked_both_ways(cli, home, journal):
    data = cli(
        "apology",
        "draft",
        *GOOD,
        "--promise",
        "Ask before touching your phone",
        "--promise",
        "Tell you each evening how it went",
        "--json",
    ).json()
    assert len(data["promises"]) == 2
    assert [p["text"] for p in data["linked_promises"]] == [
        "Ask before touching your phone",
        "Tell you each evening how it went",
    ]
    for promise_id in data["promises"]:
        path = home / "promises" / f"promise-{promise_id}.md"
        promise = Promise.from_document(journal.read(path))
        assert promise.apology == data["id"]
        assert promise.every == "daily"
        assert promise.start.isoformat() == "2026-11-24"
    assert find_apology(journal, data["id"]).promises == data["promises"]
    assert len(set(data["promises"]) | {data["id"]}) == 3


def test_promises_can_follow_another_schedule(cli):
    data = cli(
        "apology", "draft", *GOOD, "--promise", "Call at 7", "--every", "weekdays", "--json"
    ).json()
    assert data["linked_promises"][0]["every"] == "weekdays"


def test_bad_promise_input_writes_nothing(cli, home):
    run = cli("apology", "draft", *GOOD, "--promise", "  ")
    assert run.exit_code == 2
    assert "--promise" in run.stderr
    run = cli("apology", "draft", *GOOD, "--promise", "Call at 7", "--every", "fortnightly")
    assert run.exit_code == 2
    assert "--every" in run.stderr
    assert files(home) == []


def test_only_a_promise_is_still_something_to_record(cli):
    data = cli("apology", "draft", "--promise", "Call at 7", "--json").json()
    assert len(data["promises"]) == 1
    assert {w["part"] for w in data["warnings"]} == {"did", "impact", "responsibility", "amends"}


def test_blank_parts_count_as_not_given(cli):
    run = cli("apology", "draft", "--did", "   ", "--json")
    assert run.exit_code == 2
    assert "Nothing to record" in run.stderr


def test_show_prints_only_the_clean_text_on_stdout(cli):
    apology_id = cli("apology", "draft", *GOOD, "--json").json()["id"]
    run = cli("apology", "show", apology_id[:3])
    assert run.exit_code == 0
    assert run.stdout == GOOD_TEXT + "\n"
    assert f"Apology of Tuesday 24 November 2026 id {apology_id}" in run.stderr
    assert "The checker found nothing to point out." not in run.stderr


def test_show_lists_the_promises_and_the_notes(cli):
    apology_id = cli(
        "apology", "draft", "--did", "I'm sorry if I hurt you", "--promise", "Call at 7", "--json"
    ).json()["id"]
    run = cli("apology", "show", apology_id)
    assert run.stdout == "I'm sorry if I hurt you.\n"
    assert "Tracking 1 promise from it:" in run.stderr
    assert "Call at 7 (daily)" in run.stderr
    assert "What I did · “sorry if”" in run.stderr
    assert "Perhaps: “I'm sorry I hurt you”" in run.stderr


def test_show_json(cli):
    made = cli("apology", "draft", *GOOD, "--promise", "Call at 7", "--json").json()
    data = cli("apology", "show", made["id"], "--json").json()
    assert data["id"] == made["id"]
    assert data["kind"] == "apology"
    assert data["date"] == "2026-11-24"
    assert data["text"] == GOOD_TEXT
    assert data["warnings"] == []
    assert [p["id"] for p in data["linked_promises"]] == made["promises"]


def test_show_unknown_id_is_bad_input(cli):
    checkin_id = cli("checkin", "--mood", "4", "--json").json()["id"]
    run = cli("apology", "show", checkin_id)
    assert run.exit_code == 2
    assert "No apology has the id" in run.stderr


def test_a_deleted_promise_is_left_out_of_show(cli):
    made = cli("apology", "draft", *GOOD, "--promise", "Call at 7", "--json").json()
    assert cli("delete", made["promises"][0], "--yes").exit_code == 0
    data = cli("apology", "show", made["id"], "--json").json()
    assert data["linked_promises"] == []
    assert data["promises"] == made["promises"]


def test_list_when_empty(cli):
    run = cli("apology", "list")
    assert run.exit_code == 0
    assert run.stdout == ""
    assert "No apologies drafted yet." in run.stderr
    assert cli("apology", "list", "--json").json() == []


def test_list_shows_each_apology_as_text(cli, at):
    at("2026-11-20T09:00:00+00:00")
    first = cli("apology", "draft", "--did", "I forgot your birthday.\nAgain.", "--json").json()[
        "id"
    ]
    at("2026-11-24T20:00:00+00:00")
    second = cli("apology", "draft", *GOOD, "--json").json()["id"]
    data = cli("apology", "list", "--json").json()
    assert [a["id"] for a in data] == [first, second]
    assert data[0]["text"] == "I forgot your birthday.\nAgain."
    assert len(data[0]["warnings"]) == 3
    run = cli("apology", "list")
    assert run.stdout == (
        f"2026-11-20  {first}  3 notes from the checker\n"
        "  I forgot your birthday.\n"
        "  Again.\n"
        "\n"
        f"2026-11-24  {second}\n"
        + "".join(f"  {line}\n" if line else "\n" for line in GOOD_TEXT.split("\n"))
    )


def test_apologies_are_entries_too(cli):
    made = cli("apology", "draft", *GOOD, "--json").json()
    listed = cli("entries", "--kind", "apology", "--json").json()
    assert [e["id"] for e in listed] == [made["id"]]
    assert listed[0]["did"] == "I read your messages on Tuesday without asking you."
    run = cli("show", made["id"])
    assert run.exit_code == 0
    assert "It made you feel watched in your own home." in run.stdout


def test_a_damaged_apology_names_the_file_and_line(cli, home):
    made = cli("apology", "draft", *GOOD, "--json").json()
    path = home / "2026" / "11" / f"2026-11-24-apology-{made['id']}.md"
    text = path.read_text()
    broken = text.replace('impact = "It made you feel watched in your own home."', "impact = 3")
    assert broken != text
    path.write_text(broken)
    run = cli("apology", "show", made["id"])
    assert run.exit_code == 1
    line = broken.splitlines().index("impact = 3") + 1
    assert f"line {line}" in run.stderr and "'impact'" in run.stderr
    assert path.read_text() == broken
    assert cli("apology", "list").exit_code == 1


def test_hand_added_fields_and_notes_survive(cli, home, journal):
    made = cli("apology", "draft", *GOOD, "--json").json()
    path = home / "2026" / "11" / f"2026-11-24-apology-{made['id']}.md"
    path.write_text(
        path.read_text().replace("+++\n", "+++\nsaid_aloud = 2026-11-25\n", 1)
        + "We talked for an hour.\n"
    )
    apology = find_apology(journal, made["id"])
    assert apology.note == "We talked for an hour.\n"
    fields, body = apology.to_document()
    assert fields["said_aloud"].isoformat() == "2026-11-25"
    assert body == "We talked for an hour.\n"
    data = cli("apology", "show", made["id"], "--json").json()
    assert data["said_aloud"] == "2026-11-25"


def test_the_assembled_text_is_clean():
    parts = ApologyParts(
        did="  I read your diary  \n", impact=None, responsibility="It was my choice.", amends="\n"
    )
    assert parts.assembled_text() == "I read your diary.\n\nIt was my choice."
    assert assemble({}) == ""


part_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80
).filter(str.strip)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(did=part_text, amends=part_text)
def test_any_text_round_trips(journal: Journal, did: str, amends: str) -> None:
    from datetime import datetime

    now = datetime.fromisoformat("2026-11-24T20:00:00+00:00")
    result = draft_apology(journal, ApologyParts(did=did, amends=amends), [], now)
    saved = find_apology(journal, result.apology.id)
    assert (saved.did, saved.amends) == (did, amends)
    assert isinstance(saved, Apology)


def test_apology_alone_shows_its_commands(cli):
    run = cli("apology")
    assert run.exit_code == 0
    for command in ("draft", "list", "show"):
        assert command in run.stdout


def test_a_hand_edited_promise_id_that_is_no_id_is_ignored(cli, home):
    made = cli("apology", "draft", *GOOD, "--json").json()
    path = home / "2026" / "11" / f"2026-11-24-apology-{made['id']}.md"
    path.write_text(path.read_text().replace("+++\n", '+++\npromises = ["../x", "zzzzz"]\n', 1))
    data = cli("apology", "show", made["id"], "--json").json()
    assert data["promises"] == ["../x", "zzzzz"]
    assert data["linked_promises"] == []


DOCS = ROOT / "docs" / "apology.md"


def test_every_apology_command_and_flag_has_help_and_docs(cli):
    docs = DOCS.read_text(encoding="utf-8")
    for command in ("draft", "list", "show"):
        run = cli("apology", command, "--help")
        assert run.exit_code == 0
        assert f"## `trustlog apology {command}" in docs
    help_text = cli("apology", "draft", "--help").stdout
    for flag in (
        "--did",
        "--impact",
        "--responsibility",
        "--amends",
        "--promise",
        "--every",
        "--json",
    ):
        assert flag in help_text
        assert f"`{flag}" in docs


def test_the_apology_commands_load_no_prompt_or_drawing_library():
    import subprocess
    import sys

    code = (
        "import sys, trustlog.cli.app, trustlog.domain.apology.checker as c;"
        "c.check({'did': 'I lied, but I was scared.'});"
        "print(sorted(m for m in ('questionary', 'prompt_toolkit', 'rich') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_notes_keep_their_indent_when_they_wrap(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    run = cli(
        "apology", "draft", "--did", "I read your messages.", "--impact", "It hurt you.",
        "--responsibility", "I lied, but I was scared and you were never home that month.",
        "--amends", "I will show you my phone every evening at 9.",
    )  # fmt: skip
    lines = run.stderr.splitlines()
    at = next(n for n, line in enumerate(lines) if "I take full responsibility" in line)
    assert lines[at + 1].startswith("    A “but” tends to cancel")
    assert lines[at + 2].startswith("    ")  # its second line, still under it
    assert max(len(line) for line in lines) <= 60
