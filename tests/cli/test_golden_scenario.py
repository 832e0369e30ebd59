"""One fixed scenario, driven only through the command line, whose output and files must not change.

The scenario below runs over a hundred commands through `trustlog.cli.app:app`
(typer's CliRunner, as a person or a script would type them) over five weeks
of pinned clock: set-up, promises of every schedule, check-ins and their
same-day updates, marks and repairs, triggers, apologies (clean and with the
checker's warnings), entries, show, reports, the dashboard, deletions, and
bad input. It records, for every step, the exit code, stdout and stderr, and
at the end every file of the journal folder with its mode and exact bytes.
The test runs it again and requires all of it to be byte for byte the same.

It exists so that moving code around (modules into feature packages, say) can
be checked to change nothing a person or a script can see. So it imports
nothing from trustlog but the command-line entry point, and holds the world
still from outside:

- "now" is pinned with TRUSTLOG_NOW, moved between steps;
- no colour and a fixed size (NO_COLOR, COLUMNS=80, TERM=dumb), and no
  editor, so nothing depends on the terminal the tests run in;
- the time zone is a POSIX rule (CET/CEST, so no tz database is needed) that
  puts a daylight-saving change inside the scenario;
- ids come from `trustlog.storage.names.pick`; it is replaced, for the run
  only, by a seeded `random.Random(...).choice`, so ids are the same wherever
  the id-making code lives, as long as it draws each character with `pick`
  looked up on the module when called (`names.pick(...)`, not
  `from trustlog.storage.names import pick`);
- the journal's temporary path is written `<journal>` wherever it shows.

Left out of the comparison: the lock file `.lock` (its presence is an
implementation detail) and the report cache `cache/`, whose files carry keys
hashed over the journal folder's listing, mtimes in ns and inode numbers
included, so they differ from run to run. Everything else is compared.

The golden files are `tests/golden/scenario/`:
    transcript.txt   every step: the command line, "now", exit code, stdout, stderr
    files.txt        every journal file and folder, with its mode
    journal/...      a copy of every journal file

The test never writes them. When a change of output is intended, regenerate
them and review the diff like any other change:

    python tests/cli/test_golden_scenario.py --regenerate
    # or
    TRUSTLOG_REGENERATE_GOLDEN=1 python -m pytest tests/cli/test_golden_scenario.py
"""

from __future__ import annotations

import difflib
import json
import os
import random
import re
import shlex
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from trustlog.cli.app import app
from trustlog.storage import names

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "scenario"
TRANSCRIPT = "transcript.txt"
MANIFEST = "files.txt"
JOURNAL_COPY = "journal"
REGENERATE_ENV = "TRUSTLOG_REGENERATE_GOLDEN"

SEED = 20261124
# Central European time as a POSIX rule: summer time ends on Sunday 2026-10-25
# at 03:00, inside the scenario. No tz database is needed to read it.
ZONE = "CET-1CEST,M3.5.0,M10.5.0/3"
JOURNAL_PLACEHOLDER = "<journal>"
STEP_MARK = "==== step "
# Not part of what must stay the same (see the module's docstring).
EXCLUDED = (".lock", "cache")

# -- the scenario ---------------------------------------------------------------


@dataclass(frozen=True)
class Now:
    """Move the pinned clock (TRUSTLOG_NOW) for the steps that follow."""

    moment: str


@dataclass(frozen=True)
class Step:
    """One command and the exit code it must end with.

    An argument `@name` stands for an id saved by an earlier step (`@name[:3]`:
    its first 3 characters; `@journal`: the journal folder). `save` keeps this
    step's id: from its JSON output ("id", or a dotted path into it), else from
    the "id xxxxx" it says on stderr."""

    args: tuple[str, ...]
    exit_code: int = 0
    save: dict[str, str] = field(default_factory=dict)


def run(*args: str, save: str | dict[str, str] | None = None) -> Step:
    saved = {save: "id"} if isinstance(save, str) else dict(save or {})
    return Step(args, 0, saved)


