"""Bad input is refused before anything is written (issue 9, cases 5, 6 and 10).

Arguments that are not UTF-8, text that is only space, check-ins dated in the
future, an editor that writes bytes that are not UTF-8, and an edit moving a
check-in onto a day that has one.
"""

from __future__ import annotations

import sys
import textwrap

import pytest

NOT_UTF8 = b"hi \xff\xfe".decode("utf-8", "surrogateescape")  # as Python hands over argv


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["checkin", "--note", NOT_UTF8], "--note"),
        (["checkin", "--feeling", NOT_UTF8], "--feeling"),
        (["checkin", f"--grateful={NOT_UTF8}"], "--grateful"),
        (["checkin", "--mood", "3", "--argument", NOT_UTF8], "--argument"),
        (["trigger", "--what", NOT_UTF8], "--what"),
        (["apology", "draft", "--did", NOT_UTF8], "--did"),
        (["apology", "draft", "--did", "I lied", "--promise", NOT_UTF8], "--promise"),
        (["init", "--name", NOT_UTF8], "--name"),
        (["show", NOT_UTF8], None),
        (["promise", "add", NOT_UTF8], None),
    ],
)
def test_text_that_is_not_utf8_is_refused_and_nothing_is_created(cli, home, args, flag):
    run = cli(*args)
    assert run.exit_code == 2
    assert "'hi \\xff\\xfe' has bytes that are not UTF-8 text" in run.stderr
    if flag:
        assert run.stderr.startswith(f"trustlog: {flag}: ")
    assert not home.exists()


def test_a_journal_folder_whose_name_is_not_utf8_is_fine(cli, tmp_path):
    folder = str(tmp_path / b"caf\xe9".decode("utf-8", "surrogateescape"))
    assert cli("--journal", folder, "checkin", "--mood", "3").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["checkin", "--grateful", " "],
        ["checkin", "--grateful", " ", "--grateful", "\t"],
        ["checkin", "--note", "  \n ", "--argument", " ", "--feeling", " "],
        ["checkin", "--care", " ", "--private"],
        ["trigger", "--what", "  "],
        ["apology", "draft", "--did", " ", "--amends", "\n"],
    ],
)
def test_text_of_only_space_is_nothing_given(cli, home, args):
    run = cli(*args)
    assert run.exit_code == 2
    assert "Nothing to record" in run.stderr
    assert not home.exists()


def test_blank_text_beside_real_answers_is_left_out(cli):
    saved = cli("checkin", "--mood", "3", "--grateful", " ", "--grateful", "tea", "--json")
    assert saved.json()["grateful"] == ["tea"]


def test_a_check_in_in_the_future_is_refused(cli, home):
    run = cli("checkin", "--date", "2026-11-25", "--mood", "3")
    assert run.exit_code == 2
    assert run.stderr.startswith("trustlog: --date: 2026-11-25 has not come yet")
    assert not home.exists()
    assert cli("checkin", "--date", "2027-11-24", "--note", "x").exit_code == 2
    assert cli("checkin", "--date", "2026-11-24", "--mood", "3").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["delete", "k3m9x", "--yes"],
        ["trigger", "resolve", "k3m9x"],
        ["promise", "retire", "k3m9x"],
        ["promise", "broken", "k3m9x"],
        ["checkin", "--kept", "k3m9x"],
    ],
)
def test_a_failing_command_on_a_journal_not_made_yet_creates_nothing(cli, tmp_path, args):
    home = tmp_path / "new" / "journal"
    run = cli("--journal", str(home), *args)
    assert run.exit_code == 2
    assert not (tmp_path / "new").exists()


def editor(tmp_path, monkeypatch, script: str) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # the messages name long paths: one line each
    program = tmp_path / "editor.py"
    program.write_text(textwrap.dedent(script))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {program}")


def test_an_editor_writing_bytes_that_are_not_utf8_keeps_the_draft(
    cli, home, tmp_path, monkeypatch
):
    entry = cli("checkin", "--mood", "2", "--note", "before", "--json").json()
    (path,) = home.glob("2026/11/*.md")
    before = path.read_bytes()
    editor(
        tmp_path,
        monkeypatch,
        """
        import sys
        data = open(sys.argv[1], "rb").read().replace(b"before", b"after \\xff\\xfe")
        open(sys.argv[1], "wb").write(data)
        """,
    )
    run = cli("edit", entry["id"])
    assert run.exit_code == 1
    (draft,) = home.rglob(".edit-*.md")  # beside it, .base: what it was made from
    assert f"{draft}, line 8: it is not UTF-8 text" in run.stderr
    assert f"Your edited text is kept in {draft}" in run.stderr
    assert path.read_bytes() == before
    # The next edit picks the draft up, and does not crash on it either.
    again = cli("edit", entry["id"])
    assert again.exit_code == 1
    assert "it is not UTF-8 text" in again.stderr
    editor(
        tmp_path,
        monkeypatch,
        """
        import sys
        data = open(sys.argv[1], "rb").read().replace(b" \\xff\\xfe", b"")
        open(sys.argv[1], "wb").write(data)
        """,
    )
    fixed = cli("edit", entry["id"])
    assert fixed.exit_code == 0, fixed.stderr
    assert cli("show", entry["id"], "--json").json()["note"] == "after"


def test_an_edit_may_not_move_a_check_in_onto_a_day_that_has_one(cli, home, tmp_path, monkeypatch):
    first = cli("checkin", "--date", "2026-11-20", "--mood", "2", "--json").json()
    second = cli("checkin", "--mood", "4", "--json").json()
    before = {p: p.read_bytes() for p in home.glob("2026/11/2*.md")}
    editor(
        tmp_path,
        monkeypatch,
        """
        import sys
        text = open(sys.argv[1]).read().replace("date = 2026-11-24", "date = 2026-11-20")
        open(sys.argv[1], "w").write(text)
        """,
    )
    run = cli("edit", second["id"])
    assert run.exit_code == 1
    assert f"2026-11-20 already has a check-in ({first['id']})" in run.stderr
    assert "Your edited text is kept in" in run.stderr
    assert {p: p.read_bytes() for p in home.glob("2026/11/2*.md")} == before
    assert len(cli("entries", "--kind", "checkin", "--json").json()) == 2
