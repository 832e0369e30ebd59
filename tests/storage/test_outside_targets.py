"""Nothing outside the journal is harmed, and no output lands inside it (issue 17, 1 and 2).

Every command that writes a file outside the journal (`export`, `calendar`)
goes through `storage/outside.py`: each command × each kind of path here.
Devices are never touched: the rule for them is checked on a stat mode.
"""

from __future__ import annotations

import os
import socket
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from trustlog.errors import InputError
from trustlog.storage import outside

COMMANDS = {
    "export": ("export", "--format", "md"),
    "calendar": ("calendar",),
    "share": ("share", "--yes"),
}
FIRST_BYTES = {"export": b"# ", "calendar": b"BEGIN:VCALENDAR", "share": b"age-encryption.org"}


@pytest.fixture
def lived(cli, home, tmp_path):
    assert cli("checkin", "--mood", "4", "--note", "A walk by the river.").exit_code == 0
    assert cli("promise", "add", "Text if I'm late", "--due", "18:00").exit_code == 0
    theirs = cli("--journal", str(tmp_path / "partner"), "partner", "code", "--json")
    assert cli("partner", "add", theirs.json()["code"], "--name", "Sam").exit_code == 0
    return home


def test_every_command_that_writes_outside_is_in_the_table():
    """A new command writing outside the journal (through outside.save, or cli/outside.py's
    OutsideFile, which calls it) joins the table."""
    import trustlog.cli

    folder = Path(trustlog.cli.__file__).parent
    calls = ("outside.save(", "OutsideFile.named(")
    writers = {
        path.stem
        for path in folder.glob("*.py")
        if path.stem != "outside" and any(call in path.read_text() for call in calls)
    }
    assert writers == {"export", "calendar", "partner"}  # partner.py holds `share`


def _entry(home: Path) -> Path:
    return next((home / "2026" / "11").glob("*-checkin-*.md"))


def _journal_files(home: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(home)): path.read_bytes()
        for path in sorted(home.rglob("*"))
        if path.is_file() and path.name != ".lock"
    }


# -- 1: never over what is not a regular file ------------------------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "sock"
    held = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    held.bind(str(path))
    yield path
    held.close()


def _special(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    if kind == "fifo":
        path: Path = request.getfixturevalue("fifo")
        return path
    if kind == "socket":
        path = request.getfixturevalue("unix_socket")
        return path
    if kind == "folder":
        path = tmp_path / "a-folder"
        path.mkdir()
        return path
    if kind == "link to a fifo":
        link = tmp_path / "link"
        link.symlink_to(request.getfixturevalue("fifo"))
        return link
    raise AssertionError(kind)


SPECIAL = ("fifo", "socket", "folder", "link to a fifo")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", SPECIAL)
def test_force_never_replaces_what_is_not_a_regular_file(
    cli, lived, tmp_path, request, command, kind
):
    target = _special(kind, tmp_path, request)
    mode = os.lstat(target).st_mode
    run = cli(*COMMANDS[command], "--output", str(target), "--force")
    assert run.exit_code == 2, run.stderr
    assert "--output" in run.stderr and "Traceback" not in run.stderr
    assert os.lstat(target).st_mode == mode  # still a FIFO, a socket, a folder, a link
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_a_socket_is_refused_without_force_too(cli, lived, unix_socket, command):
    run = cli(*COMMANDS[command], "--output", str(unix_socket))
    assert run.exit_code == 2 and "--output" in run.stderr and "socket" in run.stderr
    assert stat.S_ISSOCK(os.lstat(unix_socket).st_mode)


def _reader(path: Path) -> tuple[threading.Thread, list[bytes]]:
    """What a person's `cat pipe` would be: opened first, read until the writer is done."""
    got: list[bytes] = []
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)

    def read() -> None:
        import select

        try:
            while True:
                select.select([fd], [], [], 5)
                chunk = os.read(fd, 65536)
                if not chunk and got:
                    return
                got.append(chunk)
        finally:
            os.close(fd)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


@pytest.mark.parametrize("command", COMMANDS)
def test_without_force_the_bytes_stream_into_a_fifo_someone_reads(cli, lived, fifo, command):
    thread, got = _reader(fifo)
    run = cli(*COMMANDS[command], "--output", str(fifo))
    assert run.exit_code == 0, run.stderr
    thread.join(10)
    data = b"".join(got)
    assert data.startswith(FIRST_BYTES[command])
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the FIFO


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_nobody_reads_is_refused_at_once_never_waited_on(cli, lived, fifo, command):
    run = cli(*COMMANDS[command], "--output", str(fifo))
    assert run.exit_code == 2
    assert "--output" in run.stderr and "nothing is reading" in run.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize(
    ("mode", "replace", "expected"),
    [
        (None, False, outside.Target.NEW),
        (None, True, outside.Target.NEW),
        (stat.S_IFREG | 0o600, False, outside.Target.FILE),
        (stat.S_IFREG | 0o600, True, outside.Target.FILE),
        (stat.S_IFIFO | 0o600, False, outside.Target.STREAM),
        (stat.S_IFCHR | 0o666, False, outside.Target.STREAM),  # /dev/null, a terminal
        (stat.S_IFIFO | 0o600, True, "never replace"),
        (stat.S_IFCHR | 0o666, True, "never replace"),  # --output /dev/null --force
        (stat.S_IFBLK | 0o660, False, "never replace"),  # a disk: never written into
        (stat.S_IFBLK | 0o660, True, "never replace"),
        (stat.S_IFSOCK | 0o755, False, "never replace"),
        (stat.S_IFSOCK | 0o755, True, "never replace"),
        (stat.S_IFDIR | 0o700, False, "is a folder"),
        (stat.S_IFDIR | 0o700, True, "is a folder"),
    ],
)
def test_the_rule_for_every_kind_of_file(mode, replace, expected):
    target = Path("/somewhere/out")
    if isinstance(expected, outside.Target):
        assert outside.target_of(mode, target, "--output", replace) is expected
    else:
        with pytest.raises(InputError, match=expected) as raised:
            outside.target_of(mode, target, "--output", replace)
        assert raised.value.message.startswith("--output: /somewhere/out")
        assert raised.value.exit_code == 2


