"""The layers stay apart: no import cycles, and the domain and storage draw nothing.

Read from the source with `ast`, so a lazy import inside a function counts as
much as one at the top, and one under `if TYPE_CHECKING:` too: it never runs,
but two modules that each need the other are one module in two files, and the
cure is the same (move what both need into a third).
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support.paths import ROOT

SRC = ROOT / "src"
PACKAGE = "trustlog"
UI_LIBRARIES = {"typer", "rich", "questionary", "prompt_toolkit", "click"}
ABOVE_STORAGE = ("domain", "cli", "render", "prompts")
# Journal bytes are read and written through `Journal` only (encryption plugs in there).
FILE_CALLS = {"open", "read_text", "write_text", "read_bytes", "write_bytes"}
FILE_MODULES = {"shutil", f"{PACKAGE}.storage.atomic"}


@dataclass(frozen=True)
class Import:
    module: str
    type_checking: bool
    line: int


def module_files() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = module_files()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, type_checking: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for inner in child.body:
                yield inner, True
                yield from _walk(inner, True)
            for inner in child.orelse:
                yield inner, type_checking
                yield from _walk(inner, type_checking)
            continue
        yield child, type_checking
        yield from _walk(child, type_checking)


def imports_of(name: str) -> list[Import]:
    """Every module `name` imports, by full dotted name (`from a import b` is a.b if b is one)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node, type_checking in _walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(alias.name, type_checking, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.append(Import(full if full in MODULES else base, type_checking, node.lineno))
    return found


def graph() -> dict[str, set[str]]:
    """Our modules and the ones of ours each imports: at the top, in a function, or for types."""
    return {name: set(_edges(name)) for name in MODULES}


def _edges(name: str) -> dict[str, int]:
    """The modules of ours `name` imports, each with the first line that does."""
    found: dict[str, int] = {}
    for imported in imports_of(name):
        target = _ours(imported.module)
        if target is not None and target != name:
            found.setdefault(target, imported.line)
    return found


def _where(cycle: list[str]) -> str:
    """A cycle as a person fixes it: each step with the file and line of its import."""
    steps = [cycle[0]]
    for here, there in itertools.pairwise(cycle):
        path = MODULES[here].relative_to(SRC.parent)
        steps.append(f"{there} ({path}:{_edges(here)[there]})")
    return "\n    -> ".join(steps)


def _ours(module: str) -> str | None:
    """The longest of our modules that `module` names (a.b.c may be a name inside a.b)."""
    parts = module.split(".")
    while parts:
        if ".".join(parts) in MODULES:
            return ".".join(parts)
        parts.pop()
    return None


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return [_one_cycle(edges, group) for group in groups]


def _one_cycle(edges: dict[str, set[str]], group: set[str]) -> list[str]:
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(edges[node] & group):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no cycle in {group}")  # pragma: no cover


def in_layer(layer: str) -> list[str]:
    prefix = f"{PACKAGE}.{layer}"
    return [name for name in MODULES if name == prefix or name.startswith(prefix + ".")]


def test_the_graph_sees_lazy_and_type_checking_imports():
    state = f"{PACKAGE}.cli.state"
    journal = f"{PACKAGE}.storage.journal"
    # cli/state.py imports Journal for type hints and again, lazily, where it is used.
    assert {i.type_checking for i in imports_of(state) if i.module == journal} == {True, False}
    assert journal in graph()[state]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_the_cycle_message_names_each_import_by_file_and_line():
    journal, drafts = f"{PACKAGE}.storage.journal", f"{PACKAGE}.storage.drafts"
    line = _edges(journal)[drafts]
    assert _where([journal, drafts]).endswith(f"{drafts} (src/trustlog/storage/journal.py:{line})")


def test_no_import_cycles():
    found = cycles(graph())
    assert not found, (
        "import cycles (one module in two files: move what both need into a module of its "
        "own that imports neither):\n" + "\n".join(_where(cycle) for cycle in found)
    )


def test_domain_and_storage_import_no_ui_library():
    offending = [
        f"{MODULES[name]}:{imported.line} imports {imported.module}"
        for name in in_layer("domain") + in_layer("storage")
        for imported in imports_of(name)
        if imported.module.split(".")[0] in UI_LIBRARIES
    ]
    assert not offending, "\n".join(offending)


def test_storage_imports_nothing_from_the_layers_above_it():
    above = tuple(f"{PACKAGE}.{layer}" for layer in ABOVE_STORAGE)
    offending = [
        f"{MODULES[name]}:{imported.line} imports {imported.module}"
        for name in in_layer("storage")
        for imported in imports_of(name)
        if imported.module.startswith(above)
    ]
    assert not offending, "\n".join(offending)


def _file_calls(source: str, where: str) -> Iterator[str]:
    """Calls that open, read or write a file directly; a journal's own methods are the seam."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            yield f"{where}:{node.lineno} calls open()"
        elif isinstance(func, ast.Attribute) and func.attr in FILE_CALLS:
            receiver = func.value
            name = receiver.id if isinstance(receiver, ast.Name) else getattr(receiver, "attr", "")
            if not name.endswith("journal"):
                yield f"{where}:{node.lineno} calls {func.attr}()"


def test_the_file_check_sees_direct_reads_and_lets_the_journal_through():
    source = "journal.write_bytes(p, b'')\nself.journal.read_bytes(p)\np.read_text()\nopen(p)\n"
    assert list(_file_calls(source, "x.py")) == ["x.py:3 calls read_text()", "x.py:4 calls open()"]


def test_only_storage_touches_files():
    offending = []
    for name in set(MODULES) - set(in_layer("storage")):
        offending += [
            f"{MODULES[name]}:{imported.line} imports {imported.module}"
            for imported in imports_of(name)
            if imported.module in FILE_MODULES or imported.module.split(".")[0] in FILE_MODULES
        ]
        path = MODULES[name]
        offending += _file_calls(path.read_text(encoding="utf-8"), str(path))
    assert not offending, "\n".join(sorted(offending))


MOST_LINES = 400
# Longer for now, each with the reason; shorten one, then take it off this list.
LONGER_FOR_NOW = {
    "trustlog.render.export.html": "its markup moves into Jinja2 templates (issue 23, point 1)",
    "trustlog.storage.git": "split once the sync work on it has landed (issue 23)",
}


def test_no_module_is_longer_than_one_person_holds_in_mind():
    # STYLE.md 2: no file grows past what one person can hold in mind.
    long = {
        name: count
        for name, path in MODULES.items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
        and name not in LONGER_FOR_NOW
    }
    assert not long, (
        f"modules over {MOST_LINES} lines (split each by what its parts do, as "
        "docs/architecture.md shows):\n"
        + "\n".join(f"  {MODULES[name].relative_to(SRC.parent)}: {n}" for name, n in long.items())
    )
