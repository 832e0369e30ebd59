"""Words that would change meaning outside the terminal (issue 17, class 7).

- a bare `http://`, `https://`, `www.` or e-mail address in the Markdown export
  never becomes a live link in GitHub-flavoured Markdown (checked on the rules of
  GFM's extended autolinks);
- bidi controls are shown as visible escapes, like the other control characters,
  and in the HTML export each person's field is isolated (`<bdi>`, `dir="auto"`);
- a CR before a newline is a line end in every format, and an update leaves
  the file with plain newlines.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustlog.render.export import markdown
from trustlog.render.safe import json_safe, visible

# GFM's extended autolinks (github.github.com/gfm, "Autolinks (extension)"): `www.`,
# `http://`, `https://`, `ftp://` at the start of a line, after a space or one of *_~(.
# (An e-mail address GFM links even when escaped: only raw HTML stops it, so the export
# leaves it as written; a mail link sends nothing by itself.)
GFM_AUTOLINK = re.compile(
    r"(?:^|(?<=[\s*_~(]))(?:www\.[\w-]|(?:https?|ftp)://[\w-])",
    re.IGNORECASE | re.MULTILINE,
)
LINKY = (
    "see http://example.org/help",
    "https://example.org",
    "www.example.org/x",
    "(www.example.org)",
    "*https://example.org*",
    "_www.example.org",
    "ftp://files.example.org",
    "WWW.EXAMPLE.ORG",
    "HTTPS://EXAMPLE.ORG",
)
BIDI = [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


def test_the_rule_finds_every_link_to_be():
    for line in LINKY:
        assert GFM_AUTOLINK.search(line), line


@pytest.mark.parametrize("line", LINKY)
def test_no_words_become_a_link_in_markdown(line):
    shown = markdown.text(line)
    assert not GFM_AUTOLINK.search(shown), shown
    assert shown.replace("\\", "") == line  # still the same words to read


@given(st.lists(st.sampled_from([*LINKY, " ", "a", "(", "*", "_", "~", ".", "@", ":", "/", "\n"])))
def test_no_mix_of_words_becomes_a_link(pieces):
    assert not GFM_AUTOLINK.search(markdown.text("".join(pieces)))


def test_a_whole_markdown_export_has_no_link_in_any_field(cli, home):
    url = "https://example.org/x"
    assert cli("init", "--name", "www.example.org").exit_code == 0
    assert cli(
        "checkin", "--mood", "2", "--feeling", f"lost {url}", "--grateful", "www.example.org",
        "--care", "mailed sam@example.org", "--argument", "http://example.org",
        "--note", f"Read {url}\nand www.example.org too",
    ).exit_code == 0  # fmt: skip
    assert cli("promise", "add", "Read www.example.org daily").exit_code == 0
    assert cli(
        "trigger", "--what", "a text from sam@example.org", "--intensity", "5",
        "--facts", url, "--no-timer",
    ).exit_code == 0  # fmt: skip
    run = cli("export", "--format", "md", "--agenda", f"talk about {url}", "--output", "-")
    assert run.exit_code == 0, run.stderr
    assert "example" in run.stdout
    assert not GFM_AUTOLINK.search(run.stdout), GFM_AUTOLINK.findall(run.stdout)


# -- bidi ------------------------------------------------------------------------------------


@pytest.mark.parametrize("control", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
def test_a_bidi_control_is_shown_as_an_escape(control):
    shown = visible(f"paid \u2066{control}1 2 3")
    assert control not in shown
    assert f"\\u{ord(control):04x}" in shown
    assert control not in json_safe(json.dumps(f"a{control}b", ensure_ascii=False))
    assert json.loads(json_safe(json.dumps(f"a{control}b", ensure_ascii=False))) == f"a{control}b"


def test_right_to_left_words_themselves_are_kept():
    assert visible("שלום, سلام") == "שלום, سلام"


def test_no_bidi_control_reaches_the_terminal(cli, home):
    assert cli("checkin", "--mood", "3", "--note", "kept \u202eevif\u202c it").exit_code == 0
    for args in (("entries",), ("entries", "--json"), ("show", _first_id(cli))):
        run = cli(*args)
        assert run.exit_code == 0
        assert not any(c in run.stdout + run.stderr for c in BIDI), args
    assert "\\u202e" in cli("entries").stdout


def _first_id(cli) -> str:
    return str(cli("entries", "--json").json()[0]["id"])


class Isolation(HTMLParser):
    """Which text of the page sits inside a `<bdi>` or an element with `dir`."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[bool] = []
        self.loose: list[str] = []
        self.isolated: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "meta", "link", "img", "input", "hr", "path", "rect", "circle"):
            return
        # A title or an SVG's description stands alone (a tooltip, a tab's name).
        alone = tag in ("bdi", "title", "desc")
        self.open.append(alone or any(name == "dir" for name, _ in attrs))

    def handle_endtag(self, tag: str) -> None:
        if self.open and tag not in ("br", "meta", "path", "rect", "circle"):
            self.open.pop()

    def handle_data(self, data: str) -> None:
        (self.isolated if any(self.open) else self.loose).append(data)


