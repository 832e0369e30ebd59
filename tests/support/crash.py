"""Run trustlog as a crash would stop it: killed at the K-th step of its work.

    python tests/support/crash.py K ARGS...
    python tests/support/crash.py --interrupt K ARGS...   (Ctrl-C there instead)
    python tests/support/crash.py --programs K ARGS...    (git's runs count too)

A step is a call of `os.replace`, `os.unlink` or `atomic.write_new` (a bulk
change's new file); with `--programs`, each program trustlog runs (git) counts
too, once just before it starts and once just after it ends, so K walks through
every git command of a sync and every file of the change its merge lands. The
K-th step ends the process at once with `os._exit`, skipping every `finally` and
`except` as `kill -9` would (K = 0: never; exit 0 means the command ended before
its K-th step). Ids come from a seeded random source, so two runs from the same
journal write the same bytes and "after" can be compared exactly.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from typing import Any

KILLED = 137
FLAGS = ("--interrupt", "--programs")


def main() -> None:
    flags = set()
    while sys.argv[1] in FLAGS:
        flags.add(sys.argv.pop(1))
    limit = int(sys.argv[1])
    from trustlog.storage import names

    names.pick = random.Random(7).choice
    calls = 0

    def step() -> None:
        nonlocal calls
        calls += 1
        if calls == limit:
            if "--interrupt" in flags:
                raise KeyboardInterrupt
            os._exit(KILLED)

    def killing(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            step()
            return real(*args, **kwargs)

        return wrapped

    if "--programs" in flags:
        real_run = subprocess.run

        def run(*args: Any, **kwargs: Any) -> Any:
            step()
            done = real_run(*args, **kwargs)
            step()
            return done

        subprocess.run = run  # type: ignore[assignment]
    os.replace = killing(os.replace)  # type: ignore[assignment]
    os.unlink = killing(os.unlink)  # type: ignore[assignment]
    from trustlog.storage import atomic

    atomic.write_new = killing(atomic.write_new)  # type: ignore[assignment]
    from trustlog.cli.app import app

    app(args=sys.argv[2:], prog_name="trustlog")


if __name__ == "__main__":
    main()
