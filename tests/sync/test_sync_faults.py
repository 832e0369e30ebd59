"""A sync killed at every step, stopped by Ctrl-C, or run twice at once: nothing is lost,
each journal is before or after, and the next sync converges (entries equal byte for byte)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT, SUPPORT
from tests.support.sync_helpers import Device, bare, git

HELPER = SUPPORT / "crash.py"  # run with --programs: each git run is a step too


def world(tmp_path: Path, cli, at) -> tuple[Path, Device, Device]:
    """Two devices that wrote on one day apart: check-ins, a mark, a trigger both resolved."""
    place = tmp_path / "world"
    remote = bare(place / "remote.git")
    laptop, desk = Device(place / "laptop", cli), Device(place / "desk", cli)
    at("2026-11-23T20:00:00+00:00")
    laptop.ok("promise", "add", "Call at seven", "--every", "daily", "--start", "2026-11-01")
    laptop.ok("trigger", "--at", "2026-11-23 18:00", "--what", "an old photo", "--no-timer")
    laptop.ok("sync", "setup", str(remote))
    desk.ok("sync", "setup", str(remote))
    promise = desk("promise", "list", "--json").json()[0]["id"]
    trigger = next(e for e in desk("entries", "--json").json() if e["kind"] == "trigger")["id"]
    at("2026-11-24T08:00:00+00:00")
    laptop.ok("checkin", "--mood", "2", "--note", "laptop morning", "--grateful", "coffee")
    laptop.ok("promise", "broken", promise, "--date", "2026-11-24", "--note", "the train")
    laptop.ok("trigger", "resolve", trigger, "--at", "2026-11-23 18:40")
    at("2026-11-24T21:00:00+00:00")
    desk.ok("checkin", "--mood", "4", "--note", "desk evening")
    desk.ok("promise", "kept", promise, "--date", "2026-11-24")
    desk.ok("trigger", "resolve", trigger, "--at", "2026-11-23 19:30")
    desk.ok(
        "apology",
        "draft",
        "--did",
        "I was late",
        "--impact",
        "you waited",
        "--responsibility",
        "I chose to",
        "--amends",
        "I leave earlier",
    )
    desk.sync()
    return place, laptop, desk


def copy_world(place: Path, to: Path, cli) -> tuple[Device, Device]:
    shutil.copytree(place, to, symlinks=True)
    laptop, desk = Device(to / "laptop", cli), Device(to / "desk", cli)
    for device in (laptop, desk):
        git(device.root / ".sync" / "git", "config", "remote.origin.url", str(to / "remote.git"))
    return laptop, desk


def crashed_sync(
    device: Device, k: int, interrupt: bool = False
) -> subprocess.CompletedProcess[str]:
    flags = ["--programs", *(["--interrupt"] if interrupt else [])]
    args = [sys.executable, str(HELPER), *flags, str(k)]
    return subprocess.run(
        [*args, "--journal", str(device.root), "sync"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )


def converged(laptop: Device, desk: Device) -> str:
    """The laptop's next sync finishes its own and sends the merge; the desk takes it."""
    for device in (laptop, desk):
        device.sync()
    assert laptop.entries() == desk.entries()
    return laptop.entries()


@pytest.fixture
def reference(tmp_path: Path, cli, at) -> tuple[Path, str, str, str]:
    """The world, the laptop's entries before its sync, after it, and once both converged."""
    place, laptop, _ = world(tmp_path, cli, at)
    before = laptop.entries()
    check, _ = copy_world(place, tmp_path / "reference", cli)
    check.sync()
    after = check.entries()
    final = converged(*copy_world(place, tmp_path / "final", cli))
    return place, before, after, final


def test_a_sync_killed_at_every_step_ends_before_or_after_and_the_next_one_finishes(
    reference, tmp_path, cli
):
    place, before, after, final = reference
    assert before != after
    k = 0
    while True:
        k += 1
        laptop, desk = copy_world(place, tmp_path / f"k{k}", cli)
        done = crashed_sync(laptop, k)
        if done.returncode == 0:
            break
        assert done.returncode == 137, done.stderr
        assert laptop.entries() in (before, after), f"killed at step {k}"
        assert converged(laptop, desk) == final, f"killed at step {k}"
        shutil.rmtree(tmp_path / f"k{k}")
    assert k > 20  # every git command and every file of the merge was a step


@pytest.mark.parametrize("k", [3, 9, 17, 25])
def test_ctrl_c_during_a_sync_exits_130_and_the_next_sync_finishes(reference, tmp_path, cli, k):
    place, before, after, final = reference
    laptop, desk = copy_world(place, tmp_path / "c", cli)
    done = crashed_sync(laptop, k, interrupt=True)
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr and "Stopped" in done.stderr
    assert laptop.entries() in (before, after)
    assert converged(laptop, desk) == final


def test_lock_files_a_killed_git_left_do_not_stop_the_next_sync(reference, tmp_path, cli):
    place, _, _, final = reference
    laptop, desk = copy_world(place, tmp_path / "l", cli)
    repo = laptop.root / ".sync" / "git"
    (repo / "index.lock").write_text("")
    (repo / "refs" / "heads" / "main.lock").write_text("")
    assert converged(laptop, desk) == final


def test_two_syncs_at_once_on_one_device_both_finish(reference, tmp_path, cli):
    place, _, _, final = reference
    laptop, desk = copy_world(place, tmp_path / "r", cli)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "trustlog", "--journal", str(laptop.root), "sync", "--json"]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert converged(laptop, desk) == final
