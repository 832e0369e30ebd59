"""Time the real `trustlog` command on an empty journal and on a 10-year one.

    python benchmarks/run.py [--runs 10] [--journal DIR] [--years 10]

Each case spawns the installed console script (`trustlog` beside this Python)
as a person would, several times, and reports the median and the fastest wall
time in milliseconds as a Markdown table on stdout. "Now" is pinned
(TRUSTLOG_NOW) and every case gets its own journal folder (TRUSTLOG_HOME);
cases that write work on a fresh copy, so the generated journal is never
changed. Then `python -X importtime` lists what `trustlog --help` imports.

Progress goes to stderr; stdout is only the report, ready to paste.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

NOW = "2026-11-24T20:00:00+00:00"
TODAY = date(2026, 11, 24)
MONTH = "2026-10"
MONTH_FROM, MONTH_TO = "2026-10-01", "2026-10-31"
HEAVY = ("questionary", "prompt_toolkit")


@dataclass
class Timing:
    case: str
    journal: str
    runs: list[float]  # milliseconds

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def fastest(self) -> float:
        return min(self.runs)


def trustlog_command() -> list[str]:
    """The console script installed beside this Python, as a person would type it."""
    script = Path(sys.executable).parent / ("trustlog.exe" if os.name == "nt" else "trustlog")
    return [str(script)] if script.exists() else [sys.executable, "-m", "trustlog"]


def environment(home: Path | None) -> dict[str, str]:
    env = dict(os.environ, TRUSTLOG_NOW=NOW, TZ="UTC", NO_COLOR="1", COLUMNS="80")
    env.pop("TRUSTLOG_HOME", None)
    if home is not None:
        env["TRUSTLOG_HOME"] = str(home)
    return env


def run_once(argv: Sequence[str], home: Path | None, **extra_env: str) -> float:
    started = time.perf_counter()
    env = environment(home) | extra_env
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise SystemExit(
            f"`{' '.join(argv)}` failed (exit {done.returncode}):\n{done.stderr.strip()}"
        )
    return elapsed


def time_case(
    case: str,
    journal: str,
    argvs: Sequence[Sequence[str]],
    home: Path | None,
    warm: bool = True,
    **extra_env: str,
) -> Timing:
    """Run each argv once, after one untimed run of the first to warm the caches
    (unless `warm` is False: a run that creates must not be repeated)."""
    print(f"  {case} ({journal})", file=sys.stderr)
    if warm:
        run_once(argvs[0], home, **extra_env)
    return Timing(case, journal, [run_once(argv, home, **extra_env) for argv in argvs])


def fresh_copy(source: Path, into: Path, name: str) -> Path:
    target = into / name
    shutil.copytree(source, target, symlinks=True)
    return target


def empty_journal(into: Path, name: str) -> Path:
    """A journal folder as the first check-in leaves it, but with no entries."""
    from trustlog.storage.journal import Journal

    root = into / name
    with Journal(root).writing():
        pass
    return root


def catch_up_days(runs: int) -> list[date]:
    """Different days inside the last month, one per run, so each check-in creates."""
    return [TODAY - timedelta(days=2 + i) for i in range(runs)]


def forget_checkins(journal: Path, days: Sequence[date]) -> None:
    """Remove those days' check-ins from a copy: the person missed them and catches up now."""
    for day in days:
        folder = journal / f"{day.year:04d}" / f"{day.month:02d}"
        for path in folder.glob(f"{day.isoformat()}-checkin-*.md"):
            path.unlink()


def has_report(cli: list[str], home: Path) -> bool:
    done = subprocess.run(
        [*cli, "report", "--help"], env=environment(home), capture_output=True, text=True
    )
    return done.returncode == 0


def a_checkin_id(journal: Path) -> str:
    folder = journal / f"{TODAY.year:04d}" / f"{TODAY.month:02d}"
    name = sorted(folder.glob(f"{(TODAY - timedelta(days=1)).isoformat()}-checkin-*.md"))[0].name
    return name.removesuffix(".md").rsplit("-", 1)[1]


