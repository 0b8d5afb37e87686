"""The printing font: AR PL SungtiL GB, registered with reportlab once per process.

``ensure_fonts_registered()`` returns the name to pass to reportlab. The TrueType
file in ``resources/fonts`` is parsed once (about 0.1 s for the 5 MB file) and
reportlab embeds a subset of it in every PDF, so every PC prints the same glyphs.
If the file is missing or unreadable the built-in CID font ``STSong-Light`` is used instead,
with a logged warning: it is not embedded and depends on the reader's fonts.

Glyph coverage. The font covers GB 2312 (6 763 hanzi plus symbols), not the rarer
characters of GBK/GB 18030 that turn up in people's names (喆, 堃 ...). For those,
and for a few symbols it lacks, ``text_runs()`` first swaps in a look-alike the
font has (``¥`` → ``￥``) and otherwise draws the character with ``STSong-Light``,
which covers Adobe-GB1: better a glyph from the reader's fonts than a blank box.

Bold. The font has no bold face. ``BOLD_STROKE_EM`` is the outline width (in em)
the renderer strokes on top of the fill (PDF text render mode 2) to fake one.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desk_app import paths

log = logging.getLogger(__name__)

FONT_FILE = "gbsn00lp.ttf"
FONT_NAME = "ARPLSungtiLGB"
FALLBACK_FONT = "STSong-Light"
BOLD_STROKE_EM = 0.035

# Characters the TTF lacks that have a close look-alike it does have.
_SUBSTITUTES = {
    "\u00a5": "\uffe5",  # ¥ → ￥ (the font only has the full-width yen/yuan sign)
    "\u2013": "-",  # – en dash
    "\u2022": "\u00b7",  # • bullet → · middle dot
    "\u3007": "\u25cb",  # 〇 ideographic zero → ○
    "\u00a0": " ",  # no-break space
    "\t": " ",
}


def ensure_fonts_registered() -> str:
    """Register the printing font (once per process) and return its reportlab name."""
    return _register(paths.fonts_dir() / FONT_FILE)


@cache
def _register(font_path: Path) -> str:
    problem = _load_ttf(font_path)
    if problem is None:
        _register_fallback()  # for the few glyphs the TTF lacks
        return FONT_NAME
    log.warning(
        "printing font %s %s; falling back to the non-embedded CID font %s, "
        "which depends on the PDF reader's fonts",
        font_path,
        problem,
        FALLBACK_FONT,
    )
    return _register_fallback()


def _load_ttf(font_path: Path) -> str | None:
    """Register the TTF under ``FONT_NAME``; what went wrong, or ``None``."""
    if not font_path.is_file():
        return "not found"
    try:
        pdfmetrics.getFont(FONT_NAME)
        return None  # already registered
    except KeyError:
        pass
    try:
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path)))
    except (OSError, TTFError) as exc:
        return f"unusable ({exc})"
    return None


@cache
def _register_fallback() -> str:
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return FALLBACK_FONT


@cache
def _charmap(font_name: str) -> frozenset[int] | None:
    """Code points the font has a glyph for; ``None`` for a CID font (covers all)."""
    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    cmap = getattr(face, "charToGlyph", None)
    return frozenset(cmap) if cmap is not None else None


def printable_text(text: str, font_name: str) -> str:
    """``text`` with the characters ``font_name`` lacks replaced by look-alikes it has."""
    covered = _charmap(font_name)
    if covered is None:
        return text
    return "".join(
        _SUBSTITUTES[ch] if ord(ch) not in covered and ch in _SUBSTITUTES else ch for ch in text
    )


def text_runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font, text)`` runs, using the fallback font for missing glyphs."""
    text = printable_text(text, font_name)
    covered = _charmap(font_name)
    if covered is None:
        return [(font_name, text)] if text else []
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = font_name if ord(ch) in covered or ch in "\r\n" else _register_fallback()
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def text_width(text: str, font_name: str, font_size: float) -> float:
    """Width in points of ``text`` as the renderer draws it (substitutes and fallback)."""
    covered = _charmap(font_name)
    if covered is not None and all(ord(ch) in covered for ch in text):
        return pdfmetrics.stringWidth(text, font_name, font_size)
    return sum(
        pdfmetrics.stringWidth(run, font, font_size) for font, run in text_runs(text, font_name)
    )
