"""The printing fonts: embedded TrueType fonts, registered with reportlab on the first print.

``ensure_fonts_registered()`` returns the name of the primary font to pass to reportlab.
Every font here is a TrueType file in ``resources/fonts`` (subsets of Debian's font
packages made by ``scripts/make_print_fonts.py``; figures in ``resources/fonts/README.md``);
reportlab embeds a subset of each in every PDF, so every PC prints the same glyphs.

- ``BabelStoneHan-GBK.ttf`` (primary, Song): all of GBK, the 8,105 characters of
  通用规范汉字表, ¥ ㎡ № and the other symbols of the BMP. Registered on the first print.
- ``BabelStoneHan-Rare.ttf`` then ``HanaMinA-ExtA.ttf`` (fallbacks): CJK Extension A to H.
  Each is registered only when a text has a character the fonts before it lack, so a
  print of common names never pays for them.

reportlab has no fallback of its own: ``text_runs()`` splits a text into ``(font, text)``
runs by coverage: primary, then the fallbacks in order, then a look-alike the primary has
(``_SUBSTITUTES``), else ``PLACEHOLDER`` (〓, the typesetter's mark for a missing
character) with a warning logged once per character: never a character that silently
vanishes, never a glyph from the PDF reader's fonts. ``¥`` always prints as ``￥``
(``_PREFERRED``), as the forms always printed it.

Broken install. If the primary file is missing or unreadable, every text is drawn with
the built-in CID font ``STSong-Light`` (not embedded: the PDF depends on the reader's
fonts). That is an emergency, not a mode: ``degraded()`` says why, a warning is logged,
the renderer prints a notice on every page, and ``desk-app selftest`` fails.

Non-BMP characters. reportlab writes the ToUnicode entry of a character outside the BMP
as its code point (``<20BB7>``), which no reader understands, so 𠮷 could not be searched
or copied; ``_to_unicode_cmap`` replaces reportlab's function with one that writes
UTF-16BE (``<D842DFB7>``).

Bold. The fonts have no bold face. ``BOLD_STROKE_EM`` is the outline width (in em) the
renderer strokes on top of the fill (PDF text render mode 2) to fake one.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desk_app import paths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FontFile:
    name: str  # reportlab's name for it
    file: str  # in resources/fonts


PRIMARY = FontFile("BabelStoneHanGBK", "BabelStoneHan-GBK.ttf")
FALLBACKS = (
    FontFile("BabelStoneHanRare", "BabelStoneHan-Rare.ttf"),
    FontFile("DeskMinchoExtA", "HanaMinA-ExtA.ttf"),
)
FONT_NAME = PRIMARY.name
FONT_FILE = PRIMARY.file
EMERGENCY_FONT = "STSong-Light"  # built-in CID font, not embedded: only without the TTF
PLACEHOLDER = "\u3013"  # 〓 geta mark: a character no font has
BOLD_STROKE_EM = 0.035

# Always printed as another character: the forms' money sign is the full-width ￥, as wide
# as a hanzi and as a digit box of the receipts (the half-width ¥ looks lost there).
_PREFERRED = {"\u00a5": "\uffe5"}
# Characters no font has that have a close look-alike the primary font has.
_SUBSTITUTES = {
    "\u00a0": " ",  # no-break space
    "\t": " ",
    "\u2013": "-",  # – en dash
    "\u2022": "\u00b7",  # • bullet → · middle dot
    "\u2713": "\u221a",  # ✓ check mark → √ (a screen's tick prints as the forms' tick)
    "\u2714": "\u221a",  # ✔ heavy check mark → √
    "\u2717": "\u00d7",  # ✗ ballot x → ×
    "\u2718": "\u00d7",  # ✘ heavy ballot x → ×
    "\u2610": "\u25a1",  # ☐ ballot box → □
}
_KEEP = frozenset("\r\n")  # line ends: the line breaker's business, drawn by no one


def _invisible(ch: str) -> bool:
    """Variation selectors, zero-width joiners, BOM …: nothing to draw, nothing lost."""
    return unicodedata.category(ch) == "Cf" or "\ufe00" <= ch <= "\ufe0f" or ch >= "\U000e0100"


@dataclass
class _Fonts:
    """The fonts of one fonts folder (one per process, except in tests)."""

    folder: Path
    primary: str = EMERGENCY_FONT
    problem: str | None = None
    _covered: dict[str, frozenset[int]] = field(default_factory=dict)
    _fallbacks_loaded: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fallback_for(self, cp: int) -> str | None:
        """The first fallback font with the character, registering fallbacks as needed."""
        for index, font in enumerate(FALLBACKS):
            if index >= self._fallbacks_loaded:
                with self._lock:
                    if index >= self._fallbacks_loaded:
                        self._load_fallback(font)
                        self._fallbacks_loaded = index + 1
            covered = self._covered.get(font.name)
            if covered is not None and cp in covered:
                return font.name
        return None

    def _load_fallback(self, font: FontFile) -> None:
        problem = _load_ttf(font, self.folder / font.file)
        if problem is None:
            self._covered[font.name] = _charmap(font.name) or frozenset()
        else:
            log.warning("fallback printing font %s %s", self.folder / font.file, problem)
            self._covered[font.name] = frozenset()


@cache
def _fonts(folder: Path) -> _Fonts:
    _install_to_unicode_fix()
    fonts = _Fonts(folder)
    problem = _load_ttf(PRIMARY, folder / PRIMARY.file)
    if problem is None:
        fonts.primary = PRIMARY.name
        return fonts
    fonts.problem = f"printing font {folder / PRIMARY.file} {problem}"
    log.warning(
        "%s; printing with the non-embedded CID font %s, which depends on the PDF reader's "
        "fonts: reinstall the application",
        fonts.problem,
        EMERGENCY_FONT,
    )
    pdfmetrics.registerFont(UnicodeCIDFont(EMERGENCY_FONT))
    return fonts


def _current() -> _Fonts:
    return _fonts(paths.fonts_dir())


def ensure_fonts_registered() -> str:
    """Register the primary font (once per process) and return its reportlab name."""
    return _current().primary


def degraded() -> str | None:
    """Why printing is in its emergency state (the primary font unusable); ``None`` if not."""
    return _current().problem


def _load_ttf(font: FontFile, font_path: Path) -> str | None:
    """Register the TTF under ``font.name``; what went wrong, or ``None``."""
    if not font_path.is_file():
        return "not found"
    try:
        pdfmetrics.getFont(font.name)
        return None  # already registered
    except KeyError:
        pass
    try:
        pdfmetrics.registerFont(TTFont(font.name, str(font_path)))
    except (OSError, TTFError) as exc:
        return f"unusable ({exc})"
    return None


@cache
def _charmap(font_name: str) -> frozenset[int] | None:
    """Code points the font has a glyph for; ``None`` for a CID font (covers all)."""
    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    cmap = getattr(face, "charToGlyph", None)
    return frozenset(cmap) if cmap is not None else None


_reported: set[str] = set()


def _missing(ch: str) -> str:
    if ch not in _reported:
        _reported.add(ch)
        log.warning(
            "no printing font has U+%04X %s; printed as %s",
            ord(ch),
            unicodedata.name(ch, "(unnamed)"),
            PLACEHOLDER,
        )
    return PLACEHOLDER


def text_runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font, text)`` runs: the font that draws each character."""
    covered = _charmap(font_name)
    if covered is None:  # a CID font: it draws everything
        return [(font_name, text)] if text else []
    runs: list[tuple[str, str]] = []
    for ch in text:
        ch = _PREFERRED.get(ch, ch)
        font, drawn = (font_name, ch) if ord(ch) in covered else _choose(covered, font_name, ch)
        if not drawn:
            continue
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + drawn)
        else:
            runs.append((font, drawn))
    return runs


