"""The journal's git repository, for `trustlog sync`: the `git` program, driven.

Git's data lives beside the entries, in `.sync/git` inside the journal folder,
with the journal folder as its work tree (`--git-dir` and `--work-tree`, as
environment variables). So the journal is not a git work tree a person would
stumble on (`git status` inside it finds nothing), the repository travels with
the folder, and nothing of it is ever committed (`.sync/` is ignored).

trustlog never lets git merge or check out files: it reads the other side's
files from git's objects (`cat-file --batch`) and writes the journal itself,
through its own change record (domain/sync/). Git is used for what it is good
at: storing versions, finding what changed since the common ancestor, and
moving objects to and from the remote. Each call runs with an environment of
our own: no prompts, no pager, no system or global configuration (so no hooks,
signing, filters or line-ending conversion a person's own git settings may
hold), English messages.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from trustlog.errors import JournalError
from trustlog.storage import gitquick
from trustlog.storage.gitquick import BRANCH, GIT_FOLDER, HEAD_REF, REMOTE, SYNC_FOLDER, git_env

SYNC_LOCK = "lock"
REMOTE_REF = f"refs/remotes/{REMOTE}/{BRANCH}"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
# Who commits: never the person's name (the remote keeps every commit's author).
AUTHOR = ("trustlog", "trustlog@localhost")

# What never leaves this device (git's `info/exclude`: nothing of it sits in the journal).
IGNORED = """\
# trustlog sync: what never leaves this device (docs/sync.md)
/.sync/
/.lock
/.change.json
.*.tmp
/.editing/
.edit-*
*.open
/cache/
/backups/
/readable/
"""
# Git never diffs, merges or converts line endings of any file: an encrypted journal's
# `.md` files are age files, and trustlog merges entries by its own rules.
ATTRIBUTES = """\
# trustlog sync: git never merges, diffs or converts a journal file (docs/sync.md)
* binary
"""
CONFIG = {
    "user.name": AUTHOR[0],
    "user.email": AUTHOR[1],
    "core.autocrlf": "false",
    "core.quotepath": "false",
    "core.fsync": "committed",  # objects and refs reach the disk before a commit counts
    "gc.autoDetach": "false",  # no git left running after trustlog returns
    "commit.gpgsign": "false",
    "push.default": "simple",
}


class Unreachable(JournalError):
    """The remote could not be reached (or refused us): exit 1, nothing local changed."""


@dataclass(frozen=True)
class Change:
    """One path git saw change between two commits; `blob` None when it was removed."""

    path: str
    blob: str | None


def git_program() -> str:
    """The `git` program, or a clear error saying how to install it."""
    found = shutil.which("git")
    if found is None:
        raise JournalError(
            "trustlog sync needs the git program, and it is not installed here.",
            hint="Install git (Debian/Ubuntu: `sudo apt install git`, macOS: "
            "`xcode-select --install`), then run the command again. Nothing was changed.",
        )
    return found


class Repo:
    """The journal's git repository (`.sync/git`), its work tree the journal folder."""

    def __init__(self, root: Path, *, batch: bool = True) -> None:
        self.root = root.absolute()  # git runs in the journal folder: no relative path holds
        self.folder = self.root / SYNC_FOLDER
        self.git_dir = self.folder / GIT_FOLDER
        self.batch = batch  # no terminal: ssh may not ask for a key's passphrase either
        self._program: str | None = None

    # -- running git ------------------------------------------------------------

    @property
    def program(self) -> str:
        if self._program is None:
            self._program = git_program()
        return self._program

    def env(self, with_repo: bool = True) -> dict[str, str]:
        return git_env(str(self.root), self.batch, with_repo)

    def run(
        self,
        *args: str,
        data: bytes | None = None,
        check: bool = True,
        with_repo: bool = True,
    ) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(
            [self.program, *args],
            input=data,
            capture_output=True,
            env=self.env(with_repo),
            cwd=self.root if with_repo else None,
            check=False,
        )
        if check and done.returncode != 0:
            raise JournalError(
                f"git {args[0]} failed in {self.git_dir}: {last_line(done.stderr)}",
                hint="Nothing of your entries was changed; `trustlog sync` tries again.",
            )
        return done

    def out(self, *args: str, data: bytes | None = None) -> str:
        return self.run(*args, data=data).stdout.decode("utf-8", "replace").strip()

    # -- the repository -----------------------------------------------------------

    @property
    def exists(self) -> bool:
        return (self.git_dir / "HEAD").is_file()

    def init(self, remote: str) -> None:
        """Make the repository (no template: no sample hooks), its settings and remote."""
        from trustlog.storage import atomic

        atomic.ensure_folder(self.folder)
        # GIT_DIR alone: git would write the work tree's place into the config with
        # GIT_WORK_TREE, and the journal folder could no longer move. Each call names it.
        env = self.env()
        del env["GIT_WORK_TREE"]
        made = subprocess.run(
            [
                self.program,
                "init",
                "--quiet",
                "--template=",
                "--shared=0600",
                f"--initial-branch={BRANCH}",
            ],
            capture_output=True,
            env=env,
            cwd=self.folder,
            check=False,
        )
        if made.returncode != 0:
            raise JournalError(f"Could not make {self.git_dir}: {last_line(made.stderr)}")
        self.run("config", "core.bare", "false")
        self.run("config", "core.logAllRefUpdates", "true")
        for key, value in CONFIG.items():
            self.run("config", key, value)
        info = self.git_dir / "info"
        atomic.ensure_folder(info)
        atomic.write_atomic(info / "exclude", IGNORED.encode("utf-8"))
        atomic.write_atomic(info / "attributes", ATTRIBUTES.encode("utf-8"))
        self.run("remote", "add", REMOTE, remote)

    def _ignore_current(self) -> None:
        """A repository made by an earlier version ignores what this one ignores too
        (`readable/` came later): nothing the person keeps on one device ever leaves it."""
        from trustlog.storage import atomic

        exclude = self.git_dir / "info" / "exclude"
        wanted = IGNORED.encode("utf-8")
        try:
            if exclude.read_bytes() == wanted:
                return
        except OSError:
            pass
        atomic.ensure_folder(exclude.parent)
        atomic.write_atomic(exclude, wanted)

    def tidy(self) -> None:
        """Pack loose objects now, if there are many (a journal just sent whole), so git's
        own automatic packing does not land on some later sync and make it slow."""
        self.run("gc", "--auto", "--quiet")

    def forget(self) -> None:
        """Take away a repository a failed `sync setup` made, leaving the journal as it was."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def remote_url(self) -> str | None:
        """The remote's address: from the config file when it is written plainly there,
        else as git reads it."""
        found = gitquick.remote_url(str(self.root))
        if found is not None:
            return found
        done = self.run("config", "--get", f"remote.{REMOTE}.url", check=False)
        return done.stdout.decode("utf-8", "replace").strip() or None

    @contextlib.contextmanager
    def sync_lock(self, wait: float) -> Iterator[None]:
        """`.sync/lock`: one sync at a time on this device (lock.Busy after `wait` seconds)."""
        from trustlog.storage import atomic, lock

        atomic.ensure_folder(self.folder)
        with lock.hold(self.folder / SYNC_LOCK, wait, atomic.FILE_MODE, None):
            yield

    def clear_stale_locks(self) -> None:
        """Lock files a killed git left (we hold the journal's lock: no git is running here)."""
        for name in ("index.lock", "HEAD.lock", "config.lock", "packed-refs.lock"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.git_dir / name)
        refs = self.git_dir / "refs"
        for folder, _, names in os.walk(refs):
            for name in names:
                if name.endswith(".lock"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(Path(folder) / name)

    # -- the remote ----------------------------------------------------------------

    def remote_tip(self, url: str) -> str | None:
        """The remote's journal branch, or None for an empty repository; Unreachable else."""
        done = self.run("ls-remote", "--", url, HEAD_REF, check=False, with_repo=False)
        if done.returncode != 0:
            raise _unreachable(url, done.stderr)
        line = done.stdout.decode("ascii", "replace").split()
        return line[0] if line else None

    def fetch(self) -> None:
        """Fetch the remote's branch (`tips` then says where it is)."""
        done = self.run(
            "fetch",
            "--quiet",
            "--no-tags",
            "--prune",
            REMOTE,
            f"+refs/heads/*:refs/remotes/{REMOTE}/*",
            check=False,
        )
        if done.returncode != 0:
            raise _unreachable(self.remote_url() or REMOTE, done.stderr)

    def push(self) -> bool:
        """Send the branch; False when the remote moved meanwhile (never forced)."""
        done = self.run(
            "push", "--porcelain", "--quiet", REMOTE, f"{HEAD_REF}:{HEAD_REF}", check=False
        )
        if done.returncode == 0:
            self.run("update-ref", REMOTE_REF, HEAD_REF)
            return True
        said = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
        if "[rejected]" in said or "fetch first" in said or "non-fast-forward" in said:
            return False
        raise _unreachable(self.remote_url() or REMOTE, done.stderr, sending=True)

    # -- commits and trees ----------------------------------------------------------

    def rev(self, name: str) -> str | None:
        done = self.run("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}", check=False)
        return done.stdout.decode("ascii").strip() or None

    def blob_at(self, commit: str, path: str) -> str | None:
        """The blob of `path` in `commit` (None: not there)."""
        done = self.run("rev-parse", "--verify", "--quiet", f"{commit}:{path}", check=False)
        return done.stdout.decode("ascii").strip() or None

    def tips(self) -> tuple[str | None, str, str | None]:
        """This branch's commit and tree, and the remote's commit as last fetched, in one
        call (None: no commit yet; the tree of none is the empty tree)."""
        raw = self.out(
            "for-each-ref", "--format=%(refname) %(objectname) %(tree)", HEAD_REF, REMOTE_REF
        )
        found = {line.split()[0]: line.split()[1:] for line in raw.splitlines() if line}
        head = found.get(HEAD_REF)
        remote = found.get(REMOTE_REF)
        return (
            head[0] if head else None,
            head[1] if head else EMPTY_TREE,
            remote[0] if remote else None,
        )

    def head(self) -> str | None:
        return self.rev(HEAD_REF)

    def tree_of(self, commit: str | None) -> str:
        return EMPTY_TREE if commit is None else self.out("rev-parse", f"{commit}^{{tree}}")

    def is_ancestor(self, older: str, newer: str) -> bool:
        return self.run("merge-base", "--is-ancestor", older, newer, check=False).returncode == 0

    def merge_base(self, one: str, other: str) -> str | None:
        done = self.run("merge-base", one, other, check=False)
        return done.stdout.decode("ascii").strip() or None

    def stage_all(self) -> str:
        """Stage the work tree as it is (what is ignored stays out); the tree it makes."""
        self._ignore_current()
        self.run("add", "--all", "--", ".")
        return self.out("write-tree")

    def commit(self, tree: str, parents: Iterable[str], message: str) -> str:
        """A commit of `tree` on top of `parents`, made the branch's tip."""
        args = ["commit-tree", tree]
        for parent in parents:
            args += ["-p", parent]
        made = self.out(*args, "-m", message)
        old = self.head()
        self.run("update-ref", HEAD_REF, made, *([old] if old else []))
        return made

    def move_to(self, commit: str) -> None:
        """Make `commit` the branch's tip, and the index its tree (the files are already so)."""
        self.run("update-ref", HEAD_REF, commit)
        self.run("read-tree", HEAD_REF)

    def changes(self, old: str | None, new: str | None) -> dict[str, str | None]:
        """Each path that differs from `old` to `new` (commits or trees; None: nothing),
        and its blob in `new` (None: removed)."""
        raw = self.run(
            "diff-tree", "-r", "-z", "--no-renames", old or EMPTY_TREE, new or EMPTY_TREE
        ).stdout
        return _parse_raw_diff(raw)

    def files(self, commit: str) -> dict[str, str]:
        """Every file of `commit`, by path, with its blob."""
        raw = self.run("ls-tree", "-r", "-z", "--full-tree", commit).stdout
        found = {}
        for item in raw.split(b"\0"):
            if not item:
                continue
            meta, path = item.split(b"\t", 1)
            found[path.decode("utf-8", "surrogateescape")] = meta.split()[2].decode("ascii")
        return found

    def blob_of(self, path: str) -> str:
        """Store a file of the work tree as it is (nothing staged); its blob."""
        return self.out("hash-object", "-w", "--", path)

    def blobs(self, shas: Iterable[str]) -> dict[str, bytes]:
        """The bytes of each blob, in one `cat-file --batch`."""
        wanted = list(dict.fromkeys(shas))
        if not wanted:
            return {}
        raw = self.run(
            "cat-file", "--batch", data="".join(f"{s}\n" for s in wanted).encode()
        ).stdout
        found: dict[str, bytes] = {}
        at = 0
        for sha in wanted:
            end = raw.index(b"\n", at)
            header = raw[at:end].split()
            size = int(header[2])
            found[sha] = raw[end + 1 : end + 1 + size]
            at = end + 1 + size + 1
        return found

    def clean(self) -> bool:
        """Whether no file here differs from the branch's tip, staged or not (the cost of
        `git status`, which may refresh the stat data in git's index, nothing else)."""
        raw = self.run("status", "--porcelain=v2", "-z", "--untracked-files=all").stdout
        return not any(item and not item.startswith(b"# ") for item in raw.split(b"\0"))

    def unstaged(self) -> list[str]:
        """Paths of the work tree that differ from the branch's tip (cost: `git status`)."""
        raw = self.run(
            "--no-optional-locks", "status", "--porcelain", "-z", "--untracked-files=all"
        ).stdout
        paths = []
        items = raw.split(b"\0")
        index = 0
        while index < len(items):
            item = items[index]
            index += 1
            if len(item) < 4:
                continue
            if item[:1] in (b"R", b"C"):
                index += 1  # the old name follows a rename
            paths.append(item[3:].decode("utf-8", "surrogateescape"))
        return paths


def _parse_raw_diff(raw: bytes) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    items = raw.split(b"\0")
    index = 0
    while index + 1 < len(items):
        meta, path = items[index], items[index + 1]
        index += 2
        if not meta.startswith(b":"):
            continue
        fields = meta[1:].split()
        blob = fields[3].decode("ascii")
        deleted = fields[4].startswith(b"D") or set(blob) == {"0"}
        found[path.decode("utf-8", "surrogateescape")] = None if deleted else blob
    return found


def last_line(stderr: bytes) -> str:
    """What git said went wrong: its first `fatal:` or `error:` line, else its last line."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line]
    for line in lines:
        if line.startswith("ssh: "):  # the reason under git's "Could not read from remote"
            return line
    for line in lines:
        for prefix in ("fatal: ", "error: "):
            if line.startswith(prefix):
                return line.removeprefix(prefix)
    return lines[-1] if lines else "no reason given"


def _unreachable(url: str, stderr: bytes, sending: bool = False) -> Unreachable:
    what = "send your journal to" if sending else "reach"
    return Unreachable(
        f"Could not {what} {url}: {last_line(stderr)}",
        hint=(
            "Your journal here is saved as it is; `trustlog sync` sends it next time."
            if sending
            else "Nothing was changed. Check that the remote is there (a USB stick plugged "
            "in, a network, the address), then run `trustlog sync` again."
        ),
    )
