"""End to end: the owner archive sheet (业主档案资料表) of a household whose names use
characters outside GB 2312 prints every one of them from fonts embedded in the PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import archive_print, estate, people
from desk_app.services.directory.people import PersonRecord
from tests.builders.pdf import pdf_text, poppler, squash

OWNER = "吉𠮷"  # 𠮷 U+20BB7 is outside the BMP
MEMBERS = ["王喆", "李堃", "张赟", "刘昇", "陈玥", "杨珺", "赵犇", "黄䶮", "周燚"]
MEMBERS += ["吴垚", "徐琇", "孙旻", "马暐", "朱祎", "胡禕", "郭瑄"]


def embedded_column(pdf: Path) -> dict[str, str]:
    """Font name → pdffonts' emb column (yes/no)."""
    out = subprocess.run(
        [poppler("pdffonts"), str(pdf)], capture_output=True, check=True, text=True, timeout=30
    ).stdout.splitlines()
    rows = {}
    for line in out[2:]:  # after the header and its rule
        fields = re.split(r"\s+", line.strip())
        # name, type (one or two words), encoding, emb, sub, uni, object, generation
        rows[fields[0]] = fields[-5]
    return rows


def test_rare_names_print_from_embedded_fonts(staffed_desk, tmp_path: Path) -> None:
    desk = staffed_desk
    estate.create_units(desk, BuildingPlan("3", 1, 1, 1, 5, 2, zero_padded=False))
    unit_id = estate.find_unit(desk, "3-1-501").id
    people.add_occupant(desk, unit_id, PersonRecord(name=OWNER, employer="堃玥珺有限公司"), "owner")
    for name in MEMBERS:
        people.add_occupant(desk, unit_id, PersonRecord(name=name), "member", relation="亲属")
    pdf = tmp_path / "archive.pdf"
    pdf.write_bytes(archive_print.print_archive_sheet(desk, unit_id).value.pdf)

    text = squash(pdf_text(pdf))
    for name in [OWNER, *MEMBERS]:
        assert name in text, name
    fonts = embedded_column(pdf)
    assert fonts and all(emb == "yes" for emb in fonts.values()), fonts
    assert any("BabelStoneHanRare" in name for name in fonts)  # 𠮷 came from the fallback
