"""The paced breathing timer: breathe in, breathe out, with a bar that grows and shrinks.

Time is injected: `run_timer` takes a clock and a `wait` function (a sleep
that returns early, with True, when Enter is pressed), so tests drive it with
a fake clock and never really wait. `breathe` wires the real ones: the
monotonic clock and the terminal's keys, read with select in cbreak mode.

Ctrl-C ends the timer, not the routine: the person may simply want to stop
breathing along, and losing what they already answered would be unkind.
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from trustlog.domain.trigger.breathing import Pace, breath_at
from trustlog.render import words

if TYPE_CHECKING:
    from rich.console import Console

    from trustlog.render.console import Text
    from trustlog.render.output import Output

Clock = Callable[[], float]
Wait = Callable[[float], bool]
"""Wait up to this many seconds; True as soon as Enter is pressed."""

TICK_SECONDS = 0.1
BAR_WIDTH = 30


@dataclass(frozen=True)
class Breathing:
    seconds: float
    """How long the person actually breathed along."""
    ended: Literal["done", "skipped", "stopped"]


def frame(pace: Pace, elapsed: float, total: float) -> Text:
    """What the timer shows `elapsed` seconds into a `total`-second session."""
    from trustlog.render.console import Text

    breath = breath_at(pace, elapsed)
    filled = round(breath.fullness * BAR_WIDTH)
    shown = Text()
    shown.append("Breathe in " if breath.inhaling else "Breathe out", style="title")
    shown.append(f"  {math.ceil(breath.phase_left - 1e-9)}\n", style="muted")
    shown.append("█" * filled, style="accent")
    shown.append("░" * (BAR_WIDTH - filled), style="muted")
    left = max(math.ceil(total - elapsed - 1e-9), 0)
    shown.append(f"\n{left} s left · Enter skips", style="muted")
    return shown


def run_timer(console: Console, total: float, pace: Pace, clock: Clock, wait: Wait) -> Breathing:
    """Show the timer for `total` seconds, or until Enter or Ctrl-C."""
    from rich.live import Live

    start = clock()
    ended: Literal["done", "skipped", "stopped"] = "done"
    try:
        with Live(
            frame(pace, 0, total), console=console, auto_refresh=False, transient=True
        ) as live:
            while (elapsed := clock() - start) < total:
                live.update(frame(pace, elapsed, total), refresh=True)
                if wait(min(TICK_SECONDS, total - elapsed)):
                    ended = "skipped"
                    break
    except KeyboardInterrupt:
        ended = "stopped"
    return Breathing(min(clock() - start, total), ended)


@contextmanager
def enter_key(fd: int) -> Iterator[Wait]:
    """Read keys from the terminal `fd` as they are typed, restoring its settings always.

    cbreak mode hands over each key at once and stops the echo, while Ctrl-C
    still interrupts. Keys typed during the timer are dropped on the way out
    (TCSAFLUSH), so a stray one does not land in the next question.
    """
    import select
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)

        def wait(seconds: float) -> bool:
            ready, _, _ = select.select([fd], [], [], max(seconds, 0.0))
            if not ready:
                return False
            keys = os.read(fd, 64)
            return b"\r" in keys or b"\n" in keys

        yield wait
    finally:
        termios.tcsetattr(fd, termios.TCSAFLUSH, saved)


def breathe(output: Output, seconds: int, pace: Pace) -> Breathing:
    """The timer in the person's terminal (the caller has checked there is one)."""
    with enter_key(sys.stdin.fileno()) as wait:
        result = run_timer(output.err, seconds, pace, time.monotonic, wait)
    output.say(breathing_words(result))
    return result


def breathing_words(result: Breathing) -> str:
    took = words.seconds(result.seconds)
    if result.ended == "done":
        return f"You breathed for {took}."
    if result.ended == "stopped":
        return f"Stopped the breathing after {took}. Let's go on."
    if round(result.seconds) < 1:
        return "Skipped the breathing."
    return f"Skipped the rest of the breathing, after {took}."
