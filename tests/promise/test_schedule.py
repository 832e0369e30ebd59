"""When a promise is due, and the forgiving strength score, against hand-worked values."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.promise_helpers import CREATED
from trustlog.domain.promise.model import Promise
from trustlog.domain.promise.schedule import (
    STRENGTH_M,
    is_scheduled,
    parse_every,
    scheduled_days,
    strength,
)
from trustlog.errors import InputError


def promise(start: str = "2026-01-01", **fields: object) -> Promise:
    return Promise(id="p2345", text="x", created=CREATED, start=date.fromisoformat(start), **fields)  # type: ignore[arg-type]


def days(text: str) -> list[date]:
    return [date.fromisoformat(part) for part in text.split()]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("daily", "daily"),
        (" Weekdays ", "weekdays"),
        ("weekends", "weekends"),
        ("thu,mon", "mon,thu"),
        ("Monday, Thursday", "mon,thu"),
        ("fri,fri,wed", "wed,fri"),
    ],
)
def test_parse_every_normalises(typed, stored):
    assert parse_every(typed) == stored


@pytest.mark.parametrize("typed", ["", "funday", "mon,xyz", "monk", ","])
def test_parse_every_refuses_unknown_days_naming_the_flag(typed):
    with pytest.raises(InputError) as error:
        parse_every(typed)
    assert error.value.message.startswith("--every:")


def test_weekdays_across_a_month_end():
    weekdays = promise(every="weekdays")
    found = list(scheduled_days(weekdays, date(2026, 10, 29), date(2026, 11, 3)))
    # Thu 29, Fri 30 October; Sat 31 and Sun 1 are not due; Mon 2, Tue 3 November.
    assert found == days("2026-10-29 2026-10-30 2026-11-02 2026-11-03")


def test_chosen_days_across_a_year_end():
    mon_thu = promise(every="mon,thu")
    found = list(scheduled_days(mon_thu, date(2026, 12, 26), date(2027, 1, 5)))
    assert found == days("2026-12-28 2026-12-31 2027-01-04")


def test_daily_stops_at_its_end_and_at_retirement():
    ends = promise(start="2026-12-30", end=date(2026, 12, 31))
    assert list(scheduled_days(ends, date(2026, 12, 1), date(2027, 1, 31))) == days(
        "2026-12-30 2026-12-31"
    )
    retired = promise(start="2026-12-30", retired=date(2027, 1, 1))
    assert list(scheduled_days(retired, date(2026, 12, 1), date(2027, 1, 31))) == days(
        "2026-12-30 2026-12-31 2027-01-01"
    )


def test_weekends_before_start_are_not_due():
    weekends = promise(start="2026-11-22", every="weekends")  # a Sunday
    assert not is_scheduled(weekends, date(2026, 11, 21))
    assert is_scheduled(weekends, date(2026, 11, 22))
    assert not is_scheduled(weekends, date(2026, 11, 23))
    assert is_scheduled(weekends, date(2026, 11, 28))


def test_once_is_due_on_its_day_only():
    once = promise(start="2026-12-31", every=None, once=date(2026, 12, 31))
    assert list(scheduled_days(once, date(2026, 12, 1), date(2027, 1, 31))) == days("2026-12-31")
    assert not is_scheduled(once, date(2027, 1, 1))


def test_strength_m_halves_a_day_after_thirteen_days():
    assert pytest.approx(0.948077514339) == STRENGTH_M
    assert pytest.approx(0.5) == STRENGTH_M**13


def test_strength_against_hand_worked_values():
    m = 0.948077514339
    assert strength([]) == 0.0
    assert strength([1.0]) == pytest.approx(1 - m)  # 0.0519
    assert strength([1.0] * 13) == pytest.approx(0.5)  # 1 - m^13
    assert strength([1.0] * 26) == pytest.approx(0.75)  # 1 - m^26
    # Thirteen kept then one broken-and-repaired: 0.5·m + 0.5·(1−m) = 0.5, exactly.
    assert strength([1.0] * 13 + [0.5]) == pytest.approx(0.5)
    # Thirteen kept then one broken: 0.5·m = 0.47404; it eases, it does not reset.
    assert strength([1.0] * 13 + [0.0]) == pytest.approx(0.474039, abs=1e-6)
    # kept, kept, kept, broken, repaired, kept, kept (the example in test_promises.py)
    assert strength([1, 1, 1, 0, 0.5, 1, 1]) == pytest.approx(0.243913, abs=1e-6)
