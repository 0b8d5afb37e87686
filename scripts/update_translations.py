#!/usr/bin/env python3
"""Refresh the translation catalogue of the UI and compile it.

    python scripts/update_translations.py          # lupdate → .ts, then lrelease → .qm
    python scripts/update_translations.py --check  # exit 1 if the .ts is stale or unfinished

``pyside6-lupdate`` collects every ``self.tr(...)``, ``QCoreApplication.translate(...)``
and ``QT_TRANSLATE_NOOP(...)`` under ``desk_app/ui`` into
``resources/translations/desk_app_zh_CN.ts`` (the context of ``self.tr`` is the
class name, which is also what Qt looks up at run time). Translate new entries
with Qt Linguist (``pyside6-linguist``), then run this again to build the ``.qm``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desk_app" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"desk_app_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"desk_app_{language}.qm"


def tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python (the venv), else on PATH."""
    for folder in (
        Path(sys.executable).parent,
        Path(sys.prefix) / "bin",
        Path(sys.prefix) / "Scripts",
    ):
        for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def source_files() -> list[Path]:
    return sorted(SOURCES.rglob("*.py"))


def lupdate(ts_file: Path) -> None:
    files = [str(path.relative_to(ROOT)) for path in source_files()]
    subprocess.run(
        [tool("lupdate"), *files, "-no-obsolete", "-locations", "relative", "-ts", str(ts_file)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("lrelease"), str(ts_file), "-qm", str(qm_file)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


def messages(ts_file: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """``(context, source) → (translation, type)`` of every message in a .ts file."""
    result = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            result[(name, message.findtext("source", ""))] = (
                (translation.text or "") if translation is not None else "",
                translation.get("type") if translation is not None else None,
            )
    return result


def problems(language: str) -> list[str]:
    """What is wrong with the committed catalogue: stale or untranslated entries."""
    committed = ts_path(language)
    if not committed.exists():
        return [f"{committed} is missing"]
    found: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / committed.name
        shutil.copy(committed, fresh)
        lupdate(fresh)  # only the locations differ from an update in place
        updated = messages(fresh)
    current = messages(committed)
    for key in sorted(set(updated) - set(current)):
        found.append(f"not in the .ts (run this script): {key[0]}: {key[1]!r}")
    for key in sorted(set(current) - set(updated)):
        found.append(f"no longer in the sources: {key[0]}: {key[1]!r}")
    for key, (text, kind) in sorted(current.items()):
        if kind in ("unfinished", "vanished", "obsolete") or not text:
            found.append(f"not translated: {key[0]}: {key[1]!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only report stale or untranslated entries"
    )
    args = parser.parse_args(argv)
    if args.check:
        failures = [f"{language}: {p}" for language in LANGUAGES for p in problems(language)]
        print("\n".join(failures) or "translations up to date")
        return 1 if failures else 0
    for language in LANGUAGES:
        lupdate(ts_path(language))
        lrelease(ts_path(language), qm_path(language))
        unfinished = [
            k
            for k, (text, kind) in messages(ts_path(language)).items()
            if kind == "unfinished" or not text
        ]
        print(f"{ts_path(language).relative_to(ROOT)}: {len(unfinished)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