def test_a_device_is_named_as_one(monkeypatch, tmp_path):
    """What `--output /dev/null --force` meets, without touching /dev: a stat saying
    'character device' for a path in the test's own folder."""
    target = tmp_path / "null"
    target.write_bytes(b"")
    real_stat = Path.stat

    def device_stat(self: Path, **kwargs: object) -> os.stat_result:
        found = real_stat(self)
        if self == target:
            values = list(found)
            values[0] = stat.S_IFCHR | 0o666
            return os.stat_result(values)
        return found

    monkeypatch.setattr(Path, "stat", device_stat)
    with pytest.raises(InputError, match="is a device, not a file") as raised:
        outside.save(target, b"x", journal=tmp_path / "journal", replace=True)
    assert "--force" in raised.value.message
    assert target.read_bytes() == b""


@pytest.mark.parametrize("command", COMMANDS)
def test_a_regular_file_is_still_replaced_with_force(cli, lived, tmp_path, command):
    target = tmp_path / "old.txt"
    target.write_bytes(b"old")
    assert cli(*COMMANDS[command], "--output", str(target)).exit_code == 2
    assert target.read_bytes() == b"old"
    assert cli(*COMMANDS[command], "--output", str(target), "--force").exit_code == 0
    assert target.read_bytes() != b"old" and stat.S_IMODE(target.stat().st_mode) == 0o600


# -- 2: never inside the journal -----------------------------------------------------------


def _inside(kind: str, home: Path, tmp_path: Path) -> Path:
    """A path that resolves into the journal folder, of each kind a person could give."""
    if kind == "the journal itself":
        return home
    if kind == "an entry":
        return _entry(home)
    if kind == "journal.toml":
        return home / "journal.toml"
    if kind == "a new name like an entry":
        return home / "2026" / "11" / "2026-11-21-checkin-abcde.md"
    if kind == "a change record":
        return home / ".change.json"
    if kind == "a new file in the journal":
        return home / "export.md"
    if kind == "a promise's folder":
        return home / "promises" / "promise-abcde.md"
    if kind == "a link to an entry":
        link = tmp_path / "innocent.md"
        link.symlink_to(_entry(home))
        return link
    if kind == "a link to a new name inside":
        link = tmp_path / "dangling.md"
        link.symlink_to(home / "2026" / "11" / "2026-11-22-checkin-bcdef.md")
        return link
    if kind == "a new file in a linked folder":
        link = tmp_path / "looks-outside"
        link.symlink_to(home)
        return link / "export.md"
    if kind == "a path with ..":
        return tmp_path / "elsewhere" / ".." / home.name / "2026" / "export.md"
    raise AssertionError(kind)


INSIDE = (
    "the journal itself",
    "an entry",
    "journal.toml",
    "a new name like an entry",
    "a change record",
    "a new file in the journal",
    "a promise's folder",
    "a link to an entry",
    "a link to a new name inside",
    "a new file in a linked folder",
    "a path with ..",
)


@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", INSIDE)
def test_no_output_lands_inside_the_journal(cli, lived, tmp_path, command, kind, force):
    (tmp_path / "elsewhere").mkdir()
    target = _inside(kind, lived, tmp_path)
    before = _journal_files(lived)
    run = cli(*COMMANDS[command], "--output", str(target), *(["--force"] if force else []))
    assert run.exit_code == 2, run.stderr
    assert "--output" in run.stderr and "inside your journal folder" in run.stderr
    assert _journal_files(lived) == before
    assert cli("entries", "--json").exit_code == 0


def test_the_default_name_in_the_journal_folder_is_refused_too(cli, lived, monkeypatch):
    monkeypatch.chdir(lived)
    before = _journal_files(lived)
    run = cli("export")
    assert run.exit_code == 2 and "inside your journal folder" in run.stderr
    monkeypatch.chdir(lived / "2026" / "11")
    assert cli("calendar").exit_code == 2
    assert _journal_files(lived) == before


def test_a_name_beside_the_journal_is_fine(cli, lived, tmp_path):
    beside = tmp_path / (lived.name + "-export.md")  # shares the journal's name as a prefix
    assert cli("export", "--output", str(beside)).exit_code == 0
    assert beside.is_file()


def test_save_itself_refuses_the_journal_whoever_calls_it(tmp_path):
    """The rule is in `save`, so every command that writes outside (share too) has it."""
    home = tmp_path / "journal"
    home.mkdir()
    with pytest.raises(InputError, match="inside your journal folder"):
        outside.save(home / "x.md", b"x", journal=home)
    assert not (home / "x.md").exists()
