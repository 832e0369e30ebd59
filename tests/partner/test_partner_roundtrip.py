"""Any text a person can type in a promise or the contract reaches the partner unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.partner_helpers import pair

typed = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=80,
).filter(lambda text: text.strip() and not text.startswith("-"))


# `cli` is a runner and holds nothing between examples; each example makes its own journals.
@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(promise=typed, mine=typed, theirs=typed, support=typed)
def test_a_promise_and_the_contract_survive_a_share_and_a_receive(
    cli, tmp_path, promise, mine, theirs, support
):
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        alex, sam = pair(cli, Path(folder))
        made = alex.json("promise", "add", promise, "--start", "2026-11-20")
        written = alex.json(
            "contract", "write", "--mine", mine, "--theirs", theirs, "--support", support
        )
        path = alex.share("s.age", "--what", "promises", "--what", "contract")
        sealed = path.read_bytes()
        for words in (promise, mine, theirs, support):
            if len(words.strip().encode()) >= 8:  # shorter bytes could turn up by chance
                assert words.strip().encode() not in sealed
        sam.json("receive", str(path))
        shown = sam.json("partner")
        assert [item["text"] for item in shown["promises"]] == [made["text"]]
        contract = shown["contract"]
        assert contract["mine"] == written["mine"]
        assert contract["theirs"] == written["theirs"]
        assert contract["support"] == written["support"]
        agreed = sam.json("contract", "agree")
        assert (agreed["mine"], agreed["theirs"]) == (written["theirs"], written["mine"])
        assert agreed["agreed_by_both"] == "2026-11-24"
