"""The pace of the breathing timer: where in a breath we are, at any moment.

Pure arithmetic, so the timer's drawing (render/breathing.py) can be checked
at any instant without waiting for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from trustlog.errors import InputError


@dataclass(frozen=True)
class Pace:
    name: str
    inhale: float
    exhale: float
    label: str

    @property
    def cycle(self) -> float:
        return self.inhale + self.exhale


# Six breaths a minute, as slow-breathing practice suggests; the calmer pace
# keeps that rhythm but lengthens the out-breath, which is what settles people.
STEADY = Pace("steady", 5, 5, "Breathe 5 s in, 5 s out")
CALM = Pace("calm", 4, 6, "A calmer pace: 4 s in, 6 s out")
PACES = {pace.name: pace for pace in (STEADY, CALM)}


@dataclass(frozen=True)
class Breath:
    inhaling: bool
    fullness: float
    """0 with empty lungs, 1 with full ones: the bar grows breathing in, shrinks breathing out."""
    phase_left: float
    """Seconds left of this in-breath or out-breath."""


def breath_at(pace: Pace, elapsed: float) -> Breath:
    moment = max(elapsed, 0.0) % pace.cycle
    if moment < pace.inhale:
        return Breath(True, moment / pace.inhale, pace.inhale - moment)
    out = moment - pace.inhale
    return Breath(False, 1 - out / pace.exhale, pace.exhale - out)


def parse_pace(value: str, flag: str = "--pace") -> Pace:
    pace = PACES.get(value.strip().lower())
    if pace is None:
        names = " or ".join(PACES)
        raise InputError(f"{flag}: please choose {names} (got '{value}').")
    return pace
