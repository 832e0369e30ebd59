"""Today and now, in the person's local time.

`TRUSTLOG_NOW` (an ISO date-time with offset) pins the clock, for tests and
demonstrations; nothing else reads it. `local_zone` names the local time zone.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo


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


def local_zone() -> ZoneInfo | None:
    """The local time zone by its name (Europe/Amsterdam), for calendars; None if unknown.

    `TZ` names it when set; else the zone /etc/localtime links to. A calendar
    given the name follows its daylight-saving changes, which an offset cannot.
    """
    from pathlib import Path
    from zoneinfo import ZoneInfo

    named = os.environ.get("TZ", "").lstrip(":")
    if not named:
        target = str(Path("/etc/localtime").resolve())
        named = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
    try:
        return ZoneInfo(named) if named else None
    except (ValueError, OSError, KeyError):  # KeyError: ZoneInfoNotFoundError
        return None
