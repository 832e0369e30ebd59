"""The person's words in the Markdown export stay words: never a heading, a link, a table."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt  # rich's own dependency: a CommonMark parser

from trustlog.render.export.markdown import labelled, text

PLAIN = {
    "bullet_list_open",
    "bullet_list_close",
    "list_item_open",
    "list_item_close",
    "paragraph_open",
    "paragraph_close",
    "inline",
    "text",
}
LINE = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    ),
    max_size=80,
)


def token_types(source: str) -> tuple[set[str], str]:
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    types: set[str] = set()
    shown = []
    for token in parser.parse(source):
        types.add(token.type)
        for child in token.children or []:
            types.add(child.type)
            if child.type == "text":
                shown.append(child.content)
    return types, "".join(shown)


@given(LINE)
def test_a_line_of_the_persons_words_is_only_text(line):
    types, _ = token_types(f"- Note: {text(line)}")
    assert types <= PLAIN, types


@given(LINE)
def test_a_line_alone_is_never_a_heading_or_a_rule(line):
    types, _ = token_types("\n".join(labelled("Note", f"first line\n{line}")))
    assert types <= PLAIN | {"blockquote_open", "blockquote_close", "softbreak"}, types


def test_an_indented_line_is_not_code():
    types, _ = token_types("\n".join(labelled("Note", "first\n        not code")))
    assert "code_block" not in types


def test_what_it_looks_like():
    assert text("# not a heading *or* [a](link) | cell") == (
        r"\# not a heading \*or\* \[a\](link) \| cell"
    )
    assert text("1. not a list") == r"1\. not a list"
    assert text("AT&T &amp; you") == r"AT&T \&amp; you"
