"""Help is laid out as click lays it out, though the common case skips click's wrapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from typer import _click as click

from trustlog.cli.group import PlainFormatter

text = st.text(st.characters(min_codepoint=9, max_codepoint=0x2030), max_size=90)
words = st.lists(st.text("abcdefghij,.’—-", min_size=1, max_size=14), max_size=14).map(" ".join)
summaries = text | words | st.sampled_from(["", "List entries, oldest first.", " pad ", "a\tb"])
names = st.sampled_from(["show", "--date D", "x" * 34, "-h, --help"])
rows = st.lists(st.tuples(names, summaries), min_size=1)


@given(rows, st.integers(20, 140), st.integers(0, 4))
def test_a_definition_list_is_byte_for_byte_click_s(listed, width, indent):
    # PlainFormatter writes a list whose every description fits as it is, without
    # textwrap; whatever the rows and the width, the bytes are click's own.
    ours, theirs = PlainFormatter(width=width), click.HelpFormatter(width=width)
    for formatter in (ours, theirs):
        formatter.current_indent = indent
        formatter.write_dl(listed)
    assert ours.getvalue() == theirs.getvalue()


def test_the_top_level_help_is_written_without_click_s_wrapping(monkeypatch, cli):
    # The common case really is the fast one: click wraps the usage line and the opening
    # text, and none of the commands' summaries (plain words, broken by PlainFormatter).
    from typer._click import formatting

    wrapped = []

    def wrap(text, *args, **kwargs):
        wrapped.append(text)
        return original(text, *args, **kwargs)

    original = formatting.wrap_text
    monkeypatch.setattr(formatting, "wrap_text", wrap)
    assert "List entries, oldest first." in cli("--help").stdout
    assert "List entries, oldest first." not in wrapped
    assert len(wrapped) <= 3, wrapped
