"""Running the `git` program for `trustlog sync`: finding it, the environment it runs in
(storage/gitquick.py's `git_env`: no prompts, no pager, none of the person's git
configuration), one call, and what git said when it failed.

storage/git.py's `Repo` is built on `GitRunner`.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from trustlog.errors import JournalError
from trustlog.storage.gitquick import GIT_FOLDER, SYNC_FOLDER, git_env


class Unreachable(JournalError):
    """The remote could not be reached (or refused us): exit 1, nothing local changed."""


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


class GitRunner:
    """Runs git in a journal folder, on its repository (`.sync/git`)."""

    def __init__(self, root: Path, *, batch: bool = True) -> None:
        self.root = root.absolute()  # git runs in the journal folder: no relative path holds
        self.folder = self.root / SYNC_FOLDER
        self.git_dir = self.folder / GIT_FOLDER
        self.batch = batch  # no terminal: ssh may not ask for a key's passphrase either
        self._program: str | None = None

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


def unreachable(url: str, stderr: bytes, sending: bool = False) -> Unreachable:
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
