"""The daily reminder to check in: which scheduler, when, and whether today needs it.

The job lives in the system's own scheduler (storage/scheduler.py) and runs
`trustlog --journal DIR remind now` at the chosen time. That run decides from
file names alone whether the day's check-in is done, so it never reads a word
of the journal and never needs a passphrase: an encrypted journal, locked,
answers the same way. The words of the reminder are fixed and discreet
(render/remind.py); they never hold anything from the journal.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from trustlog.domain.checkin.model import KIND as CHECKIN
from trustlog.errors import InputError
from trustlog.storage import scheduler
from trustlog.storage.journal import Journal

SCHEDULER_ENV = "TRUSTLOG_SCHEDULER"
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Reminder:
    at: time | None
    scheduler: str | None

    def to_json(self) -> dict[str, str | None]:
        return {
            "time": self.at.strftime("%H:%M") if self.at else None,
            "scheduler": self.scheduler,
        }


@dataclass(frozen=True)
class Installed:
    reminder: Reminder
    replaced: time | None
    files: list[Path]
    started: bool


@dataclass(frozen=True)
class Today:
    day: date
    done: bool


def parse_time(text: str) -> time:
    match = _TIME.match(text.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise InputError(
            f"TIME: '{text}' is not a time of day; please give it as HH:MM, such as 20:30."
        )
    return time(int(match[1]), int(match[2]))


def chosen_scheduler() -> str:
    """`TRUSTLOG_SCHEDULER` if set, else the one this system would use."""
    given = os.environ.get(SCHEDULER_ENV, "").strip().lower()
    if not given:
        return scheduler.detected()
    if given not in scheduler.SCHEDULERS:
        raise InputError(
            f"{SCHEDULER_ENV}: '{given}' is not a scheduler I know; "
            f"please choose one of {', '.join(scheduler.SCHEDULERS)}."
        )
    return given


def job_command(journal_root: Path) -> list[str]:
    """What the scheduler runs: this Python and this journal, named in full, so the job
    finds both whatever the scheduler's environment holds."""
    return [
        sys.executable,
        "-m",
        "trustlog",
        "--journal",
        str(journal_root.absolute()),
        "remind",
        "now",
    ]


def set_reminder(journal: Journal, at: time) -> Installed:
    name = chosen_scheduler()
    before = status().at
    job = scheduler.Job(at.hour, at.minute)
    files = scheduler.install(name, job, job_command(journal.root))
    return Installed(Reminder(at, name), before, files, started=scheduler.test_dir() is None)


def turn_off() -> Reminder | None:
    """Remove the reminder; what was set, or None if there was none."""
    found = status()
    if found.scheduler is None:
        return None
    scheduler.remove(found.scheduler)
    return found


def status() -> Reminder:
    """The reminder the chosen scheduler holds (time None: none)."""
    name = chosen_scheduler()
    job = scheduler.installed(name)
    if job is None:
        return Reminder(None, None)
    return Reminder(time(job.hour, job.minute), name)


def today(journal: Journal, day: date) -> Today:
    """Whether `day` has its check-in, by the file names of its month alone."""
    files = journal.month_files(day.year, day.month, CHECKIN)
    return Today(day, any(f.date == day for f in files))
