"""Run trustlog killed at the K-th step of its work, as `kill -9` would stop it there.

    python tests/support/sync_crash.py K ARGS...
    python tests/support/sync_crash.py --interrupt K ARGS...   (Ctrl-C there instead)

A step is a rename, a file removal or a new file written straight into place
(as in tests/support/crash.py), and each program trustlog runs (git), counted once
just before it starts and once just after it ends: so K walks through every
git command of a sync and every file of the change its merge lands. The K-th
step ends the process at once with `os._exit`, skipping every `finally` and
`except`. Exit 0 means the command ended before its K-th step.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from typing import Any

KILLED = 137


def main() -> None:
    interrupt = sys.argv[1] == "--interrupt"
    if interrupt:
        del sys.argv[1]
    limit = int(sys.argv[1])
    from trustlog.storage import names

    names.pick = random.Random(7).choice
    calls = 0

    def step() -> None:
        nonlocal calls
        calls += 1
        if calls == limit:
            if interrupt:
                raise KeyboardInterrupt
            os._exit(KILLED)

    def killing(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            step()
            return real(*args, **kwargs)

        return wrapped

    real_run = subprocess.run

    def run(*args: Any, **kwargs: Any) -> Any:
        step()
        done = real_run(*args, **kwargs)
        step()
        return done

    os.replace = killing(os.replace)  # type: ignore[assignment]
    os.unlink = killing(os.unlink)  # type: ignore[assignment]
    subprocess.run = run  # type: ignore[assignment]
    from trustlog.storage import atomic

    atomic.write_new = killing(atomic.write_new)  # type: ignore[assignment]
    from trustlog.cli.app import app

    app(args=sys.argv[2:], prog_name="trustlog")


if __name__ == "__main__":
    main()
