"""The breathing timer's pace and drawing, driven by a fake clock: nothing really waits."""

from __future__ import annotations

import io
import os
import termios

import pytest
from rich.console import Console

from trustlog.domain.trigger.breathing import CALM, STEADY, breath_at, parse_pace
from trustlog.errors import InputError
from trustlog.render.breathing import Breathing, breathing_words, enter_key, frame, run_timer


class FakeTime:
    """A clock and a `wait` that moves it on; `enter_at` / `interrupt_at` play the person's keys."""

    def __init__(self, enter_at: float | None = None, interrupt_at: float | None = None) -> None:
        self.now = 1000.0
        self.start = self.now
        self.enter_at = enter_at
        self.interrupt_at = interrupt_at
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def wait(self, seconds: float) -> bool:
        self.waits.append(seconds)
        self.now += seconds
        elapsed = self.now - self.start
        if self.interrupt_at is not None and elapsed >= self.interrupt_at:
            raise KeyboardInterrupt
        return self.enter_at is not None and elapsed >= self.enter_at


def console() -> Console:
    return Console(file=io.StringIO(), width=80, no_color=True)


@pytest.mark.parametrize(
    ("pace", "elapsed", "inhaling", "fullness", "left"),
    [
        (STEADY, 0.0, True, 0.0, 5.0),
        (STEADY, 2.5, True, 0.5, 2.5),
        (STEADY, 5.0, False, 1.0, 5.0),
        (STEADY, 7.5, False, 0.5, 2.5),
        (STEADY, 10.0, True, 0.0, 5.0),
        (STEADY, 23.0, True, 0.6, 2.0),
        (CALM, 2.0, True, 0.5, 2.0),
        (CALM, 4.0, False, 1.0, 6.0),
        (CALM, 7.0, False, 0.5, 3.0),
        (CALM, 10.0, True, 0.0, 4.0),
    ],
)
def test_where_in_the_breath_we_are(pace, elapsed, inhaling, fullness, left):
    breath = breath_at(pace, elapsed)
    assert breath.inhaling is inhaling
    assert breath.fullness == pytest.approx(fullness)
    assert breath.phase_left == pytest.approx(left)


def test_both_paces_keep_six_breaths_a_minute():
    assert STEADY.cycle == CALM.cycle == 10
    assert CALM.exhale > CALM.inhale


def test_pace_by_name():
    assert parse_pace("calm") is CALM
    assert parse_pace(" Steady ") is STEADY
    with pytest.raises(InputError) as error:
        parse_pace("fast")
    assert error.value.message == "--pace: please choose steady or calm (got 'fast')."


def render(text) -> str:
    shown = console()
    shown.print(text)
    return shown.file.getvalue()


def test_the_bar_grows_breathing_in():
    assert render(frame(STEADY, 2.5, 30)) == (
        "Breathe in   3\n" + "█" * 15 + "░" * 15 + "\n" + "28 s left · Enter skips\n"
    )


def test_the_bar_shrinks_breathing_out():
    assert render(frame(CALM, 5.5, 30)) == (
        "Breathe out  5\n" + "█" * 22 + "░" * 8 + "\n" + "25 s left · Enter skips\n"
    )


def test_the_bar_is_empty_at_the_start_and_full_at_the_turn():
    assert "░" * 30 in render(frame(STEADY, 0, 30))
    assert "█" * 30 in render(frame(STEADY, 5, 30))
    assert "30 s left" in render(frame(STEADY, 0, 30))


def test_the_timer_runs_its_full_length_on_a_fake_clock():
    fake = FakeTime()
    result = run_timer(console(), 30, STEADY, fake.clock, fake.wait)
    assert result == Breathing(30.0, "done")
    assert sum(fake.waits) == pytest.approx(30.0)
    assert max(fake.waits) <= 0.1 + 1e-9


def test_enter_skips_the_rest_of_the_timer():
    fake = FakeTime(enter_at=4.0)
    result = run_timer(console(), 30, STEADY, fake.clock, fake.wait)
    assert result.ended == "skipped"
    assert result.seconds == pytest.approx(4.0)


def test_ctrl_c_ends_the_timer_without_raising():
    fake = FakeTime(interrupt_at=7.0)
    result = run_timer(console(), 60, CALM, fake.clock, fake.wait)
    assert result.ended == "stopped"
    assert result.seconds == pytest.approx(7.0)


def test_a_longer_session_on_request():
    fake = FakeTime()
    assert run_timer(console(), 180, CALM, fake.clock, fake.wait) == Breathing(180.0, "done")


@pytest.mark.parametrize(
    ("result", "words"),
    [
        (Breathing(30.0, "done"), "You breathed for 30 s."),
        (Breathing(180.0, "done"), "You breathed for 3 min."),
        (Breathing(100.0, "done"), "You breathed for 1 min 40 s."),
        (Breathing(0.2, "skipped"), "Skipped the breathing."),
        (Breathing(4.0, "skipped"), "Skipped the rest of the breathing, after 4 s."),
        (Breathing(1.0, "stopped"), "Stopped the breathing after 1 s. Let's go on."),
    ],
)
def test_what_the_person_is_told_afterwards(result, words):
    assert breathing_words(result) == words


@pytest.fixture
def terminal():
    """A pseudo-terminal: keys written to `main` arrive on `fd`, as typed."""
    main, fd = os.openpty()
    yield main, fd
    os.close(main)
    os.close(fd)


def test_enter_is_read_at_once_and_other_keys_are_not_enter(terminal):
    main, fd = terminal
    with enter_key(fd) as wait:
        assert wait(0) is False
        os.write(main, b"x")
        assert wait(0) is False
        os.write(main, b"\r")
        assert wait(0) is True


def test_the_terminal_settings_come_back_even_after_ctrl_c(terminal):
    _, fd = terminal
    before = termios.tcgetattr(fd)
    with pytest.raises(KeyboardInterrupt), enter_key(fd):
        assert termios.tcgetattr(fd)[3] & termios.ICANON == 0  # keys arrive one by one
        raise KeyboardInterrupt
    assert termios.tcgetattr(fd) == before
