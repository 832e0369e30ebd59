"""Today and now, in the person's local time.

`TRUSTLOG_NOW` (an ISO date-time with offset) pins the clock, for tests and
demonstrations; nothing else reads it.
"""

from __future__ import annotations

import os
from datetime import date, datetime


def now() -> datetime:
    """Now, to the second (a journal has no use for microseconds), with the local offset."""
    return _now().replace(microsecond=0)


def _now() -> datetime:
    pinned = os.environ.get("TRUSTLOG_NOW")
    if pinned:
        # Seen from the local zone, as the real clock is: a pinned UTC moment
        # late in the evening is already tomorrow in Amsterdam.
        return datetime.fromisoformat(pinned).astimezone()
    return datetime.now().astimezone()


def today() -> date:
    return now().date()