def bad(*args: str, exit_code: int = 2) -> Step:
    """Bad input (exit 2), or a journal that cannot be used (exit 1): nothing written."""
    return Step(args, exit_code)


NOTE = (
    "# Evening\n"
    "\n"
    "We talked about:\n"
    "- the **budget** and `who pays what`\n"
    "- «the holiday» — and 'her' \"friend\"\n"
    "\n"
    "> I listened first.\n"
    "+++\n"
    "Ünïcødé: 日本語, emoji 💛, tab\there."
)

SCENARIO: list[Now | Step] = [
    Now("2026-10-20T09:00:00+02:00"),  # Tuesday, summer time
    run("--help"),
    run("help", "safety"),
    bad("init", "--role", "sometimes"),
    run(
        "init",
        "--name",
        "Zoë",
        "--partner",
        'Anaïs "Ana" Lefèvre',
        "--role",
        "repairing",
        "--stop-word",
        "pineapple 🍍",
    ),
    run("init"),
    run("init", "--role", "both", "--json"),
    run(
        "promise",
        "add",
        "Text you when I'm running **late** — no excuses",
        "--every",
        "daily",
        "--due",
        "18:30",
        "--json",
        save="late",
    ),
    run(
        "promise",
        "add",
        "Phone stays on the kitchen table after 21:00",
        "--every",
        "weekdays",
        save="phone",
    ),
    run(
        "promise",
        "add",
        "Book the counselling session (Dr. Ø. Berg)",
        "--once",
        "2026-10-23",
        "--due",
        "12:00",
        save="session",
    ),
    run(
        "promise",
        "add",
        "Morning walk together",
        "--every",
        "mon,thu",
        "--due",
        "07:15",
        "--start",
        "2026-10-22",
        "--end",
        "2026-12-31",
        "--json",
        save="walk",
    ),
    run(
        "promise",
        "add",
        'Tell you about every message from "her"',
        "--every",
        "weekends",
        "--start",
        "2026-10-24",
        save="tell",
    ),
    bad("promise", "add", "Be better", "--every", "fortnightly"),
    bad("promise", "add", "Call at lunch", "--due", "25:00"),
    bad("promise", "add", "Book it", "--once", "2026-02-30"),
    run("promise", "list"),
    run("promise", "list", "--json"),
    run(),  # the dashboard: promises due, no check-in yet
    Now("2026-10-21T21:30:00+02:00"),  # Wednesday evening
    run(
        "checkin",
        "--mood",
        "3",
        "--feeling",
        "tired, but hopeful",
        "--trust",
        "4",
        "--grateful",
        "you made *tea* ☕",
        "--grateful",
        "a quiet evening",
        "--care",
        'Left a note: "thank you"',
        "--affection",
        "2",
        "--detective",
        "1",
        "--argument",
        "money",
        "--note",
        "**Evening**: we talked about the budget.\n- rent\n- the car",
        "--kept",
        "@late",
        "--kept",
        "@phone[:3]",
        save="evening",
    ),
    Now("2026-10-21T22:45:00+02:00"),
    run(
        "checkin",
        "--mood",
        "4",
        "--note",
        "Later: we made up. 💛",
        "--argument",
        "  Money ",
        "--grateful",
        "the walk home",
        "--json",
    ),
    bad("checkin", "--grateful", "a", "--grateful", "b", "--grateful", "c", "--grateful", "d"),
    run("checkin", "--trust", "4", "--json"),
    Now("2026-10-23T08:00:00+02:00"),  # Friday morning
    run(
        "checkin",
        "--date",
        "2026-10-22",
        "--mood",
        "2",
        "--trust",
        "3",
        "--feeling",
        "anxious\tjumpy",
        "--note",
        "a bell\a and an escape \x1b[31mred\x1b[0m",
        "--broken",
        "@late",
        "--kept",
        "@walk",
        "--private",
        save="private_day",
    ),
    run(
        "promise",
        "broken",
        "@late",
        "--date",
        "2026-10-22",
        "--repair",
        "Called from the train 🚆 and said sorry",
        "--note",
        "Phone died at 17:00",
    ),
    run("promise", "kept", "@session[:3]", "--date", "2026-10-23", "--note", "Booked for 4 Nov"),
    run("promise", "kept", "@phone", "--date", "2026-10-22", "--json"),
    bad("promise", "kept", "@walk", "--date", "2026-10-29"),  # in the future
    bad("promise", "kept", "zzzzz"),
    bad("checkin", "--mood", "9"),
    bad("checkin", "--date", "23/10/2026", "--mood", "3"),
    bad("checkin"),
    bad("checkin", "--mood", "3", "--kept", "@session", "--kept", "zzzzz"),
    Now("2026-10-25T10:00:00+01:00"),  # Sunday: summer time ended at 03:00
    run(
        "trigger",
        "--at",
        "2026-10-25 01:30",
        "--what",
        'Saw a message from "J." pop up',
        "--intensity",
        "8",
        "--facts",
        "A notification; I didn't open it.",
        "--guesses",
        "That it's starting again.\nThat you lied about Friday.",
        "--reassurance",
        "Show me the thread, together",
        "--repair",
        "A long hug & tea",
        "--resolved-at",
        "2026-10-25 04:15",
        "--breathe",
        "90",
        "--no-timer",
        "--json",
        save="flare",
    ),
    run(
        "checkin",
        "--mood",
        "4",
        "--trust",
        "5",
        "--affection",
        "3",
        "--argument",
        "the phone",
        "--note",
        NOTE,
        "--kept",
        "@tell",
        save="sunday",
    ),
    bad("promise", "kept", "@walk", "--date", "2026-10-24"),  # a Saturday: not scheduled
    bad("trigger", "--at", "2026-10-25 09:00", "--what", "x", "--resolved-at", "2026-10-25 08:00"),
    bad("trigger", "--at", "2026-10-26 09:00", "--what", "tomorrow"),
    bad("trigger", "--what", "too much", "--intensity", "11"),
    bad("trigger", "--at", "yesterday", "--what", "x"),
    bad("trigger"),
    Now("2026-10-29T19:00:00+01:00"),  # Thursday evening
    run(
        "trigger",
        "--at",
        "2026-10-29 18:10",
        "--what",
        "Late reply, the old fear",
        "--intensity",
        "5",
        save="late_reply",
    ),
    bad("trigger", "resolve", "@late_reply", "--at", "2026-10-29 19:40"),  # not come yet
    run("trigger", "resolve", "@late_reply", "--at", "2026-10-29 18:50"),
    bad("trigger", "--what", "x", "resolve", "@late_reply"),
    bad("trigger", "resolve", "@late_reply", "--at", "2026-10-29 18:00"),
    run("trigger", "--what", "A song on the radio", "--no-timer", "--json", save="song"),
    run(
        "checkin",
        "--date",
        "2026-10-28",
        "--mood",
        "4",
        "--trust",
        "5",
        "--affection",
        "1",
        "--care",
        "Cooked dinner",
        "--broken",
        "@late",
        "--broken",
        "@phone",
    ),
    run(
        "checkin",
        "--mood",
        "3",
        "--trust",
        "5",
        "--detective",
        "2",
        "--argument",
        "MONEY",
        "--kept",
        "@walk",
        "--kept",
        "@late",
        "--kept",
        "@phone",
        "--json",
        save="thursday",
    ),
    run(),  # the dashboard, with today's check-in
    Now("2026-10-29T21:10:00+01:00"),
    run("trigger", "resolve", "@song", "--json"),
    run("trigger", "resolve", "@song"),
    Now("2026-10-31T11:00:00+01:00"),  # Saturday
    run(
        "apology",
        "draft",
        "--did",
        "I hid the messages from J. for three months.",
        "--impact",
        "You felt foolish and alone; you said the worst part was doubting your own memory.",
        "--responsibility",
        "That was my choice. Nothing you did made it happen.",
        "--amends",
        "From today I show you any message from J. within an hour, "
        "and I have booked counselling for Wednesday at 18:00.",
        "--promise",
        "Show you any message from J. within an hour",
        "--promise",
        "Go to counselling every Wednesday",
        "--every",
        "weekdays",
        save="apology",
    ),
    run(
        "apology",
        "draft",
        "--did",
        "I'm sorry if you were hurt by what happened.",
        "--impact",
        "Mistakes were made, but you overreacted a little.",
        "--responsibility",
        "I'm sorry, but you pushed me to it.",
        "--amends",
        "I'll try to be better.",
        "--json",
        save="non_apology",
    ),
    run("apology", "draft", "--did", "I lied to you about the money.", save="partial"),
    bad("apology", "draft"),
    bad("apology", "draft", "--did", "x", "--every", "sometimes"),
    run("apology", "list"),
    run("apology", "list", "--json"),
    run("apology", "show", "@apology"),
    run(
        "apology",
        "show",
        "@apology",
        "--json",
        save={"show_promise": "linked_promises.0.id", "counselling": "linked_promises.1.id"},
    ),
    run("apology", "show", "@non_apology[:4]"),
    bad("apology", "show", "zzzzz"),
    run(
        "checkin",
        "--mood",
        "5",
        "--trust",
        "6",
        "--grateful",
        "you laughed at my joke",
        "--kept",
        "@tell",
    ),
    Now("2026-11-03T20:00:00+01:00"),  # Tuesday, a new month
    run(
        "checkin",
        "--date",
        "2026-11-02",
        "--mood",
        "4",
        "--trust",
        "6",
        "--affection",
        "2",
        "--kept",
        "@walk",
        "--kept",
        "@show_promise",
    ),
    run(
        "checkin",
        "--mood",
        "4",
        "--trust",
        "6",
        "--argument",
        "the holiday",
        "--kept",
        "@late",
        "--kept",
        "@counselling",
        "--broken",
        "@phone",
    ),
    run("promise", "broken", "@phone", "--repair", "Put it back on the table at 21:30"),
    Now("2026-11-05T07:40:00+01:00"),  # Thursday morning
    run(
        "trigger",
        "--at",
        "2026-11-04 23:10",
        "--what",
        "Dream about it",
        "--intensity",
        "6",
        "--facts",
        "A dream.",
        "--resolved-at",
        "2026-11-05 00:05",
        "--no-timer",
    ),
    run("checkin", "--mood", "3", "--trust", "6", "--detective", "1", "--kept", "@walk"),
    Now("2026-11-12T21:00:00+01:00"),  # Thursday
    run("checkin", "--date", "2026-11-10", "--mood", "4", "--trust", "7", "--affection", "4"),
    run("checkin", "--date", "2026-11-11", "--mood", "4", "--trust", "7", "--argument", "money"),
    run("checkin", "--mood", "5", "--trust", "7", "--affection", "3", "--kept", "@walk"),
    run("promise", "kept", "@late", "--date", "2026-11-11"),
    run("promise", "kept", "@late", "--date", "2026-11-11", "--note", "Marked twice: kept latest"),
    run("promise", "broken", "@late"),
    Now("2026-11-24T21:00:00+01:00"),  # Tuesday: the day the scenario ends
    run("promise", "retire", "@tell"),
    run("promise", "retire", "@tell", "--json"),
    run("promise", "list"),
    run("promise", "list", "--all"),
    run("promise", "list", "--all", "--json"),
    run("entries"),
    run("entries", "--json"),
    run("entries", "--from", "2026-10-22", "--to", "2026-10-25"),
    run("entries", "--kind", "trigger", "--json"),
    run("entries", "--kind", "promise"),
    run("entries", "--from", "2026-11-01", "--kind", "checkin", "--json"),
    bad("entries", "--kind", "nope"),
    bad("entries", "--from", "2026-1-1"),
    run("show", "@evening"),
    run("show", "@evening", "--json"),
    run("show", "@sunday"),
    run("show", "@sunday", "--json"),
    run("show", "@private_day"),
    run("show", "@flare"),
    run("show", "@flare", "--json"),
    run("show", "@apology"),
    run("show", "@late"),
    bad("show", "zzzzz"),
    bad("edit", "@evening"),  # no $EDITOR, and no terminal to open vi in
    run("report", "--month", "2026-10"),
    run("report", "--month", "2026-10", "--json"),
    run("report", "--month"),
    run("report", "--month", "--json"),
    run("report", "--week", "2026-W44"),
    run("report", "--week", "2026-W44", "--json"),
    run("report", "--week"),
    run("report", "--json"),
    bad("report", "--month", "2026-13"),
    bad("report", "--week", "2026-W54"),
    run(),
    run("--json"),
    bad("delete", "@song"),  # no terminal to ask in, and no --yes
    bad("delete", "zzzzz", "--yes"),
    run("delete", "@song", "--yes"),
    run("delete", "@partial", "--yes", "--json"),
    run("entries", "--kind", "trigger"),
    run("report", "--month", "2026-10", "--json"),
    run("--journal", "@journal", "entries", "--kind", "apology"),
    bad("--journal", "@journal/journal.toml", "checkin", "--mood", "3", exit_code=1),
]

