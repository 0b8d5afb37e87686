"""The shape of ARCHITECTURE.md, checked on the source: the same feature packages in every
layer, no import circle, features' windows apart, change events only from ui.operations,
tests laid out like the package and importing only the shared builders."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.builders.source import imported_names

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desk_app"
TESTS = ROOT / "tests"
FEATURES = {
    "desk",
    "directory",
    "reception",
    "repairs",
    "ledger",
    "keys",
    "movein",
    "renovation",
    "shifts",
}
LAYERS = ("storage", "services", "ui", "cli")
# Packages in a layer that are not features: shared by all of them.
SHARED_PACKAGES = {"storage": {"migrations"}, "ui": {"widgets"}}
SHARED_SERVICE_MODULES = {"__init__", "operations", "features"}


def subpackages(folder: Path) -> set[str]:
    return {p.parent.name for p in folder.glob("*/__init__.py")}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def import_time_imports(path: Path) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports run when the module is imported: module level (inside try/if too), not in
    functions, and not under ``if TYPE_CHECKING``."""
    pending: list[ast.stmt] = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node):
                pending.extend(node.body)
            pending.extend(node.orelse)
        elif isinstance(node, ast.Try):
            pending.extend(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                pending.extend(handler.body)
        elif isinstance(node, ast.With):
            pending.extend(node.body)


def imported_modules(path: Path, modules: dict[str, Path]) -> set[str]:
    """The desk_app modules ``path`` imports at import time."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    for node in import_time_imports(path):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            if f"{base}.{alias.name}" in modules:
                found.add(f"{base}.{alias.name}")
            elif base in modules:
                found.add(base)
    return found


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.get(target, ())))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def test_every_layer_has_the_same_feature_packages():
    for layer in LAYERS:
        found = subpackages(PACKAGE / layer) - SHARED_PACKAGES.get(layer, set())
        assert found == FEATURES, layer


def test_services_hold_only_feature_packages_and_the_shared_modules():
    loose = {path.stem for path in (PACKAGE / "services").glob("*.py")}
    assert loose == SHARED_SERVICE_MODULES


def test_no_import_circle():
    modules = all_modules()
    graph = {name: imported_modules(path, modules) - {name} for name, path in modules.items()}
    assert strongly_connected(graph) == []


def test_the_circle_finder_finds_a_circle():
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("feature", sorted(FEATURES))
def test_a_feature_window_imports_no_other_feature_window(feature):
    others = tuple(f"desk_app.ui.{name}" for name in FEATURES - {feature})
    modules = all_modules()
    offenders = {
        name: sorted(
            target for target in imported_modules(path, modules) if target.startswith(others)
        )
        for name, path in modules.items()
        if name.startswith(f"desk_app.ui.{feature}.") or name == f"desk_app.ui.{feature}"
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_shared_widgets_import_no_feature_window():
    features = tuple(f"desk_app.ui.{name}" for name in FEATURES)
    modules = all_modules()
    offenders = {
        name: sorted(t for t in imported_modules(path, modules) if t.startswith(features))
        for name, path in modules.items()
        if name.startswith("desk_app.ui.widgets")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


# The hub's signal emitted, or its event made, anywhere but ui.operations (a widget's own
# ``self.changed`` is its business).
HAND_EMIT = re.compile(r"hub\w*\s*\.\s*changed\s*\.\s*emit\s*\(|\bChangeEvent\s*\(")


def test_only_ui_operations_emits_the_change_event():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path != PACKAGE / "ui" / "operations.py"
        and HAND_EMIT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert HAND_EMIT.search((PACKAGE / "ui" / "operations.py").read_text(encoding="utf-8"))


def test_the_hub_has_one_signal():
    tree = ast.parse((PACKAGE / "ui" / "events.py").read_text(encoding="utf-8"))
    [hub] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "EventHub"]
    signals = [
        target.id
        for node in hub.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and getattr(node.value.func, "id", "") == "Signal"
        for target in node.targets
        if isinstance(target, ast.Name)
    ]
    assert signals == ["changed"]


def test_no_test_module_imports_another():
    offenders = {}
    for path in TESTS.rglob("*.py"):
        names = imported_names(path)
        wrong = sorted(
            n for n in names if n.startswith("tests") and not n.startswith("tests.builders")
        )
        if wrong:
            offenders[str(path.relative_to(ROOT))] = wrong
    assert offenders == {}


@pytest.mark.parametrize("layer", LAYERS)
def test_tests_of_a_layer_are_filed_by_feature(layer):
    allowed = FEATURES | SHARED_PACKAGES.get(layer, set())
    folders = {p.name for p in (TESTS / layer).iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders <= allowed
