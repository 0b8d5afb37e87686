"""The printing fonts: coverage of 通用规范汉字表 and GBK, the embedded fallbacks, the
placeholder for characters no font has, lazy registration and the ToUnicode of non-BMP
characters."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from desk_app import paths
from desk_app.printing import fonts
from desk_app.printing.render import render_form
from tests.builders.pdf import pdf_text, squash

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]
EMBEDDED = {fonts.PRIMARY.name, *(font.name for font in fonts.FALLBACKS)}
# Common in given names, missing from GB 2312 (the font printed before), and 𠮷 (Ext B).
RARE_NAME_CHARS = "喆堃赟昇玥珺犇䶮燚垚琇旻暐祎禕瑄𠮷"


def tgh_characters() -> list[str]:
    lines = (DATA / "tgh_8105.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def gbk_characters() -> list[str]:
    """Every character of GBK's two-byte range that Python's codec decodes (no PUA)."""
    found = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                ch = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if unicodedata.category(ch) not in {"Co", "Cn", "Cc"}:
                found.append(ch)
    return found


def primary_cmap(font_name: str) -> set[int]:
    return set(pdfmetrics.getFont(font_name).face.charToGlyph)


def test_the_list_is_the_whole_table() -> None:
    chars = tgh_characters()
    assert len(chars) == len(set(chars)) == 8105
    assert all(len(ch) == 1 and "CJK" in unicodedata.name(ch) for ch in chars)
    assert chars[0] == "一" and chars[3499] == "矗" and chars[-1] == "蠼"


def test_every_character_of_the_table_and_of_gbk_is_in_the_primary_font(font_name: str) -> None:
    assert font_name == fonts.PRIMARY.name
    cmap = primary_cmap(font_name)
    gbk = gbk_characters()
    assert len(gbk) > 21000
    assert [ch for ch in tgh_characters() if ord(ch) not in cmap] == []
    assert [ch for ch in gbk if ord(ch) not in cmap] == []
    for ch in "㎡№￥":
        assert fonts.text_runs(ch, font_name) == [(font_name, ch)]
    # the forms' money sign is the full-width ￥ (as wide as a digit box, like the hanzi)
    assert ord("¥") in cmap and fonts.text_runs("¥5", font_name) == [(font_name, "￥5")]


@pytest.mark.parametrize(
    ("ch", "font_index"),
    [
        ("𠮷", 0),  # U+20BB7, Ext B
        ("𪚥", 0),  # U+2A6A5, Ext B
        ("㐀", 0),  # U+3400, Ext A in BabelStone Han
        ("\u3530", 1),  # Ext A that BabelStone Han lacks: from the HanaMinA subset
    ],
)
def test_rarer_characters_come_from_an_embedded_fallback(
    font_name: str, ch: str, font_index: int
) -> None:
    assert ord(ch) not in primary_cmap(font_name)
    assert fonts.text_runs(f"王{ch}", font_name) == [
        (font_name, "王"),
        (fonts.FALLBACKS[font_index].name, ch),
    ]


def test_no_run_uses_a_non_embedded_font(font_name: str) -> None:
    text = "".join(tgh_characters()) + "".join(gbk_characters()) + RARE_NAME_CHARS
    text += "".join(chr(cp) for cp in range(0x3400, 0x4DC0))  # all of Ext A
    runs = fonts.text_runs(text, font_name)
    assert {font for font, _ in runs} <= EMBEDDED
    assert "".join(run for _, run in runs) == text.replace("¥", "￥")  # no placeholder


def test_a_character_no_font_has_prints_as_a_placeholder_logged_once(
    font_name: str, caplog: pytest.LogCaptureFixture
) -> None:
    private = "\ue000"  # private use: in none of the fonts
    with caplog.at_level(logging.WARNING, logger="desk_app.printing.fonts"):
        runs = fonts.text_runs(f"张{private}三{private}", font_name)
    assert runs == [(font_name, f"张{fonts.PLACEHOLDER}三{fonts.PLACEHOLDER}")]
    assert caplog.text.count("U+E000") <= 1  # once per process, not once per use
    assert fonts.text_width(f"张{private}", font_name, 10) == pytest.approx(20)


def test_invisible_characters_are_dropped_not_replaced(font_name: str) -> None:
    # 葛 with an ideographic variation selector, a byte-order mark
    assert fonts.text_runs("葛\U000e0100亮\ufeff", font_name) == [(font_name, "葛亮")]
    assert fonts.printable_text("甲\t乙", font_name) == "甲 乙"


def test_a_missing_fallback_file_gives_placeholders_not_the_cid_font(
    font_name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    (tmp_path / fonts.PRIMARY.file).symlink_to(paths.fonts_dir() / fonts.PRIMARY.file)
    monkeypatch.setattr(paths, "fonts_dir", lambda: tmp_path)
    monkeypatch.setattr(
        fonts, "FALLBACKS", tuple(fonts.FontFile(f"DeskAppTestGone{i}", "gone.ttf") for i in (1, 2))
    )
    with caplog.at_level(logging.WARNING, logger="desk_app.printing.fonts"):
        assert fonts.ensure_fonts_registered() == font_name
        assert fonts.degraded() is None
        assert fonts.text_runs("吉𠮷", font_name) == [(font_name, "吉" + fonts.PLACEHOLDER)]
    assert "gone.ttf not found" in caplog.text


def test_non_bmp_characters_can_be_found_in_the_pdf(font_name: str) -> None:
    cmap = fonts._to_unicode_cmap("X", [0x5409, 0x20BB7])
    assert "<00> <5409>" in cmap and "<01> <D842DFB7>" in cmap
    pdf = render_form("handover_report", {"estate_name": "阳光花园", "note": "业主吉𠮷、𪚥"})
    text = squash(pdf_text(pdf))
    assert "吉𠮷" in text and "𪚥" in text


def test_fonts_register_on_the_first_print_and_the_fallbacks_only_when_needed() -> None:
    """In a fresh process: opening the main window's modules registers nothing; a print
    of common names registers the primary font only; a rare name then brings the fallback."""
    code = """
import sys
from reportlab.pdfbase import pdfmetrics
import desk_app.ui.main_window, desk_app.cli.main
from desk_app.printing import fonts
from desk_app.printing.render import render_form
def registered():
    return sorted(set(pdfmetrics.getRegisteredFontNames()) & {"BabelStoneHanGBK", "BabelStoneHanRare", "DeskMinchoExtA", "STSong-Light"})
print(registered())
render_form("handover_report", {"estate_name": "阳光花园", "note": "王喆 李堃"})
print(registered())
render_form("handover_report", {"estate_name": "阳光花园", "note": "吉𠮷"})
print(registered())
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO, env=env
    ).stdout.splitlines()
    assert out == [
        "[]",
        "['BabelStoneHanGBK']",
        "['BabelStoneHanGBK', 'BabelStoneHanRare']",
    ]


def test_the_font_files_and_their_licences_ship_together() -> None:
    folder = REPO / "resources" / "fonts"
    for font in (fonts.PRIMARY, *fonts.FALLBACKS):
        assert (folder / font.file).is_file(), font.file
    for licence in ("LICENSE-BabelStoneHan", "LICENSE-gbsn00lp", "LICENSE-HanaMinA"):
        assert any((folder / licence).iterdir()), licence