# -- running it ---------------------------------------------------------------


@dataclass
class Recording:
    transcript: str
    files: dict[str, bytes]  # relative path -> bytes
    manifest: str  # every file and folder with its mode


_REFERENCE = re.compile(r"^@(?P<name>\w+)(?:\[:(?P<length>\d+)\])?(?P<rest>\W.*)?$")
_SAID_ID = re.compile(r"\bid\s+([0-9a-z]{3,})\b")


def resolve(arg: str, ids: dict[str, str]) -> str:
    found = _REFERENCE.match(arg)
    if not found:
        return arg
    value = ids[found["name"]]
    value = value[: int(found["length"])] if found["length"] else value
    return value + (found["rest"] or "")


def saved_ids(step: Step, stdout: str, stderr: str) -> dict[str, str]:
    if not step.save:
        return {}
    try:
        data: Any = json.loads(stdout)
    except ValueError:
        said = _SAID_ID.search(stderr)
        assert said, f"no id to save in: {stderr!r}"
        assert list(step.save.values()) == ["id"], step.save
        return {name: said[1] for name in step.save}
    found = {}
    for name, path in step.save.items():
        value = data
        for key in path.split("."):
            value = value[int(key)] if isinstance(value, list) else value[key]
        found[name] = value
    return found


def quote(arg: str) -> str:
    """A shell word for `arg`; control characters as bash's $'...' escapes, one line."""
    if not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in arg):
        return shlex.quote(arg)
    named = {"\n": "\\n", "\t": "\\t", "\a": "\\a", "\\": "\\\\", "'": "\\'"}
    escaped = "".join(
        named.get(ch, f"\\x{ord(ch):02x}" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch)
        for ch in arg
    )
    return f"$'{escaped}'"


