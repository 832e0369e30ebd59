"""The project's own checks, so the one test command runs them all (STYLE.md 13)."""

from __future__ import annotations

import subprocess
import sys

from tests.support.paths import ROOT

CODE = [name for name in ("src", "tests", "benchmarks") if (ROOT / name).is_dir()]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_lint():
    lint = run("ruff", "check", *CODE)
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_ruff_format():
    form = run("ruff", "format", "--check", *CODE)
    assert form.returncode == 0, form.stdout + form.stderr


def test_mypy_strict_on_src():
    checked = run("mypy")
    assert checked.returncode == 0, checked.stdout + checked.stderr
