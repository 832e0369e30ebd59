"""Files this version did not write as it expects: kinds it does not know, ids that disagree.

A kind from a newer trustlog (or written by hand) is listed, shown and kept
byte for byte; a file whose id disagrees with its name is damaged, and every
command that needs it stops, naming the file and the line, changing nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

DREAM = """\
+++
kind = "dream"
id = "drm23"
date = 2026-11-20
lucid = true  # I knew I was dreaming
+++
I was flying over the sea.
"""
OLD_DREAM = DREAM.replace("drm23", "drm24").replace("2026-11-20", "2024-05-02")


@pytest.fixture
def dreams(home: Path) -> list[Path]:
    """Two hand-written entries of a kind trustlog does not know: this month and long ago."""
    paths = [
        home / "2026" / "11" / "2026-11-20-dream-drm23.md",
        home / "2024" / "05" / "2024-05-02-dream-drm24.md",
    ]
    home.mkdir(mode=0o700)  # private, as trustlog makes it: no note about an open folder
    for path, text in zip(paths, [DREAM, OLD_DREAM], strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return paths


def test_an_unknown_kind_is_listed(cli, dreams):
    cli("checkin", "--mood", "3")
    run = cli("entries", "--from", "2026-11-01")
    assert run.exit_code == 0, run.stderr
    rows = [line.split() for line in run.stdout.splitlines()]
    assert rows[1] == ["2026-11-20", "drm23", "dream", "I", "was", "flying", "over", "the", "sea."]
    assert rows[2][:3] == ["2026-11-24", rows[2][1], "check-in"]


def test_an_unknown_kind_is_in_the_json_with_every_field(cli, dreams):
    listed = cli("entries", "--json").json()
    assert listed == [
        {
            "kind": "dream",
            "id": "drm24",
            "date": "2024-05-02",
            "lucid": True,
            "text": "I was flying over the sea.\n",
        },
        {
            "kind": "dream",
            "id": "drm23",
            "date": "2026-11-20",
            "lucid": True,
            "text": "I was flying over the sea.\n",
        },
    ]
    assert cli("show", "drm23", "--json").json() == listed[1]


def test_an_unknown_kind_is_shown(cli, dreams):
    run = cli("show", "drm2")
    assert run.exit_code == 2
    assert run.stderr.startswith("trustlog: 'drm2' could be any of drm23, drm24")
    run = cli("show", "drm23")
    assert (run.exit_code, run.stderr) == (0, "")
    assert (
        run.stdout
        == "Dream, Friday 20 November 2026  id drm23\nlucid: yes\n\nI was flying over the sea.\n\n"
    )


def test_later_commands_keep_an_unknown_kind_byte_for_byte(cli, dreams, home):
    before = [path.read_bytes() for path in dreams]
    promise = cli("promise", "add", "Call at 7", "--start", "2026-11-01", "--json").json()
    for args in (
        ["checkin", "--date", "2026-11-20", "--mood", "3", "--note", "a dream"],
        ["checkin", "--mood", "4"],
        ["checkin", "--mood", "5"],
        ["promise", "kept", promise["id"], "--date", "2026-11-20"],
        ["trigger", "--at", "2026-11-20 07:00", "--what", "the dream", "--no-timer"],
        ["apology", "draft", "--did", "I read your messages."],
        ["report"],
        ["report", "--month", "2024-05"],
        ["report", "--week", "2026-W47"],
        ["entries", "--kind", "checkin"],
        ["init", "--name", "Sam"],
        [],
    ):
        run = cli(*args)
        assert run.exit_code == 0, (args, run.stderr)
    [checkin] = home.glob("2026/11/2026-11-20-checkin-*.md")
    assert cli("delete", checkin.stem.rsplit("-", 1)[1], "--yes").exit_code == 0
    assert [path.read_bytes() for path in dreams] == before
    assert sorted(p.name for p in home.rglob("*dream*")) == sorted(p.name for p in dreams)
    # The report counts what it knows and leaves the dream out.
    assert cli("report", "--json").json()["checkins"]["days"] == 1


# -- an id that disagrees with the file's name -------------------------------------------


def made(cli, home: Path, kind: str) -> str:
    """Make one entry of `kind` on 2026-11-20 (a promise: from then on); its id."""
    if kind == "checkin":
        return str(cli("checkin", "--date", "2026-11-20", "--mood", "3", "--json").json()["id"])
    if kind == "trigger":
        args = ["--at", "2026-11-20 07:00", "--what", "a message", "--no-timer", "--json"]
        return str(cli("trigger", *args).json()["id"])
    if kind == "apology":
        return str(cli("apology", "draft", "--did", "I read your messages.", "--json").json()["id"])
    promise = cli("promise", "add", "Call at 7", "--start", "2026-11-20", "--json").json()["id"]
    if kind == "promise":
        return str(promise)
    assert cli("promise", "kept", promise, "--date", "2026-11-20").exit_code == 0
    [mark] = home.glob("2026/11/2026-11-20-mark-*.md")
    return mark.stem.rsplit("-", 1)[1]


# For each kind: commands that need the damaged entry, besides `entries` and `show`.
NEEDING = {
    "checkin": [["checkin", "--date", "2026-11-20", "--mood", "4"]],
    "trigger": [["trigger", "resolve", "{id}", "--at", "2026-11-20 07:30"]],
    "apology": [["apology", "list"], ["apology", "show", "{id}"]],
    "promise": [["promise", "list"], ["promise", "kept", "{id}", "--date", "2026-11-21"], []],
    "mark": [["edit", "{id}"], ["delete", "{id}", "--yes"]],
}


@pytest.mark.parametrize("kind", list(NEEDING))
def test_an_id_that_disagrees_with_the_file_name_is_damage(cli, home, kind):
    entry_id = made(cli, home, kind)
    [path] = [p for p in home.rglob(f"*-{entry_id}.md")]
    text = path.read_text()
    path.write_text(text.replace(f'id = "{entry_id}"', 'id = "zzzzz"'))
    before = {p: p.read_bytes() for p in home.rglob("*.md")}
    line = 1 + path.read_text().splitlines().index('id = "zzzzz"')
    expected = (
        f"trustlog: {path}, line {line}: the id inside ('zzzzz') does not match "
        f"the file name ('{entry_id}').\n"
    )
    for args in [["entries"], ["entries", "--json"], ["show", entry_id], *NEEDING[kind]]:
        run = cli(*[arg.replace("{id}", entry_id) for arg in args])
        assert (run.exit_code, run.stdout) == (1, ""), args
        assert run.stderr.startswith(expected), (args, run.stderr)
        assert "Traceback" not in run.stderr
    assert {p: p.read_bytes() for p in home.rglob("*.md")} == before
