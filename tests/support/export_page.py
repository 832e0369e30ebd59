"""The HTML export of a journal that holds every kind, and the page's outline as a reader meets it.

`rich_page` writes the journal (through the domain's own dataclasses and the
commands) and returns the page; `outline` reads a page the way a browser and
a screen reader would, without its bytes: the text of each block in order,
the headings, the tables, the SVG pictures' names and descriptions, the words
isolated for right-to-left text, and every element that could reach outside
the page. `tests/fixtures/export-html-outline.json` holds the outline of the
page before it came from templates; to see what changed after a deliberate
change of words, run `python -m tests.support.export_page` and compare.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from tests.support.paths import FIXTURES, JRNL_EXPORT
from tests.support.report_journal import checkin, mark, promise, trigger
from trustlog.domain.apology.model import Apology
from trustlog.domain.core.entry import path_of
from trustlog.domain.export.build import build_export
from trustlog.domain.export.model import Options
from trustlog.domain.partner.figures import SharedPromise, SharedSection, SideBySide
from trustlog.domain.ritual.model import Ritual
from trustlog.render.export import html
from trustlog.storage.journal import Journal

OUTLINE = FIXTURES / "export-html-outline.json"
TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 20, 0)
NASTY = 'Sam <script>alert("x")</script> <img src=https://x.example/a.png> & <a href="//x">'
HEBREW = "שלום, זה בסדר"
DREAM = """\
+++
kind = "dream"
id = "drm23"
date = 2026-11-20
+++
I was flying over the <sea>.
"""

# Elements that start a block of their own: the text between two of them is one block.
BLOCKS = {
    *("html", "head", "title", "body", "main", "header", "footer", "section", "article"),
    *("aside", "nav", "div", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"),
    *("p", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot"),
    *("tr", "th", "td", "colgroup", "col", "svg", "desc", "text", "style"),
}
VOID = {"meta", "col", "br", "img", "link", "hr", "input", "source", "wbr"}
REACHES_OUT = {"src", "srcset", "href", "xlink:href", "action", "background", "formaction"}


class Outline(HTMLParser):
    """What a reader meets in a page, in order; see the module's docstring."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.headings: list[list[Any]] = []
        self.tables: list[list[list[str]]] = []
        self.pictures: list[dict[str, str | None]] = []
        self.isolated: list[str] = []
        self.outside: list[str] = []
        self.style = ""
        self._open: list[tuple[str, bool]] = []  # (tag, isolates its words)
        self._buffer: list[str] = []
        self._cells: list[str] | None = None
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None
        self._isolated: list[list[str]] = []

    # -- tags -------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self._reaching_out(tag, attrs)
        if tag in BLOCKS:
            self._flush()
        if tag == "svg":
            self.pictures.append(
                {
                    "role": found.get("role"),
                    "label": found.get("aria-label"),
                    "title": None,
                    "desc": None,
                }
            )
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._cells = []
            self.tables[-1].append(self._cells)
        elif tag in ("th", "td"):
            self._cell = [f"{tag}:"]
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        if tag in VOID:
            return
        isolates = tag == "bdi" or found.get("dir") == "auto"
        if isolates:
            self._isolated.append([])
        self._open.append((tag, isolates))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._reaching_out(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in [open_tag for open_tag, _ in self._open]:
            return
        if tag in BLOCKS:
            self._flush()
        while self._open:
            open_tag, isolates = self._open.pop()
            if isolates:
                # Kept with its line breaks: the person's words are shown as they wrote them.
                self.isolated.append("".join(self._isolated.pop()).strip())
            if open_tag == tag:
                break
        if tag in ("th", "td") and self._cell is not None and self._cells is not None:
            self._cells.append(_squeezed("".join(self._cell)))
            self._cell = None
        elif re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append([int(tag[1]), _squeezed("".join(self._heading))])
            self._heading = None

    def handle_data(self, data: str) -> None:
        inside = [tag for tag, _ in self._open]
        if inside and inside[-1] == "style":
            self.style += data
            return
        if inside and inside[-1] == "title" and "svg" in inside:
            self.pictures[-1]["title"] = _squeezed(data)
        if inside and inside[-1] == "desc":
            self.pictures[-1]["desc"] = _squeezed(data)
        self._buffer.append(data)
        for words in self._isolated:
            words.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    # -- helpers ----------------------------------------------------------------------------

    def _flush(self) -> None:
        said = _squeezed("".join(self._buffer))
        if said:
            self.blocks.append(said)
        self._buffer = []

    def _reaching_out(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "link", "img", "iframe", "object", "embed", "base", "form", "a"):
            self.outside.append(f"<{tag}>")
        for name, value in attrs:
            if name in REACHES_OUT or name.startswith("on"):
                self.outside.append(f"<{tag} {name}>")
            if re.search(r"url\(|javascript:|@import", value or "", re.IGNORECASE):
                self.outside.append(f"<{tag} {name}={value}>")

    def summary(self) -> dict[str, Any]:
        return {
            "blocks": self.blocks,
            "headings": self.headings,
            "tables": self.tables,
            "pictures": self.pictures,
            "isolated": self.isolated,
        }


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def outline(page: str) -> Outline:
    reader = Outline()
    reader.feed(page)
    reader.close()
    return reader


# -- the journal ------------------------------------------------------------------------------


def fill(journal: Journal, cli: Callable[..., Any], at: Callable[[str], None]) -> None:
    """Every kind, every part of the summary, and words that try to be markup."""
    assert cli("init", "--name", "Zoë <b>").exit_code == 0
    checkin(journal, "2026-10-29", mood=3, trust=5, feeling="steady enough")
    checkin(
        journal,
        "2026-11-02",
        mood=2,
        trust=3,
        feeling=f"shaky {HEBREW}",
        grateful=["the tea", "a <kind> word"],
        care="made tea",
        affection=1,
        detective=2,
        arguments=["money", "the <phone>"],
        note=NASTY,
    )
    checkin(journal, "2026-11-03", mood=1, trust=1, note="Line one\nLine two")
    checkin(journal, "2026-11-10", mood=4, trust=7, affection=2, note=f"{HEBREW}\nsecond line")
    checkin(journal, "2026-11-12", mood=1, trust=1, private=True, note="Only for me")
    checkin(journal, "2026-11-20", mood=5, trust=9, feeling="light")
    late = promise(journal, "Text if I'm <late>", "2026-11-01")
    mark(journal, late, "2026-11-02", "kept")
    mark(journal, late, "2026-11-03", "broken", repair="Called to say sorry", note="late again")
    mark(journal, late, "2026-11-04", "kept")
    calls = promise(journal, f"Call at 7 {HEBREW}", "2026-11-16", "weekdays", end="2026-12-04")
    mark(journal, calls, "2026-11-16", "kept")
    mark(journal, calls, "2026-11-17", "broken")
    trigger(journal, "2026-11-05 19:00", "2026-11-05 19:40", what="a phone lit up", facts="work")
    trigger(
        journal,
        "2026-11-08 21:00",
        "2026-11-09 00:40",
        intensity=9,
        what="a name <on> TV",
        guesses="that it starts again",
        reassurance="a call",
        repair="a hug",
        note="we talked",
    )
    trigger(journal, "2026-11-21 23:40", intensity=8, what="a late message")
    sorry = Apology(
        id="a0001",
        date=date(2026, 11, 6),
        created=datetime(2026, 11, 6, 9, 0, tzinfo=UTC),
        did="I hid the messages",
        impact="You felt <foolish>",
        responsibility="It was mine",
        amends="Phone on the table",
    )
    repair = Ritual(
        id="r0001",
        date=date(2026, 11, 8),
        created=datetime(2026, 11, 8, 20, 0, tzinfo=UTC),
        what="repair",
        minutes=25,
        facts="A calm week",
        helped="The <walk> after",
    )
    outing = Ritual(
        id="r0002",
        date=date(2026, 11, 14),
        created=datetime(2026, 11, 14, 20, 0, tzinfo=UTC),
        what="date",
        note="Dinner by the river",
    )
    with journal.writing():
        for entry in (sorry, repair, outing):
            journal.write(path_of(journal, entry), *entry.to_document())
    at("2026-11-10T09:00:00+00:00")
    done = cli(
        "contract", "write", "--mine", "Tell you <where> I am", "--theirs", "Say it",
        "--support", "Ask, not check", "--breaks", "Lying",
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    at("2026-11-10T09:05:00+00:00")  # after the contract: the same day, in this order
    done = cli("agreement", "add", "Share my location until March", "--area", "privacy")
    assert done.exit_code == 0, done.stderr
    at("2026-11-24T20:00:00+00:00")
    assert cli("import", "jrnl", str(JRNL_EXPORT)).exit_code == 0
    dream = journal.root / "2026" / "11" / "2026-11-20-dream-drm23.md"
    dream.write_text(DREAM)


def export_of(journal: Journal, **options: Any):
    chosen = Options(agenda=("Sleep", "The <money> talks", HEBREW), **options)
    export = build_export(journal, chosen, TODAY, NOW)
    side = SideBySide("Alex <i>", date(2026, 11, 1), date(2026, 11, 24), 0.5, 0.62, 3.4, 6.1)
    export.partner = SharedSection(
        side, [SharedPromise(f"Home by 6 {HEBREW}", "every day", 5, 1, 1, 2)]
    )
    return export


def rich_page(journal: Journal, cli: Callable[..., Any], at: Callable[[str], None]) -> str:
    fill(journal, cli, at)
    return html.document(export_of(journal))


def main() -> None:  # pragma: no cover - run by hand: python -m tests.support.export_page
    """Print the outline of today's page for the rich journal, to compare with the fixture."""
    import os
    import tempfile

    from typer.testing import CliRunner

    from trustlog.cli.app import app
    from trustlog.domain.folders import UNDATED_FOLDERS

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "journal"
        os.environ.update(TRUSTLOG_HOME=str(home), TZ="UTC", NO_COLOR="1")

        def cli(*args: str) -> Any:
            return runner.invoke(app, list(args), catch_exceptions=False)

        def at(moment: str) -> None:
            os.environ["TRUSTLOG_NOW"] = moment

        at("2026-11-24T20:00:00+00:00")
        journal = Journal(home, undated_folders=UNDATED_FOLDERS)
        page = rich_page(journal, cli, at)
    print(json.dumps(outline(page).summary(), ensure_ascii=False, indent=1))


if __name__ == "__main__":  # pragma: no cover
    main()
