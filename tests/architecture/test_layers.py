"""The layers of ARCHITECTURE.md, checked on the source: ui → services → storage → core,
SQL only in storage, Qt only in the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.builders.source import imported_names as imported

PACKAGE = Path(__file__).resolve().parents[2] / "desk_app"
SQL_CALLS = {"execute", "executemany", "executescript"}


def modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def sql_calls(path: Path) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SQL_CALLS
    ]


def test_the_layers_are_where_the_architecture_says():
    assert modules("core") and modules("storage") and modules("services") and modules("ui")


@pytest.mark.parametrize("layer", ["core", "storage", "services", "printing", "exporting"])
def test_no_qt_below_the_ui(layer):
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in modules(layer)
        if any(name.startswith("PySide6") for name in imported(path))
    ]
    assert offenders == []


@pytest.mark.parametrize("layer", ["ui", "cli"])
def test_ui_and_cli_reach_data_only_through_services(layer):
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in modules(layer)
        if any(
            name.startswith(("desk_app.storage", "sqlite_utils", "sqlite3"))
            for name in imported(path)
        )
    ]
    assert offenders == []


@pytest.mark.parametrize("layer", ["core", "services", "ui", "cli", "printing", "exporting"])
def test_sql_is_written_only_in_storage(layer):
    offenders = {
        str(path.relative_to(PACKAGE)): lines
        for path in modules(layer)
        if (lines := sql_calls(path))
    }
    assert offenders == {}


def test_core_knows_nothing_above_it():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in modules("core")
        if any(
            name.startswith(("desk_app.storage", "desk_app.services", "desk_app.ui", "sqlite"))
            for name in imported(path)
        )
    ]
    assert offenders == []
