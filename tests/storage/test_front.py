"""The fast front-matter reader gives what tomllib gives, or leaves it to tomllib (issue 21).

`storage/front.read` reads the front matter trustlog writes (tomli-w's
output) without tomllib. Wherever it answers, the answer must be tomllib's to
the type and the offset; wherever tomllib refuses a text, it must not answer.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.paths import ROOT
from trustlog.storage import front
from trustlog.storage.document import FENCE

GENERATE = ROOT / "benchmarks" / "generate.py"


def strictly(value: Any) -> Any:
    """`value` with every type and offset spelled out: datetimes at different offsets
    but the same instant are equal in Python, and must not be here."""
    if isinstance(value, dict):
        return ("dict", [(key, strictly(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [strictly(item) for item in value])
    if isinstance(value, datetime):
        return ("datetime", value.isoformat(), repr(value.tzinfo), value.utcoffset())
    return (type(value).__name__, repr(value))


def same_as_tomllib(text: str) -> dict[str, Any] | None:
    fast = front.read(text)
    try:
        slow = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert fast is None, text  # a text tomllib refuses is never read here
        return None
    if fast is not None:
        assert strictly(fast) == strictly(slow), text
    return fast


ZONES = st.one_of(
    st.none(),
    st.just(UTC),
    st.builds(
        lambda minutes: timezone(timedelta(minutes=minutes)),
        st.integers(-23 * 60 - 59, 23 * 60 + 59),
    ),
)
TEXT = st.one_of(
    st.text(),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"])),
    st.sampled_from(["", "Home by 19:00", 'a "quote"', "back\\slash", "tab\there", "ünïcode ★"]),
)
SCALAR = st.one_of(
    TEXT,
    st.integers(),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=ZONES),
    st.datetimes(timezones=ZONES).map(lambda moment: moment.replace(microsecond=0)),
    st.floats(allow_nan=False),
    st.times(),
)
VALUE = st.one_of(SCALAR, st.lists(SCALAR, max_size=4), st.dictionaries(st.text(), SCALAR))
KEY = st.one_of(
    st.sampled_from(["kind", "id", "date", "created", "mood", "note", "tags", "a-b_9"]),
    st.text(min_size=1, max_size=8),
)


@settings(max_examples=600, deadline=None)
@given(fields=st.dictionaries(KEY, VALUE, max_size=8))
def test_what_tomli_w_writes_is_read_as_tomllib_reads_it(fields):
    same_as_tomllib(tomli_w.dumps(fields))


@settings(max_examples=300, deadline=None)
@given(
    fields=st.dictionaries(
        st.from_regex(r"[a-z_]{1,10}", fullmatch=True),
        st.one_of(
            st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"])).filter(
                lambda text: '"' not in text and "\\" not in text
            ),
            st.integers(-(10**17), 10**17),
            st.booleans(),
            st.dates(min_value=date(1000, 1, 1)),
            st.datetimes(min_value=datetime(1000, 1, 1), timezones=ZONES),
            st.lists(st.text(alphabet="abc xyz★", min_size=1), min_size=1, max_size=3),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_the_fields_trustlog_writes_are_read_without_tomllib(fields):
    assert same_as_tomllib(tomli_w.dumps(fields)) is not None


# Lines near what tomli-w writes, put together at random: whatever the reader accepts,
# tomllib reads the same; whatever tomllib refuses, the reader does not accept.
NEAR = st.sampled_from(
    [
        'kind = "checkin"',
        "kind = 'checkin'",
        'kind = "check\\"in"',
        "mood = 4",
        "mood = 04",
        "mood = -0",
        "mood = +4",
        "mood = 4 ",
        "mood = 1_000",
        "mood = 99999999999999999999999",
        "mood=4",
        "date = 2026-11-24",
        "date = 2026-02-30",
        "date = 2026-13-01",
        "date = 0000-01-01",
        "created = 2026-11-24 21:05:00+01:00",
        "created = 2026-11-24 21:05:00-00:30",
        "created = 2026-11-24 21:05:00+24:00",
        "created = 2026-11-24 24:05:00+01:00",
        "created = 2026-11-24 21:05:60",
        "created = 2026-11-24 21:05:00.123456+01:00",
        "created = 2026-11-24 21:05:00.123+01:00",
        "created = 2026-11-24T21:05:00Z",
        "created = 2026-11-24 21:05:00",
        "private = true",
        "private = True",
        "tags = [",
        '    "a",',
        '    "b"',
        "    4,",
        "]",
        "tags = []",
        "tags = [ ]",
        "",
        "# a comment",
        "[jrnl]",
        '"quoted key" = 1',
        "dotted.key = 1",
        "mood = 4 # four",
        'note = "line\x01"',
        'note = "tab\there"',
        'note = "\x7f"',
        "\r",
    ]
)


@settings(max_examples=800, deadline=None)
@given(lines=st.lists(NEAR, max_size=8))
def test_text_near_trustlog_s_is_read_as_tomllib_reads_it_or_left_to_it(lines):
    same_as_tomllib("\n".join(lines) + "\n")


def test_a_hand_edit_or_a_table_goes_to_tomllib():
    assert front.read('kind = "checkin"\nmood = 4  # good day\n') is None
    assert front.read('kind = "jrnl"\n\n[jrnl]\nuuid = "x"\n') is None
    assert front.read('kind = "x"\nkind = "y"\n') is None  # tomllib names the duplicate
    assert front.read('title = "say \\"hi\\""\n') is None
    assert front.read('kind = "checkin"\nmood = 4\n') == {"kind": "checkin", "mood": 4}
    moment = front.read("at = 2026-11-24 21:05:00-05:30\n")["at"]
    assert moment.utcoffset() == -timedelta(hours=5, minutes=30)
    assert front.read("at = 09:00:00\n") is None and tomllib.loads("at = 09:00:00\n") == {
        "at": time(9)
    }


def test_every_file_of_a_generated_journal_is_read_without_tomllib(tmp_path):
    # What benchmarks/generate.py writes is what trustlog writes (tests/test_benchmarks.py).
    folder = tmp_path / "journal"
    done = subprocess.run(
        [sys.executable, str(GENERATE), str(folder), "--days", "120", "--seed", "3"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    files = sorted(folder.rglob("*.md"))
    assert len(files) > 200
    for path in files:
        lines = path.read_text(encoding="utf-8").split("\n")
        closing = lines.index(FENCE, 1)
        text = "\n".join(lines[1:closing]) + "\n"
        assert same_as_tomllib(text) is not None, path
