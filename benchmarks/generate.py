"""Write a realistic, repeatable journal of many years into a folder.

    python benchmarks/generate.py JOURNAL_DIR [--years 10] [--end 2026-11-24] [--seed 1]

Every file is written through trustlog's own dataclasses and `Journal` API
(one `journal.writing()` for the whole run), so the folder holds exactly what
trustlog itself would write: a check-in every day with a note of a few
sentences, about three promises active at a time with their daily marks, and a
trigger every week or two, most of them settled after 5 to 90 minutes. Over the
years trust and mood rise slowly and detective work fades, as the product hopes.

The same seed always gives the same entries (ids included), so timings and
reports can be compared between runs and machines.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from trustlog.domain.checkin.model import Checkin
from trustlog.domain.core.entry import path_of
from trustlog.domain.kinds import UNDATED_FOLDERS
from trustlog.domain.promise.model import Mark, Promise
from trustlog.domain.trigger.model import Trigger
from trustlog.storage.journal import ID_ALPHABET, ID_LENGTH, Journal

DEFAULT_END = date(2026, 11, 24)
DEFAULT_YEARS = 10
DAYS_PER_YEAR = 365

OPENINGS = [
    "Slow morning, coffee on the balcony before work.",
    "Work ran late again and I was tired by the time I got home.",
    "We had breakfast together for the first time this week.",
    "A quiet day; not much happened, which felt fine.",
    "Woke up anxious for no reason I could name.",
    "Rain all day, so we stayed in and cooked.",
    "Busy day at the office, back-to-back meetings.",
    "Took the long way home through the park.",
    "Sunday, so we slept in and went to the market.",
    "The kids were loud and the house was chaos, in a good way.",
    "Felt flat this morning but it lifted by lunch.",
    "Saw my sister for lunch and talked about everything.",
]
MIDDLES = [
    "{p} texted when the train was delayed, without me asking.",
    "We talked for twenty minutes after dinner, phones in the other room.",
    "I noticed I wanted to check {p}'s phone and didn't.",
    "An old song came on the radio and it brought the whole thing back for a moment.",
    "{p} asked how my day was and actually listened.",
    "We disagreed about the holiday plans but stayed kind about it.",
    "I told {p} I was struggling instead of going quiet.",
    "We walked by the river and talked about Sunday.",
    "{p} was home at seven as promised.",
    "I caught myself replaying last year's conversations at night.",
    "We laughed properly together, the first time in a while.",
    "The therapist's homework was to name one thing we appreciated each day; we did it.",
    "{p} left a note on the fridge, which made me smile.",
    "I was short with {p} and apologised an hour later.",
    "We went through the calendar for next week together.",
    "Dinner with friends; it felt almost normal.",
]
CLOSINGS = [
    "Small steps.",
    "Tomorrow I want to be more patient.",
    "I'm tired but hopeful.",
    "Going to bed early.",
    "It doesn't fix everything, but it helps.",
    "Still raw some days, and that's allowed.",
    "I want to remember this one.",
    "",
    "",
]
FEELINGS = [
    "calm", "tired", "hopeful", "anxious", "tender", "irritable", "steady", "sad",
    "light", "wary", "grateful", "numb", "close", "restless",
]  # fmt: skip
GRATEFUL = [
    "coffee in bed", "a long hug", "the kids' laughter", "a walk together", "the sun",
    "a good talk", "a text at lunch", "dinner he cooked", "her patience", "a quiet evening",
    "my friends", "honesty about a hard thing", "being listened to", "a day without fear",
]  # fmt: skip
CARE = [
    "made dinner", "picked up the groceries", "left a note", "gave a back rub",
    "took the kids so they could rest", "made coffee", "sent a kind text", "fixed the bike",
]  # fmt: skip
ARGUMENTS = [
    "phone", "money", "her mother", "chores", "the ex", "screen time", "being late",
    "holidays", "the kids' bedtime", "work hours",
]  # fmt: skip
PROMISES = [
    "Text if I'm running late",
    "Call at 7:00, not 7:26",
    "Phone stays face up on the table",
    "Tell each other about any message from an ex within 24 hours",
    "Home for dinner by 19:00",
    "Ten minutes of check-in talk after dinner",
    "Share my location on nights out",
    "No phone in the bedroom",
    "Say where I'm going before I leave",
    "Ask before making plans for the weekend",
    "One small act of care every day",
    "Answer questions about that time without getting defensive",
]
SCHEDULES = ["daily", "daily", "daily", "weekdays", "weekdays", "mon,wed,fri", "tue,thu"]
TRIGGERS = [
    "that comment made me anxious",
    "a message notification late at night",
    "a name came up in conversation",
    "coming home later than said",
    "a work trip was mentioned",
    "a smell that brought it back",
    "a song from that time",
    "they went quiet on the phone",
    "an unknown number called",
    "a photo from last year",
]
REASSURANCE = [
    "showed the messages",
    "said where they were and with whom",
    "held hands and said it's over",
    "offered to call the friend together",
    None,
]
REPAIR = ["a hug", "a cup of tea together", "a short walk", "a change of plan", "sat together"]
REPAIR_MARK = [
    "Apologised and texted right away next time",
    "Talked it through that evening",
    "Made up for it with a call at lunch",
]
PARTNER = "Sam"


@dataclass
class Counts:
    checkins: int = 0
    promises: int = 0
    marks: int = 0
    triggers: int = 0

    @property
    def files(self) -> int:
        return self.checkins + self.promises + self.marks + self.triggers


class Ids:
    """Ids in trustlog's alphabet, from the seeded generator so runs repeat.

    `Journal.new_id` draws from the system's randomness and scans the journal for each new
    id; here one set of the ids given so far does the same job.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def new(self) -> str:
        while True:
            candidate = "".join(self.rng.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate


def local_zone() -> tzinfo:
    """A real zone with summer time, so stored offsets vary as they do for people."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Amsterdam")
    except Exception:  # no tz database on this system: plain UTC is still valid
        from datetime import UTC

        return UTC


def clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def note_for(rng: random.Random) -> str:
    sentences = [rng.choice(OPENINGS)]
    sentences += [line.format(p=PARTNER) for line in rng.sample(MIDDLES, rng.randint(1, 3))]
    closing = rng.choice(CLOSINGS)
    if closing:
        sentences.append(closing)
    text = " ".join(sentences)
    if rng.random() < 0.15:  # some people write a second paragraph
        text += "\n\n" + rng.choice(MIDDLES).format(p=PARTNER)
    return text + "\n"


def make_checkin(rng: random.Random, ids: Ids, day: date, progress: float, zone: tzinfo) -> Checkin:
    """One day's check-in; `progress` runs from 0 (the first day) to 1 (the last)."""
    created = datetime(day.year, day.month, day.day, 21, rng.randint(0, 59), tzinfo=zone)
    argued = rng.random() < 0.25 - 0.15 * progress
    return Checkin(
        id=ids.new(),
        date=day,
        created=created,
        mood=clamp(rng.gauss(2.5 + 1.5 * progress, 0.9), 1, 5),
        feeling=rng.choice(FEELINGS) if rng.random() < 0.7 else None,
        trust=clamp(rng.gauss(3 + 5 * progress, 1.5), 0, 10),
        grateful=rng.sample(GRATEFUL, rng.randint(1, 3)) if rng.random() < 0.5 else [],
        care=rng.choice(CARE) if rng.random() < 0.6 else None,
        affection=rng.randint(0, 1 + round(3 * progress)) if rng.random() < 0.8 else None,
        detective=rng.randint(0, 3) if rng.random() < 0.6 - 0.5 * progress else None,
        # A few topics keep coming back: that is what "repeat arguments" counts.
        arguments=rng.sample(ARGUMENTS[: rng.randint(3, len(ARGUMENTS))], 1) if argued else [],
        private=rng.random() < 0.05,
        note=note_for(rng),
    )


def make_trigger(rng: random.Random, ids: Ids, day: date, progress: float, zone: tzinfo) -> Trigger:
    at = datetime(day.year, day.month, day.day, rng.randint(8, 22), rng.randint(0, 59), tzinfo=zone)
    settled = rng.random() < 0.9
    minutes = rng.uniform(5, 90 - 50 * progress)
    return Trigger(
        id=ids.new(),
        at=at,
        what=rng.choice(TRIGGERS),
        intensity=clamp(rng.gauss(7 - 3 * progress, 1.5), 0, 10),
        breathed_seconds=rng.choice([30, 30, 60, 180, None]),
        facts="We were both home; the message was from work." if rng.random() < 0.6 else None,
        guesses="That it was starting again." if rng.random() < 0.5 else None,
        reassurance=rng.choice(REASSURANCE),
        repair=rng.choice(REPAIR) if settled else None,
        resolved_at=at + timedelta(minutes=round(minutes)) if settled else None,
        private=rng.random() < 0.1,
    )


@dataclass
class Running:
    """A promise being kept (or not) day by day, until `until`."""

    promise: Promise
    until: date


def start_promise(rng: random.Random, ids: Ids, day: date, zone: tzinfo) -> Running:
    until = day + timedelta(days=rng.randint(30, 200))
    promise = Promise(
        id=ids.new(),
        text=rng.choice(PROMISES),
        created=datetime(day.year, day.month, day.day, 20, 0, tzinfo=zone),
        start=day,
        every=rng.choice(SCHEDULES),
        due=rng.choice([None, None, "19:00", "07:00"]),
    )
    return Running(promise, until)


def make_mark(
    rng: random.Random, ids: Ids, promise: Promise, day: date, progress: float, zone: tzinfo
) -> Mark:
    broken = rng.random() < 0.2 - 0.12 * progress
    return Mark(
        id=ids.new(),
        promise=promise.id,
        date=day,
        outcome="broken" if broken else "kept",
        marked_at=datetime(day.year, day.month, day.day, 21, rng.randint(0, 59), tzinfo=zone),
        repair=rng.choice(REPAIR_MARK) if broken and rng.random() < 0.5 else None,
    )


def generate(root: Path, days: int, end: date, seed: int) -> Counts:
    from trustlog.domain.promise.schedule import is_scheduled

    rng = random.Random(seed)
    ids = Ids(rng)
    zone = local_zone()
    journal = Journal(root, undated_folders=UNDATED_FOLDERS)
    counts = Counts()
    first = end - timedelta(days=days - 1)
    running: list[Running] = []
    next_trigger = first + timedelta(days=rng.randint(3, 14))

    def save(entry: Checkin | Trigger | Promise | Mark) -> None:
        journal.write(path_of(journal, entry), *entry.to_document())

    with journal.writing():
        for index in range(days):
            day = first + timedelta(days=index)
            progress = index / max(days - 1, 1)
            for item in [r for r in running if r.until < day]:
                item.promise.end = item.until
                save(item.promise)
                running.remove(item)
            # About three promises at a time; a new one starts a few days after one ends.
            if len(running) < 3 and (index == 0 or rng.random() < 0.25):
                running.append(start_promise(rng, ids, day, zone))
                counts.promises += 1
            for item in running:
                if is_scheduled(item.promise, day) and rng.random() < 0.9:
                    mark = make_mark(rng, ids, item.promise, day, progress, zone)
                    save(mark)
                    counts.marks += 1
            checkin = make_checkin(rng, ids, day, progress, zone)
            save(checkin)
            counts.checkins += 1
            if day >= next_trigger:
                trigger = make_trigger(rng, ids, day, progress, zone)
                save(trigger)
                counts.triggers += 1
                next_trigger = day + timedelta(days=rng.randint(7, 14))
        for item in running:  # still running on the last day: open-ended
            save(item.promise)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the journal (new or empty)")
    parser.add_argument(
        "--years", type=int, default=DEFAULT_YEARS, help="years of history (default 10)"
    )
    parser.add_argument("--days", type=int, help="days of history instead of --years")
    parser.add_argument(
        "--end",
        type=date.fromisoformat,
        default=DEFAULT_END,
        help="last day, YYYY-MM-DD (default 2026-11-24)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    days = args.days if args.days is not None else args.years * DAYS_PER_YEAR
    if days < 1:
        parser.error("--years/--days: at least one day, please")
    if args.folder.exists() and any(args.folder.iterdir()):
        parser.error(f"{args.folder} is not empty; give a new or empty folder")
    started = time.perf_counter()
    counts = generate(args.folder, days, args.end, args.seed)
    seconds = time.perf_counter() - started
    print(
        f"Wrote {counts.files} files in {seconds:.1f} s: {counts.checkins} check-ins, "
        f"{counts.marks} promise marks, {counts.promises} promises, {counts.triggers} triggers.",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
