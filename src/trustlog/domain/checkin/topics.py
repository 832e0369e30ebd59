"""Earlier argument topics: offered while typing one, and named when a new one is close.

CONTRACT.md counts an argument as a repeat only when its topic is the same
words as an earlier one (case and surrounding space aside), and that stays
so. What this module adds is help to reuse one's own words: the check-in
offers the earlier topics as completions, and a topic close to an earlier
one ("phone at dinner" beside "my phone at dinner") is named, never refused.

Only the last year is read (a check-in a day is a few hundred files a year):
a topic not argued about for a year is not worth offering. And only the
`arguments` value of each file's front matter is parsed, not the whole entry:
a year of check-ins costs tens of milliseconds, not hundreds. A file whose
value does not read so is read in full, which says what is wrong with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from trustlog.domain.checkin.model import Checkin, normal_topic
from trustlog.storage.journal import EntryFile, Journal

# The `arguments` value of a front matter: from its key to the next key (or the end).
_ARGUMENTS = re.compile(r"^arguments[ \t]*=(.*?)(?=^[A-Za-z_][\w-]*[ \t]*=|\Z)", re.M | re.S)
# How alike two topics must read to be named as close (difflib's ratio, 0 to 1).
CLOSE = 0.75


def earlier_topics(journal: Journal, day: date) -> list[str]:
    """The topics argued about in the year up to `day`, the most frequent first (then the
    latest), each once in the words it was last written in."""
    seen: Counter[str] = Counter()
    latest: dict[str, tuple[date, str]] = {}
    start = day - timedelta(days=366)
    for entry_file in journal.files_between(start, day, "checkin"):
        when = entry_file.date or day
        for topic in _topics_in(journal, entry_file):
            key = normal_topic(topic)
            if not key:
                continue
            seen[key] += 1
            if key not in latest or latest[key][0] <= when:
                latest[key] = (when, topic.strip())
    order = sorted(seen, key=lambda key: (-seen[key], -latest[key][0].toordinal(), key))
    return [latest[key][1] for key in order]


def _topics_in(journal: Journal, entry_file: EntryFile) -> list[str]:
    """A check-in file's argument topics, from its `arguments` value alone when it can."""
    text = journal.read_bytes(entry_file.path).decode("utf-8", errors="replace")
    front = text.split("\n+++", 1)[0]  # the front matter: the note may say anything
    if "arguments" not in front:
        return []
    found = _ARGUMENTS.search(front)
    if found is not None:
        import tomllib  # only a check-in that names a topic reads the earlier ones

        try:
            topics = tomllib.loads(f"a = {found.group(1).strip()}")["a"]
        except tomllib.TOMLDecodeError:
            topics = None
        if isinstance(topics, list) and all(isinstance(topic, str) for topic in topics):
            return topics
    return list(Checkin.from_document(journal.read(entry_file)).arguments)


@dataclass(frozen=True)
class Resemblance:
    topic: str  # as given now
    earlier: str  # the earlier topic it reads like

    def to_json(self) -> dict[str, str]:
        return {"topic": self.topic, "earlier": self.earlier}


def resemblances(given: Iterable[str], earlier: Sequence[str]) -> list[Resemblance]:
    """Each topic given that is not an earlier one but reads close to one: once per topic,
    naming the closest, however many earlier topics it resembles or however often given."""
    known = {normal_topic(topic): topic for topic in earlier}
    found = []
    told: set[str] = set()
    for topic in given:
        key = normal_topic(topic)
        if not key or key in known or key in told:
            continue
        told.add(key)
        close = _closest(key, list(known))
        if close is not None:
            found.append(Resemblance(topic.strip(), known[close]))
    return found


def _closest(key: str, keys: list[str]) -> str | None:
    import difflib  # only a check-in that names a topic compares it

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
