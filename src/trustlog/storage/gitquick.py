"""The journal's git repository, looked at without starting anything heavy.

`trustlog sync` with nothing to do should cost about what `git status` of the
journal costs (docs/sync.md, "How fast"). Python itself starts in about a
third of that, but the usual way through typer, subprocess, pathlib and
dataclasses costs several times it. So what a sync needs to see that there
is nothing to do lives here, on `os` and `sys` alone:

- the remote's address, read from the repository's own `config` file when it
  is written plainly (anything else: `None`, and the caller asks git);
- when this device last synced, in `.sync/last-sync`, a file of ours (so a
  sync with nothing to do writes no git config);
- the remote's branch (`git ls-remote`) and this device's state (`git status`:
  the branch's commit, and whether any file differs from it), asked of git in
  two processes that run at the same time.

storage/git.py builds its environment for git from `git_env` here, so the two
run git the same way.
"""

from __future__ import annotations

import os

SYNC_FOLDER = ".sync"
GIT_FOLDER = "git"
LAST_SYNC_FILE = "last-sync"
MARKER = "merging"  # a landed merge not yet committed (domain/sync/service.py)
BRANCH = "main"
REMOTE = "origin"
HEAD_REF = f"refs/heads/{BRANCH}"
CHANGE_RECORD = ".change.json"  # the journal's change record (storage/change.py)
IDENTITY_FILE = "identity.age"  # an encrypted journal's key (storage/crypt.py)
# Config values holding these are quoted, escaped or commented: git reads them then.
_NOT_PLAIN = frozenset('"\\;#')


