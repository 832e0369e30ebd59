"""Any text a person can type survives the contract, an agreement and a support contact."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlog.domain import support
from trustlog.domain.agreement import service as agreements
from trustlog.domain.contract import service as contracts
from trustlog.domain.kinds import UNDATED_FOLDERS
from trustlog.storage.journal import Journal

NOW = datetime.fromisoformat("2026-11-24T20:00:00+00:00")

# Every Unicode character but lone surrogates and NUL; with something besides space, since
# blank text counts as not given.
typed = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
).filter(lambda text: text.strip() == text and text != "")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A new journal for every example (a session-wide factory, as hypothesis asks)."""
    return lambda: Journal(
        tmp_path_factory.mktemp("j") / "journal", undated_folders=UNDATED_FOLDERS
    )


@settings(max_examples=60, deadline=None)
@given(mine=st.lists(typed, min_size=1, max_size=3), support_words=typed, breaks=typed)
def test_a_contract_reads_back_as_written(fresh, mine, support_words, breaks):
    journal = fresh()
    draft = contracts.ContractDraft(mine=mine, support=support_words, breaks=breaks)
    contracts.write_contract(journal, draft, NOW)
    current = contracts.current_contract(journal)
    assert current is not None
    assert (current.mine, current.support, current.breaks) == (mine, support_words, breaks)


@settings(max_examples=60, deadline=None)
@given(first=typed, second=typed)
def test_an_agreement_and_its_history_read_back_as_written(fresh, first, second):
    journal = fresh()
    saved = agreements.add_agreement(journal, first, "other", None, NOW)
    agreements.revise_agreement(journal, saved.standing.agreement.id, second, NOW.date())
    [agreement] = agreements.load_agreements(journal)
    assert agreement.text == second
    assert agreement.earlier == ([first] if first != second else [])


@settings(max_examples=60, deadline=None)
@given(text=typed)
def test_a_support_contact_reads_back_as_written(fresh, text):
    journal = fresh()
    support.add_contact(journal, text, NOW)
    [contact] = support.list_contacts(journal)
    assert contact.support.text == text
