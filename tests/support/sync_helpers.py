"""Devices for the sync tests: journal folders beside one bare repository, all in tmp.

Nothing here reaches a network: the remote is a folder made by `git init --bare`.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def bare(path: Path) -> Path:
    subprocess.run(["git", "init", "--quiet", "--bare", str(path)], check=True)
    return path


def git(repo: Path, *args: str, data: bytes | None = None) -> bytes:
    """git on a bare repository (the remote), with no config of the machine's."""
    env = {
        "GIT_CONFIG_NOSYSTEM": "1",
        # A file never made, beside the repository in tmp: git reads no global config.
        "GIT_CONFIG_GLOBAL": str(repo.parent / "no-global-gitconfig"),
        "PATH": os.environ["PATH"],
        "GIT_AUTHOR_NAME": "someone",
        "GIT_AUTHOR_EMAIL": "someone@example.org",
        "GIT_COMMITTER_NAME": "someone",
        "GIT_COMMITTER_EMAIL": "someone@example.org",
    }
    done = subprocess.run(
        ["git", f"--git-dir={repo}", *args], input=data, capture_output=True, env=env, check=True
    )
    return done.stdout


def everything_in(repo: Path) -> bytes:
    """Every object the repository holds (blobs, trees, commits), uncompressed."""
    return git(repo, "cat-file", "--batch-all-objects", "--batch")


def messages(repo: Path) -> str:
    return git(repo, "log", "--all", "--format=%an %ae%n%B").decode()


@dataclass
class Device:
    """One journal folder, run through the CLI runner with `--journal`."""

    root: Path
    cli: Callable[..., Any]

    def __call__(self, *args: str) -> Any:
        return self.cli("--journal", str(self.root), *args)

    def ok(self, *args: str) -> Any:
        run = self(*args)
        assert run.exit_code == 0, run.stderr
        return run

    def entries(self) -> str:
        run = self("entries", "--json")
        assert run.exit_code == 0, run.stderr
        return str(run.stdout)

    def sync(self) -> dict[str, Any]:
        run = self("sync", "--json")
        assert run.exit_code == 0, run.stderr
        data: dict[str, Any] = run.json()
        return data
