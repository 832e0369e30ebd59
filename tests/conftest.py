"""Every test gets its own journal, no colour, a fixed width and a fixed "today".

Today is Tuesday 2026-11-24, 20:00 in UTC, unless a test pins another moment
with `at(...)`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from trustlog.cli.app import app
from trustlog.domain.kinds import UNDATED_FOLDERS
from trustlog.storage.journal import Journal

FIXED_NOW = "2026-11-24T20:00:00+00:00"

# The suite runs on every core at once (pytest-xdist), beside pseudo-terminal
# tests that start whole programs: an example that takes long there is a busy
# machine, not slow code. Hypothesis's deadline would make that a failure.
settings.register_profile("trustlog", deadline=None)
settings.load_profile("trustlog")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (pyproject.toml) spreads the suite over every core; one named
    file runs in this process, as starting workers would take longer than its tests."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own setting wins
    files = {arg.split("::")[0] for arg in config.args}
    if len(files) == 1 and (config.invocation_params.dir / files.pop()).is_file():
        return 0
    return None


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "journal"
    monkeypatch.setenv("TRUSTLOG_HOME", str(home))
    monkeypatch.setenv("TRUSTLOG_NOW", FIXED_NOW)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("TZ", "UTC")
    for name in ("VISUAL", "EDITOR", "TRUSTLOG_PASSPHRASE", "TRUSTLOG_SCHEDULER"):
        monkeypatch.delenv(name, raising=False)
    # The daily reminder's files go here, and no scheduler is ever started (docs/remind.md).
    monkeypatch.setenv("TRUSTLOG_SCHEDULER_DIR", str(tmp_path / "scheduler"))
    # Where an unlocked session lives (storage/session.py): the test's own, 0700.
    # On a memory file system, as a real one is: /dev/shm where there is one.
    memory = "/dev/shm" if os.path.isdir("/dev/shm") else None
    runtime = tempfile.mkdtemp(prefix="trustlog-run-", dir=memory)
    monkeypatch.setenv("XDG_RUNTIME_DIR", runtime)
    time.tzset()
    yield home
    os.environ["TZ"] = "UTC"
    time.tzset()
    shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture
def home(isolated: Path) -> Path:
    return isolated


@pytest.fixture
def journal(home: Path) -> Journal:
    return Journal(home, undated_folders=UNDATED_FOLDERS)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, where a file written under a dated default name goes."""
    where = tmp_path / "out"
    where.mkdir()
    monkeypatch.chdir(where)
    return where


@pytest.fixture
def at(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Pin "now" to an ISO date-time with offset, e.g. at("2026-03-29T01:30:00+00:00")."""

    def pin(moment: str) -> None:
        monkeypatch.setenv("TRUSTLOG_NOW", moment)

    return pin


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Run in a named time zone, e.g. zone("Europe/Amsterdam")."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        assert self.stderr == "", self.stderr
        return json.loads(self.stdout)


@pytest.fixture
def cli() -> Callable[..., Run]:
    """Invoke trustlog through typer's runner: cli("checkin", "--mood", "4")."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke
