"""The registry of kinds, and the declarations the answers and the JSON rely on."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

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
    # The table of names and modules, read without importing a kind, agrees with the kinds.
    assert tuple(kind.kind for kind in kinds.KINDS) == kinds.NAMES
    assert (
        tuple(dict.fromkeys(kind.folder for kind in kinds.KINDS if kind.folder))
        == kinds.UNDATED_FOLDERS
    )
    assert {kind.folder: kind.kind for kind in kinds.KINDS if kind.folder} == kinds.KEPT_IN
    assert dict(zip(kinds.NAMES, kinds.KINDS, strict=True)) == kinds.BY_NAME
    assert kinds.kind_named("nothing") is None


def test_reading_a_month_of_checkins_imports_no_other_kind(home, cli):
    cli("checkin", "--mood", "3")
    probe = (
        "import sys; from trustlog.cli.app import main\n"
        "sys.argv = ['trustlog', 'entries', '--json']\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.endswith('.model')), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = done.stderr.strip().splitlines()[-1]
    assert "trustlog.domain.checkin.model" in loaded
    assert "trustlog.domain.apology.model" not in loaded


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