def test_every_persons_field_in_html_is_isolated(cli, home):
    hebrew = "שלום"
    assert cli("init", "--name", f"{hebrew} N").exit_code == 0
    assert cli(
        "checkin", "--mood", "3", "--feeling", f"{hebrew} F", "--grateful", f"{hebrew} G",
        "--care", f"{hebrew} C", "--argument", f"{hebrew} A", "--note", f"{hebrew} \u202eB",
    ).exit_code == 0  # fmt: skip
    assert cli("promise", "add", f"{hebrew} P").exit_code == 0
    assert cli("trigger", "--what", f"{hebrew} T", "--intensity", "4", "--no-timer").exit_code == 0
    assert cli("agreement", "add", f"{hebrew} R", "--area", "other").exit_code == 0
    run = cli("export", "--format", "html", "--agenda", f"{hebrew} Q", "--output", "-")
    assert run.exit_code == 0, run.stderr
    assert not any(c in run.stdout for c in BIDI)
    page = Isolation()
    page.feed(run.stdout)
    loose = [text for text in page.loose if hebrew in text]
    assert loose == []
    assert {mark for text in page.isolated for mark in "FGCABPTRQ" if f"{hebrew} {mark}" in text}
    assert len({m for t in page.isolated for m in "FGCAPTRQ" if f"{hebrew} {m}" in t}) == 8


# -- CR before a newline -----------------------------------------------------------------------


def _crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


@pytest.fixture
def windows_saved(cli, home) -> Path:
    """A check-in whose file was saved by hand with CRLF line ends."""
    assert cli("checkin", "--mood", "3", "--note", "first line\nsecond line").exit_code == 0
    entry = next(home.glob("2026/11/*-checkin-*.md"))
    _crlf(entry)
    return entry


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_crlf_is_a_line_end_in_every_export(cli, windows_saved, fmt):
    run = cli("export", "--format", fmt, "--output", "-")
    assert run.exit_code == 0, run.stderr
    assert "\\x0d" not in run.stdout and "\r" not in run.stdout
    assert "second line" in run.stdout


@pytest.mark.parametrize("args", [("entries",), ("entries", "--json")])
def test_crlf_is_a_line_end_on_the_terminal(cli, windows_saved, args):
    run = cli(*args)
    assert run.exit_code == 0
    assert "\\x0d" not in run.stdout and "\\r" not in run.stdout


def test_an_update_leaves_plain_newlines(cli, windows_saved):
    assert cli("checkin", "--note", "third line").exit_code == 0
    data = windows_saved.read_bytes()
    assert b"\r" not in data and b"third line" in data and b"second line" in data


def test_a_lone_cr_is_still_shown(cli, home):
    assert visible("a\rb") == "a\\x0db"
    assert visible("a\r\nb") == "a\nb"
    assert visible("a\r\rb") == "a\\x0d\\x0db"
