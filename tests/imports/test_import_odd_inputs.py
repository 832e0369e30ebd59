"""Every importer × every odd input: exit 2 naming the file and the entry, never a
traceback, nothing imported (issue 17, class 5).

What `/dev/zero` or `/dev/full` would be as the file is checked without touching
/dev: a FIFO of the test's own, a socket, and the rule on a stat mode.
"""

from __future__ import annotations

import io
import json
import os
import socket
import stat
from pathlib import Path
from typing import Any

import pytest

from trustlog.domain.imports.service import MOST_NESTED
from trustlog.errors import InputError
from trustlog.storage import outside

IMPORTERS = ("trustlog", "jrnl")


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _jrnl(**changed: Any) -> dict[str, Any]:
    entry = {
        "title": "A quiet evening.",
        "body": "We talked.",
        "date": "2026-11-20",
        "time": "21:05",
        "tags": ["@home"],
        "starred": False,
    }
    entry.update(changed)
    return {"tags": {"@home": 1}, "entries": [entry]}


def _exported(cli, home: Path) -> dict[str, Any]:
    """A real export of a small journal, made and then emptied again."""
    assert cli("init", "--name", "Zoë").exit_code == 0
    assert cli("checkin", "--date", "2026-11-20", "--mood", "3", "--note", "ok").exit_code == 0
    data: dict[str, Any] = json.loads(cli("export", "--format", "json", "--output", "-").stdout)
    for path in sorted(home.rglob("*"), reverse=True):
        if path.is_file():
            path.unlink()
        else:
            path.rmdir()
    return data


def _with_checkin(data: dict[str, Any], change: Any) -> dict[str, Any]:
    item = next(item for item in data["entries"] if item["entry"]["kind"] == "checkin")
    change(item)
    return data


def _odd_text(importer: str, where: str, cli, home: Path) -> dict[str, Any]:
    """A file whose `where` holds a lone surrogate (what JSON's \\ud800 reads as)."""
    bad = "before \ud800 after"
    if importer == "jrnl":
        if where == "text":
            return _jrnl(body=bad)
        if where == "tag":
            return _jrnl(tags=[bad])
        if where == "key":
            return _jrnl(**{bad: "x"})
        if where == "title":
            return _jrnl(title=bad)
        if where == "deep":
            return _jrnl(extra=_nested(900))
        raise AssertionError(where)
    data = _exported(cli, home)
    if where == "text":

        def note(item: dict[str, Any]) -> None:
            item["file"] = item["file"].replace("ok", bad)
            item["entry"]["note"] = bad

        return _with_checkin(data, note)
    if where == "tag":  # a hand-added list of words
        return _with_checkin(data, lambda item: item["entry"].update(tags=[bad]))
    if where == "key":
        return _with_checkin(data, lambda item: item["entry"].update({bad: 1}))
    if where == "title":  # the profile's name
        data["profile"]["name"] = bad
        return data
    if where == "deep":
        return _with_checkin(data, lambda item: item["entry"].update(deep=_nested(900)))
    raise AssertionError(where)


ODD_TEXT = ("text", "tag", "key", "title", "deep")


@pytest.mark.parametrize("where", ODD_TEXT)
@pytest.mark.parametrize("importer", IMPORTERS)
def test_text_that_cannot_be_saved_is_refused_naming_the_entry(
    cli, home, tmp_path, importer, where
):
    data = _odd_text(importer, where, cli, home)
    source = tmp_path / "odd.json"
    source.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii: \ud800 as JSON has it
    run = cli("import", importer, str(source))
    assert run.exit_code == 2, run.stderr
    assert str(source) in run.stderr and "Traceback" not in run.stderr
    if importer == "trustlog" and where == "title":
        assert "profile" in run.stderr
    else:
        assert "entry 1" in run.stderr or "entry 2" in run.stderr
    assert ("Unicode" in run.stderr) == (where != "deep")
    assert not list(home.glob("20*/*/*.md"))


