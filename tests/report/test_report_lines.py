"""The report on a pipe is written without rich, byte for byte what rich writes (issue 21).

`render/lines.show` writes a page of `Line`s straight to a pipe with no width asked
for, where rich would write each line's words unchanged; rich draws them everywhere
else, and whenever a line holds what only rich can tell (a tab, a character that is
not printable). Either way the bytes are the same.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.report.test_report_cli import november as november  # the fixture
from tests.support.piped import piped_stdout
from trustlog.render import lines
from trustlog.render.lines import Line
from trustlog.render.output import Output

STYLE = st.sampled_from(["", "muted", "title", "accent", "good", "warn"])
PART = st.one_of(st.text(max_size=30), st.tuples(st.text(max_size=30), STYLE))


def shown(page: list[Line], *, plain: bool, color: bool) -> str:
    with piped_stdout(color=color) as (stdout, patch):
        if not plain:
            patch.setattr(Output, "piped_whole", lambda self: False)
        lines.show(Output(no_color=not color), page)
    return stdout.getvalue()


@st.composite
def pages(draw) -> list[Line]:
    page = []
    for parts in draw(st.lists(st.lists(PART, max_size=4), max_size=5)):
        line = Line.assemble(*parts) if draw(st.booleans()) else Line(draw(st.text()), "muted")
        if draw(st.booleans()):
            line.rstrip()
        page.append(line)
    return page


@settings(max_examples=300, deadline=None)
@given(page=pages(), color=st.booleans())
def test_a_page_on_a_pipe_is_what_rich_writes(page, color):
    assert shown(page, plain=True, color=color) == shown(page, plain=False, color=color)


@pytest.mark.parametrize(
    "args", [["report"], ["report", "--month", "2026-10"], ["report", "--week"]]
)
def test_each_report_on_a_pipe_is_what_rich_writes(cli, november, monkeypatch, args):
    monkeypatch.delenv("COLUMNS")
    plain = cli(*args)
    monkeypatch.setattr(Output, "piped_whole", lambda self: False)
    assert plain.stdout == cli(*args).stdout
    assert plain.exit_code == 0


def test_an_empty_report_on_a_pipe_loads_no_rich(home):
    probe = (
        "import sys; from trustlog.cli.app import main\n"
        "sys.argv = ['trustlog', 'report', '--month', '2026-10']\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print({'rich.console', 'rich.text'} & set(sys.modules) or None, file=sys.stderr)"
    )
    env = {"TRUSTLOG_HOME": str(home), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert done.stdout.startswith("Your progress · October 2026\n")
    assert done.stderr.strip().splitlines()[-1] == "None"
