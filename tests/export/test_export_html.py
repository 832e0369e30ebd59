"""The HTML export: one self-contained page, the person's words only ever text, md's content.

Today is Tuesday 2026-11-24 (conftest): the default window is 28 October to 24 November.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from html.parser import HTMLParser
from importlib.resources import files

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.export_page import outline
from tests.support.paths import JRNL_EXPORT
from tests.support.report_journal import checkin, mark, promise, trigger
from trustlog.domain.core.entry import path_of
from trustlog.domain.export.build import build_export
from trustlog.domain.export.model import Options
from trustlog.domain.ritual.model import Ritual
from trustlog.render.export import html, markdown
from trustlog.render.safe import visible

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 20, 0)
NASTY = 'Sam <script>alert("x")</script> <img src=https://x.example/a.png> & <a href="//x">'


class Page(HTMLParser):
    """Everything a browser would see: tags, attributes, text, and the style sheet."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.style = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]
        self._in.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.style += data
        elif not (self._in and self._in[-1] in ("title", "desc")):
            self.text.append(data)

    @property
    def words(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def parsed(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture
def lived(journal):
    checkin(journal, "2026-11-02", mood=2, trust=3, feeling="shaky", arguments=["money"])
    checkin(journal, "2026-11-03", mood=3, trust=4, care="made tea", note=NASTY)
    checkin(journal, "2026-11-10", mood=4, trust=7, affection=2, note="Line one\nLine two")
    checkin(journal, "2026-11-12", mood=1, trust=1, private=True, note="Only for me")
    late = promise(journal, "Text if I'm <late>", "2026-11-01")
    mark(journal, late, "2026-11-02", "kept")
    mark(journal, late, "2026-11-03", "broken", repair="Called to say sorry")
    trigger(journal, "2026-11-05 19:00", "2026-11-05 19:40", what="a phone lit up", facts="work")
    day = date(2026, 11, 8)
    repair = Ritual(
        id="r0001",
        date=day,
        created=NOW.replace(day=8),
        what="repair",
        minutes=25,
        helped="The <walk> after",
    )
    with journal.writing():
        journal.write(path_of(journal, repair), *repair.to_document())
    return journal


def made(journal, **options: object):
    chosen = Options(agenda=("Sleep", "The <money> talks"), **options)  # type: ignore[arg-type]
    return build_export(journal, chosen, TODAY, NOW)


def test_one_self_contained_file_with_nothing_outside_it(lived):
    page = parsed(html.document(made(lived)))
    assert "script" not in page.tags
    assert not {"link", "img", "iframe", "object", "embed", "base", "form"} & set(page.tags)
    for tag, name, value in page.attributes:
        assert name not in ("src", "srcset", "href", "xlink:href", "action", "background"), tag
        assert not name.startswith("on"), (tag, name)
        assert "url(" not in (value or "") and "javascript:" not in (value or "")
    assert "url(" not in page.style and "@import" not in page.style
    assert "@font-face" not in page.style


def test_the_persons_words_are_text_never_markup(lived):
    page = html.document(made(lived))
    seen = parsed(page)
    assert seen.tags.count("img") == 0 and seen.tags.count("a") == 0
    assert visible(NASTY) in seen.words  # shown, exactly as written
    assert "The <money> talks" in seen.words and "Text if I'm <late>" in seen.words


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_a_template_shows_is_one_text_node(value):
    shown = html.environment().from_string("<p>{{ value }}</p>").render(value=value)
    seen = parsed(shown)
    assert seen.tags == ["p"]
    assert "".join(seen.text) == visible(value)


WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=WORDS, promised=WORDS)
def test_any_words_in_the_whole_page_stay_text_in_their_place(lived, note, promised):
    export = made(lived)
    export.days[0].checkins[0].note = "plain words"
    export.promises[0].promise.text = "a plain promise"
    before = parsed(html.document(export)).tags
    export.days[0].checkins[0].note = note
    export.promises[0].promise.text = promised
    seen = parsed(html.document(export))
    if note.strip():  # (a blank note is left out, with its label)
        assert seen.tags == before  # not one element more or less
        assert visible(note.strip()) in seen.text  # one text node, exactly as written
    if quote_line(promised):
        assert any(quote_line(promised) == t for t in seen.text)


def quote_line(value: str) -> str:
    return " / ".join(visible(line.strip()) for line in value.strip().splitlines() if line.strip())


def test_control_characters_are_shown_as_escapes(lived):
    shown = html.environment().from_string("{{ value }}").render(value="red\x1b[31m bell\x07")
    assert shown == "red\\x1b[31m bell\\x07"


def test_summary_first_then_the_entries_on_a_page_of_their_own(lived):
    page = html.document(made(lived))
    summary, entries = page.split('<section class="entries">')
    for heading in (
        "To look at first",
        "Progress markers",
        "Key days",
        "Promises",
        "Weekly ritual",
        "What I want to talk about",
    ):
        assert f"<h3>{heading}</h3>" in summary
    assert "<h3>Monday 2 November 2026</h3>" in entries
    assert "Flare-up at 19:00" in entries and "Apology" not in summary
    assert ".entries { break-before: page;" in page
    assert "break-inside: avoid" in page


def test_the_charts_are_inline_svg_with_words_for_them(lived):
    page = html.document(made(lived))
    seen = parsed(page)
    svgs = [value for tag, name, value in seen.attributes if tag == "svg" and name == "role"]
    assert svgs.count("img") == 3  # the mood and trust line, the legend, one calendar
    assert '<title id="chart-title">Trust and mood by day, Wed 28 Oct 2026 to Tue 24 Nov' in page
    assert "Mon 2 Nov: trust 3, mood 2" in page  # the chart, as words
    assert outline(page).pictures[2]["title"] == "Calendar of “Text if I'm <late>”"
    assert "kept: 2 Nov; broken, then repaired: 3 Nov; not recorded: " in page


def test_it_says_what_the_markdown_says(lived):
    export = made(lived)
    page = parsed(html.document(export)).words
    md = markdown.render(export).decode()
    for sentence in (
        "3 check-in days of 28; mood 3.0 of 5 and trust 4.7 of 10 on average.",
        "Looked for: days with mood or trust at 2 or lower;",
        "1 day with mood (of 5) or trust (of 10) at 2 or lower: Mon 2 Nov (mood 2, trust 3).",
        "1 repair check-in and 0 dates; an act of care noted on 1 of 28 days.",
        "lowest trust, 1 argument (mood 2 of 5; trust 3 of 10; feeling “shaky”; "
        "argued about “money”)",
        "Entries the person marked private are not included.",
        "This export holds 3 check-ins, 1 flare-up, 1 promise, 2 promise days recorded, "
        "1 part of the weekly ritual.",
    ):
        assert sentence in page, sentence
        assert sentence in md.replace("**", ""), sentence
    assert "follow-through 50%" in page and "follow-through 50%" in md
    assert (
        "<h4>Weekly repair check-in · 25 min</h4><dl><dt>What helped</dt>"
        '<dd class="words" dir="auto">The &lt;walk&gt; after</dd>'
    ) in html.document(export)
    assert "**Weekly repair check-in** · 25 min\n\n- What helped: The \\<walk\\> after" in md
    assert "Only for me" not in page


def test_private_entries_only_when_asked(lived):
    assert "Only for me" not in html.document(made(lived))
    shared = html.document(made(lived, include_private=True))
    assert "Only for me" in shared
    assert "Entries the person marked private are not included." not in shared


def test_a_paper_size_only_when_asked(lived):
    assert "@page { size" not in html.document(made(lived))
    assert "@page { size: letter; }" in html.document(made(lived), paper="letter")
    with pytest.raises(ValueError, match="paper"):
        html.document(made(lived), paper="A5")


def test_nothing_is_wider_than_an_a4_page():
    # A4 is 210 mm wide: 15 mm margins each side leave 180 mm, the widest thing allowed.
    style = (files("trustlog.render.export") / "templates" / "style.css").read_text()
    assert "@page { margin: 13mm 15mm 14mm; }" in style
    widths = [float(w) for w in re.findall(r"(?:max-)?width: (\d+(?:\.\d+)?)mm", style)]
    assert widths and max(widths) <= 180


def test_a_long_window_is_drawn_by_week_then_by_month(journal):
    for day in ("2026-06-01", "2026-06-03", "2026-06-09"):
        checkin(journal, day, mood=2, trust=4)
    checkin(journal, "2026-06-02", mood=4, trust=8)
    start = date(2026, 5, 1)
    weekly = html.document(made(journal, start=start))
    assert outline(weekly).pictures[0]["title"] == (
        "Trust and mood by week (each week's average), Fri 1 May 2026 to Tue 24 Nov 2026"
    )
    assert "week of Mon 1 Jun 2026: trust 5.3, mood 2.7; week of Mon 8 Jun 2026: trust 4" in weekly
    monthly = html.document(made(journal, start=date(2024, 1, 1)))
    assert (
        outline(monthly)
        .pictures[0]["title"]
        .startswith("Trust and mood by month (each month's average)")
    )
    assert "June 2026: trust 5, mood 2.5." in monthly
    assert ">Jan 2024</text>" in monthly and ">Jan 2025</text>" in monthly


def test_the_contract_and_agreements_on_their_day_as_in_markdown(cli, journal, at):
    at("2026-11-10T09:00:00+00:00")
    run = cli("contract", "write", "--mine", "Tell you <where> I am", "--theirs", "Say it")
    assert run.exit_code == 0, run.stderr
    run = cli("agreement", "add", "Share my location until March", "--area", "privacy")
    assert run.exit_code == 0, run.stderr
    at("2026-11-24T20:00:00+00:00")
    run = cli("export", "--format", "html", "--output", "-")
    assert run.exit_code == 0, run.stderr
    day = run.stdout.split("<h3>Tuesday 10 November 2026</h3>", 1)[1]
    assert "<h4>Repair contract, revision 1</h4>" in day
    assert (
        '<dt>I commit to</dt><dd class="words" dir="auto">Tell you &lt;where&gt; I am</dd>' in day
    )
    assert "<p>Revisit on Thu 10 Dec 2026</p>" in day
    assert (
        '<h4>Agreement · privacy</h4><p class="words" dir="auto">Share my location until March</p>'
        in day
    )
    assert "1 repair contract revision, 1 agreement" in run.stdout


def test_entries_brought_over_from_jrnl_as_in_markdown(cli):
    fixture = JRNL_EXPORT  # jrnl's own export
    assert cli("import", "jrnl", str(fixture)).exit_code == 0
    run = cli("export", "--format", "html", "--output", "-", "--agenda", "sleep")
    assert run.exit_code == 0, run.stderr
    page = run.stdout
    assert "<h4>From jrnl at 09:00 · starred</h4>" in page
    assert '<dt>Title</dt><dd class="words" dir="auto">Therapy day.</dd>' in page
    assert '<dt>Tags</dt><dd class="words" dir="auto">@sam, @work</dd>' in page
    summary = page.split('<section class="entries">')[0]
    assert (
        "Flagged by the person: 1 entry.<ul><li>Sat 21 Nov 2026: <bdi>★ Therapy day.</bdi></li>"
        in summary
    )