def block(name: str, text: str) -> str:
    """A labelled block; text without a final newline is marked, so none is lost."""
    if text and not text.endswith("\n"):
        text += "\n\\ no newline at end\n"
    return f"---- {name} ----\n{text}"


@contextmanager
def still_world(home: Path) -> Iterator[None]:
    """The environment, time zone and id source the scenario needs; all restored after."""
    settings = {
        "TRUSTLOG_HOME": str(home),
        "TZ": ZONE,
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "LINES": "25",
        "TERM": "dumb",
        # No reminder: the calendar asks the scheduler, here an empty folder of its own.
        "TRUSTLOG_SCHEDULER_DIR": str(home.parent / "scheduler"),
    }
    cleared = (
        "TRUSTLOG_SCHEDULER",
        "TRUSTLOG_NOW",
        "TRUSTLOG_PASSPHRASE",
        "VISUAL",
        "EDITOR",
        # What rich and click read besides the above to decide colour and size.
        "FORCE_COLOR",
        "CLICOLOR_FORCE",
        "COLORTERM",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "JUPYTER_COLUMNS",
        "JUPYTER_LINES",
    )
    before = {name: os.environ.get(name) for name in (*settings, *cleared)}
    original_choice = names.pick
    try:
        for name in cleared:
            os.environ.pop(name, None)
        os.environ.update(settings)
        time.tzset()
        names.pick = random.Random(SEED).choice
        yield
    finally:
        names.pick = original_choice
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        time.tzset()


