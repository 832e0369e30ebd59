"""The JSON export is written an entry at a time, the same bytes as before (issue 21).

`render/export/complete.py` once built the whole document and wrote it with
`json.dumps(..., indent=1)`; now it reads each entry when its turn comes and
writes it with its own indenting encoder. Both are held here to that
json.dumps: the encoder by hypothesis, the file on a journal of every kind.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.import_helpers import every_kind
from trustlog.clock import now as clock_now
from trustlog.domain.export.complete import build_complete
from trustlog.domain.export.model import Options
from trustlog.render.export.complete import EXPORT_FORMAT, _dumps, chunks, render
from trustlog.render.safe import json_safe
from trustlog.storage import walk
from trustlog.storage.journal import FORMAT_VERSION

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    st.sampled_from(["", "\x7f\x85"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=6), inner, max_size=4),
        st.dictionaries(st.integers(), inner, max_size=2),  # keys json makes text
    ),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(value=VALUES, level=st.integers(0, 4))
def test_the_encoder_writes_what_json_dumps_writes(value, level):
    expected = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)
    assert _dumps(value, level) == expected


def whole_document(export) -> bytes:
    """The file as trustlog wrote it before it was streamed: one json.dumps of all."""
    options = export.options
    window = options.start is not None or options.end is not None
    data = {
        "trustlog_export": EXPORT_FORMAT,
        "journal_format": FORMAT_VERSION,
        "complete": options.include_private
        and not options.only
        and not export.redactions
        and not window,
        "includes_private": options.include_private,
        "only": list(options.only),
        "redacted": export.redactions > 0,
        "from": options.start.isoformat() if options.start else None,
        "to": options.end.isoformat() if options.end else None,
        "profile": export.profile,
        "entries": [
            {"path": c.path, "file": c.text, "entry": c.entry.to_json()} for c in export.carried
        ],
    }
    return (json_safe(json.dumps(data, ensure_ascii=False, indent=1)) + "\n").encode("utf-8")


def test_the_streamed_file_is_the_whole_document_byte_for_byte(cli, home, journal):
    every_kind(cli, home)
    cli("checkin", "--date", "2026-11-01", "--note", "Tab\there, DEL \x7f, “quotes”, 日本")
    now = clock_now()
    today = now.date()
    for options in (Options(include_private=True), Options(), Options(only=("promise",))):
        whole = build_complete(journal, options, today, now)
        assert whole.carried
        streamed = build_complete(journal, options, today, now, streamed=True)
        assert streamed.pending is not None and not streamed.carried
        assert b"".join(chunks(streamed)) == whole_document(whole) == render(whole)
        assert streamed.counts == whole.counts and streamed.left_out == whole.left_out
        assert streamed.period == whole.period


def test_an_empty_journal_exports_an_empty_list(journal):
    now = clock_now()
    today = now.date()
    whole = build_complete(journal, Options(), today, now)
    streamed = build_complete(journal, Options(), today, now, streamed=True)
    assert b"".join(chunks(streamed)) == whole_document(whole)
    assert json.loads(render(whole))["entries"] == []


def test_a_damaged_entry_met_halfway_leaves_no_file(cli, home, tmp_path):
    cli("checkin", "--date", "2026-11-01", "--mood", "3")
    cli("checkin", "--date", "2026-11-20", "--mood", "4")
    (late,) = home.glob("2026/11/2026-11-20-checkin-*.md")
    late.write_text(late.read_text().replace("mood = 4", "mood = "))
    target = tmp_path / "backup.json"
    done = cli("export", "--format", "json", "--output", str(target))
    assert done.exit_code == 1
    assert late.name in done.stderr
    assert not target.exists() and list(tmp_path.glob("*.json*")) == []


def test_the_quick_walk_writes_what_reading_through_the_seam_writes(
    cli, home, journal, monkeypatch
):
    every_kind(cli, home)
    cli("checkin", "--date", "2026-11-01", "--note", "ﬁne, Straße, K, 日本")
    (first,) = home.glob("2026/11/2026-11-01-checkin-*.md")
    kept = first.with_name("kept-elsewhere")  # a link inside the journal: read by the seam
    first.rename(kept)
    first.symlink_to(kept.name)
    now = clock_now()
    today = now.date()
    quick = b"".join(chunks(build_complete(journal, Options(), today, now, streamed=True)))
    monkeypatch.setattr(walk, "read", lambda *_: None)  # every file as the seam reads it
    plain = b"".join(chunks(build_complete(journal, Options(), today, now, streamed=True)))
    assert quick == plain
    assert "ﬁne, Straße" in json.loads(quick)["entries"][0]["file"]
