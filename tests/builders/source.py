"""Reading the package's source as text: what a module imports (for the architecture tests),
what messages it raises (for their English)."""

from __future__ import annotations

import ast
from pathlib import Path


def imported_names(path: Path) -> set[str]:
    """Every module name ``path`` imports, anywhere in it (functions included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _message_template(node: ast.expr) -> str | None:
    """The message a raise writes, with ``{}`` for each value filled in; None when it is
    not written out at the raise (a variable, a call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [value.value if isinstance(value, ast.Constant) else "{}" for value in node.values]
        return "".join(str(part) for part in parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _message_template(node.left), _message_template(node.right)
        return left + right if left is not None and right is not None else None
    return None


def raised_messages(root: Path, errors: set[str]) -> dict[str, list[str]]:
    """Every message raised as one of ``errors`` under ``root``: its template → where."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in errors and (template := _message_template(node.args[0])) is not None:
                found.setdefault(template, []).append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def subclasses_in_source(root: Path, known: set[str]) -> set[str]:
    """``known`` and every class under ``root`` derived from one of them, by name."""
    classes: list[tuple[str, set[str]]] = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {
                    base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")
                    for base in node.bases
                }
                classes.append((node.name, bases))
    found = set(known)
    while True:
        more = {name for name, bases in classes if bases & found} - found
        if not more:
            return found
        found |= more
