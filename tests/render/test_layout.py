"""Nothing breaks a word at 60 columns or wider; piped output is never hard-wrapped.

Each screen is drawn at 60, 80 and 100 columns (through the runner, with
COLUMNS, and in a pseudo-terminal of that size) and checked two ways: no line
is wider than the screen, and every word of the text it shows is there whole.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pexpect
import pytest

from tests.support.commands import every_command
from tests.support.pty import ENTER, finish, spawn
from trustlog.guide import TOPICS
from trustlog.render.layout import wrap

WIDTHS = (60, 80, 100)
NOTE = (
    "We walked to the harbour after dinner and talked about the weekend without "
    "anyone raising their voice; it felt like the old days, almost."
)
FEELING = "tender but hopeful, a little tired after a long conversation about trust"
PROMISE = "Text you when I am running late, before the time we agreed, every single day"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def assert_fits(shown: str, width: int, *sources: str) -> None:
    """Every line fits `width` cells, and every word of `sources` appears whole."""
    from rich.cells import cell_len

    for line in shown.splitlines():
        assert cell_len(line) <= width, f"{cell_len(line)} > {width}: {line!r}"
    whole = set(shown.split())
    for source in sources:
        for word in source.split():
            assert word in whole, f"{word!r} is not whole in:\n{shown}"


def assert_unwrapped(shown: str, *lines: str) -> None:
    """Piped: no trailing spaces, and each of `lines` on one line of its own making."""
    for line in shown.splitlines():
        assert line == line.rstrip(), f"trailing space: {line!r}"
    for line in lines:
        assert line in shown, f"{line!r} was broken in:\n{shown}"


@pytest.fixture
def journal_with_words(cli):
    promise = cli("promise", "add", PROMISE, "--start", "2026-11-01", "--json").json()["id"]
    cli("promise", "kept", promise, "--date", "2026-11-23")
    cli("promise", "broken", promise, "--date", "2026-11-22", "--repair", "I called and said so")
    for day in ("2026-11-20", "2026-11-21", "2026-11-24"):
        cli("checkin", "--date", day, "--mood", "4", "--trust", "6", "--feeling", FEELING,
            "--note", NOTE, "--argument", "the phone")  # fmt: skip
    cli("trigger", "--at", "2026-11-21 21:30", "--what", "a message at midnight",
        "--facts", NOTE, "--resolved-at", "2026-11-21 23:45", "--no-timer")  # fmt: skip
    checkin = cli("entries", "--json", "--kind", "checkin").json()[0]["id"]
    return {"promise": promise, "checkin": checkin}


# -- at a width --------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_help_topics_wrap_between_words(cli, monkeypatch, width, topic):
    monkeypatch.setenv("COLUMNS", str(width))
    run = cli("help", topic)
    assert run.exit_code == 0
    assert_fits(run.stdout, width, TOPICS[topic])


@pytest.mark.parametrize("width", WIDTHS)
def test_every_help_page_fits(home, width):
    # The real command: typer's test runner pins help to 80 columns.
    for path, command in [([], None), *every_command()]:
        shown = subprocess.run(
            [sys.executable, "-m", "trustlog", *path, "--help"],
            env={**os.environ, "TRUSTLOG_HOME": str(home), "COLUMNS": str(width)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert_fits(shown, width, *([command.help.split("\n\n")[0]] if command else []))


def test_no_help_page_mixes_placeholders(cli):
    """One style, as CONTRACT.md writes them: TEXT, N, D, T, ID; never <str>, {ID}."""
    for path, _ in [([], None), *every_command()]:
        shown = cli(*path, "--help").stdout
        assert not re.search(r"<\w+>|\{\w+\}", shown), f"trustlog {' '.join(path)} --help"


@pytest.mark.parametrize("width", WIDTHS)
def test_reads_fit_the_screen(cli, monkeypatch, journal_with_words, width):
    monkeypatch.setenv("COLUMNS", str(width))
    screens = {
        ("show", journal_with_words["checkin"]): (NOTE, FEELING),
        ("show", journal_with_words["promise"]): (PROMISE,),
        ("promise", "list"): (),
        ("report",): (),
        ("report", "--week"): (),
        ("entries",): (),
        (): (),
    }
    for args, sources in screens.items():
        run = cli(*args)
        assert run.exit_code == 0, args
        assert_fits(run.stdout + run.stderr, width, *sources)


# -- piped ------------------------------------------------------------------------------


def test_piped_output_is_never_hard_wrapped(cli, monkeypatch, journal_with_words):
    monkeypatch.delenv("COLUMNS")
    shown = cli("entries").stdout
    assert_unwrapped(shown, "· We walked to the harbour after dinner and talked about the …")
    shown = cli("show", journal_with_words["checkin"]).stdout
    assert_unwrapped(shown, NOTE, FEELING)
    run = cli("promise", "add", PROMISE + " and more", "--every", "weekdays")
    assert_unwrapped(run.stderr, f"Saved your promise “{PROMISE} and more”, on weekdays, from")
    for args in (("promise", "list"), ("report",), (), ("help", "safety")):
        run = cli(*args)
        assert_unwrapped(run.stdout + run.stderr)
    assert_unwrapped(cli("help", "safety").stdout, *TOPICS["safety"].splitlines())


def test_an_error_is_one_line_when_piped(cli):
    run = cli("checkin", "--mood", "9")
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1


def test_wrap_keeps_long_words_and_lines_up_list_items():
    assert wrap("  - one two three four", 12) == "  - one two\n    three\n    four"
    assert wrap("see abcdefghijklmnop", 10) == "see\nabcdefghijklmnop"
    assert wrap("short", None) == "short"


# -- in a terminal -----------------------------------------------------------------------


def screen_text(child: pexpect.spawn) -> str:
    return ANSI.sub("", child.before or "").replace("\r", "")


@pytest.mark.parametrize("width", WIDTHS)
def test_help_safety_in_a_terminal(home, width):
    child = spawn(home, "help", "safety", columns=width)
    child.expect(pexpect.EOF)
    assert_fits(screen_text(child), width, TOPICS["safety"])


@pytest.mark.parametrize("width", (60, 80))
def test_questions_break_between_words_in_a_narrow_terminal(home, width):
    child = spawn(home, "checkin", columns=width)
    child.expect_exact("(1–5, Enter to skip)")
    child.send("4" + ENTER)
    child.expect_exact("In a few words, what are you feeling?")
    child.send(ENTER)
    child.expect_exact("(0–10, Enter to skip)")
    child.send(ENTER)
    child.expect_exact("Something you appreciate")
    child.sendcontrol("c")
    child.expect_exact("Keep what you have so far?")
    child.sendcontrol("c")  # a second Ctrl-C leaves without saving
    assert finish(child) == 130


def drawn(message: str, hint: str | None, gap: int) -> list[str]:
    """The lines questionary draws for a question: "› " message, `gap` spaces, hint, a space."""
    return f"› {message}{' ' * gap}{hint or ''} ".split("\n")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_question_is_laid_out_between_words(width):
    from trustlog.prompts import checkin, trigger
    from trustlog.prompts.seam import lay_out

    day = "on Wednesday 16 September 2026"  # the longest a day is named
    asked = [
        (message, q.hint or "(0–10, Enter to skip)")
        for q in checkin.QUESTIONS.values()
        for message in (q.today, q.past.format(day=day))
    ]
    asked += list(trigger.WORDS.values())
    asked += [("Keep this check-in private (out of exports unless you ask)?", None)]
    for message, hint in asked:
        for gap, after in ((2, hint), (1, "(y/N)")):
            laid, laid_hint = lay_out(message, after, width, gap=gap)
            lines = drawn(laid, laid_hint, gap)
            assert all(len(line) <= width for line in lines), lines
            assert " ".join(" ".join(lines).split()) == f"› {message} {after or ''}".strip()


@pytest.mark.parametrize("width", WIDTHS)
def test_reads_fit_a_real_terminal(home, journal_with_words, width):
    for args, sources in {
        ("show", journal_with_words["checkin"]): (NOTE, FEELING),
        ("promise", "list"): (),
        ("report",): (),
        ("entries",): (),
        (): (),
    }.items():
        child = spawn(home, *args, columns=width)
        child.expect(pexpect.EOF)
        assert_fits(screen_text(child), width, *sources)
