"""The report loads only what the journal needs: a journal without a contract, an
agreement or a partner (one brought in from jrnl, say) loads none of those features."""

from __future__ import annotations

import statistics

from hypothesis import given
from hypothesis import strategies as st

from tests.cli.test_startup import modules_loaded_by
from trustlog.domain.partner import store
from trustlog.domain.report import figures

FRAME = (
    "trustlog.domain.contract.service",
    "trustlog.domain.agreement.service",
    "trustlog.domain.partner.figures",
    "trustlog.domain.partner.store",
    "statistics",
)


def test_a_report_without_contract_agreement_or_partner_loads_none_of_them(cli, home):
    assert cli("checkin", "--date", "2026-10-05", "--mood", "3").exit_code == 0
    loaded = modules_loaded_by(["report", "--month", "2026-10"], home)
    assert not loaded & set(FRAME)


def test_with_them_the_report_loads_and_shows_them(cli, home):
    made = cli("contract", "write", "--mine", "Say where I am", "--revisit", "2026-12-24")
    assert made.exit_code == 0, made.stderr
    added = cli("agreement", "add", "Phones away at dinner", "--area", "communication")
    assert added.exit_code == 0, added.stderr
    shown = cli("report", "--json").json()
    assert shown["contract"] is not None and shown["agreement_reviews_due"] == []
    loaded = modules_loaded_by(["report", "--json"], home)
    assert {"trustlog.domain.contract.service", "trustlog.domain.agreement.service"} <= loaded


def test_the_partner_folder_is_the_stores():
    assert figures.PARTNER_FOLDER == store.FOLDER


@given(st.lists(st.floats(0, 1), min_size=1))
def test_fmean_of_strengths_is_statistics_fmean(values):
    assert figures.fmean(values) == statistics.fmean(values)


@given(st.lists(st.integers(0, 10), min_size=1))
def test_fmean_of_moods_and_trusts_is_statistics_fmean(values):
    assert figures.fmean(values) == statistics.fmean(values)
