"""The HTML export of a journal holding every kind: what a reader meets, and two real checkers.

The outline (tests/export_page.py: each block's text, the headings, tables,
pictures and isolated words) is compared with the one the page had before it
came from templates, not its bytes.
"""

from __future__ import annotations

import json

import pytest

from tests.export_page import OUTLINE, export_of, fill, outline
from trustlog.render.export import html


@pytest.fixture
def page(journal, cli, at) -> str:
    fill(journal, cli, at)
    return html.document(export_of(journal))


def test_the_page_reads_as_it_did(page):
    assert outline(page).summary() == json.loads(OUTLINE.read_text(encoding="utf-8"))


def test_nothing_in_it_reaches_outside_the_page(page):
    seen = outline(page)
    assert seen.outside == []
    assert "url(" not in seen.style and "@import" not in seen.style
    assert "@font-face" not in seen.style