def benchmark(big: Path, work: Path, runs: int, label: str) -> tuple[list[Timing], list[str]]:
    cli = trustlog_command()
    python_m = [sys.executable, "-m", "trustlog"]
    notes: list[str] = []
    timings: list[Timing] = []
    empty = empty_journal(work, "empty")
    note = "Slept badly but we talked it through over breakfast."
    days = catch_up_days(runs)

    timings.append(time_case("python -c pass", "-", [[sys.executable, "-c", "pass"]] * runs, empty))
    timings.append(time_case("trustlog --help", "-", [[*cli, "--help"]] * runs, empty))
    timings.append(
        time_case("python -m trustlog --help", "-", [[*python_m, "--help"]] * runs, empty)
    )
    # typer draws help with rich when it can; this row shows what that costs.
    timings.append(
        time_case(
            "TYPER_USE_RICH=0 trustlog --help",
            "-",
            [[*cli, "--help"]] * runs,
            empty,
            TYPER_USE_RICH="0",
        )
    )

    for journal_label, source in (("empty", None), (label, big)):
        home = (
            empty_journal(work, "w-empty") if source is None else fresh_copy(source, work, "w-big")
        )
        forget_checkins(home, days)
        creates = [
            [*cli, "checkin", "--date", day.isoformat(), "--mood", "3", "--note", note, "--json"]
            for day in days
        ]
        timings.append(time_case("checkin (creates)", journal_label, creates, home, warm=False))
        update = [*cli, "checkin", "--mood", "4", "--note", note, "--json"]
        run_once(update, home)  # today's check-in now exists, so every timed run updates it
        timings.append(time_case("checkin (updates)", journal_label, [update] * runs, home))

    readers = {"empty": empty, label: big}
    month = [*cli, "entries", "--from", MONTH_FROM, "--to", MONTH_TO, "--json"]
    for journal_label, home in readers.items():
        timings.append(
            time_case(
                f"entries --from {MONTH_FROM} --to {MONTH_TO} --json",
                journal_label,
                [month] * runs,
                home,
            )
        )
    for journal_label, home in readers.items():
        timings.append(
            time_case("trustlog --json (dashboard)", journal_label, [[*cli, "--json"]] * runs, home)
        )

    small = work / "month"
    generate.generate(small, 30, TODAY, seed=1)
    for journal_label, home in (("1 month", small), (label, big)):
        show = [*cli, "show", a_checkin_id(home), "--json"]
        timings.append(time_case("show ID --json", journal_label, [show] * runs, home))

    if has_report(cli, empty):
        report = [*cli, "report", "--month", MONTH, "--json"]
        for journal_label, home in readers.items():
            timings.append(
                time_case(f"report --month {MONTH} --json", journal_label, [report] * runs, home)
            )
    else:
        notes.append(
            f"`report --month {MONTH} --json` skipped: this trustlog has no `report` command yet."
        )
    return timings, notes


def import_profile(top: int) -> tuple[list[tuple[str, float]], list[str]]:
    """The slowest top-level imports of `trustlog --help`, and any heavy module it loaded."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "trustlog", "--help"],
        env=environment(None),
        capture_output=True,
        text=True,
    )
    rows: list[tuple[str, float]] = []
    loaded: list[str] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part for part in line.removeprefix("import time:").split("|"))
        module = name.strip()
        if module.split(".")[0] in HEAVY:
            loaded.append(module)
        if not name[1:].startswith(" "):  # nesting level 0: imported by the program itself
            rows.append((module, int(cumulative) / 1000))
    rows.sort(key=lambda row: row[1], reverse=True)
    return rows[:top], loaded


def report(
    timings: list[Timing],
    notes: list[str],
    runs: int,
    imports: list[tuple[str, float]],
    heavy: list[str],
) -> str:
    lines = [
        "| case | journal | median ms | min ms |",
        "|---|---|---:|---:|",
    ]
    for t in timings:
        lines.append(f"| `{t.case}` | {t.journal} | {t.median:.0f} | {t.fastest:.0f} |")
    lines.append("")
    lines.append(f"{runs} runs per case; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs.")
    lines += notes
    lines += ["", "| `trustlog --help` imports (top level) | cumulative ms |", "|---|---:|"]
    lines += [f"| `{module}` | {ms:.1f} |" for module, ms in imports]
    lines.append("")
    if heavy:
        lines.append(f"`trustlog --help` imported {', '.join(sorted(set(heavy)))}: it should not.")
    else:
        lines.append("`trustlog --help` imports neither questionary nor prompt_toolkit.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs per case (default 10)")
    parser.add_argument(
        "--journal", type=Path, help="a journal made by generate.py (never changed)"
    )
    parser.add_argument(
        "--years",
        type=int,
        default=generate.DEFAULT_YEARS,
        help="years to generate without --journal",
    )
    parser.add_argument("--top", type=int, default=12, help="how many imports to list (default 12)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.runs > 25:
        parser.error("--runs: from 1 to 25, please (each check-in run needs its own day)")
    with tempfile.TemporaryDirectory(prefix="trustlog-bench-") as scratch:
        work = Path(scratch)
        big = args.journal
        if big is None:
            big = work / "big"
            print(f"Generating a {args.years}-year journal...", file=sys.stderr)
            generate.generate(big, args.years * generate.DAYS_PER_YEAR, TODAY, seed=1)
            label = f"{args.years} years"
        else:
            label = "given"
        print("Timing:", file=sys.stderr)
        timings, notes = benchmark(big, work, args.runs, label)
    imports, heavy = import_profile(args.top)
    print(report(timings, notes, args.runs, imports, heavy))
    return 1 if heavy else 0


if __name__ == "__main__":
    sys.exit(main())
