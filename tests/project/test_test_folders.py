"""The tests are grouped as the code is: a feature's tests in its folder, helpers in support/.

docs/architecture.md ("Where do I put a test") says where each kind of test
goes; these checks say it again, to whoever adds a file in the wrong place.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.paths import TESTS

# Not tests and not helpers: data the tests read, kept where the tests find them.
DATA = {"fixtures", "golden", "snapshots"}
ADVICE = 'docs/architecture.md ("Where do I put a test") lists the folders'


def _folders(tests: Path) -> list[str]:
    return sorted(p.name for p in tests.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def suggested_folder(name: str, tests: Path = TESTS) -> str:
    """The folder a test file's name points to: tests/e2e/ for pexpect tests, else the
    feature its name starts with, when there is a folder of that name."""
    words = name.removeprefix("test_").removesuffix(".py").split("_")
    if "e2e" in words:
        return "tests/e2e/"
    folders = _folders(tests)
    for size in range(len(words), 0, -1):
        candidate = "_".join(words[:size])
        for folder in (candidate, candidate + "s", candidate.removesuffix("s")):
            if folder in folders and folder != "support":
                return f"tests/{folder}/"
    return "tests/<feature>/"


def misplaced(tests: Path) -> list[str]:
    """Each file in the wrong place, with where it goes and the command that moves it."""
    found = []
    for path in sorted(tests.glob("test_*.py")):
        where = suggested_folder(path.name, tests)
        found.append(
            f"tests/{path.name} sits directly in tests/: a test goes in the folder of the "
            f"feature it tests, named as in src/trustlog ({where}; tests that drive a "
            f"terminal with pexpect go in tests/e2e/). Move it with "
            f"`git mv tests/{path.name} {where}`; {ADVICE}."
        )
    for path in sorted(tests.rglob("*.py")):
        relative = path.relative_to(tests)
        top = relative.parts[0]
        if (
            top in DATA
            or top == "support"
            or (
                len(relative.parts) == 1
                and path.name
                in (
                    "__init__.py",
                    "conftest.py",
                )
            )
        ):
            continue
        if path.name in ("__init__.py", "conftest.py") or path.name.startswith("test_"):
            continue
        found.append(
            f"tests/{relative} is a helper, not a test: helpers live together in "
            f"tests/support/ (import it as tests.support.{path.stem}). Move it with "
            f"`git mv tests/{relative} tests/support/`; {ADVICE}."
        )
    for folder in sorted({p.parent for p in tests.rglob("test_*.py")} - {tests}):
        if not (folder / "__init__.py").exists():
            found.append(
                f"tests/{folder.relative_to(tests)}/ has no __init__.py: add an empty one, so "
                "its test modules are known by their folder (two folders may hold files "
                "of the same name)."
            )
    return found


def test_every_test_is_in_the_folder_of_its_feature_and_every_helper_in_support():
    found = misplaced(TESTS)
    assert not found, "\n".join(found)


def test_the_check_names_each_misplaced_file_with_where_it_goes(tmp_path):
    (tmp_path / "promise").mkdir()
    (tmp_path / "promise" / "__init__.py").write_text("")
    (tmp_path / "odd").mkdir()
    for name in ("test_promise_widgets.py", "odd/test_x.py", "odd/helpers.py", "helpers.py"):
        (tmp_path / name).write_text("")
    found = misplaced(tmp_path)
    assert len(found) == 4, found
    assert found[0].startswith("tests/test_promise_widgets.py sits directly in tests/")
    assert "`git mv tests/test_promise_widgets.py tests/promise/`" in found[0]
    assert "`git mv tests/helpers.py tests/support/`" in found[1]
    assert "`git mv tests/odd/helpers.py tests/support/`" in found[2]
    assert found[3].startswith("tests/odd/ has no __init__.py")


def test_a_file_is_pointed_to_its_features_folder():
    assert suggested_folder("test_promise_widgets.py") == "tests/promise/"
    assert suggested_folder("test_checkin_words.py") == "tests/checkin/"
    assert suggested_folder("test_sync_something.py") == "tests/sync/"
    assert suggested_folder("test_trigger_e2e.py") == "tests/e2e/"
    assert suggested_folder("test_dashboard_numbers.py") == "tests/<feature>/"
