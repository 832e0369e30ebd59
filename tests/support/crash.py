"""Run trustlog as a crash would stop it: killed at the K-th rename or file removal.

    python tests/support/crash.py K ARGS...
    python tests/support/crash.py --interrupt K ARGS...   (Ctrl-C there instead)

The K-th call of `os.replace`, `os.unlink` or `atomic.write_new` (a bulk
change's new file) ends the process at once with `os._exit`, skipping every
`finally` and `except` as `kill -9` would (K = 0: never). Ids come from a
seeded random source, so two runs from the same journal write the same bytes
and "after" can be compared exactly.
"""

from __future__ import annotations

import os
import random
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

    def killing(real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == limit:
                if interrupt:
                    raise KeyboardInterrupt
                os._exit(KILLED)
            return real(*args, **kwargs)

        return step

    os.replace = killing(os.replace)  # type: ignore[assignment]
    os.unlink = killing(os.unlink)  # type: ignore[assignment]
    from trustlog.storage import atomic

    atomic.write_new = killing(atomic.write_new)  # type: ignore[assignment]
    from trustlog.cli.app import app

    app(args=sys.argv[2:], prog_name="trustlog")


if __name__ == "__main__":
    main()
