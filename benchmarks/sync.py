"""Time `trustlog sync` on a ten-year journal, beside `git status` of the same folder.

    python benchmarks/sync.py [--runs 5] [--journal DIR] [--years 10]

Two devices share one bare repository in a temp folder: the generated journal
is sent by `sync setup` from one and taken by `sync setup` on the other. Then:

- `git status` of the journal folder (git's own repository, `.sync/git`), the
  yardstick: what any sync must at least do is look at every file;
- the floors under a sync with nothing to do: starting Python (`python -c
  pass`), and asking the remote where its branch is (`git ls-remote`);
- `trustlog sync` with nothing to do, the journal named by `TRUSTLOG_HOME`, and
  found in its default place (`XDG_DATA_HOME`, as platformdirs finds it), run
  without `TRUSTLOG_NOW`, as a person runs it;
- `trustlog sync` after a day's changes on both devices: this device's check-in,
  a promise mark and a trigger, while the other device wrote its own check-in of
  the same day, a mark and a trigger and synced first, so this sync commits,
  fetches, merges the day's two check-ins into one and pushes. Each run starts
  from a fresh copy of both devices and the remote (copying is not timed).

Median and fastest of N runs, in milliseconds, wall clock, as a Markdown table
on stdout; progress on stderr. The cases with nothing to do take turns, run
by run, so a busy moment of the machine falls on all of them; each one's ratio
to `git status` is the median of its per-run ratios. The generated journal is
never changed.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate
from run import environment, trustlog_command

DAY_AFTER = "2026-11-25T21:00:00+00:00"


STATUS = "`git status` of the journal folder"


def run(
    argv: list[str],
    home: Path | None = None,
    now: str | None = None,
    env: dict[str, str] | None = None,
) -> float:
    if env is None:
        env = environment(home)
        if now:
            env["TRUSTLOG_NOW"] = now
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise SystemExit(f"`{' '.join(argv)}` failed (exit {done.returncode}):\n{done.stderr}")
    return elapsed


def git_status(journal: Path) -> list[str]:
    return ["git", f"--git-dir={journal / '.sync' / 'git'}", f"--work-tree={journal}", "status",
            "--porcelain"]  # fmt: skip


def quiet_cases(
    trustlog: list[str], journal: Path, data: Path
) -> dict[str, tuple[list[str], dict[str, str]]]:
    """The cases with nothing to do, and the floors under them: command and environment."""
    git_dir = journal / ".sync" / "git"
    person = environment(journal)
    person.pop("TRUSTLOG_NOW")  # a person's clock: no pinned time to parse
    default = environment(None)
    default.pop("TRUSTLOG_NOW")
    data.mkdir()
    (data / "trustlog").symlink_to(journal)
    default["XDG_DATA_HOME"] = str(data)
    return {
        STATUS: (git_status(journal), person),
        "floor: starting Python (`python -c pass`)": ([sys.executable, "-c", "pass"], person),
        "floor: the remote's answer (`git ls-remote`)": (
            ["git", f"--git-dir={git_dir}", "ls-remote", "origin", "refs/heads/main"],
            person,
        ),
        "`sync`, nothing to do": ([*trustlog, "sync"], person),
        "`sync --json`, nothing to do": ([*trustlog, "sync", "--json"], person),
        "`sync`, nothing to do, journal in its default place": ([*trustlog, "sync"], default),
    }


def day_of_changes(trustlog: list[str], journal: Path, device: str) -> None:
    """A day's writing on one device: a check-in, a promise day marked, a trigger."""
    run([*trustlog, "checkin", "--mood", "4", "--note", f"written on the {device}"], journal,
        DAY_AFTER)  # fmt: skip
    promises = subprocess.run(
        [*trustlog, "promise", "list", "--json"], env=environment(journal),
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    import json

    listed = json.loads(promises)
    if listed:
        outcome = "kept" if device == "laptop" else "broken"
        run([*trustlog, "promise", outcome, listed[0]["id"], "--date", "2026-11-25"], journal,
            DAY_AFTER)  # fmt: skip
    run([*trustlog, "trigger", "--what", f"a {device} moment", "--no-timer"], journal, DAY_AFTER)


def table(rows: list[tuple[str, list[float], float | None]]) -> str:
    lines = ["| case | median ms | min ms | × `git status` |", "|---|---:|---:|---:|"]
    for case, times, ratio in rows:
        shown = "" if ratio is None else f"{ratio:.2f}"
        lines.append(f"| {case} | {statistics.median(times):.0f} | {min(times):.0f} | {shown} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--journal", type=Path, help="a generated journal to copy (not changed)")
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    trustlog = trustlog_command()
    with tempfile.TemporaryDirectory(prefix="trustlog-sync-bench-") as scratch:
        base = Path(scratch)
        source = args.journal
        if source is None:
            source = base / "generated"
            print(f"Generating {args.years} years...", file=sys.stderr)
            generate.main([str(source), "--years", str(args.years)])
        world = base / "world"
        laptop, desk, remote = world / "laptop", world / "desk", world / "remote.git"
        shutil.copytree(source, laptop)
        subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
        print("Sending and taking the journal...", file=sys.stderr)
        setup_send = run([*trustlog, "sync", "setup", str(remote)], laptop)
        setup_take = run([*trustlog, "sync", "setup", str(remote)], desk)
        files = sum(1 for p in laptop.rglob("*.md") if ".sync" not in p.parts)
        rows: list[tuple[str, list[float], float | None]] = []
        quiet = quiet_cases(trustlog, laptop, base / "data")
        times: dict[str, list[float]] = {name: [] for name in quiet}
        for argv, env in quiet.values():  # once untimed: caches warm
            run(argv, env=env)
        for _ in range(args.runs):  # taking turns, so a busy moment falls on all alike
            for name, (argv, env) in quiet.items():
                times[name].append(run(argv, env=env))
        yardstick = times[STATUS]
        for name, measured in times.items():
            ratios = [mine / theirs for mine, theirs in zip(measured, yardstick, strict=True)]
            rows.append((name, measured, statistics.median(ratios)))
        merged = []
        for number in range(args.runs):
            print(f"  a day's changes, run {number + 1}", file=sys.stderr)
            copy = base / f"run{number}"
            shutil.copytree(world, copy)
            for device in ("laptop", "desk"):
                subprocess.run(
                    ["git", f"--git-dir={copy / device / '.sync' / 'git'}", "config",
                     "remote.origin.url", str(copy / "remote.git")], check=True,
                )  # fmt: skip
            day_of_changes(trustlog, copy / "desk", "desk")
            run([*trustlog, "sync"], copy / "desk", DAY_AFTER)
            day_of_changes(trustlog, copy / "laptop", "laptop")
            os.sync()
            merged.append(run([*trustlog, "sync"], copy / "laptop", DAY_AFTER))
            shutil.rmtree(copy)
        rows.append(("`sync` after a day's changes on both devices (merge, push)", merged, None))
        rows.append(("`sync setup` sending the journal (once)", [setup_send], None))
        rows.append(("`sync setup` taking it on an empty journal (once)", [setup_take], None))
        print(f"\n{files} entry files.\n")
        print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