def hide_paths(text: str, home: Path) -> str:
    for path in sorted({str(home), str(home.resolve())}, key=len, reverse=True):
        text = text.replace(path, JOURNAL_PLACEHOLDER)
    return text


def play(home: Path) -> Recording:
    """Run the scenario in a fresh journal folder `home` and record what it did."""
    runner = CliRunner()
    ids = {"journal": str(home)}
    now = ""
    parts = []
    number = 0
    with still_world(home):
        for item in SCENARIO:
            if isinstance(item, Now):
                now = item.moment
                continue
            number += 1
            args = [resolve(arg, ids) for arg in item.args]
            result = runner.invoke(
                app, args, prog_name="trustlog", env={"TRUSTLOG_NOW": now}, catch_exceptions=False
            )
            stdout, stderr = result.stdout, result.stderr
            line = hide_paths(" ".join(["trustlog", *(quote(arg) for arg in args)]), home)
            assert result.exit_code == item.exit_code, (
                f"step {number}: `{line}` exited {result.exit_code}, not {item.exit_code}\n"
                f"stdout: {stdout}\nstderr: {stderr}"
            )
            ids.update(saved_ids(item, stdout, stderr))
            parts.append(
                f"{STEP_MARK}{number} · now {now} ====\n"
                f"$ {line}\n"
                f"exit {result.exit_code}\n"
                + block("stdout", hide_paths(stdout, home))
                + block("stderr", hide_paths(stderr, home))
                + "\n"
            )
    files, manifest = snapshot(home)
    return Recording("".join(parts), files, manifest)