def _choose(covered: frozenset[int], primary: str, ch: str) -> tuple[str, str]:
    """The font and text for a character the primary font lacks."""
    if ch in _KEEP:
        return primary, ch
    if _invisible(ch):
        return primary, ""
    fallback = _current().fallback_for(ord(ch))
    if fallback is not None:
        return fallback, ch
    substitute = _SUBSTITUTES.get(ch)
    if substitute is not None and all(ord(c) in covered for c in substitute):
        return primary, substitute
    return primary, _missing(ch)


def printable_text(text: str, font_name: str) -> str:
    """``text`` as it prints: look-alikes and placeholders in, invisible characters out."""
    return "".join(run for _, run in text_runs(text, font_name))


def text_width(text: str, font_name: str, font_size: float) -> float:
    """Width in points of ``text`` as the renderer draws it (fallbacks and substitutes)."""
    covered = _charmap(font_name)
    if covered is None or all(ord(ch) in covered and ch not in _PREFERRED for ch in text):
        return pdfmetrics.stringWidth(text, font_name, font_size)
    return sum(
        pdfmetrics.stringWidth(run, font, font_size) for font, run in text_runs(text, font_name)
    )


# -- ToUnicode of characters outside the BMP --------------------------------------------


def _utf16_hex(cp: int) -> str:
    if cp < 0x10000:
        return f"{cp:04X}"
    cp -= 0x10000
    return f"{0xD800 + (cp >> 10):04X}{0xDC00 + (cp & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ``makeToUnicodeCMap`` (5.x) with the destination as UTF-16BE.

    reportlab writes ``<%04X>`` of the code point, i.e. ``<20BB7>`` for 𠮷: a ToUnicode
    destination must be UTF-16BE, so readers drop the character from search and copy.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(cp)}>" for i, cp in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _install_to_unicode_fix() -> None:
    """Make reportlab's TrueType fonts use ``_to_unicode_cmap`` (looked up as a global of
    ``reportlab.pdfbase.ttfonts`` by ``TTFont.addObjects``)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
