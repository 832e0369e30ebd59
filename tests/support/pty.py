"""Drive the real trustlog in a pseudo-terminal, as a person would (pexpect)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

from tests.conftest import FIXED_NOW

ENTER = "\r"
CTRL_C = "\x03"
DOWN = "\x1b[B"


def spawn(
    home: Path, *args: str, now: str = FIXED_NOW, timeout: float = 15, columns: int = 120
) -> pexpect.spawn:
    env = {
        **os.environ,
        "TRUSTLOG_HOME": str(home),
        "TRUSTLOG_NOW": now,
        "NO_COLOR": "1",
        "TERM": "xterm",
        "TZ": "UTC",
        # pexpect does not answer prompt_toolkit's cursor-position query; without
        # this, every prompt waits for the answer before it draws.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    env.pop("COLUMNS", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "trustlog", *args],
        env=env,
        dimensions=(30, columns),
        encoding="utf-8",
        timeout=timeout,
    )


def answer(child: pexpect.spawn, question: str, keys: str) -> None:
    child.expect(question)
    child.send(keys)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus)
