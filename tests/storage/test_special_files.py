"""Odd things inside the journal are named, at once (issue 17, class 6).

A FIFO or a link named like an entry (or like journal.toml, or the change
record) is damaged: exit 1 naming it, never a hang or a MemoryError. No
test touches /dev: what a link to `/dev/zero` meets is a link out of the
journal, which is refused before it is opened, and the rule for devices is
checked on a stat mode.
"""

from __future__ import annotations

import os
import signal
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from trustlog.errors import JournalError
from trustlog.storage import atomic

TIME_LIMIT = 20  # seconds: far longer than any of these takes, far shorter than forever


@pytest.fixture(autouse=True)
def never_hangs() -> Iterator[None]:
    """A read that blocks fails the test instead of stopping the suite."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("trustlog waited on a file instead of naming it")

    before = signal.signal(signal.SIGALRM, stop)
    signal.alarm(TIME_LIMIT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, before)


@pytest.fixture
def lived(cli, home):
    assert cli("checkin", "--mood", "4", "--note", "A walk.").exit_code == 0
    assert cli("promise", "add", "Text if I'm late").exit_code == 0
    return home


def _make(kind: str, path: Path, home: Path, tmp_path: Path, monkeypatch) -> None:
    """Something that is not a regular file, at `path`."""
    if kind == "a FIFO":
        os.mkfifo(path)
    elif kind == "a link to a FIFO outside":
        os.mkfifo(tmp_path / "outside-pipe")
        path.symlink_to(tmp_path / "outside-pipe")
    elif kind == "a link to a FIFO inside":
        os.mkfifo(home / "pipe")
        path.symlink_to(home / "pipe")
    elif kind == "a link to a file outside":
        (tmp_path / "outside.md").write_text("+++\nkind = 'checkin'\n+++\n")
        path.symlink_to(tmp_path / "outside.md")
    elif kind == "a link to a folder":
        path.symlink_to(tmp_path)
    elif kind == "a socket":
        monkeypatch.chdir(path.parent)  # a socket's name may be 107 bytes at most
        held = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        held.bind(path.name)
        held.close()  # the socket file stays
    else:
        raise AssertionError(kind)


KINDS = (
    "a FIFO",
    "a link to a FIFO outside",
    "a link to a FIFO inside",
    "a link to a file outside",
    "a link to a folder",
    "a socket",
)

PLACES = {
    # where: (the name inside the journal, a command that reads it)
    "a check-in's name": ("2026/11/2026-11-21-checkin-abcde.md", ("entries", "--json")),
    "a promise's name": ("promises/promise-bcdef.md", ("promise", "list", "--json")),
    "journal.toml": ("journal.toml", ("checkin", "--mood", "3")),
    "the change record": (".change.json", ("entries", "--json")),
}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", KINDS)
def test_what_is_not_a_file_is_named_at_once(cli, lived, tmp_path, monkeypatch, kind, place):
    name, command = PLACES[place]
    path = lived / name
    if path.exists():
        path.unlink()
    path.parent.mkdir(exist_ok=True)
    _make(kind, path, lived, tmp_path, monkeypatch)
    run = cli(*command)
    assert run.exit_code == 1, (run.stdout, run.stderr)
    assert name.split("/")[-1] in run.stderr and "Traceback" not in run.stderr
    assert "not a file" in run.stderr
    assert os.path.lexists(path)  # left exactly as it is


def test_a_link_to_an_entry_inside_the_journal_still_reads(cli, lived):
    """A person may link an entry's name to a file kept elsewhere in the journal."""
    entry = next((lived / "2026" / "11").glob("*-checkin-*.md"))
    kept = lived / "kept.md"
    entry.rename(kept)
    entry.symlink_to(kept)
    run = cli("entries", "--json")
    assert run.exit_code == 0, run.stderr
    assert [item["note"] for item in run.json() if item["kind"] == "checkin"] == ["A walk."]


@pytest.mark.parametrize(
    "mode",
    [stat.S_IFCHR | 0o666, stat.S_IFBLK | 0o660, stat.S_IFIFO | 0o600, stat.S_IFSOCK | 0o755],
    ids=["a device like /dev/zero", "a disk", "a FIFO", "a socket"],
)
def test_the_rule_names_every_kind_that_is_not_a_file(mode):
    assert atomic.kind_of(mode) is not None
    assert atomic.kind_of(stat.S_IFREG | 0o600) is None


def test_a_link_to_a_device_is_never_opened(tmp_path, monkeypatch):
    """What `ln -s /dev/zero 2026-11-21-checkin-abcde.md` meets, without /dev: a link
    out of the journal is refused before anything is opened."""
    home = tmp_path / "journal"
    home.mkdir()
    link = home / "2026-11-21-checkin-abcde.md"
    link.symlink_to(tmp_path / "zero")  # where it leads is never looked at, only where
    opened: list[str] = []
    real_open = os.open

    def watching(path: object, *args: object, **kwargs: object) -> int:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", watching)
    with pytest.raises(JournalError, match="outside the journal folder"):
        atomic.read_regular(link, home)
    assert opened == [str(link)]  # the one try with O_NOFOLLOW, which refuses a link
