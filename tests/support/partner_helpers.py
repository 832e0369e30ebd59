"""Two journals side by side, as two people with a laptop each (tests of sharing)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import Run


def tree(root: Path) -> dict[str, str]:
    """Every file under `root` with a hash of its bytes: what "nothing changed" compares."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != ".lock"
    }


@dataclass
class Person:
    """One person's journal, driven through the CLI with `--journal`."""

    cli: Callable[..., Run]
    home: Path
    out: Path  # where their shares are written

    def __call__(self, *args: str) -> Run:
        return self.cli("--journal", str(self.home), *args)

    def json(self, *args: str) -> Any:
        done = self(*args, "--json")
        assert done.exit_code == 0, done.stderr
        return json.loads(done.stdout)

    @property
    def code(self) -> str:
        return str(self.json("partner", "code")["code"])

    def share(self, name: str, *args: str) -> Path:
        path = self.out / name
        done = self("share", "--yes", "--output", str(path), *args)
        assert done.exit_code == 0, done.stderr
        return path


def person(cli: Callable[..., Run], tmp_path: Path, name: str) -> Person:
    out = tmp_path / f"{name}-files"
    out.mkdir()
    return Person(cli, tmp_path / name, out)


def pair(cli: Callable[..., Run], tmp_path: Path) -> tuple[Person, Person]:
    """Alex and Sam, each holding the other's code."""
    alex, sam = person(cli, tmp_path, "alex"), person(cli, tmp_path, "sam")
    assert alex("partner", "add", sam.code, "--name", "Sam").exit_code == 0
    assert sam("partner", "add", alex.code, "--name", "Alex").exit_code == 0
    return alex, sam
