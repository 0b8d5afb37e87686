"""The messages of the desk's rules in the interface's language.

Services and storage raise ``DeskError`` with a Chinese message: the command line prints
it as it is, and so does the window in Chinese. In English, the message is looked up in
``resources/translations/errors_en.toml`` by its template (each ``{}`` a value filled in
at the raise, matched back out of the message); values that are messages themselves
(接班人：登录名或密码不正确。) are translated too. A message with no entry shows as raised.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from desk_app.core.errors import DeskError
from desk_app.paths import translations_dir
from desk_app.ui.i18n import current_language

CATALOGUE = "errors_en.toml"
HAN = re.compile(r"[\u3400-\u9fff]")
NESTING = 2  # a value that is a message, inside a message, at most this deep


@dataclass(frozen=True)
class Template:
    pattern: re.Pattern[str]
    english: str


@cache
def catalogue() -> tuple[dict[str, str], tuple[Template, ...]]:
    """Messages without values by their text; the others as patterns, the most specific
    (the longest fixed text) first."""
    with (translations_dir() / CATALOGUE).open("rb") as file:
        entries: dict[str, str] = tomllib.load(file)["messages"]
    plain = {chinese: english for chinese, english in entries.items() if "{}" not in chinese}
    templates = sorted(
        (chinese for chinese in entries if "{}" in chinese),
        key=lambda chinese: len(chinese.replace("{}", "")),
        reverse=True,
    )
    return plain, tuple(
        Template(
            re.compile("(.*?)".join(re.escape(part) for part in chinese.split("{}")), re.DOTALL),
            entries[chinese],
        )
        for chinese in templates
    )


def english(message: str, depth: int = 0) -> str:
    """``message`` in English when the catalogue has it, else as it is."""
    plain, templates = catalogue()
    if message in plain:
        return plain[message]
    for template in templates:
        found = template.pattern.fullmatch(message)
        if found is None:
            continue
        values = [
            english(value, depth + 1) if depth < NESTING and HAN.search(value) else value
            for value in found.groups()
        ]
        return template.english.format(*values)
    return message


def error_text(error: DeskError | str) -> str:
    """What to show for a refused action: the message in the interface's language."""
    message = error.message if isinstance(error, DeskError) else error
    return english(message) if current_language() == "en" else message
