"""A listing on a pipe is drawn without rich, byte for byte what rich draws (issue 21).

`render/entries.plain_table` writes the table of `trustlog entries` (and a search)
when stdout is a pipe with no width asked for; rich drew it before, and still
does everywhere else. Whatever the cells hold, either the two give the same
bytes, or `plain_table` says only rich can tell (None).
"""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.piped import piped_stdout
from trustlog.render.entries import plain_table, rich_table
from trustlog.render.output import Output

SHORT = st.one_of(
    st.sampled_from(["", "—", "2026-11-24", "ab3kx", "check-in", "jrnl entry", "promise"]),
    st.text(max_size=12),
    st.text(st.characters(codec="ascii"), max_size=12),
)
STYLE = st.sampled_from([None, "muted", "bold", "accent"])
PIECE = st.one_of(st.text(max_size=40), st.tuples(st.text(max_size=40), STYLE.filter(bool)))
ROW = st.tuples(SHORT, SHORT, SHORT, st.lists(PIECE, max_size=4), STYLE)


def drawn_by_rich(rows, color: bool) -> str:
    with piped_stdout(color=color) as (stdout, _):
        Output(no_color=not color).out.print(rich_table(rows))
    return stdout.getvalue()


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(ROW, min_size=1, max_size=6), color=st.booleans())
def test_the_plain_table_is_what_rich_draws_on_a_pipe(rows, color):
    plain = plain_table(rows)
    if plain is not None:
        assert plain == drawn_by_rich(rows, color)


def test_ordinary_rows_are_drawn_without_rich():
    rows = [
        ("2026-11-24", "ab3kx", "check-in", ["Slept badly ★ “quoted” 日本語"], None),
        ("—", "q8u5m", "promise", ["call at 7", (" (private)", "muted")], None),
        ("", "", "", ["matched: “", "a ", ("fridge", "bold"), " b", ("”", "muted")], "muted"),
    ]
    plain = plain_table(rows)
    assert plain == drawn_by_rich(rows, color=True)
    assert plain == (
        "date        id     kind\n"
        "2026-11-24  ab3kx  check-in  Slept badly ★ “quoted” 日本語\n"
        "—           q8u5m  promise   call at 7 (private)\n"
        "                             matched: “a fridge b”\n"
    )
    # A short cell rich would read as markup is left to rich.
    assert plain_table([("[bold]", "x", "y", ["z"], None)]) is None


def test_entries_on_a_pipe_draw_no_rich_table(home, cli, monkeypatch):
    cli("checkin", "--mood", "3", "--note", "The fridge again.")
    with_width = cli("entries", "--contains", "fridge").stdout  # COLUMNS=80: rich's table
    monkeypatch.delenv("COLUMNS")
    probe = (
        "import sys; from trustlog.cli.app import main\n"
        "sys.argv = ['trustlog', 'entries', '--contains', 'fridge']\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print({'rich.console', 'rich.table'} & set(sys.modules) or None, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    # rich.cells alone cuts a summary to its cells (render/words.py): a millisecond.
    assert done.stderr.strip().splitlines()[-1] == "None"
    assert done.stdout == with_width  # short rows: the same lines either way
