"""A fast reader for the front matter trustlog itself writes, the same as tomllib's.

Reading a whole journal (an export, a search's matches, a first report) spent
a third of its time in `tomllib` on front matter that tomli-w wrote
(document.py): one `key = value` a line, bare keys, strings in double quotes,
whole numbers, true and false, dates, dates with a time and an offset, and
lists of those, one item a line. `read` takes exactly that and nothing else:
anything it does not recognise (a comment, a table, an escape in a string, a
float, a key in quotes, a blank line, a duplicate key, a value that might not
be valid) makes it return None, and the caller asks `tomllib`, which reads it
or names the line of what is wrong. Where it returns fields, they are the ones
tomllib returns, with the same types and offsets: tests/storage/test_front.py holds the
two together by hypothesis, and on every file of a generated journal.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

# One line: a bare key, " = ", then a value with nothing after it. Values are tried in
# this order; a line that matches none of them sends the whole text to tomllib.
_LINE = re.compile(r"([A-Za-z0-9_-]+) = (.*)")
_STRING = re.compile(r'"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"')  # no escape, no control but tab
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")  # well inside 64 bits
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MOMENT = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{6}))?"
    r"(?:([+-])([0-9]{2}):([0-9]{2}))?"
)
_ITEM = re.compile(r"    (.*),")
_ZONES: dict[str, timezone] = {}


def read(front: str) -> dict[str, Any] | None:
    """The fields of `front` (the text between the fences, ending in a newline) if it is
    front matter as trustlog writes it; None where only tomllib can tell."""
    lines = front.split("\n")
    if lines.pop() != "":
        return None
    fields: dict[str, Any] = {}
    index = 0
    count = len(lines)
    while index < count:
        line = lines[index]
        index += 1
        known = _KNOWN.get(line)
        if known is not None:  # a line met before: the same key and the same value
            key, value = known
            if key in fields:
                return None
            fields[key] = value
            continue
        found = _LINE.fullmatch(line)
        if found is None:
            return None
        key, said = found.groups()
        if key in fields:
            return None
        if said == "[":
            items: list[Any] = []
            while index < count and lines[index] != "]":
                line = lines[index]
                index += 1
                value = _ITEMS.get(line)
                if value is None:
                    item = _ITEM.fullmatch(line)
                    if item is None or (value := _scalar(item.group(1))) is None:
                        return None
                    _remember(_ITEMS, line, value)
                items.append(value)
            if index == count:
                return None
            index += 1  # the closing bracket
            if not items:
                return None  # tomli-w writes an empty list as []
            fields[key] = items
        elif said == "[]":
            fields[key] = []
        elif (value := _scalar(said)) is not None:
            fields[key] = value
            _remember(_KNOWN, line, (key, value))
        else:
            return None
    return fields


# Lines and list items read before, with what they hold: a journal repeats its kinds, its
# dates and its tags in file after file, and each value read is one nothing changes (text,
# a number, a date). Short lines only, and a bounded number of them, in this process only.
_KNOWN: dict[str, tuple[str, Any]] = {}
_ITEMS: dict[str, Any] = {}
_REMEMBERED = 4096


def _remember(seen: dict[str, Any], line: str, value: Any) -> None:
    if len(line) <= 64 and len(seen) < _REMEMBERED:
        seen[line] = value


def _scalar(said: str) -> Any:
    """The value `said` holds, or None where this reader does not vouch for it."""
    first = said[:1]
    if first == '"':
        found = _STRING.fullmatch(said)
        return found.group(1) if found else None
    if said == "true":
        return True
    if said == "false":
        return False
    if _INTEGER.fullmatch(said):
        return int(said)
    if len(said) == 10 and (day := _DATE.fullmatch(said)):
        try:
            return date(int(day[1]), int(day[2]), int(day[3]))
        except ValueError:
            return None
    if (moment := _MOMENT.fullmatch(said)) is not None:
        year, month, dom, hour, minute, second, micro, sign, zone_h, zone_m = moment.groups()
        zone = None
        if sign is not None:
            zone = _zone(sign, zone_h, zone_m)
            if zone is None:
                return None
        try:
            return datetime(
                int(year),
                int(month),
                int(dom),
                int(hour),
                int(minute),
                int(second),
                int(micro) if micro else 0,
                tzinfo=zone,
            )
        except ValueError:
            return None
    return None


def _zone(sign: str, hours: str, minutes: str) -> timezone | None:
    """The offset as tomllib makes it (tomllib/_re.py: cached_tz)."""
    key = sign + hours + minutes
    zone = _ZONES.get(key)
    if zone is None:
        if int(hours) > 23 or int(minutes) > 59:
            return None
        factor = -1 if sign == "-" else 1
        zone = timezone(timedelta(hours=factor * int(hours), minutes=factor * int(minutes)))
        _ZONES[key] = zone
    return zone