def excluded(relative: Path) -> bool:
    return relative.parts[0] in EXCLUDED


def snapshot(home: Path) -> tuple[dict[str, bytes], str]:
    files: dict[str, bytes] = {}
    rows = [f"{stat.S_IMODE(home.stat().st_mode):04o} ./"]
    for path in sorted(home.rglob("*")):
        relative = path.relative_to(home)
        if excluded(relative):
            continue
        mode = f"{stat.S_IMODE(path.stat().st_mode):04o}"
        if path.is_dir():
            rows.append(f"{mode} {relative.as_posix()}/")
        else:
            rows.append(f"{mode} {relative.as_posix()}")
            files[relative.as_posix()] = path.read_bytes()
    return files, "\n".join(rows) + "\n"


# -- the golden files -----------------------------------------------------------


def write_golden(recording: Recording, golden: Path = GOLDEN) -> None:
    if golden.exists():
        shutil.rmtree(golden)
    (golden / JOURNAL_COPY).mkdir(parents=True)
    (golden / TRANSCRIPT).write_bytes(recording.transcript.encode("utf-8"))
    (golden / MANIFEST).write_bytes(recording.manifest.encode("utf-8"))
    for relative, data in recording.files.items():
        target = golden / JOURNAL_COPY / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def read_golden(golden: Path = GOLDEN) -> Recording:
    copy = golden / JOURNAL_COPY
    files = {
        path.relative_to(copy).as_posix(): path.read_bytes()
        for path in sorted(copy.rglob("*"))
        if path.is_file()
    }
    return Recording(
        (golden / TRANSCRIPT).read_bytes().decode("utf-8"),
        files,
        (golden / MANIFEST).read_bytes().decode("utf-8"),
    )


