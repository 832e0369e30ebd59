"""`edit` never overwrites what was saved while the editor was open, and one edit at a time."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest

from tests.e2e.test_e2e_entries import trustlog
from tests.support.pty import ENTER, answer, finish, spawn

# The editor itself runs a check-in while "open", as a second window would.
MEANWHILE = """
    import os, subprocess, sys
    path = sys.argv[1]
    text = open(path).read()  # an editor holds the text it was given
    subprocess.run([sys.executable, "-m", "trustlog", *{args!r}], check=True,
                   stdin=subprocess.DEVNULL, capture_output=True)
    open(path, "w").write(text.replace("mood = 2", "mood = 3"))
"""
ADD_TRUST = """
    import sys
    path = sys.argv[1]
    text = open(path).read()
    open(path, "w").write(text.replace("mood = 3", "mood = 3\\ntrust = 9"))
"""
# A second `edit` of the same entry, started while the first is open.
SECOND_EDIT = """
    import os, subprocess, sys
    done = subprocess.run([sys.executable, "-m", "trustlog", "edit", {entry_id!r}],
                          env={{**os.environ, "EDITOR": "true"}}, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True)
    open({report!r}, "w").write(f"{{done.returncode}}\\n{{done.stderr}}")
"""


def use_editor(tmp_path, monkeypatch, script: str) -> None:
    program = tmp_path / "editor.py"
    program.write_text(textwrap.dedent(script))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {program}")


def test_a_change_made_while_the_editor_was_open_is_never_overwritten(
    cli, home, tmp_path, monkeypatch
):
    entry = cli("checkin", "--mood", "2", "--note", "a long day", "--json").json()
    use_editor(tmp_path, monkeypatch, MEANWHILE.format(args=["checkin", "--trust", "9"]))
    run = cli("edit", entry["id"])
    assert run.exit_code == 1
    assert f"While you were editing, {entry['id']} was changed elsewhere: trust (now 9)." in (
        run.stderr
    )
    assert "Nothing was changed in your journal." in run.stderr
    assert f"`trustlog edit {entry['id']}` opens it again to carry the change over" in run.stderr
    shown = cli("show", entry["id"], "--json").json()
    assert (shown["mood"], shown["trust"]) == (2, 9)  # the trust survived, the edit waits
    draft = home / "2026" / "11" / f".edit-{entry['id']}.md"
    assert "mood = 3" in draft.read_text()  # the person's text is kept

    # Editing again picks the draft up; once the trust is carried over, it saves.
    use_editor(tmp_path, monkeypatch, ADD_TRUST)
    run = cli("edit", entry["id"])
    assert run.exit_code == 0, run.stderr
    assert "Picking up your unfinished edit" in run.stderr
    shown = cli("show", entry["id"], "--json").json()
    assert (shown["mood"], shown["trust"]) == (3, 9)
    assert not draft.exists()


def test_an_entry_deleted_while_the_editor_was_open(cli, home, tmp_path, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--json").json()
    use_editor(tmp_path, monkeypatch, MEANWHILE.format(args=["delete", entry["id"], "--yes"]))
    run = cli("edit", entry["id"])
    assert run.exit_code == 1
    assert f"{entry['id']} was deleted or moved elsewhere" in run.stderr
    assert cli("entries", "--json").json() == []


def test_a_second_edit_of_the_same_entry_is_told(cli, home, tmp_path, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--json").json()
    report = tmp_path / "second.txt"
    use_editor(tmp_path, monkeypatch, SECOND_EDIT.format(entry_id=entry["id"], report=str(report)))
    assert cli("edit", entry["id"]).exit_code == 0
    code, message = report.read_text().split("\n", 1)
    assert code == "1"
    assert f"trustlog: {entry['id']} is already open in an editor (since " in message
    assert "Finish or close that edit first" in message
    assert not list(home.rglob(".edit-*"))  # no draft, no marker left


def test_a_marker_left_by_a_killed_edit_is_taken_over(cli, home, tmp_path, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--json").json()
    (home / "2026" / "11" / f".edit-{entry['id']}.open").write_bytes(b"")
    use_editor(tmp_path, monkeypatch, ADD_TRUST.replace("mood = 3", "mood = 2"))
    assert cli("edit", entry["id"]).exit_code == 0
    assert cli("show", entry["id"], "--json").json()["trust"] == 9
    assert not list(home.rglob(".edit-*"))


@pytest.mark.e2e
def test_in_a_terminal_the_text_opens_again_to_carry_the_change_over(home, tmp_path, monkeypatch):
    entry = json.loads(trustlog(home, "checkin", "--mood", "2", "--json"))
    first = tmp_path / "first.py"
    first.write_text(textwrap.dedent(MEANWHILE.format(args=["checkin", "--trust", "9"])))
    # The first run of the editor saves over a change; the second adds the trust.
    program = tmp_path / "editor.py"
    program.write_text(
        textwrap.dedent(
            f"""
            import os, runpy, sys
            flag = {str(tmp_path / "ran")!r}
            script = {str(first)!r} if not os.path.exists(flag) else None
            open(flag, "a").close()
            if script:
                runpy.run_path(script, run_name="__main__")
            else:
                path = sys.argv[1]
                text = open(path).read()
                open(path, "w").write(text.replace("mood = 3", "mood = 3\\ntrust = 9"))
            """
        )
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {program}")
    child = spawn(home, "edit", entry["id"])
    child.expect("trust \\(now 9\\)")
    answer(child, "carry that over", ENTER)
    child.expect(f"Saved your changes to {entry['id']}.")
    assert finish(child) == 0
    shown = json.loads(trustlog(home, "show", entry["id"], "--json"))
    assert (shown["mood"], shown["trust"]) == (3, 9)


def test_edit_leaves_nothing_behind_on_success(cli, home, tmp_path, monkeypatch):
    entry = cli("checkin", "--mood", "2", "--json").json()
    use_editor(tmp_path, monkeypatch, ADD_TRUST.replace("mood = 3", "mood = 2"))
    assert cli("edit", entry["id"]).exit_code == 0
    hidden = [p.name for p in home.rglob(".*") if p.name != ".lock"]
    assert hidden == []


BREAK = """
    import sys
    path = sys.argv[1]
    text = open(path).read()
    open(path, "w").write(text.replace("mood = 2", "mood = 3\\nmood ="))
"""
FIX = """
    import sys
    path = sys.argv[1]
    text = open(path).read()
    open(path, "w").write(text.replace("mood = 3\\nmood =", "mood = 3"))
"""


def test_a_kept_draft_older_than_the_entry_says_what_changed_before_it_opens(
    cli, home, tmp_path, monkeypatch
):
    entry = cli("checkin", "--mood", "2", "--json").json()
    use_editor(tmp_path, monkeypatch, BREAK)
    assert cli("edit", entry["id"]).exit_code == 1  # kept as a draft: it does not parse
    assert cli("checkin", "--trust", "9").exit_code == 0  # the entry changes meanwhile

    use_editor(tmp_path, monkeypatch, FIX)
    run = cli("edit", entry["id"])
    assert run.exit_code == 0, run.stderr
    assert f"Since your draft was kept, {entry['id']} changed: trust (now 9)." in run.stderr
    assert not list(home.rglob(".edit-*"))

    # Told once: a draft picked up again later does not repeat it.
    use_editor(tmp_path, monkeypatch, BREAK.replace("mood = 2", "mood = 3"))
    assert cli("edit", entry["id"]).exit_code == 1
    use_editor(tmp_path, monkeypatch, FIX)
    run = cli("edit", entry["id"])
    assert run.exit_code == 0 and "Since your draft was kept" not in run.stderr
