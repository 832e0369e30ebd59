"""Earlier argument topics: offered while typing one, and named when a new one is close.

CONTRACT.md counts an argument as a repeat only when its topic is the same
words as an earlier one (case and surrounding space aside), and that stays
so. What this module adds is help to reuse one's own words: the check-in
offers the earlier topics as completions, and a topic close to an earlier
one ("phone at dinner" beside "my phone at dinner") is named, never refused.

Only the last `MONTHS` months are read (a check-in a day is a few hundred
files a year): a topic not argued about for a year is not worth offering.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from trustlog.domain.checkin.model import Checkin
from trustlog.domain.report.history import normal_topic
from trustlog.storage.journal import Journal

MONTHS = 12
# How alike two topics must read to be named as close (difflib's ratio, 0 to 1).
CLOSE = 0.75


def earlier_topics(journal: Journal, day: date) -> list[str]:
    """The topics argued about in the year up to `day`, the most frequent first (then the
    latest), each once in the words it was last written in."""
    seen: Counter[str] = Counter()
    latest: dict[str, tuple[date, str]] = {}
    start = day - timedelta(days=366)
    for entry_file in journal.files_between(start, day, "checkin"):
        checkin = Checkin.from_document(journal.read(entry_file))
        for topic in checkin.arguments:
            key = normal_topic(topic)
            if not key:
                continue
            seen[key] += 1
            if key not in latest or latest[key][0] <= checkin.date:
                latest[key] = (checkin.date, topic.strip())
    order = sorted(seen, key=lambda key: (-seen[key], -latest[key][0].toordinal(), key))
    return [latest[key][1] for key in order]


@dataclass(frozen=True)
class Resemblance:
    topic: str  # as given now
    earlier: str  # the earlier topic it reads like

    def to_json(self) -> dict[str, str]:
        return {"topic": self.topic, "earlier": self.earlier}


def resemblances(given: Iterable[str], earlier: Sequence[str]) -> list[Resemblance]:
    """Each topic given that is not an earlier one but reads close to one."""
    known = {normal_topic(topic): topic for topic in earlier}
    found = []
    for topic in given:
        key = normal_topic(topic)
        if not key or key in known:
            continue
        close = _closest(key, list(known))
        if close is not None:
            found.append(Resemblance(topic.strip(), known[close]))
    return found


def _closest(key: str, keys: list[str]) -> str | None:
    words = set(key.split())
    best: tuple[float, str] | None = None
    for other in keys:
        ratio = difflib.SequenceMatcher(None, key, other).ratio()
        other_words = set(other.split())
        smaller, larger = sorted((words, other_words), key=len)
        if len(smaller) >= 2 and smaller <= larger:
            ratio = max(ratio, CLOSE)  # "phone at dinner" inside "my phone at dinner"
        if ratio >= CLOSE and (best is None or ratio > best[0]):
            best = (ratio, other)
    return best[1] if best else None
