"""Docs that cannot drift: every command has help text and a section in docs/ (STYLE.md 11)."""

from __future__ import annotations

import re

from tests.support.commands import every_command
from tests.support.paths import ROOT
from trustlog.cli.app import COMMANDS

DOCS = ROOT / "docs"


def command_paths() -> list[tuple[str, object]]:
    return [(" ".join(path), command) for path, command in every_command()]


def test_every_command_has_help_text():
    for path, command in command_paths():
        assert (command.help or "").strip(), f"`trustlog {path}` has no help text"


def test_every_command_has_a_section_in_the_docs():
    headings = "\n".join(
        line
        for doc in DOCS.glob("*.md")
        for line in doc.read_text().splitlines()
        if line.startswith("#")
    )
    for path, _ in command_paths():
        pattern = rf"^#+ .*`trustlog {re.escape(path)}( [^`]*)?`"
        assert re.search(pattern, headings, re.M), f"docs/ has no section for `trustlog {path}`"


def test_every_option_is_documented():
    text = "\n".join(doc.read_text() for doc in DOCS.glob("*.md"))
    for path, command in command_paths():
        for param in getattr(command, "params", []):
            for option in getattr(param, "opts", []):
                if option.startswith("--") and option != "--help":
                    assert f"`{option}" in text or f" {option}" in text, (
                        f"docs/ never mentions {option} of `trustlog {path}`"
                    )


def test_the_readme_shows_the_two_commands_near_the_top():
    top = (ROOT / "README.md").read_text().split("\n## ", 3)
    head = "\n".join(top[:3])
    assert "pip install ." in head and "trustlog checkin" in head
    assert "pip install '.[test]'" in head and "python -m pytest" in head
    assert "python -m pytest" in (ROOT / ".ci" / "run").read_text()


def test_the_command_list_matches_each_commands_own_help():
    for path, command in every_command():
        if len(path) == 1:
            first_line = (command.help or "").strip().splitlines()[0]
            assert COMMANDS[path[0]].summary == first_line, path
