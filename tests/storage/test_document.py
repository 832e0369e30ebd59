"""The entry file format: TOML front matter between +++ fences, then the exact body."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlog.errors import JournalError
from trustlog.storage import document
from trustlog.storage.journal import Journal

PATH = Path("2026/11/2026-11-24-checkin-abcde.md")

# Any text a person can type: every Unicode character but lone surrogates
# (which cannot be stored as UTF-8 by anything) and NUL.
typed_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
)
tricky_lines = st.sampled_from(
    [
        "+++",
        "+++\r",
        "---",
        "# A heading",
        "## 2026-11-24",
        "```toml",
        "```",
        "mood = 5",
        "[[checkin]]",
        'note = """',
        "\\",
        '"',
        "'''",
        "\t",
        "",
        "é ünïcödé 🌱",
    ]
)
tricky_text = st.lists(st.one_of(tricky_lines, typed_text), min_size=1, max_size=8).map("\n".join)
# An empty text is stored as no text at all, so every example has something in it.
any_text = st.one_of(typed_text, tricky_text).filter(bool)


def test_document_reads_back_fields_and_body():
    fields = {
        "kind": "checkin",
        "id": "abcde",
        "date": date(2026, 11, 24),
        "created": datetime(2026, 11, 24, 20, 5, tzinfo=timezone(timedelta(hours=1))),
        "mood": 4,
        "grateful": ["tea", "the walk"],
        "private": True,
    }
    text = document.dumps(fields, "We walked.\n")
    assert text == (
        "+++\n"
        'kind = "checkin"\n'
        'id = "abcde"\n'
        "date = 2026-11-24\n"
        "created = 2026-11-24 20:05:00+01:00\n"
        "mood = 4\n"
        "grateful = [\n"
        '    "tea",\n'
        '    "the walk",\n'
        "]\n"
        "private = true\n"
        "+++\n"
        "We walked.\n"
    )
    doc = document.loads(text, PATH)
    assert doc.fields == fields
    assert doc.body == "We walked.\n"


def test_none_fields_are_left_out_and_an_empty_body_is_none():
    text = document.dumps({"kind": "checkin", "id": "x", "mood": None}, None)
    assert text == '+++\nkind = "checkin"\nid = "x"\n+++\n'
    assert document.loads(text, PATH).body is None


@settings(max_examples=300)
@given(body=any_text, field=any_text, items=st.lists(any_text, max_size=3))
def test_any_text_survives_save_and_load(body, field, items):
    fields = {"kind": "checkin", "id": "abcde", "feeling": field, "grateful": items}
    doc = document.loads(document.dumps(fields, body), PATH)
    assert doc.fields == fields
    assert doc.body == body.replace("\r\n", "\n")  # a CR before a newline is a line end


@settings(max_examples=200)
@given(before=any_text, after=any_text, body=any_text)
def test_any_text_survives_an_update_of_a_hand_edited_file(before, after, body):
    original = document.dumps({"kind": "checkin", "id": "abcde", "feeling": before}, "old")
    # A hand edit: a comment and a field this version does not know.
    original = original.replace('id = "abcde"\n', 'id = "abcde"  # mine\nmood_words = "calm"\n')
    doc = document.loads(original, PATH)
    fields = {**doc.fields, "feeling": after}
    merged = document.loads(document.merge(doc, fields, body), PATH)
    assert merged.fields == fields
    assert merged.body == body.replace("\r\n", "\n")
    assert "# mine" in (merged.text or "")


def test_update_rewrites_only_what_changed():
    original = (
        "+++\n"
        "# my own words about this day\n"
        'kind = "checkin"\n'
        'id = "abcde"\n'
        "date = 2026-11-24\n"
        "mood   =   2   # a hard one\n"
        'colour = "grey"\n'
        "+++\n"
        "note\n"
    )
    doc = document.loads(original, PATH)
    merged = document.merge(doc, {**doc.fields, "trust": 6}, "note\n")
    assert merged == original.replace('colour = "grey"\n', 'colour = "grey"\ntrust = 6\n')


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("kind = 'x'\n+++\n", 1, "should begin with a line of three plus signs"),
        ('+++\nkind = "x"\nid = \n', 4, "closing +++ line is missing"),
        ('+++\nkind = "x"\nid = \n+++\n', 3, "invalid value"),
        ('+++\nkind = "x"\nkind = "y"\n+++\n', 3, "cannot overwrite a value"),
    ],
)
def test_a_damaged_file_names_its_line(text, line, reason):
    with pytest.raises(JournalError) as caught:
        document.loads(text, PATH)
    assert caught.value.message.startswith(f"{PATH}, line {line}: ")
    assert reason in caught.value.message.lower()
    assert caught.value.hint and "left exactly as it is" in caught.value.hint


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    path = tmp_path / "entry.md"
    path.write_bytes(b'+++\nkind = "checkin"\nfeeling = "\xff"\n+++\n')
    with pytest.raises(JournalError, match=r"entry.md, line 3: it is not UTF-8 text"):
        Journal(tmp_path, undated_folders=()).read(path)


def test_windows_line_endings_from_a_hand_edit_are_read():
    doc = document.loads('+++\r\nkind = "checkin"\r\nid = "x"\r\n+++\r\nhello\r\n', PATH)
    assert doc.fields == {"kind": "checkin", "id": "x"}
    assert doc.body == "hello\n"  # CRLF is a line end: an update writes plain newlines
    assert doc.text == '+++\nkind = "checkin"\nid = "x"\n+++\nhello\n'
