"""Make the printing fonts of resources/fonts from Debian's font packages (run once, by hand).

    python scripts/make_print_fonts.py [--source DIR] [--out resources/fonts]

Needs fontTools (``pip install fonttools``: a tool for this script only, not a dependency
of the application). Without ``--source`` the script fetches the three packages below with
``apt-get download`` and unpacks them with ``dpkg-deb -x`` into a temporary folder; with
``--source`` it reads a folder where they are unpacked already. The versions are pinned so
that the fonts in the repository can be made again from the same sources.

What it makes (reportlab embeds and subsets TrueType outlines; it cannot read CFF ones):

- ``BabelStoneHan-GBK.ttf`` (primary): the glyphs of BabelStone Han 15.0.5 for all of GBK,
  the 8,105 characters of 通用规范汉字表 (``tests/printing/data/tgh_8105.txt``) and every
  other character of the Basic Multilingual Plane that the font has, except CJK Extension A,
  the compatibility ideographs and the private use area; plus the Greek and Cyrillic letters
  of GB 2312, which BabelStone Han lacks, from AR PL SungtiL GB 2.11 (the same Arphic
  design, the font printed before).
- ``BabelStoneHan-Rare.ttf`` (first fallback): every other character BabelStone Han has
  (Extension A, B … H, compatibility ideographs, a few symbols) except the private use
  area and variation selectors.
- ``HanaMinA-ExtA.ttf`` (last fallback): the characters of CJK Extension A that BabelStone
  Han lacks, from HanaMinA 2017-09-04 (Japanese glyph forms), so that all of Extension A
  (and so all the hanzi of GB 18030-2000) prints.

Every file gets new names and a description (name ID 10) stating what was changed and
when, as the Arphic Public License (section 2a) asks of modified copies.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from fontTools import merge, subset
from fontTools.misc.timeTools import timestampFromString
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
TGH_LIST = REPO / "tests" / "printing" / "data" / "tgh_8105.txt"
MADE_ON = "2026-12-07"  # the date this recipe was written, stamped into the fonts

PACKAGES = {
    "fonts-babelstone-han": "15.0.5-2",
    "fonts-arphic-gbsn00lp": "2.11-16",
    "fonts-hanazono": "20170904-2.1",
}
BABELSTONE = "usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"
SUNGTIL = "usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
HANAMIN_A = "usr/share/fonts/truetype/hanazono/HanaMinA.ttf"

EXT_A = range(0x3400, 0x4DC0)
COMPAT = range(0xF900, 0xFB00)
PRIVATE_USE = (range(0xE000, 0xF900), range(0xF0000, 0x110000))
VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0))
GB2312_GREEK = [
    *range(0x391, 0x3A2),
    *range(0x3A3, 0x3AA),
    *range(0x3B1, 0x3C2),
    *range(0x3C3, 0x3CA),
]
GB2312_CYRILLIC = [0x401, *range(0x410, 0x450), 0x451]

# Tables reportlab does not read (OpenType layout, vertical metrics, signatures).
DROP_TABLES = ["DSIG", "meta", "GSUB", "GPOS", "GDEF", "BASE", "FFTM", "prop", "mort"]
DROP_TABLES += ["vhea", "vmtx"]


def gbk_characters() -> set[int]:
    """Every character of GBK's two-byte range (Python's codec), user-defined areas aside."""
    found = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                ch = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and unicodedata.category(ch) not in {"Co", "Cn", "Cc"}:
                found.add(ord(ch))
    return found


def tgh_characters() -> set[int]:
    lines = TGH_LIST.read_text(encoding="utf-8").splitlines()
    chars = {ord(line) for line in lines if line and not line.startswith("#")}
    assert len(chars) == 8105, len(chars)
    return chars


def in_any(cp: int, ranges: tuple[range, ...]) -> bool:
    return any(cp in r for r in ranges)


def subset_font(path: Path, unicodes: set[int]) -> TTFont:
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += DROP_TABLES
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    font = TTFont(str(path), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def rename(font: TTFont, family: str, postscript: str, description: str) -> None:
    names = font["name"]
    for name_id in (1, 2, 3, 4, 6, 10, 16, 17):
        names.removeNames(nameID=name_id)
    for platform, encoding, language in ((3, 1, 0x409), (1, 0, 0)):
        for name_id, text in (
            (1, family),
            (2, "Regular"),
            (3, f"{postscript};{MADE_ON}"),
            (4, family),
            (6, postscript),
            (10, description),
        ):
            names.setName(text, name_id, platform, encoding, language)
    stamp = timestampFromString("Mon Dec  7 00:00:00 2026")
    font["head"].modified = stamp
    font["head"].created = stamp


def save(font: TTFont, path: Path) -> None:
    font.recalcTimestamp = False  # keep the stamp of rename(): the same bytes every run
    font.save(str(path))
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, {len(font.getBestCmap())} characters")


def make(source: Path, out: Path) -> None:
    wanted = tgh_characters() | gbk_characters()
    babelstone = set(TTFont(str(source / BABELSTONE), lazy=True).getBestCmap())
    primary = {
        cp
        for cp in babelstone
        if cp in wanted
        or (cp < 0x10000 and cp not in EXT_A and cp not in COMPAT and not in_any(cp, PRIVATE_USE))
    }
    rare = {
        cp
        for cp in babelstone - primary
        if not in_any(cp, PRIVATE_USE) and not in_any(cp, VARIATION_SELECTORS)
    }
    hanamin = set(TTFont(str(source / HANAMIN_A), lazy=True).getBestCmap())
    ext_a_fill = {cp for cp in EXT_A if cp in hanamin and cp not in babelstone}

    with tempfile.TemporaryDirectory() as tmp:
        main = subset_font(source / BABELSTONE, primary)
        main.save(f"{tmp}/main.ttf")
        greek_cyrillic = subset_font(source / SUNGTIL, set(GB2312_GREEK + GB2312_CYRILLIC))
        greek_cyrillic.save(f"{tmp}/greek_cyrillic.ttf")
        merged = merge.Merger().merge([f"{tmp}/main.ttf", f"{tmp}/greek_cyrillic.ttf"])
    rename(
        merged,
        "BabelStone Han GBK (desk-app subset)",
        "BabelStoneHanGBK-DeskApp",
        f"Modified {MADE_ON} by desk-app's scripts/make_print_fonts.py from BabelStone Han "
        f"15.0.5 (Debian fonts-babelstone-han {PACKAGES['fonts-babelstone-han']}): kept the "
        "characters of GBK, of the Table of General Standard Chinese Characters and the rest "
        "of the Basic Multilingual Plane except Extension A, compatibility ideographs and "
        "private use; added the Greek and Cyrillic letters of AR PL SungtiL GB 2.11 (Debian "
        f"fonts-arphic-gbsn00lp {PACKAGES['fonts-arphic-gbsn00lp']}); removed OpenType layout "
        "and vertical metrics tables and renamed the font. Arphic Public License.",
    )
    save(merged, out / "BabelStoneHan-GBK.ttf")

    rare_font = subset_font(source / BABELSTONE, rare)
    rename(
        rare_font,
        "BabelStone Han Rare (desk-app subset)",
        "BabelStoneHanRare-DeskApp",
        f"Modified {MADE_ON} by desk-app's scripts/make_print_fonts.py from BabelStone Han "
        f"15.0.5 (Debian fonts-babelstone-han {PACKAGES['fonts-babelstone-han']}): kept the "
        "characters not in the desk-app primary subset (CJK Extensions A-H, compatibility "
        "ideographs, supplementary symbols) without private use and variation selectors; "
        "removed OpenType layout and vertical metrics tables and renamed the font. "
        "Arphic Public License.",
    )
    save(rare_font, out / "BabelStoneHan-Rare.ttf")

    fill = subset_font(source / HANAMIN_A, ext_a_fill)
    rename(
        fill,
        "Desk Mincho ExtA (desk-app subset of Hanazono)",
        "DeskMinchoExtA-DeskApp",
        f"Modified {MADE_ON} by desk-app's scripts/make_print_fonts.py from HanaMinA "
        f"2017-09-04 (Debian fonts-hanazono {PACKAGES['fonts-hanazono']}): kept the CJK "
        "Extension A characters that BabelStone Han lacks; removed OpenType layout and "
        "vertical metrics tables and renamed the font. Hanazono Font License.",
    )
    save(fill, out / "HanaMinA-ExtA.ttf")


def fetch(folder: Path) -> None:
    for package, version in PACKAGES.items():
        subprocess.run(["apt-get", "download", f"{package}={version}"], cwd=folder, check=True)
    for deb in sorted(folder.glob("*.deb")):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(folder / "root")], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="folder with the packages unpacked")
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "fonts")
    args = parser.parse_args()
    if args.source is not None:
        make(args.source, args.out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fetch(Path(tmp))
        make(Path(tmp) / "root", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
