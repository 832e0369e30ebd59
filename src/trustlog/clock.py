"""Today and now, in the person's local time.

`TRUSTLOG_NOW` (an ISO date-time with offset) pins the clock, for tests and
demonstrations; nothing else reads it. `local_zone` names the local time zone.

A journal's day does not end at midnight: it ends at the hour `trustlog init
--day-ends` sets (`DAY_ENDS`, 04:00, unless the person chose another), so a
check-in at 01:10 belongs to the day that has not ended yet. `day_of` is the one
place that rule lives; `today(day_ends)` is the day of now. Moments (a trigger's
start, when a mark was made) stay exact: only "which day is it" moves.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta
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


DAY_ENDS = time(4, 0)  # the default end of a journal's day (docs/commands.md)
LATEST_DAY_END = time(6, 0)  # a day may end from midnight up to this


def day_of(moment: datetime, day_ends: time) -> date:
    """The journal's day `moment` (local time) falls in: before `day_ends` it is
    still the day before (01:10 on the 4th, with the day ending at 04:00, is the 3rd)."""
    if moment.time().replace(tzinfo=None) < day_ends:
        return moment.date() - timedelta(days=1)
    return moment.date()


def today(day_ends: time) -> date:
    """The day that has not ended yet, as the journal's `day_ends` defines it."""
    return day_of(now(), day_ends)


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