def git_env(root: str, batch: bool, with_repo: bool = True) -> dict[str, str]:
    """The environment every git of trustlog's runs in: no prompts, no pager, none of
    the system's or the person's own git settings, English messages."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "SSH_ASKPASS"))}
    env.update(
        GIT_TERMINAL_PROMPT="0",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_PAGER="cat",
        PAGER="cat",
        GIT_EDITOR=":",
        GIT_ADVICE="0",
        LC_ALL="C",
        LANGUAGE="C",
    )
    if batch:  # no terminal: ssh may not ask for a key's passphrase either
        env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"
    if with_repo:
        env["GIT_DIR"] = os.path.join(root, SYNC_FOLDER, GIT_FOLDER)
        env["GIT_WORK_TREE"] = root
    return env


def config_value(git_dir: str, section: str, subsection: str | None, key: str) -> str | None:
    """A value of the repository's `config`, when the file writes it plainly.

    None when it is not there, or not plain (quoted, escaped, continued, behind
    an include): then git itself must be asked. Section and key names are
    compared as git does, without case; the subsection exactly; the last wins.
    """
    try:
        with open(os.path.join(git_dir, "config"), "rb") as file:
            raw = file.read()
    except OSError:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    wanted = (section.lower(), subsection)
    here: tuple[str, str | None] | None = None
    found: str | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            here = _section(line)
            if here is None or here[0] == "include" or here[0] == "includeif":
                return None  # a form we do not read, or settings from elsewhere
            continue
        name, equals, value = line.partition("=")
        if here != wanted or name.strip().lower() != key.lower():
            continue
        value = value.strip()
        if not equals or not value or _NOT_PLAIN.intersection(value) or value.endswith("\\"):
            return None
        found = value
    return found


def _section(line: str) -> tuple[str, str | None] | None:
    """`[name]` or `[name "sub"]` (a subsection without quotes or backslashes)."""
    if not line.endswith("]"):
        return None
    inner = line[1:-1].strip()
    name, space, rest = inner.partition(" ")
    if not space:
        return (name.lower(), None) if "." not in name and '"' not in name else None
    rest = rest.strip()
    if len(rest) < 2 or rest[0] != '"' or rest[-1] != '"' or "\\" in rest:
        return None
    sub = rest[1:-1]
    return (name.lower(), sub) if '"' not in sub else None


def remote_url(root: str) -> str | None:
    return config_value(os.path.join(root, SYNC_FOLDER, GIT_FOLDER), "remote", REMOTE, "url")


def last_sync(root: str) -> str | None:
    """When this device last synced (an ISO time), as `stamp` wrote it; None if never."""
    try:
        with open(os.path.join(root, SYNC_FOLDER, LAST_SYNC_FILE), "rb") as file:
            return file.read().decode("ascii", "replace").strip() or None
    except OSError:
        return None


def stamp(root: str, when: str) -> None:
    """Note when this device last synced: a file of ours in `.sync/`, never sent.

    A new file renamed into place, 0600. It is not flushed to disk: losing the
    time of a sync to a power cut loses nothing of the journal.
    """
    folder = os.path.join(root, SYNC_FOLDER)
    temporary = os.path.join(folder, f".{LAST_SYNC_FILE}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, when.encode("ascii") + b"\n")
    finally:
        os.close(fd)
    os.replace(temporary, os.path.join(folder, LAST_SYNC_FILE))


def _spawn(argv: list[str], env: dict[str, str]) -> tuple[int, int]:
    """Start a program with its output on a pipe (errors to /dev/null): (pid, read end)."""
    read, write = os.pipe()
    actions = [
        (os.POSIX_SPAWN_DUP2, write, 1),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_CLOSE, read),
        (os.POSIX_SPAWN_CLOSE, write),
    ]
    try:
        pid = os.posix_spawnp(argv[0], argv, env, file_actions=actions)
    except BaseException:
        os.close(read)
        raise
    finally:
        os.close(write)
    return pid, read


def _finish(pid: int, read: int) -> tuple[int, bytes]:
    """What a spawned program wrote, and how it ended (its exit code, or -1)."""
    chunks = []
    try:
        while chunk := os.read(read, 65536):
            chunks.append(chunk)
    finally:
        os.close(read)
        _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    return code, b"".join(chunks)


def in_step(root: str, batch: bool) -> bool:
    """Whether this device and its remote provably hold the same journal, asking git
    twice at once: the remote's branch is this device's commit, and no file here
    (staged or not, new or removed) differs from that commit.

    Any doubt (git missing, the remote not answering, a lock, anything unusual)
    is False: the whole sync then runs, and says what went wrong.
    """
    env = git_env(root, batch)
    started: list[tuple[int, int]] = []
    try:
        started.append(_spawn(["git", "ls-remote", REMOTE, HEAD_REF], env))
        started.append(
            _spawn(
                [
                    "git",
                    # git may refresh its index (the stat data of files unchanged), which
                    # keeps the next look fast; only git of ours writes it, under the lock.
                    "status",
                    "--porcelain=v2",
                    "--branch",
                    "-z",
                    "--untracked-files=all",
                ],
                env,
            )
        )
    except OSError:
        for pid, read in started:
            _finish(pid, read)
        return False
    (remote_code, remote), (status_code, status) = (_finish(*one) for one in started)
    if remote_code != 0 or status_code != 0:
        return False
    tip = remote.split(b"\t", 1)[0].strip()
    head = oid = None
    for record in status.split(b"\0"):
        if not record:
            continue
        if not record.startswith(b"# "):
            return False  # a file that differs, or one git does not know yet
        name, _, value = record[2:].partition(b" ")
        if name == b"branch.oid":
            oid = value
        elif name == b"branch.head":
            head = value
    return head == BRANCH.encode() and len(tip) == 40 and oid == tip


def encrypted(root: str) -> bool:
    """Whether the journal is encrypted (its `identity.age`, storage/crypt.py): then every
    command asks for the passphrase, a sync with nothing to do too, so the whole one runs."""
    return os.path.lexists(os.path.join(root, IDENTITY_FILE))


def pending(root: str) -> bool:
    """Whether something a killed command or sync left waits to be finished."""
    return os.path.lexists(os.path.join(root, CHANGE_RECORD)) or os.path.lexists(
        os.path.join(root, SYNC_FOLDER, MARKER)
    )


def hold_sync_lock(root: str) -> int | None:
    """`.sync/lock` held (storage/git.py's, so two syncs take turns), or None if another
    sync holds it; the lock ends when the descriptor is closed, or the process ends."""
    import fcntl  # a built-in module: no cost

    try:
        fd = os.open(os.path.join(root, SYNC_FOLDER, "lock"), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def private_folder(root: str) -> bool:
    """Whether the journal folder is there and open to no one else (else the whole
    command runs, and says so)."""
    try:
        mode = os.stat(root).st_mode
    except OSError:
        return False
    return (mode & 0o170000) == 0o040000 and not mode & 0o077
