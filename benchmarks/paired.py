"""trustlog beside jrnl on the same text, and beside the floors under both.

    python benchmarks/run.py --paired [--rounds 11] [--cache DIR]

(or `python benchmarks/paired.py`, the same.) Needs jrnl beside this Python:
`pip install -e '.[bench]'`.

Ten years of text are written as a jrnl journal in two shapes: A, one entry a
day of about 400 characters (3,653 entries); B, three short entries a day
(10,959). jrnl exports each (`jrnl --format json`) and `trustlog import jrnl`
brings that file into a trustlog journal, so both programs hold the same
entries. Then each operation runs once per round on each program, the two
taking turns (trustlog first in even rounds, jrnl first in odd ones), and the
table gives the median of the per-round ratios: a busy moment on a shared
machine falls on both sides of a ratio alike, where it would not on two
medians taken apart.

The floors are paired the same way: a check-in beside `python -c "import
typer"` (what any typer program pays before its first line), the import of
shape B beside copying the folder it makes, a check-in on ten years of
trustlog's own generated history beside one on an empty journal, and the
cached `report --month` on 20 years beside 1. Last, `/usr/bin/time -v` gives
the peak memory of the JSON export, a search and the report at 1, 10 and 20
years.

Progress goes to stderr; stdout is the report, ready to paste.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

END = date(2026, 11, 24)
NOW = "2026-11-24T20:00:00+00:00"
YEARS = 10
MONTH, MONTH_FROM, MONTH_TO = "2026-10", "2026-10-01", "2026-10-31"
WORD = "fridge"  # in about one entry in twenty

SENTENCES = [
    "Slow morning, coffee on the balcony before work.",
    "Work ran late again and I was tired by the time I got home.",
    "We had breakfast together for the first time this week.",
    "A quiet day; not much happened, which felt fine.",
    "Rain all day, so we stayed in and cooked.",
    "Took the long way home through the park.",
    "Saw my sister for lunch and talked about everything.",
    "We talked for twenty minutes after dinner, phones in the other room.",
    "An old song came on the radio and it brought the whole thing back for a moment.",
    "We disagreed about the holiday plans but stayed kind about it.",
    "I told Sam I was struggling instead of going quiet.",
    "We walked by the river and talked about Sunday.",
    "Sam was home at seven as promised.",
    "Finished the book I had been carrying around for a month.",
    "The train was late, so I read on the platform.",
    "Called my mother, who sounded well.",
]
FOUND = "Cleaned out the fridge and found a jar from last year."  # holds WORD
TAGS = ["@work", "@home", "@family", "@walk"]


# -- the shapes: the same ten years written for jrnl ------------------------------------


@dataclass(frozen=True)
class Shape:
    name: str
    per_day: int
    sentences: tuple[int, int]  # how many, at least and at most, in one entry

    def describe(self, entries: int) -> str:
        return f"{self.name}: {self.per_day} a day, {entries:,} entries"


SHAPES = (Shape("A", 1, (6, 8)), Shape("B", 3, (1, 2)))


def jrnl_text(shape: Shape, years: int, seed: int = 1) -> tuple[str, int]:
    """The journal file jrnl reads (`[YYYY-MM-DD HH:MM] title` then the body), and how
    many entries it holds."""
    rng = random.Random(seed)
    first = END.replace(year=END.year - years)
    days = (END - first).days + 1
    parts: list[str] = []
    for index in range(days):
        day = first + timedelta(days=index)
        for slot in range(shape.per_day):
            hour = 8 + slot * 5 + rng.randint(0, 3)
            said = rng.sample(SENTENCES, rng.randint(*shape.sentences))
            if rng.random() < 0.05:
                said.append(FOUND)
            if rng.random() < 0.2:
                said[-1] = f"{said[-1]} {rng.choice(TAGS)}"
            title, body = said[0], " ".join(said[1:])
            entry = f"[{day.isoformat()} {hour:02d}:{rng.randint(0, 59):02d}] {title}"
            parts.append(f"{entry}\n{body}\n" if body else f"{entry}\n")
    return "\n".join(parts), days * shape.per_day


JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


@dataclass
class Pair:
    """One shape held by both programs: jrnl's file and config, trustlog's folder."""

    shape: Shape
    entries: int
    jrnl_config: Path
    trustlog_home: Path
    export: Path  # jrnl's JSON export, what `trustlog import jrnl` read


def jrnl_journal(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "journal.txt"
    journal.write_text(text, encoding="utf-8")
    config = folder / "jrnl.yaml"
    config.write_text(JRNL_CONFIG.format(journal=journal), encoding="utf-8")
    return config


def copy_jrnl(config: Path, into: Path) -> Path:
    journal = into / "journal.txt"
    into.mkdir(parents=True)
    shutil.copyfile(config.parent / "journal.txt", journal)
    copied = into / "jrnl.yaml"
    copied.write_text(JRNL_CONFIG.format(journal=journal), encoding="utf-8")
    return copied


def make_pair(shape: Shape, work: Path) -> Pair:
    text, entries = jrnl_text(shape, YEARS)
    config = jrnl_journal(work / f"jrnl-{shape.name}", text)
    export = work / f"jrnl-{shape.name}.json"
    done = run([*JRNL, "--config-file", str(config), "--format", "json"], None)
    export.write_text(done.stdout, encoding="utf-8")
    home = work / f"trustlog-{shape.name}"
    run([*TRUSTLOG, "import", "jrnl", str(export), "--json"], home)
    return Pair(shape, entries, config, home, export)


# -- running and timing ----------------------------------------------------------------


def beside(name: str) -> list[str]:
    script = Path(sys.executable).parent / name
    return [str(script)] if script.exists() else [name]


TRUSTLOG = beside("trustlog")
JRNL = beside("jrnl")


def environment(home: Path | None) -> dict[str, str]:
    env = dict(os.environ, TRUSTLOG_NOW=NOW, TZ="UTC", NO_COLOR="1")
    # On a pipe, as a person pipes: no width asked for (a shell does not export COLUMNS).
    env.pop("COLUMNS", None)
    env.pop("TRUSTLOG_HOME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: from cached bytecode
    if home is not None:
        env["TRUSTLOG_HOME"] = str(home)
    return env


def run(argv: Sequence[str], home: Path | None) -> subprocess.CompletedProcess[str]:
    """Run once, stdout and stderr to pipes (so "piped" is what every run is)."""
    done = subprocess.run(
        argv, env=environment(home), capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    if done.returncode != 0:
        raise SystemExit(f"`{' '.join(argv)}` failed ({done.returncode}):\n{done.stderr}")
    return done


@dataclass
class Side:
    """One side of a comparison: the command of each round, and what to do before it."""

    argv: Callable[[int], Sequence[str]]
    home: Path | None = None
    before: Callable[[int], None] | None = None

    def time(self, index: int) -> float:
        if self.before is not None:
            self.before(index)
        started = time.perf_counter()
        run(self.argv(index), self.home)
        return (time.perf_counter() - started) * 1000


@dataclass
class Row:
    operation: str
    against: str  # what the ratio divides by
    goal: str
    ours: list[float] = field(default_factory=list)
    theirs: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.ours, self.theirs, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    def met(self) -> str:
        limit = float(self.goal.lstrip("≤ ").split()[0])
        return "yes" if self.ratio <= limit else "**no**"


ONLY: list[str] = []  # --only: the rows whose operation holds one of these


def paired(row: Row, ours: Side, theirs: Side, rounds: int, *, warm: bool = True) -> Row:
    if ONLY and not any(part in row.operation for part in ONLY):
        return row
    print(f"  {row.operation} / {row.against}", file=sys.stderr)
    if warm:
        ours.time(0)
        theirs.time(0)
    for index in range(rounds):
        first, second = (ours, theirs) if index % 2 == 0 else (theirs, ours)
        a, b = first.time(index), second.time(index)
        row.ours.append(a if first is ours else b)
        row.theirs.append(b if first is ours else a)
    return row


def same(argv: Sequence[str], home: Path | None = None, **kw: Callable[[int], None]) -> Side:
    return Side(lambda _index: argv, home, kw.get("before"))


def flush(_index: int = 0) -> None:
    os.sync()  # what the last run left in the page cache lands before the next is timed


# -- the comparisons -------------------------------------------------------------------

GOALS = {
    "--help": "≤ 0.5",
    "add one entry": "≤ 0.4",
    "list one month, piped": "≤ 0.4",
    f"search a word (`--contains {WORD}`)": "≤ 0.5",
    f"`report --month {MONTH}` / jrnl listing that month": "≤ 0.4",
    "export everything as JSON": {"A": "≤ 1.0", "B": "≤ 0.4"},
}


def against_jrnl(pair: Pair, work: Path, rounds: int) -> list[Row]:
    shape = pair.shape.name
    cfg = ["--config-file", str(pair.jrnl_config)]
    home = pair.trustlog_home
    rows: list[Row] = []

    def row(operation: str) -> Row:
        goal = GOALS[operation]
        return Row(
            f"{operation} ({shape})", "jrnl", goal[shape] if isinstance(goal, dict) else goal
        )

    rows.append(paired(row("--help"), same([*TRUSTLOG, "--help"]), same([*JRNL, "--help"]), rounds))
    # Each round adds on a day of its own (a check-in made that day, so it creates one);
    # jrnl appends its entry to its copy, which it rewrites whole.
    ours_copy = work / f"add-trustlog-{shape}"
    shutil.copytree(home, ours_copy)
    theirs_cfg = copy_jrnl(pair.jrnl_config, work / f"add-jrnl-{shape}")
    flush()
    note = "Slept badly but we talked it through over breakfast."
    rows.append(
        paired(
            row("add one entry"),
            Side(
                lambda i: [
                    *TRUSTLOG,
                    "checkin",
                    "--date",
                    str(END - timedelta(days=i + 1)),
                    "--note",
                    note,
                ],
                ours_copy,
            ),
            same([*JRNL, "--config-file", str(theirs_cfg), note]),
            rounds,
            warm=False,
        )
    )
    month_of_jrnl = same([*JRNL, *cfg, "-from", MONTH_FROM, "-to", MONTH_TO])
    rows.append(
        paired(
            row("list one month, piped"),
            same([*TRUSTLOG, "entries", "--from", MONTH_FROM, "--to", MONTH_TO], home),
            month_of_jrnl,
            rounds,
        )
    )
    rows.append(
        paired(
            row(f"search a word (`--contains {WORD}`)"),
            same([*TRUSTLOG, "entries", "--contains", WORD], home),
            same([*JRNL, *cfg, "-contains", WORD]),
            rounds,
        )
    )
    rows.append(
        paired(
            row(f"`report --month {MONTH}` / jrnl listing that month"),
            same([*TRUSTLOG, "report", "--month", MONTH], home),
            month_of_jrnl,
            rounds,
        )
    )
    rows.append(
        paired(
            row("export everything as JSON"),
            same([*TRUSTLOG, "export", "--format", "json", "--output", "-"], home),
            same([*JRNL, *cfg, "--format", "json"]),
            rounds,
        )
    )
    return rows


def against_floors(
    pairs: dict[str, Pair], histories: dict[int, Path], work: Path, rounds: int
) -> list[Row]:
    rows: list[Row] = []
    empty = work / "floor-empty"
    note = "Slept well."
    checkin = [*TRUSTLOG, "checkin", "--mood", "4", "--note", note]
    run(checkin, empty)  # today's check-in exists: every timed one updates it
    rows.append(
        paired(
            Row("a check-in (empty journal)", '`python -c "import typer"`', "≤ 1.5"),
            same(checkin, empty),
            same([sys.executable, "-c", "import typer"]),
            rounds,
        )
    )
    b = pairs["B"]
    restored = work / "floor-import"
    copied = work / "floor-copy"

    def start_import(_index: int) -> None:
        shutil.rmtree(restored, ignore_errors=True)
        flush()

    def start_copy(_index: int) -> None:
        shutil.rmtree(copied, ignore_errors=True)
        flush()

    rows.append(
        paired(
            Row(
                f"import jrnl, shape B ({b.entries:,} entries)",
                "copying the folder it makes",
                "≤ 2",
            ),
            Side(
                lambda _i: [*TRUSTLOG, "import", "jrnl", str(b.export), "--json"],
                restored,
                start_import,
            ),
            Side(lambda _i: ["cp", "-r", str(b.trustlog_home), str(copied)], None, start_copy),
            min(rounds, 5),
            warm=False,
        )
    )
    ten = work / "floor-10y"
    shutil.copytree(histories[10], ten)
    empty_w = empty_journal(work / "floor-empty-w")
    for folder in (ten, empty_w):
        for i in range(rounds):
            day = END - timedelta(days=i + 1)
            for path in folder.glob(f"{day.year:04d}/{day.month:02d}/{day}-checkin-*.md"):
                path.unlink()
    flush()

    def creates(i: int) -> list[str]:
        day = END - timedelta(days=i + 1)
        return [*TRUSTLOG, "checkin", "--date", str(day), "--mood", "3", "--note", note]

    rows.append(
        paired(
            Row("a check-in that creates, 10 years", "the same on an empty journal", "≤ 1.15"),
            Side(creates, ten),
            Side(creates, empty_w),
            rounds,
            warm=False,
        )
    )
    report = [*TRUSTLOG, "report", "--month", MONTH, "--json"]
    on = {years: work / f"floor-report-{years}" for years in (1, 20)}
    for years, folder in on.items():
        shutil.copytree(histories[years], folder)
    flush()  # the copies' pages written back now, not during the timed runs
    rows.append(
        paired(
            Row(f"cached `report --month {MONTH}`, 20 years", "the same on 1 year", "≤ 1.2"),
            same(report, on[20]),
            same(report, on[1]),
            rounds,
        )
    )
    return rows


def floors(rounds: int) -> list[tuple[str, float]]:
    """What Python and typer cost alone, for the README beside the ratios."""
    found = []
    for name, argv in (
        ("`python -c pass`", [sys.executable, "-c", "pass"]),
        ('`python -c "import typer"`', [sys.executable, "-c", "import typer"]),
    ):
        side = same(argv)
        side.time(0)
        found.append((name, statistics.median(side.time(i) for i in range(rounds))))
    return found


def peaks(histories: dict[int, Path], work: Path) -> list[tuple[str, dict[int, float]]]:
    """Peak resident memory (MiB) by `/usr/bin/time -v`, on each history."""
    cases = {
        "export --format json --output -": ["export", "--format", "json", "--output", "-"],
        f"entries --contains {WORD}": ["entries", "--contains", WORD],
        f"report --month {MONTH}": ["report", "--month", MONTH],
    }
    found = []
    for name, args in cases.items():
        sizes = {}
        for years, home in histories.items():
            folder = work / f"peak-{years}"
            if not folder.exists():
                shutil.copytree(home, folder)
            done = run(["/usr/bin/time", "-v", *TRUSTLOG, *args], folder)
            kib = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
            sizes[years] = int(kib.group(1)) / 1024 if kib else float("nan")
        found.append((name, sizes))
    return found


def history(years: int, cache: Path | None, work: Path) -> Path:
    """trustlog's own generated history of `years` (kept in `cache` between runs)."""
    where = (cache or work) / f"history-{years}y"
    if not where.exists():
        print(f"  (generating {years} years)", file=sys.stderr)
        partial = where.with_name(where.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        generate.generate(partial, years * generate.DAYS_PER_YEAR, END, seed=1)
        partial.rename(where)
    return where


def empty_journal(root: Path) -> Path:
    """A journal folder as the first check-in leaves it, but with no entries."""
    from trustlog.domain.kinds import UNDATED_FOLDERS
    from trustlog.storage.journal import Journal

    with Journal(root, undated_folders=UNDATED_FOLDERS).writing():
        pass
    return root


def load() -> str:
    with open("/proc/loadavg", encoding="ascii") as file:
        return " ".join(file.read().split()[:3])


def table(rows: list[Row], heading: str) -> list[str]:
    lines = [
        f"| {heading} | against | ratio (median of rounds) | goal | met | "
        "ms (ours · theirs, medians) |",
        "|---|---|---:|---:|:-:|---:|",
    ]
    for row in rows:
        if not row.ours:
            continue  # left out by --only
        lines.append(
            f"| {row.operation} | {row.against} | {row.ratio:.2f} | {row.goal} | {row.met()} | "
            f"{statistics.median(row.ours):.0f} · {statistics.median(row.theirs):.0f} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=11, help="rounds per row (default 11)")
    parser.add_argument(
        "--cache", type=Path, help="keep the generated 1, 10 and 20 years here between runs"
    )
    parser.add_argument("--no-peaks", action="store_true", help="skip the memory peaks")
    parser.add_argument(
        "--only", action="append", default=[], metavar="TEXT", help="only rows holding TEXT"
    )
    args = parser.parse_args(argv)
    ONLY[:] = args.only
    if shutil.which(JRNL[0]) is None:
        parser.error("jrnl is not installed beside this Python: pip install -e '.[bench]'")
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    started_load = load()
    with tempfile.TemporaryDirectory(prefix="trustlog-paired-") as scratch:
        work = Path(scratch)
        print("Setting up the shapes and histories...", file=sys.stderr)
        pairs = {shape.name: make_pair(shape, work) for shape in SHAPES}
        histories = {years: history(years, args.cache, work) for years in (1, 10, 20)}
        print("Timing:", file=sys.stderr)
        rows = []
        for pair in pairs.values():
            rows += against_jrnl(pair, work, args.rounds)
        floor_rows = against_floors(pairs, histories, work, args.rounds)
        base = floors(args.rounds)
        memory = [] if args.no_peaks else peaks(histories, work)
    lines = [f"Shapes: {'; '.join(p.shape.describe(p.entries) for p in pairs.values())}.", ""]
    lines += table(rows, "trustlog / jrnl")
    lines += ["", *table(floor_rows, "trustlog")]
    lines += ["", "| floor | median ms |", "|---|---:|"]
    lines += [f"| {name} | {ms:.0f} |" for name, ms in base]
    if memory:
        lines += [
            "",
            "| peak memory (MiB) | 1 year | 10 years | 20 years |",
            "|---|---:|---:|---:|",
        ]
        lines += [
            f"| `{name}` | " + " | ".join(f"{sizes[y]:.0f}" for y in (1, 10, 20)) + " |"
            for name, sizes in memory
        ]
    lines += [
        "",
        f"{args.rounds} rounds (import: {min(args.rounds, 5)}); Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs; load average {started_load} at the start, {load()} at the end.",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
