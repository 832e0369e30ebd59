"""The registry of kinds, and the declarations the answers and the JSON rely on."""

from __future__ import annotations

import dataclasses

import pytest

from trustlog.domain import folders, kinds
from trustlog.domain.apology.model import ApologyParts
from trustlog.domain.checkin.model import CheckinAnswers
from trustlog.domain.core.fields import Answers, declared
from trustlog.domain.ritual.model import RitualAnswers
from trustlog.domain.trigger.service import TriggerAnswers
from trustlog.errors import InputError


def test_the_registry_lists_each_kind_once_and_says_where_it_lives():
    assert kinds.NAMES == (
        "checkin",
        "trigger",
        "apology",
        "promise",
        "mark",
        "contract",
        "agreement",
        "support",
        "ritual",
        "plan",
        "jrnl",
        "conflict",
    )
    dated = [kind.kind for kind in kinds.KINDS if kind.folder is None]
    assert dated == ["checkin", "trigger", "apology", "mark", "ritual", "jrnl"]
    assert kinds.UNDATED_FOLDERS == (
        "promises",
        "contracts",
        "agreements",
        "support",
        "plans",
        "conflicts",
    )
    assert set(kinds.UNDATED_FOLDERS) == set(folders.UNDATED_FOLDERS)  # what every command opens


@pytest.mark.parametrize("answers", [CheckinAnswers, TriggerAnswers, ApologyParts, RitualAnswers])
def test_every_answer_is_a_declared_field_with_a_flag(answers: type[Answers]):
    specs = declared(answers.model)
    for name in (f.name for f in dataclasses.fields(answers)):
        assert name in specs, name
        assert specs[name].flag, name


@pytest.mark.parametrize("kind", kinds.KINDS, ids=kinds.NAMES)
def test_a_json_order_names_only_what_the_kind_holds(kind):
    for name in kind.json_order or ():
        assert name in declared(kind) or isinstance(getattr(kind, name), property), name


def test_answers_are_checked_by_the_declaration():
    checked = CheckinAnswers(feeling="  ", grateful=["tea", " "], mood=3).checked()
    assert checked == CheckinAnswers(mood=3, grateful=["tea"])
    assert checked.given() == ["mood", "grateful"]
    with pytest.raises(InputError, match=r"^--trust: please give a whole number from 0 to 10"):
        CheckinAnswers(trust=11).checked()
    with pytest.raises(InputError, match=r"^--grateful: up to 3 things, please \(got 4\)"):
        CheckinAnswers(grateful=["a", "b", "c", "d"]).checked()
    with pytest.raises(InputError, match=r"^--breathe: "):
        TriggerAnswers(breathed_seconds=-1).checked()
    assert ApologyParts(did=" ", amends="Call at 7").checked() == ApologyParts(amends="Call at 7")
