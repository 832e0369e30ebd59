"""`trustlog entries --contains TEXT`: what a person wrote, found whatever the case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustlog.domain.entries import search, service
from trustlog.storage import document, walk


@pytest.fixture
def written(cli):
    ids = {}
    ids["promise"] = cli("promise", "add", "Text you if I'm LATE", "--start", "2026-11-01",
                         "--json").json()["id"]  # fmt: skip
    ids["mark"] = cli("promise", "broken", ids["promise"], "--date", "2026-11-20",
                      "--repair", "Called from the Station", "--json").json()["id"]  # fmt: skip
    ids["checkin"] = cli("checkin", "--date", "2026-11-21", "--feeling", "Tender",
                         "--grateful", "the Harbour walk", "--argument", "the phone",
                         "--note", "We talked it through.", "--json").json()["id"]  # fmt: skip
    ids["trigger"] = cli("trigger", "--at", "2026-11-22 21:00", "--what", "a name on TV",
                         "--facts", "The show mentioned her", "--guesses", "that it never ends",
                         "--no-timer", "--json").json()["id"]  # fmt: skip
    ids["apology"] = cli("apology", "draft", "--did", "I hid the messages from J.",
                         "--impact", "You felt foolish", "--json").json()["id"]  # fmt: skip
    ids["quoted"] = cli("checkin", "--date", "2026-11-19", "--note",
                        'She said "enough" and meant it', "--json").json()["id"]  # fmt: skip
    return ids


def found(cli, *args):
    return [entry["id"] for entry in cli("entries", *args, "--json").json()]


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("we TALKED", "checkin"),  # the note
        ("tender", "checkin"),  # the feeling
        ("harbour", "checkin"),  # a thing appreciated
        ("THE PHONE", "checkin"),  # an argument
        ("station", "mark"),  # a repair
        ("if i'm late", "promise"),  # a promise's text
        ("mentioned", "trigger"),  # the facts
        ("never ends", "trigger"),  # the guesses
        ("name on tv", "trigger"),  # what flared up
        ("foolish", "apology"),  # a part of the apology
        ('said "enough"', "quoted"),  # stored with TOML escapes
    ],
)
def test_each_kind_of_writing_is_searched_whatever_the_case(cli, written, words, kind):
    assert found(cli, "--contains", words) == [written[kind]]


def test_ids_dates_and_set_words_are_not_writing(cli, written):
    assert found(cli, "--contains", written["promise"]) == []  # the mark names it by id
    assert found(cli, "--contains", "broken") == []  # a mark's outcome
    assert found(cli, "--contains", "daily") == []  # a schedule
    assert found(cli, "--contains", "2026-11") == []


def test_contains_combines_with_the_other_filters(cli, written):
    assert found(cli, "--contains", "the", "--kind", "trigger") == [written["trigger"]]
    assert found(cli, "--contains", "the", "--from", "2026-11-21", "--to", "2026-11-21") == [
        written["checkin"]
    ]
    assert found(cli, "--contains", "the", "--from", "2026-11-23") == [written["apology"]]


def test_plain_list_and_nothing_found(cli, written):
    run = cli("entries", "--contains", "HARBOUR")
    assert run.exit_code == 0
    assert written["checkin"] in run.stdout and written["trigger"] not in run.stdout
    run = cli("entries", "--contains", "seashell")
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr == "Nothing you wrote holds “seashell”.\n"


def test_blank_words_are_bad_input(cli, home):
    run = cli("entries", "--contains", "  ")
    assert run.exit_code == 2
    assert "--contains" in run.stderr


def test_a_hand_written_escape_is_found(cli, journal, written):
    path = next(p for p in home_files(journal) if written["checkin"] in p.name)
    text = path.read_text().replace('feeling = "Tender"', 'feeling = "caf\\u00e9 tender"')
    path.write_text(text)
    assert found(cli, "--contains", "CAFÉ") == [written["checkin"]]


def test_only_files_that_could_hold_the_words_are_parsed(journal, written, monkeypatch):
    parsed = []
    real = document.parse
    monkeypatch.setattr(document, "parse", lambda raw, path: parsed.append(path) or real(raw, path))
    entries = service.list_entries(journal, contains="FOOLISH")
    assert [entry.id for entry in entries] == [written["apology"]]
    assert [path.name for path in parsed] == [f"2026-11-24-apology-{written['apology']}.md"]


def test_a_damaged_file_that_may_hold_the_words_is_named(cli, journal, written):
    path = next(p for p in home_files(journal) if written["checkin"] in p.name)
    path.write_text(path.read_text().replace('feeling = "Tender"', "feeling = Tender", 1))
    run = cli("entries", "--contains", "harbour")
    assert run.exit_code == 1
    assert path.name in run.stderr


def home_files(journal):
    return [f.path for f in journal.all_files()]


def test_found_entries_are_oldest_first_whatever_their_kind(cli):
    cli("checkin", "--date", "2026-11-20", "--note", "phone at dinner")
    cli("promise", "add", "Phone face-up at dinner", "--start", "2026-11-01")
    cli("checkin", "--date", "2026-11-10", "--note", "the phone again")
    cli("contract", "write", "--mine", "Phone on the table")
    for args in (("--contains", "PHONE"), ()):
        dates = [entry["date"] for entry in cli("entries", *args, "--json").json()]
        assert dates == ["2026-11-01", "2026-11-10", "2026-11-20", "2026-11-24"], args


def test_a_match_the_summary_does_not_show_is_shown_under_it(cli):
    cli("checkin", "--date", "2026-11-12", "--feeling", "tired",
        "--note", "We walked by the harbour and then, out of nowhere, the phone came up "
        "again and we argued for an hour about it")  # fmt: skip
    cli("checkin", "--date", "2026-11-13", "--note", "phone at dinner")
    run = cli("entries", "--contains", "PHONE")
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    shown = " ".join(run.stdout.split())  # as read, whatever the wrapping
    assert "matched: “…out of nowhere, the phone came up again and…”" in shown
    assert shown.count("matched") == 1  # "phone at dinner" already shows the words
    assert lines.index(next(line for line in lines if "matched" in line)) < lines.index(
        next(line for line in lines if "2026-11-13" in line)
    )


@pytest.mark.parametrize("words", ["talked", "THE", "e", "enough", "ﬁ", "k", "zzz"])
def test_the_quick_walk_finds_what_reading_through_the_seam_finds(
    cli, written, journal, monkeypatch, words
):
    cli("checkin", "--date", "2026-11-18", "--note", "ﬁne fish, Straße, Kelvin K")
    quick = [entry.to_json() for entry in service.list_entries(journal, contains=words)]
    monkeypatch.setattr(walk, "read", lambda *_: None)  # every file as the seam reads it
    assert [entry.to_json() for entry in service.list_entries(journal, contains=words)] == quick


@given(
    text=st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
    | st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
    words=st.text(min_size=1, max_size=6),
)
def test_the_byte_check_never_passes_over_a_file_whose_words_hold_the_search(text, words):
    # may_match skips parsing a file; an ASCII file takes a byte path of its own. Neither
    # may say "no" where the words, case folded as the search folds them, are in the text.
    folded = search.needle(words)
    if folded and folded in text.casefold():
        assert search.may_match(text.encode("utf-8"), folded)
