"""The HTML export printed by a real browser: headless Chromium, read back with poppler.

Not skipped when the tools are missing: tests/support/printing.py fails, saying how
to install them. Today is Tuesday 2026-11-24 (conftest).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests.support import printing
from tests.support.report_journal import checkin, mark, promise, trigger
from trustlog.domain.export.build import build_export
from trustlog.domain.export.model import Options
from trustlog.render.export import html

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 20, 0)
# Page sizes in PostScript points, as pdfinfo gives them.
SIZES = {"A4": "594.96 x 841.92 pts (A4)", "letter": "612 x 792 pts (letter)"}
LONG_NOTE = " ".join(
    [
        "We walked by the river after dinner and talked about the week without it turning",
        "into a fight. I noticed the old urge to check the phone and let it pass.",
    ]
    * 3
)


@pytest.fixture
def small(journal):
    checkin(journal, "2026-11-02", mood=2, trust=3, feeling="shaky", arguments=["money"])
    checkin(journal, "2026-11-10", mood=4, trust=7, affection=2, note="A good walk together")
    checkin(journal, "2026-11-12", mood=1, trust=1, private=True, note="Only for me to read")
    late = promise(journal, "Text if I am running late", "2026-11-01")
    mark(journal, late, "2026-11-03", "broken", repair="Called to say sorry")
    trigger(journal, "2026-11-05 19:00", "2026-11-05 19:40", what="A phone lit up")
    return journal


@pytest.fixture
def busy(journal):
    """Every day of the window with a long check-in: many pages of entries."""
    start = date(2026, 10, 28)
    for offset in range(28):
        day = start + timedelta(days=offset)
        checkin(
            journal,
            day.isoformat(),
            mood=1 + offset % 5,
            trust=offset % 11,
            feeling=f"day {offset + 1} of the window",
            note=f"Entry {offset + 1} begins. {LONG_NOTE} Entry {offset + 1} ends.",
        )
    return journal


def printed(journal, tmp_path, paper: str, **options: object):
    export = build_export(
        journal,
        Options(agenda=("Sleep",), **options),  # type: ignore[arg-type]
        TODAY,
        NOW,
    )
    return printing.print_html(html.document(export, paper=paper), tmp_path)


@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_the_summary_is_page_one_and_the_entries_follow(small, tmp_path, paper):
    pdf = printed(small, tmp_path, paper)
    info = printing.info(pdf)
    assert info["Page size"] == SIZES[paper]
    pages = printing.pages(pdf)
    # One page of summary and one of entries: all that this little content needs.
    assert len(pages) == int(info["Pages"]) == 2
    first, second = pages
    assert "28 October to 24 November 2026" in first
    for heading in ("Summary", "To look at first", "Progress markers", "Key days", "Promises"):
        assert heading in first, heading
    assert "Weekly ritual" in first and "What I want to talk about" in first
    assert "This export holds" not in first and "Monday 2 November 2026" not in first
    assert second.lstrip().startswith("Entries")
    assert "Monday 2 November 2026" in second and "Flare-up at 19:00" in second
    assert "Promise calendars" in second
    assert "Only for me to read" not in "".join(pages)


def test_private_entries_print_only_when_asked(small, tmp_path):
    pdf = printed(small, tmp_path, "A4", include_private=True)
    text = "".join(printing.pages(pdf))
    assert "Only for me to read" in text and "Thursday 12 November 2026" in text


@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_many_entries_run_on_in_order_and_none_is_split(busy, tmp_path, paper):
    pdf = printed(busy, tmp_path, paper)
    pages = printing.pages(pdf)
    assert len(pages) == int(printing.info(pdf)["Pages"])
    assert "Summary" in pages[0] and "Entry 1 begins" not in pages[0]
    assert pages[1].lstrip().startswith("Entries")
    # 28 long check-ins fill several pages, with no page left empty.
    assert len(pages) >= 5
    assert all(page.strip() for page in pages)
    where = {}
    for number in range(1, 29):
        begins = [i for i, page in enumerate(pages) if f"Entry {number} begins" in page]
        ends = [i for i, page in enumerate(pages) if f"Entry {number} ends" in page]
        assert begins == ends and len(begins) == 1, f"entry {number} split: {begins} {ends}"
        where[number] = begins[0]
    assert list(where.values()) == sorted(where.values())  # day by day, in order
    assert where[28] == len(pages) - 1  # the last day on the last page: nothing after it


@pytest.fixture
def long_summary(busy):
    """A summary longer than a page: four promises, flare-ups, and many hard days."""
    for number, text in enumerate(
        [
            "Phone face-up on the table at dinner, every evening, no exceptions",
            "Text if I am running late, before the time we said",
            "Counselling every Wednesday, and tell you what we talked about",
            "Tell you about any message from her within the hour",
        ]
    ):
        made = promise(journal := busy, text, "2026-10-28")
        mark(journal, made, f"2026-11-0{number + 2}", "broken", repair="Said sorry and why")
    trigger(busy, "2026-11-08 21:00", "2026-11-09 00:40", intensity=9, what="a name on TV")
    trigger(busy, "2026-11-20 23:40", intensity=8, what="the phone lit up")
    trigger(busy, "2026-11-21 23:40", intensity=9, what="a late message")
    return busy


@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_a_long_summary_runs_on_and_the_entries_follow_it_on_the_same_page(
    long_summary, tmp_path, paper
):
    """A forced page break once left page two holding the summary's last line alone."""
    pdf = printed(long_summary, tmp_path, paper)
    pages = printing.pages(pdf)
    assert "Summary" in pages[0] and "Entries" not in pages[0]
    assert "What I want to talk about" in pages[1]  # the summary ran on ...
    assert "This export holds" in pages[1]  # ... and the entries begin right after it
    assert all(page.strip() for page in pages)


def test_the_last_date_along_the_chart_is_not_cut(journal, tmp_path):
    """The window ends on Monday 30 November: its label sits at the chart's right edge."""
    for day in range(3, 31):
        checkin(journal, f"2026-11-{day:02d}", mood=3, trust=5)
    export = build_export(
        journal, Options(start=date(2026, 11, 3), end=date(2026, 11, 30)), date(2026, 11, 30), NOW
    )
    pdf = printing.print_html(html.document(export, paper="A4"), tmp_path)
    placed = printing.words(pdf)
    [axis] = {top for word, _, top in placed if word == "23"}  # the axis' row
    row = [word for word, _, top in sorted(placed, key=lambda w: w[1]) if top == axis]
    assert row[-2:] == ["30", "Nov"], row  # a cut label reads "No"
