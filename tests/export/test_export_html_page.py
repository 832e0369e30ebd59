"""The HTML export of a journal holding every kind: what a reader meets, and two real checkers.

The outline (tests/support/export_page.py: each block's text, the headings, tables,
pictures and isolated words) is compared with the one the page had before it
came from templates, not its bytes. Then the Nu HTML Checker and axe-core
(tests/support/page_checkers.py) read the page as published tools do.
"""

from __future__ import annotations

import ast
import json
import os
import re
from importlib.resources import files
from pathlib import Path

import jinja2
import pytest

import trustlog
from tests.support import page_checkers
from tests.support.export_page import NOW, OUTLINE, TODAY, export_of, fill, outline
from trustlog.domain.export.build import build_export
from trustlog.domain.export.model import Options
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


@pytest.fixture(params=["every kind", "nothing yet"])
def pages(request, journal, cli, at) -> list[str]:
    """The page of a journal of every kind, or of an empty one, on screen and on A4."""
    if request.param == "every kind":
        fill(journal, cli, at)
        export = export_of(journal)
    else:
        export = build_export(journal, Options(), TODAY, NOW)
    return [html.document(export), html.document(export, paper="A4")]


def test_the_nu_html_checker_finds_nothing_to_say(pages, tmp_path):
    for page in pages:
        messages = page_checkers.vnu(page, tmp_path)
        assert [m for m in messages if m["type"] == "error"] == []
        assert messages == []  # not a warning either


def test_axe_finds_no_violation_of_wcag_21_aa_or_best_practice(pages, tmp_path):
    for page in pages:
        assert page_checkers.axe(page, tmp_path) == []


def test_a_missing_checker_fails_on_ci(monkeypatch, tmp_path):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(page_checkers, "VNU", tmp_path / "no.jar")
    with pytest.raises(pytest.fail.Exception, match="not installed"):
        page_checkers.vnu("<!DOCTYPE html>", tmp_path)


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="CI=true only: .ci/run's installs")
def test_ci_has_both_checkers_and_java():
    assert page_checkers.VNU.is_file() and page_checkers.AXE.is_file()
    assert page_checkers.java()


# Tags a page is made of; a string of ours holding one would be markup built by hand.
TAG = re.compile(
    r"</?(html|head|body|main|header|section|article|div|p|ul|ol|li|dl|dt|dd|h[1-6]|table|"
    r"thead|tbody|tr|th|td|col|colgroup|strong|bdi|figure|svg|title|desc|text|line|rect|"
    r"circle|polygon|polyline|path|style|meta|br|a|span|em)[\s/>]"
)
SOURCE = Path(trustlog.__file__).parent


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every literal string of a module but the docstrings, with its line."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_no_python_module_writes_a_tag():
    found = [
        f"{path.relative_to(SOURCE)}:{line}: {value!r}"
        for path in sorted(SOURCE.rglob("*.py"))
        for line, value in _strings(ast.parse(path.read_text(encoding="utf-8")))
        if TAG.search(value)
    ]
    assert found == []


def test_templates_escape_and_refuse_a_name_they_do_not_know():
    made = html.environment()
    assert made.autoescape("export.html") and made.autoescape("charts.svg")  # type: ignore[operator]
    assert made.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(jinja2.UndefinedError):
        made.get_template("kinds/checkin.html").render()


def test_the_templates_ship_with_the_package():
    templates = files("trustlog.render.export") / "templates"
    names = {path.name for path in Path(str(templates)).rglob("*")}
    assert {"base.html", "export.html", "charts.svg", "style.css", "checkin.html"} <= names