def difference(name: str, expected: str, actual: str) -> str:
    diff = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        f"golden/{name}",
        f"now/{name}",
    )
    return "".join(diff)


def steps_of(transcript: str) -> list[str]:
    return re.split(r"(?m)^(?=" + re.escape(STEP_MARK) + ")", transcript)


def transcript_difference(expected: str, actual: str) -> str:
    """The diff of the first step whose record differs, and how many others differ."""
    old, new = steps_of(expected), steps_of(actual)
    changed = [i for i in range(max(len(old), len(new))) if old[i : i + 1] != new[i : i + 1]]
    first = changed[0]
    summary = f"{len(changed)} of {max(len(old), len(new)) - 1} steps differ"
    if len(old) != len(new):
        summary += f" (the golden transcript has {len(old) - 1} steps, this run {len(new) - 1})"
    diff = difference(
        f"{TRANSCRIPT}, step {first}",
        "".join(old[first : first + 1]),
        "".join(new[first : first + 1]),
    )
    return f"{summary}; the first of them:\n{diff}"


def first_difference(expected: Recording, actual: Recording) -> str | None:
    """A readable account of the first thing that differs, or None."""
    if actual.transcript != expected.transcript:
        return transcript_difference(expected.transcript, actual.transcript)
    if sorted(actual.files) != sorted(expected.files):
        listing = difference(
            "journal file list",
            "".join(f"{name}\n" for name in sorted(expected.files)),
            "".join(f"{name}\n" for name in sorted(actual.files)),
        )
        return f"The journal's files differ:\n{listing}"
    for name, data in expected.files.items():
        if actual.files[name] != data:
            old = data.decode("utf-8", "backslashreplace")
            new = actual.files[name].decode("utf-8", "backslashreplace")
            return difference(f"journal/{name}", old, new) or (
                f"journal/{name}: the bytes differ:\n  golden {data!r}\n  now    "
                f"{actual.files[name]!r}"
            )
    if actual.manifest != expected.manifest:
        return difference(MANIFEST, expected.manifest, actual.manifest)
    return None


# -- the test -------------------------------------------------------------------


def test_the_scenario_is_byte_for_byte_what_it_was(tmp_path):
    actual = play(tmp_path / "journal")
    assert str(tmp_path) not in actual.transcript
    assert not [name for name, data in actual.files.items() if str(tmp_path).encode() in data]
    if os.environ.get(REGENERATE_ENV) == "1":
        write_golden(actual)
        pytest.skip(f"{REGENERATE_ENV}=1: the golden files were rewritten; review the diff")
    if not (GOLDEN / TRANSCRIPT).exists():
        pytest.fail(
            f"No golden files in {GOLDEN.name}/: run `python tests/cli/test_golden_scenario.py "
            "--regenerate` once, and commit them."
        )
    found = first_difference(read_golden(), actual)
    if found is not None:
        pytest.fail(
            "The scenario's output or files changed (the first difference is shown). If the "
            "change is intended, regenerate the golden files (see this module's docstring) "
            f"and review them.\n\n{found}",
            pytrace=False,
        )


def main(argv: list[str]) -> int:
    if argv != ["--regenerate"]:
        sys.stderr.write(f"usage: python {Path(__file__).name} --regenerate\n")
        return 2
    with tempfile.TemporaryDirectory() as folder:
        recording = play(Path(folder) / "journal")
    write_golden(recording)
    sys.stdout.write(
        f"Rewrote {GOLDEN}: {recording.transcript.count(STEP_MARK)} steps, "
        f"{len(recording.files)} journal files.\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
