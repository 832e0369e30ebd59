"""What `trustlog sync` says when it had nothing to do, written without rich or json.

render/sync.py says the same words (a test holds the two to the same bytes);
this one is for cli/quick.py, which answers such a sync before the rest of
trustlog loads.
"""

from __future__ import annotations

import os
import sys

IN_STEP = "Already in step with {remote}."
# json.dumps(..., indent=2) of a sync that did nothing, as render/sync.py prints it.
NOTHING_JSON = (
    '{\n  "sent": 0,\n  "received": 0,\n  "merged": [],\n  "conflicts": [],\n'
    '  "sharing_keys": null\n}\n'
)


def tell_in_step(remote: str, json: bool) -> bool:
    """Say it, when it can be said plainly here; False (nothing written) when it needs
    the whole renderer: words to make visible, or a line a terminal would wrap."""
    if json:
        sys.stdout.write(NOTHING_JSON)
        sys.stdout.flush()
        return True
    line = IN_STEP.format(remote=remote)
    if not (line.isascii() and line.isprintable()):
        return False
    if _may_wrap(line):
        return False
    sys.stderr.write(line + "\n")
    sys.stderr.flush()
    return True


def _may_wrap(line: str) -> bool:
    """Whether render/output.py could wrap `line` (it never does when stderr is piped and
    COLUMNS is not set); in doubt, True, and the whole renderer writes it."""
    columns = os.environ.get("COLUMNS", "")
    asked = columns.isdigit() and int(columns) > 0
    if not asked and not os.isatty(2):
        return False
    widths = [int(columns)] if asked else []
    for fd in (0, 1, 2):
        try:
            widths.append(os.get_terminal_size(fd).columns or 80)
        except OSError:
            continue
    if not widths or os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        widths.append(80)
    return len(line) > min(widths)