@pytest.mark.parametrize("importer", IMPORTERS)
def test_nesting_up_to_the_limit_is_still_imported(cli, home, tmp_path, importer):
    deep = _jrnl(extra=_nested(MOST_NESTED - 2)) if importer == "jrnl" else None
    data = deep or _exported(cli, home)
    source = tmp_path / "fine.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    assert cli("import", importer, str(source)).exit_code == 0


def _not_a_file(kind: str, tmp_path: Path, monkeypatch) -> Path:
    if kind == "a FIFO":
        path = tmp_path / "pipe"
        os.mkfifo(path)
        return path
    if kind == "a link to a FIFO":
        os.mkfifo(tmp_path / "pipe")
        (tmp_path / "link.json").symlink_to(tmp_path / "pipe")
        return tmp_path / "link.json"
    if kind == "a socket":
        monkeypatch.chdir(tmp_path)
        held = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        held.bind("sock")
        held.close()
        return tmp_path / "sock"
    if kind == "a folder":
        return tmp_path
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["a FIFO", "a link to a FIFO", "a socket", "a folder"])
@pytest.mark.parametrize("importer", IMPORTERS)
def test_what_is_not_a_file_is_refused_before_it_is_read(
    cli, home, tmp_path, monkeypatch, importer, kind
):
    path = _not_a_file(kind, tmp_path, monkeypatch)
    run = cli("import", importer, str(path))  # a FIFO read would wait here forever
    assert run.exit_code == 2, run.stderr
    assert str(path) in run.stderr and "Traceback" not in run.stderr
    assert not home.exists() or not list(home.glob("20*"))


@pytest.mark.parametrize(
    ("mode", "refused"),
    [
        (stat.S_IFCHR | 0o666, "a device"),  # /dev/zero, /dev/full, /dev/urandom
        (stat.S_IFBLK | 0o660, "a disk device"),
        (stat.S_IFIFO | 0o600, "a FIFO"),
        (stat.S_IFDIR | 0o755, "a folder"),
    ],
)
def test_the_rule_for_a_file_to_import(mode, refused, tmp_path):
    with pytest.raises(InputError, match=refused):
        outside._readable_kind(tmp_path / "zero", mode, 0, outside.READ_LIMIT)


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_file_far_larger_than_any_export_is_refused_unread(
    cli, home, tmp_path, monkeypatch, importer
):
    monkeypatch.setattr(outside, "READ_LIMIT", 1000)
    source = tmp_path / "huge.json"
    source.write_bytes(b"[" + b"0," * 1000 + b"0]")
    run = cli("import", importer, str(source))
    assert run.exit_code == 2 and "larger than" in run.stderr and str(source) in run.stderr


def test_the_limit_is_generous():
    assert outside.READ_LIMIT >= 200 * 1024 * 1024


@pytest.mark.parametrize(
    ("mode", "terminal", "allowed"),
    [
        (stat.S_IFIFO | 0o600, False, True),  # jrnl --export json | trustlog import jrnl -
        (stat.S_IFREG | 0o600, False, True),  # < file.json
        (stat.S_IFCHR | 0o620, True, True),  # a terminal: typed or pasted
        (stat.S_IFCHR | 0o666, False, False),  # < /dev/zero
        (stat.S_IFBLK | 0o660, False, False),
    ],
)
def test_what_stdin_may_be(mode, terminal, allowed):
    assert outside.stdin_may_be(mode, terminal) is allowed


def test_stdin_is_read_no_further_than_the_limit(monkeypatch):
    monkeypatch.setattr(outside, "READ_LIMIT", 10)
    endless = io.BytesIO(b"0" * 1000)
    with pytest.raises(InputError, match="larger than"):
        outside.read_stream(endless, "stdin")
    assert endless.tell() == 11  # never more than the limit and one byte


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_too_large_stdin_is_refused(cli, home, monkeypatch, importer):
    monkeypatch.setattr(outside, "READ_LIMIT", 100)
    run = cli("import", importer, "-", input="[" + "0," * 100 + "0]")
    assert run.exit_code == 2 and "stdin" in run.stderr and "larger than" in run.stderr
