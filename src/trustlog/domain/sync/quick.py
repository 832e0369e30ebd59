"""A sync with nothing to do, found without the machinery of a whole sync.

When the remote's branch is this device's last commit and no file here differs
from it, a sync would fetch nothing, merge nothing, commit nothing and send
nothing. That is seen with two git processes at once (storage/gitquick.py),
the same look `git status` takes plus the remote's answer, and the sync is
then only noted as done. Anything else, or any doubt, is left to the whole
sync (service.py), which also finishes what a killed command or sync left.
"""

from __future__ import annotations

import os

from trustlog.storage import gitquick


def nothing_to_do(root: str, batch: bool, now: str) -> str | None:
    """The remote's address if this device is provably in step with it (and the sync
    is noted as done at `now`); None when the whole sync must run."""
    if not gitquick.private_folder(root) or gitquick.pending(root) or gitquick.encrypted(root):
        return None
    url = gitquick.remote_url(root)
    if url is None:
        return None
    held = gitquick.hold_sync_lock(root)
    if held is None:  # another sync runs: the whole sync waits for it
        return None
    try:
        if gitquick.pending(root) or not gitquick.in_step(root, batch):
            return None
        gitquick.stamp(root, now)
    finally:
        os.close(held)
    return url
