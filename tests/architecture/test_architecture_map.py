"""ARCHITECTURE.md stays true: every package and file it names exists, every feature
package of every layer is named in it, and its tables name real tables."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAP = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
NAMED_PATH = re.compile(
    r"`((?:desk_app|tests|forms|storage|services|ui|cli|core|demo)/[\w/.]*?)/?`"
)
FEATURE_SECTION = re.compile(r"^### (\w+) — ", re.M)


def package_paths() -> set[str]:
    return {
        path.parent.relative_to(ROOT).as_posix()
        for path in (ROOT / "desk_app").glob("*/*/__init__.py")
    }


def exists(named: str) -> bool:
    candidates = [named] if named.startswith(("desk_app/", "tests/", "forms/")) else []
    candidates.append(f"desk_app/{named}")
    return any((ROOT / c).exists() or (ROOT / f"{c}.py").exists() for c in candidates)


def test_every_path_it_names_exists():
    named = NAMED_PATH.findall(MAP)
    assert len(named) > 30
    assert [path for path in named if not exists(path)] == []


def test_every_feature_package_is_named():
    named = set(NAMED_PATH.findall(MAP))
    missing = sorted(path for path in package_paths() - named if not path.endswith("migrations"))
    assert missing == []


def test_a_section_for_every_feature():
    features = {p.parent.name for p in (ROOT / "desk_app" / "services").glob("*/__init__.py")}
    assert set(FEATURE_SECTION.findall(MAP)) == features


def test_every_table_of_the_schema_is_under_a_feature(desk):
    sections = MAP.split("## Features", 1)[1].split("## Invariants", 1)[0]
    named = set(re.findall(r"`([a-z_]+)`", sections))
    tables = {
        name
        for name in desk.db.table_names() + desk.db.view_names()
        if not name.startswith(("_", "sqlite_"))
    }
    assert len(tables) > 40
    assert sorted(tables - named) == []


def test_every_printed_form_is_under_a_feature():
    sections = MAP.split("## Features", 1)[1].split("## Invariants", 1)[0]
    forms = {path.stem for path in (ROOT / "forms").glob("*.toml")}
    assert sorted(form for form in forms if f"`{form}`" not in sections) == []
