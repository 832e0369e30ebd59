"""The export's model: window, filtering, redaction and the summary, against figures by hand.

Today is Tuesday 2026-11-24 (conftest), so the default window is the 28 days
from Wednesday 28 October to 24 November, compared with 30 September to 27 October.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.report_journal import checkin, mark, marks, promise, trigger
from trustlog.domain.core.period import SPAN, Period
from trustlog.domain.export.build import build_export, check_kinds, window
from trustlog.domain.export.model import (
    NOT_CHOSEN,
    PRIVATE,
    ConcernKind,
    KeyDayReason,
    LeftOut,
    Options,
)
from trustlog.domain.export.redact import REDACTED, Redactor
from trustlog.domain.report.figures import build_report
from trustlog.errors import InputError

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 20, 0)
WINDOW = Period(SPAN, date(2026, 10, 28), TODAY)
BEFORE = Period(SPAN, date(2026, 9, 30), date(2026, 10, 27))


@pytest.fixture
def weeks(journal):
    """Four weeks and the four before them, worked out by hand in the tests below."""
    checkin(journal, "2026-10-05", mood=2, trust=3, affection=1, detective=3, arguments=["money"])
    checkin(journal, "2026-10-06", mood=3, trust=4, arguments=["Money "])  # a repeat
    checkin(journal, "2026-10-20", detective=1)
    checkin(journal, "2026-11-01", mood=4, trust=6, affection=2, arguments=["kids"])
    checkin(journal, "2026-11-02", mood=5, affection=1)
    checkin(journal, "2026-11-03", trust=2, arguments=["money"])  # a repeat
    checkin(journal, "2026-11-10", mood=3, trust=8, detective=1, arguments=["KIDS"])  # a repeat
    checkin(journal, "2026-11-12", mood=1, trust=1, private=True, note="About Sam, only for me")

    late = promise(journal, "Text Sam if I'm running late", "2026-10-25")
    marks(journal, late, ["2026-10-25", "2026-10-26"], "kept")
    mark(journal, late, "2026-10-27", "broken")
    marks(journal, late, ["2026-11-01", "2026-11-02"], "kept")
    mark(journal, late, "2026-11-03", "broken", repair="Called Sam to say sorry")
    mark(journal, late, "2026-11-04", "broken")

    trigger(journal, "2026-10-10 10:00", "2026-10-10 11:00")  # 60 min
    trigger(journal, "2026-10-11 10:00", "2026-10-11 10:30")  # 30 min
    trigger(journal, "2026-11-05 10:00", "2026-11-05 10:40")  # 40 min
    trigger(journal, "2026-11-06 09:00", "2026-11-06 09:10")  # 10 min
    trigger(journal, "2026-11-07 22:00")
    trigger(journal, "2026-11-08 22:00", intensity=9, what="Sam's phone lit up")
    return journal


def made(journal, **chosen):
    return build_export(journal, Options(**chosen), TODAY, NOW)


def test_the_default_window_is_the_last_four_weeks_and_the_summary_compares_the_four_before(weeks):
    export = made(weeks)
    assert export.period == WINDOW
    assert export.summary is not None
    assert export.summary.previous.period == BEFORE
    assert export.period.title == "28 October to 24 November 2026"


def test_summary_figures_by_hand_without_the_private_checkin(weeks):
    summary = made(weeks).summary
    now, before = summary.figures, summary.previous
    assert now.checkin_days == 4  # the private one on 12 November is not counted
    assert now.mood_average == pytest.approx((4 + 5 + 3) / 3)
    assert now.trust_average == pytest.approx((6 + 2 + 8) / 3)
    assert (now.affection, now.detective, now.arguments, now.repeats) == (3, 1, 3, 2)
    assert (before.checkin_days, before.affection, before.detective, before.repeats) == (3, 1, 4, 1)
    # 28 scheduled days: kept 1, 2 Nov; repaired 3 Nov; broken 4 Nov; 23 before today unrecorded.
    p = now.promises
    assert (p.kept, p.broken, p.repaired, p.unrecorded) == (2, 1, 1, 23)
    assert p.follow_through == pytest.approx(2 / 4)
    assert before.promises.follow_through == pytest.approx(2 / 3)
    assert now.triggers.median_recovery_minutes == 25
    assert before.triggers.median_recovery_minutes == 45


def test_markers_use_the_reports_rules(weeks):
    markers = {m.key: m for m in made(weeks).summary.markers}
    assert list(markers) == [
        "follow_through",
        "median_recovery_minutes",
        "repeats",
        "affection",
        "detective_work",
    ]
    assert markers["follow_through"].trend == "worse"  # 50% against 67%
    assert markers["median_recovery_minutes"].trend == "better"  # 25 min against 45
    assert markers["repeats"].now == pytest.approx(2 / 4)
    assert markers["repeats"].before == pytest.approx(1 / 3)
    assert markers["repeats"].trend == "worse"
    assert markers["affection"].trend == "better"  # 0.75 against 0.33 per day
    assert markers["detective_work"].trend == "better"  # 0.25 against 1.33 per day


def test_the_same_code_as_the_report_gives_the_same_figures(journal):
    """A month-long window counts exactly as `trustlog report --month` does."""
    checkin(journal, "2026-10-05", mood=2, trust=3, arguments=["money"])
    checkin(journal, "2026-11-03", mood=4, trust=7, arguments=["money"], affection=2)
    trigger(journal, "2026-11-05 10:00", "2026-11-05 10:40")
    november = Period("month", date(2026, 11, 1), date(2026, 11, 30))
    report = build_report(journal, november, date(2026, 12, 5)).current
    export = build_export(
        journal, Options(date(2026, 11, 1), date(2026, 11, 30)), date(2026, 12, 5), NOW
    ).figures
    for name in ("checkin_days", "mood_average", "trust_average", "repeats", "affection"):
        assert getattr(export, name) == getattr(report, name), name
    assert export.triggers.items == report.triggers.items
    assert [d.to_json() for d in export.days] == [d.to_json() for d in report.days]


def test_concerns_come_first_and_say_facts(weeks):
    concerns = made(weeks).summary.concerns
    # Trust 2 on 3 November; the flare-ups of the 7th and 8th not settled; 4 flare-ups
    # started, 2 settled: half or more are not settled.
    assert [(c.what, c.value, c.days) for c in concerns] == [
        (ConcernKind.LOW_DAYS, None, 1),
        (ConcernKind.OPEN_FLARES, None, 2),
        (ConcernKind.UNSETTLED, 2, 4),
    ]
    assert [e.date for e in concerns[0].entries] == [date(2026, 11, 3)]


def test_low_trust_is_a_concern_over_three_days_or_more(journal):
    for day, trust in (("2026-11-20", 2), ("2026-11-21", 3), ("2026-11-22", 1)):
        checkin(journal, day, trust=trust)
    [concern] = [c for c in made(journal).summary.concerns if c.what == "low_trust"]
    assert (concern.what, concern.value, concern.days) == ("low_trust", 2.0, 3)


def test_to_look_at_first_finds_the_hard_days_the_hard_flare_up_and_the_open_one(journal):
    """The month the issue was lived: it said nothing matched."""
    checkin(journal, "2026-11-03", mood=1, trust=4, feeling="I froze")
    checkin(journal, "2026-11-04", mood=4, trust=6)
    checkin(journal, "2026-11-10", mood=1, trust=1)
    checkin(journal, "2026-11-11", mood=3, trust=2)
    checkin(journal, "2026-11-12", mood=3, trust=3)
    trigger(journal, "2026-11-08 21:00", "2026-11-09 00:40", intensity=9)  # 3 h 40 min
    trigger(journal, "2026-11-15 20:00", "2026-11-15 20:30", intensity=9)  # settled soon
    trigger(journal, "2026-11-16 08:00", "2026-11-16 12:00", intensity=5)  # long, not strong
    trigger(journal, "2026-11-23 23:40", intensity=8)
    concerns = {c.what: c for c in made(journal).summary.concerns}
    assert [e.date for e in concerns[ConcernKind.LOW_DAYS].entries] == [
        date(2026, 11, 3),
        date(2026, 11, 10),
        date(2026, 11, 11),
    ]
    assert [e.at.isoformat() for e in concerns[ConcernKind.STRONG_FLARES].entries] == [
        "2026-11-08T21:00:00+00:00"
    ]
    assert [e.at.isoformat() for e in concerns[ConcernKind.OPEN_FLARES].entries] == [
        "2026-11-23T23:40:00+00:00"
    ]


def test_a_calm_month_has_nothing_to_look_at_first(journal):
    for day in ("2026-11-03", "2026-11-04", "2026-11-05"):
        checkin(journal, day, mood=4, trust=6)
    trigger(journal, "2026-11-08 21:00", "2026-11-08 21:40", intensity=9)
    assert made(journal).summary.concerns == []


def test_before_is_shown_only_with_enough_days_to_compare(journal):
    for day in ("2026-10-10", "2026-10-12"):  # two check-in days before the window
        checkin(journal, day, mood=2, trust=3, affection=1)
    for day in ("2026-11-03", "2026-11-04", "2026-11-05"):
        checkin(journal, day, mood=4, trust=6, affection=2)
    markers = {m.key: m for m in made(journal).summary.markers}
    assert markers["affection"].now == 2 and markers["affection"].before is None
    assert all(m.before is None and m.trend is None for m in markers.values())
    checkin(journal, "2026-10-14", mood=2, trust=3, affection=1)  # a third: now it compares
    markers = {m.key: m for m in made(journal).summary.markers}
    assert (markers["affection"].before, markers["affection"].trend) == (1, "better")


def test_a_flagged_entry_is_a_concern(journal):
    checkin(journal, "2026-11-20", trust=6, extra={"flagged": True})
    [concern] = made(journal).summary.concerns
    assert concern.what == "flagged" and [e.date for e in concern.entries] == [date(2026, 11, 20)]


def test_key_days_by_hand(weeks):
    days = made(weeks).summary.key_days
    assert [(d.date.isoformat(), d.reasons) for d in days] == [
        ("2026-11-01", [KeyDayReason.ARGUMENTS]),
        ("2026-11-03", [KeyDayReason.LOWEST, KeyDayReason.ARGUMENTS]),  # trust 2
        ("2026-11-05", [KeyDayReason.TRIGGERS]),
        ("2026-11-06", [KeyDayReason.TRIGGERS]),
        ("2026-11-08", [KeyDayReason.TRIGGERS]),  # intensity 9 comes before the 7th's
        ("2026-11-10", [KeyDayReason.HIGHEST, KeyDayReason.ARGUMENTS]),  # trust 8
    ]


def test_private_entries_are_out_of_everything_unless_asked_for(weeks):
    export = made(weeks)
    assert export.left_out == [LeftOut("checkin", PRIVATE, 1)]
    assert date(2026, 11, 12) not in [d.date for d in export.days]
    assert all(d.date != date(2026, 11, 12) for d in export.summary.key_days)
    assert export.counts == {"checkin": 4, "mark": 4, "trigger": 4, "promise": 1}

    shared = made(weeks, include_private=True)
    assert shared.left_out == []
    assert shared.summary.figures.checkin_days == 5
    assert shared.summary.key_days[0].date == date(2026, 11, 1)
    assert any(
        d.date == date(2026, 11, 12) and KeyDayReason.LOWEST in d.reasons
        for d in shared.summary.key_days
    )


def test_only_keeps_the_chosen_kinds_and_the_summary_speaks_of_them_alone(weeks):
    export = made(weeks, only=("trigger",))
    assert set(export.counts) == {"trigger"}
    assert LeftOut("checkin", NOT_CHOSEN, 5) in export.left_out  # private or not
    assert export.summary.figures.checkin_days == 0
    assert export.summary.figures.triggers.count == 4
    assert export.promises == []


def test_only_promise_brings_its_marks():
    assert check_kinds(("promise",)) == ("promise", "mark")
    assert check_kinds(("Mark", "checkin")) == ("mark", "promise", "checkin")
    with pytest.raises(InputError, match="--only: 'moods' is not a kind"):
        check_kinds(("moods",))


def test_redacted_words_are_gone_from_every_text_and_the_agenda(weeks):
    export = made(weeks, redact=("sam",), agenda=("Talk about SAM and trust",))
    texts = [str(e.to_json()) for e in export.entries] + export.summary.agenda
    assert not any("sam" in text.lower() for text in texts)
    assert export.promises[0].promise.text == f"Text {REDACTED} if I'm running late"
    assert export.summary.agenda == [f"Talk about {REDACTED} and trust"]
    assert export.redactions == 4  # promise, repair, trigger, agenda
    assert export.options.redact == ()  # the words themselves are not kept
    with pytest.raises(InputError, match="--redact"):
        made(weeks, redact=("  ",))


def test_the_journal_is_untouched_by_redaction(weeks):
    made(weeks, redact=("sam",))
    assert "Sam" in made(weeks).promises[0].promise.text


def test_windows_from_flags_and_the_whole_journal(weeks):
    assert window(weeks, Options(start=date(2026, 11, 1)), TODAY) == Period(
        SPAN, date(2026, 11, 1), TODAY
    )
    assert window(weeks, Options(end=date(2026, 11, 10)), TODAY) == Period(
        SPAN, date(2026, 10, 14), date(2026, 11, 10)
    )
    assert window(weeks, Options(whole_journal=True), TODAY) == Period(
        SPAN, date(2026, 10, 5), TODAY
    )
    with pytest.raises(InputError, match="--from 2026-11-10 is after --to 2026-11-01"):
        window(weeks, Options(start=date(2026, 11, 10), end=date(2026, 11, 1)), TODAY)


def test_a_whole_journal_export_has_no_summary_and_every_day(weeks):
    export = made(weeks, summary=False, whole_journal=True)
    assert export.summary is None
    assert export.days[0].date == date(2026, 10, 5)
    assert export.counts["checkin"] == 7


def test_promise_calendar_by_hand(weeks):
    [record] = made(weeks).promises
    status = {d.date.isoformat(): d.status for d in record.calendar}
    assert len(record.calendar) == 28
    assert status["2026-11-01"] == "kept" and status["2026-11-03"] == "repaired"
    assert status["2026-11-04"] == "broken" and status["2026-11-05"] == "unrecorded"
    assert record.schedule == "every day"
    assert record.figures.follow_through == pytest.approx(0.5)


def test_an_empty_journal_exports_an_empty_document(journal):
    export = made(journal)
    assert export.empty and export.days == [] and export.summary.key_days == []


def test_the_mark_itself_cannot_be_redacted():
    with pytest.raises(InputError, match="--redact: '██' is the mark"):
        Redactor(("██",))


@given(text=st.text(), word=st.text(min_size=1).filter(lambda w: w.strip().strip("█")))
def test_no_redacted_word_survives_any_text(text, word):
    hidden = Redactor((word,)).text(text)
    assert re.search(re.escape(word.strip()), hidden, re.IGNORECASE) is None


def test_a_one_day_window_is_titled_by_its_day():
    assert Period(SPAN, date(2026, 11, 15), date(2026, 11, 15)).title == "15 November 2026"
    assert Period(SPAN, date(2026, 12, 30), date(2027, 1, 2)).title == (
        "30 December 2026 to 2 January 2027"
    )
